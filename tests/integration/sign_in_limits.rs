//! Guessing passwords is slow and bounded, and cannot be turned against the account's owner:
//! failures count per email and client address, and per client address; each attempt is
//! counted before its password is checked; expensive hashing has a server-wide bound.

use std::{
    net::{IpAddr, Ipv4Addr},
    time::{Duration, Instant},
};

use plugboard::{
    api::{join::AcceptInvite, password_reset::ResetPassword, session::SignIn},
    domain::limits::{MAX_FAILED_SIGN_INS, MAX_FAILED_SIGN_INS_PER_CLIENT},
};

use crate::support::{accounts::PASSWORD, browser::Browser, TestApp, TestOptions};

/// A browser at 127.0.0.`n`: another client, as far as the server can tell.
fn browser_at(app: &TestApp, n: u8) -> Browser {
    Browser::from_address(
        app.url("/").parse().unwrap(),
        Some(IpAddr::V4(Ipv4Addr::new(127, 0, 0, n))),
    )
}

async fn sign_in(browser: &Browser, email: &str, password: &str) -> u16 {
    browser
        .call::<SignIn>(&[("email", email), ("password", password)])
        .await
        .status
}

#[tokio::test]
async fn of_sixty_wrong_passwords_sent_at_once_at_most_the_limit_get_a_verdict() {
    let app = TestApp::spawn().await;
    app.create_admin("ada@acme.test").await;
    let mut attempts = tokio::task::JoinSet::new();
    for i in 0..60 {
        let browser = app.browser();
        attempts.spawn(async move {
            sign_in(
                &browser,
                "ada@acme.test",
                &format!("wrong guess number {i}"),
            )
            .await
        });
    }
    let mut statuses = Vec::new();
    while let Some(status) = attempts.join_next().await {
        statuses.push(status.unwrap());
    }
    let verdicts = statuses.iter().filter(|&&s| s == 401).count();
    let throttled = statuses.iter().filter(|&&s| s == 429).count();
    assert!(
        verdicts as i64 <= MAX_FAILED_SIGN_INS,
        "{verdicts} wrong-password answers: {statuses:?}"
    );
    assert_eq!(verdicts + throttled, 60, "{statuses:?}");
}

#[tokio::test]
async fn a_strangers_wrong_passwords_do_not_lock_the_owner_out() {
    let app = TestApp::spawn().await;
    app.create_admin("ada@acme.test").await;
    let stranger = browser_at(&app, 66);
    for _ in 0..MAX_FAILED_SIGN_INS {
        assert_eq!(
            sign_in(&stranger, "ada@acme.test", "a wrong guess").await,
            401
        );
    }
    let locked = stranger
        .call::<SignIn>(&[("email", "ada@acme.test"), ("password", PASSWORD)])
        .await;
    assert_eq!(
        locked.status, 429,
        "the stranger is slowed down, even when right"
    );
    let retry_after: u64 = locked.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=15 * 60).contains(&retry_after), "{retry_after}");

    let owner = browser_at(&app, 1);
    assert_eq!(sign_in(&owner, "ada@acme.test", PASSWORD).await, 200);
}

