use std::{
    collections::BTreeMap,
    sync::{Arc, Mutex},
};

use axum::{
    extract::{Query, State},
    http::{header, HeaderMap, Method, StatusCode, Uri},
    response::{IntoResponse, Response},
    routing::{get, post},
    Json, Router,
};
use serde_json::{json, Value};

use crate::{
    access::Access,
    summaries::Summary,
    world::{Collection, RecordedRequest, World},
};

const INVALID_TOKEN: &str = "Invalid Team API token. How to find your Team API token: https://betterstack.com/docs/uptime/api/getting-started-with-uptime-api/#get-an-uptime-api-token";
const SEE_DOCS: &str = "https://betterstack.com/docs/uptime/api/getting-started-with-uptime-api/";

#[derive(Clone)]
struct Shared {
    world: Arc<Mutex<World>>,
    base: String,
}

pub fn router(world: Arc<Mutex<World>>, base: String) -> Router {
    Router::new()
        // The double's own controls, for end-to-end tests that cannot call the library.
        .route("/__double/health", get(|| async { "ok" }))
        .route("/__double/requests", get(requests))
        .route("/__double/revoke", post(revoke))
        .route("/__double/resolve", post(resolve))
        .route("/__double/delete", post(delete))
        .route("/__double/after-page", post(after_page))
        .fallback(api)
        .with_state(Shared { world, base })
}

async fn requests(State(shared): State<Shared>) -> Json<Vec<RecordedRequest>> {
    Json(shared.world.lock().unwrap().requests.clone())
}

async fn revoke(
    State(shared): State<Shared>,
    Query(params): Query<BTreeMap<String, String>>,
) -> StatusCode {
    let mut world = shared.world.lock().unwrap();
    match params.get("token") {
        Some(token) => {
            world.revoke(token);
            StatusCode::NO_CONTENT
        }
        None => StatusCode::BAD_REQUEST,
    }
}

/// Resolves the incidents `ids` (comma-separated) now, as someone would in Better Stack.
async fn resolve(
    State(shared): State<Shared>,
    Query(params): Query<BTreeMap<String, String>>,
) -> StatusCode {
    let Some(ids) = params.get("ids") else {
        return StatusCode::BAD_REQUEST;
    };
    let ids: Vec<&str> = ids.split(',').map(str::trim).collect();
    shared.world.lock().unwrap().resolve(&ids);
    StatusCode::NO_CONTENT
}

/// Deletes record `id` of `collection` (the last part of its path: `monitors`, `incidents`…).
async fn delete(
    State(shared): State<Shared>,
    Query(params): Query<BTreeMap<String, String>>,
) -> StatusCode {
    let (Some(collection), Some(id)) = (
        params
            .get("collection")
            .and_then(|key| Collection::from_key(key)),
        params.get("id"),
    ) else {
        return StatusCode::BAD_REQUEST;
    };
    let mut world = shared.world.lock().unwrap();
    let items = world.data.entry(collection).or_default();
    let before = items.len();
    items.retain(|item| item["id"] != id.as_str());
    if items.len() < before {
        StatusCode::NO_CONTENT
    } else {
        StatusCode::NOT_FOUND
    }
}

/// Changes `collection` right after its page `page` is next served: `change` is
/// `delete-first` (its first record is deleted) or `add-first` (a new first monitor).
async fn after_page(
    State(shared): State<Shared>,
    Query(params): Query<BTreeMap<String, String>>,
) -> StatusCode {
    let collection = params
        .get("collection")
        .and_then(|key| Collection::from_key(key));
    let page = params.get("page").and_then(|page| page.parse().ok());
    let (Some(collection), Some(page)) = (collection, page) else {
        return StatusCode::BAD_REQUEST;
    };
    let mut world = shared.world.lock().unwrap();
    match params.get("change").map(String::as_str) {
        Some("delete-first") => world.after_page(collection, page, |items| {
            if !items.is_empty() {
                items.remove(0);
            }
        }),
        Some("add-first") if collection == Collection::Monitors => {
            let n = 90_000 + world.items(collection).len();
            world.after_page(collection, page, move |items| {
                items.insert(0, crate::fixtures::monitor(n, "Ops"));
            })
        }
        _ => return StatusCode::BAD_REQUEST,
    }
    StatusCode::NO_CONTENT
}

/// Every API request: route first (unknown routes are 404 even without a token), then the
/// token, then the data.
async fn api(
    State(shared): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    Query(params): Query<BTreeMap<String, String>>,
) -> Response {
    let arrived_ms = shared.world.lock().unwrap().now_ms();
    let authorization = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let target = (method == Method::GET).then(|| route(uri.path())).flatten();
    let response = match target {
        None => not_found(&method, uri.path()),
        Some(target) => {
            answer(
                &shared,
                uri.path(),
                target,
                authorization.as_deref(),
                &params,
            )
            .await
        }
    };
    shared.world.lock().unwrap().requests.push(RecordedRequest {
        arrived_ms,
        method: method.to_string(),
        path: uri.path().to_owned(),
        query: uri.query().unwrap_or_default().to_owned(),
        authorization,
        status: response.status().as_u16(),
    });
    response
}

