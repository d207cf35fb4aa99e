//! Hostile input around the registry (issue 11): files that are not files, links out of the
//! registry, another writer, leftovers, `-o` onto the registry's own files and templates that
//! never end. Every command here runs with a time limit, so that a hang fails the test instead of
//! stopping the suite; each test fails on the main branch as it was before these defences.

#![cfg(unix)]

use crate::support;

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mandat::edit::write::{WriteError, write_in_registry};
use support::*;

/// What a run of `mandat` gave: exit code, stdout and stderr.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `mandat -r ROOT --at 2026-03-01 ARGS`, killing it (and failing) after 20 s.
fn mandat(root: &Path, args: &[&str]) -> Run {
    let mut child = Command::new(crate::support::bin())
        .arg("-r")
        .arg(root)
        .args(["--at", "2026-03-01"])
        .args(args)
        .env("NO_COLOR", "1")
        .env("MANDAT_LOCK_TIMEOUT", "2")
        .env_remove("MANDAT_AT")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("mandat {args:?} hung for 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stdout = String::new();
    let mut stderr = String::new();
    child.stdout.unwrap().read_to_string(&mut stdout).unwrap();
    child.stderr.unwrap().read_to_string(&mut stderr).unwrap();
    Run {
        code: status.code().expect("killed by a signal"),
        stdout,
        stderr,
    }
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

const END: &[&str] = &["end", "nkt-demo", "tor-lie", "--date", "2026-03-01"];

#[test]
fn a_lock_file_that_links_out_of_the_registry_is_refused_and_creates_nothing() {
    let (dir, root) = fixture();
    let target = dir.path().join("elsewhere.txt");
    std::os::unix::fs::symlink(&target, root.join(".mandat.lock")).unwrap();
    let before = snapshot(&root);
    let run = mandat(&root, END);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains(".mandat.lock"), "{}", run.stderr);
    assert!(
        !target.exists(),
        "the lock created a file outside the registry"
    );
    assert_eq!(snapshot(&root), before);
}

#[test]
fn a_lock_file_that_is_a_fifo_is_refused_without_hanging() {
    let (_dir, root) = fixture();
    mkfifo(&root.join(".mandat.lock"));
    let run = mandat(&root, END);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains(".mandat.lock"), "{}", run.stderr);
}

#[test]
fn a_registry_toml_that_is_a_fifo_hangs_no_command() {
    let (_dir, root) = fixture();
    fs::remove_file(root.join("registry.toml")).unwrap();
    mkfifo(&root.join("registry.toml"));
    // Without --lang, the language is probed from registry.toml before anything is loaded.
    for args in [&["validate"][..], &["list", "groups"], &["status"], END] {
        let run = mandat(&root, args);
        assert!(
            matches!(run.code, 0..=2),
            "{args:?}: {}{}",
            run.stdout,
            run.stderr
        );
    }
    let run = mandat(&root, &["validate"]);
    assert!(run.stdout.contains("FIFO"), "{}", run.stdout);
}

