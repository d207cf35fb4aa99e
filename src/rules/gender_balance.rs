//! `gender-balance`: women or men are under 40 % of the active members (with 2 or 3 members: one gender is missing).

use super::{Checks, Rule};
use crate::rule_id::{Applies, Clause, Level, RuleId, RuleMeta, text};
use std::collections::BTreeMap;
use super::Ctx;
use crate::diagnostic::{Diagnostic, Place};
use crate::registry::{Gender, Group};
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
            id: RuleId::GenderBalance,
            applies: Applies::Every,
            default: Level::Warning,
            file_level: false,
            summary: text(
                "women or men are under 40 % of the active members (with 2 or 3 members: one gender is missing)",
                "kvinner eller menn utgjør under 40 % av de aktive medlemmene (med 2 eller 3 medlemmer: ett kjønn mangler)",
            ),
            purpose: text(
                "Public bodies appointing committees must balance genders. The rule applies only when every active member's gender is recorded.",
                "Offentlige organer som oppnevner utvalg, skal sørge for kjønnsbalanse. Regelen gjelder bare når kjønn er registrert for alle aktive medlemmer.",
            ),
            clauses: &[LDL_28],
            fix: text(
                "Consider gender balance at the next appointment, or set the rule's level in [rules] if the law does not apply to the group.",
                "Ta hensyn til kjønnsbalansen ved neste oppnevning, eller sett regelens nivå i [rules] hvis loven ikke gjelder gruppen.",
            ),
    },
    checks: Checks { group: Some(gender_balance), registry: None },
};

const LDL_28: Clause = Clause {
    source: "likestillings- og diskrimineringsloven § 28 (i hovedtrekk)",
    text: "Når et offentlig organ oppnevner eller velger utvalg, styrer, råd mv. med fire eller flere medlemmer, skal hvert kjønn være representert med minst 40 prosent av medlemmene. I utvalg med to eller tre medlemmer skal begge kjønn være representert.",
};

/// Likestillings- og diskrimineringsloven § 28: each gender at least 40 % of a body of four or
/// more; both present in a body of two or three.
pub fn gender_balance(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let mut genders: BTreeMap<&str, Option<Gender>> = BTreeMap::new();
    for m in group.active_on(ctx.at) {
        let Some(p) = m.person_id() else { return };
        let gender = ctx
            .reg
            .person(p)
            .and_then(|p| p.gender.as_ref())
            .map(|g| g.value);
        genders.insert(p, gender);
    }
    if genders.values().any(Option::is_none) {
        return;
    }
    let female = genders
        .values()
        .filter(|g| **g == Some(Gender::Female))
        .count();
    let male = genders
        .values()
        .filter(|g| **g == Some(Gender::Male))
        .count();
    let n = female + male;
    let balanced = match n {
        0 | 1 => true,
        2 | 3 => female > 0 && male > 0,
        _ => female * 10 >= n * 4 && male * 10 >= n * 4,
    };
    if balanced {
        return;
    }
    let place = match group.members_file {
        Some(f) => super::file_start(ctx.reg, f),
        None => Place::File(format!("groups/{}/members.toml", group.id)),
    };
    out.push(
        Diagnostic::new(
            RuleId::GenderBalance,
            place,
            t!(
                "the active members are {female} women and {male} men; each gender should be at least 40 % (both present with 2 or 3)",
                "de aktive medlemmene er {female} kvinner og {male} menn; hvert kjønn bør utgjøre minst 40 % (begge representert ved 2 eller 3)"
            ),
        )
        .help(t!(
            "take gender balance into account at the next appointment",
            "ta hensyn til kjønnsbalansen ved neste oppnevning"
        )),
    );
}
