//! Durations and recency in the words pages use: "3 h ago", "12 min", "1 incident".

const MINUTE: i64 = 60;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// How long ago something `seconds` old happened ("just now", "5 min ago", "3 h ago",
/// "1 day ago"); a time in the future reads "in 5 min".
pub fn ago(seconds: i64) -> String {
    if seconds < 0 {
        return format!("in {}", span(seconds.saturating_neg()));
    }
    if seconds < MINUTE {
        return "just now".to_owned();
    }
    format!("{} ago", span(seconds))
}

/// A duration in its largest whole unit: "45 s", "12 min", "3 h", "2 days".
pub fn span(seconds: i64) -> String {
    match seconds {
        s if s < MINUTE => format!("{s} s"),
        s if s < HOUR => format!("{} min", s / MINUTE),
        s if s < DAY => format!("{} h", s / HOUR),
        s => count(s / DAY, "day", "days"),
    }
}

/// "1 incident", "2 incidents", "0 incidents".
pub fn count(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// An exact UTC time (`2026-01-02T00:00:37Z`) as pages show times: `2026-01-02 00:00 UTC`;
/// `None` for other text.
pub fn utc_words(exact: &str) -> Option<String> {
    let (day, time) = exact.strip_suffix('Z')?.split_once('T')?;
    let hours_minutes = time.get(..5)?;
    (day.len() == 10).then(|| format!("{day} {hours_minutes} UTC"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recency_reads_in_its_largest_unit() {
        assert_eq!(ago(5), "just now");
        assert_eq!(ago(61), "1 min ago");
        assert_eq!(ago(3 * HOUR + 59 * MINUTE), "3 h ago");
        assert_eq!(ago(DAY), "1 day ago");
        assert_eq!(ago(9 * DAY), "9 days ago");
        assert_eq!(ago(-5 * MINUTE), "in 5 min");
        assert_eq!(ago(i64::MIN), format!("in {}", span(i64::MAX)));
    }

    #[test]
    fn exact_utc_times_read_as_every_page_shows_them() {
        assert_eq!(
            utc_words("2026-01-02T00:00:37Z").as_deref(),
            Some("2026-01-02 00:00 UTC")
        );
        assert_eq!(utc_words("2026-01-02"), None);
        assert_eq!(utc_words("—"), None);
        assert_eq!(utc_words("xT€Z"), None);
    }

    #[test]
    fn counts_take_the_plural_they_need() {
        assert_eq!(count(1, "page", "pages"), "1 page");
        assert_eq!(count(0, "page", "pages"), "0 pages");
        assert_eq!(count(188, "row", "rows"), "188 rows");
    }
}
