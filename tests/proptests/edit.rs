//! Random sequences of commands on registries with random comments, blank lines, end-of-line
//! comments, CRLF and a byte-order mark: every changed file still parses, keeps its BOM and
//! line endings, and changes only in the entries the commands touch: no comment or blank line
//! is ever removed, and every removed line is a value the command set anew, whose end-of-line
//! comment survives on the new line.

use crate::support;

use std::fs;
use std::path::Path;

use mandat::cli::{
    AppointArgs, ChairArgs, Command, ConsentArgs, EditOptions, EndArgs, MeetingCommand,
    MeetingNewArgs, NotifyArgs, PersonAddArgs, PersonCommand, ProposeArgs,
};
use mandat::edit::TomlDoc;
use mandat::registry::{self, Scope};
use mandat::registry::{MeetingStatus, Mode, Role};
use proptest::prelude::*;
use support::*;

const PEOPLE: [&str; 8] = [
    "kari-nordmann",
    "ola-hansen",
    "siri-berg",
    "tor-lie",
    "per-olsen",
    "ulla-dahl",
    "nina-moe",
    "eva-strand",
];
const REGIONS: [&str; 4] = [
    "helse-sor-ost",
    "helse-vest",
    "helse-midt-norge",
    "helse-nord",
];
/// The keys the commands write: only lines of these keys may be replaced.
const SET_KEYS: [&str; 12] = [
    "consented",
    "leader-cleared",
    "appointed",
    "appointed-by",
    "letter",
    "term-end",
    "notified",
    "ended",
    "end-reason",
    "to",
    "proposed",
    "person",
];

#[derive(Clone, Debug)]
enum Op {
    Propose(usize, usize),
    Consent(usize, u32),
    Appoint(usize, usize, u32, Option<usize>),
    Notify(usize, u32),
    End(usize, u32),
    Chair(usize, u32),
    Meeting(u32),
    PersonAdd(u32),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..8usize, 0..4usize).prop_map(|(p, r)| Op::Propose(p, r)),
        (0..8usize, 0..30u32).prop_map(|(p, d)| Op::Consent(p, d)),
        (
            0..8usize,
            0..4usize,
            0..30u32,
            proptest::option::of(0..8usize)
        )
            .prop_map(|(p, r, d, x)| Op::Appoint(p, r, d, x)),
        (0..8usize, 0..30u32).prop_map(|(p, d)| Op::Notify(p, d)),
        (0..8usize, 0..30u32).prop_map(|(p, d)| Op::End(p, d)),
        (0..8usize, 0..30u32).prop_map(|(p, d)| Op::Chair(p, d)),
        (0..30u32).prop_map(Op::Meeting),
        (0..1000u32).prop_map(Op::PersonAdd),
    ]
}

fn day(offset: u32) -> mandat::registry::Date {
    date("2026-02-01") + chrono::Days::new(offset.into())
}

fn command(op: &Op, force: bool) -> Command {
    let edit = EditOptions {
        dry_run: false,
        force,
    };
    let g = || "nkt-demo".to_string();
    match op.clone() {
        Op::Propose(p, r) => Command::Propose(ProposeArgs {
            group: g(),
            person: PEOPLE[p].into(),
            role: Role::Regional,
            region: Some(REGIONS[r].into()),
            organisation: None,
            constituency: None,
            date: Some(day(0)),
            edit,
        }),
        Op::Consent(p, d) => Command::Consent(ConsentArgs {
            group: g(),
            person: PEOPLE[p].into(),
            date: Some(day(d)),
            leader_cleared: Some(day(d)),
            edit,
        }),
        Op::Appoint(p, r, d, x) => Command::Appoint(AppointArgs {
            group: g(),
            person: PEOPLE[p].into(),
            by: REGIONS[r].into(),
            date: Some(day(d)),
            role: None,
            region: None,
            organisation: None,
            constituency: None,
            letter: Some(format!("2026/{d}")),
            term_end: None,
            replaces: x.map(|i| PEOPLE[i].to_string()),
            consented: None,
            leader_cleared: None,
            edit,
        }),
        Op::Notify(p, d) => Command::Notify(NotifyArgs {
            group: g(),
            person: PEOPLE[p].into(),
            date: Some(day(d)),
            edit,
        }),
        Op::End(p, d) => Command::End(EndArgs {
            group: g(),
            person: PEOPLE[p].into(),
            date: day(d),
            reason: Some("Ny jobb".into()),
            edit,
        }),
        Op::Chair(p, d) => Command::Chair(ChairArgs {
            group: g(),
            person: PEOPLE[p].into(),
            by: "helse-bergen".into(),
            date: Some(day(d)),
            edit,
        }),
        Op::Meeting(d) => Command::Meeting(MeetingCommand::New(MeetingNewArgs {
            group: g(),
            date: day(d),
            mode: Mode::Digital,
            status: MeetingStatus::Planned,
            milestone: None,
            start: None,
            end: None,
            link: None,
            edit,
        })),
        Op::PersonAdd(n) => Command::Person(PersonCommand::Add(PersonAddArgs {
            id: None,
            name: format!("Ny Person {n}"),
            employer: Some("unn".into()),
            email: None,
            phone: None,
            gender: None,
            edit,
        })),
    }
}

