//! The command line, as clap types. The names, flags and exit codes are the contract (cli.md).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::registry::{Date, Gender, MeetingStatus, Mode, Profile, Role};

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

#[derive(Subcommand, Debug)]
pub enum PersonCommand {
    /// Add a person; the id is derived from the name when not given
    Add(PersonAddArgs),
}

#[derive(Args, Debug)]
pub struct PersonAddArgs {
    /// The person's id (default: derived from the name, e.g. kari-nordmann)
    pub id: Option<String>,
    /// Full name
    #[arg(long)]
    pub name: String,
    /// Employer: an organisation id from organisations.toml
    #[arg(long, value_name = "ORG")]
    pub employer: Option<String>,
    /// E-mail address (private: never printed in reports)
    #[arg(long, value_name = "E")]
    pub email: Option<String>,
    /// Phone number (private: never printed in reports)
    #[arg(long, value_name = "P")]
    pub phone: Option<String>,
    /// Gender, used only by the gender-balance rule
    #[arg(long, value_enum, value_name = "G")]
    pub gender: Option<Gender>,
    #[command(flatten)]
    pub edit: EditOptions,
}

#[derive(Subcommand, Debug)]
pub enum GroupCommand {
    /// Create a group folder with group.toml and an empty members.toml
    New(GroupNewArgs),
}

#[derive(Args, Debug)]
pub struct GroupNewArgs {
    /// The group's id, also its folder name
    pub id: String,
    /// The group's full name
    #[arg(long)]
    pub name: String,
    /// national-service, municipal-advisory or advisory
    #[arg(long, value_enum, value_name = "P")]
    pub profile: Profile,
    /// national-service: the service's name
    #[arg(long, value_name = "S")]
    pub service: Option<String>,
    /// national-service: an HF where the service is located (repeatable)
    #[arg(long = "host", value_name = "HF")]
    pub hosts: Vec<String>,
    /// national-service: the HF responsible for the service
    #[arg(long, value_name = "HF")]
    pub responsible: Option<String>,
    /// municipal-advisory: the municipality that owns the process; advisory: the owning organisation
    #[arg(long, value_name = "ORG")]
    pub owner: Option<String>,
    /// municipal-advisory: the process the group advises
    #[arg(long, value_name = "TEXT")]
    pub process: Option<String>,
    /// municipal-advisory: where inputs are taken
    #[arg(long, value_name = "TEXT")]
    pub reports_to: Option<String>,
    /// municipal-advisory: a constituency id (repeatable)
    #[arg(long = "constituency", value_name = "C")]
    pub constituencies: Vec<String>,
    /// The day the group was established (default: --at, else today)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub established: Option<Date>,
    #[command(flatten)]
    pub edit: EditOptions,
}

#[derive(Args, Debug)]
pub struct ProposeArgs {
    /// The group id
    pub group: String,
    /// The person id
    pub person: String,
    /// The seat's role
    #[arg(long, value_enum)]
    pub role: Role,
    /// regional: the region represented
    #[arg(long, value_name = "R")]
    pub region: Option<String>,
    /// user: the user organisation; other/constituency: the body represented
    #[arg(long, value_name = "ORG")]
    pub organisation: Option<String>,
    /// constituency: one of the group's constituencies
    #[arg(long, value_name = "C")]
    pub constituency: Option<String>,
    /// The day of the proposal (default: --at, else today)
    #[arg(long, value_name = "D", value_parser = parse_date)]
    pub date: Option<Date>,
    #[command(flatten)]
    pub edit: EditOptions,
}

#[derive(Args, Debug)]
pub struct ConsentArgs {
    /// The group id
    pub group: String,
    /// The person id
    pub person: String,
    /// The day the person agreed (default: --at, else today)
    #[arg(long, value_name = "D", value_parser = parse_date)]
    pub date: Option<Date>,
    /// The day the person's leader cleared the participation
    #[arg(long, value_name = "D", value_parser = parse_date)]
    pub leader_cleared: Option<Date>,
    #[command(flatten)]
    pub edit: EditOptions,
}

