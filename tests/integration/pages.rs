//! The app shell as served to a browser.

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
