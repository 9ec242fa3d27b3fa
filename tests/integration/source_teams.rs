//! Better Stack teams: a check names the token's kind and every team it reaches, a connection
//! on a global token reads all of them or only those chosen (`team_name` on every request),
//! and changing the choice pulls again.

use betterstack_double::{fixtures, Access, Collection, Double, World};
use plugboard::{
    api::{
        connection_changes::ChangeSourceTeams,
        connections::{CreateConnection, ReviewConnection},
    },
    domain::token_reach::TeamChoice,
    error::AppError,
};

use crate::support::{
    browser::Browser,
    connections::{app_with_double, call, detail, save_credential, SOURCE},
    TestApp,
};

const GLOBAL: &str = "global_everyTeam0000";
const TEAM: &str = "team_opsOnlyToken00";

/// Ops on two pages of monitors, Web on the second only, Platform only with a heartbeat.
fn three_teams() -> World {
    let mut world = World::default()
        .token_prefix("team_", Access::team("Ops"))
        .token_prefix("global_", Access::Global)
        .with_monitors("Ops", 260)
        .with_monitors("Web", 2)
        .with_incidents("Ops", "2026-11-20", 2)
        .with_incidents("Web", "2026-11-21", 3);
    world.push(Collection::Heartbeats, fixtures::heartbeat(1, "Platform"));
    world
}

async fn stored_teams(app: &TestApp, kind: &str, id: i64) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT DISTINCT json_extract(data, '$.team') FROM synced_records
         WHERE connection_id = ? AND kind = ? ORDER BY 1",
    )
    .bind(id)
    .bind(kind)
    .fetch_all(&app.state.pool)
    .await
    .unwrap()
}