#[test]
fn a_registry_toml_linked_to_dev_zero_is_not_read() {
    let (_dir, root) = fixture();
    fs::remove_file(root.join("registry.toml")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", root.join("registry.toml")).unwrap();
    let run = mandat(&root, &["list", "groups"]);
    assert!(matches!(run.code, 0..=2), "{}{}", run.stdout, run.stderr);
    let run = mandat(&root, &["validate"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("outside the registry"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_people_folder_that_links_out_of_the_registry_is_not_written_through() {
    let (dir, root) = fixture();
    let elsewhere = dir.path().join("people-elsewhere");
    fs::rename(root.join("people"), &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, root.join("people")).unwrap();
    let run = mandat(
        &root,
        &["person", "add", "new-person", "--name", "Ny Person"],
    );
    assert_ne!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(!elsewhere.join("new-person.toml").exists());
    let run = mandat(&root, &["validate"]);
    assert!(
        run.stdout.contains("`people` is a symbolic link"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_edit_writes_through_a_link_inside_the_registry_and_keeps_the_link() {
    let (_dir, root) = fixture();
    let group = root.join("groups/nkt-demo");
    fs::create_dir_all(group.join("data")).unwrap();
    fs::rename(group.join("members.toml"), group.join("data/members.toml")).unwrap();
    std::os::unix::fs::symlink("data/members.toml", group.join("members.toml")).unwrap();
    let before = fs::read_to_string(group.join("data/members.toml")).unwrap();
    let run = mandat(&root, END);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let link = fs::symlink_metadata(group.join("members.toml")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    let after = fs::read_to_string(group.join("data/members.toml")).unwrap();
    assert_ne!(before, after);
    assert!(after.contains("ended = 2026-03-01"), "{after}");
}

#[test]
fn leftovers_of_a_killed_edit_are_removed_by_the_next_edit_in_that_folder() {
    let (_dir, root) = fixture();
    let leftover = root.join("groups/nkt-demo/.mandat-a1b2c3.tmp");
    fs::write(&leftover, "half a file").unwrap();
    let run = mandat(&root, END);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(!leftover.exists());
}

#[test]
fn an_edit_refuses_a_file_over_the_size_limit() {
    let (_dir, root) = fixture();
    let members = root.join("groups/nkt-demo/members.toml");
    let mut text = fs::read_to_string(&members).unwrap();
    let pad = format!("# {}\n", "x".repeat(1000));
    while text.len() <= 8 * 1024 * 1024 {
        text.push_str(&pad);
    }
    fs::write(&members, &text).unwrap();
    let run = mandat(&root, END);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("MiB"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&members).unwrap(), text);
}

#[test]
fn a_file_changed_by_another_writer_is_never_written_over() {
    let (_dir, root) = fixture();
    let rel = "groups/nkt-demo/members.toml";
    let read = fs::read_to_string(root.join(rel)).unwrap();
    // An editor saves the file after mandat read it, before mandat writes.
    let theirs = format!("{read}\n# a note from an editor\n");
    fs::write(root.join(rel), &theirs).unwrap();
    let ours = format!("{read}\n# mandat's change\n");
    let err = write_in_registry(&root, rel, Some(&read), ours.as_bytes()).unwrap_err();
    assert!(matches!(err, WriteError::Changed), "{err}");
    assert_eq!(fs::read_to_string(root.join(rel)).unwrap(), theirs);
    // A file created meanwhile where the edit found none.
    let new = "people/ny-person.toml";
    fs::write(root.join(new), "name = \"Først\"\n").unwrap();
    let err = write_in_registry(&root, new, None, b"name = \"Sist\"\n").unwrap_err();
    assert!(matches!(err, WriteError::Changed), "{err}");
    assert_eq!(
        fs::read_to_string(root.join(new)).unwrap(),
        "name = \"Først\"\n"
    );
    // Unchanged: written.
    write_in_registry(&root, rel, Some(&theirs), ours.as_bytes()).unwrap();
    assert_eq!(fs::read_to_string(root.join(rel)).unwrap(), ours);
}

#[test]
fn dash_o_never_overwrites_a_file_the_registry_reads() {
    let (dir, root) = fixture();
    let before = snapshot(&root);
    for target in [
        "people/kari-nordmann.toml",
        "registry.toml",
        "organisations.toml",
        "groups/nkt-demo/rapport.md",
    ] {
        let out = root.join(target);
        let out = out.to_str().unwrap();
        let run = mandat(
            &root,
            &["report", "annual", "nkt-demo", "--year", "2025", "-o", out],
        );
        assert_eq!(run.code, 2, "{target}: {}{}", run.stdout, run.stderr);
        let run = mandat(&root, &["calendar", "-o", out]);
        assert_eq!(run.code, 2, "{target}: {}{}", run.stdout, run.stderr);
    }
    assert_eq!(snapshot(&root), before);
    let fine = dir.path().join("rapport.md");
    let run = mandat(
        &root,
        &[
            "report",
            "annual",
            "nkt-demo",
            "--year",
            "2025",
            "-o",
            fine.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(fine.is_file());
}

#[test]
fn a_registry_template_that_loops_for_ever_ends_with_an_error() {
    let (_dir, root) = fixture();
    fs::create_dir_all(root.join("templates")).unwrap();
    fs::write(
        root.join("templates/annual.md"),
        "{% for a in range(100000) %}{% for b in range(100000) %}{{ a }}{% endfor %}{% endfor %}\n",
    )
    .unwrap();
    let run = mandat(&root, &["report", "annual", "nkt-demo", "--year", "2025"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("fuel"), "{}", run.stderr);
}

#[test]
fn a_registry_site_template_that_loops_for_ever_ends_with_an_error() {
    let (dir, root) = fixture();
    fs::create_dir_all(root.join("templates/site")).unwrap();
    fs::write(
        root.join("templates/site/index.html"),
        "{% for a in range(100000) %}{% for b in range(100000) %}{{ a }}{% endfor %}{% endfor %}\n",
    )
    .unwrap();
    let out = dir.path().join("site");
    let run = mandat(&root, &["site", out.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("site/index.html"), "{}", run.stderr);
    assert!(run.stderr.contains("fuel"), "{}", run.stderr);
}

#[test]
fn a_megabyte_name_is_cut_in_tables_and_costs_no_minute() {
    let (_dir, root) = fixture();
    let name = "Kari ".repeat(200_000);
    fs::write(
        root.join("people/kari-nordmann.toml"),
        format!("name = \"{}\"\n", name.trim_end()),
    )
    .unwrap();
    for args in [&["list", "people"][..], &["status"], &["list", "members"]] {
        let start = Instant::now();
        let run = mandat(&root, args);
        assert!(matches!(run.code, 0 | 1), "{args:?}: {}", run.stderr);
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "{args:?} took {:?}",
            start.elapsed()
        );
        assert!(
            run.stdout.len() < 100_000,
            "{args:?}: {} bytes",
            run.stdout.len()
        );
    }
}
