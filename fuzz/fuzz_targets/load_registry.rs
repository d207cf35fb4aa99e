//! The loader, every rule and both renderers on a small registry in which one file is replaced
//! by the fuzzer's bytes: no panic, and an unreadable file always gets a diagnostic.
//!
//! The first byte picks the file; the rest is its content. The registry is the malformed
//! corpus's base (tests/malformed/base), written once to a temporary folder.

#![no_main]

use std::fs;
use std::path::PathBuf;
use std::sync::OnceLock;

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
    "groups/nkt-test/reports/2025/helse-midt-norge.md",
    "groups/nkt-test/reports/2025/helse-nord.md",
    "groups/nkt-test/reports/2025/helse-sor-ost.md",
    "groups/nkt-test/reports/2025/helse-vest.md",
];

fn root() -> &'static PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder").keep();
        for (rel, bytes) in BASE {
            let path = dir.join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, bytes).unwrap();
        }
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, content)) = data.split_first() else { return };
    let root = root();
    let (rel, original) = BASE[usize::from(pick) % BASE.len()];
    fs::write(root.join(rel), content).unwrap();
    let loaded = registry::load(root, &Scope::All).expect("registry.toml exists");
    let at = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let reg = loaded.registry;
    let diags = mandat::rules::check(&reg, at, loaded.diagnostics);
    let summary = Summary::of(&diags, reg.files.len());
    for lang in [Lang::En, Lang::Nb] {
        diagnostic::human::render(&diags, &reg.files, RenderOptions { lang, color: false, width: Some(80) });
        diagnostic::json::render(&diags, &reg.files, summary, lang);
    }
    if std::str::from_utf8(content).is_err() {
        let here = |d: &diagnostic::Diagnostic| match &d.place {
            Place::Span(s) => reg.files[s.file].rel == rel,
            Place::File(p) => p == rel,
        };
        assert!(diags.iter().any(here), "{rel} is not UTF-8 but has no diagnostic");
    }
    fs::write(root.join(rel), original).unwrap();
});
