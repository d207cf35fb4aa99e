//! `constituencies-represented`: a constituency of the group has no active member.

use super::Ctx;
use super::{Checks, Rule};
use crate::diagnostic::Diagnostic;
use crate::registry::{Group, Role};
use crate::rule_id::{Applies, Clause, Level, Profile, RuleId, RuleMeta, text};
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::ConstituenciesRepresented,
        applies: Applies::Only(Profile::MunicipalAdvisory),
        default: Level::Error,
        file_level: false,
        after_dissolved: false,
        summary: text(
            "a constituency of the group has no active member",
            "en av gruppens grupper (eldreråd, brukerråd ...) har ikke noe aktivt medlem",
        ),
        purpose: text(
            "A municipal reference group brings in the experience of each constituency it lists: the council for the elderly, the user council, next of kin, interest organisations.",
            "En kommunal referansegruppe henter inn erfaringene til hver gruppe den lister: eldreråd, brukerråd, pårørende og interesseorganisasjoner.",
        ),
        clauses: &[S_CONSTITUENCIES],
        fix: text(
            "Appoint a `constituency` member for it, or remove it from `constituencies`.",
            "Oppnevn et `constituency`-medlem for den, eller fjern den fra `constituencies`.",
        ),
    },
    checks: Checks {
        group: Some(constituencies_represented),
        registry: None,
    },
};

const S_CONSTITUENCIES: Clause = Clause {
    source: "S",
    text: "Bidra med erfaringer og perspektiver fra egne miljøer (eldreråd, brukerråd, pårørende og interesseorganisasjoner).",
};

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
