//! `term-expiry`: an active member's term has run out, or runs out within 60 days.

use super::Ctx;
use super::{Checks, Rule};
use crate::diagnostic::Diagnostic;
use crate::registry::Group;
use crate::rule_id::{Applies, Clause, Level, RuleId, RuleMeta, text};
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::TermExpiry,
        applies: Applies::Every,
        default: Level::Warning,
        file_level: false,
        after_dissolved: false,
        summary: text(
            "an active member's term has run out, or runs out within 60 days",
            "funksjonstiden til et aktivt medlem er utløpt eller utløper innen 60 dager",
        ),
        purpose: text(
            "A term that ends needs a decision in time: renew it, or appoint a successor.",
            "En funksjonstid som går ut, trenger en beslutning i tide: forleng den, eller oppnevn en etterfølger.",
        ),
        clauses: &[M3_REPLACE],
        fix: text(
            "Renew the term (a new `term-end`), or end the seat and appoint a successor with `mandat appoint --replaces`.",
            "Forleng funksjonstiden (ny `term-end`), eller avslutt vervet og oppnevn en etterfølger med `mandat appoint --replaces`.",
        ),
    },
    checks: Checks {
        group: Some(terms_not_expiring),
        registry: None,
    },
};

const M3_REPLACE: Clause = Clause {
    source: "M 3",
    text: "Når et medlem av referansegruppen slutter, oppnevnes et nytt medlem.",
};

/// «Når et medlem av referansegruppen slutter, oppnevnes et nytt medlem» (M 3): a term that runs
/// out needs a decision in time.
pub fn terms_not_expiring(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let soon = super::add_days(ctx.at, 60);
    for m in group.active_on(ctx.at) {
        let Some(end) = &m.term_end else { continue };
        let (name, day) = (super::member_name(ctx, m), end.value);
        let message = if end.value < ctx.at {
            t!(
                "{name}'s term ended on {day}, but the seat is still active",
                "funksjonstiden til {name} gikk ut {day}, men vervet står fortsatt som aktivt"
            )
        } else if end.value <= soon {
            t!(
                "{name}'s term ends on {day}, within 60 days",
                "funksjonstiden til {name} går ut {day}, innen 60 dager"
            )
        } else {
            continue;
        };
        out.push(Diagnostic::at(RuleId::TermExpiry, end.span, message).help(t!(
            "renew the term with a new `term-end`, or end the seat and appoint a successor (`mandat appoint --replaces`)",
            "forleng med ny `term-end`, eller avslutt vervet og oppnevn en etterfølger (`mandat appoint --replaces`)"
        )));
    }
}
