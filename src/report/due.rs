//! `mandat due`: every open obligation across the registry that is overdue on `--at` or falls
//! due within `--within` days after it (cli.md, «`mandat due --format json`»), built on
//! [`Registry::obligations`].
//!
//! [`items`] selects and sorts; [`rows`] turns items into the plain rows every tabular format
//! shares (terminal table, Markdown, and the spreadsheet writer, which lives elsewhere);
//! [`json`], [`markdown`] and [`ics`] lay them out. Nothing here prints.

use std::fmt::Write;

use serde::Serialize;

use super::calendar::{escape, fold};
use super::{dates, iso};
use crate::i18n::{Lang, pick};
use crate::registry::{Date, Group, Obligation, ObligationKind, Registry, add_days};

/// The default of `--within`.
pub const DEFAULT_WITHIN: i64 = 60;

/// The obligations of `groups` that are overdue on `at` or due on or before `at` + `within`
/// days, sorted by due date, then group, then kind (cli.md); ties after that by region, year
/// and person, so that the same registry always gives the same list.
pub fn items(reg: &Registry, groups: &[&Group], at: Date, within: i64) -> Vec<Obligation> {
    let horizon = add_days(at, within.max(0));
    let mut out: Vec<Obligation> = groups
        .iter()
        .flat_map(|g| reg.obligations(g, at))
        .filter(|o| o.due <= horizon)
        .collect();
    out.sort_by(|a, b| {
        (
            a.due,
            &a.group,
            a.kind.as_str(),
            &a.region,
            a.year,
            &a.person,
            &a.milestone,
            &a.input,
        )
            .cmp(&(
                b.due,
                &b.group,
                b.kind.as_str(),
                &b.region,
                b.year,
                &b.person,
                &b.milestone,
                &b.input,
            ))
    });
    out
}

/// One item of the json (cli.md): the optional fields appear only where they apply.
#[derive(Serialize)]
struct JsonItem<'a> {
    group: &'a str,
    kind: &'static str,
    due: String,
    overdue: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    who: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    person: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    milestone: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonDue<'a> {
    at: String,
    items: Vec<JsonItem<'a>>,
}

