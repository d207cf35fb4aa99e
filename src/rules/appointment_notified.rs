//! `appointment-notified`: a member appointed more than 30 days ago has no record that the appointment was announced.

use super::Ctx;
use super::{Checks, Rule};
use crate::diagnostic::Diagnostic;
use crate::registry::Group;
use crate::rule_id::{Applies, Clause, Level, Profile, RuleId, RuleMeta, text};
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::AppointmentNotified,
        applies: Applies::Only(Profile::NationalService),
        default: Level::Warning,
        file_level: false,
        after_dissolved: false,
        summary: text(
            "a member appointed more than 30 days ago has no record that the appointment was announced",
            "et medlem oppnevnt for mer enn 30 dager siden mangler registrering av at oppnevningen er kunngjort",
        ),
        purpose: text(
            "The appointing RHF informs the service, the group and the other RHFs of each appointment.",
            "RHF-et som oppnevner, informerer tjenesten, referansegruppen og de andre RHF-ene om hver oppnevning.",
        ),
        clauses: &[M3_NOTIFY],
        fix: text(
            "Send the announcement and record it with `mandat notify GROUP PERSON --date D`.",
            "Send kunngjøringen og registrer den med `mandat notify GRUPPE PERSON --date D`.",
        ),
    },
    checks: Checks {
        group: Some(appointment_notified),
        registry: None,
    },
};

const M3_NOTIFY: Clause = Clause {
    source: "M 3",
    text: "Det regionale helseforetaket oppnevner formelt nytt medlem og sender informasjon om oppnevningen til tjenesten, referansegruppen og de andre regionale helseforetakene.",
};

/// «Det regionale helseforetaket oppnevner formelt nytt medlem og sender informasjon om
/// oppnevningen til tjenesten, referansegruppen og de andre regionale helseforetakene» (M 3).
pub fn appointment_notified(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let g = &group.id;
    for m in group.active_on(ctx.at) {
        let Some(appointed) = &m.appointed else {
            continue;
        };
        if m.notified.is_none() && super::add_days(appointed.value, 30) < ctx.at {
            let (name, day) = (super::member_name(ctx, m), appointed.value);
            let person = m.person_id().unwrap_or("PERSON");
            out.push(
                Diagnostic::at(
                    RuleId::AppointmentNotified,
                    m.span,
                    t!(
                        "{name} was appointed on {day}, but the announcement to the service, the group and the other RHFs is not recorded",
                        "{name} ble oppnevnt {day}, men kunngjøringen til tjenesten, gruppen og de andre RHF-ene er ikke registrert"
                    ),
                )
                .help(t!(
                    "send it and record it: `mandat notify {g} {person} --date YYYY-MM-DD`",
                    "send den og registrer den: `mandat notify {g} {person} --date ÅÅÅÅ-MM-DD`"
                )),
            );
        }
    }
}
