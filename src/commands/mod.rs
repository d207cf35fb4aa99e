//! One file per subcommand, gluing loading, rules and rendering together.

pub mod calendar;
pub mod completions;
pub mod due;
pub mod env;
pub mod expenses;
pub mod explain;
pub mod init;
pub mod letter;
pub mod manpage;
pub mod output;
pub mod report;
pub mod rules;
pub mod schema;
pub mod site;
pub mod validate;

pub mod announce;
pub mod chair;
pub mod group;
pub mod import;
pub mod list;
pub mod list_sheet;
pub mod meeting;
pub mod person;
pub mod seat;
pub mod serve;
pub mod status;
pub mod table;
pub mod writing;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use crate::cli::Command;
use crate::cli::{GroupCommand, MeetingCommand, PersonCommand};
use crate::registry::LoadError;

pub use env::Env;

/// How a command ended, as the contract's exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 0: success (warnings allowed).
    Ok,
    /// 1: the registry breaks rules, or an edit was refused because it would.
    RulesBroken,
}

impl From<Outcome> for ExitCode {
    fn from(o: Outcome) -> ExitCode {
        match o {
            Outcome::Ok => ExitCode::SUCCESS,
            Outcome::RulesBroken => ExitCode::from(1),
        }
    }
}

/// Runs one command. An `Err` means the command could not run (exit code 2).
pub fn run(command: Command, env: &Env) -> anyhow::Result<Outcome> {
    match command {
        Command::Init(args) => init::run(&args, env),
        Command::Validate(args) => validate::run(&args, env),
        Command::Rules => rules::run(env),
        Command::Explain(args) => explain::run(&args, env),
        Command::Person(PersonCommand::Add(args)) => person::add(&args, env),
        Command::Group(GroupCommand::New(args)) => group::new(&args, env),
        Command::Propose(args) => seat::propose(&args, env),
        Command::Consent(args) => seat::consent(&args, env),
        Command::Appoint(args) => seat::appoint(&args, env),
        Command::Notify(args) => seat::notify(&args, env),
        Command::End(args) => seat::end(&args, env),
        Command::Chair(args) => chair::run(&args, env),
        Command::Meeting(MeetingCommand::New(args)) => meeting::new(&args, env),
        Command::Status(args) => status::run(&args, env),
        Command::List(args) => list::run(&args, env),
        Command::Report(cmd) => report::run(&cmd, env),
        Command::Expenses(args) => expenses::run(&args, env),
        Command::Calendar(args) => calendar::run(&args, env),
        Command::Due(args) => due::run(&args, env),
        Command::Letter(args) => letter::run(&args, env),
        Command::Schema(args) => schema::run(&args, env),
        Command::Completions(args) => completions::run(&args),
        Command::Manpage(args) => manpage::run(&args, env),
        Command::Import(cmd) => import::run(&cmd, env),
        Command::Site(args) => site::run(&args, env),
        Command::Serve(args) => serve::run(&args, env),
    }
}

/// The terminal's width when standard output is one (for wrapping diagnostics at word
/// boundaries), else `None`.
pub fn terminal_width() -> Option<usize> {
    std::io::stdout()
        .is_terminal()
        .then(table::width)
        .filter(|w| *w >= 40)
}

/// Writes to standard output; a closed pipe (`mandat ... | head`) is not an error.
///
/// Every command's standard output passes here, so this is where identity numbers are masked
/// (rules.md, «No identity number leaves the tool»): whatever a name, a minutes body or an input
/// holds, at most its first six digits are printed.
pub fn print(text: &str) -> anyhow::Result<()> {
    let text = crate::pii_scan::mask(text);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// The text `main` prints for an error that stopped a command. A `LoadError` (no registry, no
/// such group, an unreadable folder) is told in the user's language: `--lang`, else the
/// registry's `language` when registry.toml can be read, else English.
pub fn error_text(e: &anyhow::Error, env: &Env) -> String {
    let text = match e.downcast_ref::<LoadError>() {
        Some(load) if e.chain().count() == 1 => load.text().get(env.lang).to_string(),
        _ => format!("{e:#}"),
    };
    crate::pii_scan::mask(&text).into_owned()
}

/// Writes a command's output to `-o FILE`: text with identity numbers masked, as [`print`]
/// does; binary formats (docx, xlsx) mask their text before they are packed.
pub fn write_file(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    use anyhow::Context;
    let masked = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Owned(crate::pii_scan::mask(text).into_owned().into_bytes()),
        Err(_) => std::borrow::Cow::Borrowed(bytes),
    };
    std::fs::write(path, &masked).with_context(|| format!("cannot write {}", path.display()))
}
