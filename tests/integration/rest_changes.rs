//! Changes through the REST API: credentials and connections made, swapped, shared and
//! deleted with a Manage key, with the same checks and outcomes as the pages' forms; and every
//! route refusing whoever may not use it, with nothing changed.

use betterstack_double::{Access, World};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::{
    support::{
        connections::{make_private, SOURCE},
        rest::{document, new_key, operations, rest},
        TestApp,
    },
    sync::connected,
};

fn world() -> World {
    World::default()
        .token_prefix("team_", Access::team("Ops"))
        .with_monitors("Ops", 3)
}

fn field_error<'a>(body: &'a Value, field: &str) -> Option<&'a str> {
    body["errors"]
        .as_array()?
        .iter()
        .find(|error| error["field"] == field)?["message"]
        .as_str()
}

#[tokio::test]
async fn credentials_are_saved_checked_first_listed_and_deleted_only_when_unused() {
    let (app, _double, admin, id) = connected(world()).await;
    let key = new_key(&admin, "Pipeline", "manage").await;
    let key = Some(key.as_str());

    // A token the source refuses is not saved, and the reason is on the token field.
    let (status, kind, body) = rest(
        &app,
        Method::POST,
        "/credentials",
        key,
        Some(json!({"source": SOURCE, "name": "Typo", "token": "nope_SECRET1"})),
    )
    .await;
    assert_eq!(
        (status, kind.as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "application/problem+json")
    );
    assert!(field_error(&body, "token").is_some(), "{body}");
    assert!(
        !body.to_string().contains("nope_SECRET1"),
        "the token is never answered back"
    );

    let (status, _, tile) = rest(
        &app,
        Method::POST,
        "/credentials",
        key,
        Some(json!({"source": SOURCE, "name": "Staging", "description": "from CI", "token": "team_SECRETwxyz"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{tile}");
    assert_eq!(tile["fingerprint"], "••••wxyz");
    assert_eq!(tile["status"], "Verified");
    assert!(!tile.to_string().contains("team_SECRETwxyz"));

    let (status, _, listed) = rest(
        &app,
        Method::GET,
        &format!("/credentials?source={SOURCE}"),
        key,
        None,
    )
    .await;
    assert_eq!(status, 200);
    let names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Staging", "Prod"], "newest first");

    // The connection's credential stays while the connection uses it.
    let used = listed[1]["id"].as_i64().unwrap();
    let (status, _, body) = rest(
        &app,
        Method::DELETE,
        &format!("/credentials/{SOURCE}/{used}"),
        key,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("used by 1 connection"),
        "{body}"
    );
    let page = format!("/connections/{SOURCE}/{id}");
    assert_eq!(rest(&app, Method::GET, &page, key, None).await.0, 200);

    let unused = tile["id"].as_i64().unwrap();
    let path = format!("/credentials/{SOURCE}/{unused}");
    assert_eq!(
        rest(&app, Method::DELETE, &path, key, None).await.0,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        rest(&app, Method::DELETE, &path, key, None).await.0,
        StatusCode::NOT_FOUND
    );

    // Someone else's credential is not found, as if it did not exist.
    let bo = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    let bo_key = new_key(&bo, "Bo's", "manage").await;
    let (status, _, _) = rest(
        &app,
        Method::DELETE,
        &format!("/credentials/{SOURCE}/{used}"),
        Some(&bo_key),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, _, bos) = rest(&app, Method::GET, "/credentials", Some(&bo_key), None).await;
    assert_eq!(bos, json!([]));
}

#[tokio::test]
async fn a_connection_is_created_renamed_swapped_shared_and_deleted_with_a_manage_key() {
    let (app, double, admin, _first) = connected(world()).await;
    let manage = new_key(&admin, "Pipeline", "manage").await;
    let key = Some(manage.as_str());
    let (_, _, tiles) = rest(&app, Method::GET, "/credentials", key, None).await;
    let credential = tiles[0]["id"].as_i64().unwrap();

    let (status, _, body) = rest(
        &app,
        Method::POST,
        "/connections",
        key,
        Some(json!({"source": SOURCE, "credential": credential, "name": " ", "privacy": "team"})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        field_error(&body, "name").is_some() && field_error(&body, "team").is_some(),
        "{body}"
    );

    let response = app
        .client
        .post(app.url("/api/v1/connections"))
        .bearer_auth(&manage)
        .json(&json!({"source": SOURCE, "credential": credential, "name": "Staging", "privacy": "private"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let created: Value = response.json().await.unwrap();
    let id = created["facts"]["id"].as_i64().unwrap();
    assert_eq!(location, format!("/api/v1/connections/{SOURCE}/{id}"));
    assert_eq!(
        (
            created["facts"]["name"].as_str(),
            created["facts"]["privacy"].as_str()
        ),
        (Some("Staging"), Some("private"))
    );
    let path = format!("/connections/{SOURCE}/{id}");

    // The list pages and filters: by a part of the name, privacy and status.
    for (query, names) in [
        ("", vec!["Staging", "Status"]),
        ("?name=STAG", vec!["Staging"]),
        ("?privacy=workspace", vec!["Status"]),
        ("?status=Verified&name=s", vec!["Staging", "Status"]),
        ("?status=Rejected", vec![]),
    ] {
        let (status, _, list) = rest(
            &app,
            Method::GET,
            &format!("/connections{query}"),
            key,
            None,
        )
        .await;
        assert_eq!(status, 200, "{query}: {list}");
        let listed: Vec<&str> = list["connections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            (listed.clone(), list["total"].as_u64()),
            (names.clone(), Some(names.len() as u64)),
            "{query}"
        );
    }

    let (status, _, renamed) = rest(
        &app,
        Method::PATCH,
        &path,
        key,
        Some(json!({"name": "Staging EU"})),
    )
    .await;
    assert_eq!(
        (status.as_u16(), renamed["facts"]["name"].as_str()),
        (200, Some("Staging EU"))
    );

    // A swap checked first: a token the source refuses changes nothing.
    let before = created["facts"]["credential"]["fingerprint"].clone();
    let (status, _, body) = rest(
        &app,
        Method::PUT,
        &format!("{path}/token"),
        key,
        Some(json!({"token": "nope_SECRET2"})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(field_error(&body, "token").is_some(), "{body}");
    let (_, _, now) = rest(&app, Method::GET, &path, key, None).await;
    assert_eq!(now["facts"]["credential"]["fingerprint"], before);
    let (status, _, swapped) = rest(
        &app,
        Method::PUT,
        &format!("{path}/token"),
        key,
        Some(json!({"token": "team_SECRETnew9", "new_credential": true})),
    )
    .await;
    assert_eq!(status, 200, "{swapped}");
    assert_eq!(swapped["facts"]["credential"]["fingerprint"], "••••new9");
    assert!(
        double
            .requests()
            .iter()
            .any(|r| r.bearer() == Some("team_SECRETnew9")),
        "checked with the source"
    );

    let (status, _, shared) = rest(
        &app,
        Method::PUT,
        &format!("{path}/privacy"),
        key,
        Some(json!({"privacy": "workspace"})),
    )
    .await;
    assert_eq!(status, 200, "{shared}");
    assert_eq!(shared["facts"]["privacy"], "workspace");

    let (status, _, history) = rest(&app, Method::GET, &format!("{path}/history"), key, None).await;
    assert_eq!(status, 200, "{history}");
    let kinds: Vec<&str> = history["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds.last(),
        Some(&"created"),
        "newest first, creation last: {kinds:?}"
    );
    assert!(kinds.len() >= 3, "{kinds:?}");
    assert_eq!(
        (history["page"].as_i64(), history["pages"].as_i64()),
        (Some(1), Some(1))
    );

    let (status, _, _) = rest(
        &app,
        Method::DELETE,
        &format!("{path}?delete_credential=true"),
        key,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(
        rest(&app, Method::GET, &path, key, None).await.0,
        StatusCode::NOT_FOUND
    );
    let (_, _, tiles) = rest(&app, Method::GET, "/credentials", key, None).await;
    assert!(
        tiles
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["fingerprint"] != "••••new9"),
        "its own credential went with it: {tiles}"
    );
}

/// What a refused request must leave untouched.
async fn snapshot(app: &TestApp) -> Vec<String> {
    let mut rows: Vec<String> = sqlx::query_scalar(
        "SELECT 'connection ' || id || ' ' || name || ' ' || privacy || ' ' || credential_id FROM connections
         UNION ALL SELECT 'credential ' || id || ' ' || name || ' ' || secret_last_four || ' ' || owner_id FROM credentials
         UNION ALL SELECT 'history ' || COUNT(*) FROM connection_events
         UNION ALL SELECT 'sync runs ' || COUNT(*) FROM sync_runs",
    )
    .fetch_all(&app.state.pool)
    .await
    .unwrap();
    rows.sort();
    rows
}

/// Every documented operation, with its path made concrete and a body it would accept.
async fn every_operation(
    app: &TestApp,
    connection: i64,
    credential: i64,
) -> Vec<(Method, String, Option<Value>)> {
    let mut every = Vec::new();
    for (method, path) in operations(&document(app).await) {
        let id = if path.starts_with("/credentials/") {
            credential
        } else {
            connection
        };
        let concrete = path
            .replace("{source}", SOURCE)
            .replace("{id}", &id.to_string())
            .replace("{kind}", "monitors");
        let body = match (method.as_str(), path.as_str()) {
            ("POST", "/credentials") => {
                Some(json!({"source": SOURCE, "name": "X", "token": "team_MATRIXabcd"}))
            }
            ("POST", "/connections") => Some(
                json!({"source": SOURCE, "credential": credential, "name": "X", "privacy": "workspace"}),
            ),
            ("PATCH", _) => Some(json!({"name": "Taken over"})),
            ("PUT", p) if p.ends_with("/token") => Some(json!({"token": "team_MATRIXefgh"})),
            ("PUT", p) if p.ends_with("/privacy") => {
                Some(json!({"privacy": "workspace", "confirm": true}))
            }
            _ => None,
        };
        every.push((
            Method::from_bytes(method.as_bytes()).unwrap(),
            concrete,
            body,
        ));
    }
    assert!(every.len() >= 16, "{every:?}");
    every
}

#[tokio::test]
async fn no_route_lets_a_missing_revoked_expired_read_or_other_users_key_see_or_change_anything() {
    let (app, _double, admin, id) = connected(world()).await;
    make_private(&app, id).await;
    let credential: i64 = sqlx::query_scalar("SELECT credential_id FROM connections WHERE id = ?")
        .bind(id)
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    let read = new_key(&admin, "Reader", "read").await;
    let revoked = new_key(&admin, "Revoked", "manage").await;
    let expired = new_key(&admin, "Expired", "manage").await;
    sqlx::query("UPDATE api_keys SET revoked_at = 1 WHERE name = 'Revoked'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE api_keys SET expires_at = 1 WHERE name = 'Expired'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let bo = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    let bos = new_key(&bo, "Bo's", "manage").await;
    let operations = every_operation(&app, id, credential).await;
    let before = snapshot(&app).await;

    for (method, path, body) in &operations {
        for (who, key) in [
            ("no key", None),
            ("a revoked key", Some(revoked.as_str())),
            ("an expired key", Some(expired.as_str())),
        ] {
            let (status, kind, _) = rest(&app, method.clone(), path, key, body.clone()).await;
            assert_eq!(
                (status.as_u16(), kind.as_str()),
                (401, "application/problem+json"),
                "{who}: {method} {path}"
            );
        }
        if *method != Method::GET {
            let (status, _, answer) =
                rest(&app, method.clone(), path, Some(&read), body.clone()).await;
            assert_eq!(
                status.as_u16(),
                403,
                "a Read key: {method} {path}: {answer}"
            );
            // Told before its body is read: what it sent does not matter.
            let junk = Some(json!([1]));
            let (status, _, _) = rest(&app, method.clone(), path, Some(&read), junk).await;
            assert_eq!(
                status.as_u16(),
                403,
                "a Read key, any body: {method} {path}"
            );
        }
        // Bo's Manage key: the Admin's Private connection and credential do not exist for him.
        let (status, _, answer) = rest(&app, method.clone(), path, Some(&bos), body.clone()).await;
        let reaches_them =
            path.contains(&format!("/{id}")) || path.contains(&format!("/{credential}"));
        if reaches_them {
            assert_eq!(status.as_u16(), 404, "Bo: {method} {path}: {answer}");
        } else if (method.as_str(), path.as_str()) == ("POST", "/connections") {
            assert_eq!(status.as_u16(), 422, "not his credential: {answer}");
        }
        assert!(
            !answer.to_string().contains("\"Status\""),
            "Bo sees the connection's name: {method} {path}"
        );
    }
    // Bo's own credential, made above, is the only change, and it is his.
    let after: Vec<String> = snapshot(&app)
        .await
        .into_iter()
        .filter(|row| !(row.starts_with("credential ") && row.contains(" X ")))
        .collect();
    assert_eq!(before, after, "a refused request changed something");
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_as_a_problem() {
    let (app, _double, admin, _id) = connected(world()).await;
    let key = new_key(&admin, "Big", "manage").await;
    let huge =
        json!({"source": SOURCE, "name": "x", "token": "team_".to_owned() + &"a".repeat(100_000)});
    let (status, kind, body) =
        rest(&app, Method::POST, "/credentials", Some(&key), Some(huge)).await;
    assert_eq!(
        (status.as_u16(), kind.as_str()),
        (413, "application/problem+json"),
        "{body}"
    );
    assert_eq!(body["type"], "/api/docs#problem-too-large");
    let (_, _, tiles) = rest(&app, Method::GET, "/credentials", Some(&key), None).await;
    assert_eq!(tiles.as_array().unwrap().len(), 1, "nothing was saved");
}
