//! The stepper's Finish, the connections pages, and who can see which connection.

use plugboard::{
    api::{
        connection_changes::GetConnectionDetail,
        connections::{GetSetup, ListConnections, ListSources, ReviewConnection},
        members::RemoveMember,
        teams::DeleteTeam,
    },
    domain::Privacy,
};

use crate::support::{
    browser::Browser,
    connections::{app_with_double, create_connection, save_credential, usual_world, SOURCE},
    teams::team_with,
};
use plugboard::wire::connections::{SetupChoices, SourceConnections, SourceSummary};

async fn visible(browser: &Browser) -> Vec<String> {
    let reply = browser.call::<ListConnections>(&[("source", SOURCE)]).await;
    assert_eq!(reply.status, 200, "{reply:?}");
    let page: SourceConnections = serde_json::from_str(&reply.body).unwrap();
    page.connections.iter().map(|c| c.name.clone()).collect()
}

#[tokio::test]
async fn finish_creates_the_connection_and_the_source_page_lists_it() {
    let (app, _double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Prod token", "team_finish123456").await;
    let id = create_connection(&app, &admin, tile.id, "Production uptime", "private", None).await;

    let page: SourceConnections = serde_json::from_str(
        &admin
            .call::<ListConnections>(&[("source", SOURCE)])
            .await
            .body,
    )
    .unwrap();
    assert_eq!(page.source_name, "Better Stack Uptime");
    let row = &page.connections[0];
    assert_eq!(
        (row.id, row.name.as_str(), row.owner.as_str()),
        (id, "Production uptime", "Ada Admin")
    );
    assert_eq!(
        (row.privacy, row.fingerprint.as_str()),
        (Privacy::Private, "••••3456")
    );

    let html = admin.get("/connections/betterstack-uptime").await.body;
    assert!(
        html.contains("Production uptime") && html.contains("••••3456"),
        "{html}"
    );
    // Its page names the credential where it tells about it: the Settings section.
    let detail = admin
        .get(&format!(
            "/connections/betterstack-uptime/{id}?section=settings"
        ))
        .await;
    assert_eq!(detail.status, 200);
    assert!(detail.body.contains("Prod token"), "{}", detail.body);
}

#[tokio::test]
async fn a_finish_without_javascript_redirects_to_the_source_connections() {
    let (app, _double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Prod", "team_nojs12345678").await;
    let reply = admin
        .submit::<plugboard::api::connections::CreateConnection>(
            "/settings/connections/new?step=finish",
            &[
                ("source", SOURCE),
                ("credential", &tile.id.to_string()),
                ("name", "Status"),
                ("privacy", "workspace"),
            ],
        )
        .await;
    assert_eq!(
        reply.location.as_deref(),
        Some("/connections/betterstack-uptime")
    );
}

#[tokio::test]
async fn a_source_can_have_many_connections_and_two_can_share_a_credential() {
    let (app, _double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Shared token", "team_shared123456").await;
    create_connection(&app, &admin, tile.id, "First", "private", None).await;
    create_connection(&app, &admin, tile.id, "Second", "workspace", None).await;
    assert_eq!(visible(&admin).await, ["First", "Second"]);

    let setup: SetupChoices =
        serde_json::from_str(&admin.call::<GetSetup>(&[("source", SOURCE)]).await.body).unwrap();
    assert_eq!(setup.credentials.len(), 1);
    assert_eq!(setup.credentials[0].used_by, 2);
    let sources: Vec<SourceSummary> =
        serde_json::from_str(&admin.call::<ListSources>(&[]).await.body).unwrap();
    assert_eq!(
        (sources[0].name.as_str(), sources[0].connections),
        ("Better Stack Uptime", 2)
    );
}

#[tokio::test]
async fn step_three_reports_every_problem_with_step_two_inline() {
    let (app, _double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let reply = admin
        .call::<ReviewConnection>(&[
            ("source", SOURCE),
            ("credential", ""),
            ("name", " "),
            ("privacy", "team"),
            ("team", ""),
        ])
        .await;
    assert_eq!(reply.status, 400);
    let error = reply.app_error();
    assert_eq!(
        error.field("credential").as_deref(),
        Some("Choose a credential, or add one.")
    );
    assert_eq!(
        error.field("name").as_deref(),
        Some("Connection Name is required.")
    );
    assert_eq!(
        error.field("team").as_deref(),
        Some("Choose the team to share with.")
    );
}

#[tokio::test]
async fn privacy_decides_who_sees_a_connection_and_others_get_not_found() {
    let (app, _double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let ops_member = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    let web_member = app.add_member(&admin, "cy@acme.test", "Cy", "member").await;
    let bo = app.user_id("bo@acme.test").await;
    let ada = app.user_id("ada@acme.test").await;
    let ops = team_with(&app, &admin, "Ops", &[(ada, false), (bo, false)]).await;

    let tile = save_credential(&admin, "Ada's token", "team_privacy123456").await;
    let private = create_connection(&app, &admin, tile.id, "Private one", "private", None).await;
    create_connection(&app, &admin, tile.id, "Ops one", "team", Some(ops)).await;
    create_connection(&app, &admin, tile.id, "Everyone's", "workspace", None).await;

    assert_eq!(
        visible(&admin).await,
        ["Everyone's", "Ops one", "Private one"]
    );
    assert_eq!(visible(&ops_member).await, ["Everyone's", "Ops one"]);
    assert_eq!(visible(&web_member).await, ["Everyone's"]);

    // A connection you may not see answers exactly like one that does not exist.
    let hidden = web_member
        .call::<GetConnectionDetail>(&[("source", SOURCE), ("id", &private.to_string())])
        .await;
    let missing = web_member
        .call::<GetConnectionDetail>(&[("source", SOURCE), ("id", "999999")])
        .await;
    assert_eq!(
        (hidden.status, &hidden.body),
        (missing.status, &missing.body)
    );
    assert_eq!(hidden.status, 404);
    let page = web_member
        .get(&format!("/connections/betterstack-uptime/{private}"))
        .await;
    assert!(!page.body.contains("Private one"));

    // Nobody else's credential tiles, and nobody else's credential for a connection.
    let setup: SetupChoices = serde_json::from_str(
        &ops_member
            .call::<GetSetup>(&[("source", SOURCE)])
            .await
            .body,
    )
    .unwrap();
    assert!(setup.credentials.is_empty());
    let borrow = ops_member
        .call::<ReviewConnection>(&[
            ("source", SOURCE),
            ("credential", &tile.id.to_string()),
            ("name", "Mine"),
            ("privacy", "private"),
        ])
        .await;
    assert_eq!(borrow.status, 400);
    assert!(borrow.app_error().field("credential").is_some());
}

#[tokio::test]
async fn sharing_with_a_team_you_are_not_in_is_refused() {
    let (app, _double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let member = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    let ops = team_with(&app, &admin, "Ops", &[]).await;
    let tile = save_credential(&member, "Bo's", "team_bo1234567890").await;
    let reply = member
        .call::<ReviewConnection>(&[
            ("source", SOURCE),
            ("credential", &tile.id.to_string()),
            ("name", "Sneaky"),
            ("privacy", "team"),
            ("team", &ops.to_string()),
        ])
        .await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.app_error().field("team").as_deref(),
        Some("Choose one of your teams.")
    );
}

#[tokio::test]
async fn deleting_a_team_makes_what_was_shared_with_it_private_and_removal_hands_over_ownership() {
    let (app, _double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let member = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    let bo = app.user_id("bo@acme.test").await;
    let ada = app.user_id("ada@acme.test").await;
    let ops = team_with(&app, &admin, "Ops", &[(ada, false), (bo, false)]).await;
    let tile = save_credential(&member, "Bo's", "team_bo1234567890").await;
    create_connection(&app, &member, tile.id, "Bo's Ops", "team", Some(ops)).await;
    assert_eq!(visible(&admin).await, ["Bo's Ops"]);

    assert_eq!(
        admin
            .call::<DeleteTeam>(&[("team_id", &ops.to_string())])
            .await
            .status,
        200
    );
    assert!(visible(&admin).await.is_empty(), "no longer shared");
    assert_eq!(visible(&member).await, ["Bo's Ops"], "still its owner's");

    assert_eq!(
        admin
            .call::<RemoveMember>(&[("member_id", &bo.to_string())])
            .await
            .status,
        200
    );
    assert_eq!(
        visible(&admin).await,
        ["Bo's Ops"],
        "now the removing Admin's"
    );
    let setup: SetupChoices =
        serde_json::from_str(&admin.call::<GetSetup>(&[("source", SOURCE)]).await.body).unwrap();
    assert_eq!(setup.credentials[0].name, "Bo's");
}

/// Copies connection `model` `copies` times in SQL, named `{prefix} 001`, `{prefix} 002`, …
pub(crate) async fn copy_connection(
    app: &crate::support::TestApp,
    model: i64,
    prefix: &str,
    copies: i64,
) {
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?3)
         INSERT INTO connections (source, name, owner_id, credential_id, privacy, team_id, created_at)
         SELECT source, ?2 || ' ' || printf('%03d', i), owner_id, credential_id, privacy, team_id,
                created_at
         FROM connections, n WHERE connections.id = ?1",
    )
    .bind(model)
    .bind(prefix)
    .bind(copies)
    .execute(&app.state.pool)
    .await
    .unwrap();
}

#[tokio::test]
async fn the_list_shows_fifty_at_a_time_by_name_and_counts_only_what_the_viewer_sees() {
    let (app, _double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let member = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    let tile = save_credential(&admin, "Prod token", "team_paging123456").await;
    let shared = create_connection(&app, &admin, tile.id, "Shared 000", "workspace", None).await;
    let private = create_connection(&app, &admin, tile.id, "Private 000", "private", None).await;
    copy_connection(&app, shared, "Shared", 119).await;
    copy_connection(&app, private, "Private", 30).await;

    let page = |browser: &'static str, number: &'static str| {
        let who = if browser == "admin" { &admin } else { &member };
        async move {
            let reply = who
                .call::<ListConnections>(&[("source", SOURCE), ("page", number)])
                .await;
            assert_eq!(reply.status, 200, "{reply:?}");
            serde_json::from_str::<SourceConnections>(&reply.body).unwrap()
        }
    };
    let first = page("member", "1").await;
    assert_eq!((first.page, first.pages, first.total), (1, 3, 120));
    let names: Vec<&str> = first.connections.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), 50);
    assert_eq!((names[0], names[49]), ("Shared 000", "Shared 049"));
    let last = page("member", "3").await;
    assert_eq!(last.connections.len(), 20);
    assert_eq!(last.connections[19].name, "Shared 119");
    let past_the_end = page("member", "99").await;
    assert_eq!(
        (past_the_end.page, past_the_end.connections),
        (3, last.connections),
        "a page past the end shows the last"
    );
    let before_the_start = page("member", "-4").await;
    assert_eq!(before_the_start.page, 1);
    let everything = page("admin", "1").await;
    assert_eq!((everything.total, everything.pages), (151, 4));
    assert_eq!(everything.connections[0].name, "Private 000");

    let html = member
        .get("/connections/betterstack-uptime?page=2")
        .await
        .body;
    assert!(html.contains("Page 2 of 3 (120 connections)"), "{html}");
    assert!(html.contains(r#"href="?page=1""#) && html.contains(r#"href="?page=3""#));
    assert!(html.contains("Shared 050") && !html.contains("Shared 049<"));
}

#[tokio::test]
async fn names_sort_as_people_count() {
    let (app, _double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Prod token", "team_natural12345").await;
    for name in ["Service 10", "service 2", "Service 100", "Service 1", "API"] {
        create_connection(&app, &admin, tile.id, name, "workspace", None).await;
    }
    assert_eq!(
        visible(&admin).await,
        ["API", "Service 1", "service 2", "Service 10", "Service 100"]
    );
}
