//! Helpers shared by the tests/integration/ci_*.rs tests: running the binary with the CI services'
//! variables cleared, and the fixtures.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn registry_example() -> PathBuf {
    manifest_dir().join("registry-example")
}

/// The one-group registry with two errors and a warning of tests/cmd/ci.
pub fn small_registry() -> PathBuf {
    manifest_dir().join("tests/cmd/ci/small.in")
}

/// `mandat` with the variables of GitHub Actions and GitLab CI removed, so that the tests give
/// the same result on a developer's machine and on a CI service.
pub fn mandat() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mandat"));
    for var in [
        "GITHUB_ACTIONS",
        "GITHUB_WORKSPACE",
        "CI_PROJECT_DIR",
        "MANDAT_AT",
        "NO_COLOR",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

/// Runs `mandat validate -r ROOT --at AT --format FORMAT [extra...]`.
pub fn validate(root: &Path, at: &str, format: &str, extra: &[&str]) -> Output {
    mandat()
        .arg("validate")
        .arg("-r")
        .arg(root)
        .args(["--at", at, "--format", format])
        .args(extra)
        .output()
        .expect("mandat runs")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("output is UTF-8")
}

/// The `--format json` output, parsed.
pub fn json_output(root: &Path, at: &str, extra: &[&str]) -> serde_json::Value {
    let out = validate(root, at, "json", extra);
    serde_json::from_str(&stdout(&out)).expect("json output parses")
}

/// Copies a folder tree.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
