//! `chair-outside-host-region`: the chair is not a regional member from a region outside the host region(s).

use super::Ctx;
use super::{Checks, Rule};
use crate::diagnostic::Diagnostic;
use crate::registry::{Group, Role};
use crate::rule_id::{Applies, Clause, Level, Profile, RuleId, RuleMeta, text};
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::ChairOutsideHostRegion,
        applies: Applies::Only(Profile::NationalService),
        default: Level::Error,
        file_level: false,
        after_dissolved: false,
        summary: text(
            "the chair is not a regional member from a region outside the host region(s)",
            "lederen er ikke et regionalt medlem fra en region utenfor vertsregionen(e)",
        ),
        purpose: text(
            "The chair must not belong to the region (or regions) where the service is located, so the group is led from outside.",
            "Lederen skal ikke tilhøre regionen (eller regionene) der tjenesten er lokalisert, slik at gruppen ledes utenfra.",
        ),
        clauses: &[M2_CHAIR_REGION],
        fix: text(
            "Designate as chair the regional member of a region that does not host the service.",
            "Utpek som leder det regionale medlemmet fra en region som ikke er vertsregion for tjenesten.",
        ),
    },
    checks: Checks {
        group: Some(chair_outside_host_region),
        registry: None,
    },
};

const M2_CHAIR_REGION: Clause = Clause {
    source: "M 2",
    text: "Lederen for referansegruppen skal ikke tilhøre regionen(e) der det nasjonale senteret er lokalisert.",
};

/// «Lederen for referansegruppen skal ikke tilhøre regionen(e) der det nasjonale senteret er
/// lokalisert» (M 2).
pub fn chair_outside_host_region(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let reg = ctx.reg;
    let covering: Vec<_> = group.chairs_on(ctx.at).collect();
    let [chair] = covering.as_slice() else { return };
    let Some(person) = &chair.person else { return };
    let name = reg.person_name(&person.value);
    let host_regions = reg.host_regions(group);
    let seat = group
        .active_on(ctx.at)
        .find(|m| m.role() == Some(Role::Regional) && m.person_id() == Some(person.as_str()));
    let message = match seat.and_then(|m| m.region_id()) {
        None => t!(
            "the chair, {name}, is not an active regional member; the chair is a regional representative from outside the host region",
            "lederen, {name}, er ikke et aktivt regionalt medlem; lederen skal være en regional representant fra utenfor vertsregionen"
        ),
        Some(region) if host_regions.contains(&region) => {
            let rname = reg.region_name(region);
            t!(
                "the chair, {name}, represents {rname}, where the service is located",
                "lederen, {name}, representerer {rname}, der tjenesten er lokalisert"
            )
        }
        Some(_) => return,
    };
    out.push(
        Diagnostic::at(RuleId::ChairOutsideHostRegion, person.span, message).help(t!(
            "designate the regional member of a region that does not host the service",
            "utpek det regionale medlemmet fra en region som ikke er vertsregion for tjenesten"
        )),
    );
}
