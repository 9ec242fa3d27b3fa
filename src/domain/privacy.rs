use serde::{Deserialize, Serialize};

/// Who can see and use a connection.
///
/// Stored as its [`Privacy::as_str`] name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum Privacy {
    /// Every member of the workspace.
    Workspace,
    /// Only its owner.
    Private,
    /// The members of one team.
    Team,
}

impl Privacy {
    /// In the order the form offers them.
    pub const ALL: [Privacy; 3] = [Privacy::Workspace, Privacy::Private, Privacy::Team];
    pub const DEFAULT: Privacy = Privacy::Private;

    pub fn label(self) -> &'static str {
        match self {
            Privacy::Workspace => "Shared with Workspace",
            Privacy::Private => "Private to Me",
            Privacy::Team => "Shared with Team",
        }
    }

    /// The label, with the team's name when shared with one: "Shared with Team (Ops)".
    pub fn label_with_team(self, team: Option<&str>) -> String {
        match (self, team) {
            (Privacy::Team, Some(team)) => format!("{} ({team})", self.label()),
            (privacy, _) => privacy.label().to_owned(),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Privacy::Workspace => "workspace",
            Privacy::Private => "private",
            Privacy::Team => "team",
        }
    }

    pub fn parse(value: &str) -> Result<Self, String> {
        Privacy::ALL
            .into_iter()
            .find(|privacy| privacy.as_str() == value)
            .ok_or_else(|| "Choose who can see this connection.".to_owned())
    }
}

impl std::str::FromStr for Privacy {
    type Err = String;

    fn from_str(value: &str) -> Result<Self, String> {
        Privacy::parse(value)
    }
}

impl std::fmt::Display for Privacy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_privacy_parses_from_its_own_name_and_private_is_the_default() {
        for privacy in Privacy::ALL {
            assert_eq!(Privacy::parse(privacy.as_str()), Ok(privacy));
        }
        assert_eq!(Privacy::DEFAULT.label(), "Private to Me");
        assert_eq!(
            Privacy::Team.label_with_team(Some("Ops")),
            "Shared with Team (Ops)"
        );
        assert_eq!(
            Privacy::Workspace.label_with_team(Some("Ops")),
            "Shared with Workspace"
        );
        assert!(Privacy::parse("public").is_err());
    }

    #[test]
    fn the_form_value_is_the_serde_name() {
        for privacy in Privacy::ALL {
            let json = serde_json::to_string(&privacy).unwrap();
            assert_eq!(json, format!("\"{}\"", privacy.as_str()));
        }
    }
}
