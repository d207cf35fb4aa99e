//! `user-represented`: no active member represents a user organisation.

use super::{Checks, Rule};
use super::{Ctx, members_place};
use crate::diagnostic::Diagnostic;
use crate::registry::{Group, Role};
use crate::rule_id::{Applies, Clause, Level, Profile, RuleId, RuleMeta, text};
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::UserRepresented,
        applies: Applies::Only(Profile::NationalService),
        default: Level::Error,
        file_level: false,
        after_dissolved: false,
        summary: text(
            "no active member represents a user organisation",
            "ingen aktive medlemmer representerer en brukerorganisasjon",
        ),
        purpose: text(
            "User organisations are represented in every reference group; the service asks the regional user committees for proposals.",
            "Brukerorganisasjoner skal være representert i alle referansegrupper; tjenesten ber de regionale brukerutvalgene om forslag.",
        ),
        clauses: &[M2_USERS],
        fix: text(
            "Appoint a `user` member with the `organisation` they represent.",
            "Oppnevn et `user`-medlem med `organisation` for organisasjonen de representerer.",
        ),
    },
    checks: Checks {
        group: Some(user_represented),
        registry: None,
    },
};

const M2_USERS: Clause = Clause {
    source: "M 2",
    text: "Brukerorganisasjoner skal være representert i referansegruppene.",
};

/// «Brukerorganisasjoner skal være representert i referansegruppene» (M 2).
pub fn user_represented(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let g = &group.id;
    if !group
        .active_on(ctx.at)
        .any(|m| m.role() == Some(Role::User))
    {
        out.push(
            Diagnostic::new(
                RuleId::UserRepresented,
                members_place(ctx.reg, group),
                t!("no active member represents a user organisation", "ingen aktive medlemmer representerer en brukerorganisasjon"),
            )
            .help(t!(
                "ask the regional user committees for a proposal, then `mandat appoint {g} PERSON --role user --organisation ORG --by RHF`",
                "be de regionale brukerutvalgene om forslag, deretter `mandat appoint {g} PERSON --role user --organisation ORG --by RHF`"
            )),
        );
    }
}
