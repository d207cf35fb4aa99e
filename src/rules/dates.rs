//! `dates`: dates out of order (proposed, consented, leader-cleared, appointed, ended, term-end; chair terms; established and dissolved), or a held meeting dated in the future.

use super::Ctx;
use super::{Checks, Rule};
use crate::diagnostic::Diagnostic;
use crate::registry::{Date, Group};
use crate::rule_id::{Applies, Level, RuleId, RuleMeta, text};
use crate::source::Sp;
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::Dates,
        applies: Applies::Every,
        default: Level::Error,
        file_level: true,
        after_dissolved: false,
        summary: text(
            "dates out of order (proposed, consented, leader-cleared, appointed, ended, term-end; chair terms; established and dissolved), or a held meeting dated in the future",
            "datoer i feil rekkefølge (foreslått, samtykke, avklart med leder, oppnevnt, avsluttet, funksjonstid; ledervervet; opprettet og nedlagt), eller et avholdt møte med dato fram i tid",
        ),
        purpose: text(
            "The appointment steps happen in order: proposed, then consent, then appointment; a seat ends after it began. Dates out of order are almost always typing errors.",
            "Oppnevningen skjer i rekkefølge: forslag, så samtykke, så oppnevning; et verv slutter etter at det begynte. Datoer i feil rekkefølge er nesten alltid skrivefeil.",
        ),
        clauses: &[],
        fix: text(
            "Correct the date that is wrong. A meeting that has not happened yet has status \"planned\".",
            "Rett datoen som er feil. Et møte som ikke er holdt ennå, har status \"planned\".",
        ),
    },
    checks: Checks {
        group: Some(dates_in_order),
        registry: None,
    },
};

/// Reports `later` when it is before `earlier`.
fn in_order(
    earlier: Option<(&str, &Sp<Date>)>,
    later: Option<(&str, &Sp<Date>)>,
    out: &mut Vec<Diagnostic>,
) {
    let (Some((a, da)), Some((b, db))) = (earlier, later) else {
        return;
    };
    if db.value < da.value {
        let (x, y) = (db.value, da.value);
        out.push(
            Diagnostic::at(
                RuleId::Dates,
                db.span,
                t!(
                    "`{b}` ({x}) is before `{a}` ({y})",
                    "`{b}` ({x}) er før `{a}` ({y})"
                ),
            )
            .help(t!(
                "`{a}` comes first; correct whichever of the two dates is wrong",
                "`{a}` kommer først; rett den av de to datoene som er feil"
            )),
        );
    }
}

fn named<'a>(name: &'a str, d: &'a Option<Sp<Date>>) -> Option<(&'a str, &'a Sp<Date>)> {
    d.as_ref().map(|d| (name, d))
}

/// Dates of one group's members, chair terms, life and meetings are in order.
pub fn dates_in_order(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    in_order(
        named("established", &group.established),
        named("dissolved", &group.dissolved),
        out,
    );
    for c in &group.chairs {
        in_order(named("from", &c.from), named("to", &c.to), out);
    }
    for m in &group.members {
        let proposed = named("proposed", &m.proposed);
        let consented = named("consented", &m.consented);
        let appointed = named("appointed", &m.appointed);
        in_order(proposed, consented, out);
        in_order(consented.or(proposed), appointed, out);
        in_order(named("leader-cleared", &m.leader_cleared), appointed, out);
        in_order(appointed, named("ended", &m.ended), out);
        in_order(appointed, named("term-end", &m.term_end), out);
    }
    for m in group.meetings.iter().filter(|m| m.is_held()) {
        if let Some(date) = &m.date
            && date.value > ctx.at
        {
            let (d, at) = (date.value, ctx.at);
            out.push(
                Diagnostic::at(
                    RuleId::Dates,
                    date.span,
                    t!(
                        "the meeting is recorded as held, but its date {d} is after {at}",
                        "møtet står som avholdt, men datoen {d} er etter {at}"
                    ),
                )
                .help(t!(
                    "a meeting that has not happened yet has `status = \"planned\"`",
                    "et møte som ikke er holdt ennå, har `status = \"planned\"`"
                )),
            );
        }
    }
}
