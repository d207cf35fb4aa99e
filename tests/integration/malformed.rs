//! The malformed-input corpus: every case under tests/malformed/ is a small change to the valid
//! registry in tests/malformed/base/, and `mandat validate` must report it with a place and
//! exit 1 or 2, never panic (101) or die of a signal.
//!
//! A case folder holds:
//! - `case.toml`: `about` (what the case shows), `rule` and `file` (the diagnostic it must give,
//!   checked in the JSON output), optional `exit` (default 1), `remove` (paths to delete from the
//!   copy of the base), `rename` (pairs of paths), and `generate` (a name from [`generate`], for
//!   inputs that are made at run time: symbolic links and files too large to commit);
//! - `registry/`: files laid over the copy of the base (added or replaced);
//! - `expected.txt`: the golden transcript (exit code and human output in English).
//!
//! `MANDAT_BLESS=1 cargo test --test integration malformed` rewrites the transcripts after a deliberate change.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const AT: &str = "2026-03-01";
/// The loader's limit (`mandat::registry::load::MAX_FILE_BYTES`).
const LIMIT: usize = mandat::registry::load::MAX_FILE_BYTES as usize;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed")
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    about: String,
    rule: Option<String>,
    file: Option<String>,
    #[serde(default = "one")]
    exit: i32,
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default)]
    rename: Vec<(String, String)>,
    generate: Option<String>,
}

