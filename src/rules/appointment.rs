//! The appointment process of M 3: consent, the leader's clearance, appointment by the right
//! body, the announcement; and terms that run out.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::registry::{Group, Member, Profile, Role};
use crate::rule_id::RuleId;
use crate::t;

fn who(ctx: &Ctx, m: &Member) -> String {
    m.person_id()
        .map_or_else(|| "?".to_string(), |p| ctx.reg.person_name(p).to_string())
}

/// «Foreslåtte medlemmer skal ha blitt forespurt og ha sagt seg villig ... deltakelse i
/// referansegruppen må være avklart med vedkommendes leder» and «Hvert regionale helseforetak
/// (RHF) oppnevner medlemmer ... med forankring i egen region» (M 3).
pub fn appointment_process(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let g = &group.id;
    for m in group.active_on(ctx.at) {
        let name = who(ctx, m);
        let person = m.person_id().unwrap_or("PERSON");
        if m.consented.is_none() {
            out.push(
                Diagnostic::at(
                    RuleId::AppointmentProcess,
                    m.span,
                    t!(
                        "{name} is an active member, but there is no record that they were asked and agreed to serve (`consented`)",
                        "{name} er aktivt medlem, men det er ikke registrert at vedkommende er forespurt og har sagt ja (`consented`)"
                    ),
                )
                .clause(1)
                .help(t!(
                    "record the date they agreed: `mandat consent {g} {person} --date YYYY-MM-DD`",
                    "registrer datoen vedkommende sa ja: `mandat consent {g} {person} --date ÅÅÅÅ-MM-DD`"
                )),
            );
        }
        if matches!(m.role(), Some(Role::Regional | Role::Service)) && m.leader_cleared.is_none() {
            out.push(
                Diagnostic::at(
                    RuleId::AppointmentProcess,
                    m.span,
                    t!(
                        "{name}'s participation has not been recorded as cleared with their leader (`leader-cleared`)",
                        "det er ikke registrert at deltakelsen til {name} er avklart med lederen (`leader-cleared`)"
                    ),
                )
                .clause(2)
                .help(t!(
                    "record the date: `mandat consent {g} {person} --leader-cleared YYYY-MM-DD`",
                    "registrer datoen: `mandat consent {g} {person} --leader-cleared ÅÅÅÅ-MM-DD`"
                )),
            );
        }
        appointed_by(ctx, group, m, &name, out);
    }
}

/// The appointing body is recorded and is the right one for the seat.
fn appointed_by(ctx: &Ctx, group: &Group, m: &Member, name: &str, out: &mut Vec<Diagnostic>) {
    let reg = ctx.reg;
    let Some(by) = &m.appointed_by else {
        out.push(
            Diagnostic::at(
                RuleId::AppointmentProcess,
                m.span,
                t!(
                    "{name} is an active member, but who appointed them is not recorded (`appointed-by`)",
                    "{name} er aktivt medlem, men hvem som oppnevnte vedkommende er ikke registrert (`appointed-by`)"
                ),
            )
            .help(t!(
                "add `appointed-by` with the id of the appointing RHF",
                "legg til `appointed-by` med id-en til RHF-et som oppnevnte"
            )),
        );
        return;
    };
    let by_id = by.as_str();
    // Who may appoint depends on the profile; a missing or unknown one was reported by `schema`.
    let Some(profile) = group.profile() else {
        return;
    };
    if profile != Profile::NationalService {
        if reg.organisation(by_id).is_none() {
            out.push(Diagnostic::at(
                RuleId::AppointmentProcess,
                by.span,
                t!(
                    "`appointed-by` names `{by_id}`, which is not an organisation in organisations.toml",
                    "`appointed-by` viser til `{by_id}`, som ikke er en organisasjon i organisations.toml"
                ),
            ).help(t!("name the organisation that appointed the member, e.g. the municipality", "oppgi organisasjonen som oppnevnte medlemmet, f.eks. kommunen")));
        }
        return;
    }
    if reg.region(by_id).is_none() {
        out.push(
            Diagnostic::at(
                RuleId::AppointmentProcess,
                by.span,
                t!(
                    "`appointed-by` is `{by_id}`, which is not a regional health authority (RHF)",
                    "`appointed-by` er `{by_id}`, som ikke er et regionalt helseforetak (RHF)"
                ),
            )
            .help(t!(
                "members of a national service's group are appointed by an RHF: one of the [[region]] ids",
                "medlemmer av en nasjonal tjenestes gruppe oppnevnes av et RHF: en av [[region]]-id-ene"
            )),
        );
        return;
    }
    let expected = match m.role() {
        Some(Role::Regional) => m.region_id(),
        Some(Role::Service) => m.person_id().and_then(|p| reg.person_region(p)),
        _ => None,
    };
    // A wrong appointing RHF is the member's problem, so it points at the member's entry
    // (rules.md, "Where a diagnostic points"); an `appointed-by` that is no RHF at all is a
    // problem with the value and points at it. An unknown region is already `references`' error;
    // repeating it here would only tell the user to appoint from a region that does not exist.
    if let Some(expected) = expected
        && expected != by_id
        && reg.region(expected).is_some()
    {
        let (found_name, want_name) = (reg.region_name(by_id), reg.region_name(expected));
        let whose = if m.role() == Some(Role::Regional) {
            t!(
                "the region the member represents",
                "regionen medlemmet representerer"
            )
        } else {
            t!(
                "the region of the member's employer",
                "regionen til medlemmets arbeidsgiver"
            )
        };
        let (we, wn) = (&whose.en, &whose.nb);
        out.push(
            Diagnostic::at(
                RuleId::AppointmentProcess,
                m.span,
                t!(
                    "{name} was appointed by {found_name}, but {we} is {want_name}, which must appoint",
                    "{name} er oppnevnt av {found_name}, men {wn} er {want_name}, som skal oppnevne"
                ),
            )
            .help(t!(
                "the appointment must be made by {want_name}: `appointed-by = \"{expected}\"`",
                "oppnevningen skal gjøres av {want_name}: `appointed-by = \"{expected}\"`"
            )),
        );
    }
}

/// «Det regionale helseforetaket oppnevner formelt nytt medlem og sender informasjon om
/// oppnevningen til tjenesten, referansegruppen og de andre regionale helseforetakene» (M 3).
pub fn appointment_notified(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let g = &group.id;
    for m in group.active_on(ctx.at) {
        let Some(appointed) = &m.appointed else {
            continue;
        };
        if m.notified.is_none() && super::add_days(appointed.value, 30) < ctx.at {
            let (name, day) = (who(ctx, m), appointed.value);
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

/// «Når et medlem av referansegruppen slutter, oppnevnes et nytt medlem» (M 3): a term that runs
/// out needs a decision in time.
pub fn terms_not_expiring(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let soon = super::add_days(ctx.at, 60);
    for m in group.active_on(ctx.at) {
        let Some(end) = &m.term_end else { continue };
        let (name, day) = (who(ctx, m), end.value);
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
