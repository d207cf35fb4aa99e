//! Human output in the style of rustc: `error[rule]: message`, `--> file:line:col`, the source
//! line with a caret under the value, `= note:` and `= help:` lines, and a closing summary.
//!
//! The labels (`error`, `warning`, `note`, `help`) stay the same in both languages, as in
//! rustc, so that people and scripts recognise them; the texts are translated.

use std::fmt::Write;

use super::{Diagnostic, RenderOptions, Severity, Summary};
use crate::i18n::Lang;
use crate::registry::source::SourceFile;

const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const BLUE: &str = "\x1b[1;34m";
const GREEN: &str = "\x1b[1;32m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, style: &str, text: &str) -> String {
        if self.on {
            format!("{style}{text}{RESET}")
        } else {
            text.to_string()
        }
    }
}

/// Renders every diagnostic, each followed by a blank line.
pub fn render(diags: &[Diagnostic], files: &[SourceFile], opts: RenderOptions) -> String {
    let mut out = String::new();
    for d in diags {
        render_one(&mut out, d, files, opts);
        out.push('\n');
    }
    out
}

fn render_one(out: &mut String, d: &Diagnostic, files: &[SourceFile], opts: RenderOptions) {
    let p = Paint { on: opts.color };
    let loc = d.locate(files);
    let (label, style) = match d.severity {
        Severity::Error => ("error", RED),
        Severity::Warning => ("warning", YELLOW),
    };
    let head = format!("{label}[{}]", d.rule);
    let _ = writeln!(
        out,
        "{}{}",
        p.wrap(style, &head),
        p.wrap(BOLD, &format!(": {}", d.message.get(opts.lang)))
    );
    let gutter = loc.line.map_or(1, |l| l.to_string().len());
    let pad = " ".repeat(gutter);
    let place = match (loc.line, loc.column) {
        (Some(l), Some(c)) => format!("{}:{l}:{c}", loc.file),
        _ => loc.file.to_string(),
    };
    let _ = writeln!(out, "{pad}{} {place}", p.wrap(BLUE, "-->"));
    if let (Some(source), Some(line), Some(col), super::Place::Span(span)) =
        (loc.source, loc.line, loc.column, &d.place)
    {
        let text = source.line_text(line);
        let bar = p.wrap(BLUE, "|");
        let shown: String = text.chars().map(|c| if c == '\t' { ' ' } else { c }).collect();
        let _ = writeln!(out, "{pad} {bar}");
        let _ = writeln!(out, "{} {bar} {}", p.wrap(BLUE, &line.to_string()), shown.trim_end());
        let rest = text.chars().count().saturating_sub(col - 1);
        let len = source
            .text
            .get(span.start..span.end)
            .map_or(1, |s| s.lines().next().unwrap_or("").chars().count())
            .clamp(1, rest.max(1));
        let carets = "^".repeat(len);
        let _ = writeln!(
            out,
            "{pad} {bar} {}{}",
            " ".repeat(col - 1),
            p.wrap(style, &carets)
        );
    }
    if !d.notes.is_empty() || !d.help.is_empty() {
        let _ = writeln!(out, "{pad} {}", p.wrap(BLUE, "|"));
    }
    for note in &d.notes {
        let _ = writeln!(
            out,
            "{pad} {} {}",
            p.wrap(BLUE, "="),
            indent_rest(&format!("{} {}", p.wrap(BOLD, "note:"), note.get(opts.lang)), gutter + 3)
        );
    }
    if !d.help.is_empty() {
        let _ = writeln!(
            out,
            "{pad} {} {}",
            p.wrap(BLUE, "="),
            indent_rest(&format!("{} {}", p.wrap(BOLD, "help:"), d.help.get(opts.lang)), gutter + 3)
        );
    }
}

/// Indents every line after the first, so that a long quoted clause stays under its label.
fn indent_rest(text: &str, width: usize) -> String {
    text.replace('\n', &format!("\n{}", " ".repeat(width)))
}

/// The closing line: counts of errors and warnings and how many files were read.
pub fn summary_line(s: Summary, opts: RenderOptions) -> String {
    let p = Paint { on: opts.color };
    let files = s.files;
    let errors = plural(s.errors, opts.lang, ("error", "errors"), ("feil", "feil"));
    let warnings = plural(
        s.warnings,
        opts.lang,
        ("warning", "warnings"),
        ("advarsel", "advarsler"),
    );
    let files_word = plural(files, opts.lang, ("file", "files"), ("fil", "filer"));
    let (en_and, nb_and) = ("and", "og");
    let and = if opts.lang == Lang::En { en_and } else { nb_and };
    let in_ = if opts.lang == Lang::En { "in" } else { "i" };
    match (s.errors, s.warnings) {
        (0, 0) => {
            let none = if opts.lang == Lang::En {
                "no problems"
            } else {
                "ingen problemer"
            };
            format!("{}: {none} {in_} {files_word}\n", p.wrap(GREEN, "ok"))
        }
        (0, _) => format!("{}: {warnings} {in_} {files_word}\n", p.wrap(YELLOW, "warning")),
        (_, 0) => format!("{}: {errors} {in_} {files_word}\n", p.wrap(RED, "error")),
        _ => format!(
            "{}: {errors} {and} {warnings} {in_} {files_word}\n",
            p.wrap(RED, "error")
        ),
    }
}

fn plural(n: usize, lang: Lang, en: (&str, &str), nb: (&str, &str)) -> String {
    let (one, many) = if lang == Lang::En { en } else { nb };
    format!("{n} {}", if n == 1 { one } else { many })
}