/// Decorates a TOML text made of `key = value` lines, headers, comments and blank lines.
fn decorate(text: &str, seeds: &[u8], crlf: bool, bom: bool) -> String {
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        let s = seeds.get(i % seeds.len().max(1)).copied().unwrap_or(0);
        if s % 7 == 1 {
            out.push_str(&format!("# note {i}: æøå \"quoted\" = not a key\n"));
        }
        if s % 11 == 2 {
            out.push('\n');
        }
        out.push_str(line);
        if s % 5 == 3 && line.contains(" = ") {
            out.push_str(&format!("   # eol {i}"));
        }
        out.push('\n');
    }
    if seeds.first().is_some_and(|s| s % 2 == 0) {
        out.push_str("# trailing comment\n");
    }
    if crlf {
        out = out.replace('\n', "\r\n");
    }
    if bom {
        out.insert(0, '\u{feff}');
    }
    out
}

fn key_of(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if t.starts_with('#') || t.starts_with('[') {
        return None;
    }
    Some(t.split('=').next()?.trim())
}

fn eol_comment(line: &str) -> Option<&str> {
    line.find("   # eol ").map(|i| line[i..].trim_end())
}

/// The property for one file's change.
fn check_change(rel: &str, old: &str, new: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(
        old.starts_with('\u{feff}'),
        new.starts_with('\u{feff}'),
        "BOM of {}",
        rel
    );
    let crlf =
        old.matches('\n').count() > 0 && old.matches('\n').count() == old.matches("\r\n").count();
    if crlf {
        prop_assert_eq!(
            new.matches('\n').count(),
            new.matches("\r\n").count(),
            "CRLF of {}",
            rel
        );
    }
    if rel.ends_with(".toml") {
        prop_assert!(
            TomlDoc::parse(new).is_ok(),
            "{} does not parse:\n{}",
            rel,
            new
        );
    }
    let diff = similar::TextDiff::from_lines(old, new);
    let inserted: Vec<&str> = diff
        .iter_all_changes()
        .filter(|c| c.tag() == similar::ChangeTag::Insert)
        .map(|c| c.value())
        .collect();
    for c in diff
        .iter_all_changes()
        .filter(|c| c.tag() == similar::ChangeTag::Delete)
    {
        let line = c.value();
        let key = key_of(line);
        prop_assert!(
            key.is_some_and(|k| SET_KEYS.contains(&k)),
            "{} lost a line that no command sets: {:?}",
            rel,
            line
        );
        if let Some(comment) = eol_comment(line) {
            prop_assert!(
                inserted
                    .iter()
                    .any(|l| l.contains(comment) && key_of(l) == key),
                "{} lost the comment {:?}",
                rel,
                comment
            );
        }
    }
    for line in &inserted {
        let t = line.trim_end();
        let ok = t.is_empty()
            || t == "[[member]]"
            || t == "[[chair]]"
            || key_of(t).is_some_and(|k| !k.is_empty());
        prop_assert!(
            ok || t.starts_with("# trailing"),
            "{} gained an unexpected line {:?}",
            rel,
            line
        );
    }
    Ok(())
}

fn setup(root: &Path, seeds: &[u8], crlf: bool, bom: bool) {
    for rel in ["groups/nkt-demo/members.toml", "groups/nkt-demo/group.toml"] {
        let path = root.join(rel);
        let text = fs::read_to_string(&path).unwrap();
        let plain: String = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        fs::write(&path, decorate(&plain, seeds, crlf, bom)).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_commands_change_only_their_entries(
        seeds in proptest::collection::vec(any::<u8>(), 1..40),
        crlf in any::<bool>(),
        bom in any::<bool>(),
        ops in proptest::collection::vec((op(), any::<bool>()), 1..8),
    ) {
        let (_dir, root) = fixture();
        setup(&root, &seeds, crlf, bom);
        for (op, force) in &ops {
            let before = snapshot(&root);
            let _ = run(&root, "2026-03-01", command(op, *force));
            let after = snapshot(&root);
            for (rel, new) in &after {
                let new = String::from_utf8(new.clone()).unwrap();
                match before.get(rel) {
                    Some(old) => check_change(rel, &String::from_utf8(old.clone()).unwrap(), &new)?,
                    None => prop_assert!(rel.starts_with("people/") || rel.contains("/meetings/"), "unexpected new file {}", rel),
                }
            }
            prop_assert!(before.keys().all(|k| after.contains_key(k)), "a file disappeared");
        }
        let loaded = registry::load(&root, &Scope::All).unwrap();
        let broken: Vec<_> = loaded.diagnostics.iter().filter(|d| d.rule == mandat::rule_id::RuleId::Syntax).map(|d| d.message.en.clone()).collect();
        prop_assert!(broken.is_empty(), "{:?}", broken);
    }
}
