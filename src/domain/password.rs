use super::limits::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};

/// A password someone typed. Write-only: no `Display`, no `Serialize`, a redacted `Debug`.
#[derive(Clone)]
pub struct Password(String);

impl Password {
    /// A password being chosen: the length rules apply.
    pub fn parse_new(value: String) -> Result<Self, String> {
        let chars = value.chars().count();
        if chars < MIN_PASSWORD_CHARS {
            return Err(format!("Use at least {MIN_PASSWORD_CHARS} characters."));
        }
        if chars > MAX_PASSWORD_CHARS {
            return Err(format!("Use at most {MAX_PASSWORD_CHARS} characters."));
        }
        Ok(Self(value))
    }

    /// A password being checked at sign-in: only the upper bound applies, so a wrong guess of
    /// any sensible length gets the same answer as any other wrong guess.
    pub fn parse_attempt(value: String) -> Result<Self, String> {
        if value.is_empty() {
            return Err("Password is required.".into());
        }
        if value.chars().count() > MAX_PASSWORD_CHARS {
            return Err(format!("Use at most {MAX_PASSWORD_CHARS} characters."));
        }
        Ok(Self(value))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(redacted)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_password_needs_twelve_characters() {
        assert_eq!(
            Password::parse_new("eleven-char".into()).unwrap_err(),
            "Use at least 12 characters."
        );
        assert!(Password::parse_new("twelve-chars".into()).is_ok());
    }

    #[test]
    fn a_password_never_shows_in_debug_output() {
        let password = Password::parse_new("correct horse battery".into()).unwrap();
        assert_eq!(format!("{password:?}"), "Password(redacted)");
    }
}
