//! Short, single-line text a person types: names of things.

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
/// aside.
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    fn chunks(text: &str) -> Vec<(bool, String)> {
        let mut out: Vec<(bool, String)> = Vec::new();
        for c in text.chars() {
            let digit = c.is_ascii_digit();
            match out.last_mut() {
                Some((was_digit, chunk)) if *was_digit == digit => chunk.push(c),
                _ => out.push((digit, c.to_string())),
            }
        }
        out
    }
    let (a_chunks, b_chunks) = (chunks(a), chunks(b));
    for ((a_digit, a), (b_digit, b)) in a_chunks.iter().zip(&b_chunks) {
        let order = match (a_digit, b_digit) {
            (true, true) => {
                let (a, b) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
                a.len().cmp(&b.len()).then_with(|| a.cmp(b))
            }
            _ => a.to_lowercase().cmp(&b.to_lowercase()),
        };
        if order.is_ne() {
            return order;
        }
    }
    a_chunks.len().cmp(&b_chunks.len()).then_with(|| a.cmp(b))
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
}
