//! Parse the arguments, run one command, map the outcome to an exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    mandat::complete::answer_shell_and_exit_if_asked();
    // Parsed in the user's language: `--lang`, else the registry's (help and errors in nb).
    let cli = mandat::cli_nb::parse();
    // The root, the date, the language and the colour, resolved once for the command.
    let env = mandat::commands::Env::new(&cli.global);
    match mandat::commands::run(cli.command, &env) {
        Ok(outcome) => outcome.into(),
        Err(e) => {
            eprintln!("error: {}", mandat::commands::error_text(&e, &env));
            ExitCode::from(2)
        }
    }
}
