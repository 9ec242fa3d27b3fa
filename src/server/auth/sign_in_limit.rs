//! How many sign-ins may fail, and for whom.
//!
//! Two budgets, both over the last fifteen minutes and both kept in the database (they survive
//! a restart): [`MAX_FAILED_SIGN_INS`] for one email from one client address, and
//! [`MAX_FAILED_SIGN_INS_PER_CLIENT`] from one client address over all emails. The per-email
//! budget is per address so that a stranger's wrong guesses use up only the stranger's
//! budget: the owner, signing in from their own address, is never locked out by them. The
//! per-address budget stops one address from guessing across many accounts. Unknown emails
//! count like known ones, so the limit reveals nothing.
//!
//! An attempt is claimed (written) before its password is checked, under SQLite's write lock:
//! of many attempts arriving at once, at most the budget get as far as a verdict.

use std::net::IpAddr;

use sqlx::SqlitePool;

use crate::{
    domain::{
        limits::{MAX_FAILED_SIGN_INS, MAX_FAILED_SIGN_INS_PER_CLIENT, SIGN_IN_WINDOW_MINUTES},
        Email,
    },
    error::AppError,
    server::{
        infra::clock,
        infra::db,
        repo::sign_in_attempts::{self, Attempt},
    },
};

pub const WINDOW: i64 = SIGN_IN_WINDOW_MINUTES * clock::MINUTE;

/// An attempt counted against the budgets, whose password may now be checked.
pub struct Claimed {
    id: i64,
    email: Email,
    client: String,
}

/// Counts an attempt for `email` from `client`, or refuses while a budget is used up,
/// saying when to try again.
pub async fn claim(pool: &SqlitePool, email: &Email, client: IpAddr) -> Result<Claimed, AppError> {
    let now = clock::now();
    let client = client.to_string();
    let attempt = Attempt {
        email,
        client: &client,
        since: now - WINDOW,
    };
    let mut tx = db::begin_write(pool).await?;
    let for_email = sign_in_attempts::for_email(&mut *tx, attempt).await?;
    if let Some(wait) = wait_secs(&for_email, MAX_FAILED_SIGN_INS, now) {
        return Err(limited("for this email", wait));
    }
    let for_client = sign_in_attempts::for_client(&mut *tx, attempt).await?;
    if let Some(wait) = wait_secs(&for_client, MAX_FAILED_SIGN_INS_PER_CLIENT, now) {
        return Err(limited("from your network", wait));
    }
    let id = sign_in_attempts::insert(&mut *tx, attempt, now).await?;
    tx.commit().await?;
    Ok(Claimed {
        id,
        email: email.clone(),
        client,
    })
}

/// The password matched: the attempt, and this client's earlier failures for the email, no
/// longer count.
pub async fn succeeded(pool: &SqlitePool, claimed: Claimed) -> Result<(), AppError> {
    sign_in_attempts::forget(pool, &claimed.email, &claimed.client).await?;
    Ok(())
}

/// The password was never checked (the server was busy, or failed): the attempt is given back.
pub async fn unused(pool: &SqlitePool, claimed: Claimed) -> Result<(), AppError> {
    sign_in_attempts::delete(pool, claimed.id).await?;
    Ok(())
}

/// Seconds until the oldest attempt that fills the budget leaves the window; `None` while
/// `times` (oldest first, all within the window) leaves room for one more.
fn wait_secs(times: &[i64], budget: i64, now: i64) -> Option<i64> {
    let budget = usize::try_from(budget).unwrap_or(usize::MAX);
    if times.len() < budget {
        return None;
    }
    let freeing = times[times.len() - budget];
    Some((freeing + WINDOW - now).max(1))
}

fn limited(whose: &str, wait_secs: i64) -> AppError {
    let minutes = (wait_secs + 59) / 60;
    AppError::RateLimited {
        message: format!(
            "Too many failed sign-in attempts {whose}. Try again in {minutes} minute{}.",
            if minutes == 1 { "" } else { "s" }
        ),
        retry_after_secs: u64::try_from(wait_secs).unwrap_or(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_is_room_until_the_budget_is_full() {
        assert_eq!(wait_secs(&[], 5, 1_000), None);
        assert_eq!(wait_secs(&[1, 2, 3, 4], 5, 1_000), None);
    }

    #[test]
    fn a_full_budget_frees_up_when_its_oldest_counted_attempt_leaves_the_window() {
        let now = 10_000;
        let times = [now - 600, now - 500, now - 30, now - 20, now - 10, now - 5];
        // Of six attempts with a budget of five, the second oldest is the one that frees a place.
        assert_eq!(wait_secs(&times, 5, now), Some(WINDOW - 500));
    }

    #[test]
    fn the_message_rounds_up_to_whole_minutes_and_retry_after_is_exact() {
        let error = limited("for this email", 61);
        assert_eq!(
            error.to_string(),
            "Too many failed sign-in attempts for this email. Try again in 2 minutes."
        );
        assert_eq!(error.retry_after_secs(), Some(61));
        assert!(limited("from your network", 30)
            .to_string()
            .ends_with("Try again in 1 minute."));
    }
}
