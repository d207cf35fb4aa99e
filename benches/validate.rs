//! `cargo bench`: the stages of `mandat validate` on synthetic registries of 10 and 100 groups
//! (examples/gen_registry.rs), beside the floor: reading and parsing the same files with the
//! toml crate and nothing else. End-to-end figures for 100 to 10,000 groups, with peak memory,
//! come from scripts/bench.sh; see docs/performance.md.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use mandat::diagnostic::{self, RenderOptions, Summary};
use mandat::i18n::Lang;
use mandat::registry::{self, Scope};

#[allow(dead_code)]
#[path = "../examples/gen_registry.rs"]
mod gen_registry;

fn main() {
    divan::main();
}

const SIZES: [usize; 2] = [10, 100];

/// The registry of `groups` groups, generated once per run.
fn registry(groups: usize) -> &'static Path {
    static DIRS: OnceLock<Vec<(usize, PathBuf)>> = OnceLock::new();
    let dirs = DIRS.get_or_init(|| {
        let tmp = tempfile::tempdir().expect("a temporary folder").keep();
        SIZES
            .iter()
            .map(|&n| {
                let dir = tmp.join(format!("n{n}"));
                gen_registry::generate(n, &dir).expect("generate the registry");
                (n, dir)
            })
            .collect()
    });
    &dirs
        .iter()
        .find(|(n, _)| *n == groups)
        .expect("a generated size")
        .1
}

fn at() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// The floor: walk, read, split the front matter, parse the TOML; check nothing.
#[divan::bench(args = SIZES)]
fn floor(groups: usize) -> usize {
    let mut keys = 0;
    for entry in walkdir::WalkDir::new(registry(groups)) {
        let entry = entry.unwrap();
        let path = entry.path();
        let (md, toml) = (
            path.extension().is_some_and(|e| e == "md"),
            path.extension().is_some_and(|e| e == "toml"),
        );
        if !entry.file_type().is_file() || !(md || toml) {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let front = if md {
            text.strip_prefix("+++\n")
                .and_then(|rest| rest.find("\n+++\n").map(|end| &rest[..end + 1]))
        } else {
            Some(text.as_str())
        };
        if let Some(front) = front
            && let Ok(table) = toml::de::DeTable::parse(front)
        {
            keys += table.get_ref().len();
        }
    }
    keys
}

/// Loading: the walk, reading, parsing, checking every file against its field table.
#[divan::bench(args = SIZES)]
fn load(groups: usize) -> registry::Loaded {
    registry::load(registry(groups), &Scope::All).unwrap()
}

/// Every rule, on a registry loaded beforehand.
#[divan::bench(args = SIZES)]
fn rules(bencher: divan::Bencher, groups: usize) {
    bencher
        .with_inputs(|| registry::load(registry(groups), &Scope::All).unwrap())
        .bench_local_values(|loaded| {
            mandat::rules::check(&loaded.registry, at(), loaded.diagnostics)
        });
}

/// What `mandat validate` does: load, check, render.
#[divan::bench(args = SIZES)]
fn validate(groups: usize) -> String {
    let loaded = registry::load(registry(groups), &Scope::All).unwrap();
    let reg = &loaded.registry;
    let diags = mandat::rules::check(reg, at(), loaded.diagnostics);
    let opts = RenderOptions {
        lang: Lang::Nb,
        color: false,
        width: None,
    };
    let mut out = diagnostic::human::render(&diags, &reg.files, opts);
    out.push_str(&diagnostic::human::summary_line(
        Summary::of(&diags, reg.files.len()),
        opts,
    ));
    out
}
