//! The whole loader over a small registry tree that the fuzzer shapes: files replaced, made
//! folders, FIFOs or links (inside the registry, out of it, dangling), and new files whose names
//! come from the input. Properties: no panic and no hang; every path the format names as a file
//! that is not a regular file gets a `syntax` diagnostic at that path; no diagnostic's printed
//! path holds a whole identity number.
//!
//! The input is a list of operations, each `[op, pick, len, bytes...]`.

#![no_main]

use std::fs;
use std::path::Path;

use libfuzzer_sys::fuzz_target;
use mandat::diagnostic::{self, Place, RenderOptions, Summary};
use mandat::i18n::Lang;
use mandat::registry::{self, Scope};

macro_rules! base_files {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../../tests/malformed/base/", $path)))),*]
    };
}

const BASE: &[(&str, &[u8])] = base_files![
    "registry.toml",
    "organisations.toml",
    "people/anne-lie.toml",
    "people/ingrid-berg.toml",
    "people/kari-nordmann.toml",
    "people/lars-dahl.toml",
    "people/ola-hansen.toml",
    "people/per-olsen.toml",
    "groups/nkt-test/group.toml",
    "groups/nkt-test/members.toml",
    "groups/nkt-test/meetings/2025-05-20.md",
    "groups/nkt-test/meetings/2026-02-10.md",
    "groups/nkt-test/reports/2025/feedback.md",
    "groups/nkt-test/reports/2025/helse-vest.md",
];

/// Folders a new file may go in.
const FOLDERS: &[&str] = &[
    "",
    "people",
    "groups",
    "groups/nkt-test",
    "groups/nkt-test/meetings",
    "groups/nkt-test/reports/2025",
];

/// Writes a file, unless something that is not a regular file is there: writing into a FIFO
/// that an earlier operation made would block the harness itself.
fn write_plain(path: &Path, bytes: &[u8]) {
    if fs::symlink_metadata(path).is_ok_and(|m| !m.is_file()) {
        return;
    }
    let _ = fs::write(path, bytes);
}

fn replace_with_folder(path: &Path) {
    let _ = fs::remove_file(path);
    let _ = fs::create_dir_all(path);
}

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("reg");
    let outside = dir.path().join("outside.toml");
    fs::write(&outside, "name = \"Ute\"\n").unwrap();
    for (rel, bytes) in BASE {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    // The named paths made into something that is not a file.
    let mut not_files: Vec<&str> = Vec::new();
    let mut rest = data;
    while let [op, pick, len, tail @ ..] = rest {
        let n = usize::from(*len).min(tail.len());
        let (bytes, after) = tail.split_at(n);
        rest = after;
        let (rel, _) = BASE[usize::from(*pick) % BASE.len()];
        let path = root.join(rel);
        match op % 6 {
            0 => write_plain(&path, bytes),
            1 if rel != "registry.toml" => {
                replace_with_folder(&path);
                not_files.push(rel);
            }
            2 => {
                let _ = fs::remove_file(&path);
                let _ = std::os::unix::fs::symlink(&outside, &path);
            }
            3 => {
                let _ = fs::remove_file(&path);
                let _ = std::os::unix::fs::symlink("nowhere.toml", &path);
            }
            4 => {
                let _ = fs::remove_file(&path);
                let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
                // SAFETY: a valid NUL-terminated path.
                if unsafe { libc::mkfifo(c.as_ptr(), 0o644) } == 0 {
                    not_files.push(rel);
                }
            }
            _ => {
                let folder = FOLDERS[usize::from(*pick) % FOLDERS.len()];
                let name: String = String::from_utf8_lossy(bytes)
                    .chars()
                    .filter(|c| !matches!(c, '/' | '\0'))
                    .take(60)
                    .collect();
                if !name.is_empty() && name != "." && name != ".." {
                    write_plain(&root.join(folder).join(name), bytes);
                }
            }
        }
    }
    let Ok(loaded) = registry::load(&root, &Scope::All) else {
        return;
    };
    let at = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let reg = loaded.registry;
    let diags = mandat::rules::check(&reg, at, loaded.diagnostics);
    let summary = Summary::of(&diags, reg.files.len());
    for lang in [Lang::En, Lang::Nb] {
        diagnostic::human::render(&diags, &reg.files, RenderOptions { lang, color: false, width: Some(80) });
        let json = diagnostic::json::render(&diags, &reg.files, summary, lang);
        for d in &diags {
            let file = d.locate(&reg.files).file;
            assert!(mandat::pii_scan::find(&file).is_empty(), "{file} printed whole");
        }
        let _ = json;
    }
    for rel in not_files {
        // Still not a file (a later operation may have replaced it with one).
        let meta = fs::symlink_metadata(root.join(rel));
        if meta.is_ok_and(|m| !m.is_file() && !m.file_type().is_symlink()) {
            let here = |d: &diagnostic::Diagnostic| match &d.place {
                Place::Span(s) => reg.files[s.file].rel == rel,
                Place::File(p) => p == rel,
            };
            assert!(diags.iter().any(here), "{rel} is not a file but has no diagnostic");
        }
    }
});
