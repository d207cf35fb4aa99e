//! What to write instead of a line the parser could not read ([`help`]), and the lines its
//! findings are on: widening a span to what failed, the line around it, and dropping the field
//! check's findings on a line the parser already reported.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Place};
use crate::i18n::Text;
use crate::registry::value_hint;
use crate::rule_id::RuleId;
use crate::t;

/// What to write instead, for the parser's message `msg` on `line` (the whole line it points
/// into). Never a pointer to a document the registry may not hold.
pub fn help(msg: &str, line: &str) -> Text {
    let (key, value) = match line.split_once('=') {
        Some((k, v)) => (k.trim(), strip_comment(v.trim())),
        None => ("", ""),
    };
    let desc = msg.split_once(", expected ").map_or(msg, |(d, _)| d);
    if value_hint::has_typographic_quotes(value) {
        let bare = value_hint::strip_typographic_quotes(value);
        let q = value_hint::quotes_help();
        let (qe, qn) = (&q.en, &q.nb);
        return t!("{qe}: `{key} = \"{bare}\"`", "{qn}: `{key} = \"{bare}\"`");
    }
    if let Some(iso) = value_hint::norwegian_date_to_iso(value) {
        return t!(
            "write the date as YYYY-MM-DD, without quotes: `{key} = {iso}`",
            "skriv datoen som ÅÅÅÅ-MM-DD, uten anførselstegn: `{key} = {iso}`"
        );
    }
    match desc {
        "string values must be quoted" if value.is_empty() => t!(
            "write a value after `=`: `{key} = \"...\"`",
            "skriv en verdi etter `=`: `{key} = \"...\"`"
        ),
        "string values must be quoted" if value.starts_with('[') => t!(
            "separate the items of a list with commas and quote each text: `{key} = [\"a\", \"b\"]`",
            "skill elementene i en liste med komma, og sett hver tekst i anførselstegn: `{key} = [\"a\", \"b\"]`"
        ),
        "string values must be quoted" => t!(
            "write the text in quotes: `{key} = \"{value}\"`",
            "skriv teksten i anførselstegn: `{key} = \"{value}\"`"
        ),
        "invalid basic string" => t!(
            "close the text with `\"` on the same line, or write text over several lines between `\"\"\"` and `\"\"\"`",
            "avslutt teksten med `\"` på samme linje, eller skriv tekst over flere linjer mellom `\"\"\"` og `\"\"\"`"
        ),
        "invalid literal string" => t!(
            "close the text with `'` on the same line, or write it in double quotes",
            "avslutt teksten med `'` på samme linje, eller skriv den i doble anførselstegn"
        ),
        "unclosed table" | "unclosed array table" => {
            let header = line.trim();
            let close = if header.starts_with("[[") { "]]" } else { "]" };
            let fixed = format!("{}{close}", header.trim_end_matches(']'));
            t!(
                "close the header: `{fixed}`",
                "lukk overskriften: `{fixed}`"
            )
        }
        "duplicate key" => t!(
            "a key may appear only once in a table: remove or rename one of them",
            "en nøkkel kan bare stå én gang i en tabell: fjern eller gi nytt navn til den ene"
        ),
        "key with no value" | "missing value" | "missing value for key" => t!(
            "write each field as `key = value` on one line",
            "skriv hvert felt som `nøkkel = verdi` på én linje"
        ),
        "unclosed array" | "missing comma between array elements" => t!(
            "write a list on one line, separated by commas: `{key} = [\"a\", \"b\"]`",
            "skriv en liste på én linje, skilt med komma: `{key} = [\"a\", \"b\"]`"
        ),
        "unclosed inline table" => t!(
            "close the inline table with `}}` on the same line",
            "lukk den innebygde tabellen med `}}` på samme linje"
        ),
        "invalid boolean" => t!("write `true` or `false`", "skriv `true` eller `false`"),
        "unexpected leading zero" => t!(
            "write the number without a leading zero, or a date as YYYY-MM-DD",
            "skriv tallet uten null foran, eller en dato som ÅÅÅÅ-MM-DD"
        ),
        "missing escaped value" => t!(
            "a `\\` in quoted text starts an escape: write `\\\\` for a backslash, or use single quotes",
            "en `\\` i tekst i anførselstegn innleder en escape: skriv `\\\\` for en omvendt skråstrek, eller bruk apostrofer"
        ),
        "unexpected key or value" | "unexpected content" => t!(
            "write one `key = value` per line; a comment starts with `#`",
            "skriv ett `nøkkel = verdi` per linje; en kommentar starter med `#`"
        ),
        "invalid date-time" | "invalid datetime" | "invalid float" => t!(
            "write a date as YYYY-MM-DD without quotes, e.g. `{key} = 2025-03-14`, and text in quotes",
            "skriv en dato som ÅÅÅÅ-MM-DD uten anførselstegn, f.eks. `{key} = 2025-03-14`, og tekst i anførselstegn"
        ),
        d if d.starts_with("cannot extend value of type") => t!(
            "`{key}` is already a value: a key cannot also hold a table",
            "`{key}` er allerede en verdi: en nøkkel kan ikke også holde en tabell"
        ),
        _ => t!(
            "each field is `key = value`, with text in quotes; `mandat schema` gives the fields of every kind of file",
            "hvert felt er `nøkkel = verdi`, med tekst i anførselstegn; `mandat schema` viser feltene for hver filtype"
        ),
    }
}

