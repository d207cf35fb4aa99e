//! The command line, as clap types. The names, flags and exit codes are the contract (cli.md).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::registry::Date;

#[derive(Parser, Debug)]
#[command(
    name = "mandat",
    version,
    about = "Keep Norwegian reference groups (referansegrupper) in line with their mandate",
    long_about = "mandat checks, edits and reports on a git registry of reference groups: \
                  groups, people, appointments, minutes and annual report sections as TOML and \
                  Markdown files."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after the subcommand.
#[derive(Args, Debug, Clone)]
pub struct Global {
    /// The registry root; default: the nearest folder upwards that holds registry.toml
    #[arg(short = 'r', long, global = true, value_name = "DIR")]
    pub registry: Option<PathBuf>,
    /// Evaluate as of this date (YYYY-MM-DD) instead of today
    #[arg(long, global = true, env = "MANDAT_AT", value_name = "DATE", value_parser = parse_date)]
    pub at: Option<Date>,
    /// Language of messages and reports; default: the registry's language, else en
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// Colour in terminal output; NO_COLOR is honoured
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create a new registry with the RHFs, health trusts and hospitals
    Init(InitArgs),
    /// Check the registry against every rule and report all problems at once
    Validate(ValidateArgs),
    /// List every rule: id, default level per profile, what it checks
    Rules,
    /// Explain a rule: what it checks, why, the clause it enforces, how to fix it
    Explain(ExplainArgs),
    /// JSON Schemas of every file kind, for editors (Taplo / Even Better TOML)
    Schema(SchemaArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write one per command with --out
    Manpage(ManpageArgs),
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The folder to create the registry in
    pub dir: PathBuf,
    /// The registry's name
    #[arg(long)]
    pub name: Option<String>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ValidateFormat {
    Human,
    Json,
    /// GitHub Actions workflow commands (annotations); the default when GITHUB_ACTIONS=true
    Github,
    /// SARIF 2.1.0, for code scanning
    Sarif,
    /// JUnit XML, for GitLab's test report
    Junit,
}

#[derive(Args, Debug)]
pub struct ValidateArgs {
    /// Output format; default: human, or github when GITHUB_ACTIONS=true
    #[arg(long, value_enum)]
    pub format: Option<ValidateFormat>,
    /// Make warnings fail (exit code 1)
    #[arg(long)]
    pub deny_warnings: bool,
    /// Check only this group (repeatable)
    #[arg(long = "group", value_name = "ID")]
    pub groups: Vec<String>,
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// The rule id, e.g. one-member-per-rhf
    pub rule: String,
}

#[derive(Args, Debug)]
pub struct SchemaArgs {
    /// Only this kind of file; default: every kind
    #[arg(value_parser = clap::builder::PossibleValuesParser::new(
        crate::json_schema::KINDS.map(|k| k.name)
    ))]
    pub kind: Option<String>,
    /// Write <kind>.schema.json files into this folder instead of printing
    #[arg(long, value_name = "DIR", conflicts_with = "taplo")]
    pub out: Option<PathBuf>,
    /// Write the schemas into the registry's .schemas/ folder and, if absent, a .taplo.toml that
    /// maps the registry's files to them (what `mandat init` does for a new registry)
    #[arg(long, conflicts_with = "kind")]
    pub taplo: bool,
}

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Args, Debug)]
pub struct ManpageArgs {
    /// Write mandat.1 and one page per command (mandat-validate.1, ...) into this folder
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date; write it as YYYY-MM-DD, e.g. 2025-03-14"))
}
