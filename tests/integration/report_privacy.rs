//! No e-mail address or phone number in any report, in any format, unless `--include-contact`
//! (tests/fixtures/report-gaps gives every person both, and its minutes and inputs mention them).

use std::process::Command;

fn run(args: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("out");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mandat"));
    cmd.args(["-r", "tests/fixtures/report-gaps", "--at", "2026-03-01"])
        .args(args);
    let to_file = args.contains(&"docx");
    if to_file {
        cmd.arg("-o").arg(&path);
    }
    let out = cmd.output().expect("mandat runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    if to_file {
        std::fs::read(&path).expect("written")
    } else {
        out.stdout
    }
}

/// The text of a report: for a .docx, its document.xml.
fn text(bytes: Vec<u8>) -> String {
    if bytes.starts_with(b"PK") {
        use std::io::Read;
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut s = String::new();
        zip.by_name("word/document.xml")
            .expect("document")
            .read_to_string(&mut s)
            .expect("UTF-8");
        s
    } else {
        String::from_utf8(bytes).expect("UTF-8")
    }
}

fn contact_details(s: &str) -> Vec<&'static str> {
    ["@example.no", "900 11", "912 34 567"]
        .into_iter()
        .filter(|p| s.contains(p))
        .collect()
}

const REPORTS: &[&[&str]] = &[
    &["report", "annual", "nkt-hull", "--year", "2025"],
    &["report", "region", "helse-vest", "--year", "2025"],
    &["report", "inputs", "nkt-hull"],
];

#[test]
fn no_contact_details_without_asking() {
    for report in REPORTS {
        for format in ["md", "html", "json", "docx"] {
            let args: Vec<&str> = report.iter().copied().chain(["--format", format]).collect();
            let out = text(run(&args));
            assert!(
                contact_details(&out).is_empty(),
                "{args:?} shows {:?}",
                contact_details(&out)
            );
        }
    }
    for args in [
        &["expenses", "nkt-hull", "--year", "2025", "--format", "json"][..],
        &["expenses", "nkt-hull", "--year", "2025", "--format", "csv"][..],
        &["expenses", "nkt-hull", "--year", "2025"][..],
        &["calendar"][..],
    ] {
        let out = text(run(args));
        assert!(contact_details(&out).is_empty(), "{args:?}");
    }
}

#[test]
fn contact_details_when_asked_for() {
    for report in REPORTS.iter().take(2) {
        for format in ["md", "html", "json", "docx"] {
            let args: Vec<&str> = report
                .iter()
                .copied()
                .chain(["--format", format, "--include-contact"])
                .collect();
            let out = text(run(&args));
            assert!(out.contains("@example.no"), "{args:?} shows no e-mail");
            assert!(out.contains("+47 900 11 1"), "{args:?} shows no phone");
        }
    }
    let minutes = text(run(&[
        "report",
        "annual",
        "nkt-hull",
        "--year",
        "2025",
        "--include-contact",
    ]));
    assert!(
        minutes.contains("gunn@example.no eller 912 34 567"),
        "free text is left as written"
    );
}
