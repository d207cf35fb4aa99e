//! `mandat schema` against the registry it describes: every file of registry-example (TOML
//! files, and the front matter of .md files) matches its kind's schema, as Taplo would read it
//! (a TOML date as a string), and a wrong type anywhere is refused. Also what `init` and
//! `schema --taplo` write for editors.

use crate::ci_common;

use std::collections::BTreeMap;
use std::path::Path;

use ci_common::*;
use mandat::json_schema::{KINDS, generate, kind};
use mandat::registry::frontmatter::{Split, split};
use serde_json::{Value, json};

/// A TOML document as Taplo hands it to the JSON Schema validator: dates become strings.
fn to_json(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => json!(s),
        toml::Value::Integer(i) => json!(i),
        toml::Value::Float(f) => json!(f),
        toml::Value::Boolean(b) => json!(b),
        toml::Value::Datetime(d) => json!(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}

fn toml_to_json(text: &str) -> Value {
    to_json(&toml::Value::Table(
        text.parse::<toml::Table>()
            .expect("registry-example is valid TOML"),
    ))
}

/// The kind of a registry file by its path, or `None` for files that are not data (README.md).
fn classify(rel: &str) -> Option<&'static str> {
    let parts: Vec<&str> = rel.split('/').collect();
    match parts[..] {
        ["registry.toml"] => Some("registry"),
        ["organisations.toml"] => Some("organisations"),
        ["people", f] if f.ends_with(".toml") => Some("person"),
        ["groups", _, "group.toml"] => Some("group"),
        ["groups", _, "members.toml"] => Some("members"),
        ["groups", _, "meetings", f] if f.ends_with(".md") => Some("meeting"),
        ["groups", _, "reports", _, "feedback.md"] => Some("feedback"),
        ["groups", _, "reports", _, f] if f.ends_with(".md") => Some("section"),
        _ => None,
    }
}

/// The data of a file: the whole TOML file, or the front matter of a .md file.
fn data_of(path: &Path, front_matter: bool) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    if !front_matter {
        return toml_to_json(&text);
    }
    match split(&text, 0) {
        Split::Parts { front, .. } => toml_to_json(&text[front]),
        other => panic!("{} has no front matter: {other:?}", path.display()),
    }
}

fn validator(kind_name: &str) -> jsonschema::Validator {
    let schema = generate(kind(kind_name).unwrap());
    assert!(
        jsonschema::draft7::meta::is_valid(&schema),
        "{kind_name} is a draft-07 schema"
    );
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

/// Every data file of registry-example, with its kind, sorted by path.
fn example_files() -> Vec<(String, &'static str, Value)> {
    let root = registry_example();
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if let Some(k) = classify(&rel) {
            let front = kind(k).unwrap().front_matter;
            files.push((rel, k, data_of(entry.path(), front)));
        }
    }
    files
}

#[test]
fn every_file_of_registry_example_matches_its_schema() {
    let validators: BTreeMap<&str, jsonschema::Validator> =
        KINDS.iter().map(|k| (k.name, validator(k.name))).collect();
    let mut per_kind: BTreeMap<&str, usize> = BTreeMap::new();
    let mut problems = Vec::new();
    for (rel, k, data) in example_files() {
        *per_kind.entry(k).or_default() += 1;
        for e in validators[k].iter_errors(&data) {
            problems.push(format!("{rel}: {e} at {}", e.instance_path()));
        }
    }
    assert_eq!(problems, Vec::<String>::new());
    for k in &KINDS {
        assert!(
            per_kind.get(k.name).copied().unwrap_or(0) > 0,
            "no {} file was checked",
            k.name
        );
    }
    assert!(per_kind.values().sum::<usize>() > 200);
}

