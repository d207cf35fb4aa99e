//! `mandat calendar [GROUP]...`: an iCalendar file (RFC 5545) of meetings, report due dates and
//! term ends.
//!
//! Deterministic by design, so that re-exporting gives the same bytes and calendar programs
//! update events instead of duplicating them:
//! - every event is an all-day event (`DTSTART;VALUE=DATE`): the registry records dates, not
//!   times; the calendar carries a `VTIMEZONE` for Europe/Oslo and `X-WR-TIMEZONE` so that
//!   clients place the days in Norwegian time;
//! - `UID`s come from registry content: `<group>/meeting/<file stem>`, `<group>/report/<year>`,
//!   `<group>/term-end/<person>/<appointed>` (then `@mandat`);
//! - `DTSTAMP` is the evaluation date (`--at`) at 00:00 UTC, not the clock;
//! - lines end in CRLF and are folded at 75 octets (never inside a UTF-8 character); text
//!   values escape `\`, `;`, `,` and newlines.

use super::{Options, iso};
use crate::i18n::{Lang, pick};
use crate::registry::{Date, Group, MeetingStatus, Mode, Profile, Registry};
use chrono::Datelike;

/// The Europe/Oslo time zone (CET/CEST, EU rules since 1996).
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Oslo",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

pub fn status_id(s: MeetingStatus) -> &'static str {
    match s {
        MeetingStatus::Planned => "planned",
        MeetingStatus::Held => "held",
        MeetingStatus::Cancelled => "cancelled",
    }
}

/// One all-day event.
struct Event {
    uid: String,
    day: Date,
    summary: String,
    description: String,
    location: Option<String>,
    status: &'static str,
    /// Deadlines and term ends do not block time.
    transparent: bool,
}

/// The calendar of `groups` (all the registry's groups, in id order).
pub fn build(reg: &Registry, groups: &[&Group], opts: Options) -> String {
    let mut events = Vec::new();
    for g in groups {
        meetings(g, opts.lang, &mut events);
        reports(reg, g, opts, &mut events);
        term_ends(reg, g, opts.lang, &mut events);
    }
    events.sort_by(|a, b| (a.day, &a.uid).cmp(&(b.day, &b.uid)));
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//mandat//mandat reports//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!(
            "X-WR-CALNAME:{}",
            escape(reg.config.name.as_ref().map_or("mandat", |n| n.as_str()))
        ),
        "X-WR-TIMEZONE:Europe/Oslo".into(),
    ];
    lines.extend(VTIMEZONE.iter().map(|s| s.to_string()));
    let stamp = format!("{}T000000Z", opts.at.format("%Y%m%d"));
    for e in &events {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}", e.uid));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{}", e.day.format("%Y%m%d")));
        let next = e.day.succ_opt().unwrap_or(e.day);
        lines.push(format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
        lines.push(format!("SUMMARY:{}", escape(&e.summary)));
        lines.push(format!("DESCRIPTION:{}", escape(&e.description)));
        if let Some(l) = &e.location {
            lines.push(format!("LOCATION:{}", escape(l)));
        }
        lines.push(format!("STATUS:{}", e.status));
        lines.push(format!(
            "TRANSP:{}",
            if e.transparent {
                "TRANSPARENT"
            } else {
                "OPAQUE"
            }
        ));
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in &lines {
        fold(l, &mut out);
    }
    out
}

fn group_name(g: &Group) -> &str {
    g.name.as_ref().map_or(g.id.as_str(), |n| n.as_str())
}

