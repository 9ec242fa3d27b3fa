//! Response headers that tell the browser what a page may do.
//!
//! Pages get a Content-Security-Policy built around the per-request nonce that Leptos puts on
//! its hydration and resource scripts ([`page_policy`], set by the shell); every other
//! response (server functions, downloads, files) gets a policy that allows nothing, unless it
//! already has one. HSTS only when Plugboard is reached over https: on plain http it would
//! be ignored, and on a wrong setting it would lock people out.

use axum::{
    extract::{Request, State},
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
};

use super::state::AppState;

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

pub async fn add_security_headers(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(NOTHING_ALLOWED));
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
