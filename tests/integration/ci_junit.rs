//! `--format junit`, parsed back with an XML reader: well-formed, the shape GitLab and other
//! JUnit readers expect (testsuites > testsuite > properties, testcase > failure | system-out),
//! counts that add up, and escaping that round-trips whatever a message holds.

use crate::ci_common;

use std::collections::BTreeMap;

use ci_common::*;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

#[derive(Debug, Default)]
struct Element {
    name: String,
    attrs: BTreeMap<String, String>,
    children: Vec<Element>,
    text: String,
}

impl Element {
    fn all(&self, name: &str) -> Vec<&Element> {
        self.children.iter().filter(|c| c.name == name).collect()
    }

    fn one(&self, name: &str) -> &Element {
        let found = self.all(name);
        assert_eq!(found.len(), 1, "exactly one <{name}> in <{}>", self.name);
        found[0]
    }

    fn attr(&self, name: &str) -> &str {
        self.attrs
            .get(name)
            .unwrap_or_else(|| panic!("<{}> lacks {name}", self.name))
    }

    fn count(&self, name: &str) -> usize {
        self.attr(name).parse().expect("a count")
    }
}

fn element(e: &BytesStart<'_>) -> Element {
    let name = e.name().as_ref().to_string();
    let attrs = e
        .attributes()
        .map(|a| {
            let a = a.expect("a well-formed attribute");
            let key = a.key.as_ref().to_string();
            let value = a
                .normalized_value(XmlVersion::Implicit1_0)
                .expect("escaped value");
            (key, value.into_owned())
        })
        .collect();
    Element {
        name,
        attrs,
        ..Element::default()
    }
}

/// Parses a whole document; panics on anything that is not well-formed.
fn parse(xml: &str) -> Element {
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Element::default()];
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(element(&e)),
            Event::Empty(e) => stack.last_mut().unwrap().children.push(element(&e)),
            Event::End(_) => {
                let done = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(done);
            }
            Event::Text(t) => stack.last_mut().unwrap().text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().expect("a valid character reference") {
                    Some(c) => c,
                    None => match &*r.xml10_content() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("unknown entity &{other};"),
                    },
                };
                stack.last_mut().unwrap().text.push(c);
            }
            Event::Decl(_) => {}
            Event::Eof => break,
            other => panic!("unexpected {other:?}"),
        }
    }
    let mut top = stack.pop().unwrap();
    assert!(stack.is_empty(), "every element is closed");
    assert_eq!(top.children.len(), 1, "one root element");
    top.children.pop().unwrap()
}