fn meetings(g: &Group, lang: Lang, out: &mut Vec<Event>) {
    for m in &g.meetings {
        let (Some(day), Some(status)) = (m.day(), m.status()) else {
            continue;
        };
        let mode = m.mode.as_ref().map(|x| x.value);
        let mut description = format!(
            "{}: {}\n{}: {}",
            pick(lang, "Group", "Gruppe"),
            group_name(g),
            pick(lang, "Status", "Status"),
            super::labels::meeting_status(status, lang)
        );
        if let Some(mode) = mode {
            description.push_str(&format!(
                "\n{}: {}",
                pick(lang, "Mode", "Form"),
                super::labels::mode(mode, lang)
            ));
        }
        if let Some(ms) = m.milestone.as_ref().and_then(|id| {
            g.milestones
                .iter()
                .find(|x| x.id.as_ref().is_some_and(|i| i.value == id.value))
        }) {
            let name = ms.name.as_ref().map_or("", |n| n.as_str());
            description.push_str(&format!("\n{}: {name}", pick(lang, "Milestone", "Milepæl")));
        }
        out.push(Event {
            uid: format!("{}/meeting/{}@mandat", g.id, m.stem),
            day,
            summary: format!("{}: {}", pick(lang, "Meeting", "Møte"), group_name(g)),
            description,
            location: match (&m.location, mode) {
                (Some(l), _) => Some(super::privacy::redact(&l.value, lang)),
                (None, Some(Mode::Digital)) => Some(pick(lang, "Digital", "Digitalt").to_string()),
                _ => None,
            },
            status: if status == MeetingStatus::Cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            },
            transparent: false,
        });
    }
}

/// The due date of every annual report of a national-service group: the years `annual-report`
/// checks (wholly inside the group's life, not before `history-from`) up to the year of the
/// evaluation date.
fn reports(reg: &Registry, g: &Group, opts: Options, out: &mut Vec<Event>) {
    if g.profile() != Some(Profile::NationalService) {
        return;
    }
    let Some(established) = g.established() else {
        return;
    };
    let history_from = reg.config.history_from;
    let years = (established.year()..=opts.at.year())
        .filter(|&y| super::jan1(y) >= established)
        .filter(|&y| g.dissolved().is_none_or(|d| super::dec31(y) <= d))
        .filter(|&y| history_from.is_none_or(|h| super::jan1(y) >= h));
    for year in years {
        let due = reg.config.report_due(year);
        let lang = opts.lang;
        out.push(Event {
            uid: format!("{}/report/{year}@mandat", g.id),
            day: due,
            summary: format!("{} {year}: {}", pick(lang, "Annual report", "Årsrapport"), group_name(g)),
            description: format!(
                "{} {}: {}",
                pick(lang, "Due", "Frist"),
                iso(due),
                pick(
                    lang,
                    "the section from each of the four regional representatives and the group's feedback (reports/",
                    "delen fra hver av de fire regionale representantene og gruppens tilbakemelding (reports/"
                )
            ) + &format!("{year}/)"),
            location: None,
            status: "CONFIRMED",
            transparent: true,
        });
    }
}

/// The planned last day of every seat that has one and was not ended before it.
fn term_ends(reg: &Registry, g: &Group, lang: Lang, out: &mut Vec<Event>) {
    for m in &g.members {
        let (Some(person), Some(term_end)) = (m.person_id(), m.term_end.as_ref()) else {
            continue;
        };
        if m.ended.as_ref().is_some_and(|e| e.value < term_end.value) {
            continue;
        }
        let appointed = m
            .appointed
            .as_ref()
            .map_or("pending".to_string(), |a| iso(a.value));
        let role = m.role().map_or("", |r| super::labels::role(r, lang));
        out.push(Event {
            uid: format!("{}/term-end/{person}/{appointed}@mandat", g.id),
            day: term_end.value,
            summary: format!(
                "{}: {} ({})",
                pick(lang, "Term ends", "Perioden går ut"),
                reg.person_name(person),
                group_name(g)
            ),
            description: format!(
                "{}, {role}. {}",
                reg.person_name(person),
                pick(
                    lang,
                    "Renew the appointment or appoint a successor.",
                    "Forny oppnevningen eller oppnevn en etterfølger."
                )
            ),
            location: None,
            status: "CONFIRMED",
            transparent: true,
        });
    }
}

/// Escapes a TEXT value (RFC 5545 3.3.11).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded at 75 octets, with CRLF.
pub fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        // The first line holds 75 octets; continuation lines 74 after their leading space.
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne\r"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "ø".repeat(60));
        fold(&line, &mut out);
        let physical: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(physical.len() > 1);
        assert!(physical.iter().all(|l| l.len() <= 75));
        assert!(physical[1..].iter().all(|l| l.starts_with(' ')));
        let unfolded: String = physical
            .iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { *l } else { &l[1..] })
            .collect();
        assert_eq!(unfolded, line);
        let mut short = String::new();
        fold("VERSION:2.0", &mut short);
        assert_eq!(short, "VERSION:2.0\r\n");
    }
}
