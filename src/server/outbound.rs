//! The HTTP client for calls to sources.

use std::time::Duration;

/// A source has this long to answer a request.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// One client for the whole server (it pools connections).
///
/// Redirects are not followed: a token goes only to the configured base URL, and a redirect
/// could point anywhere.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .user_agent(concat!("Plugboard/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(REQUEST_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client with these settings builds")
}

/// The most one answer from a source may weigh. A page of 250 monitors is a few hundred
/// kilobytes; anything near this is not an answer worth holding in memory.
pub const MAX_ANSWER_BYTES: usize = 8 * 1024 * 1024;

/// The body of `response`, given up on as soon as it passes [`MAX_ANSWER_BYTES`]. The error
/// says why, in words for a log line or a sync's outcome.
pub async fn read_capped(mut response: reqwest::Response) -> Result<Vec<u8>, String> {
    let too_large = || format!("an answer larger than {} MiB", MAX_ANSWER_BYTES >> 20);
    if response
        .content_length()
        .is_some_and(|length| length > MAX_ANSWER_BYTES as u64)
    {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| format!("reading the answer: {e}"))?
    {
        if body.len() + chunk.len() > MAX_ANSWER_BYTES {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
