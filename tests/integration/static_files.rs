//! The site's files (bundle, styles, icon) as a browser fetches them: one after another over a
//! kept-alive connection, compressed when a compressed copy was built.

use std::time::{Duration, Instant};

use tokio::{
    io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader},
    net::TcpStream,
};

use crate::support::TestApp;

const STYLES: &str = "/pkg/plugboard.css";

fn write_site_file(app: &TestApp, path: &str, contents: &[u8]) {
    let file = app
        .dir
        .path()
        .join("site")
        .join(path.trim_start_matches('/'));
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(file, contents).unwrap();
}

/// One GET on an open connection; returns the status line once the whole body has arrived.
async fn get_on(connection: &mut BufReader<TcpStream>, path: &str) -> String {
    let request = format!("GET {path} HTTP/1.1\r\nHost: plugboard.test\r\n\r\n");
    connection
        .get_mut()
        .write_all(request.as_bytes())
        .await
        .unwrap();
    let mut status = String::new();
    connection.read_line(&mut status).await.unwrap();
    let mut length = 0;
    loop {
        let mut line = String::new();
        connection.read_line(&mut line).await.unwrap();
        if line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap();
            }
        }
    }
    let mut body = vec![0; length];
    connection.read_exact(&mut body).await.unwrap();
    status.trim_end().to_owned()
}

// A server socket that delays small writes (Nagle's algorithm) holds a file's body back until
// the client acknowledges the headers, and clients may wait 40 ms before acknowledging. Files
// fetched one after another over a kept-alive connection then stalled, not every time but
// every few requests (11 in 100 here; with wrk, every one).
#[tokio::test]
async fn files_fetched_one_after_another_on_one_connection_are_not_held_back() {
    let app = TestApp::spawn().await;
    write_site_file(&app, STYLES, "body { margin: 0 }\n".repeat(420).as_bytes());
    let mut connection = BufReader::new(TcpStream::connect(app.addr).await.unwrap());
    let mut round_trips = Vec::new();
    for _ in 0..200 {
        let started = Instant::now();
        assert_eq!(get_on(&mut connection, STYLES).await, "HTTP/1.1 200 OK");
        round_trips.push(started.elapsed());
    }
    // Answered at once a round trip takes about a millisecond; a held-back one, 40 ms or more.
    // A few slow ones are left to a busy machine's scheduler.
    let stalled: Vec<_> = round_trips
        .iter()
        .filter(|took| **took >= Duration::from_millis(35))
        .collect();
    assert!(
        stalled.len() <= 3,
        "{} of {} round trips stalled: {stalled:?}",
        stalled.len(),
        round_trips.len()
    );
}

#[tokio::test]
async fn a_browser_that_accepts_brotli_gets_the_compressed_copy_when_one_was_built() {
    let app = TestApp::spawn().await;
    write_site_file(&app, STYLES, b"body { margin: 0 }");
    write_site_file(&app, &format!("{STYLES}.br"), b"brotli bytes");
    let compressed = app
        .client
        .get(app.url(STYLES))
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(compressed.status(), 200);
    assert_eq!(compressed.headers()["content-encoding"], "br");
    assert_eq!(compressed.headers()["content-type"], "text/css");
    assert_eq!(compressed.bytes().await.unwrap().as_ref(), b"brotli bytes");

    let plain = app.get(STYLES).await;
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.bytes().await.unwrap().as_ref(), b"body { margin: 0 }");
}
