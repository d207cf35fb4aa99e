//! `appointment-process`: an active member lacks consent, leader clearance or an appointing body, or was appointed by the wrong RHF.

use super::{Checks, Rule};
use crate::rule_id::{Applies, Clause, Level, Profile, RuleId, RuleMeta, text};
use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::registry::{Group, Member, Role};
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
            id: RuleId::AppointmentProcess,
            applies: Applies::Every,
            default: Level::Error,
            file_level: false,
            summary: text(
                "an active member lacks consent, leader clearance or an appointing body, or was appointed by the wrong RHF",
                "et aktivt medlem mangler samtykke, avklaring med leder eller hvem som oppnevnte, eller er oppnevnt av feil RHF",
            ),
            purpose: text(
                "A member must have been asked and be willing, their leader must have cleared it, and the RHF of the region they represent (for a service member: of their employer's region) appoints them formally.",
                "Et medlem skal være forespurt og villig, lederen skal ha avklart deltakelsen, og RHF-et i regionen medlemmet representerer (for tjenestens representant: arbeidsgiverens region) oppnevner formelt.",
            ),
            clauses: &[M3_APPOINT, M3_WILLING, M3_LEADER],
            fix: text(
                "Record the missing step with its date (`mandat consent GROUP PERSON --date D --leader-cleared D`), or correct `appointed-by` to the right region.",
                "Registrer steget som mangler med dato (`mandat consent GRUPPE PERSON --date D --leader-cleared D`), eller rett `appointed-by` til riktig region.",
            ),
    },
    checks: Checks { group: Some(appointment_process), registry: None },
};

const M3_APPOINT: Clause = Clause {
    source: "M 3",
    text: "Hvert regionale helseforetak (RHF) oppnevner medlemmer til referansegruppene med forankring i egen region.",
};

const M3_WILLING: Clause = Clause {
    source: "M 3",
    text: "Foreslåtte medlemmer skal ha blitt forespurt og ha sagt seg villig til å delta i referansegruppen.",
};

const M3_LEADER: Clause = Clause {
    source: "M 3",
    text: "Medlemmer skal ha sagt seg villig til å ta på seg oppdraget og deltakelse i referansegruppen må være avklart med vedkommendes leder.",
};

/// «Foreslåtte medlemmer skal ha blitt forespurt og ha sagt seg villig ... deltakelse i
/// referansegruppen må være avklart med vedkommendes leder» and «Hvert regionale helseforetak
/// (RHF) oppnevner medlemmer ... med forankring i egen region» (M 3).
pub fn appointment_process(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let g = &group.id;
    for m in group.active_on(ctx.at) {
        let name = super::member_name(ctx, m);
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
