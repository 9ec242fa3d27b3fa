//! What a token reaches: its kind and the teams it sees, in the words people see.

use serde::{Deserialize, Serialize};

/// Which kind of token Better Stack issued.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TokenKind {
    /// Valid across every team of the account; lists take `team_name` to narrow to one.
    Global,
    /// Bound to one team.
    Team,
    /// It sees nothing yet, so nothing tells the kinds apart.
    Unknown,
}

/// A token's kind and the teams whose resources it sees, by name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reach {
    pub kind: TokenKind,
    /// Sorted, each once.
    pub teams: Vec<String>,
}

impl Reach {
    pub fn new(kind: TokenKind, teams: impl IntoIterator<Item = String>) -> Self {
        let mut teams: Vec<String> = teams.into_iter().collect();
        teams.sort();
        teams.dedup();
        Self { kind, teams }
    }

    /// "Global token — teams Ops, Platform", "Team token — Ops".
    pub fn words(&self) -> String {
        let teams = self.teams.join(", ");
        match (self.kind, self.teams.len()) {
            (_, 0) => "Sees no monitors, groups, heartbeats or status pages yet".to_owned(),
            (TokenKind::Global, 1) => format!("Global token — team {teams}"),
            (TokenKind::Global, _) => format!("Global token — teams {teams}"),
            (TokenKind::Team, _) => format!("Team token — {teams}"),
            (TokenKind::Unknown, _) => format!("Teams {teams}"),
        }
    }

    /// Whether a connection on this token can be narrowed to some of its teams.
    pub fn offers_team_choice(&self) -> bool {
        self.kind == TokenKind::Global && self.teams.len() > 1
    }
}

/// Which of a token's teams a connection reads.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum TeamChoice {
    /// Everything the token reaches; no `team_name` is sent.
    #[default]
    All,
    /// These teams only (sorted, each once), each sent as `team_name`.
    Only(Vec<String>),
}

/// The form's answer to "which teams": every team the token reaches, or the ticked ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TeamScope {
    All,
    Only,
}

impl TeamScope {
    pub fn as_str(self) -> &'static str {
        match self {
            TeamScope::All => "all",
            TeamScope::Only => "only",
        }
    }
}

impl std::str::FromStr for TeamScope {
    type Err = String;

    fn from_str(value: &str) -> Result<Self, String> {
        match value.trim() {
            "all" => Ok(TeamScope::All),
            "only" => Ok(TeamScope::Only),
            _ => Err(format!("Choose {ALL_TEAMS} or {ONLY_THESE_TEAMS}.")),
        }
    }
}

impl std::fmt::Display for TeamScope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The label of the choice that reads every team.
pub const ALL_TEAMS: &str = "All teams";
/// The label of the choice that reads some teams.
pub const ONLY_THESE_TEAMS: &str = "Only these teams";

impl TeamChoice {
    /// Reads the form: `teams` are the ticked names, which must be among `offered`; no scope
    /// reads every team.
    pub fn parse(
        scope: Option<TeamScope>,
        teams: &[String],
        offered: &[String],
    ) -> Result<Self, String> {
        match scope {
            None | Some(TeamScope::All) => Ok(TeamChoice::All),
            Some(TeamScope::Only) => {
                let mut chosen: Vec<String> = teams.iter().map(|t| t.trim().to_owned()).collect();
                chosen.sort();
                chosen.dedup();
                if chosen.is_empty() {
                    return Err(format!("Tick at least one team, or choose {ALL_TEAMS}."));
                }
                if let Some(stranger) = chosen.iter().find(|team| !offered.contains(team)) {
                    return Err(format!(
                        "This token does not reach a team named “{stranger}”."
                    ));
                }
                Ok(TeamChoice::Only(chosen))
            }
        }
    }

    /// The teams to read, each sent as `team_name`; empty for all of them.
    pub fn teams(&self) -> &[String] {
        match self {
            TeamChoice::All => &[],
            TeamChoice::Only(teams) => teams,
        }
    }

    /// The scope the form sends for this choice.
    pub fn scope(&self) -> TeamScope {
        match self {
            TeamChoice::All => TeamScope::All,
            TeamChoice::Only(_) => TeamScope::Only,
        }
    }

    /// "All teams", "Ops, Platform".
    pub fn words(&self) -> String {
        match self {
            TeamChoice::All => ALL_TEAMS.to_owned(),
            TeamChoice::Only(teams) => teams.join(", "),
        }
    }

    /// As stored: `NULL` for all teams, a JSON list otherwise.
    pub fn to_stored(&self) -> Option<String> {
        match self {
            TeamChoice::All => None,
            TeamChoice::Only(teams) => Some(serde_json::to_string(teams).expect("strings")),
        }
    }

    /// Reads what [`Self::to_stored`] wrote; anything unreadable reads every team.
    pub fn from_stored(stored: Option<&str>) -> Self {
        match stored.and_then(|json| serde_json::from_str::<Vec<String>>(json).ok()) {
            Some(teams) if !teams.is_empty() => TeamChoice::Only(teams),
            _ => TeamChoice::All,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| (*name).to_owned()).collect()
    }

    #[test]
    fn the_words_name_the_kind_and_the_teams() {
        let global = Reach::new(TokenKind::Global, names(&["Platform", "Ops", "Ops"]));
        assert_eq!(global.words(), "Global token — teams Ops, Platform");
        assert!(global.offers_team_choice());
        let team = Reach::new(TokenKind::Team, names(&["Ops"]));
        assert_eq!(team.words(), "Team token — Ops");
        assert!(!team.offers_team_choice());
        assert_eq!(
            Reach::new(TokenKind::Global, names(&["Ops"])).words(),
            "Global token — team Ops"
        );
        assert!(Reach::new(TokenKind::Unknown, vec![])
            .words()
            .starts_with("Sees no"));
    }

    #[test]
    fn a_choice_names_only_teams_the_token_reaches() {
        let offered = names(&["Ops", "Platform"]);
        assert_eq!(
            TeamChoice::parse(Some(TeamScope::All), &names(&["Ops"]), &offered),
            Ok(TeamChoice::All)
        );
        assert_eq!(
            TeamChoice::parse(
                Some(TeamScope::Only),
                &names(&["Platform", " Ops"]),
                &offered
            ),
            Ok(TeamChoice::Only(names(&["Ops", "Platform"])))
        );
        let only = Some(TeamScope::Only);
        assert!(TeamChoice::parse(only, &[], &offered).is_err());
        assert!(TeamChoice::parse(only, &names(&["Sales"]), &offered)
            .unwrap_err()
            .contains("Sales"));
        assert_eq!(TeamChoice::parse(None, &[], &offered), Ok(TeamChoice::All));
        assert!("some".parse::<TeamScope>().is_err());
        assert_eq!(" only".parse(), Ok(TeamScope::Only));
    }

    #[test]
    fn a_choice_survives_being_stored() {
        let only = TeamChoice::Only(names(&["Ops"]));
        assert_eq!(TeamChoice::from_stored(only.to_stored().as_deref()), only);
        assert_eq!(TeamChoice::from_stored(None), TeamChoice::All);
        assert_eq!(TeamChoice::from_stored(Some("not json")), TeamChoice::All);
        assert_eq!(only.words(), "Ops");
        assert_eq!(TeamChoice::All.words(), ALL_TEAMS);
    }
}
