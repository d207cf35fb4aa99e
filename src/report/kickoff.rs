//! `mandat report kickoff`: the stub files of a year's annual report (cli.md). Each stub has the
//! front matter of format.md without `submitted`, one heading, and everything else — the year's
//! facts and the guidance — inside an HTML comment, so that it counts as missing until its author
//! writes in it ([`crate::registry::frontmatter::body_is_empty`]).
//!
//! This module only composes the texts; `commands::report` writes them through the edit
//! machinery (locked, atomic, never over an existing file).

use std::fmt::Write;

use super::dates;
use crate::i18n::Lang;
use crate::registry::{Group, Registry, SectionKind, dec31};

/// One file of the kickoff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stub {
    /// Relative to the registry root: `groups/<g>/reports/<year>/<region>.md` or `feedback.md`.
    pub rel: String,
    pub kind: SectionKind,
    /// The author's person id.
    pub author: String,
    pub text: String,
}

/// What the kickoff of `year` would write: a stub for each region whose regional member was
/// active in the year, and the feedback when the group has a chair on 31 December. Existing
/// files are not the business of this function; the caller keeps them.
pub fn stubs(reg: &Registry, g: &Group, year: i32, lang: Lang) -> Vec<Stub> {
    let mut out = Vec::new();
    for region in &reg.regions {
        let rid = region.id.as_str();
        let Some(author) = g.section_author(rid, year).and_then(|m| m.person_id()) else {
            continue;
        };
        let kind = SectionKind::Regional(rid.to_string());
        out.push(Stub {
            rel: format!("groups/{}/reports/{year}/{rid}.md", g.id),
            text: stub_text(reg, g, year, &kind, author, lang),
            kind,
            author: author.to_string(),
        });
    }
    if let Some(chair) = g.chair_on(dec31(year)) {
        let kind = SectionKind::Feedback;
        out.push(Stub {
            rel: format!("groups/{}/reports/{year}/feedback.md", g.id),
            text: stub_text(reg, g, year, &kind, chair, lang),
            kind,
            author: chair.to_string(),
        });
    }
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    out
}

/// The path of the feedback file, for saying it was not written.
pub fn feedback_rel(g: &Group, year: i32) -> String {
    format!("groups/{}/reports/{year}/feedback.md", g.id)
}

fn toml_str(s: &str) -> String {
    toml_edit::Value::from(s).to_string()
}

