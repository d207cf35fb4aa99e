//! `references`: a reference to an unknown region, organisation, person, milestone or constituency, or to an organisation of the wrong kind.

use super::Ctx;
use super::{Checks, Rule};
use crate::diagnostic::{Diagnostic, shown};
use crate::i18n::{StaticText, Text};
use crate::registry::read::nearest;
use crate::registry::{Group, OrgKind, Registry, Role, is_valid_id, why_not_an_id};
use crate::rule_id::{Applies, Level, Profile, RuleId, RuleMeta, text};
use crate::source::Sp;
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::References,
        applies: Applies::Every,
        default: Level::Error,
        file_level: true,
        after_dissolved: false,
        summary: text(
            "a reference to an unknown region, organisation, person, milestone or constituency, or to an organisation of the wrong kind",
            "en henvisning til en ukjent region, organisasjon, person, milepæl eller gruppe, eller til en organisasjon av feil type",
        ),
        purpose: text(
            "A reference that points nowhere cannot be checked against the mandate: the rules need to know a member's employer, region and organisation.",
            "En henvisning som ikke peker noe sted, kan ikke kontrolleres mot mandatet: reglene må kjenne et medlems arbeidsgiver, region og organisasjon.",
        ),
        clauses: &[],
        fix: text(
            "Correct the id, or add the missing entity: a person with `mandat person add`, an organisation or region in organisations.toml.",
            "Rett id-en, eller legg til det som mangler: en person med `mandat person add`, en organisasjon eller region i organisations.toml.",
        ),
    },
    checks: Checks {
        group: Some(group_references),
        registry: Some(registry_references),
    },
};

fn unknown<'a>(
    what: Text,
    id: &Sp<String>,
    known: impl Iterator<Item = &'a str>,
    add: Text,
) -> Diagnostic {
    let name = shown(&id.value);
    let (we, wn) = (&what.en, &what.nb);
    let d = Diagnostic::at(
        RuleId::References,
        id.span,
        t!("unknown {we} `{name}`", "ukjent {wn} `{name}`"),
    );
    let d = match why_not_an_id(&id.value) {
        Some(why) => d.note(why),
        None => d,
    };
    match nearest(&id.value, known) {
        Some(near) => d.help(t!("did you mean `{near}`?", "mente du `{near}`?")),
        // Advice to add an entity under a name that cannot be an id would not help.
        None if !is_valid_id(&id.value) => d.help(t!(
            "write the id in lower-case a-z, 0-9 and -, as it is written where the entity is defined",
            "skriv id-en med små a-z, 0-9 og -, slik den er skrevet der den er definert"
        )),
        None => d.help(add),
    }
}

fn region(reg: &Registry, id: &Sp<String>, out: &mut Vec<Diagnostic>) {
    if reg.region(&id.value).is_none() {
        out.push(unknown(
            t!("region", "region"),
            id,
            reg.regions.iter().map(|r| r.id.as_str()),
            t!(
                "the regions are listed as [[region]] in organisations.toml",
                "regionene står som [[region]] i organisations.toml"
            ),
        ));
    }
}

fn person(reg: &Registry, id: &Sp<String>, out: &mut Vec<Diagnostic>) {
    if reg.person(&id.value).is_none() {
        let name = &id.value;
        out.push(unknown(
            t!("person", "person"),
            id,
            reg.people.iter().map(|p| p.id.as_str()),
            t!(
                "add the person with `mandat person add {name} --name \"...\"`",
                "legg til personen med `mandat person add {name} --name \"...\"`"
            ),
        ));
    }
}

/// The role of an organisation that may be of any kind: a finding names the role only when the
/// organisation is of the wrong kind, so this one is never shown.
const NO_ROLE: StaticText = text("", "");

