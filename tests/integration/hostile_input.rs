//! Thousands of generated hostile requests — malformed, oversized, wrong-typed and
//! injection-shaped — at every server function the app registers and at the pages and
//! downloads that take input from the URL. None may panic the server or answer 5xx; every
//! refusal is a 4xx with a message, and a refused request changes nothing that is stored.
//!
//! The cases come from proptest with a fixed seed, so a failure names a case that reproduces.

use leptos::server_fn::axum::server_fn_paths;
use plugboard::{api::session::SignOut, error::AppError};
use proptest::{
    collection::vec, prelude::*, sample::select, strategy::ValueTree, test_runner::TestRunner,
};
use reqwest::header;

use crate::support::{
    browser::Browser,
    connections::{app_with_double, create_connection, save_credential, usual_world, SOURCE},
    TestApp,
};

/// Field names the server functions read, so generated forms reach their parsing.
const FIELDS: &[&str] = &[
    "source",
    "id",
    "credential",
    "name",
    "description",
    "token",
    "how",
    "check",
    "privacy",
    "team",
    "team_id",
    "team_scope",
    "source_teams[]",
    "confirm",
    "confirm_name",
    "delete_credential",
    "member_id",
    "invite_id",
    "role",
    "email",
    "password",
    "workspace_name",
    "next",
    "return_to",
    "members[]",
    "leads[]",
    "teams[]",
    "page",
    "sort",
    "dir",
    "filter",
    "code",
    "link",
];

/// Values written to break things: injections, traversal, markup, odd numbers and encodings.
const NASTY: &[&str] = &[
    "' OR '1'='1",
    "1; DROP TABLE users; --",
    "\") UNION SELECT secret_ciphertext FROM credentials --",
    "../../../../etc/passwd",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "{{7*7}}${7*7}",
    "%00",
    "\u{0}",
    "\u{202e}gnp.exe",
    "-1",
    "0",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "1e309",
    "NaN",
    "0x10",
    "true",
    "null",
    "[]",
    "{}",
    "betterstack-uptime",
    "betterstack-uptime/../..",
    "team",
    "private",
    "admin",
    "yes",
    "Bearer team_x",
    "a@b",
    " ",
    "",
];

#[derive(Debug, Clone)]
enum Body {
    Form(Vec<(String, String)>),
    Raw {
        content_type: &'static str,
        bytes: Vec<u8>,
    },
}

#[derive(Debug, Clone)]
struct Case {
    endpoint: usize,
    body: Body,
    /// Ask for JSON (the hydrated app) or HTML (a form without JavaScript).
    json: bool,
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        9 => short_value(),
        // Bigger than the body limit, or nearly so.
        1 => select(&[200usize, 5_000, 70_000][..]).prop_map(|n| "A".repeat(n)),
    ]
}

/// Values that fit in a URL (servers refuse request heads beyond a few kilobytes).
fn short_value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(NASTY).prop_map(str::to_owned),
        2 => any::<i64>().prop_map(|n| n.to_string()),
        1 => any::<f64>().prop_map(|n| n.to_string()),
        3 => vec(any::<char>(), 0..120).prop_map(|chars| chars.into_iter().collect()),
        1 => Just("B".repeat(1_000)),
    ]
}

fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => select(FIELDS).prop_map(str::to_owned),
        1 => vec(any::<char>(), 0..12).prop_map(|chars| chars.into_iter().collect()),
    ]
}

fn body() -> impl Strategy<Value = Body> {
    prop_oneof![
        6 => vec((field(), value()), 0..8).prop_map(Body::Form),
        1 => (
            select(&[
                "application/x-www-form-urlencoded",
                "application/json",
                "text/plain",
                "multipart/form-data; boundary=x",
                "application/cbor",
            ][..]),
            prop_oneof![
                vec(any::<u8>(), 0..600),
                select(&["%ZZ=%", "id=%FF%FE&source=%C0%AF", "{\"id\":", "[1,2", "a=1&a=2&a[]=3"][..])
                    .prop_map(|s| s.as_bytes().to_vec()),
            ],
        )
            .prop_map(|(content_type, bytes)| Body::Raw { content_type, bytes }),
    ]
}

fn cases(endpoints: usize, count: usize) -> Vec<Case> {
    let mut runner = TestRunner::deterministic();
    let strategy = (0..endpoints, body(), any::<bool>()).prop_map(|(endpoint, body, json)| Case {
        endpoint,
        body,
        json,
    });
    (0..count)
        .map(|_| strategy.new_tree(&mut runner).unwrap().current())
        .collect()
}

/// Every row of every table whose contents a refused request must not touch. Left out: the
/// sessions, failed sign-ins (counting them is their purpose), and the History entries that
/// record attempts (`denied`, `checked`).
async fn stored(app: &TestApp) -> Vec<String> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT IN ('user_sessions', 'sign_in_attempts', '_sqlx_migrations') ORDER BY name",
    )
    .fetch_all(&app.state.pool)
    .await
    .unwrap();
    let mut rows = Vec::new();
    for table in tables {
        let columns: Vec<String> =
            sqlx::query_scalar(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .fetch_all(&app.state.pool)
                .await
                .unwrap();
        let row = columns
            .iter()
            .map(|c| format!("quote(\"{c}\")"))
            .collect::<Vec<_>>()
            .join(" || '|' || ");
        let filter = if table == "connection_events" {
            "WHERE kind NOT IN ('denied', 'checked')"
        } else {
            ""
        };
        let mut table_rows: Vec<String> = sqlx::query_scalar(&format!(
            "SELECT '{table}:' || {row} FROM \"{table}\" {filter}"
        ))
        .fetch_all(&app.state.pool)
        .await
        .unwrap();
        rows.append(&mut table_rows);
    }
    rows
}

