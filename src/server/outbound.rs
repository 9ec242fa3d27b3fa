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
