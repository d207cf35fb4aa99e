//! `ids`: an id has the wrong form, a file or folder name differs from its id, or two entities share one id.

use super::{Checks, Rule};
use super::{Ctx, file_start, group_place};
use crate::diagnostic::{Diagnostic, Place};
use crate::i18n::{StaticText, Text};
use crate::registry::{Group, SectionKind, is_valid_id, parse_meeting_stem};
use crate::rule_id::{Applies, Level, RuleId, RuleMeta, text};
use crate::source::Sp;
use crate::t;
use std::collections::BTreeMap;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::Ids,
        applies: Applies::Every,
        default: Level::Error,
        file_level: true,
        after_dissolved: false,
        summary: text(
            "an id has the wrong form, a file or folder name differs from its id, or two entities share one id",
            "en id har feil form, et fil- eller mappenavn avviker fra id-en, eller to enheter har samme id",
        ),
        purpose: text(
            "Ids tie the files together: a person's file name is their id, a group's folder is its id, a meeting's file name starts with its date. An id is 1 to 64 characters of a-z, 0-9 and -, starting with a letter.",
            "Id-er binder filene sammen: en persons filnavn er id-en, en gruppes mappe er id-en, et møtes filnavn starter med datoen. En id er 1 til 64 tegn av a-z, 0-9 og -, og starter med en bokstav.",
        ),
        clauses: &[],
        fix: text(
            "Rename the file or folder, or correct the id, so that they agree; use only lower-case letters, digits and hyphens.",
            "Gi filen eller mappen nytt navn, eller rett id-en, slik at de stemmer overens; bruk bare små bokstaver, sifre og bindestrek.",
        ),
    },
    checks: Checks {
        group: Some(group_ids),
        registry: Some(registry_ids),
    },
};

fn bad_form(place: Place, what: Text, id: &str) -> Diagnostic {
    let (we, wn) = (&what.en, &what.nb);
    let d = Diagnostic::new(
        RuleId::Ids,
        place,
        t!(
            "{we} `{id}` is not a valid id",
            "{wn} `{id}` er ikke en gyldig id",
            id = crate::diagnostic::shown(id)
        ),
    );
    let d = match crate::registry::why_not_an_id(id) {
        Some(why) => d.note(why),
        None => d,
    };
    d.help(t!(
        "an id is 1 to 64 characters of a-z, 0-9 and -, starting with a letter; e.g. `{suggest}`",
        "en id er 1 til 64 tegn av a-z, 0-9 og -, og starter med en bokstav; f.eks. `{suggest}`",
        suggest = suggestion(id)
    ))
}

fn suggestion(id: &str) -> String {
    let s = crate::registry::id_from_name(id);
    if is_valid_id(&s) {
        s
    } else {
        format!("x-{s}").trim_end_matches('-').to_string()
    }
}

/// Reports ids of the wrong form and the second and later uses of one id; a duplicate points at
/// the later use and names where the first is (rules.md, "Where a diagnostic points").
fn check_ids<'a>(
    ctx: &Ctx,
    what: StaticText,
    ids: impl Iterator<Item = &'a Sp<String>>,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: BTreeMap<&str, &Sp<String>> = BTreeMap::new();
    for id in ids {
        if !is_valid_id(&id.value) {
            out.push(bad_form(Place::Span(id.span), what.into(), &id.value));
        }
        if let Some(first) = seen.get(id.value.as_str()) {
            let name = &id.value;
            let (we, wn) = (&what.en, &what.nb);
            let file = &ctx.reg.files[first.span.file()];
            let (line, _) = file.line_col(first.span.start());
            let message = if first.span.file() == id.span.file() {
                t!(
                    "{we} `{name}` is defined twice; the first is on line {line}",
                    "{wn} `{name}` er definert to ganger; den første står på linje {line}"
                )
            } else {
                let rel = &file.rel;
                t!(
                    "{we} `{name}` is defined twice; the first is in {rel} on line {line}",
                    "{wn} `{name}` er definert to ganger; den første står i {rel} på linje {line}"
                )
            };
            out.push(Diagnostic::at(RuleId::Ids, id.span, message).help(t!(
                "give each its own id, or remove the duplicate",
                "gi hver sin id, eller fjern duplikatet"
            )));
        } else {
            seen.insert(&id.value, id);
        }
    }
}

