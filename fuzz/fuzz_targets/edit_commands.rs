//! The edit commands over a registry in which one file is replaced by the fuzzer's bytes, run
//! through the library as `mandat` would run them. Properties: no panic; no temporary file is
//! left behind; nothing is written outside the registry; a refused or failed command changes no
//! file.
//!
//! The first byte picks the file, the second the command; the rest is the file's content.

#![no_main]

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use clap::Parser;
use libfuzzer_sys::fuzz_target;
use mandat::cli::Cli;

macro_rules! base_files {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../../tests/cmd/edit/_registry/", $path)))),*]
    };
}

const BASE: &[(&str, &[u8])] = base_files![
    "registry.toml",
    "organisations.toml",
    "groups/nkt-demo/group.toml",
    "groups/nkt-demo/members.toml",
    "groups/nkt-demo/meetings/2026-02-10.md",
    "people/eva-strand.toml",
    "people/tor-lie.toml",
    "people/ola-hansen.toml",
    "people/siri-berg.toml",
    "people/kari-nordmann.toml",
    "people/lars-vik.toml",
    "people/per-olsen.toml",
    "people/ulla-dahl.toml",
    "people/nina-moe.toml",
];

const COMMANDS: &[&[&str]] = &[
    &["end", "nkt-demo", "tor-lie", "--date", "2026-03-01"],
    &["person", "add", "ny-person", "--name", "Ny Person"],
    &["propose", "nkt-demo", "eva-strand", "--role", "other", "--date", "2026-03-01"],
    &["chair", "nkt-demo", "kari-nordmann", "--by", "helse-bergen", "--date", "2026-03-01"],
    &["meeting", "new", "nkt-demo", "--date", "2026-06-01"],
    &["group", "new", "ny-gruppe", "--name", "Ny gruppe", "--profile", "national-service"],
    &["end", "nkt-demo", "tor-lie", "--date", "2026-03-01", "--dry-run"],
    &["end", "nkt-demo", "tor-lie", "--date", "2026-03-01", "--force"],
];

fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name() != ".mandat.lock")
        .map(|e| {
            let rel = e.path().strip_prefix(root).unwrap().to_string_lossy().into_owned();
            (rel, fs::read(e.path()).unwrap_or_default())
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let [file, command, content @ ..] = data else { return };
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("reg");
    for (rel, bytes) in BASE {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    let (rel, _) = BASE[usize::from(*file) % BASE.len()];
    fs::write(root.join(rel), content).unwrap();
    let before = snapshot(&root);
    let args = COMMANDS[usize::from(*command) % COMMANDS.len()];
    let mut argv = vec!["mandat", "-r", root.to_str().unwrap(), "--at", "2026-03-01"];
    argv.extend_from_slice(args);
    let cli = Cli::try_parse_from(argv).expect("the commands above parse");
    let env = mandat::commands::Env::new(&cli.global);
    let outcome = mandat::commands::run(cli.command, &env);
    let after = snapshot(&root);
    assert!(
        !after.keys().any(|k| k.contains(".mandat-") && k.ends_with(".tmp")),
        "a temporary file was left: {:?}",
        after.keys().collect::<Vec<_>>()
    );
    let outside: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(outside.len(), 1, "something was written beside the registry");
    if !matches!(outcome, Ok(mandat::commands::Outcome::Ok)) {
        assert_eq!(before, after, "a refused command changed a file");
    }
});
