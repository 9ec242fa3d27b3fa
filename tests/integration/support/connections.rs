//! Credentials and connections for tests, made the way the stepper makes them.

use betterstack_double::{Access, Double, World};
use plugboard::api::{
    connection_changes::GetConnectionDetail,
    connections::{CreateConnection, SaveCredential},
};

use super::{
    browser::{Browser, Reply},
    TestApp, TestOptions,
};
use plugboard::wire::{connection_detail::ConnectionDetail, connections::CredentialTile};

pub const SOURCE: &str = "betterstack-uptime";

/// A server whose Better Stack is a double with `world`.
pub async fn app_with_double(world: World) -> (TestApp, Double) {
    let double = Double::start(world).await;
    let app = TestApp::spawn_with(TestOptions {
        betterstack_uptime_url: Some(double.base_url()),
        ..TestOptions::default()
    })
    .await;
    (app, double)
}

/// The double most tests need: team tokens by prefix, a global one, and a few monitors.
pub fn usual_world() -> World {
    World::default()
        .token_prefix("team_", Access::team("Ops"))
        .token_prefix("global_", Access::Global)
        .with_monitors("Ops", 3)
        .with_monitors("Web", 2)
}

/// Saves a credential with a checked token; panics unless it is saved.
pub async fn save_credential(browser: &Browser, name: &str, token: &str) -> CredentialTile {
    let reply = browser
        .call::<SaveCredential>(&[
            ("source", SOURCE),
            ("name", name),
            ("description", ""),
            ("token", token),
        ])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    serde_json::from_str(&reply.body).unwrap()
}

/// Finish: creates a connection; returns its id.
pub async fn create_connection(
    app: &TestApp,
    browser: &Browser,
    credential: i64,
    name: &str,
    privacy: &str,
    team: Option<i64>,
) -> i64 {
    let credential = credential.to_string();
    let team = team.map(|id| id.to_string()).unwrap_or_default();
    let reply = browser
        .call::<CreateConnection>(&[
            ("source", SOURCE),
            ("credential", &credential),
            ("name", name),
            ("privacy", privacy),
            ("team", &team),
            ("team_scope", "all"),
        ])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    // Creating a connection starts its first sync; tests count requests after it is done.
    app.state.syncs.wait_idle().await;
    sqlx::query_scalar("SELECT id FROM connections WHERE name = ? ORDER BY id DESC")
        .bind(name)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

/// Makes a connection private to its owner, straight in the database.
pub async fn make_private(app: &TestApp, id: i64) {
    sqlx::query("UPDATE connections SET privacy = 'private', team_id = NULL WHERE id = ?")
        .bind(id)
        .execute(&app.state.pool)
        .await
        .unwrap();
}

/// Calls server function `S` on connection `id` (its source and id first, then `extra`).
pub async fn call<S: leptos::server_fn::ServerFn>(
    browser: &Browser,
    id: i64,
    extra: &[(&str, &str)],
) -> Reply {
    let id = id.to_string();
    let mut form = vec![("source", SOURCE), ("id", id.as_str())];
    form.extend_from_slice(extra);
    browser.call::<S>(&form).await
}

/// Connection `id`'s page as `browser` sees it; panics unless they may see it.
pub async fn detail(browser: &Browser, id: i64) -> ConnectionDetail {
    let reply = call::<GetConnectionDetail>(browser, id, &[]).await;
    assert_eq!(reply.status, 200, "{reply:?}");
    serde_json::from_str(&reply.body).unwrap()
}

/// The remote ids of connection `id`'s stored records of `kind`, sorted.
pub async fn stored(app: &TestApp, kind: &str, id: i64) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT remote_id FROM synced_records WHERE connection_id = ? AND kind = ? ORDER BY remote_id",
    )
    .bind(id)
    .bind(kind)
    .fetch_all(&app.state.pool)
    .await
    .unwrap()
}

/// Field `field` of connection `id`'s stored record `remote_id` of `kind`.
pub async fn stored_field(
    app: &TestApp,
    kind: &str,
    id: i64,
    remote_id: &str,
    field: &str,
) -> Option<String> {
    sqlx::query_scalar(
        "SELECT json_extract(data, '$.' || ?) FROM synced_records
         WHERE connection_id = ? AND kind = ? AND remote_id = ?",
    )
    .bind(field)
    .bind(id)
    .bind(kind)
    .bind(remote_id)
    .fetch_one(&app.state.pool)
    .await
    .unwrap()
}
