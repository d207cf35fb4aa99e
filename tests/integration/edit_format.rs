//! Format preservation end to end: a byte-order mark, CRLF line endings and a comment at the
//! end of a changed line survive the commands, byte for byte.

use crate::support;

use std::fs;

use mandat::cli::{AppointArgs, ChairArgs, Command, ConsentArgs, NotifyArgs, ProposeArgs};
use mandat::registry::Role;
use support::*;

fn to_bom_crlf(text: &str) -> String {
    format!("\u{feff}{}", text.replace('\n', "\r\n"))
}

fn golden(case: &str, rel: &str) -> String {
    let path = format!(
        "{}/tests/cmd/edit/{case}.out/{rel}",
        env!("CARGO_MANIFEST_DIR")
    );
    fs::read_to_string(path).unwrap()
}

fn propose(p: &str, region: &str, date: &str) -> Command {
    Command::Propose(ProposeArgs {
        group: "nkt-demo".into(),
        person: p.into(),
        role: Role::Regional,
        region: Some(region.into()),
        organisation: None,
        constituency: None,
        date: Some(support::date(date)),
        edit: WRITE,
    })
}

fn appoint(p: &str, by: &str, date: &str, replaces: Option<&str>) -> AppointArgs {
    AppointArgs {
        group: "nkt-demo".into(),
        person: p.into(),
        by: by.into(),
        date: Some(support::date(date)),
        role: None,
        region: None,
        organisation: None,
        constituency: None,
        letter: None,
        term_end: None,
        replaces: replaces.map(str::to_string),
        consented: None,
        leader_cleared: None,
        edit: WRITE,
    }
}

#[test]
fn a_bom_and_crlf_members_file_is_edited_like_the_lf_one() {
    let (_dir, root) = fixture();
    let members = root.join("groups/nkt-demo/members.toml");
    let lf = fs::read_to_string(&members).unwrap();
    fs::write(&members, to_bom_crlf(&lf)).unwrap();
    assert!(
        run(
            &root,
            "2026-03-01",
            propose("nina-moe", "helse-nord", "2026-02-20")
        )
        .unwrap()
    );
    let consent = Command::Consent(ConsentArgs {
        group: "nkt-demo".into(),
        person: "nina-moe".into(),
        date: Some(date("2026-02-24")),
        leader_cleared: Some(date("2026-02-25")),
        edit: WRITE,
    });
    assert!(run(&root, "2026-03-01", consent).unwrap());
    let after = fs::read_to_string(&members).unwrap();
    assert_eq!(
        after,
        to_bom_crlf(&golden("consent", "groups/nkt-demo/members.toml"))
    );
}

#[test]
fn a_crlf_group_file_keeps_its_endings_when_the_chair_changes() {
    let (_dir, root) = fixture();
    let group = root.join("groups/nkt-demo/group.toml");
    let lf = fs::read_to_string(&group).unwrap();
    fs::write(&group, lf.replace('\n', "\r\n")).unwrap();
    let chair = Command::Chair(ChairArgs {
        group: "nkt-demo".into(),
        person: "siri-berg".into(),
        by: "helse-bergen".into(),
        date: Some(date("2026-03-01")),
        edit: WRITE,
    });
    assert!(run(&root, "2026-03-01", chair).unwrap());
    let after = fs::read_to_string(&group).unwrap();
    assert_eq!(
        after,
        golden("chair", "groups/nkt-demo/group.toml").replace('\n', "\r\n")
    );
}

#[test]
fn the_comment_at_the_end_of_a_changed_line_stays() {
    let (_dir, root) = fixture();
    let members = root.join("groups/nkt-demo/members.toml");
    let text = fs::read_to_string(&members).unwrap();
    let text = text.replacen(
        "notified = 2020-02-05\n",
        "notified   =  2020-02-05   # by e-mail\n",
        1,
    );
    fs::write(&members, &text).unwrap();
    let notify = Command::Notify(NotifyArgs {
        group: "nkt-demo".into(),
        person: "kari-nordmann".into(),
        date: Some(date("2020-02-07")),
        // Correcting a recorded announcement date takes --force (issue 10).
        edit: FORCE,
    });
    assert!(run(&root, "2026-03-01", notify).unwrap());
    let after = fs::read_to_string(&members).unwrap();
    assert_eq!(
        after,
        text.replacen("2020-02-05   # by e-mail", "2020-02-07   # by e-mail", 1)
    );
}

#[test]
fn a_refused_change_writes_nothing() {
    let (_dir, root) = fixture();
    let before = snapshot(&root);
    assert!(
        run(
            &root,
            "2026-03-01",
            propose("nina-moe", "helse-nord", "2026-02-20")
        )
        .unwrap()
    );
    let mut a = appoint("nina-moe", "helse-nord", "2026-03-01", None);
    a.consented = Some(date("2026-02-24"));
    a.leader_cleared = Some(date("2026-02-25"));
    // Kari Nordmann still holds Helse Nord's seat: a second regional member is refused.
    assert!(!run(&root, "2026-03-01", Command::Appoint(a)).unwrap());
    let after = snapshot(&root);
    let changed: Vec<_> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert_eq!(
        changed,
        vec!["groups/nkt-demo/members.toml"],
        "only the proposal was written"
    );
    let text = String::from_utf8(after["groups/nkt-demo/members.toml"].clone()).unwrap();
    assert!(!text.contains("appointed = 2026-03-01"));
}

#[test]
fn dry_run_writes_nothing() {
    let (_dir, root) = fixture();
    let before = snapshot(&root);
    let mut a = appoint("eva-strand", "helse-vest", "2026-03-01", Some("tor-lie"));
    a.role = Some(Role::Regional);
    a.region = Some("helse-vest".into());
    a.consented = Some(date("2026-02-10"));
    a.leader_cleared = Some(date("2026-02-12"));
    a.edit.dry_run = true;
    assert!(run(&root, "2026-03-01", Command::Appoint(a)).unwrap());
    assert_eq!(snapshot(&root), before);
}

#[test]
fn front_matter_is_edited_in_place_and_the_body_kept_byte_for_byte() {
    let (_dir, root) = fixture();
    let path = root.join("groups/nkt-demo/meetings/2026-02-10.md");
    let text = fs::read_to_string(&path).unwrap();
    let mut md = mandat::edit::MdDoc::parse(&text).unwrap();
    mandat::edit::doc::set(md.front.root(), "location", "Bergen");
    mandat::edit::doc::set(md.front.root(), "mode", "hybrid");
    let out = md.render();
    let body_start = |t: &str| t.find("+++\r\n# Minutes").unwrap();
    assert_eq!(&out[body_start(&out)..], &text[body_start(&text)..]);
    assert_eq!(
        out,
        text.replace("mode = \"digital\"\r\n", "mode = \"hybrid\"\r\n")
            .replace(
                "\"ulla-dahl\"]\r\n+++",
                "\"ulla-dahl\"]\r\nlocation = \"Bergen\"\r\n+++"
            )
    );
}
