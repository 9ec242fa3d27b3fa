use zeroize::Zeroizing;

use super::limits::MAX_TOKEN_CHARS;

/// Tokens shorter than this are shown as `••••` alone.
pub const MIN_SHOWN_TOKEN_CHARS: usize = 12;

/// An API token as pasted by a person. Write-only: no `Display`, no `Serialize`, a redacted
/// `Debug`, wiped from memory when dropped.
pub struct ApiToken(Zeroizing<String>);

impl ApiToken {
    /// Cleans up a pasted token: surrounding whitespace and a `Bearer ` prefix go; a token
    /// with whitespace or control characters inside is refused before it is sent anywhere.
    pub fn parse(pasted: &str) -> Result<Self, String> {
        let trimmed = pasted.trim();
        let token = match trimmed.get(..7) {
            Some(prefix) if prefix.eq_ignore_ascii_case("bearer ") => trimmed[7..].trim_start(),
            // The prefix alone, its space trimmed away above.
            _ if trimmed.eq_ignore_ascii_case("bearer") => "",
            _ => trimmed,
        };
        if token.is_empty() {
            return Err("API Token is required.".into());
        }
        if token.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(
                "The token has spaces, line breaks or other hidden characters inside it. \
                        Paste only the token."
                    .into(),
            );
        }
        if token.chars().count() > MAX_TOKEN_CHARS {
            return Err(format!("A token is at most {MAX_TOKEN_CHARS} characters."));
        }
        Ok(Self(Zeroizing::new(token.to_owned())))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    /// What may be shown of it: its last four characters, or nothing for a token shorter
    /// than [`MIN_SHOWN_TOKEN_CHARS`], of which four characters are too much to give away.
    pub fn last_four(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        if chars.len() < MIN_SHOWN_TOKEN_CHARS {
            return String::new();
        }
        chars[chars.len() - 4..].iter().collect()
    }
}

impl std::fmt::Debug for ApiToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiToken(redacted)")
    }
}

/// How a token is shown: `••••` and its last four characters (none for a short token).
pub fn fingerprint(last_four: &str) -> String {
    format!("••••{last_four}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrounding_whitespace_and_a_bearer_prefix_are_removed() {
        assert_eq!(
            ApiToken::parse("  abcDEF123456  \n").unwrap().expose(),
            "abcDEF123456"
        );
        assert_eq!(
            ApiToken::parse("Bearer abcDEF123456").unwrap().expose(),
            "abcDEF123456"
        );
        assert_eq!(
            ApiToken::parse("bearer   abcDEF123456").unwrap().expose(),
            "abcDEF123456"
        );
    }

    #[test]
    fn inner_whitespace_or_control_characters_are_refused() {
        for pasted in [
            "abc def",
            "abc\ndef",
            "abc\tdef",
            "abc\u{0}def",
            "abc\u{200b}def\u{7f}",
        ] {
            let error = ApiToken::parse(pasted).unwrap_err();
            assert!(
                error.contains("Paste only the token"),
                "{pasted:?}: {error}"
            );
        }
    }

    #[test]
    fn an_empty_or_oversized_token_is_refused() {
        assert_eq!(
            ApiToken::parse("   ").unwrap_err(),
            "API Token is required."
        );
        assert_eq!(
            ApiToken::parse("Bearer ").unwrap_err(),
            "API Token is required."
        );
        assert!(ApiToken::parse(&"x".repeat(MAX_TOKEN_CHARS + 1)).is_err());
    }

    #[test]
    fn only_the_last_four_characters_are_shown() {
        let token = ApiToken::parse("abcDEF123456wxyz").unwrap();
        assert_eq!(fingerprint(&token.last_four()), "••••wxyz");
        assert_eq!(format!("{token:?}"), "ApiToken(redacted)");
    }

    #[test]
    fn a_token_shorter_than_twelve_characters_shows_nothing_of_itself() {
        let short = ApiToken::parse("abcdefghijk").unwrap();
        assert_eq!(fingerprint(&short.last_four()), "••••");
        let long_enough = ApiToken::parse("abcdefghijkl").unwrap();
        assert_eq!(fingerprint(&long_enough.last_four()), "••••ijkl");
    }
}
