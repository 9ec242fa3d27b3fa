//! The master key that encrypts stored secrets: from `PLUGBOARD_MASTER_KEY`, or a key file that
//! is generated (mode 0600) on first start.

use std::{
    fs,
    io::{ErrorKind, Write},
    os::unix::fs::{MetadataExt, OpenOptionsExt},
    path::{Path, PathBuf},
};

use base64::{engine::general_purpose::STANDARD as BASE64, Engine as _};
use rand::RngCore;
use zeroize::Zeroizing;

use crate::server::infra::config_error::ConfigError;

const VARIABLE: &str = "PLUGBOARD_MASTER_KEY";
pub const KEY_LEN: usize = 32;

/// 32 secret bytes. No `Display`, no `Serialize`, a redacted `Debug`, wiped on drop.
#[derive(Clone)]
pub struct MasterKey(Zeroizing<[u8; KEY_LEN]>);

impl MasterKey {
    pub fn from_bytes(bytes: [u8; KEY_LEN]) -> Self {
        Self(Zeroizing::new(bytes))
    }

    pub fn generate() -> Self {
        let mut bytes = Zeroizing::new([0u8; KEY_LEN]);
        rand::rngs::OsRng.fill_bytes(bytes.as_mut());
        Self(bytes)
    }

    /// Parses base64 of exactly 32 bytes.
    pub fn from_base64(text: &str) -> Result<Self, String> {
        let decoded = Zeroizing::new(
            BASE64
                .decode(text.trim())
                .map_err(|_| "is not valid base64".to_owned())?,
        );
        let bytes: [u8; KEY_LEN] = decoded.as_slice().try_into().map_err(|_| {
            format!(
                "must be base64 of {KEY_LEN} bytes, but decodes to {} bytes",
                decoded.len()
            )
        })?;
        Ok(Self::from_bytes(bytes))
    }

    pub fn to_base64(&self) -> Zeroizing<String> {
        Zeroizing::new(BASE64.encode(self.0.as_ref()))
    }

    pub fn bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }
}

impl std::fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MasterKey(redacted)")
    }
}

/// Where the master key comes from.
#[derive(Debug, Clone)]
pub enum KeySource {
    Env(MasterKey),
    File(PathBuf),
}

impl KeySource {
    /// The variable wins when set; otherwise the key file at `key_file`.
    pub fn from_env(
        value: Option<String>,
        key_file: impl Into<PathBuf>,
    ) -> Result<Self, ConfigError> {
        match value {
            Some(text) => MasterKey::from_base64(&text)
                .map(KeySource::Env)
                .map_err(|why| ConfigError::new(VARIABLE, format!("the value {why}"))),
            None => Ok(KeySource::File(key_file.into())),
        }
    }

    /// The key, reading — or on first start creating — the key file.
    pub fn load(&self) -> Result<MasterKey, ConfigError> {
        match self {
            KeySource::Env(key) => Ok(key.clone()),
            KeySource::File(path) => load_or_create(path),
        }
    }
}

fn load_or_create(path: &Path) -> Result<MasterKey, ConfigError> {
    let fail = |why: String| {
        ConfigError::new(
            VARIABLE,
            format!("is unset, and the key file {} {why}", path.display()),
        )
    };
    match fs::File::open(path) {
        Ok(file) => {
            let mode = file
                .metadata()
                .map_err(|e| fail(format!("cannot be read: {e}")))?
                .mode();
            if mode & 0o077 != 0 {
                return Err(fail(format!(
                    "is readable by other users (mode {:o}); run: chmod 600 {}",
                    mode & 0o777,
                    path.display()
                )));
            }
            let text = Zeroizing::new(
                fs::read_to_string(path).map_err(|e| fail(format!("cannot be read: {e}")))?,
            );
            MasterKey::from_base64(&text).map_err(|why| fail(format!("is not a key: it {why}")))
        }
        Err(e) if e.kind() == ErrorKind::NotFound => create(path).map_err(fail),
        Err(e) => Err(fail(format!("cannot be read: {e}"))),
    }
}

fn create(path: &Path) -> Result<MasterKey, String> {
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|e| format!("cannot be created: {e}"))?;
    }
    let key = MasterKey::generate();
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| format!("cannot be created: {e}"))?;
    file.write_all(format!("{}\n", key.to_base64().as_str()).as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("cannot be written: {e}"))?;
    tracing::info!(path = %path.display(), "generated a new master key file");
    Ok(key)
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn a_key_of_the_wrong_length_is_refused_with_its_length() {
        let err = KeySource::from_env(Some(BASE64.encode([7u8; 16])), "unused").unwrap_err();
        assert_eq!(err.variable, VARIABLE);
        assert!(
            err.problem.contains("decodes to 16 bytes"),
            "{}",
            err.problem
        );
    }

    #[test]
    fn a_missing_key_file_is_generated_private_and_then_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data/master.key");
        let first = KeySource::File(path.clone()).load().unwrap();
        assert_eq!(fs::metadata(&path).unwrap().mode() & 0o777, 0o600);
        let second = KeySource::File(path).load().unwrap();
        assert_eq!(first.bytes(), second.bytes());
    }

    #[test]
    fn a_key_file_others_can_read_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("master.key");
        fs::write(&path, MasterKey::generate().to_base64().as_bytes()).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        let err = KeySource::File(path).load().unwrap_err();
        assert!(err.problem.contains("chmod 600"), "{}", err.problem);
    }

    #[test]
    fn the_debug_form_never_shows_key_bytes() {
        let key = MasterKey::from_bytes([0xAB; KEY_LEN]);
        assert_eq!(format!("{key:?}"), "MasterKey(redacted)");
    }
}
