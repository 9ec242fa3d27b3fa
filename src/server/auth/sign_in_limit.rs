//! At most five failed sign-ins per email in fifteen minutes. Kept in the database, so the
//! limit survives a restart; counted for every email, known or not, so it reveals nothing.

use sqlx::SqlitePool;

use crate::{
    domain::{
        limits::{MAX_FAILED_SIGN_INS, SIGN_IN_WINDOW_MINUTES},
        Email,
    },
    error::AppError,
    server::{clock, repo::failed_sign_ins},
};

const WINDOW: i64 = SIGN_IN_WINDOW_MINUTES * clock::MINUTE;

/// Refuses while `email` has used up its attempts, saying when to try again.
pub async fn check(pool: &SqlitePool, email: &Email) -> Result<(), AppError> {
    let since = clock::now() - WINDOW;
    let recent = failed_sign_ins::since(pool, email, since)
        .await
        .map_err(AppError::internal)?;
    if (recent.len() as i64) < MAX_FAILED_SIGN_INS {
        return Ok(());
    }
    // The attempt that frees a slot is the oldest of the last MAX_FAILED_SIGN_INS.
    let freeing = recent[recent.len() - MAX_FAILED_SIGN_INS as usize];
    let minutes = ((freeing + WINDOW - clock::now()) as f64 / 60.0)
        .ceil()
        .max(1.0) as i64;
    Err(AppError::RateLimited(format!(
        "Too many failed sign-in attempts for this email. Try again in {minutes} minute{}.",
        if minutes == 1 { "" } else { "s" }
    )))
}

pub async fn record_failure(pool: &SqlitePool, email: &Email) -> Result<(), AppError> {
    failed_sign_ins::insert(pool, email, clock::now())
        .await
        .map_err(AppError::internal)
}

/// A successful sign-in wipes the slate for that email.
pub async fn clear(pool: &SqlitePool, email: &Email) -> Result<(), AppError> {
    failed_sign_ins::delete_for(pool, email)
        .await
        .map_err(AppError::internal)
}