async fn create_reading(
    app: &TestApp,
    browser: &Browser,
    credential: i64,
    scope: &str,
    teams: &[&str],
) -> i64 {
    let credential = credential.to_string();
    let mut form = vec![
        ("source", SOURCE),
        ("credential", credential.as_str()),
        ("name", "Ops status"),
        ("privacy", "workspace"),
        ("team_scope", scope),
    ];
    form.extend(teams.iter().map(|team| ("source_teams[]", *team)));
    let reply = browser.call::<CreateConnection>(&form).await;
    assert_eq!(reply.status, 200, "{reply:?}");
    app.state.syncs.wait_idle().await;
    sqlx::query_scalar("SELECT MAX(id) FROM connections")
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_check_names_the_kind_and_every_team_the_token_reaches_not_a_sample() {
    let (app, double) = app_with_double(three_teams()).await;
    let admin = app.create_admin("ada@acme.test").await;

    let global = save_credential(&admin, "Everything", GLOBAL).await;
    assert_eq!(
        global.reach.as_deref(),
        Some("Global token — teams Ops, Platform, Web")
    );
    assert_eq!(global.reached_teams, ["Ops", "Platform", "Web"]);
    assert!(global.team_choice_offered);

    let team = save_credential(&admin, "Ops only", TEAM).await;
    assert_eq!(team.reach.as_deref(), Some("Team token — Ops"));
    assert!(!team.team_choice_offered);
    assert!(double
        .requests()
        .iter()
        .all(|r| r.bearer().is_some_and(|t| t == GLOBAL || t == TEAM)));
}

#[tokio::test]
async fn a_global_token_that_sees_one_team_is_still_known_as_global() {
    let world = World::default()
        .token_prefix("global_", Access::Global)
        .with_monitors("Ops", 2);
    let (app, _double) = app_with_double(world).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Everything", GLOBAL).await;
    assert_eq!(tile.reach.as_deref(), Some("Global token — team Ops"));
    assert!(!tile.team_choice_offered, "one team: nothing to choose");
}

/// The requests `double` saw after `from` without `team_name=<team>` in their query.
fn without_team(double: &Double, from: usize, team: &str) -> Vec<String> {
    let wanted = format!("team_name={team}");
    double.requests()[from..]
        .iter()
        .filter(|r| !r.query.split('&').any(|pair| pair == wanted))
        .map(|r| format!("{}?{}", r.path, r.query))
        .collect()
}

#[tokio::test]
async fn a_connection_reads_only_the_teams_chosen_with_team_name_on_every_request() {
    let (app, double) = app_with_double(three_teams()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Everything", GLOBAL).await;
    let before = double.requests().len();

    let id = create_reading(&app, &admin, tile.id, "only", &["Ops"]).await;

    assert!(double.requests().len() > before, "the first sync ran");
    assert_eq!(without_team(&double, before, "Ops"), Vec::<String>::new());
    assert_eq!(stored_teams(&app, "monitors", id).await, ["Ops"]);
    assert_eq!(stored_teams(&app, "incidents", id).await, ["Ops"]);
    let page = detail(&admin, id).await;
    assert_eq!(
        page.facts.source_teams,
        TeamChoice::Only(vec!["Ops".into()])
    );
}

#[tokio::test]
async fn changing_the_teams_pulls_again_and_replaces_what_the_old_choice_brought_in() {
    let (app, double) = app_with_double(three_teams()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Everything", GLOBAL).await;
    let id = create_reading(&app, &admin, tile.id, "only", &["Ops"]).await;
    let before = double.requests().len();

    let reply = call::<ChangeSourceTeams>(
        &admin,
        id,
        &[("team_scope", "only"), ("source_teams[]", "Web")],
    )
    .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    // The re-pull starts in the background, as soon as nothing else syncs the connection.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    app.state.syncs.wait_idle().await;

    assert_eq!(without_team(&double, before, "Web"), Vec::<String>::new());
    assert_eq!(stored_teams(&app, "monitors", id).await, ["Web"]);
    assert_eq!(stored_teams(&app, "incidents", id).await, ["Web"]);
    let page = detail(&admin, id).await;
    assert!(page
        .history
        .iter()
        .any(|entry| entry.kind == "teams_changed"
            && entry.text == "Changed the Better Stack teams it reads from Ops to Web"));

    let reply = call::<ChangeSourceTeams>(&admin, id, &[("team_scope", "all")]).await;
    assert_eq!(reply.status, 200, "{reply:?}");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    app.state.syncs.wait_idle().await;
    assert_eq!(stored_teams(&app, "monitors", id).await, ["Ops", "Web"]);
    assert_eq!(detail(&admin, id).await.facts.source_teams, TeamChoice::All);
}

#[tokio::test]
async fn a_team_choice_must_be_made_and_name_only_teams_the_token_reaches() {
    let (app, _double) = app_with_double(three_teams()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let global = save_credential(&admin, "Everything", GLOBAL)
        .await
        .id
        .to_string();
    let review = |scope: &'static str, team: &'static str| {
        let global = global.clone();
        let admin = &admin;
        async move {
            admin
                .call::<ReviewConnection>(&[
                    ("source", SOURCE),
                    ("credential", &global),
                    ("name", "Status"),
                    ("privacy", "workspace"),
                    ("team_scope", scope),
                    ("source_teams[]", team),
                ])
                .await
        }
    };
    let field = |reply: crate::support::browser::Reply| {
        assert_eq!(reply.status, 400, "{reply:?}");
        let error = reply.app_error();
        assert!(matches!(error, AppError::Invalid(_)), "{error:?}");
        error.field("team_scope").unwrap()
    };
    // Without JavaScript the step shows the choice only once the credential is chosen.
    assert!(field(review("", "").await).contains("All teams"));
    assert!(field(review("only", "Sales").await).contains("Sales"));
    assert_eq!(review("only", "Web").await.status, 200);

    let team = save_credential(&admin, "Ops only", TEAM).await;
    let id = create_reading(&app, &admin, team.id, "all", &[]).await;
    let reply = call::<ChangeSourceTeams>(
        &admin,
        id,
        &[("team_scope", "only"), ("source_teams[]", "Ops")],
    )
    .await;
    assert!(field(reply).contains("nothing to choose"));
}
