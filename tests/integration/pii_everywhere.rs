//! No identity number leaves the tool (rules.md): registry-example seeded with valid
//! fødselsnumre and D-numbers in every free-text field, in Markdown bodies and in file names,
//! then every command that prints or writes text run in every format; no output holds a whole
//! number. docx is unpacked and its XML scanned.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use mandat::pii_scan;

/// Valid numbers, found by the control digits: a fødselsnummer and a D-number.
fn numbers() -> Vec<String> {
    ["010190", "410190", "150575"]
        .iter()
        .map(|date| {
            (0..100_000)
                .map(|i| format!("{date}{i:05}"))
                .find(|n| pii_scan::is_identity_number(n.as_bytes()))
                .expect("a valid number exists for the date")
        })
        .collect()
}

/// The string keys that hold free text a person typed (not ids or references).
const FREE_TEXT: &[&str] = &[
    "name",
    "summary",
    "response",
    "to",
    "location",
    "end-reason",
    "letter",
    "reason",
    "service",
    "process",
    "reports-to",
];

fn seed(root: &Path, fnr: &[String]) {
    let mut k = 0;
    let mut next = || {
        k += 1;
        fnr[k % fnr.len()].clone()
    };
    for entry in walk(root) {
        let rel = entry
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let is_md = rel.ends_with(".md");
        if !(rel.ends_with(".toml") || is_md) || rel == "registry.toml" {
            continue;
        }
        let text = std::fs::read_to_string(&entry).unwrap();
        let mut out = String::new();
        for line in text.lines() {
            let key = line.split(" = \"").next().unwrap_or("").trim();
            if FREE_TEXT.contains(&key) && line.trim_end().ends_with('"') {
                let cut = line.trim_end().len() - 1;
                out.push_str(&format!("{} {}\"\n", &line[..cut], next()));
            } else {
                out.push_str(line);
                out.push('\n');
            }
        }
        if is_md {
            out.push_str(&format!("\nNotert: {} og {}.\n", next(), next()));
        }
        std::fs::write(&entry, out).unwrap();
    }
    // File names: a person nobody names, and a meeting whose slug holds a number.
    std::fs::write(
        root.join(format!("people/p{}.toml", fnr[0])),
        "name = \"Ukjent Person\"\n",
    )
    .unwrap();
    let meetings = root.join("groups/nkt-ms/meetings");
    let first = walk(&meetings)
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .unwrap();
    let stem = first.file_stem().unwrap().to_string_lossy()[..10].to_string();
    std::fs::rename(&first, meetings.join(format!("{stem}-{}.md", fnr[1]))).unwrap();
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn copy(from: &Path, to: &Path) {
    let status = Command::new("cp")
        .arg("-R")
        .arg(from)
        .arg(to)
        .status()
        .unwrap();
    assert!(status.success());
}

/// The text of an output; a docx (a zip) is unpacked and its parts joined.
fn text_of(bytes: &[u8]) -> String {
    if bytes.starts_with(b"PK") {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        let mut all = String::new();
        for i in 0..zip.len() {
            let mut part = zip.by_index(i).unwrap();
            let mut s = String::new();
            part.read_to_string(&mut s).unwrap_or_default();
            all.push_str(&s);
        }
        return all;
    }
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn no_command_prints_an_identity_number_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("reg");
    copy(Path::new("registry-example"), &root);
    let fnr = numbers();
    seed(&root, &fnr);
    let out_file = tmp.path().join("out");

    let mut runs: Vec<Vec<String>> = Vec::new();
    let mut add = |args: &[&str]| runs.push(args.iter().map(|s| s.to_string()).collect());
    for format in ["human", "json", "github", "sarif", "junit"] {
        add(&["validate", "--format", format]);
    }
    add(&["status"]);
    for what in ["groups", "people", "members", "meetings"] {
        for format in ["table", "json", "csv"] {
            add(&["list", what, "--format", format]);
        }
    }
    for format in ["md", "html", "json", "docx"] {
        add(&[
            "report", "annual", "nkt-ms", "--year", "2025", "--format", format,
        ]);
        add(&[
            "report",
            "region",
            "helse-nord",
            "--year",
            "2025",
            "--format",
            format,
        ]);
        add(&["report", "inputs", "senja-omstilling", "--format", format]);
    }
    for format in ["table", "json", "csv"] {
        add(&["expenses", "nkt-ms", "--year", "2025", "--format", format]);
    }
    add(&["calendar"]);
    add(&["list", "members", "--format", "xlsx"]);
    add(&["list", "people", "--format", "xlsx"]);
    add(&["expenses", "nkt-ms", "--year", "2025", "--format", "xlsx"]);
    add(&[
        "report",
        "region",
        "helse-nord",
        "--year",
        "2025",
        "--format",
        "xlsx",
    ]);
    add(&["list", "members", "--format", "csv", "--excel"]);
    add(&[
        "end",
        "nkt-ms",
        "silje-pedersen",
        "--date",
        "2026-11-30",
        "--dry-run",
    ]);

    let mut checked = 0;
    for args in &runs {
        for to_file in [false, true] {
            let mut cmd = Command::new(crate::support::bin());
            cmd.args(args)
                .args(["-r", root.to_str().unwrap(), "--at", "2026-11-22"])
                .env_remove("MANDAT_AT")
                .env("NO_COLOR", "1");
            let xlsx = args.iter().any(|a| a == "xlsx");
            let writes = xlsx || matches!(args[0].as_str(), "report" | "calendar");
            if xlsx && !to_file {
                continue;
            }
            if to_file {
                if !writes {
                    continue;
                }
                let _ = std::fs::remove_file(&out_file);
                cmd.arg("-o").arg(&out_file);
            }
            let out = cmd.output().expect("mandat runs");
            assert!(
                matches!(out.status.code(), Some(0..=2)),
                "{args:?} ended with {:?}",
                out.status
            );
            let mut texts = vec![text_of(&out.stdout), text_of(&out.stderr)];
            if to_file && out_file.exists() {
                texts.push(text_of(&std::fs::read(&out_file).unwrap()));
            }
            for text in texts {
                let found = pii_scan::find(&text);
                assert!(
                    found.is_empty(),
                    "`mandat {}` printed an identity number whole: …{}…",
                    args.join(" "),
                    &text[found[0].saturating_sub(40)..(found[0] + 11).min(text.len())]
                );
                for n in &fnr {
                    assert!(
                        !text.contains(n.as_str()),
                        "`mandat {}` printed {n}",
                        args.join(" ")
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= runs.len(), "every command ran");

    // The public site: every file it writes.
    let site = tmp.path().join("site");
    let out = Command::new(crate::support::bin())
        .args(["site", site.to_str().unwrap(), "--include-minutes"])
        .args(["-r", root.to_str().unwrap(), "--at", "2026-11-22"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files = walk(&site);
    assert!(files.len() > 5, "the site was written");
    for file in files {
        let text = text_of(&std::fs::read(&file).unwrap());
        assert!(
            pii_scan::find(&text).is_empty(),
            "{} holds an identity number whole",
            file.display()
        );
    }
}
