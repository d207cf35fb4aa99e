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
    /// Reports: the annual report of a group, a region's overview, a group's inputs
    #[command(subcommand)]
    Report(ReportCommand),
    /// Who pays travel, stay and the meetings of a group in a year
    Expenses(ExpensesArgs),
    /// An iCalendar file of meetings, report deadlines and term ends
    Calendar(CalendarArgs),
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
}

#[derive(Args, Debug)]
pub struct ValidateArgs {
    /// Output format
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

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date; write it as YYYY-MM-DD, e.g. 2025-03-14"))
}

/// `mandat report ...`.
#[derive(Subcommand, Debug)]
pub enum ReportCommand {
    /// The group's contribution to the service's annual report for a year
    Annual(AnnualArgs),
    /// For one RHF: every group where it holds or should hold a seat
    Region(RegionArgs),
    /// The summary of a group's inputs for the body it reports to
    Inputs(InputsArgs),
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Html,
    Json,
    Docx,
}

/// Output options every report takes.
#[derive(Args, Debug)]
pub struct ReportOutput {
    /// Output format
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,
    /// Write to this file instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Show e-mail addresses and phone numbers (left out by default)
    #[arg(long)]
    pub include_contact: bool,
}

#[derive(Args, Debug)]
pub struct AnnualArgs {
    /// The group id
    pub group: String,
    /// The year the report covers
    #[arg(long)]
    pub year: i32,
    #[command(flatten)]
    pub out: ReportOutput,
}

#[derive(Args, Debug)]
pub struct RegionArgs {
    /// The region id, e.g. helse-nord
    pub region: String,
    /// The year the report covers
    #[arg(long)]
    pub year: i32,
    #[command(flatten)]
    pub out: ReportOutput,
}

#[derive(Args, Debug)]
pub struct InputsArgs {
    /// The group id
    pub group: String,
    /// Only inputs from meetings on or after this date
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<Date>,
    /// Only inputs from meetings that served this milestone
    #[arg(long, value_name = "ID")]
    pub milestone: Option<String>,
    #[command(flatten)]
    pub out: ReportOutput,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExpensesFormat {
    Table,
    Json,
    Csv,
}

#[derive(Args, Debug)]
pub struct ExpensesArgs {
    /// The group id
    pub group: String,
    /// The year
    #[arg(long)]
    pub year: i32,
    /// Output format
    #[arg(long, value_enum, default_value_t = ExpensesFormat::Table)]
    pub format: ExpensesFormat,
}

#[derive(Args, Debug)]
pub struct CalendarArgs {
    /// Only these groups; default: every group
    pub groups: Vec<String>,
    /// Write to this file instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}
