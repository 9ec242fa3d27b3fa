//! Reading every page of a Better Stack list, politely.
//!
//! * Pages are followed through `pagination.next` until it is null, but only its page number
//!   is used: every request goes to the configured base URL, so the token never goes to
//!   another host, whatever a link says. A page asked for twice ends the list.
//! * At most 8 requests a second per token ([`Pace`]).
//! * 429, 5xx and timeouts are retried with back-off, honouring `Retry-After` (seconds or an
//!   HTTP date); 401, 403, 404
//!   and 422 are answers, not hiccups, and are not retried.

mod requests;

use std::{
    collections::HashSet,
    sync::{atomic::AtomicBool, Arc},
    time::Duration,
};

use serde_json::Value;
use url::Url;

use crate::{
    domain::api_token::ApiToken,
    server::connectors::{Pace, PullError},
};

const FIRST_BACKOFF: Duration = Duration::from_millis(500);

/// One list, read page by page.
pub struct Pager<'a> {
    pub http: &'a reqwest::Client,
    pub base: &'a Url,
    pub token: &'a ApiToken,
    pub pace: &'a Pace,
    /// Set when the pull must stop at the next page boundary (shutdown, token swapped).
    pub stop: &'a Arc<AtomicBool>,
    /// Called after every page received.
    pub on_page: &'a (dyn Fn() + Send + Sync),
    /// The teams to read, each sent as `team_name` (a list is read once per team); empty
    /// reads whatever the token reaches.
    pub teams: &'a [String],
}

impl Pager<'_> {
    /// Every item of the list at `path`, `per_page` at a time, with `query` added: once per
    /// team when there are teams to read.
    pub async fn fetch_all(
        &self,
        path: &str,
        per_page: u32,
        query: &[(&str, String)],
    ) -> Result<Vec<Value>, PullError> {
        if self.teams.is_empty() {
            return self.fetch_pages(path, per_page, query).await;
        }
        let mut items = Vec::new();
        for team in self.teams {
            let mut query = query.to_vec();
            query.push(("team_name", team.clone()));
            items.extend(self.fetch_pages(path, per_page, &query).await?);
        }
        Ok(self.of_chosen_teams(items))
    }

    /// The first page of the list at `path` only.
    pub async fn first_page(
        &self,
        path: &str,
        per_page: u32,
        query: &[(&str, String)],
    ) -> Result<Vec<Value>, PullError> {
        let body = self.get(self.page_url(path, per_page, query, 1)?).await?;
        (self.on_page)();
        Ok(items_of(body))
    }

    async fn fetch_pages(
        &self,
        path: &str,
        per_page: u32,
        query: &[(&str, String)],
    ) -> Result<Vec<Value>, PullError> {
        let mut items = Vec::new();
        let mut asked = HashSet::new();
        let mut page: u64 = 1;
        loop {
            if !asked.insert(page) {
                tracing::warn!(
                    path,
                    page,
                    "the source sent a page twice; the list ends here"
                );
                break;
            }
            let body = self
                .get(self.page_url(path, per_page, query, page)?)
                .await?;
            (self.on_page)();
            let next = next_page(&body, self.base);
            items.extend(items_of(body));
            match next {
                Some(next) => page = next,
                None => break,
            }
        }
        Ok(items)
    }

    fn page_url(
        &self,
        path: &str,
        per_page: u32,
        query: &[(&str, String)],
        page: u64,
    ) -> Result<Url, PullError> {
        let mut url = self.url(path)?;
        url.query_pairs_mut()
            .extend_pairs(query.iter().map(|(k, v)| (*k, v.as_str())))
            .append_pair("per_page", &per_page.to_string())
            .append_pair("page", &page.to_string());
        Ok(url)
    }

    fn url(&self, path: &str) -> Result<Url, PullError> {
        self.base
            .join(path)
            .map_err(|e| PullError::Refused(format!("bad path {path}: {e}")))
    }

    /// One record (`path` is the list's path and the record's id), or `None` when the source
    /// says it does not exist, for this token (and, with teams to read, for any of them).
    pub async fn fetch_one(&self, path: &str) -> Result<Option<Value>, PullError> {
        let teams: Vec<Option<&String>> = if self.teams.is_empty() {
            vec![None]
        } else {
            self.teams.iter().map(Some).collect()
        };
        for team in teams {
            let mut url = self.url(path)?;
            if let Some(team) = team {
                url.query_pairs_mut().append_pair("team_name", team);
            }
            let body = self.get_or_missing(url).await?;
            (self.on_page)();
            let record = body
                .and_then(|mut body| body.get_mut("data").map(Value::take))
                .filter(|record| self.is_of_chosen_team(record));
            if record.is_some() {
                return Ok(record);
            }
        }
        Ok(None)
    }

    /// A team token ignores `team_name`: what it sends of other teams is not kept.
    fn of_chosen_teams(&self, mut items: Vec<Value>) -> Vec<Value> {
        items.retain(|item| self.is_of_chosen_team(item));
        items
    }

    fn is_of_chosen_team(&self, item: &Value) -> bool {
        let team = item
            .get("attributes")
            .and_then(|attributes| attributes.get("team_name"))
            .and_then(Value::as_str);
        self.teams.is_empty() || team.is_none_or(|team| self.teams.iter().any(|t| t == team))
    }
}

/// The records of a page.
fn items_of(mut body: Value) -> Vec<Value> {
    match body.get_mut("data").map(Value::take) {
        Some(Value::Array(items)) => items,
        _ => Vec::new(),
    }
}

/// Doubling waits: 0.5 s, 1 s, 2 s, 4 s…
fn backoff(attempt: u32) -> Duration {
    FIRST_BACKOFF * 2u32.saturating_pow(attempt.saturating_sub(1)).min(64)
}

/// The page number `pagination.next` names, if any. Its host is not trusted: only the number
/// is taken, and the next request goes to the configured base URL.
fn next_page(body: &Value, base: &Url) -> Option<u64> {
    let next = body.get("pagination")?.get("next")?.as_str()?;
    let url = Url::parse(next).or_else(|_| base.join(next)).ok()?;
    if url.host() != base.host() || url.port_or_known_default() != base.port_or_known_default() {
        tracing::warn!(next_host = ?url.host_str(), "a next-page link points at another host; only its page number is used");
    }
    url.query_pairs()
        .find(|(key, _)| key == "page")
        .and_then(|(_, value)| value.parse().ok())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn base() -> Url {
        Url::parse("https://uptime.betterstack.com").unwrap()
    }

    #[test]
    fn only_the_page_number_is_taken_from_a_next_link() {
        let body = json!({"pagination": {"next": "https://evil.example/api/v2/monitors?page=3&per_page=250"}});
        assert_eq!(next_page(&body, &base()), Some(3));
        assert_eq!(
            next_page(&json!({"pagination": {"next": null}}), &base()),
            None
        );
        assert_eq!(next_page(&json!({"data": []}), &base()), None);
        assert_eq!(
            next_page(
                &json!({"pagination": {"next": "/api/v2/monitors?page=2"}}),
                &base()
            ),
            Some(2)
        );
    }

    #[test]
    fn backoff_doubles() {
        assert_eq!(backoff(1), Duration::from_millis(500));
        assert_eq!(backoff(3), Duration::from_secs(2));
    }
}
