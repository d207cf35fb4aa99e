//! Golden tests of what coordinators send: `mandat due` (every format, both languages), `report
//! kickoff` and `mandat letter`, on registry-example and on the
//! registry with gaps (tests/fixtures/report-gaps). Regenerate with
//! `TRYCMD=overwrite cargo test --test cli`.

#[test]
fn cli_due() {
    trycmd::TestCases::new().case("tests/cmd/due/*.trycmd");
}

#[test]
fn cli_letter() {
    trycmd::TestCases::new().case("tests/cmd/letter/*.trycmd");
}

/// `report kickoff` on a copy of a registry (`<case>.in`); `<case>.out` holds the files that
/// must look exactly so afterwards.
#[test]
fn cli_kickoff() {
    trycmd::TestCases::new()
        .register_bin(
            "mandat",
            std::path::PathBuf::from(env!("CARGO_BIN_EXE_mandat")),
        )
        .env("NO_COLOR", "1")
        .env("MANDAT_AT", "2026-03-01")
        .case("tests/cmd/kickoff/*.md");
}

/// The json is exactly the shape of cli.md: `at`, and `items` whose keys are the contract's.
#[test]
fn due_json_has_the_contract_shape() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mandat"))
        .args(["-r", "tests/fixtures/report-gaps", "--at", "2026-03-01"])
        .args(["due", "--within", "400", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let top: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(top, ["at", "items"]);
    assert_eq!(v["at"], "2026-03-01");
    let items = v["items"].as_array().unwrap();
    assert!(!items.is_empty());
    let kinds = [
        "report-section",
        "feedback",
        "meeting",
        "milestone-meeting",
        "term-end",
        "notification",
        "vacancy",
        "input",
    ];
    let allowed = [
        "group",
        "kind",
        "due",
        "overdue",
        "region",
        "year",
        "who",
        "person",
        "milestone",
    ];
    let mut last: Option<(String, String, String)> = None;
    for item in items {
        let o = item.as_object().unwrap();
        for k in o.keys() {
            assert!(allowed.contains(&k.as_str()), "unexpected key {k}");
        }
        for k in ["group", "kind", "due", "overdue"] {
            assert!(o.contains_key(k), "missing {k} in {item}");
        }
        let kind = o["kind"].as_str().unwrap();
        assert!(kinds.contains(&kind));
        let due = o["due"].as_str().unwrap().to_string();
        assert_eq!(o["overdue"].as_bool().unwrap(), due.as_str() < "2026-03-01");
        let key = (
            due,
            o["group"].as_str().unwrap().to_string(),
            kind.to_string(),
        );
        if let Some(prev) = &last {
            assert!(*prev <= key, "not sorted: {prev:?} before {key:?}");
        }
        last = Some(key);
        if kind == "report-section" {
            assert!(o.contains_key("region") && o.contains_key("year"));
        }
    }
    // Nothing later than --at + --within.
    assert!(
        items
            .iter()
            .all(|i| i["due"].as_str().unwrap() <= "2027-04-05")
    );
}

/// The console blocks of a trycmd file: (command line, output lines).
fn blocks(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut current: Option<(String, Vec<String>)> = None;
    let mut inside = false;
    for line in text.lines() {
        if line.starts_with("```") {
            if inside && let Some(b) = current.take() {
                out.push(b);
            }
            inside = !inside;
            continue;
        }
        if !inside {
            continue;
        }
        if let Some(cmd) = line.strip_prefix("$ ") {
            if let Some(b) = current.take() {
                out.push(b);
            }
            current = Some((cmd.to_string(), Vec::new()));
        } else if let Some((_, lines)) = current.as_mut() {
            lines.push(line.to_string());
        }
    }
    out
}

/// `name@host.tld` somewhere in the line (calendar UIDs end in `@mandat`, without a dot).
fn has_email(line: &str) -> bool {
    line.split(|c: char| c.is_whitespace() || "<>()[],;:\"'«»".contains(c))
        .any(|w| {
            w.split_once('@').is_some_and(|(user, host)| {
                !user.is_empty()
                    && user
                        .chars()
                        .all(|c| c.is_alphanumeric() || "._-+".contains(c))
                    && host.contains('.')
                    && host
                        .chars()
                        .all(|c| c.is_alphanumeric() || ".-".contains(c))
            })
        })
}

/// No letter, no `due` list and no report (md, html) in the golden outputs holds an e-mail address, a phone number, a
/// rule id or a file path, unless the command asked for contact details; refusals (exit 1 or 2)
/// may name files.
#[test]
fn outputs_show_no_contact_rule_ids_or_paths() {
    let rule_ids: Vec<&str> = mandat::rule_id::RuleId::ALL
        .iter()
        .map(|r| r.as_str())
        .collect();
    let mut checked = 0;
    for dir in ["tests/cmd/letter", "tests/cmd/due"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "trycmd") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (cmd, lines) in blocks(&text) {
                if cmd.contains("--include-contact") || lines.iter().any(|l| l.starts_with("? ")) {
                    continue;
                }
                checked += 1;
                for l in &lines {
                    let where_ = format!("{}: `{cmd}`: {l}", path.display());
                    assert!(!has_email(l), "e-mail in {where_}");
                    let digits = l.chars().filter(|c| c.is_ascii_digit()).count();
                    assert!(
                        !(l.contains("+47") || (digits >= 8 && l.contains("900"))),
                        "phone in {where_}"
                    );
                    for needle in ["groups/", "reports/", ".toml", ".md ", "people/"] {
                        assert!(!l.contains(needle), "file path in {where_}");
                    }
                    for id in &rule_ids {
                        // A rule id is kebab-case; look for it as a whole word.
                        let hit = l
                            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                            .any(|w| w == *id);
                        assert!(!hit, "rule id {id} in {where_}");
                    }
                }
            }
        }
    }
    // The reports' goldens (md and html; json is the data, with its files, by design).
    let rule_ids = &rule_ids;
    for entry in std::fs::read_dir("tests/cmd/report").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let report = ["annual", "region", "inputs"]
            .iter()
            .any(|k| name.contains(k));
        let text_format = name.ends_with("md.stdout") || name.ends_with("html.stdout");
        if !report || !text_format || name.contains("contact") || name.contains("details") {
            continue;
        }
        checked += 1;
        for l in std::fs::read_to_string(&path).unwrap().lines() {
            let where_ = format!("{name}: {l}");
            assert!(!has_email(l), "e-mail in {where_}");
            assert!(!l.contains("+47"), "phone in {where_}");
            for needle in ["groups/", "reports/20", ".toml", "people/"] {
                assert!(!l.contains(needle), "file path in {where_}");
            }
            for id in rule_ids {
                let hit = l
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                    .any(|w| w == *id);
                assert!(!hit, "rule id {id} in {where_}");
            }
        }
    }
    assert!(checked > 20, "only {checked} outputs were checked");
    assert!(has_email("skriv til kari.nordmann@example.no i dag"));
    assert!(!has_email("UID:nkt-ms/due/input@mandat"));
}

/// A letter as Word: a real heading style, the table of the seats with a header row repeated.
#[test]
fn a_letter_in_word_has_heading_styles_and_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("konstituert.docx");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mandat"))
        .args(["-r", "registry-example", "--at", "2026-11-22"])
        .args(["letter", "constituted", "nkt-ms", "--format", "docx", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&file).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains(r#"<w:pStyle w:val="Heading1"/>"#));
    assert!(xml.contains("<w:tbl>"));
    assert!(xml.contains("Silje Pedersen"));
    assert!(!xml.contains('@'));
}
