//! The connection page's changes: rename, token swap, Test now, privacy, delete, History, and
//! who may make them.

use betterstack_double::Access;
use plugboard::{
    api::{
        connection_changes::{
            ChangePrivacy, ChangeSourceTeams, DeleteConnection, GetConnectionDetail,
            RenameConnection, SwapToken, TestConnection,
        },
        connections::ListConnections,
    },
    domain::token_check::TOKEN_REJECTED,
    error::AppError,
    server::{infra::crypto, repo::credentials},
};

use crate::support::{
    browser::Browser,
    connections::{app_with_double, call, create_connection, detail, save_credential, usual_world},
    TestApp,
};
use plugboard::wire::connection_detail::CheckReport;

const OLD: &str = "team_oldToken1111AAAA";
const NEW: &str = "team_newToken2222BBBB";

/// The token stored for connection `id`'s credential, decrypted.
async fn stored_token(app: &TestApp, id: i64) -> String {
    let credential: i64 = sqlx::query_scalar("SELECT credential_id FROM connections WHERE id = ?")
        .bind(id)
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    let row = credentials::secret(&app.state.pool, credential)
        .await
        .unwrap()
        .unwrap();
    let plain = crypto::open(
        &app.state.master_key,
        &row.sealed(),
        &crypto::credential_aad(credential),
    )
    .unwrap();
    String::from_utf8(plain.to_vec()).unwrap()
}

/// An Admin with one connection ("Status") on a checked credential holding `OLD`.
async fn setup() -> (TestApp, betterstack_double::Double, Browser, i64) {
    let (app, double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Prod", OLD).await;
    let id = create_connection(&app, &admin, tile.id, "Status", "workspace", None).await;
    (app, double, admin, id)
}

#[tokio::test]
async fn renaming_never_checks_the_token_and_is_recorded() {
    let (app, double, admin, id) = setup().await;
    let before = double.requests().len();
    assert_eq!(
        call::<RenameConnection>(&admin, id, &[("name", "Status page")])
            .await
            .status,
        200
    );
    assert_eq!(
        double.requests().len(),
        before,
        "no request to Better Stack"
    );
    let page = detail(&admin, id).await;
    assert_eq!(page.facts.name, "Status page");
    assert_eq!(
        page.history[0].text,
        "Renamed from “Status” to “Status page”"
    );
    assert_eq!(page.history[0].actor, "Ada Admin");
    assert_eq!(page.history.last().unwrap().kind, "created");
    let empty = call::<RenameConnection>(&admin, id, &[("name", "  ")]).await;
    assert_eq!(empty.status, 400);
    drop(app);
}

#[tokio::test]
async fn swapping_to_an_invalid_token_keeps_the_old_one_working() {
    let (app, double, admin, id) = setup().await;
    let reply = call::<SwapToken>(
        &admin,
        id,
        &[("token", "revoked_0000XXXX"), ("how", "check")],
    )
    .await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.app_error().field("token").as_deref(),
        Some(TOKEN_REJECTED)
    );
    assert_eq!(stored_token(&app, id).await, OLD);

    let report: CheckReport =
        serde_json::from_str(&call::<TestConnection>(&admin, id, &[]).await.body).unwrap();
    assert!(report.works, "{report:?}");
    assert_eq!(double.requests().last().unwrap().bearer(), Some(OLD));
}

#[tokio::test]
async fn swapping_to_a_valid_token_replaces_it_and_the_old_one_is_never_sent_again() {
    let (app, double, admin, id) = setup().await;
    let reply = call::<SwapToken>(&admin, id, &[("token", NEW), ("how", "check")]).await;
    assert_eq!(reply.status, 200, "{reply:?}");
    let swapped_at = double.requests().len();
    assert_eq!(
        double.requests().last().unwrap().bearer(),
        Some(NEW),
        "the new token was checked first"
    );
    assert_eq!(stored_token(&app, id).await, NEW);

    call::<TestConnection>(&admin, id, &[]).await;
    call::<TestConnection>(&admin, id, &[]).await;
    let after: Vec<_> = double.requests()[swapped_at..].to_vec();
    assert_eq!(
        after.len(),
        2 * 6,
        "each test: the check read, four lists, the kind probe"
    );
    assert!(after.iter().all(|r| r.bearer() == Some(NEW)));
    let page = detail(&admin, id).await;
    assert_eq!(page.facts.credential.fingerprint, "••••BBBB");
    assert!(page
        .history
        .iter()
        .any(|e| e.text == "Swapped the token ••••AAAA → ••••BBBB"));
}

