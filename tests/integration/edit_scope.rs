//! An edit reads only what the changed group's rules need: registry.toml, organisations.toml,
//! the group's files and the people they reference — not the other groups, not other people.

use crate::support;

use std::collections::BTreeSet;
use std::fs;

use mandat::cli::{Command, EndArgs};
use mandat::registry::{self, Scope};
use support::*;

#[test]
fn the_scoped_load_reads_only_the_group_and_its_people() {
    let (_dir, root) = fixture();
    // Another group and a person that nobody in nkt-demo references, both unreadable as TOML.
    fs::create_dir_all(root.join("groups/other")).unwrap();
    fs::write(root.join("groups/other/group.toml"), "this is = = not toml").unwrap();
    fs::write(root.join("people/stranger.toml"), "name = ").unwrap();
    let loaded = registry::load(
        &root,
        &Scope::Groups(BTreeSet::from(["nkt-demo".to_string()])),
    )
    .unwrap();
    let files: BTreeSet<&str> = loaded
        .registry
        .files
        .iter()
        .map(|f| f.rel.as_str())
        .collect();
    let expected: BTreeSet<&str> = [
        "registry.toml",
        "organisations.toml",
        "groups/nkt-demo/group.toml",
        "groups/nkt-demo/members.toml",
        "groups/nkt-demo/meetings/2026-02-10.md",
        "people/kari-nordmann.toml",
        "people/ola-hansen.toml",
        "people/per-olsen.toml",
        "people/siri-berg.toml",
        "people/tor-lie.toml",
        "people/ulla-dahl.toml",
    ]
    .into();
    assert_eq!(files, expected);

    // And an edit of nkt-demo is not disturbed by the broken files elsewhere.
    let end = Command::End(EndArgs {
        group: "nkt-demo".into(),
        person: "tor-lie".into(),
        date: date("2026-03-01"),
        reason: None,
        edit: WRITE,
    });
    assert!(run(&root, "2026-03-01", end).unwrap());
}
