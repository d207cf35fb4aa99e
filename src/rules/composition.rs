//! The group's composition (M 2): one member from each region, the service and the user
//! organisations represented, the host region's member from another HF; and gender balance.

use std::collections::BTreeMap;

use super::{Ctx, members_place};
use crate::diagnostic::{Diagnostic, Place};
use crate::registry::{Gender, Group, Role};
use crate::rule_id::RuleId;
use crate::t;

/// «Referansegruppene skal ha ett medlem fra alle fire regioner» (M 2); «Referansegruppen skal
/// kun ha ett medlem fra hvert regionalt helseforetak» and «Når et medlem av referansegruppen
/// slutter, oppnevnes et nytt medlem» (M 3).
pub fn one_member_per_region(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let reg = ctx.reg;
    let g = &group.id;
    for region in &reg.regions {
        let rid = region.id.as_str();
        let rname = reg.region_name(rid);
        let seats = group
            .members
            .iter()
            .filter(|m| m.role() == Some(Role::Regional) && m.region_id() == Some(rid));
        let active: Vec<_> = seats.clone().filter(|m| m.is_active(ctx.at)).collect();
        if active.is_empty() {
            let last_day = seats
                .filter_map(|m| m.ended.as_ref().map(|e| e.value))
                .filter(|e| *e < ctx.at)
                .max()
                .or(group.established());
            let grace = reg.config.vacancy_grace_days.max(0);
            let within = last_day.is_some_and(|d| ctx.at <= super::add_days(d, grace));
            let d = Diagnostic::new(
                RuleId::OneMemberPerRhf,
                members_place(reg, group),
                t!(
                    "{rname} has no active regional member in the group",
                    "{rname} har ikke noe aktivt regionalt medlem i gruppen"
                ),
            )
            .help(t!(
                "propose and appoint a member: `mandat appoint {g} PERSON --by {rid} --role regional --region {rid}`",
                "foreslå og oppnevn et medlem: `mandat appoint {g} PERSON --by {rid} --role regional --region {rid}`"
            ));
            out.push(match (within, last_day) {
                (true, Some(since)) => {
                    let until = super::add_days(since, grace);
                    d.soft().clause(2).note(t!(
                        "the seat has been vacant since {since}; this is a warning until {until}, then an error",
                        "plassen har stått ledig siden {since}; dette er en advarsel til {until}, deretter en feil"
                    ))
                }
                _ if last_day != group.established() => d.clause(2),
                _ => d,
            });
        }
        for extra in active.iter().skip(1) {
            let first = active[0].person_id().map_or("?", |p| reg.person_name(p));
            let name = extra.person_id().map_or("?", |p| reg.person_name(p));
            out.push(
                Diagnostic::at(
                    RuleId::OneMemberPerRhf,
                    extra.span,
                    t!(
                        "{rname} already has an active regional member ({first}); {name} is one too many",
                        "{rname} har allerede et aktivt regionalt medlem ({first}); {name} er ett for mye"
                    ),
                )
                .clause(1)
                .help(t!(
                    "end one of the seats (`mandat end {g} PERSON --date D`), or correct the member's `region`",
                    "avslutt ett av vervene (`mandat end {g} PERSON --date D`), eller rett medlemmets `region`"
                )),
            );
        }
    }
}

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
