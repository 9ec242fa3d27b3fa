//! First run, sign-in, sign-out, sessions, the sign-in limit, and cross-site refusal.

use plugboard::{
    api::session::{CreateWorkspace, GetViewer, SignIn, SignOut},
    error::AppError,
};

use crate::support::{accounts::PASSWORD, TestApp, TestOptions};
use plugboard::wire::session::Viewer;

async fn user_count(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

async fn viewer(browser: &crate::support::browser::Browser) -> Option<Viewer> {
    let reply = browser.call::<GetViewer>(&[]).await;
    assert_eq!(reply.status, 200, "{reply:?}");
    serde_json::from_str(&reply.body).unwrap()
}

#[tokio::test]
async fn before_the_first_run_every_page_leads_to_create_your_workspace() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    for page in ["/", "/login", "/settings/members", "/no/such/page"] {
        let reply = browser.get(page).await;
        assert_eq!(
            reply.location.as_deref(),
            Some("/setup"),
            "{page}: {reply:?}"
        );
    }
    let setup = browser.get("/setup").await;
    assert_eq!(setup.status, 200);
    assert!(setup.body.contains("Create your workspace"));
}

#[tokio::test]
async fn the_first_run_makes_its_creator_a_signed_in_admin() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let me = viewer(&admin).await.expect("signed in");
    assert_eq!(me.name, "Ada Admin");
    assert_eq!(me.role, plugboard::domain::Role::Admin);
    assert_eq!(me.workspace_name, "Acme");
}

#[tokio::test]
async fn a_second_workspace_is_refused_even_by_a_direct_post_and_nothing_changes() {
    let app = TestApp::spawn().await;
    app.create_admin("ada@acme.test").await;
    let intruder = app.browser();
    let reply = intruder
        .call::<CreateWorkspace>(&[
            ("workspace_name", "Evil"),
            ("name", "Eve"),
            ("email", "eve@evil.test"),
            ("password", PASSWORD),
        ])
        .await;
    assert_eq!(reply.status, 409);
    assert!(matches!(reply.app_error(), AppError::Conflict(_)));
    assert_eq!(user_count(&app).await, 1);
    assert_eq!(viewer(&intruder).await, None);
    // And the page is gone.
    assert_eq!(intruder.get("/setup").await.location.as_deref(), Some("/"));
}

#[tokio::test]
async fn a_signed_out_visit_goes_to_sign_in_and_back_to_the_page_afterwards() {
    let app = TestApp::spawn().await;
    app.create_admin("ada@acme.test").await;
    let browser = app.browser();
    let reply = browser.get("/settings/teams?tab=1").await;
    assert_eq!(
        reply.location.as_deref(),
        Some("/login?next=%2Fsettings%2Fteams%3Ftab%3D1")
    );

    let signed_in = browser
        .submit::<SignIn>(
            "/login?next=%2Fsettings%2Fteams",
            &[
                ("email", "ada@acme.test"),
                ("password", PASSWORD),
                ("next", "/settings/teams?tab=1"),
            ],
        )
        .await;
    assert_eq!(signed_in.status, 302);
    assert_eq!(signed_in.location.as_deref(), Some("/settings/teams?tab=1"));
    assert_eq!(browser.get("/settings/teams").await.status, 200);
}

#[tokio::test]
async fn a_return_path_to_another_site_is_ignored() {
    let app = TestApp::spawn().await;
    app.create_admin("ada@acme.test").await;
    for hostile in ["https://evil.test/", "//evil.test/x", "/\\evil.test"] {
        let browser = app.browser();
        let reply = browser
            .submit::<SignIn>(
                "/login",
                &[
                    ("email", "ada@acme.test"),
                    ("password", PASSWORD),
                    ("next", hostile),
                ],
            )
            .await;
        assert_eq!(reply.location.as_deref(), Some("/"), "{hostile}");
    }
}

#[tokio::test]
async fn passwords_are_stored_only_as_argon2id_hashes() {
    let app = TestApp::spawn().await;
    app.create_admin("ada@acme.test").await;
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM users")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    assert!(!hash.contains(PASSWORD));
}

#[tokio::test]
async fn a_short_password_gets_an_inline_message_and_creates_nothing() {
    let app = TestApp::spawn().await;
    let reply = app
        .browser()
        .call::<CreateWorkspace>(&[
            ("workspace_name", "Acme"),
            ("name", "Ada"),
            ("email", "ada@acme.test"),
            ("password", "too short"),
        ])
        .await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.app_error().field("password").as_deref(),
        Some("Use at least 12 characters.")
    );
    assert!(
        !reply.body.contains("too short"),
        "the password is never echoed"
    );
    assert_eq!(user_count(&app).await, 0);
}

