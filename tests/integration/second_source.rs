//! A second source behind the same seam as Better Stack: its credential, connection, sync,
//! Data tables (filter, sort, paging) and downloads work without a line written for it outside
//! its connector; the catalog does not show it.

use std::sync::Arc;

use plugboard::api::{
    connections::{CreateConnection, ListSources, SaveCredential},
    sync::{GetSyncStatus, ListRecords},
};

use crate::support::{
    connections::{app_with_double, usual_world},
    fake_source::{PetShop, FAKE_SOURCE, FAKE_TOKEN},
};
use plugboard::wire::{
    connections::SourceSummary,
    data::{DataTable, SyncStatus},
};

#[tokio::test]
async fn a_source_that_is_one_connector_works_through_every_layer() {
    let (app, _double) = app_with_double(usual_world()).await;
    let shop = PetShop::default();
    *shop.pets.lock().unwrap() = vec![
        ("1", "Rex", "dog", 3),
        ("2", "Tom", "cat", 7),
        ("3", "Polly", "parrot", 41),
    ];
    app.state.connectors.register(Arc::new(shop.clone()));
    let admin = app.create_admin("ada@acme.test").await;

    let sources: Vec<SourceSummary> =
        serde_json::from_str(&admin.call::<ListSources>(&[]).await.body).unwrap();
    assert!(
        sources.iter().all(|source| source.id != FAKE_SOURCE),
        "not in the catalog"
    );

    let wrong = admin
        .call::<SaveCredential>(&[
            ("source", FAKE_SOURCE),
            ("name", "Shop"),
            ("token", "nope-token-123456"),
        ])
        .await;
    assert_eq!(wrong.status, 400, "its own check said no: {wrong:?}");
    let saved = admin
        .call::<SaveCredential>(&[
            ("source", FAKE_SOURCE),
            ("name", "Shop"),
            ("token", FAKE_TOKEN),
        ])
        .await;
    assert_eq!(saved.status, 200, "{saved:?}");
    let tile: plugboard::wire::connections::CredentialTile =
        serde_json::from_str(&saved.body).unwrap();
    assert_eq!(tile.reach.as_deref(), Some("Teams Front desk"));

    let credential = tile.id.to_string();
    let created = admin
        .call::<CreateConnection>(&[
            ("source", FAKE_SOURCE),
            ("credential", &credential),
            ("name", "The shop"),
            ("privacy", "workspace"),
        ])
        .await;
    assert_eq!(created.status, 200, "{created:?}");
    app.state.syncs.wait_idle().await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM connections WHERE source = ?")
        .bind(FAKE_SOURCE)
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    let id_text = id.to_string();

    let status: SyncStatus = serde_json::from_str(
        &admin
            .call::<GetSyncStatus>(&[("source", FAKE_SOURCE), ("id", &id_text)])
            .await
            .body,
    )
    .unwrap();
    assert!(status.last.unwrap().succeeded);
    let counts: Vec<(String, i64)> = status
        .counts
        .into_iter()
        .map(|k| (k.label, k.count))
        .collect();
    assert_eq!(counts, [("Pets".to_owned(), 3), ("Visits".to_owned(), 3)]);

    let table =
        |kind: &'static str, sort: &'static str, dir: &'static str, filter: &'static str| {
            let admin = &admin;
            let id = id_text.clone();
            async move {
                let reply = admin
                    .call::<ListRecords>(&[
                        ("source", FAKE_SOURCE),
                        ("id", &id),
                        ("kind", kind),
                        ("sort", sort),
                        ("dir", dir),
                        ("filter", filter),
                    ])
                    .await;
                assert_eq!(reply.status, 200, "{reply:?}");
                serde_json::from_str::<DataTable>(&reply.body).unwrap()
            }
        };
    let pets = table("", "", "", "").await;
    assert_eq!(pets.label, "Pets", "the first kind unless one is named");
    let names = |table: &DataTable| {
        table
            .rows
            .iter()
            .map(|row| row[0].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&pets), ["Polly", "Rex", "Tom"]);
    assert_eq!(
        names(&table("pets", "age_years", "desc", "").await),
        ["Polly", "Tom", "Rex"]
    );
    assert_eq!(names(&table("pets", "", "", "CAT").await), ["Tom"]);
    assert_eq!(table("visits", "", "", "").await.columns[1].label, "At");

    let csv = admin
        .get(&format!("/connections/{FAKE_SOURCE}/{id}/pets.csv"))
        .await;
    assert_eq!(csv.status, 200);
    assert_eq!(
        csv.body.lines().collect::<Vec<_>>(),
        [
            "id,name,species,age_years",
            "3,Polly,parrot,41",
            "1,Rex,dog,3",
            "2,Tom,cat,7"
        ]
    );
    let wrong_kind = admin
        .get(&format!("/connections/{FAKE_SOURCE}/{id}/monitors.csv"))
        .await;
    assert_eq!(
        wrong_kind.status, 404,
        "Better Stack's kinds are not this source's"
    );

    shop.pets.lock().unwrap().remove(0);
    plugboard::server::sync::sync_connection(
        &app.state,
        id,
        plugboard::server::sync::Trigger::Manual,
    )
    .await
    .unwrap();
    assert_eq!(
        names(&table("pets", "", "", "").await),
        ["Polly", "Tom"],
        "Rex is gone"
    );
    assert_eq!(
        *shop.pulls.lock().unwrap(),
        [true, false],
        "complete first, then not"
    );
}
