//! `bench-hello --port N`: answers `GET /hello` with a short text, nothing else. `bench/web.sh`
//! puts the same load on it as on Plugboard: what this machine serves when the app does nothing.

use axum::{routing::get, Router};
use tokio::net::TcpListener;

#[tokio::main]
async fn main() {
    let port: u16 = match std::env::args().skip(1).collect::<Vec<_>>().as_slice() {
        [flag, port] if flag == "--port" => port.parse().unwrap_or_else(|_| usage()),
        _ => usage(),
    };
    let listener = TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap_or_else(|e| {
            eprintln!("bench-hello: cannot listen on 127.0.0.1:{port}: {e}");
            std::process::exit(1)
        });
    let app = Router::new().route("/hello", get(|| async { "hello" }));
    axum::serve(listener, app).await.expect("serve");
}

fn usage() -> ! {
    eprintln!("usage: bench-hello --port PORT");
    std::process::exit(2)
}