/// What a path asks for: a list, one of its records (`/api/v2/monitors/{id}`), or a summary
/// of one (`/api/v2/monitors/{id}/sla`).
#[derive(Clone, Copy)]
struct Target<'a> {
    collection: Collection,
    id: Option<&'a str>,
    summary: Option<Summary>,
}

fn route(path: &str) -> Option<Target<'_>> {
    Collection::ALL.into_iter().find_map(|collection| {
        let rest = path.strip_prefix(collection.path())?;
        let target = |id, summary| Target {
            collection,
            id,
            summary,
        };
        match rest.strip_prefix('/') {
            None if rest.is_empty() => Some(target(None, None)),
            Some(id) if !id.is_empty() && !id.contains('/') => Some(target(Some(id), None)),
            Some(id_and_more) => {
                let (id, more) = id_and_more.split_once('/')?;
                let summary = Summary::of(collection, more)?;
                (!id.is_empty()).then(|| target(Some(id), Some(summary)))
            }
            _ => None,
        }
    })
}

fn not_found(method: &Method, path: &str) -> Response {
    let body = json!({ "errors": format!("Endpoint {method} {path} does not exist."), "see_docs": SEE_DOCS });
    (StatusCode::NOT_FOUND, Json(body)).into_response()
}

fn error(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "errors": message }))).into_response()
}

async fn answer(
    shared: &Shared,
    path: &str,
    target: Target<'_>,
    authorization: Option<&str>,
    params: &BTreeMap<String, String>,
) -> Response {
    let collection = target.collection;
    // A failing path fails itself, and a failing list its records too.
    let failing = {
        let world = shared.world.lock().unwrap();
        let failing = &world.failing_paths;
        failing
            .get(path)
            .or_else(|| failing.get(collection.path()))
            .copied()
    };
    if let Some(status) = failing {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
        return (
            status,
            Json(json!({ "errors": { "base": ["This list cannot be read right now."] } })),
        )
            .into_response();
    }
    let Some(token) = authorization.and_then(|value| value.strip_prefix("Bearer ")) else {
        return error(StatusCode::UNAUTHORIZED, INVALID_TOKEN);
    };
    let access = shared.world.lock().unwrap().access_of(token);
    let mut access = match access {
        Some(access) => access,
        None => return error(StatusCode::UNAUTHORIZED, INVALID_TOKEN),
    };
    loop {
        match access {
            Access::Slow { delay, then } => {
                tokio::time::sleep(delay).await;
                access = *then;
            }
            Access::RateLimitedEveryOther {
                retry_after_secs,
                then,
            } => {
                let count = {
                    let mut world = shared.world.lock().unwrap();
                    let seen = world.seen_per_token.entry(token.to_owned()).or_default();
                    *seen += 1;
                    *seen
                };
                if count % 2 == 0 {
                    return throttled(retry_after_secs);
                }
                access = *then;
            }
            Access::RateLimited { retry_after_secs } => return throttled(retry_after_secs),
            Access::RateLimitedUntil { secs_from_now } => {
                let until =
                    std::time::SystemTime::now() + std::time::Duration::from_secs(secs_from_now);
                let mut response = error(StatusCode::TOO_MANY_REQUESTS, "Too many requests");
                let date = httpdate::fmt_http_date(until);
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, date.parse().expect("an HTTP date"));
                return response;
            }
            Access::RateLimitedSilently => {
                return error(StatusCode::TOO_MANY_REQUESTS, "Too many requests")
            }
            Access::Forbidden => {
                return error(
                    StatusCode::FORBIDDEN,
                    "This API token does not have access to Uptime resources.",
                )
            }
            Access::Garbage { bytes } => return garbage(bytes),
            Access::Unavailable => {
                return error(StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable")
            }
            Access::BadGateway => {
                let page = "<html><head><title>502 Bad Gateway</title></head>\
                            <body><center><h1>502 Bad Gateway</h1></center></body></html>";
                return (
                    StatusCode::BAD_GATEWAY,
                    [(header::CONTENT_TYPE, "text/html")],
                    page,
                )
                    .into_response();
            }
            Access::Team(team) => return read(shared, target, Some(&team), params),
            Access::Global => {
                return read(
                    shared,
                    target,
                    params.get("team_name").map(String::as_str),
                    params,
                )
            }
        }
    }
}

fn garbage(bytes: usize) -> Response {
    let page = "<html><body>Bad gateway</body></html>";
    let body: String = page.chars().cycle().take(bytes).collect();
    ([(header::CONTENT_TYPE, "text/html")], body).into_response()
}

fn throttled(retry_after_secs: u64) -> Response {
    let mut response = error(StatusCode::TOO_MANY_REQUESTS, "Too many requests");
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, retry_after_secs.into());
    response
}

