use clap::Parser;

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
