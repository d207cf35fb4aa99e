//! `chair-designated`: the group has no chair (or several) on the date, the chair was not designated by the responsible HF, or the chair is not an active member.

use super::{Checks, Rule};
use super::{Ctx, group_place};
use crate::diagnostic::Diagnostic;
use crate::registry::Group;
use crate::rule_id::{Applies, Clause, Level, Profile, RuleId, RuleMeta, text};
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::ChairDesignated,
        applies: Applies::Only(Profile::NationalService),
        default: Level::Error,
        file_level: false,
        after_dissolved: false,
        summary: text(
            "the group has no chair (or several) on the date, the chair was not designated by the responsible HF, or the chair is not an active member",
            "gruppen har ingen leder (eller flere) på datoen, lederen er ikke utpekt av det ansvarlige helseforetaket, eller lederen er ikke aktivt medlem",
        ),
        purpose: text(
            "The HF responsible for the service designates the chair, among the group's members. No chair is a warning during the grace period after the group was established or the previous chair's term ended.",
            "Helseforetaket som har ansvar for tjenesten, utpeker lederen blant gruppens medlemmer. Uten leder er det en advarsel i fristen etter at gruppen ble opprettet eller forrige leders periode sluttet.",
        ),
        clauses: &[M2_CHAIR],
        fix: text(
            "Designate a chair with `mandat chair GROUP PERSON --by RESPONSIBLE-HF --date D`.",
            "Utpek en leder med `mandat chair GRUPPE PERSON --by ANSVARLIG-HF --date D`.",
        ),
    },
    checks: Checks {
        group: Some(chair_designated),
        registry: None,
    },
};

const M2_CHAIR: Clause = Clause {
    source: "M 2",
    text: "Lederen for referansegruppen utpekes av helseforetaket som har ansvar for senteret.",
};

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
