//! A client that hangs up does not cut a request short: what it asked for is done whole.

use std::time::{Duration, Instant};

use betterstack_double::Access;
use leptos::server_fn::ServerFn;
use plugboard::{
    api::connections::SaveCredential, server::connectors::betterstack::check::REACH_PATIENCE,
};

use crate::support::connections::{app_with_double, usual_world, SOURCE};

const TOKEN: &str = "team_hangUpToken0000AAAA";

#[tokio::test]
async fn a_credential_is_saved_even_when_the_browser_gives_up_waiting_for_its_check() {
    let (app, double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let check_time = Duration::from_millis(1500);
    double.with(|world| {
        world.tokens.insert(
            TOKEN.to_owned(),
            Access::Slow {
                delay: check_time,
                then: Box::new(Access::team("Ops")),
            },
        )
    });
    let cookie = admin.session_cookie().expect("signed in");

    // The browser hangs up long before Better Stack answers the token check.
    let impatient = reqwest::Client::builder()
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let sent = impatient
        .post(app.url(SaveCredential::url()))
        .header("cookie", cookie)
        .header("accept", "application/json")
        .form(&[
            ("source", SOURCE),
            ("name", "Patient"),
            ("description", ""),
            ("token", TOKEN),
        ])
        .send()
        .await;
    assert!(sent.is_err(), "the client was meant to give up: {sent:?}");

    let started = Instant::now();
    loop {
        let saved: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM credentials WHERE name = 'Patient'")
                .fetch_one(&app.state.pool)
                .await
                .unwrap();
        if saved == 1 {
            break;
        }
        assert!(
            // The verdict, then pages of teams for as long as the check is patient.
            started.elapsed() < check_time * 4 + REACH_PATIENCE,
            "the credential was not saved after its client hung up"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
