//! Times as every page shows them ([`Moment`]).

use crate::{domain::time_words::ago, server::infra::clock, wire::moment::Moment};

/// `at` (Unix seconds) as pages show it, its recency counted from now.
pub fn moment(at: i64) -> Moment {
    moment_at(at, clock::now())
}

/// A time a source sent (ISO 8601, any offset) as the exact UTC value tables carry
/// (`2026-01-02T00:00:37Z`); `None` when it is not such a time.
pub fn in_utc(text: &str) -> Option<String> {
    clock::parse_iso(text).map(clock::format_iso)
}

fn moment_at(at: i64, now: i64) -> Moment {
    Moment {
        datetime: clock::format_iso(at),
        utc: clock::format_utc(at),
        ago: ago(now - at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moment_has_its_exact_value_its_utc_words_and_its_recency() {
        let at = 1_798_761_600; // 2027-01-01 00:00 UTC
        let moment = moment_at(at, at + 3 * clock::HOUR + 5);
        assert_eq!(moment.datetime, "2027-01-01T00:00:00Z");
        assert_eq!(moment.utc, "2027-01-01 00:00 UTC");
        assert_eq!(moment.ago, "3 h ago");
    }

    #[test]
    fn source_times_are_carried_in_utc_to_the_second() {
        assert_eq!(
            in_utc("2026-01-02T01:00:37.999+01:00").as_deref(),
            Some("2026-01-02T00:00:37Z")
        );
        assert_eq!(in_utc("soon"), None);
    }
}
