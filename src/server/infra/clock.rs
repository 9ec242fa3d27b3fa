//! Time, as the database stores it: Unix seconds, UTC.

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs() as i64)
        .unwrap_or(0)
}

pub const MINUTE: i64 = 60;
pub const HOUR: i64 = 60 * MINUTE;
pub const DAY: i64 = 24 * HOUR;

/// `at` (Unix seconds) as people read it: `2026-11-22 16:05 UTC`.
///
/// Formatted on the server so the page reads the same before and after hydration.
pub fn format_utc(at: i64) -> String {
    let days = at.div_euclid(DAY);
    let seconds = at.rem_euclid(DAY);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        seconds / HOUR,
        seconds % HOUR / MINUTE
    )
}

/// `at` as ISO 8601 (`2026-11-22T16:05:00Z`): it sorts as text like the times sources send.
pub fn format_iso(at: i64) -> String {
    let seconds = at.rem_euclid(DAY);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        format_day(at),
        seconds / HOUR,
        seconds % HOUR / MINUTE,
        seconds % MINUTE
    )
}

/// The day of `at`: `2026-11-22`.
pub fn format_day(at: i64) -> String {
    let (year, month, day) = civil_from_days(at.div_euclid(DAY));
    format!("{year:04}-{month:02}-{day:02}")
}

/// Year, month, day of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_formatted_in_utc() {
        assert_eq!(format_utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(format_utc(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(format_utc(1_795_363_500), "2026-11-22 16:05 UTC");
        assert_eq!(format_iso(1_795_363_507), "2026-11-22T16:05:07Z");
        assert_eq!(format_day(1_795_363_507), "2026-11-22");
    }
}
