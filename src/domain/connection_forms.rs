//! The credential overlay and the connection form, parsed.

use super::{
    api_token::ApiToken,
    limits::{MAX_DESCRIPTION_CHARS, MAX_NAME_CHARS},
    text::{parse_line, parse_optional_line},
    FieldErrors, Privacy,
};

/// A credential to save: a name, an optional description and the token.
#[derive(Debug)]
pub struct NewCredential {
    pub name: String,
    pub description: Option<String>,
    pub token: ApiToken,
}

impl NewCredential {
    pub fn parse(name: &str, description: &str, token: &str) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let parsed_name = errors.check("name", parse_line("Credential Name", name, MAX_NAME_CHARS));
        let parsed_description = errors.check(
            "description",
            parse_optional_line("Credential Description", description, MAX_DESCRIPTION_CHARS),
        );
        let parsed_token = errors.check("token", ApiToken::parse(token));
        match (parsed_name, parsed_description, parsed_token) {
            (Some(name), Some(description), Some(token)) => Ok(Self {
                name,
                description,
                token,
            }),
            // The token is never sent back, not even when it was the field in error.
            _ => Err(errors.keep("name", name).keep("description", description)),
        }
    }
}

/// A connection's name and who can see it.
#[derive(Debug, Clone, PartialEq)]
pub struct ConnectionSettings {
    pub name: String,
    pub privacy: Privacy,
    /// Set exactly when `privacy` is [`Privacy::Team`].
    pub team_id: Option<i64>,
}

impl ConnectionSettings {
    /// `team` is the chosen team's id as the form sent it; ignored unless shared with a team.
    pub fn parse(name: &str, privacy: &str, team: &str) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let parsed_name = errors.check("name", parse_line("Connection Name", name, MAX_NAME_CHARS));
        let parsed_privacy = errors.check("privacy", Privacy::parse(privacy));
        let team_id = match parsed_privacy {
            Some(Privacy::Team) => errors.check(
                "team",
                team.trim()
                    .parse::<i64>()
                    .map_err(|_| "Choose the team to share with.".to_owned()),
            ),
            _ => None,
        };
        match (parsed_name, parsed_privacy) {
            (Some(name), Some(privacy)) if errors.is_empty() => Ok(Self {
                name,
                privacy,
                team_id,
            }),
            _ => Err(errors
                .keep("name", name)
                .keep("privacy", privacy)
                .keep("team", team)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_credential_needs_a_name_and_a_clean_token_and_never_echoes_the_token() {
        let errors = NewCredential::parse("", "", "abc def").unwrap_err();
        assert_eq!(errors.get("name"), Some("Credential Name is required."));
        assert!(errors.get("token").is_some());
        assert_eq!(errors.kept("token"), None);
        let ok = NewCredential::parse("Prod", " ", "Bearer tok3n").unwrap();
        assert_eq!((ok.description, ok.token.expose()), (None, "tok3n"));
    }

    #[test]
    fn sharing_with_a_team_needs_the_team() {
        let errors = ConnectionSettings::parse("Prod", "team", "").unwrap_err();
        assert_eq!(errors.get("team"), Some("Choose the team to share with."));
        assert_eq!(errors.kept("name"), Some("Prod"));
        let ok = ConnectionSettings::parse("Prod", "team", "7").unwrap();
        assert_eq!(ok.team_id, Some(7));
    }

    #[test]
    fn a_team_sent_with_another_privacy_is_ignored() {
        let ok = ConnectionSettings::parse("Prod", "workspace", "7").unwrap();
        assert_eq!((ok.privacy, ok.team_id), (Privacy::Workspace, None));
    }
}
