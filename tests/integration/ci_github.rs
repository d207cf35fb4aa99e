//! `--format github` beyond the golden sessions: paths from the repository root on a CI
//! service, and escaping of whatever a message holds.

use crate::ci_common;

use ci_common::*;

fn github_lines(out: &std::process::Output) -> Vec<String> {
    stdout(out).lines().map(str::to_string).collect()
}

#[test]
fn paths_start_at_the_repository_root_when_the_registry_is_a_folder_of_it() {
    let workspace = tempfile::tempdir().unwrap();
    let root = workspace.path().join("data/register");
    copy_tree(&small_registry(), &root);
    let run = |var: &str, value: &std::path::Path| {
        mandat()
            .env(var, value)
            .arg("validate")
            .arg("-r")
            .arg(&root)
            .args(["--at", "2025-11-22", "--format", "github"])
            .output()
            .unwrap()
    };
    let out = run("GITHUB_WORKSPACE", workspace.path());
    let lines = github_lines(&out);
    assert!(
        lines[0].starts_with("::error file=data/register/groups/nkt-demo/members.toml,line="),
        "{lines:?}"
    );
    assert!(lines[2].starts_with("::error file=data/register/people/nora-vik.toml,"));

    // GitLab's checkout, for the JUnit report.
    let out = mandat()
        .env("CI_PROJECT_DIR", workspace.path())
        .arg("validate")
        .arg("-r")
        .arg(&root)
        .args(["--at", "2025-11-22", "--format", "junit"])
        .output()
        .unwrap();
    assert!(stdout(&out).contains("file=\"data/register/groups/nkt-demo/group.toml\""));

    // A workspace that does not hold the registry changes nothing.
    let elsewhere = tempfile::tempdir().unwrap();
    let lines = github_lines(&run("GITHUB_WORKSPACE", elsewhere.path()));
    assert!(
        lines[0].starts_with("::error file=groups/nkt-demo/members.toml,"),
        "{lines:?}"
    );
    // Nor does the registry being the repository itself.
    let lines = github_lines(&run("GITHUB_WORKSPACE", &root));
    assert!(
        lines[0].starts_with("::error file=groups/nkt-demo/members.toml,"),
        "{lines:?}"
    );
}

#[test]
fn every_finding_is_one_command_line_whatever_its_message_holds() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&small_registry(), dir.path());
    let person = dir.path().join("people/per-olsen.toml");
    let mut text = std::fs::read_to_string(&person).unwrap();
    text.push_str("\"50%, a: b\\r\\nc\" = 1\n");
    std::fs::write(&person, text).unwrap();
    let out = validate(dir.path(), "2025-11-22", "github", &[]);
    assert_eq!(out.status.code(), Some(1));
    let lines = github_lines(&out);
    let (summary, commands) = lines.split_last().unwrap();
    assert!(summary.starts_with("error: "), "{summary}");
    assert!(commands.len() >= 2, "{commands:?}");
    assert!(
        commands
            .iter()
            .all(|l| l.starts_with("::error ") || l.starts_with("::warning "))
    );
    let odd = commands
        .iter()
        .find(|l| l.contains("per-olsen"))
        .expect("the unknown field is reported");
    assert_eq!(
        odd,
        "::error file=people/per-olsen.toml,line=4,col=1,title=schema::unknown field `50%25, a: b\\u{d}\\u{a}c` in `person`%0Ahelp: the known fields are: name, employer, email, phone, gender"
    );
}

#[test]
fn a_file_without_a_place_has_no_line_or_column() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&small_registry(), dir.path());
    std::fs::remove_file(dir.path().join("groups/nkt-demo/group.toml")).unwrap();
    let out = validate(dir.path(), "2025-11-22", "github", &[]);
    let lines = github_lines(&out);
    assert!(
        lines[0].starts_with(
            "::error file=groups/nkt-demo/group.toml,title=schema::the group folder `groups/nkt-demo` has no group.toml"
        ),
        "{lines:?}"
    );
    // With a place, line and column follow the file. (The group's own mandate rules are held
    // back by its missing group.toml; a person nobody names is still checked.)
    let placed = lines
        .iter()
        .find(|l| l.contains("file=people/nora-vik.toml,"))
        .expect("a finding in people/nora-vik.toml");
    assert!(placed.contains("nora-vik.toml,line="), "{placed}");
    assert!(placed.contains(",col="), "{placed}");
}
