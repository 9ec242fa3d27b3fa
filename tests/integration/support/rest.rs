//! Calls to the REST API as a script would make them, with a key made as a person would.

use plugboard::{api::api_keys::CreateApiKey, wire::api_keys::CreatedApiKey};
use reqwest::{Method, StatusCode};
use serde_json::Value;

use super::{browser::Browser, TestApp};

/// A new key of `scope` (read or manage) for the user signed in on `browser`.
pub async fn new_key(browser: &Browser, name: &str, scope: &str) -> String {
    let reply = browser
        .call::<CreateApiKey>(&[("name", name), ("scope", scope), ("expires", "never")])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    let created: CreatedApiKey = serde_json::from_str(&reply.body).unwrap();
    assert!(created.key.starts_with("pb_") && created.key.len() == 46);
    created.key
}

/// A request to the REST API with `key` (or none): status, content type and JSON body.
pub async fn rest(
    app: &TestApp,
    method: Method,
    path: &str,
    key: Option<&str>,
    body: Option<Value>,
) -> (StatusCode, String, Value) {
    let mut request = app
        .client
        .request(method, app.url(&format!("/api/v1{path}")));
    if let Some(key) = key {
        request = request.bearer_auth(key);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("request");
    let status = response.status();
    let kind = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let text = response.text().await.unwrap();
    (
        status,
        kind,
        serde_json::from_str(&text).unwrap_or(Value::Null),
    )
}

/// The served OpenAPI document.
pub async fn document(app: &TestApp) -> Value {
    let response = app.get("/api/v1/openapi.json").await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// Every operation the document lists, as (method, path), the method in capitals.
pub fn operations(document: &Value) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (path, item) in document["paths"].as_object().unwrap() {
        for method in ["get", "post", "patch", "put", "delete"] {
            if item.get(method).is_some() {
                found.push((method.to_uppercase(), path.clone()));
            }
        }
    }
    found
}
