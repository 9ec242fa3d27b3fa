//! Response headers that tell the browser what a page may do.
//!
//! Pages get a Content-Security-Policy built around a per-request nonce ([`page_policy`]);
//! every other response (server functions, downloads, files) gets a policy that allows
//! nothing. HSTS only when Plugboard is reached over https: on plain http it would be
//! ignored, and on a wrong setting it would lock people out.
//!
//! The nonce is made here, before the page renders, and handed to Leptos through the request
//! ([`provide_page_nonce`]), which puts it on the page's scripts. The policy header is this
//! middleware's alone: set through Leptos' `ResponseOptions` instead, now and then a page
//! went out without it.

use axum::{
    extract::{Request, State},
    http::{header, HeaderMap, HeaderValue},
    middleware::Next,
    response::Response,
};
use leptos::{nonce::Nonce, prelude::*};

use crate::server::state::AppState;

/// What a response that is not a page may do: nothing, and never inside a frame.
const NOTHING_ALLOWED: &str = "default-src 'none'; frame-ancestors 'none'";
/// One year, the value browsers' preload lists expect.
const HSTS: &str = "max-age=31536000; includeSubDomains";

/// The policy of a rendered page. Scripts only from here or with this request's nonce;
/// `'wasm-unsafe-eval'` lets the hydration bundle be compiled (it allows WebAssembly, not
/// `eval`).
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; \
         base-uri 'none'; object-src 'none'; frame-ancestors 'none'"
    )
}

/// Gives the page being rendered the nonce this request's policy names. Part of the context
/// of every Leptos handler; it replaces the nonce Leptos would have made up itself.
pub fn provide_page_nonce() {
    if let Some(nonce) = crate::server::http::request::extension::<Nonce>() {
        provide_context(nonce);
    }
}

pub async fn add_security_headers(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let nonce = Nonce::new();
    request.extensions_mut().insert(nonce.clone());
    let is_asset = is_site_file(request.uri().path());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    // Pages, server-function answers and downloads carry what one signed-in person may see:
    // no cache (the browser's, a proxy's) keeps them. The site's own files may be kept.
    if !is_asset {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    let policy = if is_html(headers) {
        HeaderValue::from_str(&page_policy(&nonce))
            .unwrap_or(HeaderValue::from_static(NOTHING_ALLOWED))
    } else {
        HeaderValue::from_static(NOTHING_ALLOWED)
    };
    headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // Same-origin referrers stay: forms without JavaScript are sent back to the page they
    // came from. Other sites learn nothing.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if state.serves_https() {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    response
}

/// The browser bundle, styles and public files: the same for everyone.
fn is_site_file(path: &str) -> bool {
    path.starts_with("/pkg/") || path == "/favicon.svg"
}

fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|kind| kind.as_bytes().starts_with(b"text/html"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_policy_allows_only_its_own_nonce_and_no_framing() {
        let policy = page_policy("abc123");
        assert!(policy.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval';"));
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(!policy.contains("unsafe-inline"));
    }
}
