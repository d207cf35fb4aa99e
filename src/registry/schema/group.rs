//! The fields of a group's files: group.toml (with its chair terms, milestones, waivers and
//! inputs) and the seats of members.toml.

use super::{Field, INPUT_STATUSES, PROFILES, ROLES, Ty, f};

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