fn one() -> i32 {
    1
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Makes the inputs that cannot be committed: symbolic links (created here rather than stored,
/// so that a checkout on any system gets real links) and files over the size limit.
fn generate(name: &str, reg: &Path, outside: &Path) {
    let person = "name = \"Ute Utenfor\"\n";
    match name {
        "symlink-loop" => {
            symlink(Path::new("loop-b.toml"), &reg.join("people/loop-a.toml"));
            symlink(Path::new("loop-a.toml"), &reg.join("people/loop-b.toml"));
        }
        "symlink-dir-loop" => symlink(Path::new("."), &reg.join("groups/loop")),
        "symlink-outside-file" => {
            fs::write(outside.join("ute-utenfor.toml"), person).unwrap();
            symlink(
                &outside.join("ute-utenfor.toml"),
                &reg.join("people/ute-utenfor.toml"),
            );
        }
        "symlink-outside-dir" => {
            fs::create_dir_all(outside.join("group")).unwrap();
            fs::write(outside.join("group/group.toml"), "name = \"Utenfor\"\n").unwrap();
            symlink(&outside.join("group"), &reg.join("groups/utenfor"));
        }
        "symlink-dotdot" => {
            fs::write(outside.join("secret.md"), "+++\n+++\n").unwrap();
            let up = Path::new("../../../../outside/secret.md");
            symlink(up, &reg.join("groups/nkt-test/meetings/2025-06-01.md"));
        }
        "symlink-dangling" => symlink(Path::new("nobody.toml"), &reg.join("people/ghost.toml")),
        "symlink-inside" => {
            // A link that stays inside the registry is followed: the copy is read like a file.
            symlink(
                Path::new("kari-nordmann.toml"),
                &reg.join("people/Kari.toml"),
            );
        }
        "file-over-limit" => {
            let mut text = String::from(
                "+++\ndate = 2025-09-01\nstatus = \"held\"\nmode = \"digital\"\n+++\n",
            );
            let line = "Lang tekst i referatet, gjentatt til filen er for stor.\n";
            while text.len() <= LIMIT + LIMIT / 8 {
                text.push_str(line);
            }
            fs::write(reg.join("groups/nkt-test/meetings/2025-09-01.md"), text).unwrap();
        }
        "value-10mb" => {
            let text = format!("name = \"{}\"\n", "x".repeat(10 * 1024 * 1024));
            fs::write(reg.join("people/anne-lie.toml"), text).unwrap();
        }
        "long-value-under-limit" => {
            // 4 MiB on one line: read and parsed, and the message must not repeat it whole.
            let text = format!("name = \"Anne Lie\"\n{} = 1\n", "k".repeat(4 * 1024 * 1024));
            fs::write(reg.join("people/anne-lie.toml"), text).unwrap();
        }
        "deep-nesting-arrays" => {
            let depth = 100_000;
            let text = format!(
                "name = \"Anne Lie\"\ntags = {}{}\n",
                "[".repeat(depth),
                "]".repeat(depth)
            );
            fs::write(reg.join("people/anne-lie.toml"), text).unwrap();
        }
        "deep-nesting-tables" => {
            let depth = 100_000;
            let text = format!(
                "name = \"Anne Lie\"\nextra = {}1{}\n",
                "{a = ".repeat(depth),
                "}".repeat(depth)
            );
            fs::write(reg.join("people/anne-lie.toml"), text).unwrap();
        }
        "deep-nesting-dotted" => {
            let keys = vec!["a"; 50_000].join(".");
            fs::write(
                reg.join("people/anne-lie.toml"),
                format!("name = \"Anne Lie\"\n{keys} = 1\n"),
            )
            .unwrap();
        }
        // Files that are not files (rules.md, added in the second round).
        "group-toml-folder" => {
            fs::remove_file(reg.join("groups/nkt-test/group.toml")).unwrap();
            fs::create_dir_all(reg.join("groups/nkt-test/group.toml")).unwrap();
        }
        "meeting-folder" => {
            fs::create_dir_all(reg.join("groups/nkt-test/meetings/2025-10-01.md")).unwrap();
        }
        "person-fifo" => mkfifo(&reg.join("people/fifo-person.toml")),
        "registry-toml-fifo" => {
            fs::remove_file(reg.join("registry.toml")).unwrap();
            mkfifo(&reg.join("registry.toml"));
        }
        "registry-toml-dev-zero" => {
            fs::remove_file(reg.join("registry.toml")).unwrap();
            symlink(Path::new("/dev/zero"), &reg.join("registry.toml"));
        }
        "people-folder-outside" => {
            let elsewhere = outside.join("people");
            fs::rename(reg.join("people"), &elsewhere).unwrap();
            symlink(&elsewhere, &reg.join("people"));
        }
        "meetings-folder-outside" => {
            let elsewhere = outside.join("meetings");
            fs::rename(reg.join("groups/nkt-test/meetings"), &elsewhere).unwrap();
            symlink(&elsewhere, &reg.join("groups/nkt-test/meetings"));
        }
        // No identity number leaves the tool: in names, UTF-16 and large files too.
        "pii-in-file-names" => {
            let fnr = identity_number();
            fs::write(
                reg.join(format!("people/p{fnr}.toml")),
                "name = \"Per Nummer\"\n",
            )
            .unwrap();
            fs::write(
                reg.join(format!("groups/nkt-test/meetings/2025-11-01-{fnr}.md")),
                "+++\ndate = 2025-11-01\nstatus = \"planned\"\nmode = \"digital\"\n+++\n",
            )
            .unwrap();
            fs::write(
                reg.join(format!("groups/nkt-test/scan-{fnr}.png")),
                [0x89, b'P'],
            )
            .unwrap();
        }
        "pii-note" => {
            let text = format!("Ring Ola, fnr {}\n", identity_number());
            fs::write(reg.join("groups/nkt-test/notat.txt"), text).unwrap();
        }
        "pii-utf16" => {
            let text = format!("Navn;Fødselsnummer\r\nOla;{}\r\n", identity_number());
            let mut bytes = vec![0xFF, 0xFE];
            bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            fs::write(reg.join("groups/nkt-test/deltakere.csv"), bytes).unwrap();
        }
        "pii-large-csv" => {
            let mut text = String::from("navn;telefon\n");
            while text.len() <= LIMIT + 1024 {
                text.push_str("Ola Nordmann;00000000\n");
            }
            text.push_str(&format!("Kari Nordmann;{}\n", identity_number()));
            fs::write(reg.join("groups/nkt-test/eksport.csv"), text).unwrap();
        }
        other => panic!("unknown generator `{other}`"),
    }
}

/// A valid identity number (fødselsnummer), for the `pii` cases.
fn identity_number() -> String {
    (0..100_000)
        .map(|n| format!("010190{n:05}"))
        .find(|s| mandat::pii_scan::is_identity_number(s.as_bytes()))
        .unwrap()
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

#[cfg(not(unix))]
fn mkfifo(_path: &Path) {
    panic!("the FIFO cases need a Unix system");
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

#[cfg(not(unix))]
fn symlink(_target: &Path, _link: &Path) {
    panic!("the symlink cases need a Unix system");
}

fn mandat(reg: &Path, format: &str) -> Output {
    mandat_at(reg, AT, format)
}

fn mandat_at(reg: &Path, at: &str, format: &str) -> Output {
    Command::new(crate::support::bin())
        .args([
            "validate", "--at", at, "--lang", "en", "--color", "never", "--format", format,
        ])
        .arg("--registry")
        .arg(reg)
        .env("NO_COLOR", "1")
        .env_remove("MANDAT_AT")
        .output()
        .expect("run mandat")
}

/// Replaces the run's temporary folders, so that the transcript is the same on every machine.
fn normalise(text: &str, tmp: &Path) -> String {
    let real = fs::canonicalize(tmp).unwrap();
    text.replace(&real.display().to_string(), "<tmp>")
        .replace(&tmp.display().to_string(), "<tmp>")
}

fn exit_code(out: &Output) -> i32 {
    match out.status.code() {
        Some(c) => c,
        None => panic!("mandat was killed by a signal: {:?}", out.status),
    }
}

/// Runs one case; returns what went wrong, if anything.
fn run_case(dir: &Path) -> Result<(), String> {
    let case: Case = toml::from_str(&fs::read_to_string(dir.join("case.toml")).unwrap())
        .map_err(|e| format!("case.toml: {e}"))?;
    let tmp = tempfile::tempdir().unwrap();
    let reg = tmp.path().join("registry");
    let outside = tmp.path().join("outside");
    fs::create_dir_all(&outside).unwrap();
    copy_dir(&corpus().join("base"), &reg);
    if dir.join("registry").is_dir() {
        copy_dir(&dir.join("registry"), &reg);
    }
    for path in &case.remove {
        let p = reg.join(path);
        if p.is_dir() {
            fs::remove_dir_all(p)
        } else {
            fs::remove_file(p)
        }
        .unwrap();
    }
    for (from, to) in &case.rename {
        fs::rename(reg.join(from), reg.join(to)).unwrap();
    }
    if let Some(g) = &case.generate {
        generate(g, &reg, &outside);
    }

    let human = mandat(&reg, "human");
    let code = exit_code(&human);
    let mut transcript = format!("$ mandat validate --at {AT} --lang en\nexit: {code}\n");
    transcript.push_str(&String::from_utf8_lossy(&human.stdout));
    if !human.stderr.is_empty() {
        transcript.push_str("--- stderr\n");
        transcript.push_str(&String::from_utf8_lossy(&human.stderr));
    }
    let transcript = normalise(&transcript, tmp.path());

    let mut problems = Vec::new();
    if code != case.exit {
        problems.push(format!("exit code {code}, expected {}", case.exit));
    }
    if code == 1 {
        check_json(&case, &mandat(&reg, "json"), &mut problems);
    }
    let golden = dir.join("expected.txt");
    if std::env::var_os("MANDAT_BLESS").is_some() {
        fs::write(&golden, &transcript).unwrap();
    } else {
        let expected = fs::read_to_string(&golden).unwrap_or_default();
        if expected != transcript {
            let diff = similar::TextDiff::from_lines(&expected, &transcript);
            problems.push(format!(
                "output differs from expected.txt (MANDAT_BLESS=1 rewrites it):\n{}",
                diff.unified_diff().context_radius(2)
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} ({})\n{}",
            dir.display(),
            case.about,
            problems.join("\n")
        ))
    }
}

/// The JSON output names the case's rule at the case's file, and every diagnostic has a place.
fn check_json(case: &Case, out: &Output, problems: &mut Vec<String>) {
    let json: serde_json::Value = match serde_json::from_slice(&out.stdout) {
        Ok(v) => v,
        Err(e) => return problems.push(format!("--format json is not JSON: {e}")),
    };
    let diags = json["diagnostics"].as_array().cloned().unwrap_or_default();
    if diags.is_empty() {
        problems.push("exit 1 without any diagnostic".into());
    }
    for d in &diags {
        if d["file"].as_str().is_none_or(str::is_empty)
            || d["message"].as_str().is_none_or(str::is_empty)
        {
            problems.push(format!("a diagnostic without file or message: {d}"));
        }
    }
    let (Some(rule), Some(file)) = (&case.rule, &case.file) else {
        return problems
            .push("case.toml must name `rule` and `file` for a case that exits 1".into());
    };
    let found = diags
        .iter()
        .any(|d| d["rule"] == rule.as_str() && d["file"] == file.as_str());
    if !found {
        problems.push(format!("no `{rule}` diagnostic at {file}"));
    }
}

#[test]
fn the_base_registry_is_valid() {
    let out = mandat(&corpus().join("base"), "human");
    assert_eq!(
        exit_code(&out),
        0,
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok: no problems"));
}

#[test]
fn every_malformed_case_gives_its_diagnostic_without_a_panic() {
    let mut dirs: Vec<PathBuf> = fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("case.toml").is_file())
        .collect();
    dirs.sort();
    assert!(
        dirs.len() >= 40,
        "the corpus holds {} cases; it should hold at least 40",
        dirs.len()
    );
    let failures: Vec<String> = dirs.iter().filter_map(|d| run_case(d).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        dirs.len(),
        failures.join("\n\n")
    );
}

#[test]
fn evaluation_dates_at_the_ends_of_the_calendar_do_not_panic() {
    // The first and last days `--at` accepts: rules add grace periods and warning windows to D
    // and count years from it. At 9999-12-31 every year since 2026 lacks its meeting (exit 1).
    for at in ["9999-12-31", "0001-01-01"] {
        let out = mandat_at(&corpus().join("base"), at, "json");
        let code = exit_code(&out);
        assert!(
            code == 0 || code == 1,
            "--at {at}: exit {code}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
