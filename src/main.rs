//! The Plugboard server binary. See `plugboard::server::cli` for its commands.

// Rendering pages allocates many small strings from several threads at once; mimalloc's
// per-thread heaps serve that without glibc malloc's arena locks (bench/README.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    plugboard::server::cli::main()
}
