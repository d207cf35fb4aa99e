//! `--format sarif`: a SARIF 2.1.0 log for code scanning (GitHub's upload-sarif, and any other
//! SARIF viewer).
//!
//! One run; `tool.driver.rules` lists every rule of the catalog, in catalog order, with its
//! summary, purpose, fix and the clauses it enforces, so a viewer can explain a finding without
//! mandat. Each result names its rule by id and index. Columns count Unicode characters
//! ([`SourceFile::line_col`]), hence `columnKind: unicodeCodePoints`. Paths are relative to the
//! repository root (`uriBaseId: %SRCROOT%`), see [`CiOptions::path_prefix`].

use serde::Serialize;

use super::ci::{CiOptions, full_text};
use super::{Diagnostic, Place, Severity};
use crate::i18n::Lang;
use crate::rule_id::{Applies, Level, Profile, RuleMeta};
use crate::source::SourceFile;

/// The `$schema` written into the log: the OASIS standard's schema.
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The base that relative `uri`s are resolved against: the checked-out repository.
pub const URI_BASE_ID: &str = "%SRCROOT%";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    language: String,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    short_description: Message,
    full_description: Message,
    help: Message,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    /// The profiles the rule applies to.
    tags: Vec<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<ResultProperties<'a>>,
}

#[derive(Serialize)]
struct ResultProperties<'a> {
    group: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    uri_base_id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    /// Absent for an empty span (a place, not a value): the region is then the start line.
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    /// The column after the value's last character, as SARIF defines it.
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
}

fn level(l: Level) -> &'static str {
    match l {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Off => "none",
    }
}

fn tags(rule: &RuleMeta) -> Vec<&'static str> {
    match rule.applies {
        Applies::Every => Profile::ALL.iter().map(|p| p.as_str()).collect(),
        Applies::Only(p) => vec![p.as_str()],
    }
}

/// The rule's help: what to do, then the clauses it enforces, quoted.
fn help_text(rule: &RuleMeta, lang: Lang) -> String {
    let mut text = rule.fix.get(lang).to_string();
    for c in rule.clauses {
        text.push_str(&format!("\n\n{}: «{}»", c.source, c.text));
    }
    text
}

fn rule(rule: &RuleMeta, lang: Lang) -> Rule {
    Rule {
        id: rule.id.as_str(),
        short_description: Message {
            text: rule.summary.get(lang).to_string(),
        },
        full_description: Message {
            text: rule.purpose.get(lang).to_string(),
        },
        help: Message {
            text: help_text(rule, lang),
        },
        default_configuration: Configuration {
            level: level(rule.default),
        },
        properties: RuleProperties { tags: tags(rule) },
    }
}

fn result<'a>(
    d: &'a Diagnostic,
    files: &[SourceFile],
    catalog: &[&RuleMeta],
    opts: &CiOptions,
) -> SarifResult<'a> {
    let l = d.locate(files);
    let region = match (&d.place, l.source, l.line, l.column) {
        (Place::Span(span), Some(source), Some(start_line), Some(start_column)) => {
            let end = (span.end() > span.start()).then(|| source.line_col(span.end()));
            Some(Region {
                start_line,
                start_column,
                end_line: end.map(|e| e.0),
                end_column: end.map(|e| e.1),
            })
        }
        _ => None,
    };
    SarifResult {
        rule_id: d.rule.as_str(),
        rule_index: catalog
            .iter()
            .position(|r| r.id == d.rule)
            .expect("every rule id has a catalog entry"),
        level: match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        message: Message {
            text: full_text(d, opts.lang),
        },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: uri_path(&opts.path(&l.file)),
                    uri_base_id: URI_BASE_ID,
                },
                region,
            },
        }],
        properties: d.group.as_deref().map(|group| ResultProperties { group }),
    }
}

/// A relative path as a URI reference: every byte outside the unreserved set and `/` is
/// percent-encoded, so that a space or `#` in a folder name stays part of the path.
fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The whole log, pretty-printed, ending with a newline.
/// `catalog` is every rule, in the order of `mandat rules` (the command passes it in: the
/// renderers sit below the rules).
pub fn render(
    diags: &[Diagnostic],
    files: &[SourceFile],
    catalog: &[&RuleMeta],
    opts: &CiOptions,
) -> String {
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "mandat",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    language: opts.lang.to_string(),
                    rules: catalog.iter().map(|r| rule(r, opts.lang)).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results: diags
                .iter()
                .map(|d| result(d, files, catalog, opts))
                .collect(),
        }],
    };
    let mut text = serde_json::to_string_pretty(&log).expect("a SARIF log serialises");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_encode_what_a_path_may_hold() {
        assert_eq!(
            uri_path("groups/nkt-ms/members.toml"),
            "groups/nkt-ms/members.toml"
        );
        assert_eq!(
            uri_path("groups/a b#c/æ.toml"),
            "groups/a%20b%23c/%C3%A6.toml"
        );
    }
}
