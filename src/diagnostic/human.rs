//! Human output in the style of rustc: `error[rule]: message`, `--> file:line:col`, the source
//! line with a caret under the value, `= note:` and `= help:` lines, and a closing summary.
//!
//! The labels (`error`, `warning`, `note`, `help`) stay the same in both languages, as in
//! rustc, so that people and scripts recognise them; the texts are translated.

use std::fmt::Write;

use super::{Diagnostic, RenderOptions, Severity, Summary};
use crate::i18n::Lang;
use crate::source::SourceFile;

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
    let message = match opts.width {
        Some(w) => words_to_width(d.message.get(opts.lang), w, head.chars().count() + 2, 4),
        None => d.message.get(opts.lang).to_string(),
    };
    let _ = writeln!(
        out,
        "{}{}",
        p.wrap(style, &head),
        p.wrap(BOLD, &format!(": {message}"))
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
        let span_len = source
            .text()
            .get(span.start()..span.end())
            .map_or(1, |s| s.lines().next().unwrap_or("").chars().count());
        let (shown, caret_col, caret_len) = window(&mask_identity_numbers(text), col - 1, span_len);
        let shown = if d.rule == crate::rule_id::RuleId::Pii {
            mask(&shown, caret_col + 6, caret_len.saturating_sub(6))
        } else {
            shown
        };
        let _ = writeln!(out, "{pad} {bar}");
        let _ = writeln!(
            out,
            "{} {bar} {}",
            p.wrap(BLUE, &line.to_string()),
            shown.trim_end()
        );
        let _ = writeln!(
            out,
            "{pad} {bar} {}{}",
            " ".repeat(caret_col),
            p.wrap(style, &"^".repeat(caret_len))
        );
    }
    if !d.notes.is_empty() || !d.help.is_empty() {
        let _ = writeln!(out, "{pad} {}", p.wrap(BLUE, "|"));
    }
    // `= note: ` and `= help: ` take gutter + 9 columns; wrapped lines go under the text.
    let labelled = |text: &str| match opts.width {
        Some(w) => text
            .lines()
            .map(|l| words_to_width(l, w, gutter + 9, gutter + 9))
            .collect::<Vec<_>>()
            .join(&format!("\n{}", " ".repeat(gutter + 9))),
        None => indent_rest(text, gutter + 3),
    };
    for note in &d.notes {
        let _ = writeln!(
            out,
            "{pad} {} {} {}",
            p.wrap(BLUE, "="),
            p.wrap(BOLD, "note:"),
            labelled(note.get(opts.lang))
        );
    }
    if !d.help.is_empty() {
        let _ = writeln!(
            out,
            "{pad} {} {} {}",
            p.wrap(BLUE, "="),
            p.wrap(BOLD, "help:"),
            labelled(d.help.get(opts.lang))
        );
    }
}

/// The widest source line shown; longer lines are cut to a window around the column.
const MAX_SHOWN: usize = 100;

/// The part of a line to show (tabs as spaces), where the caret starts in it, and how many
/// carets: at least one, at most to the end of what is shown.
fn window(text: &str, col0: usize, span_len: usize) -> (String, usize, usize) {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\t' || c.is_control() { ' ' } else { c })
        .collect();
    let (start, prefix) = if chars.len() > MAX_SHOWN && col0 > MAX_SHOWN / 2 {
        (col0 - MAX_SHOWN / 4, "…")
    } else {
        (0, "")
    };
    let end = (start + MAX_SHOWN).min(chars.len());
    let suffix = if end < chars.len() { "…" } else { "" };
    let body: String = chars[start.min(end)..end].iter().collect();
    let caret_col = col0.saturating_sub(start) + prefix.chars().count();
    let room = end.saturating_sub(col0.max(start)).max(1);
    (
        format!("{prefix}{body}{suffix}"),
        caret_col,
        span_len.clamp(1, room),
    )
}

/// Shows at most the first six digits of every national identity number on a source line, whichever
/// diagnostic the line is shown for (a schema error on a line that holds one, too). The
/// detection is the `pii` rule's own; the length of the line does not change.
fn mask_identity_numbers(line: &str) -> String {
    let mut out = line.to_string();
    for start in crate::pii_scan::find(line) {
        out.replace_range(start + 6..start + 11, "*****");
    }
    out
}

/// Replaces `len` characters from `from` with `*`, so that a national identity number is never
/// printed whole.
fn mask(line: &str, from: usize, len: usize) -> String {
    line.chars()
        .enumerate()
        .map(|(i, c)| if i >= from && i < from + len { '*' } else { c })
        .collect()
}

/// `text` broken at spaces so that no line is wider than `width`, the first line starting at
/// column `first` and the others indented by `indent` spaces. A word longer than the room is
/// left whole on a line of its own: it is never broken.
pub fn words_to_width(text: &str, width: usize, first: usize, indent: usize) -> String {
    let mut out = String::new();
    let mut col = first;
    let mut line_start = true;
    for word in text.split(' ') {
        let len = word.chars().count();
        if !line_start && col + 1 + len > width {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            col = indent;
            line_start = true;
        }
        if !line_start {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += len;
        line_start = false;
    }
    out
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
    fn words_wrap_at_spaces_and_never_inside_a_word() {
        let text =
            "Helse Sør-Øst RHF har ikke noe aktivt regionalt medlem i gruppen referansegruppen";
        let wrapped = words_to_width(text, 40, 20, 4);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines[0].chars().count() + 20 <= 40, "{wrapped}");
        assert!(
            lines[1..]
                .iter()
                .all(|l| l.starts_with("    ") && l.chars().count() <= 40)
        );
        assert_eq!(
            wrapped.split_whitespace().collect::<Vec<_>>(),
            text.split(' ').collect::<Vec<_>>()
        );
        let long = "a ".to_string() + &"x".repeat(60);
        assert!(
            words_to_width(&long, 40, 0, 2)
                .lines()
                .any(|l| l.trim() == "x".repeat(60))
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let (shown, caret, len) = window(&line, 500, 1);
        assert!(shown.chars().count() <= MAX_SHOWN + 2);
        assert_eq!(shown.chars().nth(caret), Some('X'));
        assert_eq!(len, 1);
    }

    #[test]
    fn short_lines_are_shown_whole() {
        assert_eq!(window("a = \"x\"", 4, 3), ("a = \"x\"".to_string(), 4, 3));
    }

    #[test]
    fn every_identity_number_on_a_line_is_masked() {
        let valid = (0..100_000)
            .map(|i| format!("010190{i:05}"))
            .find(|c| crate::pii_scan::is_identity_number(c.as_bytes()))
            .unwrap();
        let line = format!("a = \"{valid}\" # 12345678901");
        let masked = mask_identity_numbers(&line);
        assert_eq!(
            masked,
            format!("a = \"{}*****\" # 12345678901", &valid[..6])
        );
    }

    #[test]
    fn mask_hides_all_but_the_first_six_digits() {
        assert_eq!(mask("fnr 01019912345 ok", 10, 5), "fnr 010199***** ok");
    }
}
