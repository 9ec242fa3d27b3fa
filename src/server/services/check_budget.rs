//! How many tokens one person may have checked with a source: a few at once, then about one
//! every few seconds. Without it a signed-in user could use Plugboard as an oracle for
//! guessed tokens, or fill the server's few check slots and starve everyone else's checks.
//!
//! A bucket per user, in memory: [`BURST`] checks, refilled at one per [`REFILL`], and at most
//! [`AT_ONCE`] at a time, half the server's check slots, so one person never holds them all.
//! Kept in memory because it only needs to outlast a burst, not a restart.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use crate::error::AppError;

/// Checks a person may make in a row before waiting.
pub const BURST: f64 = 20.0;
/// One more check becomes available this often.
pub const REFILL: Duration = Duration::from_secs(6);
/// Checks of one person under way at once.
pub const AT_ONCE: u32 = 2;

#[derive(Default)]
pub struct CheckBudgets {
    users: Mutex<HashMap<i64, Bucket>>,
}

struct Bucket {
    tokens: f64,
    at: Instant,
    checking: u32,
}

/// A check under way; the next one of the same person may start once this is dropped.
pub struct CheckTurn {
    budgets: Arc<CheckBudgets>,
    user_id: i64,
}

impl Drop for CheckTurn {
    fn drop(&mut self) {
        self.budgets.release(self.user_id);
    }
}

impl CheckBudgets {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i64, Bucket>> {
        self.users
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A turn to check a token for `user_id`, or when to try again.
    pub fn admit(self: &Arc<Self>, user_id: i64) -> Result<CheckTurn, AppError> {
        self.admit_at(user_id, Instant::now())?;
        Ok(CheckTurn {
            budgets: self.clone(),
            user_id,
        })
    }

    fn admit_at(&self, user_id: i64, now: Instant) -> Result<(), AppError> {
        let mut users = self.lock();
        let bucket = users.entry(user_id).or_insert(Bucket {
            tokens: BURST,
            at: now,
            checking: 0,
        });
        let refilled =
            now.saturating_duration_since(bucket.at).as_secs_f64() / REFILL.as_secs_f64();
        bucket.tokens = (bucket.tokens + refilled).min(BURST);
        bucket.at = now;
        if bucket.checking >= AT_ONCE {
            return Err(AppError::RateLimited {
                message: "Other token checks of yours are still running. Try again when one \
                          has finished."
                    .into(),
                retry_after_secs: 2,
            });
        }
        if bucket.tokens < 1.0 {
            let wait = ((1.0 - bucket.tokens) * REFILL.as_secs_f64())
                .ceil()
                .max(1.0) as u64;
            return Err(AppError::RateLimited {
                message: format!(
                    "You have checked many tokens in a short time. Try again in {wait} second{}.",
                    if wait == 1 { "" } else { "s" }
                ),
                retry_after_secs: wait,
            });
        }
        bucket.tokens -= 1.0;
        bucket.checking += 1;
        Ok(())
    }

    /// Marks one of `user_id`'s checks as done (what dropping a [`CheckTurn`] does).
    fn release(&self, user_id: i64) {
        if let Some(bucket) = self.lock().get_mut(&user_id) {
            bucket.checking = bucket.checking.saturating_sub(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_is_allowed_then_one_check_per_refill_and_others_are_not_affected() {
        let budgets = CheckBudgets::default();
        let start = Instant::now();
        for _ in 0..BURST as usize {
            budgets.admit_at(1, start).unwrap();
            budgets.release(1);
        }
        let refused = budgets.admit_at(1, start).unwrap_err();
        assert_eq!(refused.status(), 429);
        assert_eq!(refused.retry_after_secs(), Some(REFILL.as_secs()));
        assert!(
            refused.to_string().contains("Try again in 6 seconds"),
            "{refused}"
        );
        budgets
            .admit_at(2, start)
            .expect("another person has their own budget");
        budgets
            .admit_at(1, start + REFILL)
            .expect("one more after a refill");
    }

    #[test]
    fn one_person_has_at_most_two_checks_under_way() {
        let budgets = Arc::new(CheckBudgets::default());
        let first = budgets.admit(7).unwrap();
        let _second = budgets.admit(7).unwrap();
        let refused = budgets
            .admit(7)
            .err()
            .expect("a third check at once is refused");
        assert!(refused.to_string().contains("still running"), "{refused}");
        assert!(
            budgets.admit(8).is_ok(),
            "someone else's check is not held up"
        );
        drop(first);
        assert!(budgets.admit(7).is_ok());
    }
}
