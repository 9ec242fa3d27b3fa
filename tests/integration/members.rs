//! Settings → Members: invites, joining, roles, removal, and who may do them.

use plugboard::{
    api::{
        join::{AcceptInvite, GetInvite},
        members::{ChangeRole, InviteMember, ListMembers, RemoveMember},
        session::GetViewer,
        teams::CreateTeam,
    },
    domain::Role,
    error::AppError,
};

use crate::support::{
    accounts::{token_of, PASSWORD},
    TestApp,
};
use plugboard::wire::members::MembersOverview;

async fn member_id(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM users WHERE email = ? AND removed_at IS NULL")
        .bind(email)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

async fn team(app: &TestApp, admin: &crate::support::browser::Browser, name: &str) -> i64 {
    let reply = admin.call::<CreateTeam>(&[("name", name)]).await;
    assert_eq!(reply.status, 200, "{reply:?}");
    sqlx::query_scalar("SELECT id FROM teams WHERE name = ?")
        .bind(name)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_invitee_joins_with_the_link_and_is_signed_in_as_that_member_in_those_teams() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let ops = team(&app, &admin, "Ops").await;
    let invite = app
        .invite(&admin, "Bo@Acme.test", "team_lead", &[ops])
        .await;
    assert!(
        invite.link.starts_with(&app.url("/join/")),
        "{}",
        invite.link
    );
    assert_eq!(invite.email, "bo@acme.test");

    let bo = app.browser();
    let details = bo
        .call::<GetInvite>(&[("token", token_of(&invite.link))])
        .await;
    assert!(
        details.body.contains("\"workspace_name\":\"Acme\""),
        "{details:?}"
    );
    let joined = bo
        .submit::<AcceptInvite>(
            &format!("/join/{}", token_of(&invite.link)),
            &[
                ("token", token_of(&invite.link)),
                ("name", "Bo Lead"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(joined.location.as_deref(), Some("/"));
    let me: plugboard::wire::session::Viewer =
        serde_json::from_str::<Option<_>>(&bo.call::<GetViewer>(&[]).await.body)
            .unwrap()
            .unwrap();
    assert_eq!((me.name.as_str(), me.role), ("Bo Lead", Role::TeamLead));
    let in_ops: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM team_members WHERE team_id = ? AND user_id = ?")
            .bind(ops)
            .bind(me.id)
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(in_ops, 1);
}

#[tokio::test]
async fn the_invite_token_is_stored_only_as_a_digest() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let invite = app.invite(&admin, "bo@acme.test", "member", &[]).await;
    let bytes = std::fs::read(app.dir.path().join("plugboard.db")).unwrap();
    let token = token_of(&invite.link).as_bytes();
    assert!(!bytes.windows(token.len()).any(|w| w == token));
}

#[tokio::test]
async fn an_invite_link_works_once() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let invite = app.invite(&admin, "bo@acme.test", "member", &[]).await;
    let form = [
        ("token", token_of(&invite.link)),
        ("name", "Bo"),
        ("password", PASSWORD),
    ];
    assert_eq!(app.browser().call::<AcceptInvite>(&form).await.status, 200);
    let second = app.browser().call::<AcceptInvite>(&form).await;
    assert_eq!(second.status, 410);
    assert!(matches!(second.app_error(), AppError::Gone(m) if m.contains("already been used")));
}

#[tokio::test]
async fn an_invite_older_than_seven_days_is_refused() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let invite = app.invite(&admin, "bo@acme.test", "member", &[]).await;
    let expires: i64 = sqlx::query_scalar("SELECT expires_at - created_at FROM invites")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(expires, 7 * 24 * 3600);
    sqlx::query("UPDATE invites SET expires_at = expires_at - 8 * 86400")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let reply = app
        .browser()
        .call::<AcceptInvite>(&[
            ("token", token_of(&invite.link)),
            ("name", "Bo"),
            ("password", PASSWORD),
        ])
        .await;
    assert_eq!(reply.status, 410);
    let page = app
        .browser()
        .get(&format!("/join/{}", token_of(&invite.link)))
        .await;
    assert!(
        page.body.contains("This invite cannot be used"),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn a_made_up_invite_token_is_not_found() {
    let app = TestApp::spawn().await;
    app.create_admin("ada@acme.test").await;
    let reply = app
        .browser()
        .call::<GetInvite>(&[("token", "not-a-real-token")])
        .await;
    assert_eq!(reply.status, 404);
}

#[tokio::test]
async fn inviting_someone_who_is_already_a_member_is_refused_inline() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let reply = admin
        .call::<InviteMember>(&[("email", "ADA@acme.test"), ("role", "member")])
        .await;
    assert_eq!(reply.status, 400);
    assert!(reply
        .app_error()
        .field("email")
        .unwrap()
        .contains("already a member"));
}

#[tokio::test]
async fn only_admins_see_or_change_members() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let member = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    let ada = member_id(&app, "ada@acme.test").await.to_string();
    assert_eq!(member.call::<ListMembers>(&[]).await.status, 403);
    assert_eq!(
        member
            .call::<InviteMember>(&[("email", "x@acme.test"), ("role", "admin")])
            .await
            .status,
        403
    );
    assert_eq!(
        member
            .call::<ChangeRole>(&[("member_id", &ada), ("role", "member")])
            .await
            .status,
        403
    );
    assert_eq!(
        member
            .call::<RemoveMember>(&[("member_id", &ada)])
            .await
            .status,
        403
    );
    let invites: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM invites")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(invites, 1, "only the Admin's own invite exists");
    let anonymous = app.browser();
    assert_eq!(anonymous.call::<ListMembers>(&[]).await.status, 401);
}

#[tokio::test]
async fn an_admin_changes_a_members_role() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    let bo = member_id(&app, "bo@acme.test").await.to_string();
    let reply = admin
        .call::<ChangeRole>(&[("member_id", &bo), ("role", "team_lead")])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    let overview: MembersOverview =
        serde_json::from_str(&admin.call::<ListMembers>(&[]).await.body).unwrap();
    let bo = overview
        .members
        .iter()
        .find(|m| m.email == "bo@acme.test")
        .unwrap();
    assert_eq!(bo.role, Role::TeamLead);
}

