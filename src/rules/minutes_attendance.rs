//! `minutes-attendance`: an attendee or absentee was not an active member of the group on the meeting date.

use super::Ctx;
use super::{Checks, Rule};
use crate::diagnostic::Diagnostic;
use crate::registry::Group;
use crate::rule_id::{Applies, Level, RuleId, RuleMeta, text};
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::MinutesAttendance,
        applies: Applies::Every,
        default: Level::Warning,
        file_level: false,
        after_dissolved: false,
        summary: text(
            "an attendee or absentee was not an active member of the group on the meeting date",
            "en deltaker eller et fravær gjelder en som ikke var aktivt medlem av gruppen på møtedatoen",
        ),
        purpose: text(
            "Attendance lists are used for the annual report and for expenses; someone listed who was not a member is usually a wrong id or a missing appointment.",
            "Deltakerlister brukes i årsrapporten og for utgifter; en som står oppført uten å være medlem, er som regel en feil id eller en oppnevning som mangler.",
        ),
        clauses: &[],
        fix: text(
            "Correct the person id, record the member's appointment, or move guests to the minutes' text.",
            "Rett person-id-en, registrer oppnevningen, eller nevn gjester i referatteksten i stedet.",
        ),
    },
    checks: Checks {
        group: Some(attendees_were_members),
        registry: None,
    },
};

/// Attendees and absentees were active members on the meeting date.
pub fn attendees_were_members(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    for m in &group.meetings {
        let Some(day) = m.day() else { continue };
        for p in m.attendee_ids().chain(m.absent.iter()) {
            let member = group
                .members
                .iter()
                .any(|s| s.person_id() == Some(p.as_str()) && s.is_active(day));
            // An unknown person is `references`' finding. Looked up only for one who was no
            // member: most are, and the look-up is in memory out of the caches.
            if !member && ctx.reg.person(&p.value).is_some() {
                let name = ctx.reg.person_name(&p.value);
                out.push(
                    Diagnostic::at(
                        RuleId::MinutesAttendance,
                        p.span,
                        t!(
                            "{name} is listed, but was not an active member of the group on {day}",
                            "{name} er ført opp, men var ikke aktivt medlem av gruppen {day}"
                        ),
                    )
                    .help(t!(
                        "correct the person id, or record the member's appointment; mention guests in the minutes' text",
                        "rett person-id-en, eller registrer oppnevningen; nevn gjester i referatteksten"
                    )),
                );
            }
        }
    }
}
