//! The fields of the front matter of the Markdown files: minutes, annual report sections and
//! feedback.

use super::{Field, INPUT, MEETING_STATUSES, MODES, Ty, f};

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
