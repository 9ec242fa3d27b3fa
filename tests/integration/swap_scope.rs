//! Swapping a token never changes what the person swapping may not manage: a credential's
//! token is replaced in place only by someone who may manage every connection using it.
//! Anyone else can only put the new token into a new credential for this connection.

use plugboard::{
    api::connection_changes::SwapToken, error::AppError, server::services::connection_access,
};

use crate::support::{
    browser::Browser,
    connections::{app_with_double, call, create_connection, detail, save_credential, usual_world},
    TestApp,
};

const OLD: &str = "team_bosOldToken1111";
const NEW: &str = "team_adasNewToken2222";

/// Bo (a Member) owns one credential used by a connection shared with the workspace and by a
/// Private one; Ada (an Admin) can manage the shared one but cannot see the other.
async fn shared_credential() -> (
    TestApp,
    betterstack_double::Double,
    Browser,
    Browser,
    i64,
    i64,
) {
    let (app, double) = app_with_double(usual_world()).await;
    let ada = app.create_admin("ada@acme.test").await;
    let bo = app.add_member(&ada, "bo@acme.test", "Bo", "member").await;
    let tile = save_credential(&bo, "Bo's token", OLD).await;
    let shared = create_connection(&app, &bo, tile.id, "Shared", "workspace", None).await;
    let private = create_connection(&app, &bo, tile.id, "Bo's own", "private", None).await;
    (app, double, ada, bo, shared, private)
}

async fn credential_of(app: &TestApp, id: i64) -> i64 {
    sqlx::query_scalar("SELECT credential_id FROM connections WHERE id = ?")
        .bind(id)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_admin_who_cannot_see_every_connection_on_a_credential_cannot_swap_it_in_place() {
    let (app, double, ada, _bo, shared, private) = shared_credential().await;
    let credential = credential_of(&app, shared).await;
    assert!(!detail(&ada, shared).await.can_swap_in_place);
    let before = double.requests().len();

    let refused = call::<SwapToken>(&ada, shared, &[("token", NEW), ("how", "check")]).await;

    assert_eq!(refused.status, 403, "{refused:?}");
    assert_eq!(
        refused.app_error(),
        AppError::Forbidden(connection_access::SWAP_IN_PLACE_REFUSED.into())
    );
    assert_eq!(
        double.requests().len(),
        before,
        "the token was not even checked"
    );
    assert_eq!(credential_of(&app, private).await, credential);
    let unchanged: String =
        sqlx::query_scalar("SELECT secret_last_four FROM credentials WHERE id = ?")
            .bind(credential)
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(unchanged, "1111");
    let history = detail(&ada, shared).await.history;
    assert_eq!(history[0].kind, "denied");
    assert_eq!(history[0].actor, "Ada Admin");
    assert!(
        history[0]
            .text
            .contains("every connection on its credential"),
        "{history:?}"
    );
}

#[tokio::test]
async fn they_can_put_the_new_token_into_a_new_credential_for_this_connection_only() {
    let (app, _double, ada, bo, shared, private) = shared_credential().await;
    let credential = credential_of(&app, shared).await;

    let reply = call::<SwapToken>(&ada, shared, &[("token", NEW), ("how", "check-new")]).await;

    assert_eq!(reply.status, 200, "{reply:?}");
    assert_ne!(credential_of(&app, shared).await, credential);
    assert_eq!(
        credential_of(&app, private).await,
        credential,
        "Bo's own is untouched"
    );
    assert_eq!(
        detail(&ada, shared).await.facts.credential.fingerprint,
        "••••2222"
    );
    assert_eq!(
        detail(&bo, private).await.facts.credential.fingerprint,
        "••••1111"
    );
}

#[tokio::test]
async fn the_credentials_owner_swaps_in_place_and_the_page_offers_only_what_is_allowed() {
    let (app, _double, ada, bo, shared, private) = shared_credential().await;
    assert!(detail(&bo, shared).await.can_swap_in_place);
    let page = format!("/connections/betterstack-uptime/{shared}?section=settings");
    let adas = ada.get(&page).await.body;
    assert!(
        adas.contains("Use a new credential for this connection only"),
        "{adas}"
    );
    assert!(
        !adas.contains(">Swap Token<"),
        "no in-place swap offered: {adas}"
    );
    assert!(adas.contains("also used by connections you cannot manage"));
    let bos = bo.get(&page).await.body;
    assert!(bos.contains(">Swap Token<"), "{bos}");

    let reply = call::<SwapToken>(&bo, shared, &[("token", NEW), ("how", "check")]).await;
    assert_eq!(reply.status, 200, "{reply:?}");
    assert_eq!(
        credential_of(&app, shared).await,
        credential_of(&app, private).await
    );
    assert_eq!(
        detail(&bo, private).await.facts.credential.fingerprint,
        "••••2222"
    );
}
