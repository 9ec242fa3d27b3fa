use crate::support::TestApp;

#[tokio::test]
async fn healthz_answers_ok_with_the_migration_count_once_the_database_is_ready() {
    let app = TestApp::spawn().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], "ok");
    let applied: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(body["migrations"], applied);
}

#[tokio::test]
async fn healthz_reports_unavailable_when_the_database_is_gone() {
    let app = TestApp::spawn().await;
    app.state.pool.close().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), 503);
}