/// Drops the findings of the field check (those after `parsed`) that lie on a line where the
/// parser (the findings in `parsed`) already failed: a value it could not read is reported
/// once, with its fix, and not again as `20.12.2019` read as a number or `“male”` as a word
/// outside its set. `text` is the whole file's.
pub fn drop_repeats(diags: &mut Vec<Diagnostic>, parsed: Range<usize>, text: &str) {
    let broken: Vec<Range<usize>> = diags[parsed.clone()]
        .iter()
        .filter(|d| d.rule == RuleId::Syntax)
        .filter_map(|d| match &d.place {
            Place::Span(s) => Some(line_range(text, s.start())),
            Place::File(_) => None,
        })
        .collect();
    if broken.is_empty() {
        return;
    }
    let mut i = parsed.end;
    while i < diags.len() {
        let repeat = match &diags[i].place {
            Place::Span(s) => broken.iter().any(|r| r.contains(&s.start())),
            Place::File(_) => false,
        };
        if repeat {
            diags.remove(i);
        } else {
            i += 1;
        }
    }
}

fn line_range(text: &str, at: usize) -> Range<usize> {
    let line = line_at(text, at);
    let start = line.as_ptr() as usize - text.as_ptr() as usize;
    start..start + line.len()
}

/// The range to point at for a parser error at `range` of `text`: the whole value when it is a
/// Norwegian date or in typographic quotes (the parser points into its middle), else `range`.
pub fn widen(text: &str, range: Range<usize>) -> Range<usize> {
    let line = line_range(text, range.start);
    let Some(eq) = text[line.clone()].find('=') else {
        return range;
    };
    let after = &text[line.start + eq + 1..line.end];
    let value = strip_comment(after.trim());
    if value.is_empty()
        || !(value_hint::has_typographic_quotes(value)
            || value_hint::norwegian_date_to_iso(value).is_some())
    {
        return range;
    }
    let start = line.start + eq + 1 + (after.len() - after.trim_start().len());
    start..start + value.len()
}

/// The line of `text` that holds byte `at`, without its line break.
pub fn line_at(text: &str, at: usize) -> &str {
    let at = at.min(text.len());
    let at = (0..=at)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    text[start..end].trim_end_matches('\r')
}

/// A value without a trailing `# comment` (outside quotes).
pub(super) fn strip_comment(v: &str) -> &str {
    let mut quote: Option<char> = None;
    for (i, c) in v.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') => return v[..i].trim_end(),
            _ => {}
        }
    }
    v
}
