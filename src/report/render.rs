//! Laying out a report view: `json` is the view itself; `md` and `html` are minijinja templates
//! embedded in the binary (`src/report/templates/`) that a registry can override with files of
//! the same name in `<registry>/templates/`; `docx` is the Markdown layout turned into Word.
//!
//! HTML templates auto-escape every variable; Markdown templates (`.md`) escape every variable
//! as Markdown text ([`super::markdown::escape_text`], through the environment's formatter), so
//! a name shows as written and cannot add a heading, a link, an image or raw HTML. Markdown
//! from the registry goes through the `markdown` filter, which renders it sanitised in HTML
//! templates ([`super::markdown::to_html`]) and sanitises it and shifts its headings in Markdown
//! templates ([`super::markdown::for_markdown`]). The program's own words (`labels`) and the
//! dates `longdate` writes are marked safe in Markdown templates.

use std::collections::BTreeMap;
use std::path::Path;

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, State};
use serde::Serialize;

use super::{docx, labels, markdown};
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
    // The letters (report::letter): one Markdown template per kind and language, one html shell.
    ("letter.html", include_str!("templates/letter.html")),
    (
        "letter-request.nb.md",
        include_str!("templates/letter-request.nb.md"),
    ),
    (
        "letter-request.en.md",
        include_str!("templates/letter-request.en.md"),
    ),
    (
        "letter-appointment.nb.md",
        include_str!("templates/letter-appointment.nb.md"),
    ),
    (
        "letter-appointment.en.md",
        include_str!("templates/letter-appointment.en.md"),
    ),
    (
        "letter-notification.nb.md",
        include_str!("templates/letter-notification.nb.md"),
    ),
    (
        "letter-notification.en.md",
        include_str!("templates/letter-notification.en.md"),
    ),
    (
        "letter-constituted.nb.md",
        include_str!("templates/letter-constituted.nb.md"),
    ),
    (
        "letter-constituted.en.md",
        include_str!("templates/letter-constituted.en.md"),
    ),
    (
        "letter-reminder.nb.md",
        include_str!("templates/letter-reminder.nb.md"),
    ),
    (
        "letter-reminder.en.md",
        include_str!("templates/letter-reminder.en.md"),
    ),
];

/// A report's output format (`--format` of `mandat report`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Md,
    Html,
    Json,
    Docx,
    /// A workbook (report region only): one worksheet per table
    Xlsx,
}

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
        // `report region` builds its workbook from the view (crate::output::xlsx).
        ReportFormat::Xlsx => anyhow::bail!(
            "{}",
            crate::t!(
                "--format xlsx is available for `report region` only; use md, html, json or docx",
                "--format xlsx finnes bare for `report region`; bruk md, html, json eller docx"
            )
            .get(lang)
        ),
    }
}

/// Renders one template with the view's fields and `labels` as its variables.
pub fn template<T: Serialize>(
    name: &str,
    view: &T,
    root: &Path,
    lang: Lang,
) -> anyhow::Result<String> {
    let mut env = environment(root);
    // A date is the program's own text: safe in Markdown templates (not escaped as a value).
    env.add_filter("longdate", move |state: &State, s: String| {
        match longdate(&s, lang) {
            Some(d) if markdown_escaped(state) => Value::from_safe_string(d),
            Some(d) => Value::from(d),
            None => Value::from(s),
        }
    });
    let json = serde_json::to_value(view)?;
    let mut ctx = object_entries(&json);
    let md = name.ends_with(".md");
    let labels: BTreeMap<String, Value> = labels::for_lang(lang)
        .into_iter()
        .map(|(k, v)| {
            let v = if md {
                Value::from_safe_string(v.to_string())
            } else {
                Value::from(v)
            };
            (k.to_string(), v)
        })
        .collect();
    ctx.insert("labels".to_string(), Value::from(labels));
    render_named(&mut env, name, name, ctx)
}