#[tokio::test]
async fn when_better_stack_cannot_answer_the_user_may_swap_without_checking() {
    let (app, double) =
        app_with_double(usual_world().token("downToken1234", Access::Unavailable)).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Prod", OLD).await;
    let id = create_connection(&app, &admin, tile.id, "Status", "private", None).await;
    let refused =
        call::<SwapToken>(&admin, id, &[("token", "downToken1234"), ("how", "check")]).await;
    assert_eq!(refused.status, 502);
    assert!(matches!(
        refused.app_error(),
        AppError::SourceUnreachable(_)
    ));
    assert_eq!(stored_token(&app, id).await, OLD);
    let checks = double.requests().len();
    assert_eq!(
        call::<SwapToken>(&admin, id, &[("token", "downToken1234"), ("how", "skip")])
            .await
            .status,
        200
    );
    assert_eq!(double.requests().len(), checks, "not checked");
    assert_eq!(stored_token(&app, id).await, "downToken1234");
    assert!(detail(&admin, id).await.history[0]
        .text
        .ends_with("without checking it"));
}

#[tokio::test]
async fn a_swap_on_a_shared_credential_reaches_every_connection_unless_one_takes_a_new_credential()
{
    let (app, _double, admin, first) = setup().await;
    let credential: i64 = sqlx::query_scalar("SELECT credential_id FROM connections")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    let second = create_connection(&app, &admin, credential, "Second", "private", None).await;

    assert_eq!(
        call::<SwapToken>(&admin, first, &[("token", NEW), ("how", "check")])
            .await
            .status,
        200
    );
    assert_eq!(
        stored_token(&app, second).await,
        NEW,
        "the other connection uses it too"
    );
    assert!(detail(&admin, second).await.history[0]
        .text
        .starts_with("Swapped the token"));

    let own = "team_onlyMine3333CCCC";
    assert_eq!(
        call::<SwapToken>(&admin, second, &[("token", own), ("how", "check-new")])
            .await
            .status,
        200
    );
    assert_eq!(stored_token(&app, second).await, own);
    assert_eq!(
        stored_token(&app, first).await,
        NEW,
        "the first keeps the shared credential"
    );
    let page = detail(&admin, second).await;
    assert_eq!(page.facts.credential.used_by, 1);
    assert!(page.history[0]
        .text
        .contains("a new credential for this connection only"));
}

#[tokio::test]
async fn test_now_records_what_it_found() {
    let (app, double, admin, id) = setup().await;
    double.with(|world| world.revoke(OLD));
    let report: CheckReport =
        serde_json::from_str(&call::<TestConnection>(&admin, id, &[]).await.body).unwrap();
    assert!(!report.works);
    assert_eq!(report.message, TOKEN_REJECTED);
    let page = detail(&admin, id).await;
    assert_eq!(
        page.facts.credential.status,
        plugboard::domain::CheckStatus::Rejected
    );
    assert_eq!(
        page.history[0].text,
        format!("Tested the token: {TOKEN_REJECTED}")
    );
    drop(app);
}

