//! The chair (M 2): designated by the responsible HF, an active member, and from a region
//! outside the host region(s).

use super::{Ctx, group_place};
use crate::diagnostic::Diagnostic;
use crate::registry::{Group, Role};
use crate::rule_id::RuleId;
use crate::t;

/// «Lederen for referansegruppen utpekes av helseforetaket som har ansvar for senteret» (M 2).
pub fn chair_designated(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let reg = ctx.reg;
    let g = &group.id;
    let at = ctx.at;
    let covering: Vec<_> = group.chairs_on(at).collect();
    match covering.as_slice() {
        [] => {
            let last_day = group
                .chairs
                .iter()
                .filter_map(|c| c.to.as_ref().map(|t| t.value))
                .filter(|t| *t < at)
                .max();
            let grace = reg.config.vacancy_grace_days.max(0);
            let within = |d: Option<crate::registry::Date>| {
                d.is_some_and(|d| at <= super::add_days(d, grace))
            };
            let resp = group.responsible.as_ref().map_or("HF", |r| r.as_str());
            let d = Diagnostic::new(
                RuleId::ChairDesignated,
                group_place(reg, group),
                t!("the group has no chair on {at}", "gruppen har ingen leder {at}"),
            )
            .help(t!(
                "the responsible HF designates one: `mandat chair {g} PERSON --by {resp} --date YYYY-MM-DD`",
                "det ansvarlige helseforetaket utpeker en: `mandat chair {g} PERSON --by {resp} --date ÅÅÅÅ-MM-DD`"
            ));
            out.push(if within(group.established()) || within(last_day) {
                d.soft()
            } else {
                d
            });
        }
        [chair] => {
            if let (Some(by), Some(resp)) = (&chair.designated_by, &group.responsible)
                && by.value != resp.value
            {
                let (found, want) = (reg.org_name(&by.value), reg.org_name(&resp.value));
                out.push(
                    Diagnostic::at(
                        RuleId::ChairDesignated,
                        by.span,
                        t!(
                            "the chair was designated by {found}, but {want} is responsible for the service and designates the chair",
                            "lederen er utpekt av {found}, men {want} har ansvaret for tjenesten og utpeker lederen"
                        ),
                    )
                    .help(t!(
                        "record the designation by the responsible HF: `designated-by = \"{resp}\"`",
                        "registrer utpekingen fra det ansvarlige helseforetaket: `designated-by = \"{resp}\"`"
                    )),
                );
            }
            if let Some(person) = &chair.person
                && !group
                    .active_on(at)
                    .any(|m| m.person_id() == Some(person.as_str()))
            {
                let name = reg.person_name(&person.value);
                out.push(
                    Diagnostic::at(
                        RuleId::ChairDesignated,
                        person.span,
                        t!(
                            "the chair, {name}, is not an active member of the group on {at}",
                            "lederen, {name}, er ikke aktivt medlem av gruppen {at}"
                        ),
                    )
                    .help(t!(
                        "designate a chair among the active members, or record the chair's appointment",
                        "utpek en leder blant de aktive medlemmene, eller registrer lederens oppnevning"
                    )),
                );
            }
        }
        [_, second, ..] => {
            let n = covering.len();
            out.push(
                Diagnostic::at(
                    RuleId::ChairDesignated,
                    second.span,
                    t!(
                        "{n} chair terms cover {at}; the group has one chair at a time",
                        "{n} ledervervsperioder dekker {at}; gruppen har én leder om gangen"
                    ),
                )
                .help(t!(
                    "close the earlier term with `to` (the day before the new one starts)",
                    "avslutt den tidligere perioden med `to` (dagen før den nye starter)"
                )),
            );
        }
    }
}

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
