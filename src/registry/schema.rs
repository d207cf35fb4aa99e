//! The fields of every file kind: one table per kind, the single source of truth for what a
//! file may hold. The reader checks files against these tables; `mandat schema` and the docs can
//! be generated from them.

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

pub const CHAIR: &[Field] = &[
    f("person", Ty::Str, true, "Person id of the chair."),
    f(
        "designated-by",
        Ty::Str,
        true,
        "Organisation id of the HF that designated the chair (the responsible HF).",
    ),
    f("from", Ty::Date, true, "First day of the term."),
    f("to", Ty::Date, false, "Last day of the term."),
];

pub const MILESTONE: &[Field] = &[
    f(
        "id",
        Ty::Str,
        true,
        "The milestone's id, unique in the group.",
    ),
    f("name", Ty::Str, true, "What the milestone is."),
    f("date", Ty::Date, true, "When the milestone falls."),
];

pub const WAIVER: &[Field] = &[
    f(
        "rule",
        Ty::Str,
        true,
        "The rule id to silence for this group.",
    ),
    f("reason", Ty::Str, true, "Why the rule is waived."),
    f("until", Ty::Date, true, "Last day the waiver holds."),
];

pub const GROUP_FILE: &[Field] = &[
    f("name", Ty::Str, true, "The group's name."),
    f(
        "short-name",
        Ty::Str,
        false,
        "A short name for calendars, tables and page titles.",
    ),
    f(
        "profile",
        Ty::Enum(PROFILES),
        true,
        "national-service, municipal-advisory, or advisory (any other advisory body: only name, profile and established are required).",
    ),
    f(
        "service",
        Ty::Str,
        false,
        "national-service: the national service or centre (required).",
    ),
    f(
        "host",
        Ty::StrList,
        false,
        "national-service: the HF(s) where the service is located (required).",
    ),
    f(
        "responsible",
        Ty::Str,
        false,
        "national-service: the HF responsible for the service (required).",
    ),
    f(
        "owner",
        Ty::Str,
        false,
        "municipal-advisory: the municipality that owns the process (required); advisory: the owning organisation (optional).",
    ),
    f(
        "process",
        Ty::Str,
        false,
        "municipal-advisory: the process the group advises (required); advisory: optional.",
    ),
    f(
        "reports-to",
        Ty::Str,
        false,
        "municipal-advisory: where inputs are taken (required); advisory: optional.",
    ),
    f(
        "constituencies",
        Ty::StrList,
        false,
        "municipal-advisory: ids of the constituencies represented (required); advisory: optional.",
    ),
    f(
        "established",
        Ty::Date,
        true,
        "The day the group was established.",
    ),
    f("dissolved", Ty::Date, false, "The group's last day."),
    f(
        "chair",
        Ty::Tables(CHAIR),
        false,
        "Chair terms, oldest first.",
    ),
    f(
        "milestone",
        Ty::Tables(MILESTONE),
        false,
        "Milestones of the process.",
    ),
    f(
        "rules",
        Ty::Rules,
        false,
        "Rule levels for this group; they override registry.toml.",
    ),
    f(
        "waiver",
        Ty::Tables(WAIVER),
        false,
        "Silence one rule for this group until a date.",
    ),
];

