//! One file per subcommand, gluing loading, rules and rendering together.

pub mod calendar;
pub mod completions;
pub mod due;
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
use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::{ColorChoice, Command, Global};
use crate::cli::{GroupCommand, MeetingCommand, PersonCommand};
use crate::i18n::Lang;
use crate::registry::{self, Date, LoadError, Registry};

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
pub fn run(command: Command, global: &Global) -> anyhow::Result<Outcome> {
    match command {
        Command::Init(args) => init::run(&args, global),
        Command::Validate(args) => validate::run(&args, global),
        Command::Rules => rules::run(global),
        Command::Explain(args) => explain::run(&args, global),
        Command::Person(PersonCommand::Add(args)) => person::add(&args, global),
        Command::Group(GroupCommand::New(args)) => group::new(&args, global),
        Command::Propose(args) => seat::propose(&args, global),
        Command::Consent(args) => seat::consent(&args, global),
        Command::Appoint(args) => seat::appoint(&args, global),
        Command::Notify(args) => seat::notify(&args, global),
        Command::End(args) => seat::end(&args, global),
        Command::Chair(args) => chair::run(&args, global),
        Command::Meeting(MeetingCommand::New(args)) => meeting::new(&args, global),
        Command::Status(args) => status::run(&args, global),
        Command::List(args) => list::run(&args, global),
        Command::Report(cmd) => report::run(&cmd, global),
        Command::Expenses(args) => expenses::run(&args, global),
        Command::Calendar(args) => calendar::run(&args, global),
        Command::Due(args) => due::run(&args, global),
        Command::Letter(args) => letter::run(&args, global),
        Command::Schema(args) => schema::run(&args, global),
        Command::Completions(args) => completions::run(&args),
        Command::Manpage(args) => manpage::run(&args, global),
        Command::Import(cmd) => import::run(&cmd, global),
        Command::Site(args) => site::run(&args, global),
        Command::Serve(args) => serve::run(&args, global),
    }
}

/// The registry root: `--registry`, else the nearest folder upwards with registry.toml.
pub fn registry_root(global: &Global) -> Result<PathBuf, LoadError> {
    match &global.registry {
        Some(dir) => Ok(dir.clone()),
        None => {
            let here = std::env::current_dir()
                .map_err(|e| LoadError::Unreadable(PathBuf::from("."), e))?;
            registry::find_root(&here).ok_or(LoadError::NotFound(here))
        }
    }
}

/// The evaluation date: `--at` / `MANDAT_AT`, else today.
pub fn evaluation_date(global: &Global) -> Date {
    global
        .at
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// `--lang`, else the registry's `language`, else English.
pub fn language(global: &Global, registry: Option<&Registry>) -> Lang {
    global.lang.unwrap_or_else(|| {
        registry
            .and_then(|r| r.config.language.as_ref())
            .and_then(|l| Lang::parse(&l.value))
            .unwrap_or_default()
    })
}

/// Whether to colour what goes to standard output.
pub fn use_color(global: &Global) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match global.color {
        ColorChoice::Never => false,
        ColorChoice::Always => !no_color,
        ColorChoice::Auto => !no_color && std::io::stdout().is_terminal(),
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
pub fn error_text(e: &anyhow::Error, global: &Global) -> String {
    let text = match e.downcast_ref::<LoadError>() {
        Some(load) if e.chain().count() == 1 => load.text().get(lang_unloaded(global)).to_string(),
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

/// The language for a command that does not load the registry: `--lang`, else the `language`
/// of the registry found (read from registry.toml alone), else English.
pub fn lang_unloaded(global: &Global) -> Lang {
    match registry_root(global) {
        Ok(root) => writing::early_lang(global, &root),
        Err(_) => global.lang.unwrap_or_default(),
    }
}