/// `--format json`, exactly the shape of cli.md.
pub fn json(items: &[Obligation], at: Date) -> String {
    let view = JsonDue {
        at: iso(at),
        items: items
            .iter()
            .map(|o| JsonItem {
                group: &o.group,
                kind: o.kind.as_str(),
                due: iso(o.due),
                overdue: o.is_overdue(at),
                region: o.region.as_deref(),
                year: o.year,
                who: o.who.as_deref(),
                person: o.person.as_deref(),
                milestone: o.milestone.as_deref(),
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&view).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

/// One line of the list as a person reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub due: Date,
    pub overdue: bool,
    /// The group's short name, else its id.
    pub group: String,
    /// What is owed, in words.
    pub what: String,
    /// The name of the one person responsible (`who`); empty when nobody is.
    pub who: String,
}

/// The rows of `items` in `lang`, in the order given.
pub fn rows(reg: &Registry, items: &[Obligation], at: Date, lang: Lang) -> Vec<Row> {
    items
        .iter()
        .map(|o| Row {
            due: o.due,
            overdue: o.is_overdue(at),
            group: group_label(reg, &o.group),
            what: what(reg, o, lang),
            who: o
                .who
                .as_deref()
                .map(|p| reg.person_name(p).to_string())
                .unwrap_or_default(),
        })
        .collect()
}

/// The short name a calendar or table shows for a group: `short-name`, else the id.
pub fn group_label(reg: &Registry, id: &str) -> String {
    reg.group(id)
        .and_then(|g| g.short_name.as_ref())
        .map_or_else(|| id.to_string(), |s| s.value.clone())
}

/// What an obligation asks for, in plain words (no rule ids, no file paths).
pub fn what(reg: &Registry, o: &Obligation, lang: Lang) -> String {
    let region = o
        .region
        .as_deref()
        .map(|r| reg.region_name(r))
        .unwrap_or("");
    let year = o.year.map(|y| y.to_string()).unwrap_or_default();
    let person = o
        .person
        .as_deref()
        .map(|p| reg.person_name(p))
        .unwrap_or("");
    match (o.kind, lang) {
        (ObligationKind::ReportSection, Lang::En) => {
            format!("annual report {year}: the section on {region}")
        }
        (ObligationKind::ReportSection, Lang::Nb) => {
            format!("årsrapport {year}: delen om {region}")
        }
        (ObligationKind::Feedback, Lang::En) => {
            format!("annual report {year}: the group's feedback on the service")
        }
        (ObligationKind::Feedback, Lang::Nb) => {
            format!("årsrapport {year}: gruppens tilbakemelding på tjenesten")
        }
        (ObligationKind::Meeting, Lang::En) => {
            format!("a meeting in {year}: none held or planned")
        }
        (ObligationKind::Meeting, Lang::Nb) => {
            format!("møte i {year}: ingen er holdt eller planlagt")
        }
        (ObligationKind::MilestoneMeeting, _) => {
            let id = o.milestone.as_deref().unwrap_or("");
            let name = reg
                .group(&o.group)
                .and_then(|g| {
                    g.milestones
                        .iter()
                        .find(|m| m.id.as_ref().is_some_and(|i| i.value == id))
                })
                .and_then(|m| m.name.as_ref())
                .map_or(id, |n| n.as_str());
            match lang {
                Lang::En => format!("a meeting for the milestone «{name}»"),
                Lang::Nb => format!("møte for milepælen «{name}»"),
            }
        }
        (ObligationKind::TermEnd, Lang::En) => {
            format!("term ends: {person}; renew it or appoint a successor")
        }
        (ObligationKind::TermEnd, Lang::Nb) => {
            format!("funksjonstiden går ut: {person}; forny eller oppnevn en etterfølger")
        }
        (ObligationKind::Notification, Lang::En) => {
            format!(
                "announce the appointment of {person} to the service, the group and the other RHFs"
            )
        }
        (ObligationKind::Notification, Lang::Nb) => {
            format!("kunngjør oppnevningen av {person} til tjenesten, gruppen og de andre RHF-ene")
        }
        (ObligationKind::Vacancy, Lang::En) => {
            format!("vacant seat for {region}: appoint a member")
        }
        (ObligationKind::Vacancy, Lang::Nb) => {
            format!("ledig plass for {region}: oppnevn et medlem")
        }
        (ObligationKind::Input, _) => {
            let summary = input_summary(reg, o, lang).unwrap_or_default();
            let day = o
                .meeting
                .as_deref()
                .and_then(|m| crate::registry::parse_meeting_stem(m).map(|(d, _)| d))
                .map(|d| dates::long(d, lang))
                .unwrap_or_default();
            match lang {
                Lang::En => {
                    format!("follow up the open input «{summary}» from the meeting on {day}")
                }
                Lang::Nb => format!("følg opp det åpne innspillet «{summary}» fra møtet {day}"),
            }
        }
    }
}

/// The summary of the input an obligation is about, without e-mail addresses or phone numbers.
fn input_summary(reg: &Registry, o: &Obligation, lang: Lang) -> Option<String> {
    let g = reg.group(&o.group)?;
    let m = g
        .meetings
        .iter()
        .find(|m| Some(m.stem.as_str()) == o.meeting.as_deref())?;
    let i = m
        .inputs
        .iter()
        .find(|i| i.id.as_ref().map(|x| x.as_str()) == o.input.as_deref())?;
    let text = i
        .summary
        .as_ref()
        .map_or_else(|| o.input.clone().unwrap_or_default(), |s| s.value.clone());
    Some(super::privacy::redact(&text, lang))
}

/// `--format md`: a heading and one table, overdue items marked.
pub fn markdown(reg: &Registry, items: &[Obligation], at: Date, within: i64, lang: Lang) -> String {
    let mut out = String::new();
    let on = dates::long(at, lang);
    let _ = writeln!(out, "# {} {on}\n", pick(lang, "Due as of", "Frister per"));
    if items.is_empty() {
        let _ = writeln!(out, "{}", nothing_due(within, lang));
        return out;
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---|---|---|",
        pick(lang, "Due", "Frist"),
        pick(lang, "Group", "Gruppe"),
        pick(lang, "What", "Hva"),
        pick(lang, "Who", "Hvem"),
    );
    for r in rows(reg, items, at, lang) {
        let due = dates::long(r.due, lang);
        let due = if r.overdue {
            format!("**{due} ({})**", pick(lang, "overdue", "forfalt"))
        } else {
            due
        };
        // The registry's names as Markdown text: no `|` that splits the row, no link, no HTML.
        let cell = super::markdown::escape_text;
        let _ = writeln!(
            out,
            "| {due} | {} | {} | {} |",
            cell(&r.group),
            cell(&r.what),
            cell(&r.who)
        );
    }
    out
}

/// The sentence for an empty list.
pub fn nothing_due(within: i64, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Nothing is overdue or due within {within} days."),
        Lang::Nb => format!("Ingenting er forfalt eller har frist innen {within} dager."),
    }
}

/// `--format ics`: one all-day to-do per item (`VTODO` with `DUE`), with stable UIDs.
pub fn ics(reg: &Registry, items: &[Obligation], at: Date, lang: Lang) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//mandat//mandat due//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!(
            "X-WR-CALNAME:{}",
            escape(&format!(
                "{} – {}",
                pick(lang, "Due", "Frister"),
                reg.config.name.as_ref().map_or("mandat", |n| n.as_str())
            ))
        ),
        "X-WR-TIMEZONE:Europe/Oslo".into(),
    ];
    let stamp = format!("{}T000000Z", at.format("%Y%m%d"));
    for (o, r) in items.iter().zip(rows(reg, items, at, lang)) {
        let mut uid = format!("{}/due/{}", o.group, o.kind.as_str());
        for part in [
            o.region.as_deref(),
            o.person.as_deref(),
            o.milestone.as_deref(),
            o.meeting.as_deref(),
            o.input.as_deref(),
        ]
        .into_iter()
        .flatten()
        {
            uid.push('/');
            uid.push_str(part);
        }
        if let Some(y) = o.year {
            let _ = write!(uid, "/{y}");
        }
        lines.push("BEGIN:VTODO".into());
        lines.push(format!("UID:{uid}@mandat"));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DUE;VALUE=DATE:{}", o.due.format("%Y%m%d")));
        lines.push(format!(
            "SUMMARY:{}",
            escape(&format!("{}: {}", r.group, r.what))
        ));
        if !r.who.is_empty() {
            lines.push(format!(
                "DESCRIPTION:{}",
                escape(&format!("{}: {}", pick(lang, "Who", "Hvem"), r.who))
            ));
        }
        lines.push("STATUS:NEEDS-ACTION".into());
        lines.push("END:VTODO".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in &lines {
        fold(l, &mut out);
    }
    out
}
