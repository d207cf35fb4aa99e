//! Parse the arguments, run one command, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;
use mandat::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match mandat::commands::run(cli.command, &cli.global) {
        Ok(outcome) => outcome.into(),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
