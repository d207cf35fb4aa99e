//! Property tests of the loader and the rules against damaged files.
//!
//! Each case takes a file of registry-example (a person, a group.toml, a members.toml, minutes,
//! a report section, registry.toml or organisations.toml), damages it (byte flips, truncation,
//! lines deleted or repeated, inserted `+++`, `[[` or quotes) or replaces it with arbitrary
//! bytes, puts it in its place in a copy of the small registry tests/malformed/base, and runs the
//! loader, every rule and both renderers through the library. The properties: nothing panics,
//! and a file that a plain TOML parser rejects has at least one diagnostic that points at it.

use std::fs;
use std::path::{Path, PathBuf};

use mandat::diagnostic::{self, Diagnostic, Place, RenderOptions, Summary};
use mandat::i18n::Lang;
use mandat::registry::{self, Scope};
use proptest::prelude::*;

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Small files of registry-example, and where each goes in the base registry.
fn samples() -> Vec<(PathBuf, String)> {
    let ex = manifest().join("registry-example");
    let mut out = vec![
        (ex.join("registry.toml"), "registry.toml".to_string()),
        (
            ex.join("groups/nkt-ms/group.toml"),
            "groups/nkt-test/group.toml".into(),
        ),
        (
            ex.join("groups/nkt-ms/members.toml"),
            "groups/nkt-test/members.toml".into(),
        ),
        (
            ex.join("groups/senja-omstilling/group.toml"),
            "groups/nkt-test/group.toml".into(),
        ),
        (
            ex.join("people/anders-holm.toml"),
            "people/anne-lie.toml".into(),
        ),
    ];
    for dir in ["groups/nkt-ms/meetings", "groups/nkt-ms/reports/2024"] {
        let mut names: Vec<_> = fs::read_dir(ex.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        for path in names.into_iter().take(3) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let target = if dir.ends_with("meetings") {
                format!("groups/nkt-test/meetings/{name}")
            } else {
                format!("groups/nkt-test/reports/2025/{name}")
            };
            out.push((path, target));
        }
    }
    out
}

#[derive(Clone, Debug)]
enum Mutation {
    Flip(usize, u8),
    Truncate(usize),
    DeleteLine(usize),
    RepeatLine(usize),
    Insert(usize, &'static str),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        any::<usize>().prop_map(Mutation::Truncate),
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::RepeatLine),
        (
            any::<usize>(),
            prop::sample::select(vec![
                "+++\n",
                "\n+++\n",
                "[[",
                "[[member]]\n",
                "\"",
                "\"\"\"",
                "=",
                "\n",
                "\u{feff}",
                "\r\n",
                "0"
            ])
        )
            .prop_map(|(i, s)| Mutation::Insert(i, s)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    let lines = || -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'\n' {
                out.push((start, i + 1));
                start = i + 1;
            }
        }
        if start < bytes.len() {
            out.push((start, bytes.len()));
        }
        out
    };
    match *m {
        Mutation::Flip(i, b) if !bytes.is_empty() => bytes[i % len] = b,
        Mutation::Truncate(i) => bytes.truncate(i % len),
        Mutation::DeleteLine(i) => {
            let l = lines();
            if !l.is_empty() {
                let (s, e) = l[i % l.len()];
                bytes.drain(s..e);
            }
        }
        Mutation::RepeatLine(i) => {
            let l = lines();
            if !l.is_empty() {
                let (s, e) = l[i % l.len()];
                let line = bytes[s..e].to_vec();
                bytes.splice(e..e, line);
            }
        }
        Mutation::Insert(i, s) => {
            let at = i % (bytes.len() + 1);
            bytes.splice(at..at, s.bytes());
        }
        Mutation::Flip(..) => {}
    }
}

/// Whether a plain reading rejects the file: not UTF-8, not TOML, or (for Markdown) without a
/// closed front matter or with a front matter that is not TOML. Independent of `mandat`'s code.
fn rejected(rel: &str, bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return true;
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let toml = if rel.ends_with(".md") {
        let Some(rest) = text
            .strip_prefix("+++\n")
            .or_else(|| text.strip_prefix("+++\r\n"))
        else {
            return true;
        };
        let mut front = None;
        let mut offset = 0;
        for line in rest.split_inclusive('\n') {
            if line.trim_end_matches('\n').trim_end_matches('\r') == "+++" {
                front = Some(&rest[..offset]);
                break;
            }
            offset += line.len();
        }
        match front {
            Some(f) => f,
            None => return true,
        }
    } else {
        text
    };
    toml.parse::<toml::Table>().is_err()
}

fn points_at(d: &Diagnostic, rel: &str, files: &[mandat::source::SourceFile]) -> bool {
    match &d.place {
        Place::Span(span) => files[span.file()].rel == rel,
        Place::File(path) => path == rel,
    }
}

/// Lays `bytes` at `rel` over a copy of the base registry, loads, checks and renders it.
fn check_file(rel: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let base = manifest().join("tests/malformed/base");
    for entry in walkdir::WalkDir::new(&base) {
        let entry = entry.unwrap();
        let target = root.join(entry.path().strip_prefix(&base).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();

    let loaded = registry::load(root, &Scope::All)
        .map_err(|e| TestCaseError::fail(format!("load failed: {e}")))?;
    let at = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let reg = loaded.registry;
    let diags = mandat::rules::check(&reg, at, loaded.diagnostics);
    let summary = Summary::of(&diags, reg.files.len());
    for lang in [Lang::En, Lang::Nb] {
        let opts = RenderOptions {
            lang,
            color: false,
            width: None,
        };
        diagnostic::human::render(&diags, &reg.files, opts);
        diagnostic::json::render(&diags, &reg.files, summary, lang);
    }
    if rejected(rel, bytes) {
        prop_assert!(
            diags.iter().any(|d| points_at(d, rel, &reg.files)),
            "{rel} is not readable, but no diagnostic points at it:\n{}",
            String::from_utf8_lossy(bytes)
        );
    }
    Ok(())
}

proptest! {
    // 128 cases keep `cargo test` fast; PROPTEST_CASES=5000 searches longer.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(128),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn damaged_example_files_never_panic_and_are_reported(
        pick in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..5),
    ) {
        let samples = samples();
        let (source, rel) = &samples[pick.index(samples.len())];
        let mut bytes = fs::read(source).unwrap();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        check_file(rel, &bytes)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic_and_are_reported(
        pick in any::<prop::sample::Index>(),
        bytes in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        let targets = [
            "registry.toml",
            "organisations.toml",
            "people/anne-lie.toml",
            "groups/nkt-test/group.toml",
            "groups/nkt-test/members.toml",
            "groups/nkt-test/meetings/2025-05-20.md",
            "groups/nkt-test/reports/2025/feedback.md",
        ];
        check_file(targets[pick.index(targets.len())], &bytes)?;
    }

    #[test]
    fn arbitrary_text_after_a_front_matter_line_never_panics(
        body in "\\PC{0,200}",
    ) {
        let text = format!("+++\n{body}");
        check_file("groups/nkt-test/meetings/2025-05-20.md", text.as_bytes())?;
    }
}