/// What XML 1.0 can hold of a text: characters it cannot are shown as U+FFFD.
fn xml_safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c < ' ' && !matches!(c, '\t' | '\n' | '\r') {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

fn junit(root: &std::path::Path, at: &str, extra: &[&str]) -> Element {
    parse(&stdout(&validate(root, at, "junit", extra)))
}

/// Checks the shape and the counts against the JSON output of the same run.
fn check_against_json(
    root: &std::path::Path,
    at: &str,
    extra: &[&str],
    deny_warnings: bool,
) -> Element {
    let report = junit(root, at, extra);
    let json = json_output(root, at, extra);
    let summary = &json["summary"];
    assert_eq!(report.name, "testsuites");
    let suite = report.one("testsuite");
    let props: BTreeMap<&str, &str> = suite
        .one("properties")
        .all("property")
        .iter()
        .map(|p| (p.attr("name"), p.attr("value")))
        .collect();
    assert_eq!(props["errors"], summary["errors"].to_string());
    assert_eq!(props["warnings"], summary["warnings"].to_string());
    assert_eq!(props["files"], summary["files"].to_string());

    let cases = suite.all("testcase");
    assert_eq!(suite.count("tests"), cases.len());
    assert_eq!(report.count("tests"), cases.len());
    let failed = cases
        .iter()
        .filter(|c| !c.all("failure").is_empty())
        .count();
    assert_eq!(suite.count("failures"), failed);
    assert_eq!(report.count("failures"), failed);
    assert_eq!(suite.count("errors"), 0);

    let failures: Vec<&Element> = cases.iter().flat_map(|c| c.all("failure")).collect();
    let diags = json["diagnostics"].as_array().unwrap();
    let failing: Vec<&serde_json::Value> = diags
        .iter()
        .filter(|d| deny_warnings || d["severity"] == "error")
        .collect();
    assert_eq!(failures.len(), failing.len());
    for d in &failing {
        let case_name = d["group"].as_str().unwrap_or("registry");
        let case = cases
            .iter()
            .find(|c| c.attr("name") == case_name)
            .expect("a case per group");
        let message = &xml_safe(d["message"].as_str().unwrap());
        assert!(
            case.all("failure")
                .iter()
                .any(|f| f.attr("type") == d["rule"]
                    && f.attr("message") == message
                    && f.text.contains(message)),
            "no failure for {d}"
        );
    }
    for case in &cases {
        assert!(["mandat.registry", "mandat.group"].contains(&case.attr("classname")));
        assert!(case.attr("file").ends_with(".toml"));
        let warnings = diags.iter().filter(|d| {
            d["severity"] == "warning"
                && d["group"].as_str().unwrap_or("registry") == case.attr("name")
        });
        let outputs = case.all("system-out");
        if deny_warnings {
            assert!(outputs.is_empty());
            continue;
        }
        let text = outputs.first().map_or("", |o| o.text.as_str());
        let mut n = 0;
        for w in warnings {
            n += 1;
            let message = xml_safe(w["message"].as_str().unwrap());
            assert!(text.contains(&message), "warning {w} not in system-out");
        }
        assert_eq!(outputs.len(), usize::from(n > 0));
    }
    report
}

#[test]
fn a_clean_registry_gives_one_passing_case_per_group_and_one_for_the_registry() {
    let report = check_against_json(&registry_example(), "2026-11-22", &[], false);
    let suite = report.one("testsuite");
    let names: Vec<&str> = suite
        .all("testcase")
        .iter()
        .map(|c| c.attr("name"))
        .collect();
    let mut groups: Vec<String> = std::fs::read_dir(registry_example().join("groups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    groups.sort();
    let mut expected = vec!["registry".to_string()];
    expected.extend(groups);
    assert_eq!(names, expected);
    assert_eq!(suite.count("failures"), 0);
    assert!(suite.all("testcase").iter().all(|c| c.children.is_empty()));
}

#[test]
fn errors_are_failures_and_warnings_system_out() {
    let report = check_against_json(&registry_example(), "2027-06-22", &[], false);
    assert!(report.count("failures") > 0);
    check_against_json(&small_registry(), "2025-11-22", &[], false);
}

#[test]
fn deny_warnings_makes_warnings_failures() {
    let report = check_against_json(
        &registry_example(),
        "2027-06-22",
        &["--deny-warnings"],
        true,
    );
    let json = json_output(&registry_example(), "2027-06-22", &[]);
    let all = json["diagnostics"].as_array().unwrap().len();
    let failures: usize = report
        .one("testsuite")
        .all("testcase")
        .iter()
        .map(|c| c.all("failure").len())
        .sum();
    assert_eq!(failures, all);
}

#[test]
fn only_the_groups_asked_for_have_cases() {
    let report = check_against_json(
        &registry_example(),
        "2027-06-22",
        &["--group", "nkt-ms"],
        false,
    );
    let names: Vec<&str> = report
        .one("testsuite")
        .all("testcase")
        .iter()
        .map(|c| c.attr("name"))
        .collect();
    assert_eq!(names, ["registry", "nkt-ms"]);
}

#[test]
fn markup_and_control_characters_in_messages_stay_well_formed() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&small_registry(), dir.path());
    // A quoted key may hold anything; the unknown-field message repeats it.
    let person = dir.path().join("people/per-olsen.toml");
    let mut text = std::fs::read_to_string(&person).unwrap();
    text.push_str("\"<b>&amp;\\\"x'\" = 1\n\"bell\\u0007\\r\\n\" = 2\n");
    std::fs::write(&person, text).unwrap();
    let xml = stdout(&validate(dir.path(), "2025-11-22", "junit", &[]));
    assert!(
        !xml.contains('\u{7}'),
        "a control character XML cannot hold is replaced"
    );
    let report = check_against_json(dir.path(), "2025-11-22", &[], false);
    let registry = report.one("testsuite").all("testcase")[0];
    let messages: Vec<&str> = registry
        .all("failure")
        .iter()
        .map(|f| f.attr("message"))
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("`<b>&amp;\"x'`")),
        "markup round-trips: {messages:?}"
    );
    // Control characters in a quoted value reach the report escaped, never raw.
    assert!(
        messages
            .iter()
            .any(|m| m.contains("bell\\u{7}\\u{d}\\u{a}")),
        "{messages:?}"
    );
}
