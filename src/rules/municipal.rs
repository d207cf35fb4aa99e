//! The municipal-advisory profile (S): every constituency has a voice, and the group meets at
//! the milestones of the process.

use super::Ctx;
use crate::diagnostic::{Diagnostic, Place};
use crate::registry::{Group, Role};
use crate::rule_id::RuleId;
use crate::t;

/// «Bidra med erfaringer og perspektiver fra egne miljøer (eldreråd, brukerråd, pårørende og
/// interesseorganisasjoner)» (S).
pub fn constituencies_represented(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let g = &group.id;
    for c in &group.constituencies {
        let covered = group.active_on(ctx.at).any(|m| {
            m.role() == Some(Role::Constituency)
                && m.constituency.as_ref().is_some_and(|x| x.value == c.value)
        });
        if !covered {
            let id = &c.value;
            out.push(
                Diagnostic::at(
                    RuleId::ConstituenciesRepresented,
                    c.span,
                    t!(
                        "the constituency `{id}` has no active member in the group",
                        "gruppen `{id}` har ikke noe aktivt medlem i referansegruppen"
                    ),
                )
                .help(t!(
                    "appoint one: `mandat appoint {g} PERSON --role constituency --constituency {id} --by OWNER`",
                    "oppnevn et: `mandat appoint {g} PERSON --role constituency --constituency {id} --by EIER`"
                )),
            );
        }
    }
}

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
