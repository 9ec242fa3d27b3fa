//! Teams for tests.

use plugboard::api::teams::{CreateTeam, SetTeamMembers};

use super::{browser::Browser, TestApp};

/// An Admin makes team `name` with these (user id, leads it) members; returns its id.
pub async fn team_with(app: &TestApp, admin: &Browser, name: &str, members: &[(i64, bool)]) -> i64 {
    assert_eq!(
        admin.call::<CreateTeam>(&[("name", name)]).await.status,
        200
    );
    let team: i64 = sqlx::query_scalar("SELECT id FROM teams WHERE name = ?")
        .bind(name)
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    let team_id = team.to_string();
    let ids: Vec<(String, bool)> = members
        .iter()
        .map(|(id, lead)| (id.to_string(), *lead))
        .collect();
    let mut form = vec![("team_id", team_id.as_str())];
    for (id, lead) in &ids {
        form.push(("members[]", id.as_str()));
        if *lead {
            form.push(("leads[]", id.as_str()));
        }
    }
    let reply = admin.call::<SetTeamMembers>(&form).await;
    assert_eq!(reply.status, 200, "{reply:?}");
    team
}