async fn send(browser: &Browser, path: &str, case: &Case) -> (u16, String) {
    let accept = if case.json {
        "application/json"
    } else {
        "text/html"
    };
    let request = browser
        .client
        .post(browser.base.join(path).unwrap())
        .header(header::ACCEPT, accept)
        .header("sec-fetch-site", "same-origin");
    let request = match &case.body {
        Body::Form(pairs) => request.form(pairs),
        Body::Raw {
            content_type,
            bytes,
        } => request
            .header(header::CONTENT_TYPE, *content_type)
            .body(bytes.clone()),
    };
    let response = request
        .send()
        .await
        .unwrap_or_else(|e| panic!("{path} dropped the connection ({e}) on {case:?}"));
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

/// A refusal people can read: our error's words, or the body limit's own message.
fn says_why(status: u16, body: &str) -> bool {
    match serde_json::from_str::<AppError>(body) {
        Ok(error) => !error.to_string().trim().is_empty(),
        Err(_) => status == 413 && body.contains("length limit") || body.trim().len() > 10,
    }
}

#[tokio::test]
async fn thousands_of_hostile_requests_get_a_4xx_with_a_reason_and_change_nothing() {
    let (app, _double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Prod", "team_hostileToken00001").await;
    create_connection(&app, &admin, tile.id, "Status", "workspace", None).await;
    app.state.syncs.wait_idle().await;

    // Signing out would end the test's own session; it is covered by the authorization test.
    let sign_out = <SignOut as leptos::server_fn::ServerFn>::url();
    let mut endpoints: Vec<&'static str> = server_fn_paths()
        .map(|(path, _)| path)
        .filter(|path| *path != sign_out)
        .collect();
    endpoints.sort();
    assert!(endpoints.len() >= 30, "{endpoints:?}");

    let cases = cases(endpoints.len(), 3000);
    let (mut refused, mut accepted) = (0, 0);
    let mut before = stored(&app).await;
    for case in &cases {
        let path = endpoints[case.endpoint];
        let (status, body) = send(&admin, path, case).await;
        assert!(status < 500, "{path} answered {status} to {case:?}: {body}");
        let after = stored(&app).await;
        if (400..500).contains(&status) {
            refused += 1;
            assert!(
                says_why(status, &body),
                "{path} {status} without a reason: {body:?}"
            );
            assert!(
                before == after,
                "{path} refused {case:?} with {status} but changed what is stored"
            );
        } else {
            // Well-formed input that happens to look hostile is stored as typed, never run.
            accepted += 1;
        }
        before = after;
    }
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(integrity, "ok");
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert!(users >= 1, "the users table survived");
    // Readers ignore fields they do not take, so many cases are answered; each kind of
    // refusal must still have happened.
    assert!(refused > 1000, "{refused} refused, {accepted} accepted");
    eprintln!(
        "{} cases: {refused} refused with a reason, {accepted} accepted",
        cases.len()
    );
}

#[tokio::test]
async fn pages_and_downloads_answer_hostile_urls_without_a_server_error() {
    let (app, _double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Prod", "team_hostileToken00002").await;
    let id = create_connection(&app, &admin, tile.id, "Status", "workspace", None).await;
    let mut runner = TestRunner::deterministic();
    let strategy = (
        select(
            &[
                "/connections/{source}",
                "/connections/{source}/{id}",
                "/connections/{source}/{id}/monitors.csv",
                "/connections/{source}/{id}/incidents.json",
                "/settings/connections/new",
                "/settings/connections/new/credential",
                "/settings/teams/{id}",
                "/join/{id}",
                "/reset-password/{id}",
            ][..],
        ),
        short_value(),
        short_value(),
        vec((field(), short_value()), 0..5),
    );
    let before = stored(&app).await;
    for _ in 0..600 {
        let (template, source, other, query) = strategy.new_tree(&mut runner).unwrap().current();
        let source = if source.len() % 2 == 0 {
            SOURCE.to_owned()
        } else {
            source
        };
        let other = if other.len() % 3 == 0 {
            id.to_string()
        } else {
            other
        };
        let mut url = browser_url(&admin, template, &source, &other);
        url.query_pairs_mut()
            .extend_pairs(query.iter().map(|(k, v)| (k, v)));
        let response = admin
            .client
            .get(url.clone())
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {url} dropped the connection: {e:?}"));
        let status = response.status().as_u16();
        assert!(status < 500, "GET {url} answered {status}");
    }
    assert!(
        before == stored(&app).await,
        "reading pages changed what is stored"
    );
}

fn browser_url(browser: &Browser, template: &str, source: &str, other: &str) -> reqwest::Url {
    let mut url = browser.base.clone();
    let segments: Vec<String> = template
        .trim_start_matches('/')
        .split('/')
        .map(|part| part.replace("{source}", source).replace("{id}", other))
        .collect();
    url.path_segments_mut().unwrap().clear().extend(&segments);
    url
}
