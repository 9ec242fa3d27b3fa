//! A sync and a token swap that overlap: what the sync pulled with the old token is not
//! kept, and it never marks the new token as working.

use std::time::Duration;

use betterstack_double::{fixtures, Access, Collection, World};
use plugboard::{
    domain::api_token::ApiToken,
    server::{
        repo::{self, synced},
        services::credentials::store_token,
        sync::{sync_connection, Trigger},
    },
};

use crate::support::connections::{app_with_double, create_connection, save_credential};
use plugboard::server::sync::SyncEnd;

const OLD: &str = "slow_oldToken0000AAAA";
const NEW: &str = "slow_newToken1111BBBB";

#[tokio::test]
async fn a_sync_whose_token_was_swapped_while_it_pulled_keeps_nothing_and_vouches_for_no_token() {
    let slow_ops = Access::Slow {
        delay: Duration::from_millis(300),
        then: Box::new(Access::team("Ops")),
    };
    let world = World::default()
        .token_prefix("slow_", slow_ops)
        .with_monitors("Ops", 3);
    let (app, double) = app_with_double(world).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Prod", OLD).await;
    let id = create_connection(&app, &admin, tile.id, "Status", "workspace", None).await;
    assert_eq!(
        synced::counts(&app.state.pool, id).await.unwrap()["monitors"],
        3
    );
    double.with(|world| world.push(Collection::Monitors, fixtures::monitor(99, "Ops")));

    let sent_before = double.with(|world| world.requests_with(OLD));
    let sync = tokio::spawn({
        let state = app.state.clone();
        async move { sync_connection(&state, id, Trigger::Manual).await }
    });
    while double.with(|world| world.requests_with(OLD)) == sent_before {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // A swap this server's sync registry never heard of (another process on the same
    // database, or one landing after the sync's last request): the token changes underneath.
    let mut tx = app.state.pool.begin().await.unwrap();
    let new = ApiToken::parse(NEW).unwrap();
    let admin_id = app.user_id("ada@acme.test").await;
    store_token(&app.state, &mut tx, tile.id, &new, admin_id, 0)
        .await
        .unwrap();
    repo::credentials::set_check(
        &mut *tx,
        tile.id,
        plugboard::domain::CheckStatus::Unverified,
        None,
        repo::credentials::Reached::Unchanged,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let outcome = sync.await.unwrap().unwrap();

    assert_eq!(outcome.outcome, SyncEnd::Stopped);
    let status: String = sqlx::query_scalar("SELECT check_status FROM credentials WHERE id = ?")
        .bind(tile.id)
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(
        status, "unverified",
        "the old token's pull says nothing about the new one"
    );
    assert_eq!(
        synced::counts(&app.state.pool, id).await.unwrap()["monitors"],
        3,
        "the pull made with the old token was not stored"
    );
}
