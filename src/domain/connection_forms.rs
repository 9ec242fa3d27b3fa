//! The credential overlay and the connection form, parsed.

use super::{
    api_token::ApiToken,
    limits::{MAX_DESCRIPTION_CHARS, MAX_NAME_CHARS},
    text::{parse_line, parse_optional_line},
    token_reach::{Reach, TeamChoice, TeamScope, ALL_TEAMS},
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
    /// `team` is the chosen team; ignored unless shared with a team.
    pub fn parse(
        name: &str,
        privacy: Option<Privacy>,
        team: Option<i64>,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let parsed_name = errors.check("name", parse_line("Connection Name", name, MAX_NAME_CHARS));
        if privacy.is_none() {
            errors.add("privacy", "Choose who can see this connection.");
        }
        let team_id = match privacy {
            Some(Privacy::Team) => {
                if team.is_none() {
                    errors.add("team", "Choose the team to share with.");
                }
                team
            }
            _ => None,
        };
        match (parsed_name, privacy) {
            (Some(name), Some(privacy)) if errors.is_empty() => Ok(Self {
                name,
                privacy,
                team_id,
            }),
            _ => Err(errors
                .keep("name", name)
                .keep("privacy", privacy.map_or("", Privacy::as_str))
                .keep("team", &team.map(|id| id.to_string()).unwrap_or_default())),
        }
    }
}

/// The stepper's second step: the credential, the settings, and which of the token's teams
/// to read (checked against what the credential reaches once it is known).
#[derive(Debug, Clone, PartialEq)]
pub struct ConnectionDraft {
    pub credential_id: i64,
    pub settings: ConnectionSettings,
    /// No scope: not asked yet.
    pub team_scope: Option<TeamScope>,
    pub source_teams: Vec<String>,
}

impl ConnectionDraft {
    /// Every problem of the step is reported at once, inline.
    pub fn parse(
        credential: Option<i64>,
        (name, privacy, team): (&str, Option<Privacy>, Option<i64>),
        team_scope: Option<TeamScope>,
        source_teams: Vec<String>,
    ) -> Result<Self, FieldErrors> {
        match (credential, ConnectionSettings::parse(name, privacy, team)) {
            (Some(credential_id), Ok(settings)) => Ok(Self {
                credential_id,
                settings,
                team_scope,
                source_teams,
            }),
            (_, Err(errors)) if credential.is_some() => Err(errors),
            (_, settings) => {
                let mut errors = settings.err().unwrap_or_default();
                errors.add("credential", "Choose a credential, or add one.");
                Err(errors
                    .keep("name", name)
                    .keep("privacy", privacy.map_or("", Privacy::as_str))
                    .keep("team", &team.map(|id| id.to_string()).unwrap_or_default()))
            }
        }
    }

    /// The team choice for a token that reaches `reach`: only a global token that reaches
    /// several teams has one, and it must be made (JavaScript off, the step could not show it
    /// before the credential was chosen).
    pub fn team_choice(&self, reach: Option<&Reach>) -> Result<TeamChoice, String> {
        match reach {
            Some(reach) if reach.offers_team_choice() => match self.team_scope {
                None => Err(format!(
                    "This token reaches several teams: choose {ALL_TEAMS} or the teams to read."
                )),
                scope => TeamChoice::parse(scope, &self.source_teams, &reach.teams),
            },
            _ => Ok(TeamChoice::All),
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
        let team = Some(Privacy::Team);
        let errors = ConnectionSettings::parse("Prod", team, None).unwrap_err();
        assert_eq!(errors.get("team"), Some("Choose the team to share with."));
        assert_eq!(errors.kept("name"), Some("Prod"));
        let ok = ConnectionSettings::parse("Prod", team, Some(7)).unwrap();
        assert_eq!(ok.team_id, Some(7));
    }

    #[test]
    fn a_team_sent_with_another_privacy_is_ignored() {
        let ok = ConnectionSettings::parse("Prod", Some(Privacy::Workspace), Some(7)).unwrap();
        assert_eq!((ok.privacy, ok.team_id), (Privacy::Workspace, None));
    }

    #[test]
    fn a_draft_reports_a_missing_credential_beside_the_settings_errors() {
        let errors = ConnectionDraft::parse(None, ("", None, None), None, vec![]).unwrap_err();
        assert!(errors.get("credential").is_some());
        assert!(errors.get("name").is_some());
        assert!(errors.get("privacy").is_some());
        let settings = ("Prod", Some(Privacy::Private), None);
        let errors = ConnectionDraft::parse(None, settings, None, vec![]).unwrap_err();
        assert_eq!(errors.kept("name"), Some("Prod"));
    }

    #[test]
    fn a_token_of_several_teams_needs_the_choice_made() {
        let settings = ("Prod", Some(Privacy::Private), None);
        let draft = ConnectionDraft::parse(Some(1), settings, None, vec![]).unwrap();
        let teams = ["Ops".to_owned(), "Web".to_owned()];
        let reach = Reach::new(super::super::token_reach::TokenKind::Global, teams);
        assert!(draft.team_choice(Some(&reach)).is_err());
        assert_eq!(draft.team_choice(None), Ok(TeamChoice::All));
    }
}
