//! `gender-balance`: women or men are fewer than the regulation's minimum for the group's size.
//!
//! The minimums are fixed counts (rules.md, second round): with n distinct active persons,
//! `other` included, each of `female` and `male` needs 1 when n is 2 or 3, 2 when n is 4 or 5,
//! 3 when n is 6 to 8, 4 when n is 9, and 40 % of n rounded up when n is 10 or more.

use super::Ctx;
use super::{Checks, Rule};
use crate::diagnostic::{Diagnostic, Place};
use crate::registry::{Gender, Group};
use crate::rule_id::{Applies, Clause, Level, RuleId, RuleMeta, text};
use crate::t;
use std::collections::BTreeMap;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::GenderBalance,
        applies: Applies::Every,
        default: Level::Warning,
        file_level: false,
        after_dissolved: false,
        summary: text(
            "women or men are fewer than the regulation's minimum for the number of active members",
            "kvinner eller menn er færre enn forskriftens minstetall for antallet aktive medlemmer",
        ),
        purpose: text(
            "Public bodies appointing committees must balance genders. The regulation under the Equality and Anti-Discrimination Act § 28 gives fixed minimums for each of women and men: 1 with 2 or 3 members, 2 with 4 or 5, 3 with 6 to 8, 4 with 9, and 40 % rounded up with 10 or more (so eight members with three women is lawful). Members count once each, `other` included. The rule applies only when every active member's gender is recorded.",
            "Offentlige organer som oppnevner utvalg, skal sørge for kjønnsbalanse. Forskriften til likestillings- og diskrimineringsloven § 28 gir faste minstetall for både kvinner og menn: 1 med 2 eller 3 medlemmer, 2 med 4 eller 5, 3 med 6 til 8, 4 med 9, og 40 % rundet opp med 10 eller flere (åtte medlemmer med tre kvinner er altså lovlig). Hvert medlem telles én gang, også `other`. Regelen gjelder bare når kjønn er registrert for alle aktive medlemmer.",
        ),
        clauses: &[LDL_28],
        fix: text(
            "Consider gender balance at the next appointment, or set the rule's level in [rules] if the law does not apply to the group.",
            "Ta hensyn til kjønnsbalansen ved neste oppnevning, eller sett regelens nivå i [rules] hvis loven ikke gjelder gruppen.",
        ),
    },
    checks: Checks {
        group: Some(gender_balance),
        registry: None,
    },
};

const LDL_28: Clause = Clause {
    source: "likestillings- og diskrimineringsloven § 28 (i hovedtrekk)",
    text: "Når et offentlig organ oppnevner eller velger utvalg, styrer, råd mv. med fire eller flere medlemmer, skal hvert kjønn være representert med minst 40 prosent av medlemmene. I utvalg med to eller tre medlemmer skal begge kjønn være representert.",
};

/// The fewest women, and the fewest men, a body of `n` members may have (rules.md: the fixed
/// minimums of the regulation under likestillings- og diskrimineringsloven § 28).
pub fn minimum(n: usize) -> usize {
    match n {
        0 | 1 => 0,
        2 | 3 => 1,
        4 | 5 => 2,
        6..=8 => 3,
        9 => 4,
        _ => (n * 4).div_ceil(10),
    }
}

/// Likestillings- og diskrimineringsloven § 28 with its regulation: each gender at least the
/// fixed minimum for the body's size.
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
    let count = |g: Gender| genders.values().filter(|x| **x == Some(g)).count();
    let (female, male, n) = (count(Gender::Female), count(Gender::Male), genders.len());
    let min = minimum(n);
    if female >= min && male >= min {
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
                "the {n} active members are {female} women and {male} men; with {n} members each gender should count at least {min}",
                "de {n} aktive medlemmene er {female} kvinner og {male} menn; med {n} medlemmer bør hvert kjønn telle minst {min}"
            ),
        )
        .help(t!(
            "take gender balance into account at the next appointment",
            "ta hensyn til kjønnsbalansen ved neste oppnevning"
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::minimum;

    #[test]
    fn the_fixed_minimums_of_the_regulation() {
        let want = [
            (1, 0),
            (2, 1),
            (3, 1),
            (4, 2),
            (5, 2),
            (6, 3),
            (8, 3),
            (9, 4),
            (10, 4),
            (11, 5),
            (15, 6),
        ];
        for (n, min) in want {
            assert_eq!(minimum(n), min, "n = {n}");
        }
    }
}