/// Region and organisation ids, and people's file names.
pub fn registry_ids(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    check_ids(
        ctx,
        text("region", "regionen"),
        ctx.reg.regions.iter().map(|r| &r.id),
        out,
    );
    check_ids(
        ctx,
        text("organisation", "organisasjonen"),
        ctx.reg.organisations.iter().map(|o| &o.id),
        out,
    );
    for p in &ctx.reg.people {
        if !is_valid_id(&p.id) {
            out.push(bad_form(
                file_start(ctx.reg, p.file),
                t!("person file name", "personfilnavnet"),
                &p.id,
            ));
        }
    }
}

/// A group's folder name, milestones, constituencies, meeting files and inputs, report paths.
pub fn group_ids(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    if !is_valid_id(&group.id) {
        out.push(bad_form(
            group_place(ctx.reg, group),
            t!("group folder name", "gruppemappenavnet"),
            &group.id,
        ));
    }
    check_ids(
        ctx,
        text("milestone", "milepælen"),
        group.milestones.iter().filter_map(|m| m.id.as_ref()),
        out,
    );
    check_ids(
        ctx,
        text("constituency", "gruppen"),
        group.constituencies.iter(),
        out,
    );
    for m in &group.meetings {
        let stem = &m.stem;
        match parse_meeting_stem(stem) {
            None => out.push(
                Diagnostic::new(
                    RuleId::Ids,
                    file_start(ctx.reg, m.file),
                    t!(
                        "the meeting file name `{stem}.md` does not start with a valid date",
                        "møtefilen `{stem}.md` har ikke en gyldig dato først i navnet"
                    ),
                )
                .help(t!(
                    "name minutes YYYY-MM-DD.md or YYYY-MM-DD-slug.md, e.g. 2025-03-14-varmote.md",
                    "gi referater navnet ÅÅÅÅ-MM-DD.md eller ÅÅÅÅ-MM-DD-navn.md, f.eks. 2025-03-14-varmote.md"
                )),
            ),
            Some((name_date, _)) => {
                if let Some(date) = &m.date
                    && date.value != name_date
                {
                    let (d, n) = (date.value, name_date);
                    out.push(
                        Diagnostic::at(
                            RuleId::Ids,
                            date.span,
                            t!(
                                "the meeting's date {d} differs from the date {n} in its file name",
                                "møtedatoen {d} avviker fra datoen {n} i filnavnet"
                            ),
                        )
                        .help(t!(
                            "correct the date, or rename the file to {d}.md",
                            "rett datoen, eller gi filen navnet {d}.md"
                        )),
                    );
                }
            }
        }
        check_ids(
            ctx,
            text("input", "innspillet"),
            m.inputs.iter().filter_map(|i| i.id.as_ref()),
            out,
        );
    }
    for s in &group.reports {
        section_ids(ctx, s, out);
    }
}

fn section_ids(ctx: &Ctx, s: &crate::registry::ReportSection, out: &mut Vec<Diagnostic>) {
    let folder = &s.folder;
    let Some(folder_year) = s.folder_year else {
        out.push(
            Diagnostic::new(
                RuleId::Ids,
                file_start(ctx.reg, s.file),
                t!(
                    "the report folder `{folder}` is not a year",
                    "rapportmappen `{folder}` er ikke et årstall"
                ),
            )
            .help(t!(
                "put report sections in reports/<year>/, e.g. reports/2025/",
                "legg rapportdeler i reports/<år>/, f.eks. reports/2025/"
            )),
        );
        return;
    };
    if let SectionKind::Regional(stem) = &s.kind
        && !is_valid_id(stem)
    {
        out.push(bad_form(
            file_start(ctx.reg, s.file),
            t!("report file name", "rapportfilnavnet"),
            stem,
        ));
        return;
    }
    // A front matter that disagrees with its path is one finding, at the first value that does.
    let year_off = s
        .year
        .as_ref()
        .filter(|y| y.value != i64::from(folder_year))
        .map(|y| (y.span, y.value.to_string(), folder_year.to_string()));
    let region_off = match (&s.kind, &s.region) {
        (SectionKind::Regional(stem), Some(r)) if r.value != *stem => {
            Some((r.span, r.value.clone(), stem.clone()))
        }
        _ => None,
    };
    if let Some((span, found, want)) = year_off.or(region_off) {
        let rel = ctx.reg.rel(s.file);
        out.push(
            Diagnostic::at(
                RuleId::Ids,
                span,
                t!(
                    "`{found}` differs from the path {rel}, which says `{want}`",
                    "`{found}` avviker fra stien {rel}, som sier `{want}`"
                ),
            )
            .help(t!(
                "correct the front matter, or move the file to the right folder or name",
                "rett front matter, eller flytt filen til riktig mappe eller navn"
            )),
        );
    }
}
