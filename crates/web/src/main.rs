use clap::Parser;

// Faster for the many small, short-lived allocations each request makes
// (see BENCHMARKS.md, per-request cost).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = carryover::cli::Cli::parse();
    match carryover::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("carryover: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
