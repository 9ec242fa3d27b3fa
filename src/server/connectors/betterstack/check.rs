//! Checking a token: whether Better Stack takes it, which kind it is, which teams it reaches.
//!
//! Better Stack has no "who am I" endpoint, so the reach is read from the data: every page of
//! the lists whose records carry `team_name`. A token that sees several teams is global. One
//! that sees a single team is asked for a team that cannot exist: a global token narrows to
//! it and sees nothing, a team token ignores (or refuses) the filter.

use std::{
    collections::BTreeSet,
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
};

use reqwest::StatusCode;
use serde_json::Value;
use url::Url;

use super::pager::Pager;
use crate::domain::{
    api_token::ApiToken,
    catalog::BETTERSTACK_UPTIME,
    token_reach::{Reach, TokenKind},
};
use crate::server::connectors::{Pace, PullError};
use crate::server::{connectors::TokenCheck, infra::outbound};

/// The lists whose records name their team, in the order they are read.
const TEAM_LISTS: [&str; 4] = [
    "/api/v2/monitor-groups",
    "/api/v2/monitors",
    "/api/v2/heartbeats",
    "/api/v2/status-pages",
];
const PAGE_SIZE: u32 = 250;
/// A team no account has: only a global token narrows to it.
const NO_SUCH_TEAM: &str = "plugboard-token-kind-probe";
/// How long a check goes on asking for more pages to find the teams after its verdict: a
/// slow Better Stack gets the teams seen by then, and a kind only when they tell it.
pub const REACH_PATIENCE: std::time::Duration = std::time::Duration::from_secs(5);

/// Checks `token`: the catalog's cheap read first (its answer is the verdict), then the reach.
#[tracing::instrument(skip_all, fields(source = "betterstack-uptime"))]
pub async fn check_token(
    http: &reqwest::Client,
    base: &Url,
    token: &ApiToken,
    pace: &Pace,
) -> TokenCheck {
    pace.wait().await;
    let outcome = match first_read(http, base, token).await {
        Ok(()) => match reach(http, base, token, pace).await {
            Ok(reach) => TokenCheck::Valid { reach },
            Err(error) => from_pull_error(error),
        },
        Err(outcome) => outcome,
    };
    tracing::info!(outcome = ?outcome_name(&outcome), "token checked");
    outcome
}

/// The catalog's check request; `Err` holds every answer but "it works".
async fn first_read(
    http: &reqwest::Client,
    base: &Url,
    token: &ApiToken,
) -> Result<(), TokenCheck> {
    let check = &BETTERSTACK_UPTIME.check;
    let mut url = base.join(check.path).map_err(|e| TokenCheck::Unreachable {
        detail: format!("bad base URL: {e}"),
    })?;
    url.query_pairs_mut()
        .extend_pairs(check.query.iter().copied());
    let response = http
        .get(url)
        .bearer_auth(token.expose())
        .send()
        .await
        .map_err(|e| TokenCheck::Unreachable {
            detail: if e.is_timeout() {
                "no answer within 10 seconds".into()
            } else {
                format!("request failed: {e}")
            },
        })?;
    match response.status() {
        StatusCode::OK => Ok(()),
        StatusCode::UNAUTHORIZED => Err(TokenCheck::Rejected),
        StatusCode::FORBIDDEN => Err(TokenCheck::NoAccess),
        StatusCode::TOO_MANY_REQUESTS => Err(TokenCheck::Throttled {
            retry_after: outbound::retry_after(response.headers(), std::time::SystemTime::now()),
        }),
        status => Err(TokenCheck::Unreachable {
            detail: format!("answered {status}"),
        }),
    }
}

