//! Gives server-function errors their proper HTTP status.
//!
//! server_fn answers every error with 500. The body is our [`AppError`], which knows its
//! status: bad input is a 4xx, not a server fault. A refusal that says when to try again
//! (429, 503) also says it in `Retry-After`. Redirects (plain form posts) are left alone.

use axum::{
    body::{to_bytes, Body},
    extract::Request,
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::Response,
};
use leptos::server_fn::error::SERVER_FN_ERROR_HEADER;

use crate::error::AppError;

/// Error bodies are a short JSON enum; anything bigger is not ours.
const MAX_ERROR_BODY: usize = 64 * 1024;

pub async fn status_from_app_error(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = StatusCode::from_u16(error.status()).unwrap_or(parts.status);
        if let Some(seconds) = error.retry_after_secs() {
            parts
                .headers
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}
