//! `--format sarif` against the official SARIF 2.1.0 JSON Schema (tests/schemas/), and what the
//! schema cannot see: every rule listed, results pointing at their rule, columns in characters.

use crate::ci_common;

use ci_common::*;
use serde_json::{Value, json};

fn sarif_validator() -> jsonschema::Validator {
    let text =
        std::fs::read_to_string(manifest_dir().join("tests/schemas/sarif-schema-2.1.0.json"))
            .expect("the vendored SARIF schema");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn schema_errors(log: &Value) -> Vec<String> {
    sarif_validator()
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn sarif(root: &std::path::Path, at: &str) -> Value {
    let out = validate(root, at, "sarif", &[]);
    serde_json::from_str(&stdout(&out)).expect("sarif output parses")
}

#[test]
fn logs_with_and_without_findings_match_the_official_schema() {
    // registry-example: clean on 2026-11-22; errors and warnings in many groups in mid-2027.
    for at in ["2026-11-22", "2027-06-22"] {
        let log = sarif(&registry_example(), at);
        assert_eq!(
            schema_errors(&log),
            Vec::<String>::new(),
            "registry-example at {at}"
        );
    }
    let log = sarif(&small_registry(), "2025-11-22");
    assert_eq!(schema_errors(&log), Vec::<String>::new());
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 3);
}

#[test]
fn the_schema_check_rejects_a_log_that_breaks_the_schema() {
    let mut log = sarif(&small_registry(), "2025-11-22");
    log["runs"][0]["results"][0]["level"] = json!("fatal");
    assert!(
        !schema_errors(&log).is_empty(),
        "a level outside the set must be refused"
    );
    let mut log = sarif(&small_registry(), "2025-11-22");
    log.as_object_mut().unwrap().remove("version");
    assert!(
        !schema_errors(&log).is_empty(),
        "a log without version must be refused"
    );
}

#[test]
fn every_rule_is_described_and_every_result_points_at_its_rule() {
    let at = "2027-06-22";
    let log = sarif(&registry_example(), at);
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let all: Vec<&str> = mandat::rule_id::RuleId::ALL
        .iter()
        .map(|r| r.as_str())
        .collect();
    assert_eq!(ids, all);
    for r in rules {
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(
                !r[key]["text"].as_str().unwrap().is_empty(),
                "{} lacks {key}",
                r["id"]
            );
        }
        let level = r["defaultConfiguration"]["level"].as_str().unwrap();
        assert!(["error", "warning", "none"].contains(&level));
    }
    // The rule that quotes the mandate carries the clause in its help.
    let one = rules
        .iter()
        .find(|r| r["id"] == "one-member-per-rhf")
        .unwrap();
    assert!(one["help"]["text"].as_str().unwrap().contains("M 2: «"));

    let results = run["results"].as_array().unwrap();
    let json = json_output(&registry_example(), at, &[]);
    let diags = json["diagnostics"].as_array().unwrap();
    assert!(diags.len() > 20, "the date is chosen to give many findings");
    assert_eq!(results.len(), diags.len());
    for (res, d) in results.iter().zip(diags) {
        let index = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], res["ruleId"]);
        assert_eq!(res["ruleId"], d["rule"]);
        assert_eq!(res["level"], d["severity"]);
        assert!(
            res["message"]["text"]
                .as_str()
                .unwrap()
                .starts_with(d["message"].as_str().unwrap())
        );
        let loc = &res["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], d["file"]);
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert_eq!(loc["region"]["startLine"], d["line"]);
        assert_eq!(loc["region"]["startColumn"], d["column"]);
        assert_eq!(res["properties"]["group"], d["group"]);
    }
}

#[test]
fn columns_count_characters_not_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let line = "registry = { name = \"Ærø – æøå\", language = \"da\" }";
    std::fs::write(dir.path().join("registry.toml"), format!("{line}\n")).unwrap();
    let log = sarif(dir.path(), "2025-01-01");
    assert_eq!(schema_errors(&log), Vec::<String>::new());
    let results = log["runs"][0]["results"].as_array().unwrap();
    let res = results
        .iter()
        .find(|r| {
            r["ruleId"] == "schema" && r["message"]["text"].as_str().unwrap().contains("language")
        })
        .expect("the language is refused");
    let byte = line.find("\"da\"").unwrap();
    let chars = line[..byte].chars().count();
    assert_ne!(
        byte, chars,
        "the line must hold multi-byte characters before the value"
    );
    let region = &res["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 1);
    assert_eq!(region["startColumn"], chars + 1);
    assert_eq!(region["endColumn"], chars + 1 + "\"da\"".len());
}
