//! Time, as the database stores it: Unix seconds, UTC.

use time::{
    format_description::{well_known::Rfc3339, BorrowedFormatItem},
    macros::format_description,
    OffsetDateTime, PrimitiveDateTime,
};

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
    format(
        at,
        format_description!("[year]-[month]-[day] [hour]:[minute] UTC"),
    )
}

/// `at` as ISO 8601 (`2026-11-22T16:05:00Z`): it sorts as text like the times sources send.
pub fn format_iso(at: i64) -> String {
    format(
        at,
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z"),
    )
}

/// The day of `at`: `2026-11-22`.
pub fn format_day(at: i64) -> String {
    format(at, format_description!("[year]-[month]-[day]"))
}

/// An ISO 8601 time as sources send it (`2026-01-02T00:00:37.000Z`, with an offset, or with
/// none, which means UTC), in Unix seconds; `None` for anything else.
pub fn parse_iso(text: &str) -> Option<i64> {
    let at = OffsetDateTime::parse(text, &Rfc3339).or_else(|_| {
        PrimitiveDateTime::parse(
            text,
            format_description!(
                "[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond]]]"
            ),
        )
        .map(PrimitiveDateTime::assume_utc)
    });
    at.ok().map(OffsetDateTime::unix_timestamp)
}

/// Times outside what `time` can represent (years beyond ±9999) never come from the clock or
/// the database; they read as the epoch rather than failing a page.
fn format(at: i64, description: &[BorrowedFormatItem<'_>]) -> String {
    OffsetDateTime::from_unix_timestamp(at)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
        .format(description)
        .unwrap_or_default()
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

    #[test]
    fn times_sources_send_are_read_in_any_offset() {
        assert_eq!(parse_iso("2026-11-22T16:05:07.250Z"), Some(1_795_363_507));
        assert_eq!(parse_iso("2026-11-22T18:05:07+02:00"), Some(1_795_363_507));
        assert_eq!(parse_iso("2026-11-22T16:05:07"), Some(1_795_363_507));
        assert_eq!(parse_iso("2026-11-22T16:05:07.5"), Some(1_795_363_507));
        assert_eq!(parse_iso("2026-11-22"), None);
        assert_eq!(parse_iso("yesterday"), None);
    }
}
