//! Helpers shared by the edit tests: a registry in a temporary folder, and running commands
//! through the library (fast) or the binary (for concurrency).

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use mandat::cli::{ColorChoice, Command, EditOptions, Global};
use mandat::registry::Date;

/// Copies a folder tree.
/// The binary under test: cargo's, or `MANDAT_TEST_BIN` (to run the hostile-input tests against
/// another build, such as an older main, and see which of them it fails).
pub fn bin() -> PathBuf {
    std::env::var_os("MANDAT_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_mandat")))
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the golden tests' fixture registry.
pub fn fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("reg");
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd/edit/_registry"),
        &root,
    );
    (dir, root)
}

pub fn date(s: &str) -> Date {
    Date::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn global(root: &Path, at: &str) -> Global {
    Global {
        registry: Some(root.to_path_buf()),
        at: Some(date(at)),
        lang: None,
        color: ColorChoice::Never,
    }
}

pub const WRITE: EditOptions = EditOptions {
    dry_run: false,
    force: false,
};
pub const FORCE: EditOptions = EditOptions {
    dry_run: false,
    force: true,
};

/// Runs a command through the library; `Ok(true)` when it exited 0.
pub fn run(root: &Path, at: &str, command: Command) -> anyhow::Result<bool> {
    let env = mandat::commands::Env::new(&global(root, at));
    let outcome = mandat::commands::run(command, &env)?;
    Ok(outcome == mandat::commands::Outcome::Ok)
}

/// Every file under a folder, relative path → bytes (the lock file left out).
pub fn snapshot(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && e.file_name() != ".mandat.lock")
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, fs::read(e.path()).unwrap())
        })
        .collect()
}
