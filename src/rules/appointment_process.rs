//! `appointment-process`: an active member lacks consent, leader clearance or an appointing body, or was appointed by the wrong RHF.

use super::Ctx;
use super::{Checks, Rule};
use crate::diagnostic::Diagnostic;
use crate::i18n::Text;
use crate::registry::{Group, Member, Registry, Role};
use crate::rule_id::{Applies, Clause, Level, Profile, RuleId, RuleMeta, text};
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::AppointmentProcess,
        applies: Applies::Every,
        default: Level::Error,
        file_level: false,
        after_dissolved: false,
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
            "Record the missing step with its date (`mandat consent GROUP PERSON --date D --leader-cleared D`). For a wrong appointing RHF, correct whichever of the member's `region`, the person's `employer` and `appointed-by` is wrong: the help of each finding says which disagrees with which.",
            "Registrer steget som mangler med dato (`mandat consent GRUPPE PERSON --date D --leader-cleared D`). Ved feil oppnevnende RHF, rett det som er feil av medlemmets `region`, personens `employer` og `appointed-by`: hjelpeteksten til hvert funn sier hva som ikke stemmer med hva.",
        ),
    },
    checks: Checks {
        group: Some(appointment_process),
        registry: None,
    },
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
        // Second round: any organisation or region may appoint outside the national profile.
        if reg.organisation(by_id).is_none() && reg.region(by_id).is_none() {
            out.push(Diagnostic::at(
                RuleId::AppointmentProcess,
                by.span,
                t!(
                    "`appointed-by` names `{by_id}`, which is neither an organisation nor a region in organisations.toml",
                    "`appointed-by` viser til `{by_id}`, som verken er en organisasjon eller en region i organisations.toml"
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
    let expected = m.appointing_region(reg);
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
            .help(which_disagrees(reg, m, by_id, expected)),
        );
    }
}

/// The help for a wrong appointing RHF: which of the member's `region`, the employer's region
/// and `appointed-by` disagrees with which, so that the user corrects the one that is wrong
/// rather than always `appointed-by`.
fn which_disagrees(reg: &Registry, m: &Member, by: &str, expected: &str) -> Text {
    let by_name = reg.region_name(by);
    let want_name = reg.region_name(expected);
    let employer = m
        .person_id()
        .and_then(|p| reg.person_employer(p))
        .and_then(|e| reg.org_region(e).map(|r| (reg.org_name(e), r)));
    let appoint_expected = t!(
        "the appointment must be made by {want_name}: `appointed-by = \"{expected}\"`",
        "oppnevningen skal gjøres av {want_name}: `appointed-by = \"{expected}\"`"
    );
    if m.role() == Some(Role::Service) {
        // `expected` is the employer's region.
        let hf = employer.map_or("?", |(hf, _)| hf);
        return t!(
            "`appointed-by` ({by_name}) disagrees with the region of the employer, {hf} ({want_name}): if the employer is right, set `appointed-by = \"{expected}\"`; if the person has moved, correct `employer` in their file",
            "`appointed-by` ({by_name}) stemmer ikke med regionen til arbeidsgiveren, {hf} ({want_name}): er arbeidsgiveren riktig, sett `appointed-by = \"{expected}\"`; har personen byttet arbeidssted, rett `employer` i personfilen"
        );
    }
    match employer {
        // The employer's region and `appointed-by` agree: it is `region` that stands apart.
        Some((hf, r)) if r == by => t!(
            "`region` ({want_name}) disagrees with both `appointed-by` and the employer, {hf}, which lie in {by_name}: if the member represents {by_name}, correct `region = \"{by}\"`; if they represent {want_name}, the appointment must be made by {want_name}",
            "`region` ({want_name}) stemmer verken med `appointed-by` eller arbeidsgiveren, {hf}, som begge hører til {by_name}: representerer medlemmet {by_name}, rett til `region = \"{by}\"`; representerer medlemmet {want_name}, skal {want_name} oppnevne"
        ),
        // `region` and the employer agree: `appointed-by` is the odd one.
        Some((hf, r)) if r == expected => t!(
            "`appointed-by` ({by_name}) disagrees with both `region` and the employer, {hf}, which lie in {want_name}: set `appointed-by = \"{expected}\"`",
            "`appointed-by` ({by_name}) stemmer verken med `region` eller arbeidsgiveren, {hf}, som begge hører til {want_name}: sett `appointed-by = \"{expected}\"`"
        ),
        // All three differ: say so, and let regional-member-from-region speak for the employer.
        Some((hf, r)) => {
            let employer_region = reg.region_name(r);
            t!(
                "`region` ({want_name}), `appointed-by` ({by_name}) and the employer, {hf} ({employer_region}), all differ: the RHF of the region represented appoints, so either correct `region` or set `appointed-by = \"{expected}\"`",
                "`region` ({want_name}), `appointed-by` ({by_name}) og arbeidsgiveren, {hf} ({employer_region}), er alle ulike: RHF-et i regionen som representeres, oppnevner, så rett enten `region` eller sett `appointed-by = \"{expected}\"`"
            )
        }
        None => appoint_expected,
    }
}
