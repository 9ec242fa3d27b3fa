//! Personal API keys: what a key may do, and what a person asks for when they make one.

use serde::{Deserialize, Serialize};

use super::{limits::MAX_NAME_CHARS, text::parse_line, FieldErrors};

/// Every key starts with this, so a leaked one is recognisable (secret scanners, logs).
pub const KEY_PREFIX: &str = "pb_";

/// How much of a key stays visible in lists: the prefix and the first characters after it.
pub const SHOWN_KEY_CHARS: usize = 11;

/// What a key may do. It always acts as its owner, never beyond what they may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum KeyScope {
    /// Reads only.
    Read,
    /// Reads and changes.
    Manage,
}

impl KeyScope {
    pub const ALL: [KeyScope; 2] = [KeyScope::Read, KeyScope::Manage];

    /// The name people see.
    pub fn label(self) -> &'static str {
        match self {
            KeyScope::Read => "Read",
            KeyScope::Manage => "Manage",
        }
    }

    /// The stable name in forms, the database and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyScope::Read => "read",
            KeyScope::Manage => "manage",
        }
    }
}

impl std::str::FromStr for KeyScope {
    type Err = String;

    fn from_str(value: &str) -> Result<Self, String> {
        KeyScope::ALL
            .into_iter()
            .find(|scope| scope.as_str() == value)
            .ok_or_else(|| "Choose a Scope: Read or Manage.".to_owned())
    }
}

impl std::fmt::Display for KeyScope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How long a new key works: the choices the form offers, in days (`None`: until revoked).
pub const EXPIRY_CHOICES: [(&str, Option<i64>, &str); 4] = [
    ("never", None, "Never"),
    ("30", Some(30), "In 30 days"),
    ("90", Some(90), "In 90 days"),
    ("365", Some(365), "In a year"),
];

/// A key as asked for in the form, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApiKey {
    pub name: String,
    pub scope: KeyScope,
    /// Days until it stops working; `None` for never.
    pub expires_in_days: Option<i64>,
}

impl NewApiKey {
    /// Reads the form's Name, Scope and expiry, reporting every problem at once.
    pub fn parse(name: &str, scope: Option<KeyScope>, expiry: &str) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = errors.check("name", parse_line("Name", name, MAX_NAME_CHARS));
        if scope.is_none() {
            errors.add("scope", "Choose a Scope: Read or Manage.");
        }
        let expiry = EXPIRY_CHOICES
            .iter()
            .find(|(value, _, _)| *value == expiry || (expiry.is_empty() && *value == "never"))
            .map(|(_, days, _)| *days);
        if expiry.is_none() {
            errors.add("expires", "Choose when the key expires.");
        }
        match (name, scope, expiry) {
            (Some(name), Some(scope), Some(expires_in_days)) if errors.is_empty() => Ok(Self {
                name,
                scope,
                expires_in_days,
            }),
            (name, _, _) => Err(errors.keep("name", name.as_deref().unwrap_or_default())),
        }
    }
}

/// Whether `text` has a key's shape: the prefix, then URL-safe base64. Anything else is
/// refused before the database is asked.
pub fn looks_like_key(text: &str) -> bool {
    text.strip_prefix(KEY_PREFIX).is_some_and(|rest| {
        rest.len() == 43
            && rest
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_asked_for_with_a_name_a_scope_and_an_expiry() {
        let key = NewApiKey::parse(" CI ", Some(KeyScope::Read), "90").unwrap();
        assert_eq!(
            key,
            NewApiKey {
                name: "CI".into(),
                scope: KeyScope::Read,
                expires_in_days: Some(90)
            }
        );
        assert_eq!(
            NewApiKey::parse("CI", Some(KeyScope::Manage), "")
                .unwrap()
                .expires_in_days,
            None
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let errors = NewApiKey::parse("", None, "7").unwrap_err();
        assert_eq!(errors.get("name"), Some("Name is required."));
        assert!(errors.get("scope").is_some());
        assert!(errors.get("expires").is_some());
    }

    #[test]
    fn only_the_key_shape_passes() {
        let key = format!("pb_{}", "a".repeat(43));
        assert!(looks_like_key(&key));
        assert!(!looks_like_key(&key[..key.len() - 1]));
        assert!(!looks_like_key(&format!("pb_{}", "a/".repeat(21) + "a")));
        assert!(!looks_like_key("Bearer x"));
    }

    #[test]
    fn scopes_read_from_their_own_names() {
        for scope in KeyScope::ALL {
            let json = format!("\"{}\"", scope.as_str());
            assert_eq!(serde_json::from_str::<KeyScope>(&json).unwrap(), scope);
        }
        assert!(serde_json::from_str::<KeyScope>("\"admin\"").is_err());
    }
}
