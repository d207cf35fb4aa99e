//! Parse the arguments, run one command, map the outcome to an exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    mandat::complete::answer_shell_and_exit_if_asked();
    // Parsed in the user's language: `--lang`, else the registry's (help and errors in nb).
    let cli = mandat::cli_nb::parse();
    match mandat::commands::run(cli.command, &cli.global) {
        Ok(outcome) => outcome.into(),
        Err(e) => {
            eprintln!("error: {}", mandat::commands::error_text(&e, &cli.global));
            ExitCode::from(2)
        }
    }
}
