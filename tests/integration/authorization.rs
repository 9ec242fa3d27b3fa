//! Every server function is a public HTTP endpoint. This calls each one the app registers —
//! the list comes from the running code, so a new one cannot be left out — as someone who may
//! not see a connection and as someone who may only see one, with every field a server
//! function takes aimed at that connection. Nothing may leak and nothing may change.

use std::collections::BTreeMap;

use leptos::server_fn::axum::server_fn_paths;
use plugboard::api::session::SignOut;

use crate::support::{
    browser::{Browser, Reply},
    connections::{app_with_double, create_connection, save_credential, usual_world},
    TestApp,
};

const TOKEN: &str = "team_authzSecret9Q7W3E";

/// Every value any server function reads, pointed at `connection` and its credential.
fn aimed_at(
    connection: i64,
    credential: i64,
    name: &str,
    admin_id: i64,
    team: i64,
) -> Vec<(String, String)> {
    let pairs = [
        ("source", "betterstack-uptime".to_owned()),
        ("id", connection.to_string()),
        ("credential", credential.to_string()),
        ("name", "Taken over".to_owned()),
        ("description", "x".to_owned()),
        ("token", "team_attackerToken000".to_owned()),
        ("how", "skip".to_owned()),
        ("check", "skip".to_owned()),
        ("privacy", "workspace".to_owned()),
        ("team", team.to_string()),
        ("team_id", team.to_string()),
        ("confirm", "yes".to_owned()),
        ("confirm_name", name.to_owned()),
        ("delete_credential", "yes".to_owned()),
        ("member_id", admin_id.to_string()),
        ("invite_id", "1".to_owned()),
        ("role", "admin".to_owned()),
        ("email", "ada@acme.test".to_owned()),
        ("password", "not the right password".to_owned()),
        ("workspace_name", "Taken".to_owned()),
        ("next", "/".to_owned()),
        ("return_to", "/".to_owned()),
        ("members[]", admin_id.to_string()),
        ("leads[]", admin_id.to_string()),
        ("teams[]", team.to_string()),
    ];
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// What must not change, whoever calls: everything except the caller's own sessions, failed
/// sign-ins, refusals recorded in History, and credentials the caller owns.
async fn snapshot(app: &TestApp, caller: i64) -> BTreeMap<&'static str, Vec<String>> {
    let queries: [(&'static str, String); 9] = [
        ("users", "SELECT id || name || email || role || session_epoch || COALESCE(removed_at, '') FROM users".into()),
        ("teams", "SELECT id || name FROM teams".into()),
        ("team_members", "SELECT team_id || ':' || user_id || ':' || is_lead FROM team_members".into()),
        ("invites", "SELECT id || email || COALESCE(revoked_at, '') || COALESCE(used_at, '') FROM invites".into()),
        ("workspace", "SELECT name FROM workspace".into()),
        (
            "connections",
            "SELECT id || name || owner_id || credential_id || privacy || COALESCE(team_id, '') FROM connections".into(),
        ),
        (
            "credentials",
            format!(
                "SELECT id || name || hex(secret_ciphertext) || key_id || check_status || COALESCE(checked_at, '')
                 FROM credentials WHERE owner_id != {caller}"
            ),
        ),
        ("history", "SELECT id || kind || detail FROM connection_events WHERE kind != 'denied'".into()),
        ("password_resets", "SELECT id || COALESCE(used_at, '') FROM password_resets".into()),
    ];
    let mut all = BTreeMap::new();
    for (table, sql) in queries {
        let mut rows: Vec<String> = sqlx::query_scalar(&sql)
            .fetch_all(&app.state.pool)
            .await
            .unwrap();
        rows.sort();
        all.insert(table, rows);
    }
    all
}

async fn call_every_server_function(
    browser: &Browser,
    form: &[(String, String)],
) -> Vec<(String, Reply)> {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let sign_out = <SignOut as leptos::server_fn::ServerFn>::url();
    let mut paths: Vec<&'static str> = server_fn_paths()
        .map(|(path, _)| path)
        .filter(|path| *path != sign_out)
        .collect();
    paths.sort();
    // Signing out changes only the caller's own session: it goes last.
    paths.push(sign_out);
    assert!(
        paths.len() >= 25,
        "found only {} server functions",
        paths.len()
    );
    let mut replies = Vec::new();
    for path in paths {
        let reply = browser.post(path, &form, "application/json", &[]).await;
        assert!(
            reply.status < 500,
            "{path} answered {}: {}",
            reply.status,
            reply.body
        );
        replies.push((path.to_owned(), reply));
    }
    replies
}

#[tokio::test]
async fn no_server_function_leaks_or_changes_a_connection_to_someone_who_may_not_see_or_only_see_it(
) {
    let (app, double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let outsider = app
        .add_member(&admin, "eve@acme.test", "Eve", "member")
        .await;
    let viewer = app
        .add_member(&admin, "vic@acme.test", "Vic", "team_lead")
        .await;
    let (ada, eve, vic) = (
        app.user_id("ada@acme.test").await,
        app.user_id("eve@acme.test").await,
        app.user_id("vic@acme.test").await,
    );
    let team =
        crate::support::teams::team_with(&app, &admin, "Ops", &[(ada, false), (vic, false)]).await;
    let tile = save_credential(&admin, "Prod", TOKEN).await;
    let hidden = create_connection(&app, &admin, tile.id, "Hidden plans", "private", None).await;
    let shared = create_connection(&app, &admin, tile.id, "Team status", "team", Some(team)).await;
    let requests_before = double.requests().len();

    for (browser, caller, connection, name, may_see) in [
        (&outsider, eve, hidden, "Hidden plans", false),
        (&viewer, vic, shared, "Team status", true),
    ] {
        let before = snapshot(&app, caller).await;
        let replies =
            call_every_server_function(browser, &aimed_at(connection, tile.id, name, ada, team))
                .await;
        for (path, reply) in &replies {
            assert!(!reply.body.contains(TOKEN), "{path} leaked the token");
            if !may_see {
                for secret in ["Hidden plans", "••••3E"] {
                    assert!(
                        !reply.body.contains(secret),
                        "{path} leaked {secret:?} to someone who may not see it"
                    );
                }
            }
        }
        assert_eq!(
            snapshot(&app, caller).await,
            before,
            "a server function changed something"
        );
    }
    // The stored token was never sent anywhere on their behalf.
    assert!(double.requests()[requests_before..]
        .iter()
        .all(|r| r.bearer() != Some(TOKEN)));
    // The refusals are on record, for the connection the see-only user tried to change.
    let denied: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM connection_events WHERE kind = 'denied' AND connection_id = ?",
    )
    .bind(shared)
    .fetch_one(&app.state.pool)
    .await
    .unwrap();
    assert!(denied >= 5, "{denied}");
}
