//! One request of a pager: paced, stopped when asked, retried with back-off where that
//! makes sense.

use std::{sync::atomic::Ordering, time::Duration};

use reqwest::StatusCode;
use serde_json::Value;
use url::Url;

use super::{backoff, Pager};
use crate::server::{
    connectors::{betterstack::records::error_message, PullError},
    infra::outbound::{self, read_capped},
};

/// Longest wait a `Retry-After` may ask for before the pull gives up waiting.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);
/// Longest a throttled pull waits in place; beyond it the sync ends and tries again later,
/// without holding a sync slot (Better Stack's own client waits 10 to 300 s).
const LONGEST_WAIT_IN_PLACE: Duration = Duration::from_secs(10);
const MAX_ATTEMPTS: u32 = 5;

impl Pager<'_> {
    /// One page, paced, retried when that makes sense.
    pub(super) async fn get(&self, url: Url) -> Result<Value, PullError> {
        let path = url.path().to_owned();
        self.get_or_missing(url)
            .await?
            .ok_or(PullError::NotFound(path))
    }

    /// Like [`Self::get`], but a 404 is an answer: `None`.
    pub(super) async fn get_or_missing(&self, url: Url) -> Result<Option<Value>, PullError> {
        let mut attempt = 0;
        loop {
            if self.stop.load(Ordering::Acquire) {
                return Err(PullError::Stopped);
            }
            self.pace.wait().await;
            attempt += 1;
            let wait = match self
                .http
                .get(url.clone())
                .bearer_auth(self.token.expose())
                .send()
                .await
            {
                Ok(response) => {
                    let status = response.status();
                    let retry_after =
                        outbound::retry_after(response.headers(), std::time::SystemTime::now());
                    match status {
                        StatusCode::OK => {
                            let body = read_capped(response).await.map_err(|e| {
                                PullError::Unavailable(format!("{}: {e}", url.path()))
                            })?;
                            return serde_json::from_slice(&body).map(Some).map_err(|e| {
                                PullError::Unavailable(format!(
                                    "the source sent something that is not JSON: {e}"
                                ))
                            });
                        }
                        StatusCode::NOT_FOUND => return Ok(None),
                        StatusCode::UNAUTHORIZED => return Err(PullError::Rejected),
                        StatusCode::FORBIDDEN => return Err(PullError::NoAccess),
                        StatusCode::TOO_MANY_REQUESTS => {
                            tracing::info!(
                                path = url.path(),
                                ?retry_after,
                                "throttled by the source"
                            );
                            let wait = retry_after.unwrap_or_else(|| backoff(attempt));
                            if wait > LONGEST_WAIT_IN_PLACE || attempt >= MAX_ATTEMPTS {
                                return Err(PullError::Throttled { wait });
                            }
                            wait
                        }
                        status if status.is_server_error() => {
                            tracing::warn!(path = url.path(), %status, "the source is failing");
                            retry_after
                                .unwrap_or_else(|| backoff(attempt))
                                .min(MAX_RETRY_AFTER)
                        }
                        status => {
                            let body = response.text().await.unwrap_or_default();
                            return Err(PullError::Refused(format!(
                                "{} answered {status}: {}",
                                url.path(),
                                error_message(&body)
                            )));
                        }
                    }
                }
                Err(e) => {
                    tracing::warn!(
                        path = url.path(),
                        timeout = e.is_timeout(),
                        "request to the source failed"
                    );
                    backoff(attempt)
                }
            };
            if attempt >= MAX_ATTEMPTS {
                return Err(PullError::Unavailable(format!(
                    "no usable answer after {MAX_ATTEMPTS} attempts"
                )));
            }
            tokio::time::sleep(wait).await;
        }
    }
}