#[derive(Args, Debug)]
pub struct AppointArgs {
    /// The group id
    pub group: String,
    /// The person id
    pub person: String,
    /// Who appoints: the RHF (region id) for national-service, an organisation id otherwise
    #[arg(long, value_name = "APPOINTER")]
    pub by: String,
    /// The day of the appointment (default: --at, else today)
    #[arg(long, value_name = "D", value_parser = parse_date)]
    pub date: Option<Date>,
    /// Create and appoint a seat in one step: its role
    #[arg(long, value_enum)]
    pub role: Option<Role>,
    /// With --role regional: the region represented
    #[arg(long, value_name = "R")]
    pub region: Option<String>,
    /// With --role: the organisation represented
    #[arg(long, value_name = "ORG")]
    pub organisation: Option<String>,
    /// With --role constituency: the constituency
    #[arg(long, value_name = "C")]
    pub constituency: Option<String>,
    /// Reference of the appointment letter
    #[arg(long, value_name = "REF")]
    pub letter: Option<String>,
    /// Planned last day of the term
    #[arg(long, value_name = "D", value_parser = parse_date)]
    pub term_end: Option<Date>,
    /// End this member's seat the day before
    #[arg(long, value_name = "PERSON")]
    pub replaces: Option<String>,
    /// The day the person agreed to serve
    #[arg(long, value_name = "D", value_parser = parse_date)]
    pub consented: Option<Date>,
    /// The day the person's leader cleared the participation
    #[arg(long, value_name = "D", value_parser = parse_date)]
    pub leader_cleared: Option<Date>,
    #[command(flatten)]
    pub edit: EditOptions,
}

#[derive(Args, Debug)]
pub struct NotifyArgs {
    /// The group id
    pub group: String,
    /// The person id
    pub person: String,
    /// The day the announcement was sent (default: --at, else today)
    #[arg(long, value_name = "D", value_parser = parse_date)]
    pub date: Option<Date>,
    #[command(flatten)]
    pub edit: EditOptions,
}

#[derive(Args, Debug)]
pub struct EndArgs {
    /// The group id
    pub group: String,
    /// The person id
    pub person: String,
    /// The member's last day
    #[arg(long, value_name = "D", value_parser = parse_date)]
    pub date: Date,
    /// Why the seat ends
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    #[command(flatten)]
    pub edit: EditOptions,
}

#[derive(Args, Debug)]
pub struct ChairArgs {
    /// The group id
    pub group: String,
    /// The person id
    pub person: String,
    /// The HF that designates the chair (the responsible HF)
    #[arg(long, value_name = "HF")]
    pub by: String,
    /// The first day as chair (default: --at, else today)
    #[arg(long, value_name = "D", value_parser = parse_date)]
    pub date: Option<Date>,
    #[command(flatten)]
    pub edit: EditOptions,
}

#[derive(Subcommand, Debug)]
pub enum MeetingCommand {
    /// Create the minutes file from a template, with the active members as expected attendees
    New(MeetingNewArgs),
}

#[derive(Args, Debug)]
pub struct MeetingNewArgs {
    /// The group id
    pub group: String,
    /// The meeting's date
    #[arg(long, value_name = "D", value_parser = parse_date)]
    pub date: Date,
    /// How the meeting is held
    #[arg(long, value_enum, value_name = "M", default_value_t = Mode::Digital)]
    pub mode: Mode,
    /// planned, or held/cancelled when recording a past meeting
    #[arg(long, value_enum, value_name = "S", default_value_t = MeetingStatus::Planned)]
    pub status: MeetingStatus,
    /// municipal-advisory: the milestone the meeting serves
    #[arg(long, value_name = "ID")]
    pub milestone: Option<String>,
    /// When it starts, Europe/Oslo (HH:MM)
    #[arg(long, value_name = "HH:MM", value_parser = parse_time)]
    pub start: Option<chrono::NaiveTime>,
    /// When it ends, Europe/Oslo (HH:MM); after --start
    #[arg(long, value_name = "HH:MM", value_parser = parse_time, requires = "start")]
    pub end: Option<chrono::NaiveTime>,
    /// The video link of a digital or hybrid meeting
    #[arg(long, value_name = "URL")]
    pub link: Option<String>,
    #[command(flatten)]
    pub edit: EditOptions,
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
