//! Short, single-line text a person types: names of things.

use std::cmp::Ordering;

/// Trims `value` and checks it is present, at most `max` characters, and free of control
/// characters. `label` names the field in the message ("Team Name is required.").
pub fn parse_line(label: &str, value: &str, max: usize) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(format!("{label} is required."));
    }
    if value.chars().count() > max {
        return Err(format!("{label} can be at most {max} characters."));
    }
    if value.chars().any(char::is_control) {
        return Err(format!(
            "{label} cannot contain line breaks or control characters."
        ));
    }
    Ok(value.to_owned())
}

/// Like [`parse_line`], but empty is allowed (and becomes `None`).
pub fn parse_optional_line(label: &str, value: &str, max: usize) -> Result<Option<String>, String> {
    if value.trim().is_empty() {
        Ok(None)
    } else {
        parse_line(label, value, max).map(Some)
    }
}

/// "Service 2" before "Service 10": digits compare as numbers, the rest by letters, case
/// aside; text that reads the same by those rules falls back to exact order. It is the
/// database's `natural_order` collation too, so it allocates nothing.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a_rest, mut b_rest) = (a, b);
    loop {
        let (x, y) = match (a_rest.chars().next(), b_rest.chars().next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => (x, y),
        };
        if x.is_ascii_digit() && y.is_ascii_digit() {
            let (a_number, a_after) = leading_digits(a_rest);
            let (b_number, b_after) = leading_digits(b_rest);
            let (a_number, b_number) = (
                a_number.trim_start_matches('0'),
                b_number.trim_start_matches('0'),
            );
            let order = a_number
                .len()
                .cmp(&b_number.len())
                .then_with(|| a_number.cmp(b_number));
            if order.is_ne() {
                return order;
            }
            (a_rest, b_rest) = (a_after, b_after);
        } else {
            let order = x.to_lowercase().cmp(y.to_lowercase());
            if order.is_ne() {
                return order;
            }
            (a_rest, b_rest) = (&a_rest[x.len_utf8()..], &b_rest[y.len_utf8()..]);
        }
    }
}

/// The ASCII digits `text` starts with, and what follows them.
fn leading_digits(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    text.split_at(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_must_be_present() {
        assert_eq!(parse_line("Team Name", "  Ops  ", 10).unwrap(), "Ops");
        assert_eq!(
            parse_line("Team Name", "   ", 10).unwrap_err(),
            "Team Name is required."
        );
    }

    #[test]
    fn text_longer_than_the_limit_is_refused_in_characters_not_bytes() {
        assert!(parse_line("Name", "ééééé", 5).is_ok());
        assert_eq!(
            parse_line("Name", "ééééé!", 5).unwrap_err(),
            "Name can be at most 5 characters."
        );
    }

    #[test]
    fn control_characters_are_refused() {
        assert!(parse_line("Name", "a\u{0}b", 10).is_err());
        assert!(parse_line("Name", "two\nlines", 10).is_err());
    }

    #[test]
    fn optional_text_may_be_empty() {
        assert_eq!(parse_optional_line("Description", " ", 10).unwrap(), None);
    }

    #[test]
    fn names_sort_as_people_count() {
        let mut names = vec!["Service 10", "service 2", "Service 100", "Service 1", "API"];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            names,
            ["API", "Service 1", "service 2", "Service 10", "Service 100"]
        );
    }

    #[test]
    fn natural_order_is_total_and_reads_past_numbers() {
        assert_eq!(natural_cmp("db 02 eu", "db 2 us"), Ordering::Less);
        assert_eq!(natural_cmp("ab1", "abc"), Ordering::Less);
        assert_eq!(natural_cmp("a", "a1"), Ordering::Less);
        assert_eq!(natural_cmp("Émile 9", "émile 10"), Ordering::Less);
        // Equal by the rules, still ordered: a database sort needs one answer.
        assert_eq!(natural_cmp("Api", "API"), "Api".cmp("API"));
        assert_eq!(natural_cmp("x007", "x7"), "x007".cmp("x7"));
        assert_eq!(natural_cmp("same", "same"), Ordering::Equal);
    }
}
