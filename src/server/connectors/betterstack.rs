//! Better Stack Uptime: `Authorization: Bearer <token>`, sent to the configured base URL only.

pub mod check;
pub mod kinds;
pub mod pager;
pub mod pull;
pub mod records;

use async_trait::async_trait;
use url::Url;

use super::{Connector, Pace, PullContext, PullError, Pulled, TokenCheck};
use crate::domain::{
    api_token::ApiToken,
    catalog::{SourceDefinition, BETTERSTACK_UPTIME},
    overview_kinds::OverviewKinds,
    record_kinds::RecordKind,
};
use pager::Pager;

/// The connector, talking to `base` (`BETTERSTACK_UPTIME_URL`; tests point it at a double).
pub struct BetterStackUptime {
    pub base: Url,
    /// Monitors and heartbeats whose availability, and monitors whose response times, one
    /// sync reads (a request each).
    pub details_per_sync: usize,
}

#[async_trait]
impl Connector for BetterStackUptime {
    fn source(&self) -> &'static SourceDefinition {
        &BETTERSTACK_UPTIME
    }

    fn kinds(&self) -> &'static [RecordKind] {
        kinds::KINDS
    }

    fn overview_kinds(&self) -> Option<&'static OverviewKinds> {
        Some(&kinds::OVERVIEW)
    }

    async fn check(&self, http: &reqwest::Client, token: &ApiToken, pace: &Pace) -> TokenCheck {
        check::check_token(http, &self.base, token, pace).await
    }

    async fn pull(&self, cx: PullContext<'_>) -> Result<Pulled, PullError> {
        let pager = Pager {
            http: cx.http,
            base: &self.base,
            token: cx.token,
            pace: cx.pace,
            stop: cx.stop,
            on_page: cx.on_page,
            teams: cx.teams,
        };
        pull::pull(&pager, cx.memory, cx.complete, self.details_per_sync).await
    }
}