#[tokio::test]
async fn one_address_guessing_across_many_emails_is_stopped_while_others_are_not() {
    let app = TestApp::spawn().await;
    app.create_admin("ada@acme.test").await;
    let guesser = browser_at(&app, 77);
    for i in 0..MAX_FAILED_SIGN_INS_PER_CLIENT {
        let email = format!("person{i}@acme.test");
        assert_eq!(sign_in(&guesser, &email, "a wrong guess").await, 401);
    }
    let reply = guesser
        .call::<SignIn>(&[("email", "someone-new@acme.test"), ("password", "guess")])
        .await;
    assert_eq!(reply.status, 429);
    assert!(reply.body.contains("from your network"), "{}", reply.body);
    assert_eq!(
        sign_in(&browser_at(&app, 78), "ada@acme.test", PASSWORD).await,
        200
    );
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_address_is_the_client_and_otherwise_it_is_ignored() {
    let forwarded = |browser: &Browser, from: &'static str, password: &'static str| {
        let url = browser
            .base
            .join(<SignIn as leptos::server_fn::ServerFn>::url());
        let client = browser.client.clone();
        async move {
            client
                .post(url.unwrap())
                .header("accept", "application/json")
                .header("x-forwarded-for", from)
                .form(&[("email", "ada@acme.test"), ("password", password)])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };

    let proxied = TestApp::spawn_with(TestOptions {
        trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
        ..TestOptions::default()
    })
    .await;
    proxied.create_admin("ada@acme.test").await;
    let proxy = proxied.browser();
    for _ in 0..MAX_FAILED_SIGN_INS {
        assert_eq!(forwarded(&proxy, "198.51.100.1", "wrong guess").await, 401);
    }
    assert_eq!(forwarded(&proxy, "198.51.100.1", PASSWORD).await, 429);
    assert_eq!(
        forwarded(&proxy, "198.51.100.2", PASSWORD).await,
        200,
        "another client behind the same proxy"
    );

    let direct = TestApp::spawn().await;
    direct.create_admin("ada@acme.test").await;
    let client = direct.browser();
    for _ in 0..MAX_FAILED_SIGN_INS {
        assert_eq!(forwarded(&client, "198.51.100.1", "wrong guess").await, 401);
    }
    assert_eq!(
        forwarded(&client, "198.51.100.2", PASSWORD).await,
        429,
        "a client cannot pick a new address by writing the header"
    );
}

#[tokio::test]
async fn made_up_reset_and_invite_links_are_refused_without_hashing_a_password() {
    let app = TestApp::spawn().await;
    app.create_admin("ada@acme.test").await;
    let hashed_before = app.state.hashing.runs();
    let mut posts = tokio::task::JoinSet::new();
    for i in 0..200 {
        let browser = browser_at(&app, 1 + (i % 200) as u8);
        let token = format!("made-up-token-{i:04}-aaaaaaaaaaaaaaaaaaaaaaaa");
        posts.spawn(async move {
            let password = "a new long passphrase";
            let reset = browser
                .call::<ResetPassword>(&[("token", &token), ("password", password)])
                .await;
            let join = browser
                .call::<AcceptInvite>(&[("token", &token), ("name", "Eve"), ("password", password)])
                .await;
            (reset.status, join.status)
        });
    }
    while let Some(answer) = posts.join_next().await {
        assert_eq!(answer.unwrap(), (404, 404));
    }
    assert_eq!(
        app.state.hashing.runs(),
        hashed_before,
        "no password was hashed"
    );
}

/// Sign-ins from `count` addresses of their own (so the failed-attempt limits do not stop
/// them first), sent at once: each answers its status, its Retry-After and when it came.
fn sign_ins_from_new_addresses(
    app: &TestApp,
    first: u32,
    count: u32,
) -> tokio::task::JoinSet<(u16, Option<String>, Instant)> {
    let mut attempts = tokio::task::JoinSet::new();
    for n in first..first + count {
        let browser = Browser::from_address(
            app.url("/").parse().unwrap(),
            Some(IpAddr::V4(Ipv4Addr::new(
                127,
                1,
                (n / 250) as u8,
                (n % 250) as u8 + 1,
            ))),
        );
        attempts.spawn(async move {
            let reply = browser
                .call::<SignIn>(&[("email", "ada@acme.test"), ("password", "a wrong guess")])
                .await;
            let retry_after = reply
                .headers
                .get("retry-after")
                .map(|value| value.to_str().unwrap().to_owned());
            (reply.status, retry_after, Instant::now())
        });
    }
    attempts
}

#[tokio::test]
async fn sign_ins_wait_in_line_for_hashing_and_those_that_wait_too_long_are_told_to_retry() {
    let app = TestApp::spawn().await;
    app.create_admin("ada@acme.test").await;
    let hashed_before = app.state.hashing.runs();

    // Every turn is taken for longer than anyone waits: the whole flood is turned away.
    let every_turn = app.state.hashing.hold_every_turn().await;
    let mut flood = sign_ins_from_new_addresses(&app, 0, 40);
    while let Some(answer) = flood.join_next().await {
        let (status, retry_after, _) = answer.unwrap();
        assert_eq!((status, retry_after.as_deref()), (503, Some("2")));
    }
    assert_eq!(
        app.state.hashing.runs(),
        hashed_before,
        "nothing was hashed"
    );
    // What was turned away was never checked, so it does not count against its client.
    let counted: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sign_in_attempts")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(counted, 0);

    // Turns that come free within the wait are handed down the line.
    let mut line = sign_ins_from_new_addresses(&app, 40, 20);
    tokio::time::sleep(Duration::from_millis(800)).await;
    let freed_at = Instant::now();
    drop(every_turn);
    while let Some(answer) = line.join_next().await {
        let (status, _, answered_at) = answer.unwrap();
        assert_eq!(status, 401);
        assert!(answered_at >= freed_at, "no answer before a turn came free");
    }
    assert_eq!(app.state.hashing.runs(), hashed_before + 20);
    let counted: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sign_in_attempts")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(counted, 20);
}