/// An organisation that must exist and, when `kinds` is not empty, be of one of those kinds.
/// `role` names it in the finding (a text made only then: members are many).
fn organisation(
    reg: &Registry,
    id: &Sp<String>,
    kinds: &[OrgKind],
    role: StaticText,
    out: &mut Vec<Diagnostic>,
) {
    let Some(org) = reg.organisation(&id.value) else {
        out.push(unknown(
            t!("organisation", "organisasjon"),
            id,
            reg.organisations.iter().map(|o| o.id.as_str()),
            t!(
                "add it as [[organisation]] in organisations.toml",
                "legg den til som [[organisation]] i organisations.toml"
            ),
        ));
        return;
    };
    let Some(kind) = org.kind.as_ref() else {
        return;
    };
    if kinds.is_empty() || kinds.contains(&kind.value) {
        return;
    }
    let name = &id.value;
    let wanted: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
    let wanted = wanted.join(" / ");
    let found = kind.value.as_str();
    let (re, rn) = (&role.en, &role.nb);
    out.push(
        Diagnostic::at(
            RuleId::References,
            id.span,
            t!(
                "`{name}` is a {found}, but {re} must be a {wanted}",
                "`{name}` er av typen {found}, men {rn} må være av typen {wanted}"
            ),
        )
        .help(t!(
            "point at an organisation of kind {wanted}, or correct its `kind` in organisations.toml",
            "vis til en organisasjon av typen {wanted}, eller rett `kind` i organisations.toml"
        )),
    );
}

/// Organisations' regions and people's employers.
pub fn registry_references(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let reg = ctx.reg;
    for o in &reg.organisations {
        if let Some(r) = &o.region {
            region(reg, r, out);
        }
    }
    for p in &reg.people {
        if let Some(e) = &p.employer {
            organisation(reg, e, &[], NO_ROLE, out);
        }
    }
}

/// Everything a group's files point at.
pub fn group_references(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let reg = ctx.reg;
    let hospital = [OrgKind::Hf, OrgKind::PrivateHospital];
    if group.profile() == Some(Profile::NationalService) {
        for h in &group.host {
            organisation(reg, h, &hospital, text("a host", "et vertsforetak"), out);
        }
        if let Some(r) = &group.responsible {
            organisation(
                reg,
                r,
                &hospital,
                text("the responsible HF", "det ansvarlige helseforetaket"),
                out,
            );
        }
    }
    if let Some(o) = &group.owner {
        match group.profile() {
            Some(Profile::MunicipalAdvisory) => organisation(
                reg,
                o,
                &[OrgKind::Municipality],
                text("the owner", "eieren"),
                out,
            ),
            // An advisory body's owner may be any organisation (format.md, second round).
            Some(Profile::Advisory) => organisation(reg, o, &[], NO_ROLE, out),
            _ => {}
        }
    }
    for c in &group.chairs {
        if let Some(p) = &c.person {
            person(reg, p, out);
        }
        if let Some(o) = &c.designated_by {
            organisation(reg, o, &[], NO_ROLE, out);
        }
    }
    for m in &group.members {
        if let Some(p) = &m.person {
            person(reg, p, out);
        }
        if let Some(r) = &m.region {
            region(reg, r, out);
        }
        if let Some(o) = &m.organisation {
            let kinds: &[OrgKind] = if m.role() == Some(Role::User) {
                &[OrgKind::UserOrganisation]
            } else {
                &[]
            };
            organisation(
                reg,
                o,
                kinds,
                text(
                    "a user member's organisation",
                    "organisasjonen til et brukermedlem",
                ),
                out,
            );
        }
        if let Some(c) = &m.constituency
            && !group.constituencies.iter().any(|g| g.value == c.value)
        {
            out.push(unknown(
                t!("constituency", "gruppe"),
                c,
                group.constituencies.iter().map(|g| g.as_str()),
                t!(
                    "the group's constituencies are listed in `constituencies` in group.toml",
                    "gruppens grupper står i `constituencies` i group.toml"
                ),
            ));
        }
    }
    for m in &group.meetings {
        for p in m.attendee_ids().chain(m.absent.iter()) {
            person(reg, p, out);
        }
        for i in &m.inputs {
            if let Some(p) = &i.by {
                person(reg, p, out);
            }
        }
        if let Some(ms) = &m.milestone
            && !group
                .milestones
                .iter()
                .any(|g| g.id.as_ref().is_some_and(|id| id.value == ms.value))
        {
            out.push(unknown(
                t!("milestone", "milepæl"),
                ms,
                group
                    .milestones
                    .iter()
                    .filter_map(|g| g.id.as_ref())
                    .map(|id| id.as_str()),
                t!(
                    "the group's milestones are [[milestone]] entries in group.toml",
                    "gruppens milepæler står som [[milestone]] i group.toml"
                ),
            ));
        }
    }
    for s in &group.reports {
        if let Some(a) = &s.author {
            person(reg, a, out);
        }
        if let Some(r) = &s.region {
            region(reg, r, out);
        }
    }
}
