//! The app shell as served to a browser.

use std::{
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::Duration,
};

use plugboard::server::http::router::router;

use crate::support::TestApp;

#[tokio::test]
async fn the_start_page_has_the_header_with_a_settings_control_and_sign_out() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let reply = admin.get("/").await;
    assert_eq!(reply.status, 200);
    let html = reply.body;
    assert!(
        html.contains(r#"<a class="brand" href="/">Plugboard</a>"#),
        "{html}"
    );
    assert!(html.contains(r#"href="/settings""#));
    assert!(html.contains(r#"<span class="visually-hidden">Settings</span>"#));
    assert!(html.contains("Sign out"));
    // The page loads the browser bundle under the name cargo-leptos gives it.
    assert!(html.contains("/pkg/plugboard.wasm"), "{html}");
}

#[tokio::test]
async fn an_unknown_address_is_a_404_page() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let reply = admin.get("/no/such/page").await;
    assert_eq!(reply.status, 404);
    assert!(reply.body.contains("Page not found"));
}

#[tokio::test]
async fn a_server_error_reaches_the_browser_without_its_detail() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    // Break the database under the running app: every query now fails inside the server.
    sqlx::query("DROP TABLE teams")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let reply = admin.call::<plugboard::api::teams::ListTeams>(&[]).await;
    assert_eq!(reply.status, 500);
    assert_eq!(reply.app_error(), plugboard::error::AppError::Internal);
    assert!(!reply.body.contains("teams"), "{}", reply.body);
    let page = admin.get("/settings/teams").await;
    assert!(
        page.body.contains("Something went wrong on our side"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("no such table"));
}

/// Listing the app's routes runs it once with leptos_server's process-wide "load no data"
/// switch on; a page whose data started loading in that moment used to wait forever
/// (leptos#4773). Servers built while another one serves pages — as every integration test
/// does — must not stall those pages.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_load_their_data_while_another_server_is_built() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    // Stops the builder however the test ends: a failing test must not spin forever.
    let building = KeepBuilding(Arc::new(AtomicBool::new(true)));
    let builder = tokio::task::spawn_blocking({
        let (state, building) = (app.state.clone(), building.0.clone());
        move || {
            while building.load(Ordering::Relaxed) {
                drop(router(state.clone()));
            }
        }
    });
    for _ in 0..150 {
        let page = tokio::time::timeout(
            Duration::from_secs(10),
            admin.client.get(app.url("/settings/connections")).send(),
        )
        .await
        .expect("the Connections page answers while a server is built")
        .expect("GET /settings/connections");
        assert_eq!(page.status(), 200);
    }
    drop(building);
    builder.await.unwrap();
}

struct KeepBuilding(Arc<AtomicBool>);

impl Drop for KeepBuilding {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Relaxed);
    }
}
