//! The command line in Norwegian (trycmd sessions in tests/cmd/nb/): help, clap's errors and
//! the value hints, in a registry whose language is nb and with `--lang en`.

#[test]
fn cli_nb() {
    trycmd::TestCases::new()
        // Help wraps at the terminal's width; the sessions are written at 80 columns.
        .env("COLUMNS", "80")
        .case("tests/cmd/nb/*.trycmd");
}

/// No message, help or file that mandat writes points to docs/format.md: a registry does not
/// hold it. Comments in the code may.
#[test]
fn no_message_points_to_docs_format_md() {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            if code.contains("docs/format.md") {
                found.push(format!("{}:{}: {}", entry.path().display(), n + 1, code));
            }
        }
    }
    assert!(
        found.is_empty(),
        "say what to write, or name `mandat schema` / `mandat explain`:\n{}",
        found.join("\n")
    );
}