fn stub_text(
    reg: &Registry,
    g: &Group,
    year: i32,
    kind: &SectionKind,
    author: &str,
    lang: Lang,
) -> String {
    let mut t = String::from("+++\n");
    let _ = writeln!(t, "year = {year}");
    if let SectionKind::Regional(r) = kind {
        let _ = writeln!(t, "region = {}", toml_str(r));
    }
    let _ = writeln!(t, "author = {}", toml_str(author));
    t.push_str("+++\n");
    let group_name = g.name.as_ref().map_or(g.id.as_str(), |n| n.as_str());
    let service = g.service.as_ref().map_or(group_name, |s| s.as_str());
    let heading = match (kind, lang) {
        (SectionKind::Regional(r), _) => format!("{} {year}", reg.region_name(r)),
        (SectionKind::Feedback, Lang::En) => format!("The group's feedback on the service, {year}"),
        (SectionKind::Feedback, Lang::Nb) => {
            format!("Gruppens tilbakemelding på tjenesten, {year}")
        }
    };
    let _ = writeln!(t, "# {heading}\n");
    // The comment must not close early: no `-->` from the registry's texts.
    let clean = |s: &str| s.replace("--", "–");
    let held: Vec<_> = g
        .meetings
        .iter()
        .filter(|m| m.is_held() && m.day().is_some_and(|d| super::in_year(d, year)))
        .filter_map(|m| m.day().map(|d| (d, m)))
        .collect::<std::collections::BTreeMap<_, _>>()
        .into_iter()
        .collect();
    let days: Vec<String> = held.iter().map(|(d, _)| dates::long(*d, lang)).collect();
    // The author's attendance counts the meetings held while they had a seat.
    let seated = |d: crate::registry::Date| {
        g.members
            .iter()
            .any(|m| m.person_id() == Some(author) && m.is_active(d))
    };
    let while_seated: Vec<_> = held.iter().filter(|(d, _)| seated(*d)).collect();
    let m_total = while_seated.len();
    let attended = while_seated
        .iter()
        .filter(|(_, m)| m.attendee_ids().any(|a| a.value == author))
        .count();
    let name = clean(reg.person_name(author));
    let due = dates::long(reg.config.report_due(year), lang);
    let n = held.len();
    t.push_str("<!--\n");
    match lang {
        Lang::Nb => {
            let _ = writeln!(
                t,
                "{}, årsrapport {year}. Skrives av {name}.",
                clean(group_name)
            );
            let _ = writeln!(t, "Frist: {due}.\n");
            let _ = writeln!(t, "Fakta for {year}:");
            let list = if days.is_empty() {
                "ingen".to_string()
            } else {
                days.join(", ")
            };
            let _ = writeln!(t, "- Møter holdt: {n} ({list}).");
            let _ = writeln!(
                t,
                "- {name} var til stede på {attended} av de {m_total} møtene i medlemsperioden.\n"
            );
            match kind {
                SectionKind::Regional(r) => {
                    let region = clean(reg.region_name(r));
                    let _ = writeln!(
                        t,
                        "Mandatet: årsrapporten skal ha en del fra hver av de fire regionale representantene,\nsom kort omtaler i hvilken grad {} fungerer i {region}.",
                        clean(service)
                    );
                    t.push_str("Skriv gjerne om dialogen med fagmiljøet i regionen, rapportering til kvalitetsregistre,\nog problemer eller svakheter du har tatt opp med tjenesten.\n");
                }
                SectionKind::Feedback => {
                    let _ = writeln!(
                        t,
                        "Mandatet: gruppen skal gi tilbakemelding på arbeidet til {}; tilbakemeldingen er en\nintegrert del av tjenestens årsrapport.",
                        clean(service)
                    );
                    t.push_str("Skriv om informasjonen til helseforetak, fagmiljø, brukerorganisasjoner og pasienter,\nog om problemer og svakheter slik de oppleves i landet som helhet.\n");
                }
            }
            t.push_str("\nSkriv teksten under denne kommentaren. Alt mellom kommentarmerkene vises ikke, og delen\nregnes som manglende til det står tekst utenfor dem. Legg til submitted = ÅÅÅÅ-MM-DD\nmellom +++-linjene når delen er levert.\n");
        }
        Lang::En => {
            let _ = writeln!(
                t,
                "{}, annual report {year}. Written by {name}.",
                clean(group_name)
            );
            let _ = writeln!(t, "Due: {due}.\n");
            let _ = writeln!(t, "Facts for {year}:");
            let list = if days.is_empty() {
                "none".to_string()
            } else {
                days.join(", ")
            };
            let _ = writeln!(t, "- Meetings held: {n} ({list}).");
            let _ = writeln!(
                t,
                "- {name} attended {attended} of the {m_total} meetings held during the membership.\n"
            );
            match kind {
                SectionKind::Regional(r) => {
                    let region = clean(reg.region_name(r));
                    let _ = writeln!(
                        t,
                        "The mandate: the annual report holds a section from each of the four regional\nrepresentatives, saying briefly how well {} works in {region}.",
                        clean(service)
                    );
                    t.push_str("You may write about the dialogue with the professional community in the region, reporting\nto quality registries, and problems or weaknesses you have raised with the service.\n");
                }
                SectionKind::Feedback => {
                    let _ = writeln!(
                        t,
                        "The mandate: the group gives feedback on the work of {}; the feedback is an integral\npart of the service's annual report.",
                        clean(service)
                    );
                    t.push_str("Write about the information given to health trusts, professionals, user organisations and\npatients, and about problems and weaknesses as they are seen across the country.\n");
                }
            }
            t.push_str("\nWrite the text below this comment. Nothing between the comment marks is shown, and the\nsection counts as missing until there is text outside them. Add submitted = YYYY-MM-DD\nbetween the +++ lines when it is delivered.\n");
        }
    }
    t.push_str("-->\n");
    t
}

#[cfg(test)]
mod tests {
    use crate::registry::frontmatter::body_is_empty;

    #[test]
    fn a_stub_body_is_blank() {
        let body =
            "# Helse Nord RHF 2026\n\n<!--\nFakta for 2026:\n- Møter holdt: 0 (ingen).\n-->\n";
        assert!(body_is_empty(body));
    }
}
