//! `milestone-meeting`: a milestone that has passed has no held meeting.

use super::Ctx;
use super::{Checks, Rule};
use crate::diagnostic::{Diagnostic, Place};
use crate::registry::Group;
use crate::rule_id::{Applies, Clause, Level, Profile, RuleId, RuleMeta, text};
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::MilestoneMeeting,
        applies: Applies::Only(Profile::MunicipalAdvisory),
        default: Level::Error,
        file_level: false,
        after_dissolved: false,
        summary: text(
            "a milestone that has passed has no held meeting",
            "en milepæl som er passert, har ikke noe avholdt møte",
        ),
        purpose: text(
            "The group meets at the central milestones of the process; each passed milestone has a held meeting that names it.",
            "Gruppen møtes ved sentrale milepæler i prosessen; hver passert milepæl har et avholdt møte som viser til den.",
        ),
        clauses: &[S_MILESTONES],
        fix: text(
            "Record the meeting held for the milestone (`milestone = \"<id>\"` in its front matter), or move the milestone's date.",
            "Registrer møtet som ble holdt for milepælen (`milestone = \"<id>\"` i front matter), eller flytt milepælens dato.",
        ),
    },
    checks: Checks {
        group: Some(milestone_meetings),
        registry: None,
    },
};

const S_MILESTONES: Clause = Clause {
    source: "S",
    text: "Vi møtes på sentrale milepæler i prosessen.",
};

/// «Vi møtes på sentrale milepæler i prosessen» (S).
pub fn milestone_meetings(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    for ms in &group.milestones {
        let (Some(id), Some(date)) = (&ms.id, &ms.date) else {
            continue;
        };
        if date.value >= ctx.at {
            continue;
        }
        let met = group
            .meetings
            .iter()
            .any(|m| m.is_held() && m.milestone.as_ref().is_some_and(|x| x.value == id.value));
        if !met {
            let (name, day) = (
                ms.name.as_ref().map_or(id.as_str(), |n| n.as_str()),
                date.value,
            );
            out.push(
                Diagnostic::new(
                    RuleId::MilestoneMeeting,
                    Place::Span(ms.span),
                    t!(
                        "no held meeting is recorded for the milestone «{name}» ({day})",
                        "det er ikke registrert noe avholdt møte for milepælen «{name}» ({day})"
                    ),
                )
                .help(t!(
                    "record the meeting held for it, with `milestone = \"{id}\"` in its front matter",
                    "registrer møtet som ble holdt for den, med `milestone = \"{id}\"` i front matter"
                )),
            );
        }
    }
}