#[tokio::test]
async fn narrowing_privacy_names_who_loses_access_and_waits_for_confirmation() {
    let (app, _double, admin, id) = setup().await;
    let bo = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    assert_eq!(detail(&bo, id).await.facts.name, "Status");

    let asked = call::<ChangePrivacy>(&admin, id, &[("privacy", "private")]).await;
    assert_eq!(asked.status, 409);
    let AppError::NeedsConfirmation(errors) = asked.app_error() else {
        panic!("{asked:?}")
    };
    assert!(
        errors
            .get("privacy")
            .unwrap()
            .starts_with("1 person will lose access to this connection: Bo."),
        "{errors:?}"
    );
    assert_eq!(
        call::<GetConnectionDetail>(&bo, id, &[]).await.status,
        200,
        "nothing changed yet"
    );

    let applied =
        call::<ChangePrivacy>(&admin, id, &[("privacy", "private"), ("confirm", "yes")]).await;
    assert_eq!(applied.status, 200, "{applied:?}");
    assert_eq!(call::<GetConnectionDetail>(&bo, id, &[]).await.status, 404);
    let history = detail(&admin, id).await.history;
    assert_eq!(
        history[0].text,
        "Changed privacy from Shared with Workspace to Private to Me"
    );

    // Widening takes nothing away: no question asked.
    assert_eq!(
        call::<ChangePrivacy>(&admin, id, &[("privacy", "workspace")])
            .await
            .status,
        200
    );
    assert_eq!(call::<GetConnectionDetail>(&bo, id, &[]).await.status, 200);
}

#[tokio::test]
async fn deleting_needs_the_name_and_takes_the_credential_only_when_asked_and_unused() {
    let (app, _double, admin, id) = setup().await;
    let wrong = call::<DeleteConnection>(&admin, id, &[("confirm_name", "status")]).await;
    assert_eq!(wrong.status, 400);
    assert!(wrong
        .app_error()
        .field("confirm_name")
        .unwrap()
        .contains("Status"));

    let ok = call::<DeleteConnection>(
        &admin,
        id,
        &[("confirm_name", "Status"), ("delete_credential", "yes")],
    )
    .await;
    assert_eq!(ok.status, 200, "{ok:?}");
    assert_eq!(
        call::<GetConnectionDetail>(&admin, id, &[]).await.status,
        404
    );
    let credentials: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM credentials")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(credentials, 0);
    let kept: Vec<String> = sqlx::query_scalar(
        "SELECT kind FROM connection_events WHERE connection_id = ? ORDER BY id",
    )
    .bind(id)
    .fetch_all(&app.state.pool)
    .await
    .unwrap();
    assert_eq!(
        kept,
        ["created", "deleted"],
        "History outlives the connection"
    );
}

#[tokio::test]
async fn a_credential_another_connection_uses_stays_when_one_is_deleted() {
    let (app, _double, admin, id) = setup().await;
    let credential: i64 = sqlx::query_scalar("SELECT credential_id FROM connections")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    create_connection(&app, &admin, credential, "Second", "private", None).await;
    call::<DeleteConnection>(
        &admin,
        id,
        &[("confirm_name", "Status"), ("delete_credential", "yes")],
    )
    .await;
    let credentials: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM credentials")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(credentials, 1);
}

#[tokio::test]
async fn someone_who_may_only_see_is_refused_nothing_changes_and_history_says_so() {
    let (app, double, admin, id) = setup().await;
    let bo = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    let page = detail(&bo, id).await;
    assert!(!page.can_manage);
    let before = double.requests().len();
    for reply in [
        call::<RenameConnection>(&bo, id, &[("name", "Mine now")]).await,
        call::<SwapToken>(&bo, id, &[("token", NEW), ("how", "check")]).await,
        call::<TestConnection>(&bo, id, &[]).await,
        call::<ChangePrivacy>(&bo, id, &[("privacy", "private")]).await,
        call::<DeleteConnection>(&bo, id, &[("confirm_name", "Status")]).await,
        call::<ChangeSourceTeams>(&bo, id, &[("team_scope", "all")]).await,
    ] {
        assert_eq!(reply.status, 403, "{reply:?}");
        assert!(matches!(reply.app_error(), AppError::Forbidden(m) if m.contains("not change it")));
    }
    assert_eq!(
        double.requests().len(),
        before,
        "nothing was sent to Better Stack"
    );
    let page = detail(&admin, id).await;
    assert_eq!(page.facts.name, "Status");
    assert_eq!(stored_token(&app, id).await, OLD);
    let denied: Vec<_> = page.history.iter().filter(|e| e.kind == "denied").collect();
    assert_eq!(denied.len(), 6);
    assert!(denied.iter().all(|e| e.actor == "Bo"));
    assert!(denied
        .iter()
        .any(|e| e.text == "Tried to swap the token, and was refused: not allowed"));
}

