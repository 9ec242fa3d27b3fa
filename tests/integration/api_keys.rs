//! Personal API keys and the REST API they open: a key acts as its owner as they are now,
//! Read keys only read, and every failure to authenticate is the same 401.

use betterstack_double::{Access, World};
use plugboard::{
    api::api_keys::{CreateApiKey, ListApiKeys, RevokeApiKey},
    domain::limits::MAX_FAILED_KEY_CHECKS_PER_MINUTE,
    wire::{api_keys::ApiKeysOverview, connections::SourceConnections},
};
use reqwest::{Method, StatusCode};

use crate::{
    support::{
        browser::Browser,
        connections::{make_private, SOURCE},
        rest::{new_key, rest},
        TestApp, TestOptions,
    },
    sync::connected,
};

fn world() -> World {
    World::default()
        .token_prefix("team_", Access::team("Ops"))
        .with_monitors("Ops", 5)
        .with_incidents("Ops", "2026-11-20", 2)
}

async fn keys(browser: &Browser) -> ApiKeysOverview {
    let reply = browser.call::<ListApiKeys>(&[]).await;
    assert_eq!(reply.status, 200, "{reply:?}");
    serde_json::from_str(&reply.body).unwrap()
}

#[tokio::test]
async fn a_key_is_shown_once_stored_as_a_hash_listed_and_revocable() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let key = new_key(&admin, "CI", "read").await;
    let listed = keys(&admin).await;
    assert_eq!(listed.keys.len(), 1);
    let info = &listed.keys[0];
    assert_eq!(
        (info.name.as_str(), info.prefix.as_str()),
        ("CI", &key[..11])
    );
    assert!(info.last_used.is_none());
    assert!(!serde_json::to_string(&listed).unwrap().contains(&key));

    let stored: Vec<Vec<u8>> = sqlx::query_scalar("SELECT digest FROM api_keys")
        .fetch_all(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], key.as_bytes(), "only a digest is kept");

    let (status, _, _) = rest(&app, Method::GET, "/sources", Some(&key), None).await;
    assert_eq!(status, 200);
    assert!(keys(&admin).await.keys[0].last_used.is_some());

    let id = info.id.to_string();
    assert_eq!(
        admin.call::<RevokeApiKey>(&[("key_id", &id)]).await.status,
        200
    );
    let (status, kind, body) = rest(&app, Method::GET, "/sources", Some(&key), None).await;
    assert_eq!(status, 401);
    assert_eq!(kind, "application/problem+json");
    assert_eq!(body["type"], "/api/docs#problem-unauthenticated");
    assert!(keys(&admin).await.keys.is_empty());
}

#[tokio::test]
async fn a_key_form_reports_every_problem_inline() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let reply = admin
        .call::<CreateApiKey>(&[("name", " "), ("scope", ""), ("expires", "7")])
        .await;
    assert_eq!(reply.status, 400, "{reply:?}");
    for field in [
        "Name is required.",
        "Choose a Scope",
        "Choose when the key expires.",
    ] {
        assert!(reply.body.contains(field), "{field} in {}", reply.body);
    }
}

#[tokio::test]
async fn without_a_valid_key_every_route_answers_401_and_nothing_more() {
    let (app, _double, admin, id) = connected(world()).await;
    let key = new_key(&admin, "Script", "manage").await;
    let routes = [
        (Method::GET, "/sources".to_owned()),
        (Method::GET, "/connections".to_owned()),
        (Method::GET, format!("/connections/{SOURCE}/{id}")),
        (Method::PATCH, format!("/connections/{SOURCE}/{id}")),
        (Method::POST, format!("/connections/{SOURCE}/{id}/test")),
        (Method::GET, format!("/connections/{SOURCE}/{id}/sync")),
        (Method::POST, format!("/connections/{SOURCE}/{id}/sync")),
        (
            Method::GET,
            format!("/connections/{SOURCE}/{id}/records/monitors"),
        ),
    ];
    let forged = format!("pb_{}", "A".repeat(43));
    for (method, path) in &routes {
        for bad in [
            None,
            Some("nonsense"),
            Some(forged.as_str()),
            Some(&key[..45]),
        ] {
            let (status, kind, body) = rest(
                &app,
                method.clone(),
                path,
                bad,
                Some(serde_json::json!({"name": "X"})),
            )
            .await;
            assert_eq!(status, 401, "{method} {path} with {bad:?}");
            assert_eq!(kind, "application/problem+json");
            assert_eq!(body["status"], 401);
        }
    }
    // Nothing changed: the connection keeps its name.
    let (status, _, detail) = rest(&app, Method::GET, &routes[2].1, Some(&key), None).await;
    assert_eq!(status, 200);
    assert_eq!(detail["facts"]["name"], "Status");
}

