//! A session in use stays alive: it is renewed once an hour, in the database and in the browser.

use plugboard::server::{
    auth::{
        layer::IDLE_DAYS,
        renewal::{RENEWED_AT, RENEW_EVERY},
    },
    infra::clock,
};
use tower_sessions::{
    cookie::time::{Duration, OffsetDateTime},
    session::Id,
    SessionStore,
};
use tower_sessions_sqlx_store::SqliteStore;

use crate::support::{browser::Browser, TestApp};

/// Whether the reply sends the session cookie again, for the whole idle period.
fn renews_cookie(set_cookie: &[String]) -> bool {
    let max_age = format!("Max-Age={}", IDLE_DAYS * clock::DAY);
    set_cookie
        .iter()
        .any(|c| c.starts_with("plugboard_session=") && c.contains(&max_age))
}

fn session_id(browser: &Browser) -> Id {
    let cookie = browser.session_cookie().expect("signed in");
    cookie["plugboard_session=".len()..].parse().unwrap()
}

/// When the stored session ends (Unix seconds); the store writes it as text.
async fn stored_expiry(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT CAST(strftime('%s', expiry_date) AS INTEGER) FROM tower_sessions")
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_session_in_use_is_renewed_once_an_hour_in_the_database_and_the_browser() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let first = admin.get("/settings").await;
    assert_eq!(first.status, 200, "{first:?}");
    assert!(renews_cookie(&first.set_cookie), "{first:?}");
    let again = admin.get("/settings").await;
    assert!(
        !again
            .set_cookie
            .iter()
            .any(|c| c.starts_with("plugboard_session=")),
        "renewed twice in an hour: {again:?}"
    );

    // Later on, the session was renewed two intervals ago and ends in an hour.
    let store = SqliteStore::new(app.state.pool.clone());
    let id = session_id(&admin);
    let mut record = store.load(&id).await.unwrap().expect("stored session");
    let renewed_at = clock::now() - 2 * RENEW_EVERY;
    record.data.insert(RENEWED_AT.to_owned(), renewed_at.into());
    record.expiry_date = OffsetDateTime::now_utc() + Duration::hours(1);
    store.save(&record).await.unwrap();

    let next_visit = admin.get("/settings").await;
    assert_eq!(next_visit.status, 200, "still signed in: {next_visit:?}");
    assert!(renews_cookie(&next_visit.set_cookie), "{next_visit:?}");
    let full_period = clock::now() + IDLE_DAYS * clock::DAY;
    assert!(
        stored_expiry(&app).await >= full_period - 60,
        "the stored session still ends within the hour"
    );
}

#[tokio::test]
async fn a_visitor_who_is_not_signed_in_gets_no_session() {
    let app = TestApp::spawn().await;
    app.create_admin("ada@acme.test").await;
    let visitor = app.browser();
    let reply = visitor.get("/login").await;
    assert_eq!(reply.status, 200);
    assert!(reply.set_cookie.is_empty(), "{reply:?}");
    assert_eq!(app.stored_sessions().await, 1, "only the Admin's session");
}
