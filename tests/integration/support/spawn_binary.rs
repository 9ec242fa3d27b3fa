//! Runs the real `plugboard` binary, for tests of start-up and the command line.

use std::{path::Path, process::Stdio, sync::Arc, time::Duration};

use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::{Child, Command},
    sync::Mutex,
};

pub const BINARY: &str = env!("CARGO_BIN_EXE_plugboard");
const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// A command for the binary, run in `dir` (which gets a copy of Leptos.toml) with none of the
/// developer's own settings leaking in.
pub fn command_in(dir: &Path) -> Command {
    std::fs::copy(Path::new(REPO).join("Leptos.toml"), dir.join("Leptos.toml"))
        .expect("copy Leptos.toml");
    let mut command = Command::new(BINARY);
    command
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    command
}

/// What a run that was expected to stop on its own printed.
pub struct Stopped {
    pub success: bool,
    pub stderr: String,
}

/// Runs to completion (start-up failures exit at once; 30 s is a generous bound).
pub async fn run_to_exit(mut command: Command) -> Stopped {
    let output = tokio::time::timeout(Duration::from_secs(30), command.output())
        .await
        .expect("the binary should exit, not keep running")
        .expect("run the binary");
    Stopped {
        success: output.status.success(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Starts a server that is expected to keep running.
pub fn start(mut command: Command) -> Child {
    command.spawn().expect("start the binary")
}

/// Everything the server wrote to standard error, read as it comes so the pipe never fills.
pub async fn capture_logs(server: &mut tokio::process::Child) -> (Arc<Mutex<String>>, String) {
    let stderr = server.stderr.take().unwrap();
    let logs = Arc::new(Mutex::new(String::new()));
    let (address_tx, address_rx) = tokio::sync::oneshot::channel();
    let sink = logs.clone();
    tokio::spawn(async move {
        let mut lines = BufReader::new(stderr).lines();
        let mut address_tx = Some(address_tx);
        while let Ok(Some(line)) = lines.next_line().await {
            if let Some((_, url)) = line.split_once("listening on ") {
                if let Some(tx) = address_tx.take() {
                    let _ = tx.send(url.trim().to_owned());
                }
            }
            let mut all = sink.lock().await;
            all.push_str(&line);
            all.push('\n');
        }
    });
    let address = tokio::time::timeout(Duration::from_secs(60), address_rx)
        .await
        .unwrap()
        .unwrap();
    (logs, address)
}
