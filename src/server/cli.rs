//! The `plugboard` command line: serving is the default; `admin …` are escape hatches for
//! whoever runs the server.

use std::{io::BufRead, process::ExitCode};

use clap::{Parser, Subcommand};
use url::Url;

use crate::domain::{Email, Password};
use crate::server::{
    infra::config::Settings,
    infra::db,
    infra::telemetry,
    services::{key_rotation, password_reset},
    startup,
};

/// Serving is the default; `admin …` are escape hatches for whoever runs the server.
#[derive(Parser)]
#[command(
    name = "plugboard",
    version,
    about = "Plugboard: connect your team's data sources."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the app (the default).
    Serve,
    /// Escape hatches for whoever runs the server.
    #[command(subcommand)]
    Admin(Admin),
}

#[derive(Subcommand)]
enum Admin {
    /// Print a one-time link to choose a new password, or set it from standard input.
    ResetPassword {
        #[arg(long)]
        email: String,
        /// Set the password read from standard input instead of printing a link.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Re-encrypt every stored secret under a new master key (stop the server first).
    RotateKey,
}

/// Runs the command in `std::env::args`; failures are one line on standard error.
pub fn main() -> ExitCode {
    // Help and version print and exit 0; a wrong command prints its usage and exits 2.
    let command = Cli::parse().command.unwrap_or(Command::Serve);
    let log = match telemetry::init() {
        Ok(log) => log,
        Err(e) => {
            eprintln!("plugboard: {e}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("plugboard: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = runtime.block_on(async {
        match command {
            Command::Serve => startup::run().await.map_err(|e| e.to_string()),
            Command::Admin(Admin::ResetPassword {
                email,
                password_stdin,
            }) => reset_password(&email, password_stdin).await,
            Command::Admin(Admin::RotateKey) => rotate_key().await,
        }
    });
    // The log's last lines go out before the closing message.
    drop(runtime);
    drop(log);
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("plugboard: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn reset_password(email: &str, from_stdin: bool) -> Result<(), String> {
    let email = Email::parse(email)?;
    let settings = Settings::from_process_env().map_err(|e| e.to_string())?;
    let pool = db::open(&settings.database)
        .await
        .map_err(|e| e.to_string())?;
    db::migrate(&pool).await.map_err(|e| e.to_string())?;
    let no_member = || format!("no current member has the email {email}");
    if from_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        let password = Password::parse_new(line.trim_end_matches(['\r', '\n']).to_owned())?;
        password_reset::set_password(&pool, &email, password)
            .await
            .map_err(|_| no_member())?;
        println!("The password for {email} is set. Every session they had has ended.");
    } else {
        let base = link_base(&settings);
        let link = password_reset::create_link(&pool, &email, &base)
            .await
            .map_err(|_| no_member())?;
        println!(
            "One-time link for {email} to choose a new password (valid for 24 hours):\n{link}"
        );
    }
    Ok(())
}

async fn rotate_key() -> Result<(), String> {
    let settings = Settings::from_process_env().map_err(|e| e.to_string())?;
    let pool = db::open(&settings.database)
        .await
        .map_err(|e| e.to_string())?;
    db::migrate(&pool).await.map_err(|e| e.to_string())?;
    let rotation = key_rotation::rotate(&pool, &settings.master_key).await?;
    println!(
        "Re-encrypted {} secret(s) in one transaction: master key {} was replaced by {}.",
        rotation.secrets, rotation.old_key_id, rotation.new_key_id
    );
    match (&rotation.key_file, &rotation.new_key_for_env) {
        (Some(path), _) => println!("The key file {} now holds the new key. Restart the server.", path.display()),
        (None, Some(key)) => println!(
            "The old key no longer decrypts anything. Set PLUGBOARD_MASTER_KEY to the new key, then restart the server:\n{}",
            key.to_base64().as_str()
        ),
        (None, None) => {}
    }
    Ok(())
}

/// `PLUGBOARD_PUBLIC_URL`, else the address the server listens on.
fn link_base(settings: &Settings) -> Url {
    if let Some(url) = &settings.public_url {
        return url.clone();
    }
    let addr = settings.leptos.site_addr;
    let host = if addr.ip().is_unspecified() {
        "localhost".to_owned()
    } else {
        addr.ip().to_string()
    };
    Url::parse(&format!("http://{host}:{}/", addr.port())).expect("an address makes a URL")
}
