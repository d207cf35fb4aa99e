//! `service-represented`: no active member represents the service, or its representative is not employed by a host HF.

use super::{Checks, Rule};
use super::{Ctx, members_place};
use crate::diagnostic::Diagnostic;
use crate::registry::{Group, Role};
use crate::rule_id::{Applies, Clause, Level, Profile, RuleId, RuleMeta, text};
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::ServiceRepresented,
        applies: Applies::Only(Profile::NationalService),
        default: Level::Error,
        file_level: false,
        after_dissolved: false,
        summary: text(
            "no active member represents the service, or its representative is not employed by a host HF",
            "ingen aktive medlemmer representerer tjenesten, eller representanten er ikke ansatt i et vertsforetak",
        ),
        purpose: text(
            "The national service itself sits in its reference group, through its leader or another representative.",
            "Den nasjonale tjenesten skal selv være med i referansegruppen, ved leder eller en annen representant.",
        ),
        clauses: &[M2_SERVICE],
        fix: text(
            "Appoint a `service` member employed at the service's host HF.",
            "Oppnevn et `service`-medlem som er ansatt ved tjenestens vertsforetak.",
        ),
    },
    checks: Checks {
        group: Some(service_represented),
        registry: None,
    },
};

const M2_SERVICE: Clause = Clause {
    source: "M 2",
    text: "Det nasjonale senteret skal være representert i referansegruppen, enten ved leder eller en annen representant fra senteret.",
};

/// «Det nasjonale senteret skal være representert i referansegruppen, enten ved leder eller en
/// annen representant fra senteret» (M 2).
pub fn service_represented(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let reg = ctx.reg;
    let g = &group.id;
    let service: Vec<_> = group
        .active_on(ctx.at)
        .filter(|m| m.role() == Some(Role::Service))
        .collect();
    if service.is_empty() {
        out.push(
            Diagnostic::new(
                RuleId::ServiceRepresented,
                members_place(reg, group),
                t!("no active member represents the service", "ingen aktive medlemmer representerer tjenesten"),
            )
            .help(t!(
                "appoint the service's leader or another representative: `mandat appoint {g} PERSON --role service --by RHF`",
                "oppnevn tjenestens leder eller en annen representant: `mandat appoint {g} PERSON --role service --by RHF`"
            )),
        );
    }
    let hosts: Vec<String> = group
        .host
        .iter()
        .map(|h| reg.org_name(&h.value).to_string())
        .collect();
    let hosts_en = crate::i18n::join_list(&hosts, crate::i18n::Lang::En);
    let hosts_nb = crate::i18n::join_list(&hosts, crate::i18n::Lang::Nb);
    for m in service {
        let Some(person) = m.person_id() else {
            continue;
        };
        let employer = reg.person_employer(person);
        if employer.is_some_and(|e| group.host.iter().any(|h| h.value == e)) {
            continue;
        }
        let name = reg.person_name(person);
        let works = employer.map_or_else(String::new, |e| reg.org_name(e).to_string());
        let (en, nb) = if works.is_empty() {
            (
                format!("{name} represents the service, but has no employer recorded"),
                format!("{name} representerer tjenesten, men har ingen arbeidsgiver registrert"),
            )
        } else {
            (
                format!("{name} represents the service, but works at {works}, not at {hosts_en}"),
                format!(
                    "{name} representerer tjenesten, men arbeider ved {works}, ikke ved {hosts_nb}"
                ),
            )
        };
        out.push(
            Diagnostic::at(
                RuleId::ServiceRepresented,
                m.span,
                crate::i18n::Text::new(en, nb),
            )
            .help(t!(
                "the service's representative comes from the service itself, at {hosts_en}",
                "tjenestens representant kommer fra tjenesten selv, ved {hosts_nb}"
            )),
        );
    }
}
