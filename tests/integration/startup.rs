//! Start-up and stopping: configuration errors are one clear line; a missing key file is
//! generated; SIGTERM stops the server cleanly, its log written out to the last line.

use std::{os::unix::fs::PermissionsExt, time::Duration};

use tokio::io::{AsyncBufReadExt, BufReader};

use crate::support::spawn_binary::{capture_logs, command_in, run_to_exit, start};

/// Asserts a failed start-up printed exactly one line, naming `variable`, and no panic.
fn assert_one_line_naming(stderr: &str, variable: &str) {
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "expected one line, got:\n{stderr}");
    assert!(
        lines[0].contains(variable),
        "the line should name {variable}: {stderr}"
    );
    assert!(
        !stderr.contains("panicked") && !stderr.contains("backtrace"),
        "{stderr}"
    );
}

#[tokio::test]
async fn an_unparseable_site_address_stops_start_up_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut command = command_in(dir.path());
    command.env("LEPTOS_SITE_ADDR", "localhost-without-port");
    let stopped = run_to_exit(command).await;
    assert!(!stopped.success);
    assert_one_line_naming(&stopped.stderr, "LEPTOS_SITE_ADDR");
}

#[tokio::test]
async fn a_master_key_of_the_wrong_length_stops_start_up_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut command = command_in(dir.path());
    command.env("PLUGBOARD_MASTER_KEY", "c2hvcnQ="); // base64 of "short"
    let stopped = run_to_exit(command).await;
    assert!(!stopped.success);
    assert_one_line_naming(&stopped.stderr, "PLUGBOARD_MASTER_KEY");
    assert!(stopped.stderr.contains("5 bytes"), "{}", stopped.stderr);
}

#[tokio::test]
async fn an_unreadable_key_file_stops_start_up_naming_the_variable() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("data")).unwrap();
    // A directory where the key file should be: unreadable as a key, even for root.
    std::fs::create_dir(dir.path().join("data/master.key")).unwrap();
    let stopped = run_to_exit(command_in(dir.path())).await;
    assert!(!stopped.success);
    assert_one_line_naming(&stopped.stderr, "PLUGBOARD_MASTER_KEY");
}

#[tokio::test]
async fn an_unwritable_database_path_stops_start_up_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    // A regular file where the database's directory should be: no user can create a file there.
    std::fs::write(dir.path().join("blocker"), "not a directory").unwrap();
    let mut command = command_in(dir.path());
    command.env(
        "DATABASE_URL",
        format!("sqlite://{}/blocker/db.sqlite", dir.path().display()),
    );
    let stopped = run_to_exit(command).await;
    assert!(!stopped.success);
    assert_one_line_naming(&stopped.stderr, "DATABASE_URL");
}

#[tokio::test]
async fn an_invalid_log_filter_stops_start_up_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut command = command_in(dir.path());
    command.env("RUST_LOG", "plugboard=loudest");
    let stopped = run_to_exit(command).await;
    assert!(!stopped.success);
    assert_one_line_naming(&stopped.stderr, "RUST_LOG");
}

#[tokio::test]
async fn an_invalid_betterstack_url_stops_start_up_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut command = command_in(dir.path());
    command.env("BETTERSTACK_UPTIME_URL", "uptime.betterstack.com");
    let stopped = run_to_exit(command).await;
    assert!(!stopped.success);
    assert_one_line_naming(&stopped.stderr, "BETTERSTACK_UPTIME_URL");
}

#[tokio::test]
async fn without_a_master_key_the_server_generates_a_private_key_file_and_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = start(command_in(dir.path()));
    let stderr = server.stderr.take().unwrap();
    let mut lines = BufReader::new(stderr).lines();
    let address = tokio::time::timeout(Duration::from_secs(30), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if let Some((_, url)) = line.split_once("listening on ") {
                return url.trim().to_owned();
            }
        }
        panic!("the server exited before listening");
    })
    .await
    .expect("the server should start listening");

    let health: serde_json::Value = reqwest::get(format!("{address}/healthz"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["status"], "ok");

    let key_file = dir.path().join("data/master.key");
    let mode = std::fs::metadata(&key_file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    for (file, private) in [
        ("data", 0o700),
        ("data/plugboard.db", 0o600),
        ("data/plugboard.db-wal", 0o600),
        ("data/plugboard.db-shm", 0o600),
    ] {
        let mode = std::fs::metadata(dir.path().join(file))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, private, "{file}");
    }
    server.kill().await.unwrap();
}

#[tokio::test]
async fn a_database_file_others_can_read_is_reported_at_start_up() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("data")).unwrap();
    let db = dir.path().join("data/plugboard.db");
    std::fs::write(&db, b"").unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let mut server = start(command_in(dir.path()));
    let (logs, _address) = capture_logs(&mut server).await;
    let logs = logs.lock().await.clone();
    assert!(
        logs.lines()
            .any(|line| line.contains("WARN") && line.contains("plugboard.db has mode 644")),
        "{logs}"
    );
    server.kill().await.unwrap();
}

// SIGTERM: the server exits 0 and its log, written by a thread of its own, is complete up to
// the closing line, with no error on the way.
#[tokio::test]
async fn sigterm_stops_the_server_cleanly_with_every_log_line_written() {
    let dir = tempfile::tempdir().unwrap();
    // A site file: Leptos serves those without a request head in its context.
    let styles = dir.path().join("target/site/pkg/plugboard.css");
    std::fs::create_dir_all(styles.parent().unwrap()).unwrap();
    std::fs::write(&styles, "body { margin: 0 }").unwrap();
    let mut server = start(command_in(dir.path()));
    let (logs, address) = capture_logs(&mut server).await;
    let health = reqwest::get(format!("{address}/healthz")).await.unwrap();
    assert_eq!(health.status(), 200);
    let file = reqwest::get(format!("{address}/pkg/plugboard.css"))
        .await
        .unwrap();
    assert_eq!(file.status(), 200);

    let pid = server.id().unwrap().to_string();
    let sent = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(sent.success());
    let exit = tokio::time::timeout(Duration::from_secs(30), server.wait())
        .await
        .expect("the server should stop on SIGTERM")
        .unwrap();
    assert!(exit.success(), "{exit:?}");

    // The pipe's last bytes may still be on their way to the reader.
    let log = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            let log = logs.lock().await.clone();
            if log.contains("Plugboard stopped") {
                return log;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .unwrap_or_else(|_| panic!("no closing line in:\n{}", logs.try_lock().unwrap()));
    assert!(
        log.contains("path=/healthz status=200"),
        "the request's line: {log}"
    );
    assert!(
        log.trim_end().ends_with("Plugboard stopped"),
        "the closing line is the last: {log}"
    );
    assert!(!log.contains("ERROR"), "nothing went wrong: {log}");
}
