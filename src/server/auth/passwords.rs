//! Password hashing with argon2id at OWASP's recommended cost (m = 19 MiB, t = 2, p = 1).
//!
//! Hashing is deliberately slow, so it runs on the blocking pool, never on the async workers,
//! and only a few at a time: each hash holds 19 MiB and a core, and anonymous requests (sign-in,
//! joining, a reset) can ask for one. The rest wait in line for a short while, then are told
//! to try again ([`AppError::Busy`]) instead of piling up memory.

use std::{
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
    time::Duration,
};

use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Algorithm, Argon2, Params, Version,
};

use tokio::sync::Semaphore;

use crate::{domain::Password, error::AppError};

const MEMORY_KIB: u32 = 19 * 1024;
const ITERATIONS: u32 = 2;
const PARALLELISM: u32 = 1;

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None)
        .expect("constant argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Turns at argon2: a bounded number at once, and a bounded wait in line for one. One set
/// per server (in its state), shared by everything that hashes or verifies.
#[derive(Clone)]
pub struct HashingTurns {
    line: Arc<Semaphore>,
    turns: u32,
    patience: Duration,
    /// Hashes and checks run so far: how a test tells that a request hashed nothing.
    runs: Arc<AtomicU64>,
}

impl HashingTurns {
    /// One turn per core. A hash takes tens of milliseconds, so three seconds in line is
    /// dozens of turns; a line longer than that is a flood, not a queue.
    pub fn one_per_core() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |cores| cores.get());
        let cores = u32::try_from(cores).unwrap_or(u32::MAX);
        Self::new(cores, Duration::from_secs(3))
    }

    fn new(turns: u32, patience: Duration) -> Self {
        Self {
            line: Arc::new(Semaphore::new(turns as usize)),
            turns,
            patience,
            runs: Arc::default(),
        }
    }

    /// How many hashes and checks have run with these turns.
    pub fn runs(&self) -> u64 {
        self.runs.load(Ordering::Relaxed)
    }

    /// Takes every turn until the guard is dropped, so whatever comes next waits in line:
    /// how a test fills the line without racing real hashes.
    pub async fn hold_every_turn(&self) -> tokio::sync::OwnedSemaphorePermit {
        Arc::clone(&self.line)
            .acquire_many_owned(self.turns)
            .await
            .expect("the line is never closed")
    }

    /// Runs `work` on the blocking pool once a turn is free, or says the server is busy.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> Result<T, AppError> + Send + 'static,
    ) -> Result<T, AppError> {
        let _turn = tokio::time::timeout(self.patience, self.line.acquire())
            .await
            .map_err(|_| {
                tracing::warn!("password hashing is at its bound; a request was turned away");
                AppError::Busy {
                    message: "Plugboard is busy checking passwords. Try again in a few seconds."
                        .into(),
                    retry_after_secs: RETRY_AFTER_SECS,
                }
            })?
            .map_err(AppError::internal)?;
        self.runs.fetch_add(1, Ordering::Relaxed);
        tokio::task::spawn_blocking(work)
            .await
            .map_err(AppError::internal)?
    }
}

const RETRY_AFTER_SECS: u64 = 2;

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) to store for `password`.
pub async fn hash(turns: &HashingTurns, password: Password) -> Result<String, AppError> {
    turns
        .run(move || {
            let salt = SaltString::generate(&mut OsRng);
            argon2()
                .hash_password(password.expose().as_bytes(), &salt)
                .map(|hash| hash.to_string())
                .map_err(|e| AppError::internal(format!("hashing a password failed: {e}")))
        })
        .await
}

/// Whether `password` matches `stored`. With `stored = None` (no such user) the same work
/// is done against a fixed hash, so the answer takes as long either way.
pub async fn verify(
    turns: &HashingTurns,
    password: Password,
    stored: Option<String>,
) -> Result<bool, AppError> {
    turns
        .run(move || {
            let stored = stored.unwrap_or_else(|| UNKNOWN_USER_HASH.to_owned());
            let parsed = PasswordHash::new(&stored).map_err(|e| {
                AppError::internal(format!("a stored password hash is malformed: {e}"))
            })?;
            let matches = argon2()
                .verify_password(password.expose().as_bytes(), &parsed)
                .is_ok();
            Ok(matches && stored != UNKNOWN_USER_HASH)
        })
        .await
}

/// A hash of a random password nobody knows, at the same cost as real ones.
const UNKNOWN_USER_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$QXNraW5nRm9yVGltaW5n$uSFPqJF4yP3I35n2aB0y5KkUuFAoWc1lm2vX4zmdr6Y";

#[cfg(test)]
mod tests {
    use super::*;

    fn password(text: &str) -> Password {
        Password::parse_new(text.to_owned()).unwrap()
    }

    #[tokio::test]
    async fn a_hash_is_argon2id_with_the_recommended_cost_and_verifies_only_its_password() {
        let turns = HashingTurns::one_per_core();
        let stored = hash(&turns, password("correct horse battery staple"))
            .await
            .unwrap();
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
        assert!(verify(
            &turns,
            password("correct horse battery staple"),
            Some(stored.clone())
        )
        .await
        .unwrap());
        assert!(
            !verify(&turns, password("wrong horse battery staple"), Some(stored))
                .await
                .unwrap()
        );
    }

    #[tokio::test]
    async fn no_password_matches_an_unknown_user() {
        assert!(!verify(
            &HashingTurns::one_per_core(),
            password("anything at all here"),
            None
        )
        .await
        .unwrap());
    }

    #[tokio::test]
    async fn a_request_that_waits_too_long_for_a_turn_is_told_to_come_back() {
        let turns = HashingTurns::new(1, Duration::from_millis(50));
        let held = turns.line.acquire().await.unwrap();
        let refused = turns.run(|| Ok(())).await.unwrap_err();
        assert_eq!(refused.status(), 503);
        assert_eq!(refused.retry_after_secs(), Some(RETRY_AFTER_SECS));
        drop(held);
        assert_eq!(turns.run(|| Ok(7)).await.unwrap(), 7);
    }

    #[test]
    fn the_unknown_user_hash_is_well_formed() {
        assert!(PasswordHash::new(UNKNOWN_USER_HASH).is_ok());
    }
}
