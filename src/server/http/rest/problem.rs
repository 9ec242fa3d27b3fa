//! Errors as RFC 9457 problem details (`application/problem+json`), one stable `type` per
//! kind of error.

use axum::{
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
    Json,
};
use serde::Serialize;
use utoipa::{IntoResponses, ToSchema};

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

/// An RFC 9457 problem: `type` names the kind of error and is stable.
#[derive(Serialize, ToSchema)]
pub struct ProblemBody {
    /// `/api/docs#problem-<kind>`: unauthenticated, forbidden, not-found, invalid,
    /// rate-limited, busy, conflict, gone, bad-request, method-not-allowed, too-large,
    /// source-unreachable, internal.
    r#type: String,
    title: String,
    status: u16,
    detail: String,
    /// Per field, for 422.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<FieldProblem>,
}

#[derive(Serialize, ToSchema)]
pub struct FieldProblem {
    field: String,
    message: String,
}

/// The errors any operation may answer with.
#[allow(dead_code)] // Only its documentation is used.
#[derive(IntoResponses)]
pub enum Problems {
    #[response(
        status = 400,
        description = "The request could not be read",
        content_type = "application/problem+json"
    )]
    BadRequest(ProblemBody),
    #[response(
        status = 401,
        description = "No valid API key",
        content_type = "application/problem+json"
    )]
    Unauthenticated(ProblemBody),
    #[response(
        status = 403,
        description = "A Read key on a change, or not allowed",
        content_type = "application/problem+json"
    )]
    Forbidden(ProblemBody),
    #[response(
        status = 404,
        description = "Not found, or not visible to the key's owner",
        content_type = "application/problem+json"
    )]
    NotFound(ProblemBody),
    #[response(
        status = 405,
        description = "Not a method of this path",
        content_type = "application/problem+json"
    )]
    MethodNotAllowed(ProblemBody),
    #[response(
        status = 409,
        description = "A rule of the product said no",
        content_type = "application/problem+json"
    )]
    Conflict(ProblemBody),
    #[response(
        status = 413,
        description = "The body is larger than the server reads (64 KiB)",
        content_type = "application/problem+json"
    )]
    TooLarge(ProblemBody),
    #[response(
        status = 415,
        description = "Not JSON",
        content_type = "application/problem+json"
    )]
    UnsupportedMediaType(ProblemBody),
    #[response(
        status = 422,
        description = "Invalid input, with field errors",
        content_type = "application/problem+json"
    )]
    Invalid(ProblemBody),
    #[response(
        status = 429,
        description = "Too many requests; see Retry-After",
        content_type = "application/problem+json"
    )]
    RateLimited(ProblemBody),
    #[response(
        status = 500,
        description = "Something broke on the server",
        content_type = "application/problem+json"
    )]
    Internal(ProblemBody),
    #[response(
        status = 502,
        description = "The source gave no usable answer",
        content_type = "application/problem+json"
    )]
    SourceUnreachable(ProblemBody),
    #[response(
        status = 503,
        description = "Busy; try again shortly",
        content_type = "application/problem+json"
    )]
    Busy(ProblemBody),
}

/// The `type` and title of each error.
fn kind(error: &AppError) -> (&'static str, &'static str) {
    match error {
        AppError::Unauthenticated | AppError::SignInFailed => {
            ("unauthenticated", "Missing or invalid API key")
        }
        AppError::Forbidden(_) => ("forbidden", "Not allowed"),
        AppError::NotFound => ("not-found", "Not found"),
        AppError::Invalid(_) | AppError::NeedsConfirmation(_) => ("invalid", "Invalid input"),
        AppError::RateLimited { .. } => ("rate-limited", "Too many requests"),
        AppError::Busy { .. } => ("busy", "Busy"),
        AppError::Conflict(_) => ("conflict", "Conflict"),
        AppError::Gone(_) => ("gone", "Gone"),
        AppError::BadRequest => ("bad-request", "Bad request"),
        AppError::SourceUnreachable(_) => ("source-unreachable", "Source unreachable"),
        AppError::Unreachable | AppError::Internal => ("internal", "Internal error"),
    }
}

/// The pages' status for each error ([`AppError::status`]), but 422 for input that breaks the
/// rules (a change that needs confirming included), as JSON APIs answer it, with the fields.
fn status(error: &AppError) -> u16 {
    match error {
        AppError::Invalid(_) | AppError::NeedsConfirmation(_) => 422,
        other => other.status(),
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let (name, title) = kind(&self.0);
        let status = status(&self.0);
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
        let retry_after = self.0.retry_after_secs();
        let body = ProblemBody {
            r#type: format!("/api/docs#problem-{name}"),
            title: title.to_owned(),
            status,
            detail: self.0.to_string(),
            errors,
        };
        let mut response = answer(body);
        let headers = response.headers_mut();
        if let Some(seconds) = retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if status == 401 {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

fn answer(body: ProblemBody) -> Response {
    let status = StatusCode::from_u16(body.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, Json(body)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response
}

/// A path under `/api/v1` that is no route: 404, as a problem.
pub async fn no_such_route() -> Problem {
    Problem(AppError::NotFound)
}

/// Errors answered by axum itself (a path or query that does not parse, a body that is not
/// JSON, a method the path does not have) become problems too.
pub async fn every_error_a_problem(response: Response) -> Response {
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|kind| kind == "application/problem+json");
    if !(status.is_client_error() || status.is_server_error()) || is_problem {
        return response;
    }
    let (name, title) = match status.as_u16() {
        404 => ("not-found", "Not found"),
        405 => ("method-not-allowed", "Method not allowed"),
        413 => ("too-large", "Request body too large"),
        415 => ("bad-request", "Unsupported media type"),
        422 => ("invalid", "Invalid input"),
        400..=499 => ("bad-request", "Bad request"),
        _ => ("internal", "Internal error"),
    };
    let mut answer = answer(ProblemBody {
        r#type: format!("/api/docs#problem-{name}"),
        title: title.to_owned(),
        status: status.as_u16(),
        detail: match status.as_u16() {
            404 => AppError::NotFound.to_string(),
            413 => "The request's body is over 64 KiB, more than any route reads.".to_owned(),
            _ => AppError::BadRequest.to_string(),
        },
        errors: Vec::new(),
    });
    if let Some(allow) = response.headers().get(header::ALLOW) {
        answer.headers_mut().insert(header::ALLOW, allow.clone());
    }
    answer
}

/// Errors answered before a request reaches the API's router (a body over the size limit)
/// are problems too, for the API's paths only.
pub async fn api_errors_as_problems(request: axum::extract::Request, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api/v1/");
    let response = next.run(request).await;
    if is_api {
        every_error_a_problem(response).await
    } else {
        response
    }
}
