//! `plugboard admin rotate-key`: the old key opens nothing, the new key opens everything,
//! nothing is lost — with the key in the environment, in a file, and after an interruption.

use std::{os::unix::fs::PermissionsExt, path::Path};

use plugboard::server::{
    infra::crypto::{self, credential_aad, OpenError},
    infra::master_key::{KeySource, MasterKey},
    repo::credentials,
};

use crate::support::{
    connections::{app_with_double, save_credential, usual_world},
    spawn_binary::{command_in, run_to_exit},
    TestApp,
};

const TOKENS: [&str; 2] = ["team_rotateFirst1111", "team_rotateSecond2222"];

/// An app with two saved credentials; returns their ids.
async fn app_with_two_secrets() -> (TestApp, betterstack_double::Double, Vec<i64>) {
    let (app, double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let mut ids = Vec::new();
    for (n, token) in TOKENS.iter().enumerate() {
        ids.push(
            save_credential(&admin, &format!("Token {n}"), token)
                .await
                .id,
        );
    }
    (app, double, ids)
}

fn rotate_command(app: &TestApp, dir: &Path) -> tokio::process::Command {
    let mut command = command_in(dir);
    command
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", app.dir.path().join("plugboard.db").display()),
        )
        .args(["admin", "rotate-key"]);
    command
}

/// Every secret opens with `new` (to its original token) and none with `old`.
async fn assert_sealed_under(app: &TestApp, ids: &[i64], old: &MasterKey, new: &MasterKey) {
    for (id, token) in ids.iter().zip(TOKENS) {
        let row = credentials::secret(&app.state.pool, *id)
            .await
            .unwrap()
            .unwrap();
        let sealed = row.sealed();
        assert!(matches!(
            crypto::open(old, &sealed, &credential_aad(*id)),
            Err(OpenError::WrongKey { .. })
        ));
        assert_eq!(
            crypto::open(new, &sealed, &credential_aad(*id))
                .unwrap()
                .as_slice(),
            token.as_bytes()
        );
    }
}

#[tokio::test]
async fn rotating_a_key_from_the_environment_re_encrypts_every_secret_and_prints_the_new_key() {
    let (app, _double, ids) = app_with_two_secrets().await;
    let old = app.state.master_key.clone();
    let dir = tempfile::tempdir().unwrap();
    let mut command = rotate_command(&app, dir.path());
    command.env("PLUGBOARD_MASTER_KEY", old.to_base64().as_str());
    let output = command.output().await.unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("Re-encrypted 2 secret(s) in one transaction"),
        "{stdout}"
    );
    let new = MasterKey::from_base64(stdout.lines().last().unwrap()).unwrap();
    assert_ne!(new.bytes(), old.bytes());
    assert_sealed_under(&app, &ids, &old, &new).await;
}

#[tokio::test]
async fn rotating_a_key_file_replaces_the_file_and_nothing_is_lost() {
    let (app, _double, ids) = app_with_two_secrets().await;
    let old = app.state.master_key.clone();
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("data/master.key");
    std::fs::create_dir(dir.path().join("data")).unwrap();
    std::fs::write(&key_file, old.to_base64().as_bytes()).unwrap();
    std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o600)).unwrap();

    let output = rotate_command(&app, dir.path()).output().await.unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("now holds the new key"));
    let new = KeySource::File(key_file.clone()).load().unwrap();
    assert_eq!(
        std::fs::metadata(&key_file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(!dir.path().join("data/master.key.new").exists());
    assert_sealed_under(&app, &ids, &old, &new).await;
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM credentials")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(count, 2);
}

#[tokio::test]
async fn an_interrupted_rotation_stops_start_up_and_running_it_again_finishes_it() {
    let (app, _double, ids) = app_with_two_secrets().await;
    let old = app.state.master_key.clone();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("data")).unwrap();
    let key_file = dir.path().join("data/master.key");
    let pending = dir.path().join("data/master.key.new");
    std::fs::write(&key_file, old.to_base64().as_bytes()).unwrap();
    std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o600)).unwrap();
    // The state a crash leaves between the committed transaction and the rename: rows sealed
    // under the new key, which only master.key.new holds.
    let interrupted = MasterKey::generate();
    std::fs::write(&pending, interrupted.to_base64().as_bytes()).unwrap();
    std::fs::set_permissions(&pending, std::fs::Permissions::from_mode(0o600)).unwrap();
    for (id, token) in ids.iter().zip(TOKENS) {
        let sealed = crypto::seal(&interrupted, token.as_bytes(), &credential_aad(*id));
        credentials::reseal(&app.state.pool, *id, &sealed)
            .await
            .unwrap();
    }

    let mut serve = command_in(dir.path());
    serve.env(
        "DATABASE_URL",
        format!("sqlite://{}", app.dir.path().join("plugboard.db").display()),
    );
    let refused = run_to_exit(serve).await;
    assert!(!refused.success);
    assert!(
        refused
            .stderr
            .contains("PLUGBOARD_MASTER_KEY: a key rotation did not finish"),
        "{}",
        refused.stderr
    );

    let output = rotate_command(&app, dir.path()).output().await.unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let new = KeySource::File(key_file).load().unwrap();
    assert!(!pending.exists());
    assert_sealed_under(&app, &ids, &old, &new).await;
}
