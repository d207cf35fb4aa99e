//! The command line in Norwegian: `--help` of every command and clap's own errors, when the
//! language is nb.
//!
//! src/cli/ holds the clap types with English doc comments. This module does not touch them:
//! it builds the clap [`Command`] and, for nb, replaces every about and help text from the tables
//! in [`text`] (keyed by command path and argument id), renders the headings,
//! defaults and possible values in Norwegian, and writes clap's parse errors from their kind and
//! context. A test walks the command tree and fails for any command or argument without a
//! Norwegian text, so an addition to src/cli/ cannot slip through in English.
//!
//! The language must be known before the arguments are parsed: `--lang` in the raw arguments,
//! else the `language` of the registry (`-r/--registry`, else found upwards from the current
//! folder), read from the first few kilobytes of registry.toml.

mod errors;
mod text;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::error::ErrorKind;
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use crate::cli::Cli;
use crate::i18n::Lang;
pub use errors::{date_problem_nb, error_nb};
use text::{ARGS, COMMANDS, VALUE_NAMES};

/// How much of registry.toml is read to find its language: the `[registry]` table comes first.
const LANG_READ_LIMIT: u64 = 64 * 1024;

/// Parses the process's arguments in the user's language; prints help, version or an error and
/// exits as clap does (0 for help and version, 2 for an error).
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let color = stderr_color(&args);
    match try_parse_from(args) {
        Ok(cli) => cli,
        Err(Failure::Clap(e)) => e.exit(),
        Err(Failure::Nb(text)) => {
            eprint!("{}", label_colored(&text, color));
            std::process::exit(2);
        }
    }
}

/// Whether clap's errors would be coloured: standard error is a terminal, `NO_COLOR` is not set
/// and `--color` is not `never` (or it is `always`).
fn stderr_color(args: &[OsString]) -> bool {
    use std::io::IsTerminal;
    let choice = args
        .windows(2)
        .find_map(|w| (w[0] == "--color").then(|| w[1].to_string_lossy().into_owned()));
    let choice = choice.or_else(|| {
        args.iter().find_map(|a| {
            a.to_str()
                .and_then(|a| a.strip_prefix("--color="))
                .map(str::to_string)
        })
    });
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match choice.as_deref() {
        Some("never") => false,
        Some("always") => !no_color,
        _ => !no_color && std::io::stderr().is_terminal(),
    }
}

/// The leading `error:` in bold red, as clap writes it, when `color`.
fn label_colored(text: &str, color: bool) -> String {
    match text.strip_prefix("error:") {
        Some(rest) if color => format!("\x1b[1m\x1b[31merror:\x1b[0m{rest}"),
        _ => text.to_string(),
    }
}

/// Why the arguments did not give a [`Cli`].
#[derive(Debug)]
pub enum Failure {
    /// Help, version, or an error in English: clap prints it.
    Clap(clap::Error),
    /// An error already written in Norwegian, ending with a newline.
    Nb(String),
}

/// Parses `args` (the program name first) in the language they select.
pub fn try_parse_from(args: Vec<OsString>) -> Result<Cli, Failure> {
    match lang_from_args(&args) {
        Lang::En => Cli::try_parse_from_args(args),
        Lang::Nb => {
            // Parsed as derived first: the Norwegian command costs a walk of the whole tree,
            // needed only for help and errors, which parse the same way with either.
            if let Ok(cli) = <Cli as clap::Parser>::try_parse_from(args.clone()) {
                return Ok(cli);
            }
            let mut cmd = command(Lang::Nb);
            match cmd.try_get_matches_from_mut(args) {
                Ok(matches) => Cli::from_arg_matches(&matches)
                    .map_err(|e| Failure::Nb(error_nb(&e.with_cmd(&cmd)))),
                Err(e) if is_display(e.kind()) => Err(Failure::Clap(e)),
                Err(e) => Err(Failure::Nb(error_nb(&e))),
            }
        }
    }
}

