//! The token is shown to no one, ever: not in pages, not in server-function responses, not in
//! logs at any level, not in the database file. Searched for, byte for byte, on the real binary.

use std::time::Duration;

use betterstack_double::Double;
use plugboard::api::{
    api_keys::CreateApiKey,
    connection_changes::{GetConnectionDetail, SwapToken},
    connections::{
        CreateConnection, GetSetup, ListConnections, ListSources, ReviewConnection, SaveCredential,
    },
    join::GetInvite,
    members::{InviteMember, ListMembers},
    password_reset::CheckResetLink,
    session::{CreateWorkspace, GetViewer},
    teams::ListTeams,
};

use crate::support::{
    accounts::PASSWORD,
    browser::Browser,
    connections::{usual_world, SOURCE},
    spawn_binary::{capture_logs, command_in, start},
};
use plugboard::wire::members::CreatedInvite;

const MASTER_KEY: &str = "q2Q6r7vL3m1y0Xk9D8c5b4a3Z2Y1X0W9V8U7T6S5R4Q=";

#[tokio::test]
async fn a_saved_token_appears_in_no_page_no_response_no_log_line_and_not_in_the_database_file() {
    let double = Double::start(usual_world()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut command = command_in(dir.path());
    command
        .env("RUST_LOG", "trace")
        .env("BETTERSTACK_UPTIME_URL", double.base_url())
        .env("PLUGBOARD_MASTER_KEY", MASTER_KEY);
    let mut server = start(command);
    let (logs, address) = capture_logs(&mut server).await;
    let browser = Browser::new(format!("{address}/").parse().unwrap());

    // Unique, and spelled so that no other text could contain it by accident.
    let token = "team_SECRETsecret8Zq4Lm2Np7Xv";
    const SWAPPED: &str = "team_SWAPPEDsecret3Kp9Wd";
    let mut seen = String::new();
    let mut record = |label: &str, body: &str| seen.push_str(&format!("\n--- {label}\n{body}"));

    create_workspace(&browser).await;
    let reply = browser
        .call::<SaveCredential>(&[
            ("source", SOURCE),
            ("name", "Prod"),
            ("description", "main"),
            ("token", token),
        ])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    record("save_credential", &reply.body);
    let credential: plugboard::wire::connections::CredentialTile =
        serde_json::from_str(&reply.body).unwrap();
    let credential_id = credential.id.to_string();
    let draft = [
        ("source", SOURCE),
        ("credential", credential_id.as_str()),
        ("name", "Prod"),
        ("privacy", "workspace"),
    ];
    record(
        "review_connection",
        &browser.call::<ReviewConnection>(&draft).await.body,
    );
    record(
        "create_connection",
        &browser.call::<CreateConnection>(&draft).await.body,
    );
    // A swap, checked first: the new token takes the old one's place everywhere.
    let reply = browser
        .call::<SwapToken>(&[
            ("source", SOURCE),
            ("id", "1"),
            ("token", SWAPPED),
            ("how", "check"),
        ])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    record("swap_token", &reply.body);
    // A failing save, whose error travels back with what the user typed.
    record(
        "save_credential (rejected)",
        &browser
            .call::<SaveCredential>(&[
                ("source", SOURCE),
                ("name", "Typo"),
                ("token", "unknown_SECRET"),
            ])
            .await
            .body,
    );

    // One-time links are secrets in a path: the invite's and a reset link's pages are opened,
    // and their tokens checked, as their recipients would.
    let reply = browser
        .call::<InviteMember>(&[("email", "bea@acme.test"), ("role", "admin")])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    let invite: CreatedInvite = serde_json::from_str(&reply.body).unwrap();
    let invite_token = invite.link.rsplit('/').next().unwrap().to_owned();
    let mut reset = command_in(dir.path());
    reset.env("PLUGBOARD_MASTER_KEY", MASTER_KEY).args([
        "admin",
        "reset-password",
        "--email",
        "ada@acme.test",
    ]);
    let output = reset.output().await.unwrap();
    assert!(output.status.success(), "{output:?}");
    let reset_link = String::from_utf8(output.stdout).unwrap();
    let reset_token = reset_link
        .split_whitespace()
        .find_map(|word| word.split("/reset-password/").nth(1))
        .expect("the command printed a reset link")
        .to_owned();
    let invite_page = format!("/join/{invite_token}");
    assert_eq!(browser.get(&invite_page).await.status, 200);
    let check = browser.call::<GetInvite>(&[("token", &invite_token)]).await;
    assert_eq!(check.status, 200, "the invite is usable");
    let reset_page = format!("/reset-password/{reset_token}");
    assert_eq!(browser.get(&reset_page).await.status, 200);
    let check = browser
        .call::<CheckResetLink>(&[("token", &reset_token)])
        .await;
    assert_eq!(check.status, 200, "the reset link is usable");

    for (label, body) in [
        ("get_viewer", browser.call::<GetViewer>(&[]).await.body),
        ("list_sources", browser.call::<ListSources>(&[]).await.body),
        (
            "get_setup",
            browser.call::<GetSetup>(&[("source", SOURCE)]).await.body,
        ),
        (
            "list_connections",
            browser
                .call::<ListConnections>(&[("source", SOURCE)])
                .await
                .body,
        ),
        (
            "get_connection_detail",
            browser
                .call::<GetConnectionDetail>(&[("source", SOURCE), ("id", "1")])
                .await
                .body,
        ),
        ("list_members", browser.call::<ListMembers>(&[]).await.body),
        ("list_teams", browser.call::<ListTeams>(&[]).await.body),
    ] {
        assert!(!body.is_empty(), "{label} answered");
        record(label, &body);
    }
    let pages = [
        "/".to_owned(),
        "/settings".to_owned(),
        "/settings/connections".to_owned(),
        "/settings/connections/new".to_owned(),
        format!("/settings/connections/new?step=credentials&source={SOURCE}"),
        format!("/settings/connections/new?step=finish&source={SOURCE}&credential={credential_id}&name=Prod&privacy=private"),
        format!("/settings/connections/new/credential?source={SOURCE}"),
        format!("/connections/{SOURCE}"),
        format!("/connections/{SOURCE}/1"),
        "/settings/members".to_owned(),
        "/settings/teams".to_owned(),
    ];
    for page in &pages {
        let reply = browser.get(page).await;
        assert_eq!(reply.status, 200, "{page}");
        record(page, &reply.body);
    }
    // What may be shown of it is shown: the pages did render the credential.
    assert!(seen.contains("••••p9Wd"), "the fingerprint appears");

    // The database file, after the write-ahead log is folded into it.
    let db_path = dir.path().join("data/plugboard.db");
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", db_path.display()))
        .await
        .unwrap();
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    server.kill().await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;

    let mut stored = std::fs::read(&db_path).unwrap();
    if let Ok(wal) = std::fs::read(dir.path().join("data/plugboard.db-wal")) {
        stored.extend(wal);
    }
    let logs = logs.lock().await.clone();
    assert!(logs.lines().count() > 100, "trace logging was on");
    assert!(
        double.requests().iter().any(|r| r.bearer() == Some(token)),
        "the token did reach Better Stack"
    );

    assert!(
        double
            .requests()
            .iter()
            .any(|r| r.bearer() == Some(SWAPPED)),
        "the swapped-in token was checked"
    );
    // Not a terminal: plain `key=value` lines, one per request with its status and latency.
    assert!(!logs.contains('\x1b'), "colour codes in a log file");
    assert!(
        logs.lines().any(|line| line.contains("plugboard::http")
            && line.contains("status=200")
            && line.contains("latency_ms=")),
        "a request line"
    );
    assert!(
        logs.contains("/join/[redacted]") && logs.contains("/reset-password/[redacted]"),
        "the link pages were logged, without their tokens"
    );
    for link_token in [&invite_token, &reset_token] {
        assert!(
            !logs.contains(link_token.as_str()),
            "a log line holds a link's token"
        );
    }
    for secret in [token, SWAPPED, "unknown_SECRET"] {
        assert!(!seen.contains(secret), "a page or response holds the token");
        assert!(!logs.contains(secret), "a log line holds the token");
        assert!(
            !stored.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "the database file holds the token"
        );
    }
}

/// A key or invite made by a form posted without JavaScript waits in the session store for the
/// page the browser is sent back to; that store is a table in the database file, so what
/// waits there is sealed.
#[tokio::test]
async fn a_key_or_invite_waiting_for_its_page_is_in_no_database_file_and_no_log() {
    let dir = tempfile::tempdir().unwrap();
    let mut command = command_in(dir.path());
    command
        .env("RUST_LOG", "trace")
        .env("PLUGBOARD_MASTER_KEY", MASTER_KEY);
    let mut server = start(command);
    let (logs, address) = capture_logs(&mut server).await;
    let browser = Browser::new(format!("{address}/").parse().unwrap());
    create_workspace(&browser).await;
    let reply = browser
        .submit::<CreateApiKey>(
            "/settings/api-keys",
            &[("name", "Deploy"), ("scope", "read"), ("expires", "")],
        )
        .await;
    assert_eq!(reply.status, 302, "{reply:?}");
    let reply = browser
        .submit::<InviteMember>(
            "/settings/members",
            &[("email", "bo@acme.test"), ("role", "member")],
        )
        .await;
    assert_eq!(reply.status, 302, "{reply:?}");

    // Both wait in the session now; the file is read before either page is opened.
    let db_path = dir.path().join("data/plugboard.db");
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", db_path.display()))
        .await
        .unwrap();
    let sessions: Vec<Vec<u8>> = sqlx::query_scalar("SELECT data FROM tower_sessions")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert!(!sessions.is_empty(), "the session store is that table");
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let mut stored = std::fs::read(&db_path).unwrap();
    if let Ok(wal) = std::fs::read(dir.path().join("data/plugboard.db-wal")) {
        stored.extend(wal);
    }

    let keys_page = browser.get("/settings/api-keys").await.body;
    let start = keys_page.find("value=\"pb_").expect("the key is shown") + 7;
    let key = &keys_page[start..start + 46];
    let members_page = browser.get("/settings/members").await.body;
    let start = members_page.find("/join/").expect("the link is shown") + 6;
    let invite_token: String = members_page[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    assert!(invite_token.len() >= 20, "{invite_token}");
    // The key at work: its requests are logged, the key is not.
    let used = reqwest::Client::new()
        .get(format!("{address}/api/v1/sources"))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert_eq!(used.status(), 200);
    // The request's line may still be on its way through the pipe when the answer arrives.
    let logged_by = tokio::time::Instant::now() + Duration::from_secs(10);
    while !logs.lock().await.contains("/api/v1/sources") {
        assert!(
            tokio::time::Instant::now() < logged_by,
            "the API request was logged"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.kill().await.unwrap();
    let logs = logs.lock().await.clone();
    assert!(!logs.contains(key), "a log line holds the API key");
    assert!(
        !logs.contains(&invite_token),
        "a log line holds the invite's token"
    );

    for secret in [key, invite_token.as_str()] {
        assert!(
            !stored.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "the database file holds a flashed secret"
        );
        assert!(
            !sessions
                .iter()
                .any(|row| row.windows(secret.len()).any(|w| w == secret.as_bytes())),
            "a session row holds a flashed secret"
        );
    }
}

/// The first run, as Ada: a workspace and its Admin, signed in on `browser`.
async fn create_workspace(browser: &Browser) {
    let reply = browser
        .call::<CreateWorkspace>(&[
            ("workspace_name", "Acme"),
            ("name", "Ada"),
            ("email", "ada@acme.test"),
            ("password", PASSWORD),
        ])
        .await;
    assert_eq!(reply.status, 200);
}