#[tokio::test]
async fn empty_oversized_and_malformed_fields_each_get_a_message() {
    let app = TestApp::spawn().await;
    let long_name = "n".repeat(101);
    let reply = app
        .browser()
        .call::<CreateWorkspace>(&[
            ("workspace_name", ""),
            ("name", &long_name),
            ("email", "ada-at-acme"),
            ("password", PASSWORD),
        ])
        .await;
    assert_eq!(reply.status, 400);
    let error = reply.app_error();
    assert_eq!(
        error.field("workspace_name").as_deref(),
        Some("Workspace Name is required.")
    );
    assert_eq!(
        error.field("name").as_deref(),
        Some("Your Name can be at most 100 characters.")
    );
    assert!(error.field("email").unwrap().contains("name@example.com"));
    assert_eq!(user_count(&app).await, 0);
}

#[tokio::test]
async fn a_wrong_email_and_a_wrong_password_get_the_same_answer() {
    let app = TestApp::spawn().await;
    app.create_admin("ada@acme.test").await;
    let (_, wrong_password) = app
        .sign_in("ada@acme.test", "not the password at all")
        .await;
    let (_, wrong_email) = app.sign_in("nobody@acme.test", PASSWORD).await;
    assert_eq!(wrong_password.status, 401);
    assert_eq!(wrong_email.status, 401);
    assert_eq!(wrong_password.body, wrong_email.body);
    assert_eq!(wrong_password.app_error(), AppError::SignInFailed);
}

#[tokio::test]
async fn five_failures_lock_an_email_for_a_while_and_the_limit_survives_a_restart() {
    let app = TestApp::spawn().await;
    app.create_admin("ada@acme.test").await;
    for _ in 0..5 {
        let (_, reply) = app.sign_in("ada@acme.test", "wrong password guess").await;
        assert_eq!(reply.status, 401);
    }
    let (_, locked) = app.sign_in("ada@acme.test", PASSWORD).await;
    assert_eq!(locked.status, 429, "even the right password waits");
    let AppError::RateLimited { message, .. } = locked.app_error() else {
        panic!("{locked:?}")
    };
    assert!(message.contains("Try again in 15 minutes"), "{message}");

    let app = app.restart().await;
    let (_, still_locked) = app.sign_in("ada@acme.test", PASSWORD).await;
    assert_eq!(still_locked.status, 429);

    // Once the window has passed, the right password works and clears the count.
    sqlx::query("UPDATE sign_in_attempts SET attempted_at = attempted_at - 16 * 60")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let (_, reply) = app.sign_in("ada@acme.test", PASSWORD).await;
    assert_eq!(reply.status, 200, "{reply:?}");
}

