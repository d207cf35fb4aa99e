//! Tables for `status` and `list`: one set of rows, rendered as a terminal table (comfy-table,
//! fitting the terminal, or 80 columns when output is not a terminal), JSON or CSV.

use std::io::IsTerminal;

use comfy_table::{
    Cell, Color, ColumnConstraint, ContentArrangement, LineStyle, Row, Table, TableStyle, Width,
    presets::NOTHING,
};

use crate::i18n::{Lang, pick};

mod fit;
#[cfg(test)]
mod tests;

pub use fit::Give;
use fit::{break_id, fit};

/// Spaces between two columns.
const GAP: usize = 2;

/// No borders and no lines between rows: only a rule under the header.
const STYLE: TableStyle = NOTHING.header_separator(LineStyle::none().fill('─'));

/// The width to fit: the terminal's, or 80 columns when output is not a terminal.
pub fn width() -> usize {
    if std::io::stdout().is_terminal() {
        Table::new().width().map_or(80, usize::from)
    } else {
        80
    }
}

/// A no-break space: words joined by it wrap as one (comfy-table and `wrap` break lines at
/// spaces only); the output shows it as a plain space.
pub const GLUE: char = '\u{a0}';

/// Whether `word` is a short abbreviation such as HF, RHF or AS.
fn is_abbreviation(word: &str) -> bool {
    (1..=3).contains(&word.chars().count()) && word.chars().all(char::is_uppercase)
}

/// The most characters a terminal table shows of one cell: a paragraph. A longer one (a name
/// pasted with a whole document) is cut with an ellipsis, so that the table stays readable and
/// fitting it stays fast.
pub const MAX_CELL_CHARS: usize = 400;

