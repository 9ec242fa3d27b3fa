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
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Forms post a role by its serde name; nothing else reads as a role.
    #[test]
    fn every_role_reads_from_its_own_name_and_nothing_else_does() {
        for role in Role::ALL {
            let json = format!("\"{}\"", role.as_str());
            assert_eq!(serde_json::to_string(&role).unwrap(), json);
            assert_eq!(serde_json::from_str::<Role>(&json).unwrap(), role);
        }
        assert!(serde_json::from_str::<Role>("\"owner\"").is_err());
    }
}
