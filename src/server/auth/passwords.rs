//! Password hashing with argon2id at OWASP's recommended cost (m = 19 MiB, t = 2, p = 1).
//!
//! Hashing is deliberately slow, so it runs on the blocking pool, never on the async workers.

use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Algorithm, Argon2, Params, Version,
};

use crate::{domain::Password, error::AppError};

const MEMORY_KIB: u32 = 19 * 1024;
const ITERATIONS: u32 = 2;
const PARALLELISM: u32 = 1;

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None)
        .expect("constant argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) to store for `password`.
pub async fn hash(password: Password) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        argon2()
            .hash_password(password.expose().as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| AppError::internal(format!("hashing a password failed: {e}")))
    })
    .await
    .map_err(AppError::internal)?
}

/// Whether `password` matches `stored`. With `stored = None` (no such user) the same work
/// is done against a fixed hash, so the answer takes as long either way.
pub async fn verify(password: Password, stored: Option<String>) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        let stored = stored.unwrap_or_else(|| UNKNOWN_USER_HASH.to_owned());
        let parsed = PasswordHash::new(&stored)
            .map_err(|e| AppError::internal(format!("a stored password hash is malformed: {e}")))?;
        let matches = argon2()
            .verify_password(password.expose().as_bytes(), &parsed)
            .is_ok();
        Ok(matches && stored != UNKNOWN_USER_HASH)
    })
    .await
    .map_err(AppError::internal)?
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
        let stored = hash(password("correct horse battery staple"))
            .await
            .unwrap();
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
        assert!(verify(
            password("correct horse battery staple"),
            Some(stored.clone())
        )
        .await
        .unwrap());
        assert!(
            !verify(password("wrong horse battery staple"), Some(stored))
                .await
                .unwrap()
        );
    }

    #[tokio::test]
    async fn no_password_matches_an_unknown_user() {
        assert!(!verify(password("anything at all here"), None)
            .await
            .unwrap());
    }

    #[test]
    fn the_unknown_user_hash_is_well_formed() {
        assert!(PasswordHash::new(UNKNOWN_USER_HASH).is_ok());
    }
}