#[tokio::test]
async fn the_last_admin_can_be_neither_demoted_nor_removed() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let other_admin = app.add_member(&admin, "cy@acme.test", "Cy", "member").await;
    let ada = member_id(&app, "ada@acme.test").await.to_string();
    let demote_self = admin
        .call::<ChangeRole>(&[("member_id", &ada), ("role", "member")])
        .await;
    assert_eq!(demote_self.status, 409);
    assert!(
        matches!(demote_self.app_error(), AppError::Conflict(m) if m.contains("at least one Admin"))
    );

    // With a second Admin, one may go; then the other is the last again.
    let cy = member_id(&app, "cy@acme.test").await.to_string();
    assert_eq!(
        admin
            .call::<ChangeRole>(&[("member_id", &cy), ("role", "admin")])
            .await
            .status,
        200
    );
    assert_eq!(
        other_admin
            .call::<ChangeRole>(&[("member_id", &ada), ("role", "member")])
            .await
            .status,
        200
    );
    let remove_last = other_admin
        .call::<ChangeRole>(&[("member_id", &cy), ("role", "member")])
        .await;
    assert_eq!(remove_last.status, 409);
    let admins: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM users WHERE role = 'admin' AND removed_at IS NULL",
    )
    .fetch_one(&app.state.pool)
    .await
    .unwrap();
    assert_eq!(admins, 1);
}

#[tokio::test]
async fn removing_a_member_ends_their_sessions_on_the_server_and_keeps_their_record() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let bo = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    let bo_id = member_id(&app, "bo@acme.test").await;
    let cookie = bo.session_cookie().unwrap();

    let reply = admin
        .call::<RemoveMember>(&[("member_id", &bo_id.to_string())])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");

    let sessions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM user_sessions WHERE user_id = ?")
        .bind(bo_id)
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(sessions, 0);
    assert_eq!(bo.call::<GetViewer>(&[]).await.body, "null");
    assert_eq!(
        bo.get("/").await.location.as_deref(),
        Some("/login?next=%2F")
    );
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
    let (_, sign_in) = app.sign_in("bo@acme.test", PASSWORD).await;
    assert_eq!(sign_in.status, 401, "a removed member cannot sign in");
    let kept: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE id = ? AND removed_at IS NOT NULL")
            .bind(bo_id)
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(kept, 1);
}

#[tokio::test]
async fn an_invite_link_shown_after_a_post_without_javascript_is_shown_once() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let reply = admin
        .submit::<InviteMember>(
            "/settings/members",
            &[("email", "bo@acme.test"), ("role", "member")],
        )
        .await;
    assert_eq!(reply.status, 302);
    let first = admin.get("/settings/members").await;
    assert!(
        first.body.contains("/join/"),
        "the link is on the page once"
    );
    let second = admin.get("/settings/members").await;
    assert!(!second.body.contains("/join/"), "and never again");
}

#[tokio::test]
async fn invites_made_by_an_admin_stop_working_when_that_admin_is_demoted_or_removed() {
    let app = TestApp::spawn().await;
    let ada = app.create_admin("ada@acme.test").await;
    let bea = app.add_member(&ada, "bea@acme.test", "Bea", "admin").await;
    let cy = app.add_member(&ada, "cy@acme.test", "Cy", "admin").await;
    let from_bea = app.invite(&bea, "eve@acme.test", "admin", &[]).await;
    let from_cy = app.invite(&cy, "fay@acme.test", "member", &[]).await;
    let from_ada = app.invite(&ada, "gus@acme.test", "member", &[]).await;

    let bea_id = member_id(&app, "bea@acme.test").await.to_string();
    let reply = ada
        .call::<ChangeRole>(&[("member_id", &bea_id), ("role", "member")])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    let cy_id = member_id(&app, "cy@acme.test").await.to_string();
    let reply = ada.call::<RemoveMember>(&[("member_id", &cy_id)]).await;
    assert!(reply.status < 400, "{reply:?}");

    let stranger = app.browser();
    for (invite, usable) in [(from_bea, false), (from_cy, false), (from_ada, true)] {
        let reply = stranger
            .call::<GetInvite>(&[("token", token_of(&invite.link))])
            .await;
        let expected = if usable { 200 } else { 410 };
        assert_eq!(reply.status, expected, "{}: {reply:?}", invite.email);
    }
}
