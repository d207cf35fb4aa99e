//! `meeting-status`: a meeting is still planned but its date has passed.

use super::Ctx;
use super::{Checks, Rule};
use crate::diagnostic::Diagnostic;
use crate::registry::{Group, MeetingStatus};
use crate::rule_id::{Applies, Level, RuleId, RuleMeta, text};
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::MeetingStatus,
        applies: Applies::Every,
        default: Level::Warning,
        file_level: false,
        after_dissolved: false,
        summary: text(
            "a meeting is still planned but its date has passed",
            "et møte står fortsatt som planlagt, men datoen er passert",
        ),
        purpose: text(
            "A planned meeting in the past was either held (and its minutes are missing) or cancelled.",
            "Et planlagt møte i fortiden ble enten holdt (og referatet mangler) eller avlyst.",
        ),
        clauses: &[],
        fix: text(
            "Set `status = \"held\"` and write the minutes, or `status = \"cancelled\"`.",
            "Sett `status = \"held\"` og skriv referatet, eller `status = \"cancelled\"`.",
        ),
    },
    checks: Checks {
        group: Some(planned_meeting_not_past),
        registry: None,
    },
};

/// A meeting still `planned` after its date was either held or cancelled.
pub fn planned_meeting_not_past(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    for m in &group.meetings {
        let (Some(status), Some(day)) = (&m.status, m.day()) else {
            continue;
        };
        if status.value == MeetingStatus::Planned && day < ctx.at {
            out.push(
                Diagnostic::at(
                    RuleId::MeetingStatus,
                    status.span,
                    t!(
                        "the meeting on {day} is still planned, but the date has passed",
                        "møtet {day} står fortsatt som planlagt, men datoen er passert"
                    ),
                )
                .help(t!(
                    "set `status = \"held\"` and write the minutes, or `status = \"cancelled\"`",
                    "sett `status = \"held\"` og skriv referatet, eller `status = \"cancelled\"`"
                )),
            );
        }
    }
}
