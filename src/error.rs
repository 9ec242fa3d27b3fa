//! The one error type the browser can receive.
//!
//! Policy: every variant's text is written for the person using Plugboard. Internal failures
//! become [`AppError::Internal`], which carries no detail at all: the detail is logged once, on
//! the server, where it happened (see `AppError::internal`), and never crosses the wire.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

use crate::domain::FieldErrors;

/// What went wrong, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// No signed-in user.
    #[error("Please sign in to continue.")]
    Unauthenticated,
    /// Signed in, but not allowed to do this.
    #[error("{0}")]
    Forbidden(String),
    /// The thing does not exist — or the user may not know that it does.
    #[error("We could not find that. It may have been deleted, or you may not have access to it.")]
    NotFound,
    /// Input that does not pass the rules; one message per field.
    #[error("{}", .0.summary())]
    Invalid(FieldErrors),
    /// Sign-in with an email and password that do not match. One message for a wrong email
    /// and a wrong password, so it reveals nothing about who has an account.
    #[error("That email and password do not match an account.")]
    SignInFailed,
    /// Too many attempts; the text says when to try again, and so does `Retry-After`.
    #[error("{message}")]
    RateLimited {
        message: String,
        retry_after_secs: u64,
    },
    /// The server is at its bound for expensive work (password hashing); try again shortly.
    #[error("{message}")]
    Busy {
        message: String,
        retry_after_secs: u64,
    },
    /// A rule of the product said no (the last Admin, a taken name, …); the text says which.
    #[error("{0}")]
    Conflict(String),
    /// The change would take something away (someone's access); it is applied only when the
    /// request confirms it. The message says what would be lost; the form comes back as it was.
    #[error("{}", .0.summary())]
    NeedsConfirmation(FieldErrors),
    /// A one-time link that has expired or was already used.
    #[error("{0}")]
    Gone(String),
    /// The request could not be read at all (a malformed or hand-made request).
    #[error("The request could not be read. Reload the page and try again.")]
    BadRequest,
    /// A source (Better Stack, …) gave no answer worth believing; the form's fields come back
    /// with the message so the user can try again or save without checking.
    #[error("{}", .0.summary())]
    SourceUnreachable(FieldErrors),
    /// The browser could not reach the Plugboard server.
    #[error("Plugboard's server could not be reached. Check your connection and try again.")]
    Unreachable,
    /// Something broke on the server. Deliberately without detail.
    #[error("Something went wrong on our side. It has been logged; please try again.")]
    Internal,
}

impl AppError {
    /// The HTTP status this error is answered with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::Forbidden(_) => 403,
            AppError::NotFound => 404,
            AppError::Invalid(_) | AppError::BadRequest => 400,
            AppError::SignInFailed => 401,
            AppError::RateLimited { .. } => 429,
            AppError::Busy { .. } => 503,
            AppError::Conflict(_) | AppError::NeedsConfirmation(_) => 409,
            AppError::Gone(_) => 410,
            AppError::SourceUnreachable(_) => 502,
            AppError::Unreachable => 503,
            AppError::Internal => 500,
        }
    }

    /// How many seconds to wait before trying again, for answers that say so.
    pub fn retry_after_secs(&self) -> Option<u64> {
        match self {
            AppError::RateLimited {
                retry_after_secs, ..
            }
            | AppError::Busy {
                retry_after_secs, ..
            } => Some(*retry_after_secs),
            _ => None,
        }
    }

    /// The message for one form field, if this error has one.
    pub fn field(&self, name: &str) -> Option<String> {
        match self {
            AppError::Invalid(errors)
            | AppError::SourceUnreachable(errors)
            | AppError::NeedsConfirmation(errors) => errors.get(name).map(str::to_owned),
            _ => None,
        }
    }

    /// What the user had typed in `field`, sent back with a validation error.
    pub fn kept(&self, name: &str) -> Option<String> {
        match self {
            AppError::Invalid(errors)
            | AppError::SourceUnreachable(errors)
            | AppError::NeedsConfirmation(errors) => errors.kept(name).map(str::to_owned),
            _ => None,
        }
    }

    /// Logs `detail` once, here on the server, and returns the opaque [`AppError::Internal`].
    #[cfg(feature = "ssr")]
    #[track_caller]
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        let at = std::panic::Location::caller();
        tracing::error!(%at, "internal error: {detail}");
        AppError::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        tracing::error!("database error: {error}");
        AppError::Internal
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Raised in the browser when the request never got an answer.
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => AppError::Unreachable,
            // Raised on the server when a request's arguments cannot be decoded.
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_)
            | ServerFnErrorErr::Registration(_) => AppError::BadRequest,
            ServerFnErrorErr::ServerError(detail)
            | ServerFnErrorErr::MiddlewareError(detail)
            | ServerFnErrorErr::Serialization(detail) => {
                #[cfg(feature = "ssr")]
                tracing::error!("server function failed: {detail}");
                #[cfg(not(feature = "ssr"))]
                let _ = detail;
                AppError::Internal
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_say_nothing_about_their_cause() {
        let wire = serde_json::to_string(&AppError::Internal).unwrap();
        assert_eq!(wire, r#""Internal""#);
        assert!(!AppError::Internal.to_string().contains("sqlite"));
    }

    #[test]
    fn a_server_side_failure_reaches_the_browser_without_its_detail() {
        let err = AppError::from_server_fn_error(ServerFnErrorErr::ServerError(
            "database is locked at /srv/plugboard/data/plugboard.db".into(),
        ));
        assert_eq!(err, AppError::Internal);
        assert!(!serde_json::to_string(&err).unwrap().contains("locked"));
    }

    #[test]
    fn undecodable_arguments_are_a_bad_request_not_a_server_error() {
        let err = AppError::from_server_fn_error(ServerFnErrorErr::Args("missing field".into()));
        assert_eq!(err.status(), 400);
    }

    #[test]
    fn errors_survive_the_round_trip_through_the_wire_format() {
        let mut fields = FieldErrors::default();
        fields.add("email", "Enter an email address like name@example.com.");
        let err = AppError::Invalid(fields);
        let decoded = AppError::de(err.ser());
        assert_eq!(decoded, err);
        assert_eq!(
            decoded.field("email").as_deref(),
            Some("Enter an email address like name@example.com.")
        );
    }
}
