//! The Plugboard server binary. See `plugboard::server::cli` for its commands.

fn main() -> std::process::ExitCode {
    plugboard::server::cli::main()
}