impl Cli {
    fn try_parse_from_args(args: Vec<OsString>) -> Result<Cli, Failure> {
        <Cli as clap::Parser>::try_parse_from(args).map_err(Failure::Clap)
    }
}

fn is_display(kind: ErrorKind) -> bool {
    matches!(
        kind,
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    )
}

/// The clap command in `lang`: for en the derived one, for nb with every text replaced.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    if lang == Lang::En {
        return cmd;
    }
    // Built first, so that the generated --help, --version and `help` exist and the global
    // options have been copied into every subcommand: all are then translated in one walk.
    cmd.build();
    translate(cmd, "")
}

fn translate(mut cmd: Command, path: &str) -> Command {
    if let Some(about) = command_text(path) {
        cmd = cmd.about(about);
        if cmd.get_long_about().is_some() {
            cmd = cmd.long_about(long_about_text(path).unwrap_or(about));
        }
    }
    let path_owned = path.to_string();
    cmd = cmd.mut_args(|arg| translate_arg(arg, &path_owned));
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = join(path, &name);
        cmd = cmd.mut_subcommand(&name, |sub| translate(sub, &sub_path));
    }
    let usage = usage_nb(&mut cmd);
    let template = template(&cmd);
    cmd.override_usage(usage).help_template(template)
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path} {name}")
    }
}

/// The command's usage line in Norwegian: clap's own, with its placeholders translated.
fn usage_nb(cmd: &mut Command) -> String {
    let usage = cmd.render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    usage
        .replace("[OPTIONS]", "[VALG]")
        .replace("<COMMAND>", "<KOMMANDO>")
        .replace("[COMMAND]", "[KOMMANDO]")
}

/// clap's help layout with Norwegian headings, leaving out the sections the command lacks.
fn template(cmd: &Command) -> String {
    let mut t = String::from("{before-help}{about-with-newline}\nBruk: {usage}");
    if cmd.has_subcommands() && cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        t.push_str("\n\nKommandoer:\n{subcommands}");
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        t.push_str("\n\nArgumenter:\n{positionals}");
    }
    if cmd
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        t.push_str("\n\nValg:\n{options}");
    }
    t.push_str("{after-help}");
    t
}

fn translate_arg(arg: Arg, path: &str) -> Arg {
    let id = arg.get_id().as_str().to_string();
    let Some(help) = arg_text(path, &id) else {
        return arg;
    };
    let mut help = help.to_string();
    let takes_value = matches!(arg.get_action(), ArgAction::Set | ArgAction::Append);
    if takes_value {
        let values = arg.get_possible_values();
        let shown: Vec<&str> = values
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name())
            .collect();
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() {
            help.push_str(&format!(" [standard: {}]", defaults.join(", ")));
        }
        if !shown.is_empty() {
            help.push_str(&format!(" [mulige verdier: {}]", shown.join(", ")));
        }
        if let Some(env) = arg.get_env() {
            help.push_str(&format!(" [miljøvariabel: {}]", env.to_string_lossy()));
        }
    }
    let mut arg = arg
        .help(help)
        .long_help(None::<&str>)
        .hide_default_value(true)
        .hide_possible_values(true)
        .hide_env(true);
    if !takes_value {
        return arg;
    }
    if let Some(names) = arg.get_value_names() {
        let translated: Vec<clap::builder::Str> = names
            .iter()
            .map(|n| value_name(n.as_str()).map_or_else(|| n.clone(), Into::into))
            .collect();
        arg = arg.value_names(translated);
    }
    arg
}

/// The Norwegian placeholder for a value name (`DATE` → `DATO`), if it has one.
fn value_name(name: &str) -> Option<&'static str> {
    VALUE_NAMES
        .iter()
        .find(|(en, _)| *en == name)
        .map(|(_, nb)| *nb)
}

/// The Norwegian about of the command at `path` ("" is `mandat` itself). clap's own `help`
/// subcommand shares one text at every level, and the tree under it mirrors the commands:
/// `report help annual` is about `report annual`.
pub(crate) fn command_text(path: &str) -> Option<&'static str> {
    let key = without_help(path);
    COMMANDS
        .iter()
        .find(|(p, _, _)| *p == key)
        .map(|(_, about, _)| *about)
}

