//! `mandat calendar [GROUP]...`: an iCalendar file (RFC 5545) of meetings, report due dates and
//! term ends.
//!
//! Deterministic by design, so that re-exporting gives the same bytes and calendar programs
//! update events instead of duplicating them:
//! - a meeting with `start` (and `end`) is a timed event in Europe/Oslo (`DTSTART;TZID=...`);
//!   without an end it lasts an hour; every other event is an all-day event
//!   (`DTSTART;VALUE=DATE`); the calendar carries a `VTIMEZONE` for Europe/Oslo and
//!   `X-WR-TIMEZONE` so that clients place the days in Norwegian time;
//! - events are titled by the group's `short-name`, else its name with the long phrases of
//!   service names shortened ([`short_label`]); a meeting's `link` is its `URL` and is in its
//!   description; a report deadline has an alarm (`VALARM`) a week before;
//! - the calendar is named (`NAME`, RFC 7986, and `X-WR-CALNAME`) after the registry;
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

/// One event: all-day, or timed when `times` is given.
struct Event {
    uid: String,
    day: Date,
    /// Local start and end in Europe/Oslo.
    times: Option<(chrono::NaiveTime, chrono::NaiveTime)>,
    url: Option<String>,
    /// An alarm a week before, with this text.
    alarm: Option<String>,
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
            "NAME:{}",
            escape(reg.config.name.as_ref().map_or("mandat", |n| n.as_str()))
        ),
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
        match e.times {
            Some((start, end)) => {
                let at = |t: chrono::NaiveTime| {
                    format!("{}T{}", e.day.format("%Y%m%d"), t.format("%H%M%S"))
                };
                lines.push(format!("DTSTART;TZID=Europe/Oslo:{}", at(start)));
                lines.push(format!("DTEND;TZID=Europe/Oslo:{}", at(end)));
            }
            None => {
                lines.push(format!("DTSTART;VALUE=DATE:{}", e.day.format("%Y%m%d")));
                let next = e.day.succ_opt().unwrap_or(e.day);
                lines.push(format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
            }
        }
        lines.push(format!("SUMMARY:{}", escape(&e.summary)));
        lines.push(format!("DESCRIPTION:{}", escape(&e.description)));
        if let Some(l) = &e.location {
            lines.push(format!("LOCATION:{}", escape(l)));
        }
        if let Some(u) = &e.url {
            lines.push(format!("URL:{}", escape_uri(u)));
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
        if let Some(text) = &e.alarm {
            lines.push("BEGIN:VALARM".into());
            lines.push("ACTION:DISPLAY".into());
            lines.push(format!("DESCRIPTION:{}", escape(text)));
            lines.push("TRIGGER;RELATED=START:-P7D".into());
            lines.push("END:VALARM".into());
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in &lines {
        fold(l, &mut out);
    }
    out
}

fn group_name(g: &Group) -> String {
    short_label(g)
}

/// What a calendar, a table or a page title calls a group: its `short-name`, else its name with
/// the long phrases of Norwegian service names shortened («Nasjonal kompetansetjeneste» → «NK»).
pub fn short_label(g: &Group) -> String {
    if let Some(s) = &g.short_name {
        return s.value.clone();
    }
    let name = g.name.as_ref().map_or(g.id.as_str(), |n| n.as_str());
    let mut out = name.to_string();
    for prefix in [
        "Referansegruppen for ",
        "Referansegruppen i ",
        "Referansegruppe for ",
    ] {
        if let Some(rest) = out.strip_prefix(prefix) {
            out = rest.to_string();
            break;
        }
    }
    for (long, short) in [
        ("Nasjonal kompetansetjeneste", "NK"),
        ("nasjonal kompetansetjeneste", "NK"),
        ("Nasjonal behandlingstjeneste", "NBT"),
        ("nasjonal behandlingstjeneste", "NBT"),
    ] {
        out = out.replace(long, short);
    }
    let mut chars = out.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => out,
    }
}

/// A URI value: no line breaks, nothing a calendar reads as a new property.
fn escape_uri(u: &str) -> String {
    u.chars().filter(|c| !c.is_control()).collect()
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
            g.name.as_ref().map_or(g.id.as_str(), |n| n.as_str()),
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
        if let Some(link) = &m.link {
            description.push_str(&format!(
                "\n{}: {}",
                pick(lang, "Video link", "Videolenke"),
                escape_uri(&link.value)
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
        let times = m.start.as_ref().map(|s| {
            let end = m
                .end
                .as_ref()
                .map(|e| e.value)
                .filter(|e| *e > s.value)
                .unwrap_or_else(|| s.value + chrono::Duration::hours(1));
            (s.value, end)
        });
        out.push(Event {
            uid: format!("{}/meeting/{}@mandat", g.id, m.stem),
            day,
            times,
            url: m
                .link
                .as_ref()
                .filter(|l| super::markdown::safe_url(&l.value))
                .map(|l| l.value.clone()),
            alarm: None,
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
        let title = format!(
            "{} {year}: {}",
            pick(lang, "Annual report", "Årsrapport"),
            group_name(g)
        );
        out.push(Event {
            uid: format!("{}/report/{year}@mandat", g.id),
            day: due,
            times: None,
            url: None,
            alarm: Some(match lang {
                Lang::En => format!("{title}: due in a week"),
                Lang::Nb => format!("{title}: frist om en uke"),
            }),
            summary: title,
            description: match lang {
                Lang::En => format!(
                    "Due {}: the section from each of the four regional representatives and the group's feedback on the service.",
                    super::dates::long(due, lang)
                ),
                Lang::Nb => format!(
                    "Frist {}: delen fra hver av de fire regionale representantene og gruppens tilbakemelding på tjenesten.",
                    super::dates::long(due, lang)
                ),
            },
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
            times: None,
            url: None,
            alarm: None,
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
    fn a_group_without_short_name_gets_a_shortened_name() {
        let mut g = Group::new("nkt-ms".into());
        let span = crate::source::Span::new(0, 0..0);
        g.name = Some(crate::source::Sp::new(
            "Referansegruppen for Nasjonal kompetansetjeneste for multippel sklerose".into(),
            span,
        ));
        assert_eq!(short_label(&g), "NK for multippel sklerose");
        g.short_name = Some(crate::source::Sp::new(
            "Referansegruppen NK MS".into(),
            span,
        ));
        assert_eq!(short_label(&g), "Referansegruppen NK MS");
    }

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
