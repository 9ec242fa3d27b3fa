//! Settings → Teams: Admins create, rename, delete teams and set members and leads.

use plugboard::{
    api::teams::{CreateTeam, DeleteTeam, ListTeams, RenameTeam, SetTeamMembers},
    error::AppError,
};

use crate::support::TestApp;
use plugboard::wire::teams::TeamsOverview;

async fn id_of(app: &TestApp, table: &str, column: &str, value: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE {column} = ?"))
        .bind(value)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_admin_creates_renames_and_deletes_a_team() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let created = admin.call::<CreateTeam>(&[("name", "  Ops ")]).await;
    assert_eq!(created.status, 200, "{created:?}");
    let ops = id_of(&app, "teams", "name", "Ops").await.to_string();

    let duplicate = admin.call::<CreateTeam>(&[("name", "ops")]).await;
    assert_eq!(duplicate.status, 400);
    assert_eq!(
        duplicate.app_error().field("name").as_deref(),
        Some("There is already a team called ops.")
    );

    assert_eq!(
        admin
            .call::<RenameTeam>(&[("team_id", &ops), ("name", "Operations")])
            .await
            .status,
        200
    );
    let overview: TeamsOverview =
        serde_json::from_str(&admin.call::<ListTeams>(&[]).await.body).unwrap();
    assert_eq!(overview.teams[0].name, "Operations");

    assert_eq!(
        admin.call::<DeleteTeam>(&[("team_id", &ops)]).await.status,
        200
    );
    let overview: TeamsOverview =
        serde_json::from_str(&admin.call::<ListTeams>(&[]).await.body).unwrap();
    assert!(overview.teams.is_empty());
    assert_eq!(
        admin.call::<DeleteTeam>(&[("team_id", &ops)]).await.status,
        404
    );
}

#[tokio::test]
async fn members_and_leads_are_set_together_and_only_team_leads_can_lead() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    app.add_member(&admin, "bo@acme.test", "Bo", "team_lead")
        .await;
    app.add_member(&admin, "cy@acme.test", "Cy", "member").await;
    admin.call::<CreateTeam>(&[("name", "Ops")]).await;
    let ops = id_of(&app, "teams", "name", "Ops").await.to_string();
    let bo = id_of(&app, "users", "email", "bo@acme.test")
        .await
        .to_string();
    let cy = id_of(&app, "users", "email", "cy@acme.test")
        .await
        .to_string();

    let cy_cannot_lead = admin
        .call::<SetTeamMembers>(&[("team_id", &ops), ("members[]", &cy), ("leads[]", &cy)])
        .await;
    assert_eq!(cy_cannot_lead.status, 400);
    assert!(cy_cannot_lead.app_error().field("leads").is_some());

    let reply = admin
        .call::<SetTeamMembers>(&[
            ("team_id", &ops),
            ("members[]", &bo),
            ("members[]", &cy),
            ("leads[]", &bo),
        ])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    let overview: TeamsOverview =
        serde_json::from_str(&admin.call::<ListTeams>(&[]).await.body).unwrap();
    let people: Vec<(String, bool)> = overview.teams[0]
        .members
        .iter()
        .map(|m| (m.name.clone(), m.is_lead))
        .collect();
    assert_eq!(people, [("Bo".to_owned(), true), ("Cy".to_owned(), false)]);

    // Emptying the team: no boxes ticked means no members.
    assert_eq!(
        admin
            .call::<SetTeamMembers>(&[("team_id", &ops)])
            .await
            .status,
        200
    );
    let overview: TeamsOverview =
        serde_json::from_str(&admin.call::<ListTeams>(&[]).await.body).unwrap();
    assert!(overview.teams[0].members.is_empty());
}

#[tokio::test]
async fn members_see_teams_but_only_admins_change_them() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let member = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    admin.call::<CreateTeam>(&[("name", "Ops")]).await;
    let ops = id_of(&app, "teams", "name", "Ops").await.to_string();

    let overview: TeamsOverview =
        serde_json::from_str(&member.call::<ListTeams>(&[]).await.body).unwrap();
    assert_eq!(overview.teams.len(), 1);
    assert!(!overview.can_manage);
    for reply in [
        member.call::<CreateTeam>(&[("name", "Mine")]).await,
        member
            .call::<RenameTeam>(&[("team_id", &ops), ("name", "Mine")])
            .await,
        member.call::<DeleteTeam>(&[("team_id", &ops)]).await,
        member.call::<SetTeamMembers>(&[("team_id", &ops)]).await,
    ] {
        assert_eq!(reply.status, 403, "{reply:?}");
        assert!(matches!(reply.app_error(), AppError::Forbidden(_)));
    }
    let names: Vec<String> = sqlx::query_scalar("SELECT name FROM teams")
        .fetch_all(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(names, ["Ops"]);
}
