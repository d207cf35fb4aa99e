//! `mandat calendar` writes valid iCalendar (RFC 5545): the output is parsed back here line by
//! line (CRLF, folding at 75 octets, BEGIN/END pairing, required properties, escaping), and a
//! re-export gives identical UIDs (and, for the same --at, identical bytes).

use std::collections::BTreeSet;
use std::process::Command;

fn calendar(registry: &str, at: &str, groups: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_mandat"))
        .args(["-r", registry, "--at", at, "calendar"])
        .args(groups)
        .output()
        .expect("mandat runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// A parsed component: name, properties (name with parameters, value), children.
#[derive(Debug, Default)]
struct Component {
    name: String,
    props: Vec<(String, String)>,
    children: Vec<Component>,
}

impl Component {
    fn get(&self, name: &str) -> Option<&str> {
        self.props
            .iter()
            .find(|(n, _)| n.split(';').next() == Some(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Parses iCalendar text strictly; panics on anything RFC 5545 does not allow.
fn parse(ics: &str) -> Component {
    assert!(ics.ends_with("\r\n"), "the last line ends with CRLF");
    let physical: Vec<&str> = ics
        .strip_suffix("\r\n")
        .unwrap_or(ics)
        .split("\r\n")
        .collect();
    let mut lines: Vec<String> = Vec::new();
    for l in physical {
        assert!(
            !l.contains('\n') && !l.contains('\r'),
            "a bare LF or CR: {l:?}"
        );
        assert!(l.len() <= 75, "a line longer than 75 octets: {l:?}");
        if let Some(cont) = l.strip_prefix(' ') {
            lines
                .last_mut()
                .expect("a continuation follows a line")
                .push_str(cont);
        } else {
            lines.push(l.to_string());
        }
    }
    let mut stack: Vec<Component> = vec![Component::default()];
    for line in lines {
        let (name, value) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("no colon in {line:?}"));
        let base = name.split(';').next().unwrap_or("");
        assert!(
            !base.is_empty()
                && base
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'),
            "bad property name {name:?}"
        );
        match base {
            "BEGIN" => stack.push(Component {
                name: value.to_string(),
                ..Default::default()
            }),
            "END" => {
                let done = stack.pop().expect("END without BEGIN");
                assert_eq!(done.name, value, "END:{value} closes BEGIN:{}", done.name);
                stack
                    .last_mut()
                    .expect("END:VCALENDAR leaves the root")
                    .children
                    .push(done);
            }
            _ => stack
                .last_mut()
                .expect("inside a component")
                .props
                .push((name.to_string(), value.to_string())),
        }
    }
    assert_eq!(stack.len(), 1, "unclosed components");
    let mut root = stack.pop().expect("root");
    assert_eq!(root.children.len(), 1, "exactly one VCALENDAR");
    root.children.pop().expect("VCALENDAR")
}

/// Checks a TEXT value: every `\` starts one of the four escapes, no bare `,` or `;`.
fn assert_text(value: &str) {
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => assert!(
                matches!(chars.next(), Some('\\' | ';' | ',' | 'n' | 'N')),
                "bad escape in {value:?}"
            ),
            ',' | ';' => panic!("unescaped {c} in {value:?}"),
            _ => {}
        }
    }
}

fn check(cal: &Component) -> Vec<String> {
    assert_eq!(cal.name, "VCALENDAR");
    assert_eq!(cal.get("VERSION"), Some("2.0"));
    assert!(cal.get("PRODID").is_some());
    let tz = cal
        .children
        .iter()
        .find(|c| c.name == "VTIMEZONE")
        .expect("a VTIMEZONE");
    assert_eq!(tz.get("TZID"), Some("Europe/Oslo"));
    let kinds: BTreeSet<&str> = tz.children.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(kinds, BTreeSet::from(["DAYLIGHT", "STANDARD"]));
    let mut uids = Vec::new();
    for e in cal.children.iter().filter(|c| c.name == "VEVENT") {
        for p in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "STATUS"] {
            assert!(e.get(p).is_some(), "VEVENT without {p}: {e:?}");
        }
        let stamp = e.get("DTSTAMP").unwrap_or("");
        assert!(
            stamp.len() == 16 && stamp.ends_with('Z'),
            "DTSTAMP is UTC date-time: {stamp}"
        );
        let start = e
            .props
            .iter()
            .find(|(n, _)| n.starts_with("DTSTART"))
            .expect("DTSTART");
        // All-day, or timed in Europe/Oslo (a meeting with `start`).
        match start.0.as_str() {
            "DTSTART;VALUE=DATE" => {
                assert!(start.1.len() == 8 && start.1.chars().all(|c| c.is_ascii_digit()))
            }
            "DTSTART;TZID=Europe/Oslo" => {
                assert!(
                    start.1.len() == 15 && start.1.as_bytes()[8] == b'T',
                    "{}",
                    start.1
                )
            }
            other => panic!("unexpected {other}"),
        }
        for p in ["SUMMARY", "DESCRIPTION", "LOCATION"] {
            if let Some(v) = e.get(p) {
                assert_text(v);
            }
        }
        assert!(matches!(
            e.get("STATUS"),
            Some("CONFIRMED" | "CANCELLED" | "TENTATIVE")
        ));
        uids.push(e.get("UID").unwrap_or("").to_string());
    }
    let unique: BTreeSet<&String> = uids.iter().collect();
    assert_eq!(unique.len(), uids.len(), "UIDs are unique");
    uids
}

#[test]
fn example_calendar_parses_and_reexports_identically() {
    let ics = calendar("registry-example", "2026-11-22", &[]);
    let uids = check(&parse(&ics));
    assert!(uids.contains(&"nkt-ms/meeting/2025-05-15@mandat".to_string()));
    assert!(uids.contains(&"nkt-ms/report/2025@mandat".to_string()));
    assert!(uids.iter().any(|u| u.contains("/term-end/")));
    assert_eq!(
        ics,
        calendar("registry-example", "2026-11-22", &[]),
        "same --at, same bytes"
    );
    let later = calendar("registry-example", "2026-12-01", &[]);
    let later_uids = check(&parse(&later));
    assert!(
        uids.iter().all(|u| later_uids.contains(u)),
        "a later export keeps every UID"
    );
}

#[test]
fn gaps_calendar_has_cancelled_and_planned_meetings() {
    let ics = calendar("tests/fixtures/report-gaps", "2026-03-01", &["nkt-hull"]);
    let cal = parse(&ics);
    check(&cal);
    let event = |uid: &str| {
        cal.children
            .iter()
            .find(|c| c.get("UID") == Some(uid))
            .expect(uid)
    };
    assert_eq!(
        event("nkt-hull/meeting/2025-11-27@mandat").get("STATUS"),
        Some("CANCELLED")
    );
    // A meeting with start, end and link: a timed event with its URL.
    let timed = event("nkt-hull/meeting/2026-04-16@mandat");
    assert_eq!(timed.get("DTSTART"), Some("20260416T093000"));
    assert_eq!(timed.get("DTEND"), Some("20260416T110000"));
    assert_eq!(timed.get("URL"), Some("https://meet.example.no/nk-hull"));
    assert_eq!(timed.get("SUMMARY"), Some("Møte: Referansegruppen NK hull"));
    // A report deadline warns a week before.
    let report = event("nkt-hull/report/2025@mandat");
    let alarm = report
        .children
        .iter()
        .find(|c| c.name == "VALARM")
        .expect("a VALARM");
    assert_eq!(alarm.get("TRIGGER"), Some("-P7D"));
    assert_eq!(alarm.get("ACTION"), Some("DISPLAY"));
    assert_eq!(cal.get("NAME"), Some("Testregister med hull"));
    let bergen = event("nkt-hull/meeting/2025-03-20-bergen@mandat");
    assert_eq!(bergen.get("LOCATION"), Some("Haukeland\\, Bergen"));
    assert_eq!(
        event("nkt-hull/term-end/cecilie-eng/2025-10-01@mandat").get("DTSTART"),
        Some("20270930")
    );
}

#[test]
fn the_parser_rejects_broken_calendars() {
    let good = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
    parse(good);
    for bad in [
        "BEGIN:VCALENDAR\nEND:VCALENDAR\n",
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
        &format!(
            "BEGIN:VCALENDAR\r\nX-A:{}\r\nEND:VCALENDAR\r\n",
            "a".repeat(80)
        ),
    ] {
        let bad = bad.to_string();
        assert!(std::panic::catch_unwind(move || parse(&bad)).is_err());
    }
    assert!(std::panic::catch_unwind(|| assert_text("a,b")).is_err());
    assert_text("a\\,b\\;c\\\\d\\ne");
}
