//! Cross-site request refusal: a state-changing request that a browser says came from another
//! site is answered 403 before it reaches any handler.
//!
//! Browsers label every request with `Sec-Fetch-Site`; older ones send `Origin` on posts.
//! Requests with neither (curl, scripts) carry no ambient cookies from a victim's browser,
//! so they are not a cross-site forgery and pass on to the handlers' own checks.

use axum::{
    extract::Request,
    http::{header, HeaderMap, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

pub async fn refuse_cross_site(request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && comes_from_another_site(request.headers()) {
        tracing::warn!(path = request.uri().path(), "refused a cross-site request");
        return (
            StatusCode::FORBIDDEN,
            "Cross-site requests are not accepted.",
        )
            .into_response();
    }
    next.run(request).await
}

/// Whether the browser says the request was made by another site.
pub fn comes_from_another_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        // "none" is the user's own action (typed URL, bookmark).
        return !matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let origin_authority = origin
        .split_once("://")
        .map(|(_, rest)| rest.trim_end_matches('/'));
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    match (origin_authority, host) {
        (Some(authority), Some(host)) => !authority.eq_ignore_ascii_case(host),
        // "null" (sandboxed or privacy-sensitive contexts) or no Host: not provably ours.
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn the_fetch_metadata_header_decides_when_present() {
        assert!(!comes_from_another_site(&headers(&[(
            "sec-fetch-site",
            "same-origin"
        )])));
        assert!(comes_from_another_site(&headers(&[(
            "sec-fetch-site",
            "cross-site"
        )])));
        assert!(comes_from_another_site(&headers(&[(
            "sec-fetch-site",
            "same-site"
        )])));
    }

    #[test]
    fn without_fetch_metadata_the_origin_must_match_the_host() {
        let ours = headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000"),
        ]);
        assert!(!comes_from_another_site(&ours));
        let theirs = headers(&[
            ("origin", "https://evil.example"),
            ("host", "127.0.0.1:3000"),
        ]);
        assert!(comes_from_another_site(&theirs));
        assert!(comes_from_another_site(&headers(&[
            ("origin", "null"),
            ("host", "a")
        ])));
    }

    #[test]
    fn a_request_without_browser_headers_is_not_cross_site() {
        assert!(!comes_from_another_site(&HeaderMap::new()));
    }
}