fn read(
    shared: &Shared,
    target: Target<'_>,
    team: Option<&str>,
    params: &BTreeMap<String, String>,
) -> Response {
    match (target.id, target.summary) {
        (Some(id), Some(summary)) => {
            let world = shared.world.lock().unwrap();
            match visible(&world, target.collection, id, team) {
                Some(item) => Json(summary.answer(&world, item, params)).into_response(),
                None => error(
                    StatusCode::NOT_FOUND,
                    "Resource with provided ID was not found",
                ),
            }
        }
        (Some(id), None) => one(shared, target.collection, id, team),
        (None, _) => list(shared, target.collection, team, params),
    }
}

/// Record `id` of `collection`, if `team` can see it.
fn visible<'w>(
    world: &'w World,
    collection: Collection,
    id: &str,
    team: Option<&str>,
) -> Option<&'w Value> {
    world
        .items(collection)
        .iter()
        .find(|item| item["id"] == id)
        .filter(|item| team.is_none_or(|team| item["attributes"]["team_name"] == team))
}

/// One record of `collection`, if `team` can see it: as for a record that does not exist,
/// 404 otherwise.
fn one(shared: &Shared, collection: Collection, id: &str, team: Option<&str>) -> Response {
    let world = shared.world.lock().unwrap();
    visible(&world, collection, id, team).map_or_else(
        || {
            error(
                StatusCode::NOT_FOUND,
                "Resource with provided ID was not found",
            )
        },
        |item| Json(json!({ "data": item })).into_response(),
    )
}

/// One page of `collection`, as `team` sees it (every team when `None`).
fn list(
    shared: &Shared,
    collection: Collection,
    team: Option<&str>,
    params: &BTreeMap<String, String>,
) -> Response {
    let mut world = shared.world.lock().unwrap();
    let visible: Vec<&Value> = world
        .items(collection)
        .iter()
        .filter(|item| team.is_none_or(|team| item["attributes"]["team_name"] == team))
        .filter(|item| collection != Collection::Incidents || incident_matches(item, params))
        .collect();
    let (default_size, max_size) = collection.page_sizes();
    let per_page = number(params, "per_page")
        .unwrap_or(default_size)
        .clamp(1, max_size);
    let page = number(params, "page").unwrap_or(1).max(1);
    let last = visible.len().div_ceil(per_page).max(1);
    let start = ((page - 1) * per_page).min(visible.len());
    let end = (start + per_page).min(visible.len());
    let data: Vec<Value> = visible[start..end]
        .iter()
        .map(|item| (*item).clone())
        .collect();

    let own = shared.base.as_str();
    let next_host = world.next_link_host.as_deref().unwrap_or(own);
    let link = |host: &str, page: usize| {
        let mut query: Vec<String> = params
            .iter()
            .filter(|(key, _)| !matches!(key.as_str(), "page" | "per_page"))
            .map(|(key, value)| format!("{key}={}", value.replace(' ', "+")))
            .collect();
        query.push(format!("per_page={per_page}"));
        query.push(format!("page={page}"));
        format!("{host}{}?{}", collection.path(), query.join("&"))
    };
    let body = json!({
        "data": data,
        "pagination": {
            "first": link(own, 1),
            "last": link(own, last),
            "prev": (page > 1).then(|| link(own, (page - 1).min(last))),
            "next": (page < last).then(|| link(next_host, page + 1)),
        }
    });
    world.page_served(collection, page);
    Json(body).into_response()
}

/// The v3 incident filters: `from` and `to` are days (YYYY-MM-DD) and filter on the day an
/// incident started; `resolved` and `acknowledged` are `true` or `false`; `monitor_id` and
/// `heartbeat_id` name what the incident is about.
fn incident_matches(item: &Value, params: &BTreeMap<String, String>) -> bool {
    let attributes = &item["attributes"];
    let day = attributes["started_at"]
        .as_str()
        .map(|started| &started[..started.len().min(10)]);
    let related = |kind: &str| item["relationships"][kind]["data"]["id"].as_str();
    let flag = |key: &str, is: bool| {
        params
            .get(key)
            .is_none_or(|wanted| is == (wanted == "true"))
    };
    params
        .get("from")
        .is_none_or(|from| day.is_some_and(|day| day >= from.as_str()))
        && params
            .get("to")
            .is_none_or(|to| day.is_some_and(|day| day <= to.as_str()))
        && flag("resolved", attributes["status"] == "Resolved")
        && flag("acknowledged", !attributes["acknowledged_at"].is_null())
        && params
            .get("monitor_id")
            .is_none_or(|id| related("monitor") == Some(id.as_str()))
        && params
            .get("heartbeat_id")
            .is_none_or(|id| related("heartbeat") == Some(id.as_str()))
}

fn number(params: &BTreeMap<String, String>, key: &str) -> Option<usize> {
    params.get(key).and_then(|value| value.parse().ok())
}