#[tokio::test]
async fn the_limit_counts_unknown_emails_too_so_it_reveals_nothing() {
    let app = TestApp::spawn().await;
    app.create_admin("ada@acme.test").await;
    for _ in 0..5 {
        app.sign_in("ghost@acme.test", "whatever password").await;
    }
    let (_, reply) = app.sign_in("ghost@acme.test", "whatever password").await;
    assert_eq!(reply.status, 429);
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_same_site_lax_and_secure_only_over_https() {
    let app = TestApp::spawn().await;
    app.create_admin("ada@acme.test").await;
    let (_, reply) = app.sign_in("ada@acme.test", PASSWORD).await;
    let cookie = reply
        .set_cookie
        .iter()
        .find(|c| c.starts_with("plugboard_session="))
        .unwrap();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(!cookie.contains("Secure"), "{cookie}");

    let https = TestApp::spawn_with(TestOptions {
        public_url: Some("https://plugboard.example.com".into()),
        ..TestOptions::default()
    })
    .await;
    https.create_admin("ada@acme.test").await;
    let (_, reply) = https.sign_in("ada@acme.test", PASSWORD).await;
    let cookie = reply
        .set_cookie
        .iter()
        .find(|c| c.starts_with("plugboard_session="))
        .unwrap();
    assert!(cookie.contains("Secure"), "{cookie}");
}

#[tokio::test]
async fn signing_in_changes_the_session_id_and_the_old_one_is_worthless() {
    let app = TestApp::spawn().await;
    app.create_admin("ada@acme.test").await;
    let (browser, _) = app.sign_in("ada@acme.test", PASSWORD).await;
    let before = browser.session_cookie().unwrap();
    let again = browser
        .call::<SignIn>(&[("email", "ada@acme.test"), ("password", PASSWORD)])
        .await;
    assert_eq!(again.status, 200);
    let after = browser.session_cookie().unwrap();
    assert_ne!(before, after);

    let replay = app.browser();
    let reply = replay
        .post(
            <GetViewer as leptos::server_fn::ServerFn>::url(),
            &[],
            "application/json",
            &[("cookie", before)],
        )
        .await;
    assert_eq!(reply.body, "null");
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let cookie = admin.session_cookie().unwrap();
    let reply = admin.submit::<SignOut>("/", &[]).await;
    assert_eq!(reply.location.as_deref(), Some("/login"));

    assert_eq!(app.stored_sessions().await, 0, "the session row is gone");
    let replay = app.browser();
    let reply = replay
        .post(
            <GetViewer as leptos::server_fn::ServerFn>::url(),
            &[],
            "application/json",
            &[("cookie", cookie)],
        )
        .await;
    assert_eq!(reply.body, "null");
}

#[tokio::test]
async fn a_tampered_cookie_is_just_signed_out_never_a_server_error() {
    let app = TestApp::spawn().await;
    app.create_admin("ada@acme.test").await;
    let browser = app.browser();
    for forged in [
        "plugboard_session=garbage",
        "plugboard_session=",
        "plugboard_session=AAAAAAAAAAAAAAAAAAAAAA",
    ] {
        let reply = browser
            .post(
                <GetViewer as leptos::server_fn::ServerFn>::url(),
                &[],
                "application/json",
                &[("cookie", forged.into())],
            )
            .await;
        assert_eq!(reply.status, 200, "{forged}: {reply:?}");
        assert_eq!(reply.body, "null");
    }
}

#[tokio::test]
async fn a_cross_site_post_is_refused_with_403_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let attacker = app.browser();
    let form = [
        ("workspace_name", "Evil"),
        ("name", "Eve"),
        ("email", "eve@evil.test"),
        ("password", PASSWORD),
    ];
    let url = <CreateWorkspace as leptos::server_fn::ServerFn>::url();
    let by_fetch_metadata = attacker
        .post(
            url,
            &form,
            "text/html",
            &[("sec-fetch-site", "cross-site".into())],
        )
        .await;
    assert_eq!(by_fetch_metadata.status, 403);
    let by_origin = app
        .client
        .post(app.url(url))
        .header("origin", "https://evil.test")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(by_origin.status(), 403);
    assert_eq!(user_count(&app).await, 0);
}

#[tokio::test]
async fn expired_sessions_and_sign_in_attempts_past_the_window_are_pruned_and_recent_ones_kept() {
    let app = TestApp::spawn().await;
    app.create_admin("ada@acme.test").await;
    let (signed_in, _) = app.sign_in("ada@acme.test", PASSWORD).await;
    app.sign_in("ada@acme.test", "an old wrong guess").await;
    app.sign_in("ada@acme.test", "a recent wrong guess").await;
    sqlx::query(
        "UPDATE sign_in_attempts SET attempted_at = attempted_at - 16 * 60
         WHERE id = (SELECT MIN(id) FROM sign_in_attempts)",
    )
    .execute(&app.state.pool)
    .await
    .unwrap();
    let sessions_before = app.stored_sessions().await;
    // The first Admin's session (from the first run) has run out; the second is current.
    sqlx::query(
        "UPDATE tower_sessions SET expiry_date = '2000-01-01 00:00:00'
         WHERE id = (SELECT session_id FROM user_sessions ORDER BY created_at, rowid LIMIT 1)",
    )
    .execute(&app.state.pool)
    .await
    .unwrap();

    let pruned = plugboard::server::auth::housekeeping::prune_once(&app.state)
        .await
        .unwrap();

    assert_eq!(pruned.sign_in_attempts, 1);
    assert_eq!(pruned.sessions, 1, "the expired session's link to its user");
    assert_eq!(app.stored_sessions().await, sessions_before - 1);
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sign_in_attempts")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(left, 1, "the recent failure still counts");
    let reply = signed_in.call::<GetViewer>(&[]).await;
    assert!(
        reply.body.contains("ada") || reply.body.contains("Ada"),
        "{reply:?}"
    );
}
