//! Spreadsheets in and out, end to end through the binary: the round trip of `list members
//! --format xlsx` through `import registry` into a fresh registry, formula-safe CSV from `list`
//! and `expenses` (issue 11, item 5), the workbooks' layout (real dates, frozen bold header,
//! autofilter, sheet names in the output language), and that a failing import writes nothing.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader};

fn mandat(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mandat"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("MANDAT_AT", "2026-11-22")
        .args(args)
        .output()
        .expect("mandat runs")
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = mandat(dir, args);
    assert!(
        out.status.success(),
        "mandat {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        let meta = std::fs::metadata(e.path()).unwrap();
        if meta.is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        if e.file_type().is_file() && e.file_name() != ".mandat.lock" {
            out.insert(
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            );
        }
    }
    out
}

/// `list members --format json` without the person ids (which a new registry may choose
/// differently).
fn members_without_ids(dir: &Path) -> Vec<serde_json::Value> {
    let text = ok(dir, &["list", "members", "--format", "json"]);
    let mut items: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    for i in &mut items {
        i.as_object_mut().unwrap().remove("person");
    }
    items
}

#[test]
fn list_members_xlsx_imports_into_a_fresh_registry_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let example = root().join("registry-example");
    let book = tmp.path().join("medlemmer.xlsx");
    ok(
        &example,
        &[
            "list",
            "members",
            "--format",
            "xlsx",
            "-o",
            book.to_str().unwrap(),
        ],
    );
    ok(tmp.path(), &["init", "ny", "--name", "Nytt register"]);
    let fresh = tmp.path().join("ny");
    // The groups and organisations come from elsewhere (`group new`, organisations.toml);
    // the members come from the workbook.
    std::fs::copy(
        example.join("organisations.toml"),
        fresh.join("organisations.toml"),
    )
    .unwrap();
    for g in std::fs::read_dir(example.join("groups")).unwrap() {
        let g = g.unwrap();
        let to = fresh.join("groups").join(g.file_name());
        std::fs::create_dir_all(&to).unwrap();
        std::fs::copy(g.path().join("group.toml"), to.join("group.toml")).unwrap();
        std::fs::write(to.join("members.toml"), "").unwrap();
    }
    ok(&fresh, &["import", "registry", book.to_str().unwrap()]);
    assert_eq!(members_without_ids(&fresh), members_without_ids(&example));
    // A second import finds everything there and changes nothing.
    let again = ok(&fresh, &["import", "registry", book.to_str().unwrap()]);
    assert!(again.contains("ingenting å endre"), "{again}");
}

/// A registry whose names start like formulas.
fn hostile_registry() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/cmd/edit/_registry"), tmp.path());
    let names = [
        ("kari-nordmann", "=HYPERLINK(\\\"http://example.com\\\")"),
        ("ola-hansen", "+47 900 00 000"),
        ("per-olsen", "-2+3"),
        ("siri-berg", "@SUM(A1:A9)"),
        ("tor-lie", "\\tTab"),
        ("ulla-dahl", "\\rCarriage"),
    ];
    for (id, name) in names {
        let path = tmp.path().join(format!("people/{id}.toml"));
        let text = std::fs::read_to_string(&path).unwrap();
        let first = text.lines().find(|l| l.starts_with("name")).unwrap();
        let text = text.replace(first, &format!("name = \"{name}\""));
        std::fs::write(&path, text).unwrap();
    }
    let orgs = tmp.path().join("organisations.toml");
    let text = std::fs::read_to_string(&orgs)
        .unwrap()
        .replace("\"Helse Bergen HF\"", "\"=cmd|' /C calc'!A0\"");
    std::fs::write(&orgs, text).unwrap();
    let meeting = tmp.path().join("groups/nkt-demo/meetings/2026-02-10.md");
    let text = std::fs::read_to_string(&meeting)
        .unwrap()
        .replace("mode = \"digital\"", "mode = \"physical\"");
    std::fs::write(&meeting, text).unwrap();
    tmp
}

fn assert_no_formula(csv_text: &str, sep: u8) {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(sep)
        .from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let mut cells = 0;
    for rec in r.records() {
        for cell in rec.unwrap().iter() {
            cells += 1;
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would run: {cell:?}\n{csv_text}"
            );
        }
    }
    assert!(cells >= 10, "{csv_text}");
}

#[test]
fn list_csv_neutralises_formulas() {
    let tmp = hostile_registry();
    for what in ["people", "members", "groups"] {
        let out = ok(tmp.path(), &["list", what, "--format", "csv"]);
        assert_no_formula(&out, b',');
        let out = ok(tmp.path(), &["list", what, "--format", "csv", "--excel"]);
        assert!(out.starts_with('\u{feff}'), "{out}");
        assert_no_formula(&out, b';');
    }
    let out = ok(tmp.path(), &["list", "people", "--format", "csv"]);
    assert!(out.contains("'=HYPERLINK"), "{out}");
    assert!(out.contains("'\tTab"), "{out}");
}

#[test]
fn expenses_csv_neutralises_formulas_including_tab_and_cr() {
    let tmp = hostile_registry();
    let args = ["expenses", "nkt-demo", "--year", "2026", "--format", "csv"];
    let out = ok(tmp.path(), &args);
    assert_no_formula(&out, b',');
    assert!(out.contains("'=cmd"), "{out}");
    assert!(out.contains("'\rCarriage"), "{out}");
}

