use serde::{Deserialize, Serialize};

/// What a member may do in the workspace.
///
/// Stored as its [`Role::as_str`] name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum Role {
    /// Manages members, teams, and every connection they can see.
    Admin,
    /// Manages connections shared with the teams they lead.
    TeamLead,
    /// Creates and manages their own connections; uses what is shared with them.
    Member,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Admin, Role::TeamLead, Role::Member];

    /// The name people see.
    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "Admin",
            Role::TeamLead => "Team Lead",
            Role::Member => "Member",
        }
    }

    /// The stable name used in forms and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::TeamLead => "team_lead",
            Role::Member => "member",
        }
    }

    pub fn parse(value: &str) -> Result<Self, String> {
        Role::ALL
            .into_iter()
            .find(|role| role.as_str() == value)
            .ok_or_else(|| "Choose a role: Admin, Team Lead or Member.".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_parses_from_its_own_name() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Ok(role));
        }
        assert!(Role::parse("owner").is_err());
    }

    #[test]
    fn the_form_value_is_the_serde_name() {
        for role in Role::ALL {
            let json = serde_json::to_string(&role).unwrap();
            assert_eq!(json, format!("\"{}\"", role.as_str()));
        }
    }
}
