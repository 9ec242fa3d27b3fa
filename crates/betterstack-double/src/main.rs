//! The double as a program, for end-to-end tests and benchmarks:
//! `betterstack-double --port 3199 [--world demo|bench]`.

use betterstack_double::{Double, World};
use tokio::net::TcpListener;

#[tokio::main]
async fn main() {
    let (mut port, mut world) = (0u16, World::demo as fn() -> World);
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        match pair {
            [flag, value] if flag == "--port" => port = value.parse().unwrap_or_else(|_| usage()),
            [flag, value] if flag == "--world" && value == "demo" => world = World::demo,
            [flag, value] if flag == "--world" && value == "bench" => world = World::bench,
            _ => usage(),
        }
    }
    let listener = TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap_or_else(|e| {
            eprintln!("betterstack-double: cannot listen on 127.0.0.1:{port}: {e}");
            std::process::exit(1)
        });
    let double = Double::start_on(listener, world());
    println!("betterstack-double listening on {}", double.base_url());
    let _ = tokio::signal::ctrl_c().await;
}

fn usage() -> ! {
    eprintln!("usage: betterstack-double [--port PORT] [--world demo|bench]");
    std::process::exit(2)
}
