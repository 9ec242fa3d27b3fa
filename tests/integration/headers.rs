//! What every response tells the browser: a Content-Security-Policy that lets the page's own
//! scripts (and only those) run, no framing, no sniffing, and no oversized bodies.

use plugboard::{
    api::session::{CreateWorkspace, GetViewer, SignIn},
    server::http::router::MAX_BODY_BYTES,
};

use crate::support::{TestApp, TestOptions};

fn header(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

#[tokio::test]
async fn a_page_allows_only_the_scripts_carrying_its_own_nonce() {
    let app = TestApp::spawn().await;
    let first = app.get("/setup").await;
    let policy = header(&first, "content-security-policy");
    let html = first.text().await.unwrap();
    let nonce = nonce_of(&policy);
    assert!(nonce.len() >= 16, "{nonce}");
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    // Every inline script of the page carries the nonce; none runs without it.
    let scripts = html.matches("<script").count();
    assert!(scripts > 0);
    assert_eq!(
        html.matches(&format!("nonce=\"{nonce}\"")).count(),
        scripts,
        "{html}"
    );
    let second = header(&app.get("/setup").await, "content-security-policy");
    assert_ne!(second, policy, "a fresh nonce for every page");
}

/// The nonce a page's policy names.
fn nonce_of(policy: &str) -> &str {
    policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap_or_else(|| panic!("a nonce in {policy}"))
}

// Many pages at once, signed in, the not-found page among them: each response's policy names
// the very nonce its own scripts carry (the policy is made before the page, not by it).
#[tokio::test]
async fn every_page_loaded_at_once_names_the_nonce_its_own_scripts_carry() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let pages = [
        "/",
        "/settings",
        "/settings/members",
        "/settings/teams",
        "/settings/connections/new",
        "/connections/betterstack-uptime",
        "/no/such/page",
    ];
    let mut loads = tokio::task::JoinSet::new();
    for i in 0..70 {
        let path = pages[i % pages.len()];
        let (client, url) = (admin.client.clone(), admin.base.join(path).unwrap());
        loads.spawn(async move {
            let response = client.get(url).send().await.unwrap();
            let policy = header(&response, "content-security-policy");
            (path, policy, response.text().await.unwrap())
        });
    }
    while let Some(load) = loads.join_next().await {
        let (path, policy, html) = load.unwrap();
        let nonce = nonce_of(&policy);
        let scripts = html.matches("<script").count();
        assert!(scripts > 0, "{path}: {html}");
        assert_eq!(
            html.matches(&format!("nonce=\"{nonce}\"")).count(),
            scripts,
            "{path}: {policy}"
        );
    }
}

#[tokio::test]
async fn other_responses_allow_nothing_and_none_may_be_sniffed_or_framed() {
    let app = TestApp::spawn().await;
    for path in ["/healthz", "/pkg/does-not-exist.js", "/setup"] {
        let response = app.get(path).await;
        assert_eq!(
            header(&response, "x-content-type-options"),
            "nosniff",
            "{path}"
        );
        assert_eq!(
            header(&response, "referrer-policy"),
            "same-origin",
            "{path}"
        );
        assert!(
            header(&response, "content-security-policy").contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert_eq!(
            header(&response, "strict-transport-security"),
            "",
            "plain http: {path}"
        );
    }
    assert!(
        header(&app.get("/healthz").await, "content-security-policy")
            .starts_with("default-src 'none'")
    );
}

#[tokio::test]
async fn over_https_browsers_are_told_to_stay_on_https() {
    let app = TestApp::spawn_with(TestOptions {
        public_url: Some("https://plugboard.example.com/".into()),
        ..TestOptions::default()
    })
    .await;
    let response = app.get("/healthz").await;
    assert!(header(&response, "strict-transport-security").starts_with("max-age=31536000"));
}

#[tokio::test]
async fn an_oversized_body_is_refused_before_it_is_read_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let huge = "a".repeat(MAX_BODY_BYTES + 1);
    let url = app.url(<CreateWorkspace as leptos::server_fn::ServerFn>::url());
    let response = app
        .client
        .post(&url)
        .form(&[
            ("workspace_name", huge.as_str()),
            ("name", "Ada"),
            ("email", "ada@acme.test"),
            ("password", "a long enough passphrase"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    assert!(
        !app.state.is_set_up().await.unwrap(),
        "no workspace was created"
    );
    // A body of ordinary size to the same kind of endpoint is read as usual.
    let sign_in = app
        .client
        .post(app.url(<SignIn as leptos::server_fn::ServerFn>::url()))
        .form(&[("email", "nobody@acme.test"), ("password", "wrong")])
        .send()
        .await
        .unwrap();
    assert_ne!(sign_in.status(), 413);
}

#[tokio::test]
async fn pages_and_server_function_answers_are_never_kept_by_a_cache_but_site_files_may_be() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    for path in ["/", "/settings/members", "/login", "/no/such/page"] {
        let reply = admin.get(path).await;
        assert_eq!(reply.headers["cache-control"], "no-store", "{path}");
    }
    let answer = admin.call::<GetViewer>(&[]).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.headers["cache-control"], "no-store");
    let refused = app.browser().call::<GetViewer>(&[]).await;
    assert_eq!(refused.headers["cache-control"], "no-store");
    let file = app.get("/favicon.svg").await;
    assert_ne!(header(&file, "cache-control"), "no-store");
}
