//! `one-member-per-rhf`: a region has no active regional member (a vacancy), or more than one.

use super::{Checks, Rule};
use super::{Ctx, members_place};
use crate::diagnostic::Diagnostic;
use crate::registry::{Group, Role};
use crate::rule_id::{Applies, Clause, Level, Profile, RuleId, RuleMeta, text};
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::OneMemberPerRhf,
        applies: Applies::Only(Profile::NationalService),
        default: Level::Error,
        file_level: false,
        after_dissolved: false,
        summary: text(
            "a region has no active regional member (a vacancy), or more than one",
            "en region mangler et aktivt regionalt medlem (ledig plass), eller har flere enn ett",
        ),
        purpose: text(
            "The group has exactly one member from each of the four regions. An empty seat is a warning during the grace period (vacancy-grace-days) after the previous member left, an error after.",
            "Gruppen har nøyaktig ett medlem fra hver av de fire regionene. En ledig plass er en advarsel i fristen (vacancy-grace-days) etter at forrige medlem sluttet, og en feil etterpå.",
        ),
        clauses: &[M2_FOUR, M3_ONE, M3_REPLACE],
        fix: text(
            "Appoint a member for the region (`mandat propose`, `consent`, `appoint`), or end the extra seat with `mandat end`.",
            "Oppnevn et medlem for regionen (`mandat propose`, `consent`, `appoint`), eller avslutt det ekstra vervet med `mandat end`.",
        ),
    },
    checks: Checks {
        group: Some(one_member_per_region),
        registry: None,
    },
};

const M2_FOUR: Clause = Clause {
    source: "M 2",
    text: "Referansegruppene skal ha ett medlem fra alle fire regioner, som skal representere spesialisthelsetjenesten i sin region.",
};

const M3_ONE: Clause = Clause {
    source: "M 3",
    text: "Referansegruppen skal kun ha ett medlem fra hvert regionalt helseforetak, vararepresentant er ikke nødvendig.",
};

const M3_REPLACE: Clause = Clause {
    source: "M 3",
    text: "Når et medlem av referansegruppen slutter, oppnevnes et nytt medlem.",
};

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
