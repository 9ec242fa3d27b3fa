//! Dates as the API writes them, to and from Unix seconds.

pub const DAY: i64 = 86_400;

/// Seconds since 1970 of `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS…`.
pub fn seconds(text: &str) -> Option<i64> {
    let number = |range: std::ops::Range<usize>| text.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let time = if text.len() >= 19 {
        number(11..13)? * 3600 + number(14..16)? * 60 + number(17..19)?
    } else {
        0
    };
    Some(days_from_civil(year, month, day) * DAY + time)
}

/// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// `2026-11-30T10:00:00.000Z`
pub fn iso(at: i64) -> String {
    let days = at.div_euclid(DAY);
    let time = at.rem_euclid(DAY);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.000Z",
        time / 3600,
        time % 3600 / 60,
        time % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_and_write_the_same() {
        let at = seconds("2026-11-20T08:03:00.000Z").unwrap();
        assert_eq!(iso(at), "2026-11-20T08:03:00.000Z");
        assert_eq!(seconds("2026-11-20"), Some(at - 8 * 3600 - 3 * 60));
        assert_eq!(seconds("nonsense"), None);
    }
}