#[tokio::test]
async fn a_client_that_keeps_failing_the_key_check_is_told_to_wait() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let key = new_key(&admin, "Script", "read").await;
    // The count is per minute: start where all of it fits in one.
    let second = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        % 60;
    if second > 45 {
        tokio::time::sleep(std::time::Duration::from_secs(61 - second)).await;
    }
    let forged = format!("pb_{}", "A".repeat(43));
    let send = |key: String| {
        app.client
            .get(app.url("/api/v1/sources"))
            .bearer_auth(key)
            .send()
    };
    for n in 0..MAX_FAILED_KEY_CHECKS_PER_MINUTE {
        let status = send(forged.clone()).await.unwrap().status();
        assert_eq!(status, 401, "failure {n} is still checked");
    }
    let refused = send(forged).await.unwrap();
    assert_eq!(refused.status(), 429);
    let wait: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    // Until the minute ends no key of this client is looked up, its real one included.
    assert_eq!(send(key).await.unwrap().status(), 429);
}

#[tokio::test]
async fn a_read_key_reads_and_only_a_manage_key_changes() {
    let (app, _double, admin, id) = connected(world()).await;
    let read = new_key(&admin, "Reader", "read").await;
    let manage = new_key(&admin, "Manager", "manage").await;
    let path = format!("/connections/{SOURCE}/{id}");
    let rename = Some(serde_json::json!({"name": "Renamed by API"}));

    let (status, _, body) = rest(&app, Method::PATCH, &path, Some(&read), rename.clone()).await;
    assert_eq!(
        (status, body["type"].as_str()),
        (StatusCode::FORBIDDEN, Some("/api/docs#problem-forbidden"))
    );
    let (status, _, _) = rest(
        &app,
        Method::POST,
        &format!("{path}/sync"),
        Some(&read),
        None,
    )
    .await;
    assert_eq!(status, 403);

    let (status, _, body) = rest(&app, Method::PATCH, &path, Some(&manage), rename).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["facts"]["name"], "Renamed by API");
    let (status, _, body) = rest(
        &app,
        Method::PATCH,
        &path,
        Some(&manage),
        Some(serde_json::json!({"name": ""})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["field"], "name");

    let (status, _, list) = rest(&app, Method::GET, "/connections", Some(&read), None).await;
    assert_eq!(status, 200);
    let list: SourceConnections = serde_json::from_value(list).unwrap();
    assert_eq!(list.connections[0].name, "Renamed by API");
    let (status, _, table) = rest(
        &app,
        Method::GET,
        &format!("{path}/records/monitors?sort=name&dir=desc"),
        Some(&read),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert!(table["total"].as_i64().unwrap() > 0);
    let (status, _, _) = rest(
        &app,
        Method::GET,
        &format!("{path}/records/users"),
        Some(&read),
        None,
    )
    .await;
    assert_eq!(status, 404);
    let (status, kind, _) = rest(&app, Method::GET, "/no-such-route", Some(&read), None).await;
    assert_eq!(
        (status.as_u16(), kind.as_str()),
        (404, "application/problem+json")
    );
}

#[tokio::test]
async fn a_key_acts_as_its_owner_as_they_are_now() {
    let (app, _double, admin, id) = connected(world()).await;
    let bo = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    let bo_key = new_key(&bo, "Bo's script", "read").await;
    let path = format!("/connections/{SOURCE}/{id}");
    assert_eq!(
        rest(&app, Method::GET, &path, Some(&bo_key), None).await.0,
        200
    );

    // Narrowed privacy: Bo's key no longer sees it, exactly as if it did not exist.
    make_private(&app, id).await;
    let (status, _, body) = rest(&app, Method::GET, &path, Some(&bo_key), None).await;
    assert_eq!(status, 404);
    assert_eq!(body["type"], "/api/docs#problem-not-found");
    let missing = format!("/connections/{SOURCE}/999999");
    assert_eq!(
        rest(&app, Method::GET, &missing, Some(&bo_key), None)
            .await
            .0,
        404
    );

    // Bo cannot revoke the Admin's key; the Admin sees and revokes Bo's.
    let admin_key = new_key(&admin, "Admin's", "manage").await;
    let admin_key_id = keys(&admin)
        .await
        .keys
        .iter()
        .find(|k| admin_key.starts_with(&k.prefix) && k.name == "Admin's")
        .unwrap()
        .id
        .to_string();
    assert_eq!(
        bo.call::<RevokeApiKey>(&[("key_id", &admin_key_id)])
            .await
            .status,
        404
    );
    let everyone = keys(&admin).await;
    assert!(everyone.everyones && everyone.keys.iter().any(|k| k.owner == "Bo"));
    assert_eq!(
        keys(&bo).await.keys.len(),
        1,
        "a member sees only their own"
    );

    // A removed owner's key stops working at once.
    let bo_id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = 'bo@acme.test'")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE users SET removed_at = 1 WHERE id = ?")
        .bind(bo_id)
        .execute(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(
        rest(&app, Method::GET, "/sources", Some(&bo_key), None)
            .await
            .0,
        401
    );
}

#[tokio::test]
async fn an_expired_key_is_refused_and_a_busy_key_is_told_when_to_retry() {
    let app = TestApp::spawn_with(TestOptions {
        api_rate_per_minute: Some(3),
        ..TestOptions::default()
    })
    .await;
    let admin = app.create_admin("ada@acme.test").await;
    let key = new_key(&admin, "Fast", "read").await;
    let mut statuses = Vec::new();
    for _ in 0..4 {
        let response = app
            .client
            .get(app.url("/api/v1/sources"))
            .bearer_auth(&key)
            .send()
            .await
            .unwrap();
        statuses.push((
            response.status().as_u16(),
            response.headers().get("retry-after").is_some(),
        ));
    }
    // The minute may turn during the loop; then the count starts again.
    assert!(
        statuses.contains(&(429, true)) || statuses.iter().all(|s| s.0 == 200),
        "{statuses:?}"
    );
    assert!(
        statuses.iter().take(3).filter(|s| s.0 == 200).count() >= 2,
        "{statuses:?}"
    );

    let old = new_key(&admin, "Old", "read").await;
    sqlx::query("UPDATE api_keys SET expires_at = 1 WHERE name = 'Old'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(
        rest(&app, Method::GET, "/sources", Some(&old), None)
            .await
            .0,
        401
    );
    let listed = keys(&admin).await;
    assert!(
        listed
            .keys
            .iter()
            .find(|k| k.name == "Old")
            .unwrap()
            .expired
    );
}

#[tokio::test]
async fn the_api_keys_page_shows_a_new_key_once_without_javascript() {
    let (app, _double, admin, _id) = connected(world()).await;
    let reply = admin
        .submit::<CreateApiKey>(
            "/settings/api-keys",
            &[("name", "Deploy"), ("scope", "manage"), ("expires", "30")],
        )
        .await;
    assert!(reply.location.is_some(), "{reply:?}");
    let page = admin.get("/settings/api-keys").await.body;
    assert!(page.contains("Your new key"), "{page}");
    let key_start = page.find("value=\"pb_").expect("the key is shown") + 7;
    let key = &page[key_start..key_start + 46];
    assert_eq!(
        rest(&app, Method::GET, "/sources", Some(key), None).await.0,
        200
    );
    let again = admin.get("/settings/api-keys").await.body;
    assert!(!again.contains(key), "shown once");
    assert!(again.contains(&key[..11]) && again.contains("Deploy"));
}
