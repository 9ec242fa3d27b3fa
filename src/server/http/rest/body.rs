//! A JSON request body, or a problem: a body that is not JSON of the documented shape is a 400
//! problem like every other error, never axum's plain-text rejection.

use axum::{
    extract::{FromRequest, Request},
    Json,
};
use serde::de::DeserializeOwned;

use super::problem::Problem;
use crate::error::AppError;

pub struct JsonBody<T>(pub T);

impl<S, T> FromRequest<S> for JsonBody<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = Problem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Problem> {
        Json::<T>::from_request(request, state)
            .await
            .map(|Json(body)| Self(body))
            .map_err(|_| Problem(AppError::BadRequest))
    }
}

/// The default of a boolean field that is on unless a request turns it off.
pub fn yes() -> bool {
    true
}
