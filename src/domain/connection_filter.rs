//! Which of a source's connections a list shows: by a part of the name, privacy and status.

use super::{limits::MAX_NAME_CHARS, CheckStatus, Privacy};

/// Every field left out matches every connection.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ConnectionFilter {
    /// Text the name contains, ignoring the case of ASCII letters (as SQLite's `lower` does).
    name: Option<String>,
    pub privacy: Option<Privacy>,
    /// What the last check of its token said.
    pub status: Option<CheckStatus>,
}

impl ConnectionFilter {
    /// A filter on `name` (trimmed; blank is no filter, and only the first 100 characters
    /// count, as no name is longer), privacy and status.
    pub fn new(name: Option<&str>, privacy: Option<Privacy>, status: Option<CheckStatus>) -> Self {
        let name = name
            .map(str::trim)
            .filter(|text| !text.is_empty())
            .map(|text| text.chars().take(MAX_NAME_CHARS).collect());
        Self {
            name,
            privacy,
            status,
        }
    }

    /// The text names must contain, lower-cased as the query compares it.
    pub fn name_contains(&self) -> Option<String> {
        self.name.as_deref().map(str::to_ascii_lowercase)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_text_filters_nothing_and_long_text_is_cut_to_a_names_length() {
        assert_eq!(
            ConnectionFilter::new(Some("  "), None, None),
            ConnectionFilter::default()
        );
        let long = "x".repeat(500);
        let filter = ConnectionFilter::new(Some(&long), None, None);
        assert_eq!(filter.name_contains().unwrap().len(), MAX_NAME_CHARS);
        assert_eq!(
            ConnectionFilter::new(Some(" Prod EU "), None, None).name_contains(),
            Some("prod eu".to_owned())
        );
    }
}
