//! The arguments of the commands that write the registry: people, groups, the steps of a seat
//! (propose, consent, appoint, notify, end, chair) and meetings.

use clap::{Args, Subcommand};

use super::{EditOptions, parse_date, parse_time};
use crate::registry::{Date, Gender, MeetingStatus, Mode, Profile, Role};

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
