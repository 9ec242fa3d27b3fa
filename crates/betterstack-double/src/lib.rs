//! A local stand-in for the Better Stack Uptime API, for Plugboard's tests.
//!
//! It answers the read endpoints a connector uses the way the real API does, as recorded in
//! `shared/reference/betterstack-uptime-api.md`: bearer tokens, `{"errors": …}` bodies (401
//! for an unknown or missing token, 404 for unknown routes, checked before the token),
//! team-scoped and global tokens, 403, 429 with `Retry-After`, 5xx, slow answers, and
//! `page`/`per_page` pagination with absolute `pagination` links. Every request is recorded,
//! so a test can see exactly which token reached it and how often.

mod access;
mod dates;
pub mod fixtures;
mod routes;
mod summaries;
mod world;

use std::{
    net::SocketAddr,
    sync::{Arc, Mutex},
};

use tokio::{net::TcpListener, sync::oneshot};

pub use access::Access;
pub use world::{Collection, RecordedRequest, World};

/// A running double. Stops when dropped.
pub struct Double {
    addr: SocketAddr,
    world: Arc<Mutex<World>>,
    shutdown: Option<oneshot::Sender<()>>,
}

impl Double {
    /// Starts on 127.0.0.1 with a free port and `world` as its state.
    pub async fn start(world: World) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the double");
        Self::start_on(listener, world)
    }

    /// Starts on `listener`.
    pub fn start_on(listener: TcpListener, mut world: World) -> Self {
        let addr = listener.local_addr().expect("the double's address");
        world.started = Some(std::time::Instant::now());
        let world = Arc::new(Mutex::new(world));
        let (shutdown, stopped) = oneshot::channel::<()>();
        let app = routes::router(world.clone(), format!("http://{addr}"));
        tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await
                .expect("the double serves");
        });
        Self {
            addr,
            world,
            shutdown: Some(shutdown),
        }
    }

    /// `http://127.0.0.1:<port>`, for `BETTERSTACK_UPTIME_URL`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Changes the double's state: tokens, data, behaviour.
    pub fn with<T>(&self, change: impl FnOnce(&mut World) -> T) -> T {
        change(&mut self.world.lock().expect("the double's state"))
    }

    /// Every request received so far, oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.with(|world| world.requests.clone())
    }
}

impl Drop for Double {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}
