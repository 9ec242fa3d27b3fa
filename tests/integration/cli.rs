//! `plugboard admin reset-password`, run as the real binary against a live server's database.

use std::{
    process::Stdio,
    time::{Duration, Instant},
};

use plugboard::{
    api::{password_reset::ResetPassword, session::GetViewer},
    server::read_cache::MAX_AGE,
};
use tokio::io::AsyncWriteExt;

use crate::support::{
    accounts::{token_of, PASSWORD},
    spawn_binary::command_in,
    TestApp,
};

fn admin_command(app: &TestApp, dir: &std::path::Path, args: &[&str]) -> tokio::process::Command {
    let mut command = command_in(dir);
    command
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", app.dir.path().join("plugboard.db").display()),
        )
        .env("PLUGBOARD_PUBLIC_URL", app.url("/"))
        .arg("admin")
        .args(args);
    command
}

#[tokio::test]
async fn a_printed_reset_link_sets_a_new_password_once_and_ends_old_sessions() {
    let app = TestApp::spawn().await;
    let old_browser = app.create_admin("ada@acme.test").await;
    let dir = tempfile::tempdir().unwrap();
    let output = admin_command(
        &app,
        dir.path(),
        &["reset-password", "--email", "ADA@acme.test"],
    )
    .output()
    .await
    .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let link = stdout
        .lines()
        .find(|line| line.contains("/reset-password/"))
        .expect(&stdout)
        .trim();
    assert!(link.starts_with(&app.url("/reset-password/")), "{link}");

    let browser = app.browser();
    assert!(browser
        .get(&format!("/reset-password/{}", token_of(link)))
        .await
        .body
        .contains("Set Password"));
    let new_password = "a brand new long passphrase";
    let reply = browser
        .call::<ResetPassword>(&[("token", token_of(link)), ("password", new_password)])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    assert_ne!(
        browser.call::<GetViewer>(&[]).await.body,
        "null",
        "signed in by the reset"
    );
    assert_eq!(
        old_browser.call::<GetViewer>(&[]).await.body,
        "null",
        "old sessions ended"
    );

    let again = app
        .browser()
        .call::<ResetPassword>(&[("token", token_of(link)), ("password", new_password)])
        .await;
    assert_eq!(again.status, 410);
    assert_eq!(app.sign_in("ada@acme.test", PASSWORD).await.1.status, 401);
    assert_eq!(
        app.sign_in("ada@acme.test", new_password).await.1.status,
        200
    );
}

#[tokio::test]
async fn a_password_read_from_standard_input_is_set_directly() {
    let app = TestApp::spawn().await;
    let old_browser = app.create_admin("ada@acme.test").await;
    // Read now, so the server holds this session and user in memory when the command runs.
    assert_ne!(old_browser.call::<GetViewer>(&[]).await.body, "null");
    let dir = tempfile::tempdir().unwrap();
    let mut child = admin_command(
        &app,
        dir.path(),
        &[
            "reset-password",
            "--email",
            "ada@acme.test",
            "--password-stdin",
        ],
    )
    .stdin(Stdio::piped())
    .spawn()
    .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"typed on the console\n")
        .await
        .unwrap();
    let output = child.wait_with_output().await.unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!String::from_utf8_lossy(&output.stdout).contains("typed on the console"));
    // The command is another process: the server cannot count its commit, and notices it
    // once what it holds in memory is read_cache::MAX_AGE old.
    let changed = Instant::now();
    while old_browser.call::<GetViewer>(&[]).await.body != "null" {
        assert!(
            changed.elapsed() < MAX_AGE + Duration::from_secs(4),
            "the old session outlived the new password"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        app.sign_in("ada@acme.test", "typed on the console")
            .await
            .1
            .status,
        200
    );
}

#[tokio::test]
async fn an_unknown_email_or_a_short_password_is_one_clear_line() {
    let app = TestApp::spawn().await;
    app.create_admin("ada@acme.test").await;
    let dir = tempfile::tempdir().unwrap();
    let output = admin_command(
        &app,
        dir.path(),
        &["reset-password", "--email", "nobody@acme.test"],
    )
    .output()
    .await
    .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.trim(),
        "plugboard: no current member has the email nobody@acme.test"
    );

    let mut child = admin_command(
        &app,
        dir.path(),
        &[
            "reset-password",
            "--email",
            "ada@acme.test",
            "--password-stdin",
        ],
    )
    .stdin(Stdio::piped())
    .spawn()
    .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"short\n")
        .await
        .unwrap();
    let output = child.wait_with_output().await.unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("Use at least 12 characters."));
}
