//! Replacing a regional member end to end on a copy of registry-example: propose, consent,
//! appoint --replaces, notify; `mandat validate` stays clean.

use crate::support;

use std::path::Path;
use std::process::Command;

fn mandat(root: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mandat"))
        .arg("-r")
        .arg(root)
        .args(["--at", "2026-11-22"])
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn replacing_a_regional_member_keeps_the_registry_valid() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("registry");
    support::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("registry-example"),
        &root,
    );
    let steps: &[&[&str]] = &[
        &[
            "person",
            "add",
            "--name",
            "Randi Øien",
            "--employer",
            "st-olavs",
            "--gender",
            "female",
        ],
        &[
            "propose",
            "nkt-ms",
            "randi-oien",
            "--role",
            "regional",
            "--region",
            "helse-midt-norge",
            "--date",
            "2026-10-01",
        ],
        &[
            "consent",
            "nkt-ms",
            "randi-oien",
            "--date",
            "2026-10-08",
            "--leader-cleared",
            "2026-10-09",
        ],
        &[
            "appoint",
            "nkt-ms",
            "randi-oien",
            "--by",
            "helse-midt-norge",
            "--date",
            "2026-11-01",
            "--letter",
            "2026/4411",
            "--replaces",
            "marit-aune",
        ],
        &["notify", "nkt-ms", "randi-oien", "--date", "2026-11-04"],
    ];
    for step in steps {
        let (code, out) = mandat(&root, step);
        assert_eq!(code, 0, "{step:?}:\n{out}");
    }
    let (code, out) = mandat(
        &root,
        &[
            "notify",
            "nkt-ms",
            "randi-oien",
            "--date",
            "2026-11-04",
            "--dry-run",
        ],
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("Helse Sør-Øst RHF, Helse Vest RHF og Helse Nord RHF"),
        "{out}"
    );
    let (code, out) = mandat(&root, &["validate", "--deny-warnings"]);
    assert_eq!(code, 0, "{out}");
    let members = std::fs::read_to_string(root.join("groups/nkt-ms/members.toml")).unwrap();
    assert!(members.contains("ended = 2026-10-31"));
    let original = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("registry-example/groups/nkt-ms/members.toml"),
    )
    .unwrap();
    // Everything that was there is still there, in order: the change only added lines.
    let diff = similar::TextDiff::from_lines(&original, &members);
    assert!(
        diff.iter_all_changes()
            .all(|c| c.tag() != similar::ChangeTag::Delete)
    );
}

#[test]
fn appointing_for_another_region_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("registry");
    support::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("registry-example"),
        &root,
    );
    let before = support::snapshot(&root);
    let (code, out) = mandat(
        &root,
        &[
            "appoint",
            "nkt-ms",
            "ingrid-solheim",
            "--by",
            "helse-nord",
            "--role",
            "regional",
            "--region",
            "helse-sor-ost",
            "--consented",
            "2026-01-01",
            "--leader-cleared",
            "2026-01-01",
        ],
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("helse-sor-ost"), "{out}");
    let mut after = support::snapshot(&root);
    after.retain(|k, _| before.contains_key(k));
    assert_eq!(after, before);
}
