//! `host-region-other-hf`: the regional member of a host region is employed by the HF that hosts the service.

use super::Ctx;
use super::{Checks, Rule};
use crate::diagnostic::Diagnostic;
use crate::registry::{Group, Role};
use crate::rule_id::{Applies, Clause, Level, Profile, RuleId, RuleMeta, text};
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::HostRegionOtherHf,
        applies: Applies::Only(Profile::NationalService),
        default: Level::Warning,
        file_level: false,
        after_dissolved: false,
        summary: text(
            "the regional member of a host region is employed by the HF that hosts the service",
            "det regionale medlemmet fra vertsregionen er ansatt i helseforetaket der tjenesten ligger",
        ),
        purpose: text(
            "The member from the service's own region should preferably come from another HF in the region, so that the group sees the service from outside.",
            "Medlemmet fra tjenestens egen region bør komme fra et annet helseforetak i regionen, slik at gruppen ser tjenesten utenfra.",
        ),
        clauses: &[M2_OTHER_HF],
        fix: text(
            "At the next appointment, propose someone from another HF in the region; or keep the member and set the rule to \"off\" for the group with a comment saying why.",
            "Foreslå noen fra et annet helseforetak i regionen ved neste oppnevning; eller behold medlemmet og sett regelen til \"off\" for gruppen med en kommentar om hvorfor.",
        ),
    },
    checks: Checks {
        group: Some(host_region_member_from_other_hf),
        registry: None,
    },
};

const M2_OTHER_HF: Clause = Clause {
    source: "M 2",
    text: "Medlemmet fra tjenestens egen region skal fortrinnsvis komme fra et annet helseforetak i regionen.",
};

/// «Medlemmet fra tjenestens egen region skal fortrinnsvis komme fra et annet helseforetak i
/// regionen» (M 2).
pub fn host_region_member_from_other_hf(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let reg = ctx.reg;
    let host_regions = reg.host_regions(group);
    for m in group
        .active_on(ctx.at)
        .filter(|m| m.role() == Some(Role::Regional))
    {
        let (Some(region), Some(person)) = (m.region_id(), m.person_id()) else {
            continue;
        };
        let Some(employer) = reg.person_employer(person) else {
            continue;
        };
        if host_regions.contains(&region) && group.host.iter().any(|h| h.value == employer) {
            let (name, hf) = (reg.person_name(person), reg.org_name(employer));
            out.push(
                Diagnostic::at(
                    RuleId::HostRegionOtherHf,
                    m.span,
                    t!(
                        "{name} represents the service's own region but works at {hf}, which hosts the service",
                        "{name} representerer tjenestens egen region, men arbeider ved {hf}, som er vertsforetak for tjenesten"
                    ),
                )
                .help(t!(
                    "at the next appointment, prefer someone from another HF in the region",
                    "velg fortrinnsvis noen fra et annet helseforetak i regionen ved neste oppnevning"
                )),
            );
        }
    }
}