/// The named file of an xlsx (a zip) as text.
fn xlsx_part(book: &Path, part: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(book).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(part)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn workbooks_have_dates_a_frozen_bold_header_and_a_filter() {
    let tmp = tempfile::tempdir().unwrap();
    let example = root().join("registry-example");
    let path = |n: &str| tmp.path().join(n).to_str().unwrap().to_string();
    ok(
        &example,
        &["list", "members", "--format", "xlsx", "-o", &path("m.xlsx")],
    );
    ok(
        &example,
        &[
            "expenses",
            "nkt-ms",
            "--year",
            "2025",
            "--format",
            "xlsx",
            "-o",
            &path("e.xlsx"),
        ],
    );
    ok(
        &example,
        &[
            "report",
            "region",
            "helse-nord",
            "--year",
            "2025",
            "--format",
            "xlsx",
            "-o",
            &path("r.xlsx"),
        ],
    );
    ok(
        &example,
        &[
            "--lang",
            "en",
            "list",
            "meetings",
            "--format",
            "xlsx",
            "-o",
            &path("en.xlsx"),
        ],
    );
    let sheets = |n: &str| {
        let wb = calamine::open_workbook_auto(tmp.path().join(n)).unwrap();
        wb.sheet_names()
    };
    assert_eq!(sheets("m.xlsx"), ["Medlemmer"]);
    assert_eq!(sheets("e.xlsx"), ["Utgifter", "Totalt"]);
    assert_eq!(
        sheets("r.xlsx"),
        ["Grupper", "Representanter", "Ledige plasser", "Møter"]
    );
    assert_eq!(sheets("en.xlsx"), ["Meetings"]);

    let mut wb = calamine::open_workbook_auto(tmp.path().join("m.xlsx")).unwrap();
    let range = wb.worksheet_range("Medlemmer").unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(&header[..4], ["Gruppe", "Person", "Navn", "Rolle"]);
    let appointed = header.iter().position(|h| h == "Oppnevnt").unwrap();
    let dates = range
        .rows()
        .skip(1)
        .filter(|r| matches!(r[appointed], Data::DateTime(_)))
        .count();
    assert_eq!(
        dates,
        range.height() - 1,
        "every appointment is a date cell"
    );

    for book in ["m.xlsx", "e.xlsx", "r.xlsx"] {
        let sheet = xlsx_part(&tmp.path().join(book), "xl/worksheets/sheet1.xml");
        assert!(sheet.contains("ySplit=\"1\""), "{book}: header row frozen");
        assert!(sheet.contains("<autoFilter ref="), "{book}: autofilter");
        assert!(sheet.contains("<col "), "{book}: column widths");
        let styles = xlsx_part(&tmp.path().join(book), "xl/styles.xml");
        assert!(styles.contains("<b/>"), "{book}: bold header");
    }
    let styles = xlsx_part(&tmp.path().join("m.xlsx"), "xl/styles.xml");
    assert!(styles.contains("dd.mm.yyyy"), "Norwegian dates: {styles}");
    let styles = xlsx_part(&tmp.path().join("en.xlsx"), "xl/styles.xml");
    assert!(styles.contains("yyyy-mm-dd"), "English dates: {styles}");
}

#[test]
fn a_failing_import_writes_nothing() {
    let sheets = root().join("tests/cmd/import/_registry/sheets");
    let bad = [
        "uten-rolle.csv",
        "ukjent-rolle.csv",
        "tvetydig.csv",
        "ugyldig-dato.csv",
        "sammenslatt.xlsx",
        "passord.xlsx",
        "skadet.xlsx",
        "feil-oppnevner.csv",
    ];
    for f in bad {
        let tmp = tempfile::tempdir().unwrap();
        copy_dir(&root().join("tests/cmd/import/_registry"), tmp.path());
        let before = snapshot(tmp.path());
        let file = sheets.join(f);
        let out = mandat(
            tmp.path(),
            &[
                "import",
                "members",
                file.to_str().unwrap(),
                "--group",
                "nkt-demo",
            ],
        );
        let code = out.status.code();
        assert!(code == Some(1) || code == Some(2), "{f}: exit {code:?}");
        assert_eq!(snapshot(tmp.path()), before, "{f} changed the registry");
        let out = mandat(tmp.path(), &["import", "registry", file.to_str().unwrap()]);
        assert!(!out.status.success(), "{f}: import registry succeeded");
        assert_eq!(snapshot(tmp.path()), before, "{f} changed the registry");
    }
}

#[test]
fn the_template_reads_back_with_the_headings_import_knows() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/cmd/import/_registry"), tmp.path());
    ok(tmp.path(), &["import", "template", "-o", "mal.xlsx"]);
    let mut wb = calamine::open_workbook_auto(tmp.path().join("mal.xlsx")).unwrap();
    assert_eq!(wb.sheet_names(), ["grupper", "medlemmer", "veiledning"]);
    let range = wb.worksheet_range("medlemmer").unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(&header[..3], ["gruppe", "navn", "rolle"]);
    // An empty template imports to nothing; no warning about unknown columns either.
    let out = mandat(tmp.path(), &["import", "registry", "mal.xlsx"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).is_empty(), "{out:?}");
}
