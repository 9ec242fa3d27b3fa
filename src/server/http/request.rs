//! Facts about the request being answered, for server functions.

use axum::http::{header, request::Parts};
use leptos::prelude::with_context;
use url::Url;

use crate::error::AppError;
use crate::server::state::AppState;

/// Reads this request's head in place: `use_context` would clone all of it, every header and
/// extension, for each look.
fn with_parts<T>(read: impl FnOnce(&Parts) -> T) -> Result<T, AppError> {
    with_context::<Parts, _>(read)
        .ok_or_else(|| AppError::internal("request parts missing from context"))
}

/// What a middleware put into this request's extensions (the session, the page nonce).
/// `None` also where there is no request head at all: Leptos serves the site's files with the
/// same context function as its pages, but without one.
pub fn extension<T: Clone + Send + Sync + 'static>() -> Option<T> {
    with_context::<Parts, _>(|parts| parts.extensions.get::<T>().cloned()).flatten()
}

/// The address this request came from (see [`crate::server::http::client_addr`]).
pub fn client_addr(state: &AppState) -> Result<std::net::IpAddr, AppError> {
    with_parts(|parts| crate::server::http::client_addr::of_request(parts, &state.trusted_proxies))
}

/// A form posted by the browser itself (no JavaScript): it asked for HTML back.
pub fn is_plain_form_post() -> bool {
    with_parts(|parts| {
        parts
            .headers
            .get(header::ACCEPT)
            .and_then(|accept| accept.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"))
    })
    .unwrap_or(false)
}

/// Where people reach Plugboard, for links it hands out: `PLUGBOARD_PUBLIC_URL` when set,
/// else the host this request was sent to.
pub fn public_base_url(state: &AppState) -> Result<Url, AppError> {
    if let Some(url) = &state.public_url {
        return Ok(url.clone());
    }
    let host = with_parts(|parts| {
        parts
            .headers
            .get(header::HOST)
            .and_then(|host| host.to_str().ok())
            .map(str::to_owned)
    })?
    .ok_or(AppError::BadRequest)?;
    let url = Url::parse(&format!("http://{host}/")).map_err(|_| AppError::BadRequest)?;
    // Only a bare host[:port] is accepted: nothing a crafted Host header could smuggle in.
    if url.path() != "/" || url.query().is_some() || url.username() != "" {
        return Err(AppError::BadRequest);
    }
    Ok(url)
}