#[tokio::test]
async fn a_team_lead_manages_connections_shared_with_a_team_they_lead_and_no_others() {
    let (app, _double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let lead = app
        .add_member(&admin, "lee@acme.test", "Lee", "team_lead")
        .await;
    let member = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    let (ada, lee, bo) = (
        app.user_id("ada@acme.test").await,
        app.user_id("lee@acme.test").await,
        app.user_id("bo@acme.test").await,
    );
    let led = crate::support::teams::team_with(
        &app,
        &admin,
        "Ops",
        &[(ada, false), (lee, true), (bo, false)],
    )
    .await;
    let not_led =
        crate::support::teams::team_with(&app, &admin, "Web", &[(ada, false), (lee, false)]).await;
    let tile = save_credential(&admin, "Prod", OLD).await;
    let ops = create_connection(&app, &admin, tile.id, "Ops status", "team", Some(led)).await;
    let web = create_connection(&app, &admin, tile.id, "Web status", "team", Some(not_led)).await;

    assert!(detail(&lead, ops).await.can_manage);
    assert_eq!(
        call::<RenameConnection>(&lead, ops, &[("name", "Ops uptime")])
            .await
            .status,
        200
    );
    assert!(!detail(&lead, web).await.can_manage);
    assert_eq!(
        call::<RenameConnection>(&lead, web, &[("name", "Mine")])
            .await
            .status,
        403
    );
    assert!(!detail(&member, ops).await.can_manage);
    let names: plugboard::wire::connections::SourceConnections =
        serde_json::from_str(&call::<ListConnections>(&member, 0, &[]).await.body).unwrap();
    assert_eq!(names.connections.len(), 1);
}

#[tokio::test]
async fn two_swaps_of_one_credential_at_once_leave_exactly_one_new_token_and_both_are_in_history() {
    let (app, _double, admin, id) = setup().await;
    let other = app
        .sign_in("ada@acme.test", crate::support::accounts::PASSWORD)
        .await
        .0;
    let (a, b) = ("team_concurrentA111", "team_concurrentB222");
    let (form_a, form_b) = (
        [("token", a), ("how", "check")],
        [("token", b), ("how", "check")],
    );
    let (first, second) = tokio::join!(
        call::<SwapToken>(&admin, id, &form_a),
        call::<SwapToken>(&other, id, &form_b),
    );
    assert_eq!((first.status, second.status), (200, 200));
    let stored = stored_token(&app, id).await;
    assert!(stored == a || stored == b, "{stored}");
    let page = detail(&admin, id).await;
    // The fingerprint belongs to the token actually stored: never a mix of the two writes.
    assert_eq!(
        page.facts.credential.fingerprint,
        format!("••••{}", &stored[stored.len() - 4..])
    );
    let swaps = page
        .history
        .iter()
        .filter(|e| e.kind == "token_swapped")
        .count();
    assert_eq!(swaps, 2);
}

#[tokio::test]
async fn history_cannot_be_changed_or_removed() {
    let (app, _double, _admin, id) = setup().await;
    let update = sqlx::query("UPDATE connection_events SET detail = '{}' WHERE connection_id = ?")
        .bind(id)
        .execute(&app.state.pool)
        .await;
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = sqlx::query("DELETE FROM connection_events")
        .execute(&app.state.pool)
        .await;
    assert!(delete.unwrap_err().to_string().contains("append-only"));
}