/// Renders template `name` of `env` with `ctx` as its variables, ending with a newline; an error
/// names the template as `shown` and gives every cause (reports, letters and the site). The
/// template runs with the fuel [`fuel_for`] gives `ctx`.
pub fn render_named(
    env: &mut minijinja::Environment<'_>,
    name: &str,
    shown: &str,
    ctx: BTreeMap<String, Value>,
) -> anyhow::Result<String> {
    env.set_fuel(Some(fuel_for(&ctx)));
    let tmpl = env
        .get_template(name)
        .map_err(|e| anyhow::anyhow!("template {shown}: {}", describe(&e)))?;
    let mut out = tmpl
        .render(Value::from(ctx))
        .map_err(|e| anyhow::anyhow!("template {shown}: {}", describe(&e)))?;
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// A template error with every cause, for the message a user reads.
pub fn describe(e: &Error) -> String {
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
pub fn plain_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// How many instructions a template may run: a base, and a share for every value of its
/// variables, so that the budget grows with the registry. The built-in region report over 3,000
/// groups needs 0.7 million; a registry's own template (code from the checkout: a report, a
/// letter or a page of the site) with a nested loop over a long list stops with an error instead
/// of running for hours.
fn fuel_for(ctx: &BTreeMap<String, Value>) -> u64 {
    fn values(v: &Value) -> u64 {
        use minijinja::value::ValueKind;
        let inner: u64 = match v.kind() {
            ValueKind::Seq | ValueKind::Iterable => v
                .try_iter()
                .map(|items| items.map(|item| values(&item)).sum())
                .unwrap_or(0),
            ValueKind::Map => v
                .try_iter()
                .map(|keys| {
                    keys.map(|k| v.get_item(&k).map_or(1, |item| values(&item)))
                        .sum()
                })
                .unwrap_or(0),
            _ => 0,
        };
        1 + inner
    }
    let count: u64 = 1 + ctx.values().map(values).sum::<u64>();
    TEMPLATE_FUEL_BASE.saturating_add(count.saturating_mul(200))
}

const TEMPLATE_FUEL_BASE: u64 = 5_000_000;

fn environment(root: &Path) -> Environment<'static> {
    let mut env = Environment::new();
    let root = root.to_path_buf();
    env.set_loader(move |name| {
        if !plain_name(name) {
            return Ok(None);
        }
        // Through the file store: size-limited, never a FIFO, never a link out of the registry.
        let rel = format!("templates/{name}");
        match crate::registry::one_file::read_in_registry(&root, &rel) {
            Ok(bytes) => {
                return String::from_utf8(bytes).map(Some).map_err(|_| {
                    Error::new(
                        ErrorKind::InvalidOperation,
                        format!("cannot read {rel}: it is not valid UTF-8"),
                    )
                });
            }
            Err(crate::registry::one_file::Refused::Missing) => {}
            Err(why) => {
                return Err(Error::new(ErrorKind::InvalidOperation, why.text(&rel).en));
            }
        }
        Ok(BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, src)| src.to_string()))
    });
    configure(&mut env);
    env.add_filter("markdown", markdown_filter);
    env.add_filter("names", names_filter);
    env.add_filter("cell", cell_filter);
    env.add_filter("message", message_filter);
    env
}

/// `{{ body | markdown(3) }}`: sanitised HTML in HTML templates, sanitised Markdown otherwise;
/// headings start at the given level (default 3).
fn markdown_filter(state: &State, body: String, base: Option<usize>) -> Value {
    let base = base.unwrap_or(3);
    match state.auto_escape() {
        AutoEscape::Html => Value::from_safe_string(markdown::to_html(&body, base)),
        // Already sanitised: the Markdown formatter must not escape it again.
        _ => Value::from_safe_string(markdown::for_markdown(&body, base)),
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

/// `{{ day | longdate }}`: an ISO date as the reader writes it («3. desember 2026»), the
/// program's own text; `None` for any other text, which the template shows as it is (escaped).
fn longdate(s: &str, lang: Lang) -> Option<String> {
    crate::registry::Date::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .map(|d| super::dates::long(d, lang))
}

/// `{{ finding.message | message }}`: a message of the program whose `` `…` `` are code, as
/// Markdown ([`markdown::escape_message`]) in Markdown templates; as it is elsewhere.
fn message_filter(state: &State, text: String) -> Value {
    if markdown_escaped(state) {
        Value::from_safe_string(markdown::escape_message(&text))
    } else {
        Value::from(text)
    }
}

/// `{{ text | cell }}`: one line, for a Markdown table cell. The `|` is escaped by the
/// Markdown formatter like every other character that means something in Markdown.
fn cell_filter(text: String) -> String {
    text.replace(['\r', '\n'], " ")
}

/// The auto-escape of Markdown templates: every value that is not marked safe is written as
/// Markdown text ([`markdown::escape_text`]).
const MARKDOWN_ESCAPE: &str = "markdown";

/// What every template environment of mandat shares (reports, letters, the site): html templates
/// HTML-escaped, Markdown templates (`.md`) Markdown-escaped, block tags that leave no blank
/// lines, the file's last newline kept.
pub fn configure(env: &mut minijinja::Environment<'_>) {
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            AutoEscape::Html
        } else if name.ends_with(".md") {
            AutoEscape::Custom(MARKDOWN_ESCAPE.into())
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(markdown_formatter);
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
    {
        env.set_syntax(syntax);
    }
}

/// Whether the template being rendered escapes its values as Markdown (a `.md` template).
fn markdown_escaped(state: &State) -> bool {
    matches!(state.auto_escape(), AutoEscape::Custom(n) if n == MARKDOWN_ESCAPE)
}

/// Writes a value: as Markdown text in Markdown templates (unless it is marked safe, or a
/// number, a boolean or nothing), as minijinja's default formatter does everywhere else.
fn markdown_formatter(
    out: &mut minijinja::Output,
    state: &mut State,
    value: &Value,
) -> Result<(), Error> {
    if !markdown_escaped(state) {
        return minijinja::escape_formatter(out, state, value);
    }
    use minijinja::value::ValueKind;
    if value.is_safe()
        || matches!(
            value.kind(),
            ValueKind::Undefined | ValueKind::None | ValueKind::Bool | ValueKind::Number
        )
    {
        write!(out, "{value}").map_err(Error::from)
    } else {
        out.write_str(&markdown::escape_text(&value.to_string()))
            .map_err(Error::from)
    }
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
