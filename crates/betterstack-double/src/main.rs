//! The double as a program, for end-to-end tests: `betterstack-double --port 3199`.

use betterstack_double::{Double, World};
use tokio::net::TcpListener;

#[tokio::main]
async fn main() {
    let port: u16 = match std::env::args().skip(1).collect::<Vec<_>>().as_slice() {
        [] => 0,
        [flag, port] if flag == "--port" => port.parse().unwrap_or_else(|_| usage()),
        _ => usage(),
    };
    let listener = TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap_or_else(|e| {
            eprintln!("betterstack-double: cannot listen on 127.0.0.1:{port}: {e}");
            std::process::exit(1)
        });
    let double = Double::start_on(listener, World::demo());
    println!("betterstack-double listening on {}", double.base_url());
    let _ = tokio::signal::ctrl_c().await;
}

fn usage() -> ! {
    eprintln!("usage: betterstack-double [--port PORT]");
    std::process::exit(2)
}
