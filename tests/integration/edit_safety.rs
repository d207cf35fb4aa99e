//! Safety of writes: a failing write leaves the old file, concurrent runs lose nothing, and a
//! lock held too long gives a clear message instead of a hang.

use crate::support;

use std::fs;
use std::io::Write;
use std::process::Command as Process;
use std::time::Duration;

use mandat::edit::write::{Lock, write_atomic_with};
use support::*;

fn mandat(root: &std::path::Path) -> Process {
    let mut p = Process::new(crate::support::bin());
    p.arg("-r")
        .arg(root)
        .arg("--at")
        .arg("2026-03-01")
        .env("NO_COLOR", "1");
    p
}

#[test]
fn a_write_that_fails_half_way_leaves_the_old_file_intact() {
    let (_dir, root) = fixture();
    let members = root.join("groups/nkt-demo/members.toml");
    let old = fs::read(&members).unwrap();
    let new = b"[[member]]\nperson = \"x\"\n".repeat(1000);
    let result = write_atomic_with(&members, &new, |f, bytes| {
        f.write_all(&bytes[..bytes.len() / 2])?;
        Err(std::io::Error::other("the disk is full"))
    });
    assert!(result.is_err());
    assert_eq!(fs::read(&members).unwrap(), old);
    let leftovers: Vec<_> = fs::read_dir(members.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let out = mandat(&root).arg("validate").output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_killed_command_leaves_every_file_as_it_was() {
    let (_dir, root) = fixture();
    let before = snapshot(&root);
    // Hold the lock so that the command is stopped before it writes, then kill it.
    let lock = Lock::acquire_within(&root, Duration::ZERO).unwrap();
    let mut child = mandat(&root)
        .args(["end", "nkt-demo", "tor-lie", "--date", "2026-03-01"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();
    drop(lock);
    assert_eq!(snapshot(&root), before);
}

#[test]
fn twenty_concurrent_person_adds_all_land() {
    let (_dir, root) = fixture();
    let spawned: Vec<_> = (0..20)
        .map(|i| {
            mandat(&root)
                .args([
                    "person",
                    "add",
                    "--name",
                    &format!("Person Nummer {i}"),
                    "--employer",
                    "unn",
                ])
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in spawned {
        assert!(c.wait().unwrap().success());
    }
    for i in 0..20 {
        let path = root.join(format!("people/person-nummer-{i}.toml"));
        assert!(path.is_file(), "{} is missing", path.display());
    }
}

#[test]
fn twenty_concurrent_proposals_to_one_file_lose_nothing() {
    let (_dir, root) = fixture();
    for i in 0..20 {
        fs::write(
            root.join(format!("people/p{i}.toml")),
            format!("name = \"P {i}\"\nemployer = \"unn\"\n"),
        )
        .unwrap();
    }
    let spawned: Vec<_> = (0..20)
        .map(|i| {
            mandat(&root)
                .args([
                    "propose",
                    "nkt-demo",
                    &format!("p{i}"),
                    "--role",
                    "other",
                    "--date",
                    "2026-02-01",
                ])
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in spawned {
        assert!(c.wait().unwrap().success());
    }
    let members = fs::read_to_string(root.join("groups/nkt-demo/members.toml")).unwrap();
    for i in 0..20 {
        assert!(
            members.contains(&format!("person = \"p{i}\"\n")),
            "p{i} was lost"
        );
    }
    assert!(members.contains("# End of list."));
}

#[test]
fn a_lock_held_too_long_gives_a_clear_message() {
    let (_dir, root) = fixture();
    let _lock = Lock::acquire_within(&root, Duration::ZERO).unwrap();
    let out = mandat(&root)
        .env("MANDAT_LOCK_TIMEOUT", "0.3")
        .args(["person", "add", "--name", "Vent Litt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("another mandat command"), "{err}");
    assert!(!root.join("people/vent-litt.toml").exists());
}
