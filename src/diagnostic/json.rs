//! `--format json`, exactly as rules.md describes it.

use serde::Serialize;

use super::{Diagnostic, Summary};
use crate::i18n::Lang;
use crate::source::SourceFile;

#[derive(Serialize)]
struct Output<'a> {
    diagnostics: Vec<Item<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Item<'a> {
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    file: std::borrow::Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'a str>,
}

pub fn render(diags: &[Diagnostic], files: &[SourceFile], summary: Summary, lang: Lang) -> String {
    let diagnostics = items(diags, files, lang);
    let mut text = serde_json::to_string_pretty(&Output {
        diagnostics,
        summary,
    })
    .expect("diagnostics serialise");
    text.push('\n');
    text
}

/// The diagnostics as the items of `diagnostics` above, for other json answers (the web
/// application's `errors`).
pub fn values(diags: &[Diagnostic], files: &[SourceFile], lang: Lang) -> Vec<serde_json::Value> {
    items(diags, files, lang)
        .iter()
        .map(|i| serde_json::to_value(i).expect("diagnostics serialise"))
        .collect()
}

fn items<'a>(diags: &'a [Diagnostic], files: &'a [SourceFile], lang: Lang) -> Vec<Item<'a>> {
    diags
        .iter()
        .map(|d| {
            let l = d.locate(files);
            Item {
                rule: d.rule.as_str(),
                severity: d.severity.as_str(),
                message: d.message.get(lang),
                file: l.file,
                line: l.line,
                column: l.column,
                group: d.group.as_deref(),
            }
        })
        .collect()
}
