//! The v3 incident filters, as Better Stack documents them.

use betterstack_double::{fixtures, Access, Collection, Double, World};
use serde_json::json;

async fn ids(double: &Double, query: &str) -> Vec<String> {
    let body: serde_json::Value = reqwest::Client::new()
        .get(format!("{}/api/v3/incidents?{query}", double.base_url()))
        .bearer_auth("team_filters")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn incidents_filter_by_day_state_and_what_they_are_about() {
    // 5000 (resolved, Nov 10), 5001 (open, Nov 10), 5002 (resolved, Nov 20), 5003 (open, Nov 20).
    let mut world = World::default()
        .token_prefix("team_", Access::team("Ops"))
        .with_incidents("Ops", "2026-11-10", 2)
        .with_incidents("Ops", "2026-11-20", 2);
    let mut beat = fixtures::incident(4, "Ops", "2026-11-21", false);
    beat["relationships"] = json!({ "heartbeat": { "data": { "id": "77", "type": "heartbeat" } } });
    beat["attributes"]["acknowledged_at"] = json!("2026-11-21T08:10:00.000Z");
    world.push(Collection::Incidents, beat);
    let double = Double::start(world).await;

    assert_eq!(
        ids(&double, "from=2026-11-20").await,
        ["5002", "5003", "5004"]
    );
    assert_eq!(ids(&double, "to=2026-11-10").await, ["5000", "5001"]);
    assert_eq!(
        ids(&double, "resolved=false").await,
        ["5001", "5003", "5004"]
    );
    assert_eq!(
        ids(&double, "resolved=true&from=2026-11-11").await,
        ["5002"]
    );
    // Resolved ones were acknowledged first.
    assert_eq!(
        ids(&double, "acknowledged=true").await,
        ["5000", "5002", "5004"]
    );
    assert_eq!(ids(&double, "acknowledged=false").await, ["5001", "5003"]);
    assert_eq!(ids(&double, "monitor_id=1001").await, ["5001"]);
    assert_eq!(ids(&double, "heartbeat_id=77").await, ["5004"]);
}

#[tokio::test]
async fn a_single_record_is_served_with_the_real_not_found_answer_otherwise() {
    let world = World::default()
        .token_prefix("team_", Access::team("Ops"))
        .with_monitors("Ops", 1)
        .with_monitors("Web", 1);
    let double = Double::start(world).await;
    let get = |path: &str| {
        reqwest::Client::new()
            .get(format!("{}{path}", double.base_url()))
            .bearer_auth("team_filters")
            .send()
    };
    let own: serde_json::Value = get("/api/v2/monitors/1000")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(own["data"]["id"], "1000");
    for hidden in ["/api/v2/monitors/1001", "/api/v2/monitors/999"] {
        let answer = get(hidden).await.unwrap();
        assert_eq!(answer.status(), 404, "{hidden}");
        let body: serde_json::Value = answer.json().await.unwrap();
        assert_eq!(body["errors"], "Resource with provided ID was not found");
    }
}

async fn get(double: &Double, path: &str) -> (u16, serde_json::Value) {
    let response = reqwest::Client::new()
        .get(format!("{}{path}", double.base_url()))
        .bearer_auth("team_summaries")
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

#[tokio::test]
async fn availability_comes_from_the_incidents_and_response_times_from_the_last_day() {
    // Monitor 1001's incident 5001 is open since Nov 10; 5000 (monitor 1000) lasted an hour.
    let world = World::default()
        .token_prefix("team_", Access::team("Ops"))
        .with_monitors("Ops", 2)
        .with_monitors("Web", 1)
        .with_incidents("Ops", "2026-11-10", 2);
    let double = Double::start(world).await;

    let (status, sla) = get(
        &double,
        "/api/v2/monitors/1000/sla?from=2026-11-01&to=2026-11-30",
    )
    .await;
    assert_eq!(status, 200);
    let a = &sla["data"]["attributes"];
    assert_eq!(
        (
            a["number_of_incidents"].as_u64(),
            a["total_downtime"].as_u64()
        ),
        (Some(1), Some(3600))
    );
    assert!(a["availability"].as_f64().unwrap() > 99.8);
    let (_, open) = get(
        &double,
        "/api/v2/monitors/1001/sla?from=2026-11-01&to=2026-11-30",
    )
    .await;
    assert!(open["data"]["attributes"]["availability"].as_f64().unwrap() < 70.0);

    let (_, times) = get(&double, "/api/v2/monitors/1000/response-times").await;
    let regions = times["data"]["attributes"]["regions"].as_array().unwrap();
    assert_eq!(regions.len(), 2);
    assert_eq!(regions[0]["response_times"].as_array().unwrap().len(), 48);

    let (status, missing) = get(&double, "/api/v2/monitors/1002/sla").await;
    assert_eq!(
        (status, missing["errors"].as_str()),
        (404, Some("Resource with provided ID was not found")),
        "another team's"
    );
    let (status, _) = get(&double, "/api/v2/monitors/1000/nothing").await;
    assert_eq!(status, 404);
}
