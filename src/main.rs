//! Parse the arguments, run one command, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;
use mandat::cli::Cli;

fn main() -> ExitCode {
    mandat::complete::answer_shell_and_exit_if_asked();
    let cli = Cli::parse();
    match mandat::commands::run(cli.command, &cli.global) {
        Ok(outcome) => outcome.into(),
        Err(e) => {
            eprintln!("error: {}", mandat::commands::error_text(&e, &cli.global));
            ExitCode::from(2)
        }
    }
}
