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
        p.wrap(BOLD, &format!(": {}", clean(d.message.get(opts.lang))))
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
        let len = source
            .text
            .get(span.start..span.end)
            .map_or(1, |s| s.lines().next().unwrap_or("").chars().count());
        let (shown, indent, len) = window(text, col - 1, len);
        let _ = writeln!(out, "{pad} {bar}");
        let _ = writeln!(
            out,
            "{} {bar} {}",
            p.wrap(BLUE, &line.to_string()),
            shown.trim_end()
        );
        let carets = "^".repeat(len);
        let _ = writeln!(
            out,
            "{pad} {bar} {}{}",
            " ".repeat(indent),
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
            indent_rest(
                &format!("{} {}", p.wrap(BOLD, "note:"), clean(note.get(opts.lang))),
                gutter + 3
            )
        );
    }
    if !d.help.is_empty() {
        let _ = writeln!(
            out,
            "{pad} {} {}",
            p.wrap(BLUE, "="),
            indent_rest(
                &format!("{} {}", p.wrap(BOLD, "help:"), clean(d.help.get(opts.lang))),
                gutter + 3
            )
        );
    }
}

/// How many characters of a source line are quoted; a longer line is cut around the value.
const LINE_CHARS: usize = 100;

/// The part of a source line to quote, with every character made visible, the caret's indent
/// and the caret's length: a line too long for the screen is cut around the column (`start`,
/// 0-based) and marked with `…`.
fn window(line: &str, start: usize, len: usize) -> (String, usize, usize) {
    let total = line.chars().count();
    let (from, to) = if total <= LINE_CHARS {
        (0, total)
    } else {
        let from = start.saturating_sub(LINE_CHARS / 4).min(total - LINE_CHARS);
        (from, from + LINE_CHARS)
    };
    let mut shown = String::new();
    if from > 0 {
        shown.push('…');
    }
    shown.extend(line.chars().skip(from).take(to - from).map(visible));
    if to < total {
        shown.push('…');
    }
    let indent = start.saturating_sub(from) + usize::from(from > 0);
    let len = len.clamp(1, to.saturating_sub(start).max(1));
    (shown, indent, len)
}

/// One character as it may appear on a terminal: a tab as a space, a control character as its
/// Unicode picture (`␀`, `␛`), a character that reorders text as `�`. Each stays one column wide,
/// so the caret stays under its value.
fn visible(c: char) -> char {
    match c {
        '\t' => ' ',
        '\u{7f}' => '\u{2421}',
        c if u32::from(c) < 0x20 => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'),
        c if c.is_control() || super::is_bidi_control(c) => '\u{fffd}',
        c => c,
    }
}

/// A message, note or help with every control character but the line break made visible.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\n' { c } else { visible(c) })
        .collect()
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
    let and = if opts.lang == Lang::En {
        en_and
    } else {
        nb_and
    };
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
        (0, _) => format!(
            "{}: {warnings} {in_} {files_word}\n",
            p.wrap(YELLOW, "warning")
        ),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_shown_whole_with_controls_made_visible() {
        let (shown, indent, len) = window("name = \"a\u{1b}[2J\u{0}b\"", 7, 9);
        assert_eq!(shown, "name = \"a\u{241b}[2J\u{2400}b\"");
        assert_eq!((indent, len), (7, 9));
    }

    #[test]
    fn long_lines_are_cut_around_the_value() {
        let line = format!("{}x = 1", "k".repeat(1000));
        let (shown, indent, len) = window(&line, 1000, 1);
        assert_eq!(shown.chars().count(), LINE_CHARS + 1);
        assert!(shown.starts_with('…') && shown.ends_with("x = 1"));
        assert_eq!(shown.chars().nth(indent), Some('x'));
        assert_eq!(len, 1);
        let (shown, indent, _) = window(&line, 0, 1000);
        assert!(shown.ends_with('…') && indent == 0);
    }
}