/// The path a path under clap's `help` subcommand mirrors; `help` itself when it ends in it.
fn without_help(path: &str) -> String {
    let words: Vec<&str> = path.split(' ').filter(|w| !w.is_empty()).collect();
    if words.last() == Some(&"help") {
        return "help".to_string();
    }
    match words.iter().position(|w| *w == "help") {
        Some(i) => [&words[..i], &words[i + 1..]].concat().join(" "),
        None => path.to_string(),
    }
}

fn long_about_text(path: &str) -> Option<&'static str> {
    COMMANDS
        .iter()
        .find(|(p, _, _)| *p == path)
        .and_then(|(_, _, long)| *long)
}

/// The Norwegian help of argument `id` in the command at `path`: its own entry, else the one
/// for every command (`*`: the global options, `--help`, `--version`, `--dry-run`, `--force`).
pub(crate) fn arg_text(path: &str, id: &str) -> Option<&'static str> {
    let path = without_help(path);
    ARGS.iter()
        .find(|(p, i, _)| *p == path && *i == id)
        .or_else(|| ARGS.iter().find(|(p, i, _)| *p == "*" && *i == id))
        .map(|(_, _, text)| *text)
}

// ---------------------------------------------------------------------------------------------
// Errors

/// The language the arguments ask for: `--lang`, else the language of the registry they point
/// to (or that is found upwards from the current folder), else English.
pub fn lang_from_args(args: &[OsString]) -> Lang {
    let mut registry: Option<PathBuf> = None;
    let mut i = 1;
    while i < args.len() {
        let Some(a) = args[i].to_str() else {
            i += 1;
            continue;
        };
        let next = || args.get(i + 1).map(PathBuf::from);
        match a {
            "--" => break,
            "--lang" => {
                if let Some(lang) = args
                    .get(i + 1)
                    .and_then(|v| v.to_str())
                    .and_then(Lang::parse)
                {
                    return lang;
                }
            }
            "-r" | "--registry" => {
                registry = next();
                i += 1;
            }
            _ => {
                if let Some(v) = a.strip_prefix("--lang=") {
                    if let Some(lang) = Lang::parse(v) {
                        return lang;
                    }
                } else if let Some(v) = a.strip_prefix("--registry=") {
                    registry = Some(PathBuf::from(v));
                } else if let Some(v) = a.strip_prefix("-r").filter(|v| !v.is_empty()) {
                    registry = Some(PathBuf::from(v.strip_prefix('=').unwrap_or(v)));
                }
            }
        }
        i += 1;
    }
    let root = match registry {
        Some(dir) => Some(dir),
        None => std::env::current_dir()
            .ok()
            .and_then(|here| crate::registry::find_root(&here)),
    };
    root.and_then(|r| registry_language(&r)).unwrap_or_default()
}

/// The `language` of the registry at `root`, from the first [`LANG_READ_LIMIT`] bytes of its
/// registry.toml: parsed as TOML when it can be, else the first `language = "…"` line.
fn registry_language(root: &Path) -> Option<Lang> {
    use std::io::Read;
    let path = root.join("registry.toml");
    // Not a FIFO or a device, which a read could wait on for ever.
    if !std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
        return None;
    }
    let file = std::fs::File::open(path).ok()?;
    let mut bytes = Vec::new();
    file.take(LANG_READ_LIMIT).read_to_end(&mut bytes).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let text = text.trim_start_matches('\u{feff}');
    if let Ok(table) = text.parse::<toml::Table>() {
        return table
            .get("registry")?
            .get("language")?
            .as_str()
            .and_then(Lang::parse);
    }
    text.lines().find_map(|line| {
        let (key, value) = line.split_once('=')?;
        if key.trim() != "language" {
            return None;
        }
        Lang::parse(value.trim().trim_matches('"'))
    })
}

#[cfg(test)]
mod tests;
