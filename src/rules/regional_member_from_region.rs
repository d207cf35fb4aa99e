//! `regional-member-from-region`: an active regional member is employed in another region than
//! the one they represent. *Added in the second round.*
//!
//! No finding when the person has no employer or the employer has no region: the rule judges
//! what is recorded, and `references` speaks about an unknown employer. `propose` and `appoint`
//! refuse such a regional seat with the same test ([`employed_elsewhere`]).

use super::{Checks, Ctx, Rule};
use crate::diagnostic::Diagnostic;
use crate::registry::{Group, Registry, Role};
use crate::rule_id::{Applies, Clause, Level, Profile, RuleId, RuleMeta, text};
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::RegionalMemberFromRegion,
        applies: Applies::Only(Profile::NationalService),
        default: Level::Error,
        file_level: false,
        after_dissolved: false,
        summary: text(
            "an active regional member is employed in another region than the one they represent",
            "et aktivt regionalt medlem er ansatt i en annen region enn den medlemmet representerer",
        ),
        purpose: text(
            "Each regional member represents the specialist health service of their own region, and each RHF appoints members rooted in its own region. A member employed in another region does not represent the region of the seat.",
            "Hvert regionale medlem representerer spesialisthelsetjenesten i sin egen region, og hvert RHF oppnevner medlemmer med forankring i egen region. Et medlem som er ansatt i en annen region, representerer ikke regionen plassen gjelder.",
        ),
        clauses: &[M2_FOUR, M3_APPOINT],
        fix: text(
            "If the member's `region` is wrong, correct it to the region of the employer; if the person's `employer` is wrong, correct it in people/; otherwise end the seat and appoint a member employed in the region represented.",
            "Hvis medlemmets `region` er feil, rett den til arbeidsgiverens region; hvis personens `employer` er feil, rett den i people/; ellers avslutt vervet og oppnevn et medlem som er ansatt i regionen plassen gjelder.",
        ),
    },
    checks: Checks {
        group: Some(regional_member_from_region),
        registry: None,
    },
};

const M2_FOUR: Clause = Clause {
    source: "M 2",
    text: "Referansegruppene skal ha ett medlem fra alle fire regioner, som skal representere spesialisthelsetjenesten i sin region.",
};

const M3_APPOINT: Clause = Clause {
    source: "M 3",
    text: "Hvert regionale helseforetak (RHF) oppnevner medlemmer til referansegruppene med forankring i egen region.",
};

/// The person's employer and its region, when the employer lies in a region other than
/// `region`; `None` when it lies in `region`, or the employer or its region is unknown.
pub fn employed_elsewhere<'a>(
    reg: &'a Registry,
    person: &str,
    region: &str,
) -> Option<(&'a str, &'a str)> {
    let employer = reg.person_employer(person)?;
    let employer_region = reg.org_region(employer)?;
    (employer_region != region).then_some((employer, employer_region))
}

/// «ett medlem fra alle fire regioner, som skal representere spesialisthelsetjenesten i sin
/// region» (M 2); «oppnevner medlemmer til referansegruppene med forankring i egen region» (M 3).
pub fn regional_member_from_region(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let reg = ctx.reg;
    for m in group
        .active_on(ctx.at)
        .filter(|m| m.role() == Some(Role::Regional))
    {
        let (Some(region), Some(person)) = (m.region_id(), m.person_id()) else {
            continue;
        };
        let Some((employer, elsewhere)) = employed_elsewhere(reg, person, region) else {
            continue;
        };
        let name = reg.person_name(person);
        let (rname, hf, ename) = (
            reg.region_name(region),
            reg.org_name(employer),
            reg.region_name(elsewhere),
        );
        out.push(
            Diagnostic::at(
                RuleId::RegionalMemberFromRegion,
                m.span,
                t!(
                    "{name} represents {rname}, but works at {hf}, which lies in {ename}",
                    "{name} representerer {rname}, men arbeider ved {hf}, som ligger i {ename}"
                ),
            )
            .help(t!(
                "correct the member's `region` to \"{elsewhere}\" if that is the region represented, or the person's `employer` if it is out of date; otherwise appoint a member employed in {rname}",
                "rett medlemmets `region` til \"{elsewhere}\" hvis det er regionen som representeres, eller personens `employer` hvis den er utdatert; ellers oppnevn et medlem som er ansatt i {rname}"
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declares_both_clauses() {
        let sources: Vec<&str> = RULE.meta.clauses.iter().map(|c| c.source).collect();
        assert_eq!(sources, ["M 2", "M 3"]);
    }
}