/// The token's kind and teams, from every page of [`TEAM_LISTS`] and, for a single team, one
/// probe; after [`REACH_PATIENCE`], the teams seen by then (no request is cut short).
async fn reach(
    http: &reqwest::Client,
    base: &Url,
    token: &ApiToken,
    pace: &Pace,
) -> Result<Reach, PullError> {
    let stop = Arc::new(AtomicBool::new(false));
    let patience = tokio::spawn({
        let stop = stop.clone();
        async move {
            tokio::time::sleep(REACH_PATIENCE).await;
            stop.store(true, Ordering::Release);
        }
    });
    let mut teams = BTreeSet::new();
    let kind = read_reach(http, base, token, pace, &stop, &mut teams).await;
    patience.abort();
    match kind {
        Ok(kind) => Ok(Reach::new(kind, teams)),
        Err(PullError::Stopped) => {
            tracing::info!("Better Stack was too slow to list every team");
            let kind = if teams.len() > 1 {
                TokenKind::Global
            } else {
                TokenKind::Unknown
            };
            Ok(Reach::new(kind, teams))
        }
        Err(other) => Err(other),
    }
}

async fn read_reach(
    http: &reqwest::Client,
    base: &Url,
    token: &ApiToken,
    pace: &Pace,
    stop: &Arc<AtomicBool>,
    teams: &mut BTreeSet<String>,
) -> Result<TokenKind, PullError> {
    let pager = Pager {
        http,
        base,
        token,
        pace,
        stop,
        on_page: &|| {},
        teams: &[],
    };
    let mut probe_path = None;
    for path in TEAM_LISTS {
        let items = match pager.fetch_all(path, PAGE_SIZE, &[]).await {
            Ok(items) => items,
            // A list this token may not read says nothing about the others.
            Err(PullError::NoAccess | PullError::Refused(_) | PullError::NotFound(_)) => continue,
            Err(other) => return Err(other),
        };
        let before = teams.len();
        teams.extend(items.iter().filter_map(team_of));
        if teams.len() > before && probe_path.is_none() {
            probe_path = Some(path);
        }
    }
    let kind = match (teams.len(), probe_path) {
        (0, _) | (_, None) => TokenKind::Unknown,
        (1, Some(path)) => {
            let query = [("team_name", NO_SUCH_TEAM.to_owned())];
            match pager.first_page(path, 1, &query).await {
                Ok(items) if items.is_empty() => TokenKind::Global,
                Ok(_)
                | Err(PullError::Refused(_) | PullError::NoAccess | PullError::NotFound(_)) => {
                    TokenKind::Team
                }
                Err(other) => return Err(other),
            }
        }
        _ => TokenKind::Global,
    };
    Ok(kind)
}

fn team_of(item: &Value) -> Option<String> {
    item.get("attributes")?
        .get("team_name")?
        .as_str()
        .filter(|name| !name.trim().is_empty())
        .map(str::to_owned)
}

fn from_pull_error(error: PullError) -> TokenCheck {
    match error {
        PullError::Rejected => TokenCheck::Rejected,
        PullError::NoAccess => TokenCheck::NoAccess,
        PullError::Throttled { wait } => TokenCheck::Throttled {
            retry_after: Some(wait),
        },
        other => TokenCheck::Unreachable {
            detail: other.to_string(),
        },
    }
}

fn outcome_name(outcome: &TokenCheck) -> &'static str {
    match outcome {
        TokenCheck::Valid { .. } => "valid",
        TokenCheck::Rejected => "rejected",
        TokenCheck::NoAccess => "no access",
        TokenCheck::Throttled { .. } => "throttled",
        TokenCheck::Unreachable { .. } => "unreachable",
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_team_is_read_from_attributes_and_blank_or_odd_names_are_not() {
        assert_eq!(
            team_of(&json!({"attributes": {"team_name": "Ops", "x": 1}})),
            Some("Ops".to_owned())
        );
        assert_eq!(team_of(&json!({"attributes": {"team_name": null}})), None);
        assert_eq!(team_of(&json!({"attributes": {"team_name": " "}})), None);
        assert_eq!(team_of(&json!({"attributes": {"team_name": 7}})), None);
        assert_eq!(team_of(&json!({"id": "1"})), None);
    }
}
