//! The `plugboard` command line: serving is the default; `admin …` are escape hatches for
//! whoever runs the server.

use std::{io::BufRead, process::ExitCode};

use url::Url;

use crate::domain::{Email, Password};
use crate::server::{
    infra::config::Settings,
    infra::db,
    infra::telemetry,
    services::{key_rotation, password_reset},
    startup,
};

const USAGE: &str = "usage:
  plugboard [serve]                                   serve the app
  plugboard admin reset-password --email EMAIL        print a one-time link to choose a new password
  plugboard admin reset-password --email EMAIL --password-stdin
                                                      set the password read from standard input
  plugboard admin rotate-key                          re-encrypt every stored secret under a new master key
                                                      (stop the server first)";

enum Command {
    Serve,
    Help,
    ResetPassword { email: String, from_stdin: bool },
    RotateKey,
}

impl Command {
    fn parse(args: &[String]) -> Result<Self, String> {
        let words: Vec<&str> = args.iter().map(String::as_str).collect();
        match words.as_slice() {
            [] | ["serve"] => Ok(Command::Serve),
            ["help" | "--help" | "-h"] => Ok(Command::Help),
            ["admin", "rotate-key"] => Ok(Command::RotateKey),
            ["admin", "reset-password", "--email", email] => Ok(Command::ResetPassword {
                email: (*email).to_owned(),
                from_stdin: false,
            }),
            ["admin", "reset-password", "--email", email, "--password-stdin"]
            | ["admin", "reset-password", "--password-stdin", "--email", email] => {
                Ok(Command::ResetPassword {
                    email: (*email).to_owned(),
                    from_stdin: true,
                })
            }
            other => Err(format!(
                "plugboard: unknown command '{}'\n{USAGE}",
                other.join(" ")
            )),
        }
    }
}

/// Runs the command in `std::env::args`; failures are one line on standard error.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match Command::parse(&args) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    if let Command::Help = command {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
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
            Command::Serve | Command::Help => startup::run().await.map_err(|e| e.to_string()),
            Command::ResetPassword { email, from_stdin } => {
                reset_password(&email, from_stdin).await
            }
            Command::RotateKey => rotate_key().await,
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