/// The keys of a document and of the first element of each array of tables, as JSON pointers.
fn field_pointers(data: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for (key, value) in data.as_object().unwrap() {
        out.push(format!("/{key}"));
        match value {
            Value::Object(inner) => out.extend(inner.keys().map(|k| format!("/{key}/{k}"))),
            Value::Array(items) => {
                if let Some(Value::Object(first)) = items.first() {
                    out.extend(first.keys().map(|k| format!("/{key}/0/{k}")));
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn a_wrong_type_an_unknown_field_and_a_value_outside_its_set_are_refused() {
    let files = example_files();
    for k in &KINDS {
        let v = validator(k.name);
        // The richest file of the kind: the one with the most fields.
        let (rel, _, data) = files
            .iter()
            .filter(|(_, kind, _)| *kind == k.name)
            .max_by_key(|(_, _, d)| field_pointers(d).len())
            .unwrap();
        assert!(v.is_valid(data));
        // No field of any kind takes a boolean: putting one anywhere must be refused.
        for pointer in field_pointers(data) {
            let mut wrong = data.clone();
            *wrong.pointer_mut(&pointer).unwrap() = json!(true);
            assert!(
                !v.is_valid(&wrong),
                "{rel}: a boolean at {pointer} was accepted"
            );
        }
        let mut unknown = data.clone();
        unknown
            .as_object_mut()
            .unwrap()
            .insert("nmae".into(), json!("x"));
        assert!(
            !v.is_valid(&unknown),
            "{rel}: an unknown field was accepted"
        );
    }
    // Types that strings could pass for: a date must look like one, an enum must be in its set.
    let person = validator("person");
    assert!(person.is_valid(&json!({ "name": "Kari", "gender": "female" })));
    assert!(!person.is_valid(&json!({ "name": "Kari", "gender": "kvinne" })));
    assert!(
        !person.is_valid(&json!({ "gender": "female" })),
        "name is required"
    );
    let group = validator("group");
    let ok = json!({ "name": "G", "profile": "national-service", "established": "2019-05-01" });
    assert!(group.is_valid(&ok));
    for (field, value) in [
        ("established", json!("2019-13-01")),
        ("established", json!(2019)),
        ("host", json!("helse-bergen")),
        ("profile", json!("national")),
        ("rules", json!({ "gender-balanse": "off" })),
        ("rules", json!({ "gender-balance": "of" })),
    ] {
        let mut wrong = ok.clone();
        wrong[field] = value.clone();
        assert!(
            !group.is_valid(&wrong),
            "group with {field} = {value} was accepted"
        );
    }
    let registry = validator("registry");
    assert!(registry.is_valid(&json!({ "registry": { "name": "R", "report-due": "02-10" } })));
    assert!(!registry.is_valid(&json!({ "registry": { "name": "R", "report-due": "2-10" } })));
    assert!(!registry.is_valid(&json!({ "registry": { "name": "R", "vacancy-grace-days": -1 } })));
    let organisations = validator("organisations");
    let org = |n: &str| json!({ "organisation": [{ "id": "unn", "name": "UNN", "kind": "hf", "org-number": n }] });
    assert!(organisations.is_valid(&org("983974899")));
    assert!(!organisations.is_valid(&org("98397489")));
}

#[test]
fn schema_prints_what_schema_out_writes() {
    let dir = tempfile::tempdir().unwrap();
    let out = mandat()
        .args(["schema", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let all: Value =
        serde_json::from_slice(&mandat().arg("schema").output().unwrap().stdout).unwrap();
    for k in &KINDS {
        let written =
            std::fs::read_to_string(dir.path().join(format!("{}.schema.json", k.name))).unwrap();
        let one = mandat().args(["schema", k.name]).output().unwrap();
        assert_eq!(written, String::from_utf8(one.stdout).unwrap());
        assert_eq!(
            serde_json::from_str::<Value>(&written).unwrap(),
            all[k.name]
        );
    }
}

#[test]
fn init_sets_up_taplo_and_the_registry_stays_clean() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("reg");
    let out = mandat().arg("init").arg(&root).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout(&out).contains(".taplo.toml"));
    let taplo: toml::Table = std::fs::read_to_string(root.join(".taplo.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let rules = taplo["rule"].as_array().unwrap();
    let toml_kinds: Vec<_> = KINDS.iter().filter(|k| !k.front_matter).collect();
    assert_eq!(rules.len(), toml_kinds.len());
    for (rule, k) in rules.iter().zip(&toml_kinds) {
        assert_eq!(
            rule["include"].as_array().unwrap()[0].as_str(),
            Some(k.files)
        );
        let path = rule["schema"]["path"].as_str().unwrap();
        let written = std::fs::read_to_string(root.join(path)).unwrap();
        assert_eq!(
            serde_json::from_str::<Value>(&written).unwrap(),
            generate(k)
        );
    }
    // The editor files are not registry data: the new registry is still clean.
    let json = json_output(&root, "2026-11-22", &[]);
    assert_eq!(json["diagnostics"], json!([]));
}

#[test]
fn schema_taplo_refreshes_the_schemas_and_keeps_an_edited_taplo_file() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&small_registry(), dir.path());
    let out = mandat()
        .args(["schema", "--taplo", "-r"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(dir.path().join(".schemas/members.schema.json").exists());
    let edited = "# my own settings\n";
    std::fs::write(dir.path().join(".taplo.toml"), edited).unwrap();
    std::fs::write(dir.path().join(".schemas/person.schema.json"), "{}").unwrap();
    let out = mandat()
        .args(["schema", "--taplo", "-r"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(stdout(&out).contains("exists already"), "{}", stdout(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".taplo.toml")).unwrap(),
        edited
    );
    let person = std::fs::read_to_string(dir.path().join(".schemas/person.schema.json")).unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&person).unwrap(),
        generate(kind("person").unwrap())
    );
}
