//! `--format junit`: a JUnit XML report, for GitLab's test report (`artifacts:reports:junit`)
//! and other CI services that read JUnit.
//!
//! One `<testcase>` per group (named by its id, `file` its group.toml) and one named `registry`
//! for what concerns no group (registry.toml, organisations.toml, people/). A test case fails
//! with one `<failure>` per error; warnings do not fail it and are listed in its `<system-out>`,
//! unless `--deny-warnings` is given, which makes them failures too (as the exit code does).
//! `tests` counts test cases and `failures` the test cases that failed, as JUnit defines them;
//! the numbers of errors, warnings and files read are `<properties>` of the test suite.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::ci::{CiOptions, full_text};
use super::{Diagnostic, Located, Severity, Summary};
use crate::source::SourceFile;
use crate::xml::{Xml, escape};

/// The test case of diagnostics that concern no group.
pub const REGISTRY_CASE: &str = "registry";

struct Case<'a> {
    name: &'a str,
    classname: &'static str,
    file: String,
    failures: Vec<Located<'a>>,
    output: Vec<Located<'a>>,
}

/// The report. `groups` are the ids of the groups checked; a diagnostic of another group (a
/// folder whose name is not a valid id) gets a test case of its own.
pub fn render(
    diags: &[Diagnostic],
    files: &[SourceFile],
    groups: &[&str],
    summary: Summary,
    opts: &CiOptions,
) -> String {
    let mut cases: BTreeMap<Option<&str>, Case<'_>> = BTreeMap::new();
    cases.insert(None, new_case(None, opts));
    for g in groups {
        cases.insert(Some(g), new_case(Some(g), opts));
    }
    for d in diags {
        let group = d.group.as_deref();
        let c = cases.entry(group).or_insert_with(|| new_case(group, opts));
        let fails = d.severity == Severity::Error || opts.deny_warnings;
        let located = d.locate(files);
        if fails {
            c.failures.push(located);
        } else {
            c.output.push(located);
        }
    }
    let tests = cases.len();
    let failed = cases.values().filter(|c| !c.failures.is_empty()).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"mandat validate\" tests=\"{tests}\" failures=\"{failed}\" errors=\"0\" skipped=\"0\">"
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"mandat validate\" tests=\"{tests}\" failures=\"{failed}\" errors=\"0\" skipped=\"0\">"
    );
    out.push_str("    <properties>\n");
    for (name, value) in [
        ("errors", summary.errors),
        ("warnings", summary.warnings),
        ("files", summary.files),
    ] {
        let _ = writeln!(out, "      <property name=\"{name}\" value=\"{value}\"/>");
    }
    out.push_str("    </properties>\n");
    for c in cases.values() {
        render_case(&mut out, c, opts);
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

fn new_case<'a>(group: Option<&'a str>, opts: &CiOptions) -> Case<'a> {
    match group {
        None => Case {
            name: REGISTRY_CASE,
            classname: "mandat.registry",
            file: opts.path("registry.toml"),
            failures: Vec::new(),
            output: Vec::new(),
        },
        Some(g) => Case {
            name: g,
            classname: "mandat.group",
            file: opts.path(&format!("groups/{g}/group.toml")),
            failures: Vec::new(),
            output: Vec::new(),
        },
    }
}

/// `severity[rule] file:line:col`, then the message, notes and help.
fn describe(l: &Located<'_>, opts: &CiOptions) -> String {
    let place = match (l.line, l.column) {
        (Some(line), Some(col)) => format!("{}:{line}:{col}", opts.path(&l.file)),
        _ => opts.path(&l.file),
    };
    format!(
        "{}[{}] {place}\n{}",
        l.diag.severity.as_str(),
        l.diag.rule,
        full_text(l.diag, opts.lang)
    )
}

fn render_case(out: &mut String, c: &Case<'_>, opts: &CiOptions) {
    let _ = write!(
        out,
        "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\"",
        attr(c.name),
        c.classname,
        attr(&c.file)
    );
    if c.failures.is_empty() && c.output.is_empty() {
        out.push_str("/>\n");
        return;
    }
    out.push_str(">\n");
    for l in &c.failures {
        let _ = writeln!(
            out,
            "      <failure type=\"{}\" message=\"{}\">{}</failure>",
            l.diag.rule,
            attr(l.diag.message.get(opts.lang)),
            text(&describe(l, opts))
        );
    }
    if !c.output.is_empty() {
        let lines: Vec<String> = c.output.iter().map(|l| describe(l, opts)).collect();
        let _ = writeln!(
            out,
            "      <system-out>{}</system-out>",
            text(&lines.join("\n\n"))
        );
    }
    out.push_str("    </testcase>\n");
}

/// Escapes character data.
fn text(s: &str) -> String {
    escape(s, Xml::Text)
}

/// Escapes an attribute value in double quotes.
fn attr(s: &str) -> String {
    escape(s, Xml::Attribute)
}
