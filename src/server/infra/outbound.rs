//! The HTTP client for calls to sources.

use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, RETRY_AFTER};

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

/// How long a `Retry-After` header asks to wait: seconds, or an HTTP date (RFC 9110). A date
/// in the past is no wait; anything unreadable is no answer.
pub fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, value.parse().unwrap());
        headers
    }

    #[test]
    fn retry_after_is_read_as_seconds_or_as_an_http_date() {
        let now = httpdate::parse_http_date("Tue, 01 Dec 2026 12:00:00 GMT").unwrap();
        assert_eq!(
            retry_after(&headers("30"), now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            retry_after(&headers("Tue, 01 Dec 2026 12:01:30 GMT"), now),
            Some(Duration::from_secs(90))
        );
        assert_eq!(
            retry_after(&headers("Tue, 01 Dec 2026 11:00:00 GMT"), now),
            Some(Duration::ZERO),
            "a date gone by"
        );
        assert_eq!(retry_after(&headers("soon"), now), None);
        assert_eq!(retry_after(&HeaderMap::new(), now), None);
    }
}
