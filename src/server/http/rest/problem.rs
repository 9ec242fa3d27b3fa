//! Errors as RFC 9457 problem details (`application/problem+json`), one stable `type` per
//! kind of error.

use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde::Serialize;

use crate::error::AppError;

/// An error answer of the REST API.
pub struct Problem(pub AppError);

impl From<AppError> for Problem {
    fn from(error: AppError) -> Self {
        Self(error)
    }
}

impl From<sqlx::Error> for Problem {
    fn from(error: sqlx::Error) -> Self {
        Self(AppError::from(error))
    }
}

#[derive(Serialize)]
struct Body {
    r#type: String,
    title: &'static str,
    status: u16,
    detail: String,
    /// Per field, for 422.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<FieldProblem>,
}

#[derive(Serialize)]
struct FieldProblem {
    field: String,
    message: String,
}

/// The `type` and title of each error, and its status (422 for input that breaks the rules).
fn kind(error: &AppError) -> (&'static str, &'static str, u16) {
    match error {
        AppError::Unauthenticated => ("unauthenticated", "Missing or invalid API key", 401),
        AppError::Forbidden(_) => ("forbidden", "Not allowed", 403),
        AppError::NotFound => ("not-found", "Not found", 404),
        AppError::Invalid(_) | AppError::NeedsConfirmation(_) => ("invalid", "Invalid input", 422),
        AppError::SignInFailed => ("unauthenticated", "Missing or invalid API key", 401),
        AppError::RateLimited { .. } => ("rate-limited", "Too many requests", 429),
        AppError::Busy { .. } => ("busy", "Busy", 503),
        AppError::Conflict(_) => ("conflict", "Conflict", 409),
        AppError::Gone(_) => ("gone", "Gone", 410),
        AppError::BadRequest => ("bad-request", "Bad request", 400),
        AppError::SourceUnreachable(_) => ("source-unreachable", "Source unreachable", 502),
        AppError::Unreachable | AppError::Internal => ("internal", "Internal error", 500),
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let (name, title, status) = kind(&self.0);
        let errors = match &self.0 {
            AppError::Invalid(fields)
            | AppError::NeedsConfirmation(fields)
            | AppError::SourceUnreachable(fields) => fields
                .messages()
                .map(|(field, message)| FieldProblem {
                    field: field.to_owned(),
                    message: message.to_owned(),
                })
                .collect(),
            _ => Vec::new(),
        };
        let retry_after = match &self.0 {
            AppError::RateLimited {
                retry_after_secs, ..
            }
            | AppError::Busy {
                retry_after_secs, ..
            } => Some(*retry_after_secs),
            _ => None,
        };
        let body = Body {
            r#type: format!("/api/docs#problem-{name}"),
            title,
            status,
            detail: self.0.to_string(),
            errors,
        };
        let mut response = (
            StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            Json(body),
        )
            .into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Some(seconds) = retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if status == 401 {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// A path under `/api/v1` that is no route: 404, as a problem.
pub async fn no_such_route() -> Problem {
    Problem(AppError::NotFound)
}
