//! Better Stack Uptime: `Authorization: Bearer <token>` to the configured base URL only.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde::Deserialize;
use url::Url;

use crate::domain::{api_token::ApiToken, catalog::BETTERSTACK_UPTIME};
use crate::server::{
    connectors::TokenCheck,
    outbound::{self, read_capped},
};

/// Just enough of a list response to tell which teams the token reaches.
#[derive(Deserialize)]
struct ListPage {
    #[serde(default)]
    data: Vec<Resource>,
}

#[derive(Deserialize)]
struct Resource {
    #[serde(default)]
    attributes: Attributes,
}

#[derive(Default, Deserialize)]
struct Attributes {
    #[serde(default)]
    team_name: Option<String>,
}

/// The catalog's check request: a cheap read that any Uptime token may make.
#[tracing::instrument(skip_all, fields(source = "betterstack-uptime"))]
pub async fn check_token(http: &reqwest::Client, base: &Url, token: &ApiToken) -> TokenCheck {
    let check = &BETTERSTACK_UPTIME.check;
    let mut url = match base.join(check.path) {
        Ok(url) => url,
        Err(e) => {
            return TokenCheck::Unreachable {
                detail: format!("bad base URL: {e}"),
            }
        }
    };
    url.query_pairs_mut()
        .extend_pairs(check.query.iter().copied());
    let response = match http.get(url).bearer_auth(token.expose()).send().await {
        Ok(response) => response,
        Err(e) if e.is_timeout() => {
            return TokenCheck::Unreachable {
                detail: "no answer within 10 seconds".into(),
            }
        }
        Err(e) => {
            return TokenCheck::Unreachable {
                detail: format!("request failed: {e}"),
            }
        }
    };
    let outcome = match response.status() {
        StatusCode::OK => match read_capped(response)
            .await
            .and_then(|body| serde_json::from_slice::<ListPage>(&body).map_err(|e| e.to_string()))
        {
            Ok(page) => TokenCheck::Valid {
                reach: reach(&page),
            },
            Err(e) => TokenCheck::Unreachable {
                detail: format!("unreadable answer: {e}"),
            },
        },
        StatusCode::UNAUTHORIZED => TokenCheck::Rejected,
        StatusCode::FORBIDDEN => TokenCheck::NoAccess,
        StatusCode::TOO_MANY_REQUESTS => TokenCheck::Throttled {
            retry_after: outbound::retry_after(response.headers(), std::time::SystemTime::now()),
        },
        status => TokenCheck::Unreachable {
            detail: format!("answered {status}"),
        },
    };
    tracing::info!(outcome = ?outcome_name(&outcome), "token checked");
    outcome
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

/// Monitors carry their team's name: one team means a team token (or a global token that
/// sees one team); several mean a global token.
fn reach(page: &ListPage) -> String {
    let teams: BTreeSet<&str> = page
        .data
        .iter()
        .filter_map(|resource| resource.attributes.team_name.as_deref())
        .collect();
    match teams.len() {
        0 => "No monitors visible yet".to_owned(),
        1 => format!("Team {}", teams.iter().next().expect("one team")),
        _ => format!(
            "Global token: teams {}",
            teams.into_iter().collect::<Vec<_>>().join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(json: &str) -> ListPage {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn the_reach_names_the_team_or_the_teams_a_token_spans() {
        assert_eq!(reach(&page(r#"{"data":[]}"#)), "No monitors visible yet");
        let one =
            r#"{"data":[{"attributes":{"team_name":"Ops"}},{"attributes":{"team_name":"Ops"}}]}"#;
        assert_eq!(reach(&page(one)), "Team Ops");
        let two = r#"{"data":[{"attributes":{"team_name":"Web"}},{"attributes":{"team_name":"Ops","x":1}}]}"#;
        assert_eq!(reach(&page(two)), "Global token: teams Ops, Web");
    }

    #[test]
    fn nulls_and_unknown_fields_do_not_break_the_check() {
        let odd = r#"{"data":[{"id":"1","attributes":{"team_name":null,"new":[]}},{"id":2}],"pagination":{}}"#;
        assert_eq!(reach(&page(odd)), "No monitors visible yet");
    }
}
