//! Laying out a report view: `json` is the view itself; `md` and `html` are minijinja templates
//! embedded in the binary (`src/report/templates/`) that a registry can override with files of
//! the same name in `<registry>/templates/`; `docx` is the Markdown layout turned into Word.
//!
//! HTML templates auto-escape every variable. Markdown from the registry goes through the
//! `markdown` filter, which renders it sanitised in HTML templates ([`super::markdown::to_html`])
//! and shifts its headings in Markdown templates.

use std::collections::BTreeMap;
use std::path::Path;

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, State};
use serde::Serialize;

use super::{docx, labels, markdown};
use crate::cli::ReportFormat;
use crate::i18n::Lang;

/// The templates built into the binary, by name.
pub const BUILTIN: &[(&str, &str)] = &[
    ("layout.html", include_str!("templates/layout.html")),
    ("annual.md", include_str!("templates/annual.md")),
    ("annual.html", include_str!("templates/annual.html")),
    ("region.md", include_str!("templates/region.md")),
    ("region.html", include_str!("templates/region.html")),
    ("inputs.md", include_str!("templates/inputs.md")),
    ("inputs.html", include_str!("templates/inputs.html")),
];

/// Renders `view` (the report named `kind`: annual, region, inputs) in `format`.
/// `root` is the registry root, where `templates/` may override the built-in templates.
pub fn render<T: Serialize>(
    kind: &str,
    format: ReportFormat,
    view: &T,
    root: &Path,
    lang: Lang,
) -> anyhow::Result<Vec<u8>> {
    match format {
        ReportFormat::Json => {
            let mut s = serde_json::to_string_pretty(view)?;
            s.push('\n');
            Ok(s.into_bytes())
        }
        ReportFormat::Md => Ok(template(&format!("{kind}.md"), view, root, lang)?.into_bytes()),
        ReportFormat::Html => Ok(template(&format!("{kind}.html"), view, root, lang)?.into_bytes()),
        ReportFormat::Docx => {
            docx::from_markdown(&template(&format!("{kind}.md"), view, root, lang)?)
        }
    }
}

/// Renders one template with the view's fields and `labels` as its variables.
pub fn template<T: Serialize>(
    name: &str,
    view: &T,
    root: &Path,
    lang: Lang,
) -> anyhow::Result<String> {
    let env = environment(root);
    let mut ctx = object_entries(&serde_json::to_value(view)?);
    let labels: BTreeMap<String, Value> = labels::for_lang(lang)
        .into_iter()
        .map(|(k, v)| (k.to_string(), Value::from(v)))
        .collect();
    ctx.insert("labels".to_string(), Value::from(labels));
    let tmpl = env
        .get_template(name)
        .map_err(|e| anyhow::anyhow!("template {name}: {}", describe(&e)))?;
    let mut out = tmpl
        .render(Value::from(ctx))
        .map_err(|e| anyhow::anyhow!("template {name}: {}", describe(&e)))?;
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

fn describe(e: &Error) -> String {
    let mut s = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(inner) = src {
        s.push_str(&format!(": {inner}"));
        src = inner.source();
    }
    s
}

fn object_entries(v: &serde_json::Value) -> BTreeMap<String, Value> {
    match v {
        serde_json::Value::Object(m) => m
            .iter()
            .map(|(k, v)| (k.clone(), to_value(v.clone())))
            .collect(),
        _ => BTreeMap::new(),
    }
}

/// A JSON value as a template value.
pub fn to_value(v: serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::from(()),
        serde_json::Value::Bool(b) => Value::from(b),
        serde_json::Value::Number(n) => n
            .as_i64()
            .map(Value::from)
            .or_else(|| n.as_f64().map(Value::from))
            .unwrap_or_else(|| Value::from(n.to_string())),
        serde_json::Value::String(s) => Value::from(s),
        serde_json::Value::Array(a) => Value::from(a.into_iter().map(to_value).collect::<Vec<_>>()),
        o @ serde_json::Value::Object(_) => Value::from(object_entries(&o)),
    }
}

/// Whether a template name is a plain file name (no folders, no `..`).
fn plain_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

fn environment(root: &Path) -> Environment<'static> {
    let mut env = Environment::new();
    let dir = root.join("templates");
    env.set_loader(move |name| {
        if !plain_name(name) {
            return Ok(None);
        }
        let custom = dir.join(name);
        if custom.is_file() {
            return std::fs::read_to_string(&custom).map(Some).map_err(|e| {
                Error::new(
                    ErrorKind::InvalidOperation,
                    format!("cannot read {}: {e}", custom.display()),
                )
            });
        }
        Ok(BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, src)| src.to_string()))
    });
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    env.add_filter("markdown", markdown_filter);
    env.add_filter("names", names_filter);
    env.add_filter("cell", cell_filter);
    env
}

/// `{{ body | markdown(3) }}`: sanitised HTML in HTML templates, sanitised Markdown otherwise;
/// headings start at the given level (default 3).
fn markdown_filter(state: &State, body: String, base: Option<usize>) -> Value {
    let base = base.unwrap_or(3);
    match state.auto_escape() {
        AutoEscape::None => Value::from(markdown::for_markdown(&body, base)),
        _ => Value::from_safe_string(markdown::to_html(&body, base)),
    }
}

/// `{{ people | names }}`: the `name` of each item, joined with commas.
fn names_filter(list: Vec<Value>) -> String {
    list.iter()
        .map(|p| {
            p.get_attr("name")
                .ok()
                .filter(|n| !n.is_undefined())
                .map_or_else(|| p.to_string(), |n| n.to_string())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `{{ text | cell }}`: safe inside a Markdown table cell (no `|`, no line breaks).
fn cell_filter(text: String) -> String {
    text.replace('|', "\\|").replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_names_stay_in_the_folder() {
        assert!(plain_name("annual.md"));
        assert!(!plain_name("../secret"));
        assert!(!plain_name("a/b.md"));
        assert!(!plain_name(".hidden"));
    }
}