pub const MEMBER: &[Field] = &[
    f("person", Ty::Str, true, "Person id."),
    f("role", Ty::Enum(ROLES), true, "The seat's role."),
    f(
        "region",
        Ty::Str,
        false,
        "regional: the region represented (required).",
    ),
    f(
        "organisation",
        Ty::Str,
        false,
        "user: the user organisation (required); other/constituency: the body represented.",
    ),
    f(
        "constituency",
        Ty::Str,
        false,
        "constituency: one of the group's constituencies (required).",
    ),
    f(
        "proposed",
        Ty::Date,
        false,
        "The service proposed the member to the RHF.",
    ),
    f(
        "consented",
        Ty::Date,
        false,
        "Asked, informed of the mandate, and willing to serve.",
    ),
    f(
        "leader-cleared",
        Ty::Date,
        false,
        "The person's leader cleared the participation.",
    ),
    f(
        "appointed",
        Ty::Date,
        false,
        "Formal appointment; absent while only proposed.",
    ),
    f(
        "appointed-by",
        Ty::Str,
        false,
        "national-service: the appointing region (RHF); other profiles: an organisation or a region.",
    ),
    f(
        "letter",
        Ty::Str,
        false,
        "Reference of the appointment letter.",
    ),
    f(
        "notified",
        Ty::Date,
        false,
        "The RHF informed the service, the group and the other RHFs.",
    ),
    f("term-end", Ty::Date, false, "Planned last day."),
    f("ended", Ty::Date, false, "Actual last day."),
    f("end-reason", Ty::Str, false, "Why the member left."),
];

pub const MEMBERS_FILE: &[Field] = &[f(
    "member",
    Ty::Tables(MEMBER),
    false,
    "One entry per seat holding, oldest first.",
)];

pub const INPUT: &[Field] = &[
    f(
        "id",
        Ty::Str,
        true,
        "The input's id, unique within the meeting.",
    ),
    f("by", Ty::Str, false, "Person id of who raised it."),
    f("summary", Ty::Str, true, "What was raised."),
    f(
        "status",
        Ty::Enum(INPUT_STATUSES),
        true,
        "open, forwarded, answered or closed.",
    ),
    f("to", Ty::Str, false, "Where it was taken."),
    f(
        "response",
        Ty::Str,
        false,
        "The answer or what became of it.",
    ),
];

pub const MEETING_FRONT: &[Field] = &[
    f(
        "date",
        Ty::Date,
        true,
        "The meeting's date; equals the date in the file name.",
    ),
    f(
        "status",
        Ty::Enum(MEETING_STATUSES),
        true,
        "planned, held or cancelled.",
    ),
    f(
        "mode",
        Ty::Enum(MODES),
        true,
        "digital, physical or hybrid.",
    ),
    f("location", Ty::Str, false, "Where the meeting is held."),
    f(
        "start",
        Ty::Time,
        false,
        "When the meeting starts, Europe/Oslo (e.g. 10:00:00).",
    ),
    f(
        "end",
        Ty::Time,
        false,
        "When the meeting ends, Europe/Oslo; after start.",
    ),
    f(
        "link",
        Ty::Str,
        false,
        "The video link of a digital or hybrid meeting.",
    ),
    f(
        "milestone",
        Ty::Str,
        false,
        "municipal-advisory: the milestone this meeting serves.",
    ),
    f(
        "attendees",
        Ty::StrList,
        false,
        "Person ids of those who attended.",
    ),
    f(
        "absent",
        Ty::StrList,
        false,
        "Person ids of members who were absent.",
    ),
    f(
        "in-person",
        Ty::StrList,
        false,
        "Of the attendees, who came in person (a hybrid meeting).",
    ),
    f(
        "input",
        Ty::Tables(INPUT),
        false,
        "Inputs, concerns and advice raised (innspill).",
    ),
];

pub const SECTION_FRONT: &[Field] = &[
    f(
        "year",
        Ty::Year,
        true,
        "The report year; equals the folder.",
    ),
    f(
        "region",
        Ty::Str,
        true,
        "The region the section speaks for; equals the file name.",
    ),
    f("author", Ty::Str, true, "Person id of the author."),
    f(
        "submitted",
        Ty::Date,
        false,
        "When the section was submitted.",
    ),
];

pub const FEEDBACK_FRONT: &[Field] = &[
    f(
        "year",
        Ty::Year,
        true,
        "The report year; equals the folder.",
    ),
    f("author", Ty::Str, true, "Person id of the author."),
    f(
        "submitted",
        Ty::Date,
        false,
        "When the feedback was submitted.",
    ),
];
