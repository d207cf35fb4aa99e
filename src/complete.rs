//! Dynamic shell completion: `mandat propose <TAB>` offers the registry's group ids, then its
//! person ids; `--region` the regions, `--by` the regions and organisations, `explain` the rule
//! ids. The shell asks the binary itself (`COMPLETE=bash mandat`, clap_complete's `CompleteEnv`),
//! so the candidates are those of the registry the command line names (`-r DIR`) or the one
//! found upwards from the current folder, as the command would use.
//!
//! Candidates come from the folder names and organisations.toml alone, read with the same size
//! limit as the loader: completion must answer at once, even in a registry with errors.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};

use crate::cli::Cli;

/// The command line with completers on every argument that takes an id.
pub fn command() -> clap::Command {
    with_candidates(Cli::command())
}

/// Answers a shell's completion request and exits, when the environment holds one
/// (`COMPLETE=bash|zsh|fish|powershell|elvish`); otherwise returns and the program runs.
pub fn answer_shell_and_exit_if_asked() {
    clap_complete::CompleteEnv::with_factory(command).complete();
}

fn with_candidates(cmd: clap::Command) -> clap::Command {
    cmd.mut_args(|arg| {
        let candidates: Option<fn() -> Vec<CompletionCandidate>> = match arg.get_id().as_str() {
            "group" | "groups" => Some(groups),
            "person" | "replaces" => Some(people),
            "region" => Some(regions),
            "by" => Some(appointers),
            "employer" | "organisation" | "responsible" | "host" | "owner" => Some(organisations),
            "rule" => Some(rules),
            _ => None,
        };
        match candidates {
            Some(f) => arg.add(ArgValueCandidates::new(f)),
            None => arg,
        }
    })
    .mut_subcommands(with_candidates)
}

/// The registry the command line being completed names with `-r`/`--registry`, else the one
/// found upwards from the current folder.
fn root() -> Option<PathBuf> {
    let args: Vec<OsString> = std::env::args_os().collect();
    let named = args.iter().enumerate().find_map(|(i, a)| {
        let a = a.to_str()?;
        if a == "-r" || a == "--registry" {
            return args.get(i + 1).map(PathBuf::from);
        }
        a.strip_prefix("--registry=").map(PathBuf::from)
    });
    named.or_else(|| crate::registry::find_root(&std::env::current_dir().ok()?))
}

fn candidates(ids: impl IntoIterator<Item = (String, Option<String>)>) -> Vec<CompletionCandidate> {
    let mut ids: Vec<_> = ids.into_iter().collect();
    ids.sort();
    ids.dedup_by(|a, b| a.0 == b.0);
    ids.into_iter()
        .map(|(id, help)| {
            let c = CompletionCandidate::new(id);
            match help {
                Some(h) => c.help(Some(h.into())),
                None => c,
            }
        })
        .collect()
}

/// The ids of the entities under `dir` (folder names or `.toml` file stems).
fn ids_in(dir: &Path, files: bool) -> Vec<(String, Option<String>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let id = if files {
                name.strip_suffix(".toml")?.to_string()
            } else {
                e.file_type().ok()?.is_dir().then_some(name)?
            };
            crate::registry::is_valid_id(&id).then_some((id, None))
        })
        .collect()
}

fn groups() -> Vec<CompletionCandidate> {
    candidates(
        root()
            .map(|r| ids_in(&r.join("groups"), false))
            .unwrap_or_default(),
    )
}

fn people() -> Vec<CompletionCandidate> {
    candidates(
        root()
            .map(|r| ids_in(&r.join("people"), true))
            .unwrap_or_default(),
    )
}

/// `[[region]]` or `[[organisation]]` entries of organisations.toml: id and name.
fn organisations_of(kind: &str) -> Vec<(String, Option<String>)> {
    const LIMIT: u64 = 8 * 1024 * 1024;
    let Some(path) = root().map(|r| r.join("organisations.toml")) else {
        return Vec::new();
    };
    let small = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file() && m.len() <= LIMIT);
    let Some(table) = small
        .then(|| std::fs::read_to_string(&path).ok())
        .flatten()
        .and_then(|t| t.trim_start_matches('\u{feff}').parse::<toml::Table>().ok())
    else {
        return Vec::new();
    };
    let Some(entries) = table.get(kind).and_then(|v| v.as_array()) else {
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(|e| {
            let id = e.get("id")?.as_str()?.to_string();
            let name = e.get("name").and_then(|n| n.as_str()).map(str::to_string);
            Some((id, name))
        })
        .collect()
}

fn regions() -> Vec<CompletionCandidate> {
    candidates(organisations_of("region"))
}

fn organisations() -> Vec<CompletionCandidate> {
    candidates(organisations_of("organisation"))
}

fn appointers() -> Vec<CompletionCandidate> {
    let mut all = organisations_of("region");
    all.extend(organisations_of("organisation"));
    candidates(all)
}

fn rules() -> Vec<CompletionCandidate> {
    candidates(
        crate::rule_id::RuleId::ALL
            .iter()
            .map(|r| (r.as_str().to_string(), None)),
    )
}
