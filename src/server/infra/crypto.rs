//! Secrets at rest: AES-256-GCM under the master key.
//!
//! Every write uses a fresh random nonce. The associated data names the row the secret belongs
//! to, so a ciphertext copied onto another row does not decrypt. The key id stored beside each
//! ciphertext says which master key sealed it, so a key rotation can be checked row by row.

use aes_gcm::{
    aead::{Aead, KeyInit, Payload},
    Aes256Gcm, Nonce,
};
use rand::RngCore;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::server::infra::master_key::MasterKey;

const NONCE_LEN: usize = 12;

/// A sealed secret, as stored (in columns, or serialized whole into a session).
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub struct Sealed {
    pub nonce: Vec<u8>,
    pub ciphertext: Vec<u8>,
    pub key_id: String,
}

/// Why a secret could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("sealed under master key {found}, but the current key is {current}")]
    WrongKey { found: String, current: String },
    #[error(
        "the ciphertext does not authenticate (tampered, moved to another row, or another key)"
    )]
    Corrupt,
}

/// A short, public name for a master key: the first 8 bytes of its SHA-256, in hex.
pub fn key_id(key: &MasterKey) -> String {
    let digest = Sha256::new_with_prefix(b"plugboard key id\0")
        .chain_update(key.bytes())
        .finalize();
    digest[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The associated data for a credential's secret: its row and workspace.
pub fn credential_aad(credential_id: i64) -> Vec<u8> {
    format!("plugboard:workspace:1:credential:{credential_id}").into_bytes()
}

pub fn seal(key: &MasterKey, plaintext: &[u8], aad: &[u8]) -> Sealed {
    let cipher = Aes256Gcm::new(key.bytes().into());
    let mut nonce = [0u8; NONCE_LEN];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let ciphertext = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .expect("AES-GCM encryption cannot fail for in-memory buffers");
    Sealed {
        nonce: nonce.to_vec(),
        ciphertext,
        key_id: key_id(key),
    }
}

pub fn open(key: &MasterKey, sealed: &Sealed, aad: &[u8]) -> Result<Zeroizing<Vec<u8>>, OpenError> {
    let current = key_id(key);
    if sealed.key_id != current {
        return Err(OpenError::WrongKey {
            found: sealed.key_id.clone(),
            current,
        });
    }
    if sealed.nonce.len() != NONCE_LEN {
        return Err(OpenError::Corrupt);
    }
    let cipher = Aes256Gcm::new(key.bytes().into());
    cipher
        .decrypt(
            Nonce::from_slice(&sealed.nonce),
            Payload {
                msg: &sealed.ciphertext,
                aad,
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| OpenError::Corrupt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_with_its_key_and_row_only() {
        let key = MasterKey::generate();
        let sealed = seal(&key, b"tok3n", &credential_aad(1));
        assert!(!sealed.ciphertext.windows(5).any(|w| w == b"tok3n"));
        assert_eq!(
            open(&key, &sealed, &credential_aad(1)).unwrap().as_slice(),
            b"tok3n"
        );
        assert!(matches!(
            open(&key, &sealed, &credential_aad(2)),
            Err(OpenError::Corrupt)
        ));
        let other = MasterKey::generate();
        assert!(matches!(
            open(&other, &sealed, &credential_aad(1)),
            Err(OpenError::WrongKey { .. })
        ));
    }

    #[test]
    fn every_seal_uses_a_fresh_nonce() {
        let key = MasterKey::generate();
        let a = seal(&key, b"same", b"row");
        let b = seal(&key, b"same", b"row");
        assert_ne!(a.nonce, b.nonce);
        assert_ne!(a.ciphertext, b.ciphertext);
    }

    #[test]
    fn a_flipped_bit_is_detected() {
        let key = MasterKey::generate();
        let mut sealed = seal(&key, b"tok3n", b"row");
        sealed.ciphertext[0] ^= 1;
        assert!(matches!(
            open(&key, &sealed, b"row"),
            Err(OpenError::Corrupt)
        ));
    }
}
