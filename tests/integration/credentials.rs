//! The credential overlay's Save: the live check, its outcomes, paste hygiene, and storage.

use std::time::{Duration, Instant};

use betterstack_double::Access;
use plugboard::{
    api::connections::SaveCredential,
    domain::token_check::{SOURCE_UNREACHABLE, TOKEN_REJECTED, TOKEN_WITHOUT_UPTIME_ACCESS},
    error::AppError,
    server::{infra::crypto, repo::credentials},
};

use crate::support::connections::{app_with_double, save_credential, usual_world, SOURCE};
use plugboard::domain::CheckStatus;

async fn credential_count(app: &crate::support::TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM credentials")
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_working_token_is_checked_with_a_bearer_header_then_stored_sealed() {
    let (app, double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let token = "team_Q7aB3xY9mK2pL5nR8tV1wZ4c";
    let tile = save_credential(&admin, "Production", token).await;

    assert_eq!(tile.fingerprint, "••••wZ4c");
    assert_eq!(tile.status, CheckStatus::Verified);
    assert_eq!(tile.reach.as_deref(), Some("Team token — Ops"));
    assert_eq!(tile.set_by, "Ada Admin");
    let requests = double.requests();
    assert_eq!(requests[0].path, "/api/v2/monitors");
    assert_eq!(requests[0].query, "per_page=10");
    // Then every page of the lists that name teams, and one probe of the token's kind.
    let read: Vec<String> = requests[1..]
        .iter()
        .map(|r| format!("{}?{}", r.path, r.query))
        .collect();
    assert_eq!(
        read,
        [
            "/api/v2/monitor-groups?per_page=250&page=1",
            "/api/v2/monitors?per_page=250&page=1",
            "/api/v2/heartbeats?per_page=250&page=1",
            "/api/v2/status-pages?per_page=250&page=1",
            "/api/v2/monitors?team_name=plugboard-token-kind-probe&per_page=1&page=1",
        ]
    );
    assert!(requests
        .iter()
        .all(|r| r.authorization.as_deref() == Some(format!("Bearer {token}").as_str())));

    let row = credentials::secret(&app.state.pool, tile.id)
        .await
        .unwrap()
        .unwrap();
    assert!(!row
        .secret_ciphertext
        .windows(token.len())
        .any(|w| w == token.as_bytes()));
    let opened = crypto::open(
        &app.state.master_key,
        &row.sealed(),
        &crypto::credential_aad(tile.id),
    )
    .unwrap();
    assert_eq!(opened.as_slice(), token.as_bytes());
    assert_eq!(row.key_id, crypto::key_id(&app.state.master_key));
}

#[tokio::test]
async fn a_global_token_is_labelled_with_the_teams_it_spans() {
    let (app, _double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Everything", "global_aaaaBBBBccccDDDD").await;
    assert_eq!(tile.reach.as_deref(), Some("Global token — teams Ops, Web"));
}

#[tokio::test]
async fn a_rejected_token_is_not_saved_and_the_field_says_why() {
    let (app, _double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let reply = admin
        .call::<SaveCredential>(&[
            ("source", SOURCE),
            ("name", "Old"),
            ("token", "revokedTokenXYZ"),
        ])
        .await;
    assert_eq!(reply.status, 400);
    let error = reply.app_error();
    assert_eq!(error.field("token").as_deref(), Some(TOKEN_REJECTED));
    assert_eq!(error.kept("name").as_deref(), Some("Old"));
    assert_eq!(error.kept("token"), None);
    assert_eq!(credential_count(&app).await, 0);
}

#[tokio::test]
async fn a_token_without_uptime_access_is_not_saved_and_the_field_says_why() {
    let (app, _double) =
        app_with_double(usual_world().token("telemetryToken1", Access::Forbidden)).await;
    let admin = app.create_admin("ada@acme.test").await;
    let reply = admin
        .call::<SaveCredential>(&[
            ("source", SOURCE),
            ("name", "Logs"),
            ("token", "telemetryToken1"),
        ])
        .await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.app_error().field("token").as_deref(),
        Some(TOKEN_WITHOUT_UPTIME_ACCESS)
    );
    assert_eq!(credential_count(&app).await, 0);
}

#[tokio::test]
async fn when_better_stack_cannot_answer_nothing_is_saved_unless_the_user_saves_without_checking() {
    let world = usual_world()
        .token(
            "throttledToken",
            Access::RateLimited {
                retry_after_secs: 30,
            },
        )
        .token("failingToken", Access::Unavailable)
        .token("gatewayToken", Access::BadGateway);
    let (app, _double) = app_with_double(world).await;
    let admin = app.create_admin("ada@acme.test").await;
    let throttled = "Better Stack is limiting requests right now. Try again in 30 seconds.";
    for (token, message) in [
        ("throttledToken", throttled),
        ("failingToken", SOURCE_UNREACHABLE),
        ("gatewayToken", SOURCE_UNREACHABLE),
    ] {
        let reply = admin
            .call::<SaveCredential>(&[("source", SOURCE), ("name", "Later"), ("token", token)])
            .await;
        assert_eq!(reply.status, 502, "{reply:?}");
        let error = reply.app_error();
        assert!(matches!(error, AppError::SourceUnreachable(_)));
        assert_eq!(error.field("token").as_deref(), Some(message));
    }
    assert_eq!(credential_count(&app).await, 0);

    let reply = admin
        .call::<SaveCredential>(&[
            ("source", SOURCE),
            ("name", "Later"),
            ("token", "failingToken"),
            ("check", "skip"),
        ])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    let tile: plugboard::wire::connections::CredentialTile =
        serde_json::from_str(&reply.body).unwrap();
    assert_eq!(tile.status, CheckStatus::Unverified);
}

#[tokio::test]
async fn an_unreachable_better_stack_is_reported_as_such() {
    // Nothing listens on port 9 of this machine.
    let app = crate::support::TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let reply = admin
        .call::<SaveCredential>(&[("source", SOURCE), ("name", "Down"), ("token", "anyToken")])
        .await;
    assert_eq!(reply.status, 502);
    assert_eq!(
        reply.app_error().field("token").as_deref(),
        Some(SOURCE_UNREACHABLE)
    );
}

#[tokio::test]
async fn a_better_stack_slower_than_ten_seconds_is_unreachable_and_the_check_gives_up_in_time() {
    let slow = Access::Slow {
        delay: Duration::from_secs(30),
        then: Box::new(Access::team("Ops")),
    };
    let (app, _double) = app_with_double(usual_world().token("slowToken", slow)).await;
    let admin = app.create_admin("ada@acme.test").await;
    let started = Instant::now();
    let reply = admin
        .call::<SaveCredential>(&[("source", SOURCE), ("name", "Slow"), ("token", "slowToken")])
        .await;
    let waited = started.elapsed();
    assert_eq!(reply.status, 502);
    assert!(
        waited >= Duration::from_secs(10) && waited < Duration::from_secs(20),
        "{waited:?}"
    );
    assert_eq!(credential_count(&app).await, 0);
}

#[tokio::test]
async fn a_pasted_bearer_prefix_and_whitespace_are_removed_before_sending() {
    let (app, double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Pasted", "  Bearer team_pastedToken1234 \n").await;
    assert_eq!(tile.fingerprint, "••••1234");
    assert_eq!(
        double.requests()[0].authorization.as_deref(),
        Some("Bearer team_pastedToken1234")
    );
}

#[tokio::test]
async fn a_token_with_inner_whitespace_is_refused_before_any_request() {
    let (app, double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    for pasted in ["team_abc def", "team_abc\ndef", "team_abc\u{7}def"] {
        let reply = admin
            .call::<SaveCredential>(&[("source", SOURCE), ("name", "Bad"), ("token", pasted)])
            .await;
        assert_eq!(reply.status, 400);
        assert!(reply
            .app_error()
            .field("token")
            .unwrap()
            .contains("Paste only the token"));
    }
    assert!(double.requests().is_empty(), "no request was made");
    assert_eq!(credential_count(&app).await, 0);
}

#[tokio::test]
async fn an_unknown_source_or_a_signed_out_request_saves_nothing() {
    let (app, double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let unknown = admin
        .call::<SaveCredential>(&[("source", "salesforce"), ("name", "X"), ("token", "team_x")])
        .await;
    assert_eq!(unknown.status, 404);
    let anonymous = app.browser();
    let reply = anonymous
        .call::<SaveCredential>(&[("source", SOURCE), ("name", "X"), ("token", "team_x")])
        .await;
    assert_eq!(reply.status, 401);
    assert!(double.requests().is_empty());
    assert_eq!(credential_count(&app).await, 0);
}

#[tokio::test]
async fn without_javascript_saving_returns_to_the_stepper_with_the_credential_chosen() {
    let (app, _double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let reply = admin
        .submit::<SaveCredential>(
            "/settings/connections/new/credential?source=betterstack-uptime",
            &[
                ("source", SOURCE),
                ("name", "Prod"),
                ("token", "team_noJs12345678"),
                ("return_to", "/settings/connections/new?step=credentials&source=betterstack-uptime&name=Status"),
            ],
        )
        .await;
    assert_eq!(reply.status, 302);
    let id: i64 = sqlx::query_scalar("SELECT id FROM credentials")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(
        reply.location.unwrap(),
        format!("/settings/connections/new?step=credentials&source=betterstack-uptime&name=Status&credential={id}")
    );
}

#[tokio::test]
async fn one_person_cannot_check_tokens_without_end_and_is_told_when_to_try_again() {
    let (app, double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let guess = |n: usize| format!("guessed_token_{n:04}_abcdef");
    let burst = plugboard::server::services::check_budget::BURST as usize;
    for n in 0..burst {
        let reply = admin
            .call::<SaveCredential>(&[("source", SOURCE), ("name", "Guess"), ("token", &guess(n))])
            .await;
        assert_eq!(reply.status, 400, "checked and rejected: {reply:?}");
    }
    let checked = double.requests().len();
    let reply = admin
        .call::<SaveCredential>(&[
            ("source", SOURCE),
            ("name", "Guess"),
            ("token", &guess(burst)),
        ])
        .await;
    assert_eq!(reply.status, 429, "{reply:?}");
    assert!(
        reply.app_error().to_string().contains("Try again in"),
        "{reply:?}"
    );
    assert!(reply.headers.contains_key("retry-after"));
    assert_eq!(double.requests().len(), checked, "the token was not sent");

    let bo = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    save_credential(&bo, "Bo's", "team_bosOwnToken1234").await;
}

#[tokio::test]
async fn a_throttled_check_says_when_to_try_again_whether_retry_after_is_seconds_or_a_date() {
    let world = usual_world()
        .token(
            "dateToken1234",
            Access::RateLimitedUntil { secs_from_now: 300 },
        )
        .token("silentToken1234", Access::RateLimitedSilently);
    let (app, _double) = app_with_double(world).await;
    let admin = app.create_admin("ada@acme.test").await;
    let message = |token: &'static str| {
        let admin = &admin;
        async move {
            let reply = admin
                .call::<SaveCredential>(&[("source", SOURCE), ("name", "Later"), ("token", token)])
                .await;
            assert_eq!(reply.status, 502, "{reply:?}");
            reply.app_error().field("token").unwrap()
        }
    };
    let dated = message("dateToken1234").await;
    assert!(
        dated == "Better Stack is limiting requests right now. Try again in 5 minutes."
            || dated == "Better Stack is limiting requests right now. Try again in 4 minutes.",
        "{dated}"
    );
    assert_eq!(
        message("silentToken1234").await,
        "Better Stack is limiting requests right now. Try again in a minute."
    );
    assert_eq!(credential_count(&app).await, 0);
}
