//! The database holds every connection's data and every encrypted token: its file, the
//! write-ahead log and shared-memory files beside it, and its directory are for the server's
//! own user alone. New ones are made that way; existing ones wider than that are reported
//! at start-up (changing them is left to whoever runs the server).

use std::{
    fs::{DirBuilder, OpenOptions},
    io,
    os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt},
    path::{Path, PathBuf},
};

/// Creates `file`'s directory (0700) and an empty `file` (0600) where they are missing.
/// SQLite gives the `-wal` and `-shm` files it makes the database file's mode.
pub fn create_private(file: &Path) -> io::Result<()> {
    if let Some(dir) = directory_of(file) {
        DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    }
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(file)
    {
        Err(e) if e.kind() != io::ErrorKind::AlreadyExists => Err(e),
        _ => Ok(()),
    }
}

/// The database's files and directory that others on this machine may read or enter, with
/// their modes.
pub fn shared_with_others(file: &Path) -> Vec<(PathBuf, u32)> {
    let mut paths = vec![
        file.to_path_buf(),
        suffixed(file, "-wal"),
        suffixed(file, "-shm"),
    ];
    paths.extend(directory_of(file).map(Path::to_path_buf));
    paths
        .into_iter()
        .filter_map(|path| {
            let mode = std::fs::metadata(&path).ok()?.permissions().mode() & 0o777;
            (mode & 0o077 != 0).then_some((path, mode))
        })
        .collect()
}

/// Logs a warning for each of [`shared_with_others`].
pub fn warn_if_shared(file: &Path) {
    for (path, mode) in shared_with_others(file) {
        tracing::warn!(
            "{} has mode {mode:o}: other users of this machine can read it. \
             Make it private with chmod {} {}",
            path.display(),
            if path.is_dir() { "700" } else { "600" },
            path.display()
        );
    }
}

/// The directory `file` names, if it names one (`plugboard.db` alone is in the current one).
fn directory_of(file: &Path) -> Option<&Path> {
    file.parent().filter(|dir| !dir.as_os_str().is_empty())
}

fn suffixed(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_file_and_directory_are_private() {
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("data/plugboard.db");
        create_private(&file).unwrap();
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(file.parent().unwrap()), 0o700);
        assert!(shared_with_others(&file).is_empty());
    }

    #[test]
    fn an_existing_file_readable_by_others_is_reported_and_left_as_it_is() {
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("plugboard.db");
        std::fs::write(&file, b"").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        create_private(&file).unwrap();
        let shared = shared_with_others(&file);
        assert!(shared.contains(&(file.clone(), 0o644)), "{shared:?}");
    }
}
