//! The fields of every file kind: one table per kind, the single source of truth for what a
//! file may hold. The reader checks files against these tables; `mandat schema` and the docs can
//! be generated from them.

mod front;
mod group;

pub use front::{FEEDBACK_FRONT, MEETING_FRONT, SECTION_FRONT};
pub use group::{CHAIR, GROUP_FILE, INPUT, MEMBER, MEMBERS_FILE, MILESTONE, WAIVER};

/// The type of a field's value.
#[derive(Clone, Copy, Debug)]
pub enum Ty {
    Str,
    /// A string of exactly nine digits.
    OrgNumber,
    Date,
    /// A local time of day, `10:00:00` (TOML local time).
    Time,
    /// A non-negative integer.
    Count,
    /// A year as an integer.
    Year,
    /// `"MM-DD"`.
    MonthDay,
    StrList,
    Enum(&'static [&'static str]),
    /// A table with the given fields.
    Table(&'static [Field]),
    /// An array of tables with the given fields (`[[name]]`).
    Tables(&'static [Field]),
    /// `[rules]`: rule id = level.
    Rules,
}

#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
    /// One line for editors and docs.
    pub doc: &'static str,
}

const fn f(name: &'static str, ty: Ty, required: bool, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required,
        doc,
    }
}

use super::model::{Gender, InputStatus, Level, MeetingStatus, Mode, OrgKind, Profile, Role};

pub const LEVELS: &[&str] = Level::NAMES;
pub const LANGUAGES: &[&str] = &["nb", "en"];
pub const ORG_KINDS: &[&str] = OrgKind::NAMES;
pub const GENDERS: &[&str] = Gender::NAMES;
pub const PROFILES: &[&str] = Profile::NAMES;
pub const ROLES: &[&str] = Role::NAMES;
pub const MEETING_STATUSES: &[&str] = MeetingStatus::NAMES;
pub const MODES: &[&str] = Mode::NAMES;
pub const INPUT_STATUSES: &[&str] = InputStatus::NAMES;

pub const REGISTRY_SECTION: &[Field] = &[
    f("name", Ty::Str, true, "The registry's name."),
    f(
        "language",
        Ty::Enum(LANGUAGES),
        false,
        "Language of reports and messages: nb or en (default en).",
    ),
    f(
        "report-due",
        Ty::MonthDay,
        false,
        "MM-DD in the following year when a year's annual report is due (default 02-10).",
    ),
    f(
        "vacancy-grace-days",
        Ty::Count,
        false,
        "Days a seat may stand empty before it is an error (default 90).",
    ),
    f(
        "input-followup-days",
        Ty::Count,
        false,
        "Days an input may stay open after its meeting (default 30).",
    ),
    f(
        "history-from",
        Ty::Date,
        false,
        "Years before this date are not checked by annual-meeting and annual-report.",
    ),
];

pub const REGISTRY_FILE: &[Field] = &[
    f(
        "registry",
        Ty::Table(REGISTRY_SECTION),
        true,
        "The registry's settings.",
    ),
    f(
        "rules",
        Ty::Rules,
        false,
        "Rule levels for the whole registry: rule id = \"error\" | \"warning\" | \"off\".",
    ),
];

pub const REGION: &[Field] = &[
    f("id", Ty::Str, true, "The region's id, e.g. helse-nord."),
    f("name", Ty::Str, true, "The RHF's official name."),
    f(
        "org-number",
        Ty::OrgNumber,
        false,
        "Organisation number, 9 digits.",
    ),
];

pub const ORGANISATION: &[Field] = &[
    f("id", Ty::Str, true, "The organisation's id."),
    f("name", Ty::Str, true, "The organisation's official name."),
    f(
        "kind",
        Ty::Enum(ORG_KINDS),
        true,
        "What kind of organisation it is.",
    ),
    f(
        "region",
        Ty::Str,
        false,
        "Region id; required for hf, private-hospital and municipality; absent for joint-hf.",
    ),
    f(
        "org-number",
        Ty::OrgNumber,
        false,
        "Organisation number, 9 digits.",
    ),
];

pub const ORGANISATIONS_FILE: &[Field] = &[
    f(
        "region",
        Ty::Tables(REGION),
        false,
        "The regional health authorities (RHF).",
    ),
    f(
        "organisation",
        Ty::Tables(ORGANISATION),
        false,
        "Health trusts, hospitals, user organisations, municipalities and other bodies.",
    ),
];

pub const PERSON_FILE: &[Field] = &[
    f("name", Ty::Str, true, "The person's full name."),
    f(
        "employer",
        Ty::Str,
        false,
        "Organisation id of the employer; the person's region is the employer's.",
    ),
    f(
        "email",
        Ty::Str,
        false,
        "E-mail; private: never printed in reports unless asked for.",
    ),
    f(
        "phone",
        Ty::Str,
        false,
        "Phone number; private: never printed in reports unless asked for.",
    ),
    f(
        "gender",
        Ty::Enum(GENDERS),
        false,
        "Used only by gender-balance.",
    ),
];
