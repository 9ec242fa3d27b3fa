//! Shared test harness: a Plugboard server on 127.0.0.1 with its own database file.

pub mod accounts;
pub mod browser;
pub mod connections;
pub mod fake_source;
pub mod module_graph;
pub mod rest;
pub mod spawn_binary;
pub mod teams;

use std::net::SocketAddr;

use leptos::config::LeptosOptions;
use plugboard::server::{
    infra::config::{self, Settings},
    infra::master_key::{KeySource, MasterKey},
    startup,
    state::AppState,
};
use tempfile::TempDir;
use tokio::{net::TcpListener, sync::oneshot, task::JoinHandle};

/// A running server for one test. Stops when dropped.
pub struct TestApp {
    pub addr: SocketAddr,
    pub state: AppState,
    pub client: reqwest::Client,
    /// Holds the database file; deleted with the app.
    pub dir: TempDir,
    options: TestOptions,
    key: MasterKey,
    shutdown: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

/// What a test may change about the server.
#[derive(Clone, Default)]
pub struct TestOptions {
    pub public_url: Option<String>,
    pub betterstack_uptime_url: Option<String>,
    pub trusted_proxies: Vec<std::net::IpAddr>,
    pub api_rate_per_minute: Option<u32>,
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(TestOptions::default()).await
    }

    pub async fn spawn_with(options: TestOptions) -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        Self::start(dir, MasterKey::generate(), options).await
    }

    /// Stops this server and starts a new one on the same database and key.
    pub async fn restart(mut self) -> Self {
        self.stop();
        let dir = std::mem::replace(&mut self.dir, tempfile::tempdir().expect("placeholder"));
        Self::start(dir, self.key.clone(), self.options.clone()).await
    }

    async fn start(dir: TempDir, key: MasterKey, options: TestOptions) -> Self {
        let settings = Settings {
            leptos: LeptosOptions::builder()
                .output_name("plugboard")
                .site_root(dir.path().join("site").display().to_string())
                .build(),
            database: config::database(Some(format!(
                "sqlite://{}",
                dir.path().join("plugboard.db").display()
            )))
            .expect("database settings"),
            master_key: KeySource::Env(key.clone()),
            betterstack_uptime_url: config::betterstack_uptime_url(Some(
                options
                    .betterstack_uptime_url
                    .clone()
                    .unwrap_or_else(|| "http://127.0.0.1:9".into()),
            ))
            .expect("url"),
            public_url: config::public_url(options.public_url.clone()).expect("public url"),
            sync_interval: config::DEFAULT_SYNC_INTERVAL,
            details_per_sync: config::DEFAULT_DETAILS_PER_SYNC,
            trusted_proxies: options.trusted_proxies.clone(),
            api_rate_per_minute: options
                .api_rate_per_minute
                .unwrap_or(config::DEFAULT_API_RATE_PER_MINUTE),
        };
        let state = startup::build_state(&settings).await.expect("state");
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("address");
        let (shutdown, stop) = oneshot::channel::<()>();
        let task = tokio::spawn({
            let state = state.clone();
            async move {
                startup::serve(listener, state, async {
                    let _ = stop.await;
                })
                .await
                .expect("serve");
            }
        });
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        Self {
            addr,
            state,
            client,
            dir,
            options,
            key,
            shutdown: Some(shutdown),
            task,
        }
    }

    fn stop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        self.task.abort();
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.stop();
    }
}
