//! The REST API's OpenAPI document: generated from the handlers, served, and complete.

use reqwest::Method;
use serde_json::Value;

use crate::support::{
    rest::{document, operations},
    TestApp,
};

#[tokio::test]
async fn the_document_is_openapi_3_1_and_names_every_route() {
    let app = TestApp::spawn().await;
    let document = document(&app).await;
    assert!(document["openapi"].as_str().unwrap().starts_with("3.1"));
    assert_eq!(document["servers"][0]["url"], "/api/v1");
    assert_eq!(
        document["components"]["securitySchemes"]["api_key"]["scheme"],
        "bearer"
    );
    let listed = operations(&document);
    let expected = [
        ("GET", "/sources"),
        ("GET", "/credentials"),
        ("POST", "/credentials"),
        ("DELETE", "/credentials/{source}/{id}"),
        ("GET", "/connections"),
        ("POST", "/connections"),
        ("GET", "/connections/{source}/{id}"),
        ("PATCH", "/connections/{source}/{id}"),
        ("DELETE", "/connections/{source}/{id}"),
        ("GET", "/connections/{source}/{id}/history"),
        ("PUT", "/connections/{source}/{id}/token"),
        ("PUT", "/connections/{source}/{id}/privacy"),
        ("POST", "/connections/{source}/{id}/test"),
        ("GET", "/connections/{source}/{id}/sync"),
        ("POST", "/connections/{source}/{id}/sync"),
        ("GET", "/connections/{source}/{id}/records/{kind}"),
    ];
    for (method, path) in expected {
        assert!(
            listed.contains(&(method.to_owned(), path.to_owned())),
            "{method} {path} is in the document: {listed:?}"
        );
    }
    assert_eq!(listed.len(), expected.len(), "{listed:?}");

    // Every documented operation is served: without a key it answers 401, never 404 or 405.
    for (method, path) in listed {
        let concrete = path
            .replace("{source}", "betterstack-uptime")
            .replace("{id}", "1")
            .replace("{kind}", "monitors");
        let response = app
            .client
            .request(
                Method::from_bytes(method.as_bytes()).unwrap(),
                app.url(&format!("/api/v1{concrete}")),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401, "{method} {path}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["type"], "/api/docs#problem-unauthenticated");
    }
    // A method a path does not take is a problem too.
    let response = app
        .client
        .delete(app.url("/api/v1/sources"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
}

#[tokio::test]
async fn the_docs_page_reads_without_script_or_network() {
    let app = TestApp::spawn().await;
    let response = app.get("/api/docs").await;
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert!(!page.contains("<script"), "no script");
    assert!(!page.contains("https://"), "nothing fetched from elsewhere");
    for needle in [
        "GET /api/v1/connections/{source}/{id}/records/{kind}",
        "PATCH /api/v1/connections/{source}/{id}",
        "id=\"problem-unauthenticated\"",
        "id=\"problem-rate-limited\"",
        "/api/v1/openapi.json",
    ] {
        assert!(page.contains(needle), "{needle}");
    }
}

/// Every `/api/v1` route is documented because the only way to add one is a handler with
/// `#[utoipa::path]` passed to `routes!`, which puts it in the document too. This fails when
/// a route is added any other way: a plain `.route`, a nested or merged router.
#[test]
fn no_route_of_the_api_can_be_added_without_its_document() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/server/http");
    let mut files = vec![root.join("rest.rs")];
    for entry in std::fs::read_dir(root.join("rest")).unwrap() {
        files.push(entry.unwrap().path());
    }
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        let plain_routes: Vec<&str> = source
            .lines()
            .filter(|line| line.contains(".route(") || line.contains(".route_service("))
            .collect();
        let allowed = ["        .route(\"/openapi.json\", get(openapi_json))"];
        for line in plain_routes {
            assert!(
                allowed.contains(&line),
                "{}: a route outside routes!: {line}",
                file.display()
            );
        }
        for way_around in [".nest(", ".merge(", "Router::new("] {
            assert!(
                !source.contains(way_around),
                "{}: {way_around} adds routes the document does not see",
                file.display()
            );
        }
    }
    let router = std::fs::read_to_string(root.join("router.rs")).unwrap();
    assert_eq!(
        router.matches("/api/v1").count(),
        1,
        "the API is nested once, from rest::router, and nothing else is added under it"
    );
}
