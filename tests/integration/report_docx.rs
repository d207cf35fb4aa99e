//! The `.docx` reports: a real OOXML package (content types, relationships, styles with headings
//! and a table style) whose `word/document.xml` is golden-tested, and byte-identical on re-export.

use std::io::Read;
use std::process::Command;

fn docx(registry: &str, at: &str, args: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.docx");
    let out = Command::new(env!("CARGO_BIN_EXE_mandat"))
        .args(["-r", registry, "--at", at])
        .args(args)
        .args(["--format", "docx", "-o"])
        .arg(&path)
        .output()
        .expect("mandat runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read(&path).expect("the .docx was written")
}

fn entry(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut f = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the package"));
    let mut s = String::new();
    f.read_to_string(&mut s).expect("UTF-8 XML");
    s
}

/// Checks that every element opened is closed, in order (a small well-formedness check).
fn assert_balanced(xml: &str) {
    let mut stack: Vec<String> = Vec::new();
    for part in xml.split('<').skip(1) {
        let tag = part.split('>').next().expect("tag");
        if tag.starts_with('?') || tag.ends_with('/') {
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_string();
        if tag.starts_with('/') {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name.as_str()),
                "unbalanced </{name}>"
            );
        } else {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

/// One block element a line, for a readable snapshot.
fn pretty(xml: &str) -> String {
    xml.replace("<w:p>", "\n<w:p>")
        .replace("<w:p/>", "\n<w:p/>")
        .replace("<w:tbl>", "\n<w:tbl>")
        .replace("<w:tr>", "\n<w:tr>")
        .replace("<w:sectPr>", "\n<w:sectPr>")
}

fn check_package(bytes: &[u8]) -> String {
    let types = entry(bytes, "[Content_Types].xml");
    assert!(types.contains("/word/document.xml") && types.contains("/word/styles.xml"));
    assert!(entry(bytes, "_rels/.rels").contains("Target=\"word/document.xml\""));
    assert!(entry(bytes, "word/_rels/document.xml.rels").contains("Target=\"styles.xml\""));
    let styles = entry(bytes, "word/styles.xml");
    for id in [
        "Heading1",
        "Heading2",
        "Heading3",
        "TableGrid",
        "ListParagraph",
    ] {
        assert!(
            styles.contains(&format!("w:styleId=\"{id}\"")),
            "style {id}"
        );
    }
    assert_balanced(&styles);
    let doc = entry(bytes, "word/document.xml");
    assert_balanced(&doc);
    doc
}

#[test]
fn annual_report_docx_example() {
    let bytes = docx(
        "registry-example",
        "2026-11-22",
        &["report", "annual", "nkt-ms", "--year", "2025"],
    );
    let doc = check_package(&bytes);
    assert!(doc.contains(
        "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Årsrapport 2025: "
    ));
    assert!(doc.contains("<w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Regionale deler</w:t>"));
    assert!(
        doc.matches("<w:tbl>").count() >= 3,
        "composition, meetings and inputs are tables"
    );
    insta::assert_snapshot!("annual_nkt_ms_2025_document_xml", pretty(&doc));
    let again = docx(
        "registry-example",
        "2026-11-22",
        &["report", "annual", "nkt-ms", "--year", "2025"],
    );
    assert_eq!(bytes, again, "re-export gives the same bytes");
}

#[test]
fn annual_report_docx_gaps() {
    let bytes = docx(
        "tests/fixtures/report-gaps",
        "2026-03-01",
        &["report", "annual", "nkt-hull", "--year", "2025"],
    );
    let doc = check_package(&bytes);
    assert!(
        doc.contains("&lt;script&gt;"),
        "raw HTML from minutes is plain text"
    );
    assert!(!doc.contains("<script"));
    assert!(doc.contains("Mangler"));
    insta::assert_snapshot!("annual_nkt_hull_2025_document_xml", pretty(&doc));
}

#[test]
fn region_and_inputs_docx() {
    let region = docx(
        "registry-example",
        "2026-11-22",
        &["report", "region", "helse-nord", "--year", "2025"],
    );
    let doc = check_package(&region);
    insta::assert_snapshot!("region_helse_nord_2025_document_xml", pretty(&doc));
    let inputs = docx(
        "registry-example",
        "2026-11-22",
        &["report", "inputs", "senja-omstilling"],
    );
    let doc = check_package(&inputs);
    insta::assert_snapshot!("inputs_senja_document_xml", pretty(&doc));
    let gaps = docx(
        "tests/fixtures/report-gaps",
        "2026-03-01",
        &["report", "region", "helse-midt-norge", "--year", "2025"],
    );
    let doc = check_package(&gaps);
    insta::assert_snapshot!("region_gaps_midt_2025_document_xml", pretty(&doc));
    let gaps = docx(
        "tests/fixtures/report-gaps",
        "2026-03-01",
        &["report", "inputs", "nkt-hull"],
    );
    let doc = check_package(&gaps);
    assert!(doc.contains("&lt;svg onload=alert(1)&gt;"));
    insta::assert_snapshot!("inputs_gaps_document_xml", pretty(&doc));
}

#[test]
fn the_balance_check_catches_broken_xml() {
    assert!(std::panic::catch_unwind(|| assert_balanced("<a><b></a></b>")).is_err());
    assert!(std::panic::catch_unwind(|| assert_balanced("<a>")).is_err());
    assert_balanced("<?xml version=\"1.0\"?><a><b/><c>x</c></a>");
}

/// Every table's cells, from document.xml: for each table, the column widths and, per cell, its
/// column and words (with whether they are bold, as a header row is).
/// One table: its column widths, and each word of each cell with its column and boldness.
type Table = (Vec<usize>, Vec<(usize, String, bool)>);

fn tables(xml: &str) -> Vec<Table> {
    let mut out = Vec::new();
    for table in xml.split("<w:tbl>").skip(1) {
        let table = table.split("</w:tbl>").next().unwrap_or("");
        let widths: Vec<usize> = table
            .split("<w:gridCol w:w=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap().parse().unwrap())
            .collect();
        let mut cells = Vec::new();
        for row in table.split("<w:tr>").skip(1) {
            let head = row.starts_with("<w:trPr><w:tblHeader/>");
            for (col, cell) in row.split("<w:tc>").skip(1).enumerate() {
                let text: String = cell
                    .split("<w:t xml:space=\"preserve\">")
                    .skip(1)
                    .map(|t| t.split("</w:t>").next().unwrap_or(""))
                    .collect::<Vec<_>>()
                    .join("");
                let text = text
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">");
                let bold = head || cell.contains("<w:b/>");
                for word in text.split_whitespace() {
                    cells.push((col, word.to_string(), bold));
                }
            }
        }
        out.push((widths, cells));
    }
    out
}

/// The rule the columns are sized by: no word in a cell is wider than its column at the
/// template's font size (Calibri/Carlito 11 pt, `text_width`), so that Word never breaks a word
/// or a date; checked for every table of the example's reports and letters, where it must hold.
#[test]
fn no_word_is_wider_than_its_column() {
    let cases: &[&[&str]] = &[
        &["report", "annual", "nkt-ms", "--year", "2025"],
        &["report", "annual", "senja-omstilling", "--year", "2025"],
        &["report", "region", "helse-nord", "--year", "2025"],
        &["report", "inputs", "senja-omstilling"],
        &[
            "--lang", "en", "report", "annual", "nkt-ms", "--year", "2025",
        ],
        &["letter", "constituted", "nkt-ms"],
    ];
    let mut checked = 0;
    for args in cases {
        let xml = entry(
            &docx("registry-example", "2026-11-22", args),
            "word/document.xml",
        );
        for (widths, cells) in tables(&xml) {
            let margins = mandat::report::docx::CELL_MARGINS;
            let need = |w: &str, bold: bool| mandat::report::docx::text_width(w, bold);
            // When even the widest words do not fit on the page side by side, only the widest
            // columns give way: a word may break there, at the table's widest column, and only
            // there.
            let mut widest = vec![0; widths.len()];
            for (col, word, bold) in &cells {
                widest[*col] = widest[*col].max(need(word, *bold) + margins);
            }
            let fits = widest.iter().sum::<usize>() <= 11906 - 2 * 1134;
            let cap = widths.iter().copied().max().unwrap_or(0);
            for (col, word, bold) in cells {
                let room = widths[col] - margins;
                let n = need(&word, bold);
                assert!(
                    n <= room || (!fits && widths[col] == cap),
                    "{args:?}: «{word}» needs {n} twips, column {col} has {room}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 200, "only {checked} words checked");
}
