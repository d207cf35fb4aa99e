//! The command line, as clap types. The names, flags and exit codes are the contract (cli.md).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::registry::Date;

mod edits;
mod reports;

pub use edits::*;
pub use reports::*;

#[derive(Parser, Debug)]
#[command(
    name = "mandat",
    version = concat!(env!("CARGO_PKG_VERSION"), " (", env!("MANDAT_COMMIT"), ")"),
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
    /// People: `person add`
    #[command(subcommand)]
    Person(PersonCommand),
    /// Groups: `group new`
    #[command(subcommand)]
    Group(GroupCommand),
    /// Record that the service proposes a person for a seat
    Propose(ProposeArgs),
    /// Record that the proposed person agreed to serve (and when their leader cleared it)
    Consent(ConsentArgs),
    /// Formally appoint a proposed person, or create and appoint a seat in one step
    Appoint(AppointArgs),
    /// Record that the appointment was announced, and print the announcement
    Notify(NotifyArgs),
    /// End a member's seat
    End(EndArgs),
    /// Designate the chair from a date; closes the previous chair term the day before
    Chair(ChairArgs),
    /// Meetings: `meeting new`
    #[command(subcommand)]
    Meeting(MeetingCommand),
    /// A table per group: seats, vacancies, the chair, the next deadlines
    Status(StatusArgs),
    /// Tables of the registry as of --at: groups, people, members or meetings
    List(ListArgs),
    /// Reports: the annual report of a group, a region's overview, a group's inputs
    #[command(subcommand)]
    Report(ReportCommand),
    /// Who pays travel, stay and the meetings of a group in a year
    Expenses(ExpensesArgs),
    /// An iCalendar file of meetings, report deadlines and term ends
    Calendar(CalendarArgs),
    /// Every obligation that is overdue or falls due soon, soonest first
    Due(DueArgs),
    /// The letters the mandate asks for: request, appointment, notification, constituted, reminder
    Letter(LetterArgs),
    /// JSON Schemas of every file kind, for editors (Taplo / Even Better TOML)
    Schema(SchemaArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write one per command with --out
    Manpage(ManpageArgs),
    /// Spreadsheets in: `import members`, `import registry`, `import template`
    #[command(subcommand)]
    Import(ImportCommand),
    /// Write the public web site of the groups into a folder
    Site(SiteArgs),
    /// The registry in a browser: a local web application with forms for every step
    Serve(ServeArgs),
}

/// `mandat import ...`.
#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    /// Read a member list (.csv, .xlsx or .ods) and write the people and seats it holds
    Members(ImportMembersArgs),
    /// Read a workbook with one sheet per group (or a group column) into the registry
    Registry(ImportRegistryArgs),
    /// Write an empty workbook laid out for `import members` and `import registry`
    Template(ImportTemplateArgs),
}

#[derive(Args, Debug)]
pub struct ImportMembersArgs {
    /// The file: .csv (comma, semicolon or tab; UTF-8 or Windows-1252), .xlsx or .ods
    pub file: PathBuf,
    /// The group the members belong to
    #[arg(long, value_name = "ID")]
    pub group: String,
    /// The worksheet to read (default: the first)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    #[command(flatten)]
    pub edit: EditOptions,
}

#[derive(Args, Debug)]
pub struct ImportRegistryArgs {
    /// The workbook: .xlsx or .ods (a .csv with a group column also works)
    pub file: PathBuf,
    #[command(flatten)]
    pub edit: EditOptions,
}

#[derive(Args, Debug)]
pub struct ImportTemplateArgs {
    /// The file to write, e.g. mal.xlsx
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
}

#[derive(Args, Debug, Clone)]
pub struct ServeArgs {
    /// The address to listen on
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// The port; 0 for any free port
    #[arg(long, value_name = "N", default_value_t = 7878)]
    pub port: u16,
    /// Do not open the browser
    #[arg(long)]
    pub no_open: bool,
    /// Commit each change in the registry's git work tree
    #[arg(long)]
    pub git_commit: bool,
    /// Also accept this Host name (a reverse proxy's); repeatable
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_hosts: Vec<String>,
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

/// Options of every command that writes.
#[derive(Args, Debug, Clone, Copy)]
pub struct EditOptions {
    /// Print the change as a unified diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Write even when the change adds errors
    #[arg(long)]
    pub force: bool,
}

/// Parses `HH:MM` or `HH:MM:SS`.
pub fn parse_time(s: &str) -> Result<chrono::NaiveTime, String> {
    chrono::NaiveTime::parse_from_str(s, "%H:%M")
        .or_else(|_| chrono::NaiveTime::parse_from_str(s, "%H:%M:%S"))
        .map_err(|_| format!("`{s}` is not a time of day; write it as HH:MM, e.g. 10:00"))
}

#[derive(Args, Debug)]
pub struct StatusArgs {
    /// Only this group (default: every group)
    pub group: Option<String>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListWhat {
    Groups,
    People,
    Members,
    Meetings,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Csv,
    Xlsx,
}

/// Options of every command that writes CSV or a workbook.
#[derive(Args, Debug, Clone)]
pub struct SheetOutput {
    /// With --format csv: for Excel in Norway (`;` between cells, a UTF-8 byte-order mark)
    #[arg(long)]
    pub excel: bool,
    /// Write to this file instead of standard output (required by --format xlsx)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct ListArgs {
    /// What to list
    #[arg(value_enum)]
    pub what: ListWhat,
    /// Only this group
    #[arg(long, value_name = "ID")]
    pub group: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    #[command(flatten)]
    pub sheet: SheetOutput,
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
    Date::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
        let shape = s.len() == 10
            && s.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if let Some(iso) = crate::registry::value_hint::norwegian_date_to_iso(s) {
            format!("`{s}` is not a date in the right form; write `{iso}` (YYYY-MM-DD)")
        } else if shape {
            // Written right, but no such day: say so rather than repeat the format.
            format!("`{s}` is not a day that exists; check the month and the day")
        } else {
            format!("`{s}` is not a date; write it as YYYY-MM-DD, e.g. 2025-03-14")
        }
    })
}
