use serde::{Deserialize, Serialize};

/// Inline messages for a form, keyed by the field's `name`, in the order they were found.
///
/// It also carries back what the user typed in fields that are not secret, because without
/// JavaScript a failed form post reloads the page and would otherwise come back empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors {
    messages: Vec<(String, String)>,
    kept: Vec<(String, String)>,
}

impl FieldErrors {
    /// Just one message, for `field`.
    pub fn one(field: &str, message: impl Into<String>) -> Self {
        let mut errors = Self::default();
        errors.add(field, message);
        errors
    }

    /// Records `message` for `field`; the first message for a field wins.
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        if self.get(field).is_none() {
            self.messages.push((field.to_owned(), message.into()));
        }
    }

    /// The message for `field`, if it has one.
    pub fn get(&self, field: &str) -> Option<&str> {
        find(&self.messages, field)
    }

    /// Records the message of a failed parse under `field`; passes a success through.
    pub fn check<T>(&mut self, field: &str, parsed: Result<T, String>) -> Option<T> {
        parsed.map_err(|message| self.add(field, message)).ok()
    }

    /// Keeps what the user typed in `field` to show it again. Never call this for a secret.
    pub fn keep(mut self, field: &str, value: &str) -> Self {
        self.kept.push((field.to_owned(), value.to_owned()));
        self
    }

    /// What the user had typed in `field`.
    pub fn kept(&self, field: &str) -> Option<&str> {
        find(&self.kept, field)
    }

    /// Every (field, message), in the order they were found.
    pub fn messages(&self) -> impl Iterator<Item = (&str, &str)> {
        self.messages
            .iter()
            .map(|(field, message)| (field.as_str(), message.as_str()))
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    /// One sentence for places that show a single message (a summary above the form).
    pub fn summary(&self) -> String {
        match self.messages.as_slice() {
            [] => "Please check the form.".to_owned(),
            [(_, only)] => only.clone(),
            many => format!("Please correct the {} fields marked below.", many.len()),
        }
    }

    /// `Ok(value)` when no field failed, else the errors.
    pub fn into_result<T>(self, value: T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

fn find<'a>(pairs: &'a [(String, String)], field: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(name, _)| name == field)
        .map(|(_, value)| value.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_message_for_a_field_is_kept() {
        let mut errors = FieldErrors::default();
        errors.add("email", "Enter an email address.");
        errors.add("email", "That email is already in use.");
        assert_eq!(errors.get("email"), Some("Enter an email address."));
    }

    #[test]
    fn the_summary_names_a_single_problem_and_counts_several() {
        let mut errors = FieldErrors::default();
        errors.add("password", "Use at least 12 characters.");
        assert_eq!(errors.summary(), "Use at least 12 characters.");
        errors.add("email", "Enter an email address.");
        assert_eq!(
            errors.summary(),
            "Please correct the 2 fields marked below."
        );
    }
}
