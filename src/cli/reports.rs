//! The arguments of the commands that read the registry into reports, letters, a calendar and
//! the site.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::{EditOptions, SheetOutput, parse_date};
use crate::registry::Date;

/// `mandat report ...`.
#[derive(Subcommand, Debug)]
pub enum ReportCommand {
    /// The group's contribution to the service's annual report for a year
    Annual(AnnualArgs),
    /// For one RHF: every group where it holds or should hold a seat
    Region(RegionArgs),
    /// The summary of a group's inputs for the body it reports to
    Inputs(InputsArgs),
    /// Write the stub files of a year's annual report (national-service groups)
    Kickoff(KickoffArgs),
}

#[derive(Args, Debug)]
pub struct KickoffArgs {
    /// The group id
    pub group: String,
    /// The year the report covers
    #[arg(long)]
    pub year: i32,
    #[command(flatten)]
    pub edit: EditOptions,
}

/// The reports' formats: declared beside the renderer, which must not import the CLI.
pub use crate::report::render::ReportFormat;

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
    /// Add an appendix for the coordinator: rule ids, files and due dates
    #[arg(long)]
    pub details: bool,
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
    Xlsx,
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
    #[command(flatten)]
    pub sheet: SheetOutput,
}

#[derive(Args, Debug)]
pub struct LetterArgs {
    /// Which letter
    #[arg(value_enum)]
    pub kind: crate::report::letter::Kind,
    /// The group id
    pub group: String,
    /// The person the letter is to or about (request, appointment, notification)
    pub person: Option<String>,
    /// reminder: the report year (default: the report due next)
    #[arg(long)]
    pub year: Option<i32>,
    /// reminder: the region whose section is missing (without it: the feedback)
    #[arg(long, value_name = "R")]
    pub region: Option<String>,
    /// The letter's date (default: --at, else today)
    #[arg(long, value_name = "D", value_parser = parse_date)]
    pub date: Option<Date>,
    #[command(flatten)]
    pub out: ReportOutput,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum DueFormat {
    Table,
    Md,
    Json,
    Ics,
    Xlsx,
}

#[derive(Args, Debug)]
pub struct DueArgs {
    /// List what falls due within this many days after --at (and everything overdue)
    #[arg(long, value_name = "DAYS", default_value_t = crate::report::due::DEFAULT_WITHIN,
          value_parser = clap::value_parser!(i64).range(0..=36500))]
    pub within: i64,
    /// Only this group (repeatable)
    #[arg(long = "group", value_name = "ID")]
    pub groups: Vec<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = DueFormat::Table)]
    pub format: DueFormat,
    /// Write to this file instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct CalendarArgs {
    /// Only these groups; default: every group
    pub groups: Vec<String>,
    /// Write to this file instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct SiteArgs {
    /// The folder to write the site into (created if missing; refused if it holds other files)
    #[arg(value_name = "OUT")]
    pub out: PathBuf,
    /// Only this group (repeatable); default: every group
    #[arg(long = "group", value_name = "ID")]
    pub groups: Vec<String>,
    /// Publish the minutes of held meetings on the group pages
    #[arg(long)]
    pub include_minutes: bool,
}
