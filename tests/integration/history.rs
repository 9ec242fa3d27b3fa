//! A connection's History belongs to it alone, forever: ids are never used twice, so a
//! deleted connection's History reaches no connection made after it. History is read a page
//! at a time, and a refusal repeated by the same person is one line with a count.

use std::borrow::Cow;

use plugboard::{
    api::connection_changes::{DeleteConnection, GetConnectionDetail, RenameConnection},
    server::{infra::config, infra::db},
};

use crate::support::connections::{
    app_with_double, call, create_connection, detail, save_credential, usual_world,
};

#[tokio::test]
async fn a_deleted_connections_history_never_reaches_a_connection_made_after_it() {
    let (app, _double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let bo = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    let tile = save_credential(&admin, "Prod", "team_privateToken1111").await;
    let secret = create_connection(&app, &admin, tile.id, "Secret plans", "private", None).await;
    let renamed = call::<RenameConnection>(&admin, secret, &[("name", "Secret plans B")]).await;
    assert_eq!(renamed.status, 200);
    let deleted = call::<DeleteConnection>(
        &admin,
        secret,
        &[
            ("confirm_name", "Secret plans B"),
            ("delete_credential", "yes"),
        ],
    )
    .await;
    assert!(deleted.status < 400, "{deleted:?}");

    // The newest connection and credential are gone: SQLite would hand their ids out again.
    let bos_tile = save_credential(&bo, "Mine", "team_bosOwnToken2222").await;
    assert!(bos_tile.id > tile.id, "a credential id is never used twice");
    let mine = create_connection(&app, &bo, bos_tile.id, "Mine", "private", None).await;
    assert!(mine > secret, "a connection id is never used twice");
    let page = detail(&bo, mine).await;
    assert_eq!(page.history.len(), 1, "{:?}", page.history);
    assert_eq!(page.history[0].kind, "created");
    let wire = serde_json::to_string(&page).unwrap();
    assert!(!wire.contains("Secret plans"), "{wire}");
}

#[tokio::test]
async fn history_is_read_a_page_at_a_time_newest_first() {
    let (app, _double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Prod", "team_historyToken3333").await;
    let id = create_connection(&app, &admin, tile.id, "Name 0", "workspace", None).await;
    for n in 1..=60 {
        let name = format!("Name {n}");
        assert_eq!(
            call::<RenameConnection>(&admin, id, &[("name", &name)])
                .await
                .status,
            200
        );
    }

    let first = detail(&admin, id).await;
    assert_eq!(first.history_total, 61);
    assert_eq!((first.history_page, first.history_pages), (1, 2));
    assert_eq!(first.history.len(), 50);
    assert_eq!(first.history[0].text, "Renamed from “Name 59” to “Name 60”");

    let reply = call::<GetConnectionDetail>(&admin, id, &[("history_page", "2")]).await;
    let second: plugboard::wire::connection_detail::ConnectionDetail =
        serde_json::from_str(&reply.body).unwrap();
    assert_eq!(second.history_page, 2);
    assert_eq!(second.history.len(), 11);
    assert_eq!(second.history.last().unwrap().kind, "created");

    let page = admin
        .get(&format!(
            "/connections/betterstack-uptime/{id}?section=history"
        ))
        .await;
    assert!(
        page.body.contains("history_page=2"),
        "a link to the next page"
    );
}

#[tokio::test]
async fn a_refusal_repeated_by_the_same_person_is_one_line_with_a_count() {
    let (app, _double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let bo = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    let tile = save_credential(&admin, "Prod", "team_foldingToken4444").await;
    let id = create_connection(&app, &admin, tile.id, "Status", "workspace", None).await;
    let rename = |who| call::<RenameConnection>(who, id, &[("name", "Taken over")]);
    for _ in 0..40 {
        assert_eq!(rename(&bo).await.status, 403);
    }
    assert_eq!(
        call::<RenameConnection>(&admin, id, &[("name", "Status 2")])
            .await
            .status,
        200
    );
    assert_eq!(rename(&bo).await.status, 403);

    let history = detail(&admin, id).await.history;
    let lines: Vec<(&str, &str)> = history
        .iter()
        .map(|e| (e.kind.as_str(), e.text.as_str()))
        .collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(
        lines[0],
        (
            "denied",
            "Tried to rename the connection, and was refused: not allowed"
        )
    );
    assert_eq!(lines[1].0, "renamed");
    assert_eq!(
        lines[2].1,
        "Tried to rename the connection, and was refused: not allowed"
    );
    assert_eq!(history[2].repeats, 40);
    assert!(history[2].last.is_some());
    assert!(history[1].last.is_none());
    assert_eq!(lines[3].0, "created");
}

/// The migration that stops id reuse keeps every row and id of a database made before it,
/// and starts new connections past every id a History entry names.
#[tokio::test]
async fn upgrading_keeps_every_row_and_id_and_starts_past_deleted_connections() {
    let dir = tempfile::tempdir().unwrap();
    let settings =
        config::database(Some(format!("sqlite://{}/old.db", dir.path().display()))).unwrap();
    let pool = db::open(&settings).await.unwrap();
    let mut before = sqlx::migrate!("./migrations");
    before.migrations = Cow::Owned(
        before
            .migrations
            .iter()
            .filter(|m| m.version < 20261201000000)
            .cloned()
            .collect(),
    );
    before.run(&pool).await.unwrap();
    sqlx::raw_sql(
        "INSERT INTO users (id, name, email, password_hash, role, created_at)
             VALUES (1, 'Ada', 'ada@acme.test', 'x', 'admin', 0);
         INSERT INTO credentials (id, source, owner_id, name, secret_nonce, secret_ciphertext,
             key_id, secret_last_four, secret_set_at, secret_set_by, check_status, created_at)
             VALUES (4, 'betterstack-uptime', 1, 'Prod', x'00', zeroblob(40), 'k', 'AAAA', 0, 1,
                     'verified', 0),
                    (5, 'betterstack-uptime', 1, 'Short', x'00', zeroblob(24), 'k', 'BBBB', 0, 1,
                     'verified', 0);
         INSERT INTO connections (id, source, name, owner_id, credential_id, privacy, created_at,
             token_rejected_since)
             VALUES (3, 'betterstack-uptime', 'Kept', 1, 4, 'workspace', 0, 77);
         INSERT INTO connection_events (connection_id, actor_id, at, kind, detail)
             VALUES (3, 1, 0, 'created', '{}'), (9, 1, 0, 'deleted', '{}');
         INSERT INTO synced_monitors (connection_id, remote_id, name) VALUES (3, 'm1', 'Web');
         INSERT INTO sync_runs (connection_id, trigger, started_at, outcome)
             VALUES (3, 'manual', 0, 'ok');",
    )
    .execute(&pool)
    .await
    .unwrap();

    db::migrate(&pool).await.unwrap();

    let kept: (i64, i64, Option<i64>) = sqlx::query_as(
        "SELECT id, credential_id, token_rejected_since FROM connections WHERE name = 'Kept'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(kept, (3, 4, Some(77)));
    let children: (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM synced_records WHERE connection_id = 3 AND kind = 'monitors'),
                (SELECT COUNT(*) FROM sync_runs WHERE connection_id = 3)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(children, (1, 1), "the synced data and sync runs stay");
    let fingerprints: Vec<String> =
        sqlx::query_scalar("SELECT secret_last_four FROM credentials ORDER BY id")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(
        fingerprints,
        ["AAAA", ""],
        "an 8-character token shows nothing of itself"
    );
    let next: i64 = sqlx::query_scalar(
        "INSERT INTO connections (source, name, owner_id, credential_id, privacy, created_at)
         VALUES ('betterstack-uptime', 'New', 1, 4, 'workspace', 0) RETURNING id",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        next, 10,
        "past the deleted connection 9 that History still names"
    );
    let cascade = sqlx::query("DELETE FROM connections WHERE id = 3")
        .execute(&pool)
        .await;
    assert!(cascade.is_ok());
    let orphans: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM synced_records")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(orphans, 0, "deleting still cascades to the synced data");
}