/// `cell` with control characters (but the line breaks a cell is laid out with) and bidi
/// controls shown escaped (`\u{1b}`): a value from the registry cannot steer the terminal or
/// reorder the line around it, in a table as in `validate`'s output.
fn escape_controls(cell: String) -> String {
    let bad = |c: char| (c.is_control() && c != '\n') || crate::source::is_bidi_control(c);
    if !cell.chars().any(bad) {
        return cell;
    }
    cell.chars()
        .map(|c| {
            if bad(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// `cell`, cut to [`MAX_CELL_CHARS`] characters with an ellipsis.
fn cut(cell: String) -> String {
    match cell.char_indices().nth(MAX_CELL_CHARS) {
        Some((at, _)) => format!("{}…", &cell[..at]),
        None => cell,
    }
}

/// `text` with each line's last word glued to the word before when it is an abbreviation (the
/// "HF" of "Oslo universitetssykehus HF"), so that it does not wrap onto a line of its own.
fn keep_tail(text: String) -> String {
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| match line.rsplit_once(' ') {
            Some((head, tail)) if !head.is_empty() && is_abbreviation(tail) => {
                format!("{head}{GLUE}{tail}")
            }
            _ => line.to_string(),
        })
        .collect();
    lines.join("\n")
}

/// `text` as lines of at most `width` characters, broken at spaces (a word longer than a line
/// stays whole); the first line starts with `first`, the others with `rest`. Ends with a newline.
pub fn wrap(first: &str, rest: &str, text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = first.to_string();
    let mut empty = true;
    let text = keep_tail(text.to_string());
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let len = line.chars().count();
        if !empty && len + 1 + word.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line = rest.to_string();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
    out.replace(GLUE, " ")
}

/// The room for the cells of `n` columns: the width less the gaps between them.
fn room(n: usize) -> usize {
    width().saturating_sub(GAP * n.saturating_sub(1))
}

/// A table whose columns fit the terminal.
/// What a row's colour says (only under `--color always`, or on a terminal).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Red: vacant, overdue.
    Alarm,
    /// Yellow: pending, due soon.
    Warn,
}

fn render(
    header: Vec<String>,
    mut body: Vec<Vec<String>>,
    gives: &[Give],
    tones: &[Option<Tone>],
) -> String {
    let widths = fit(&header, &body, gives, room(header.len()));
    if let Some(widths) = &widths {
        for row in &mut body {
            for (i, cell) in row.iter_mut().enumerate() {
                if gives.get(i) == Some(&Give::Id) {
                    *cell = break_id(cell, widths[i]);
                }
            }
        }
    }
    render_with(header, body, tones, widths.as_deref())
}

/// A table with these column widths (without gaps), or as wide as the terminal if `None`; a row
/// with a tone is coloured (comfy-table wraps the plain text and colours each line after, so
/// the widths are those of the visible text).
fn render_with(
    header: Vec<String>,
    body: Vec<Vec<String>>,
    tones: &[Option<Tone>],
    widths: Option<&[usize]>,
) -> String {
    let last = header.len().saturating_sub(1);
    let mut t = Table::new();
    t.load_style(STYLE);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    t.set_header(header);
    for (i, r) in body.into_iter().enumerate() {
        let color = match tones.get(i).copied().flatten() {
            Some(Tone::Alarm) => Some(Color::DarkRed),
            Some(Tone::Warn) => Some(Color::DarkYellow),
            None => None,
        };
        t.add_row(Row::from(r.into_iter().map(|c| match color {
            Some(color) if !c.is_empty() => Cell::new(c).fg(color),
            _ => Cell::new(c),
        })));
    }
    if tones.iter().any(Option::is_some) {
        t.enforce_styling();
    }
    for (i, c) in t.column_iter_mut().enumerate() {
        c.set_padding((0, if i == last { 0 } else { GAP as u16 }));
    }
    if let Some(widths) = widths {
        let total: usize = widths.iter().sum::<usize>() + GAP * last;
        t.set_width(u16::try_from(total).unwrap_or(u16::MAX));
        // comfy-table's widths include the padding.
        t.set_constraints(widths.iter().enumerate().map(|(i, &w)| {
            let w = if i == last { w } else { w + GAP };
            ColumnConstraint::Absolute(Width::Fixed(u16::try_from(w).unwrap_or(u16::MAX)))
        }));
    } else {
        t.set_width(u16::try_from(width()).unwrap_or(u16::MAX));
    }
    let text: Vec<String> = t
        .lines()
        .map(|l| plain_codes(&l).trim_end().replace(GLUE, " "))
        .collect();
    format!("{}\n", text.join("\n"))
}

/// comfy-table (crossterm) writes colours as 256-colour codes and colours a cell's padding too:
/// write the basic codes every terminal knows (as `validate` does), and end the colour before
/// the padding so that a line ends in no coloured spaces.
fn plain_codes(line: &str) -> String {
    const END: &str = "\x1b[39m";
    let line = line
        .replace("\x1b[38;5;1m", "\x1b[31m")
        .replace("\x1b[38;5;3m", "\x1b[33m");
    let mut out = String::with_capacity(line.len());
    let mut rest = line.as_str();
    while let Some(at) = rest.find(END) {
        let (before, after) = rest.split_at(at);
        let text = before.trim_end_matches(' ');
        out.push_str(text);
        out.push_str(END);
        out.push_str(&before[text.len()..]);
        rest = &after[END.len()..];
    }
    out.push_str(rest);
    out
}

/// A column: its machine name (JSON key, CSV header) and its English and Norwegian headings.
pub struct Column {
    pub key: &'static str,
    pub en: &'static str,
    pub nb: &'static str,
    /// Shown in the terminal table too (some columns are only for JSON and CSV, to fit 80
    /// columns).
    pub in_table: bool,
    /// How the terminal table shows a cell (e.g. without a suffix the heading already says);
    /// JSON and CSV keep the value as it is.
    pub shown: fn(&str, Lang) -> String,
    /// How the column gives way in a narrow terminal.
    pub give: Give,
}

fn as_is(cell: &str, _: Lang) -> String {
    cell.to_string()
}

pub const fn col(key: &'static str, en: &'static str, nb: &'static str) -> Column {
    Column {
        key,
        en,
        nb,
        in_table: true,
        shown: as_is,
        give: Give::Text,
    }
}

impl Column {
    /// The same column, its cells shown in the terminal table by `shown`.
    pub const fn shown_as(mut self, shown: fn(&str, Lang) -> String) -> Self {
        self.shown = shown;
        self
    }

    /// The same column, holding people's names (kept whole first, see [`Give::Name`]).
    pub const fn names(mut self) -> Self {
        self.give = Give::Name;
        self
    }

    /// The same column, holding ids (broken after a hyphen first, see [`Give::Id`]).
    pub const fn ids(mut self) -> Self {
        self.give = Give::Id;
        self
    }
}

/// A column only in JSON and CSV.
pub const fn data_col(key: &'static str, en: &'static str, nb: &'static str) -> Column {
    Column {
        key,
        en,
        nb,
        in_table: false,
        shown: as_is,
        give: Give::Text,
    }
}

/// Columns and rows of strings; an empty cell is a missing value.
pub struct Rows {
    pub columns: &'static [Column],
    pub rows: Vec<Vec<String>>,
}

impl Rows {
    /// The terminal table: a header rule and no other lines, columns two spaces apart, cells
    /// wrapped at spaces to fit the terminal (80 columns when output is not a terminal).
    pub fn table(&self, lang: Lang) -> String {
        self.table_toned(lang, &[])
    }

    /// The terminal table, each row coloured by its tone (`tones[i]` for `rows[i]`; pass none
    /// when colour is off).
    pub fn table_toned(&self, lang: Lang, tones: &[Option<Tone>]) -> String {
        let shown: Vec<usize> = (0..self.columns.len())
            .filter(|&i| self.columns[i].in_table)
            .collect();
        let (header, body) = self.cells(&shown, &self.rows, lang);
        render(header, body, &self.gives(&shown), tones)
    }

    /// The terminal table in sections, one per value of the first column (e.g. per group): the
    /// value as a heading, then a table of the other columns (each section fitted on its own, so
    /// that one group's long names do not squeeze the others).
    pub fn table_by_first(&self, lang: Lang, tones: &[Option<Tone>]) -> String {
        let shown: Vec<usize> = (1..self.columns.len())
            .filter(|&i| self.columns[i].in_table)
            .collect();
        let (header, all) = self.cells(&shown, &self.rows, lang);
        let gives = self.gives(&shown);
        let mut out = String::new();
        let mut rest = self.rows.as_slice();
        let mut body = all.into_iter();
        let mut done = 0;
        while let Some(first) = rest.first() {
            let n = rest.iter().take_while(|r| r[0] == first[0]).count();
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&first[0]);
            out.push('\n');
            let section: Vec<Vec<String>> = body.by_ref().take(n).collect();
            let toned = tones.get(done..done + n).unwrap_or(&[]);
            out.push_str(&render(header.clone(), section, &gives, toned));
            rest = &rest[n..];
            done += n;
        }
        if out.is_empty() {
            out = render(header, Vec::new(), &gives, &[]);
        }
        out
    }

    fn gives(&self, shown: &[usize]) -> Vec<Give> {
        shown.iter().map(|&i| self.columns[i].give).collect()
    }

    /// The headings and the cells of the `shown` columns, as the terminal table shows them.
    fn cells(
        &self,
        shown: &[usize],
        rows: &[Vec<String>],
        lang: Lang,
    ) -> (Vec<String>, Vec<Vec<String>>) {
        let header = shown
            .iter()
            .map(|&i| pick(lang, self.columns[i].en, self.columns[i].nb).to_string())
            .collect();
        let body = rows
            .iter()
            .map(|r| {
                shown
                    .iter()
                    .map(|&i| keep_tail(cut(escape_controls((self.columns[i].shown)(&r[i], lang)))))
                    .collect()
            })
            .collect();
        (header, body)
    }

    pub fn json(&self) -> String {
        let items: Vec<serde_json::Value> = self
            .rows
            .iter()
            .map(|r| {
                let obj = self
                    .columns
                    .iter()
                    .zip(r)
                    .map(|(c, v)| {
                        let v = if v.is_empty() {
                            serde_json::Value::Null
                        } else {
                            serde_json::Value::String(v.clone())
                        };
                        (c.key.to_string(), v)
                    })
                    .collect();
                serde_json::Value::Object(obj)
            })
            .collect();
        let mut s = serde_json::to_string_pretty(&items).unwrap_or_default();
        s.push('\n');
        s
    }

    /// The CSV: column keys as the header, cells as in JSON (crate::output::csv).
    pub fn csv(&self, dialect: crate::output::csv::Dialect) -> String {
        let header: Vec<&str> = self.columns.iter().map(|c| c.key).collect();
        let rows: Vec<Vec<&str>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        crate::output::csv::write(&header, &rows, dialect)
    }

    /// One worksheet: headings and cells in `lang` as the table shows them, ISO dates as dates.
    pub fn sheet(&self, name: &str, lang: Lang) -> crate::output::xlsx::Sheet {
        let header = self
            .columns
            .iter()
            .map(|c| pick(lang, c.en, c.nb).to_string())
            .collect();
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                self.columns
                    .iter()
                    .zip(r)
                    .map(|(c, v)| (c.shown)(v, lang))
                    .collect()
            })
            .collect();
        crate::output::xlsx::Sheet::from_text(name, header, &rows)
    }
}
