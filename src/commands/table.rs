//! Tables for `status` and `list`: one set of rows, rendered as a terminal table (comfy-table,
//! fitting the terminal, or 80 columns when output is not a terminal), JSON or CSV.

use std::io::IsTerminal;

use comfy_table::{
    Cell, Color, ColumnConstraint, ContentArrangement, LineStyle, Row, Table, TableStyle, Width,
    presets::NOTHING,
};

use crate::i18n::{Lang, pick};

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

/// How a column gives way when the table is wider than the terminal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Give {
    /// Wrapped at spaces, as wide as the other columns leave it.
    #[default]
    Text,
    /// A person's name: given its whole width (up to [`NAME_ROOM`]) before the other columns get
    /// more than their longest word, so that «Erik Myhre» stays on one line.
    Name,
    /// An id such as `nkt-solide-svulster-barn`: kept whole after the names if it can be, else
    /// broken after a hyphen, so that it gives its room to the names.
    Id,
}

/// The widest a name is kept whole.
const NAME_ROOM: usize = 30;

/// The words a cell may break between: at spaces, and in an id after a hyphen too.
fn words(cell: &str, give: Give) -> impl Iterator<Item = &str> {
    cell.split([' ', '\n']).flat_map(move |w| {
        let pieces: Box<dyn Iterator<Item = &str>> = if give == Give::Id {
            Box::new(w.split_inclusive('-'))
        } else {
            Box::new(std::iter::once(w))
        };
        pieces
    })
}

/// An id cell laid out in lines of at most `width` characters, broken after hyphens (and at
/// spaces) where the whole id does not fit; a piece longer than the line stays whole.
fn break_id(cell: &str, width: usize) -> String {
    if cell.chars().count() <= width || cell.contains('\n') {
        return cell.to_string();
    }
    let mut lines: Vec<String> = vec![String::new()];
    for (wi, word) in cell.split(' ').enumerate() {
        for (pi, piece) in word.split_inclusive('-').enumerate() {
            let sep = if wi > 0 && pi == 0 { " " } else { "" };
            let line = lines.last_mut().expect("one line at least");
            let len = line.chars().count();
            if len > 0 && len + sep.len() + piece.chars().count() > width {
                lines.push(piece.to_string());
            } else {
                if len > 0 {
                    line.push_str(sep);
                }
                line.push_str(piece);
            }
        }
    }
    lines.join("\n")
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

/// How many lines `cell` takes in a column `width` wide, wrapped as comfy-table wraps: at
/// spaces, closing a line early when no more than two characters are left on it.
fn height(cell: &str, width: usize) -> usize {
    cell.split('\n')
        .map(|line| {
            let (mut lines, mut len) = (0, 0);
            for word in line.split(' ') {
                let w = word.chars().count();
                if len > 0 && len + 1 + w > width {
                    lines += 1;
                    len = 0;
                }
                len += if len > 0 { 1 + w } else { w };
                if len > width.saturating_sub(2) {
                    lines += 1;
                    len = 0;
                }
            }
            (lines + usize::from(len > 0)).max(1)
        })
        .sum()
}

/// The lines each cell takes at each width its column may get, worked out once.
struct Lines {
    min: Vec<usize>,
    /// `by_width[row][column][width - min[column]]`; row 0 is the header.
    by_width: Vec<Vec<Vec<usize>>>,
}

impl Lines {
    fn new(
        header: &[String],
        body: &[Vec<String>],
        gives: &[Give],
        min: &[usize],
        max: &[usize],
    ) -> Lines {
        let by_width = std::iter::once(header)
            .chain(body.iter().map(Vec::as_slice))
            .map(|r| {
                r.iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let id = gives.get(i) == Some(&Give::Id);
                        (min[i]..=max[i].max(min[i]))
                            .map(|w| {
                                if id {
                                    height(&break_id(c, w), w)
                                } else {
                                    height(c, w)
                                }
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        Lines {
            min: min.to_vec(),
            by_width,
        }
    }

    /// What the table costs with these widths: above all its lines, then the lines of its cells
    /// (so that a cell that no longer wraps counts even when its row is still as tall).
    fn cost(&self, widths: &[usize]) -> usize {
        self.by_width
            .iter()
            .map(|r| {
                let (mut tallest, mut all) = (1, 0);
                for (i, by_width) in r.iter().enumerate() {
                    let at = widths[i]
                        .saturating_sub(self.min[i])
                        .min(by_width.len() - 1);
                    tallest = tallest.max(by_width[at]);
                    all += by_width[at];
                }
                tallest * 1000 + all
            })
            .sum()
    }
}

/// Column widths that fit `room` without breaking a word (words are split at spaces only, as
/// comfy-table does, so a no-break space keeps "2025-01-15 –" together): each column gets its
/// longest word (header included), then the room left goes, a step at a time, where it saves
/// the most lines per character (see `Lines::cost`). `None` when even the longest words do not fit (then
/// comfy-table breaks words rather than overflow the terminal); all widest lines when they fit.
fn fit(header: &[String], body: &[Vec<String>], gives: &[Give], room: usize) -> Option<Vec<usize>> {
    let len = |s: &str| s.chars().count();
    let give = |i: usize| gives.get(i).copied().unwrap_or_default();
    let cells = |i: usize| std::iter::once(&header[i]).chain(body.iter().map(move |r| &r[i]));
    let min: Vec<usize> = (0..header.len())
        .map(|i| {
            cells(i)
                .flat_map(|c| words(c, give(i)))
                .map(len)
                .max()
                .unwrap_or(0)
        })
        .collect();
    // No column is wider than the room (nor narrower than its longest word): the widths tried
    // for each cell are at most the room's, so fitting is linear in a cell's length.
    let max: Vec<usize> = (0..header.len())
        .map(|i| {
            let widest = cells(i).flat_map(|c| c.lines()).map(len).max().unwrap_or(0);
            widest.min(room).max(min[i])
        })
        .collect();
    if max.iter().sum::<usize>() <= room {
        return Some(max);
    }
    let need: usize = min.iter().sum();
    if need > room {
        return None;
    }
    let table = Lines::new(header, body, gives, &min, &max);
    let mut widths = min;
    let mut left = room - need;
    // Names first, then ids: each gets its whole width when that fits beside the others'
    // longest words, so that an id breaks only to keep a name whole.
    for kind in [Give::Name, Give::Id] {
        for i in (0..widths.len()).filter(|&i| give(i) == kind) {
            let whole = if kind == Give::Name {
                max[i].min(NAME_ROOM)
            } else {
                max[i]
            };
            let want = whole.saturating_sub(widths[i]);
            if want <= left {
                widths[i] += want;
                left -= want;
            }
        }
    }
    let mut lines = table.cost(&widths);
    loop {
        // The step (column, extra width) that saves the most lines per character.
        let mut best: Option<(usize, usize, usize)> = None;
        for i in 0..widths.len() {
            for extra in 1..=left.min(max[i] - widths[i]) {
                let mut w = widths.clone();
                w[i] += extra;
                let saved = lines - table.cost(&w).min(lines);
                if saved > 0 && best.is_none_or(|(_, e, s)| saved * e > s * extra) {
                    best = Some((i, extra, saved));
                }
            }
        }
        let Some((i, extra, saved)) = best else {
            break;
        };
        widths[i] += extra;
        left -= extra;
        lines -= saved;
    }
    // What no step can use goes to the columns that still wrap, so the table fills the room.
    while left > 0 {
        let Some(i) = (0..widths.len())
            .filter(|&i| widths[i] < max[i])
            .max_by_key(|&i| max[i] - widths[i])
        else {
            break;
        };
        widths[i] += 1;
        left -= 1;
    }
    Some(widths)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    fn seats() -> (Vec<String>, Vec<Vec<String>>) {
        let header = strings(&["Role", "Region (RHF) / body", "Person, employer", "Status"]);
        let body = vec![
            strings(&[
                "regional",
                "Helse Nord",
                "Kari Nordmann\nUniversitetssykehuset Nord-Norge HF",
                "active",
            ]),
            strings(&[
                "user",
                "Funksjonshemmedes Fellesorganisasjon",
                "Ulla Dahl",
                "pending: awaiting consent",
            ]),
        ];
        (header, body)
    }

    #[test]
    fn control_and_bidi_characters_from_the_registry_are_shown_escaped() {
        assert_eq!(
            escape_controls("Kari\u{1b}[31m Nordmann\u{202e}".to_string()),
            "Kari\\u{1b}[31m Nordmann\\u{202e}"
        );
        assert_eq!(
            escape_controls("Kari\nNordmann".to_string()),
            "Kari\nNordmann"
        );
    }

    #[test]
    fn a_megabyte_cell_is_cut_and_the_table_is_fitted_in_linear_time() {
        static COLUMNS: [Column; 2] = [col("id", "Id", "Id"), col("name", "Name", "Navn")];
        let long = "ord ".repeat(250_000);
        let rows = Rows {
            columns: &COLUMNS,
            rows: vec![
                vec!["a".into(), long.clone()],
                vec!["b".into(), "x".repeat(1_000_000)],
            ],
        };
        let start = std::time::Instant::now();
        let table = rows.table(Lang::Nb);
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
        assert!(table.contains('…'), "{table}");
        assert!(table.len() < 4 * MAX_CELL_CHARS, "{}", table.len());
        assert_eq!(cut("æøå".repeat(200)).chars().count(), MAX_CELL_CHARS + 1);
        assert_eq!(cut("kort".into()), "kort");
    }

    #[test]
    fn a_table_that_fits_breaks_no_word_and_stays_within_the_width() {
        let (header, body) = seats();
        let widths = fit(&header, &body, &[], 60).expect("the longest words fit in 60 columns");
        assert!(widths.iter().sum::<usize>() <= 60);
        assert!(widths[1] >= "Funksjonshemmedes".len());
        assert!(widths[2] >= "Universitetssykehuset".len());
        let text = render_with(header, body, &[], Some(&widths));
        for line in text.lines() {
            assert!(line.chars().count() <= 60 + GAP * 3, "too wide: {line}");
        }
        for word in [
            "Funksjonshemmedes",
            "Universitetssykehuset",
            "Nord-Norge HF",
        ] {
            assert!(text.contains(word), "{word} is broken in:\n{text}");
        }
    }

    #[test]
    fn a_table_whose_longest_words_do_not_fit_gets_no_widths() {
        let (header, body) = seats();
        // regional + Fellesorganisasjon + Universitetssykehuset + awaiting = 55.
        assert_eq!(fit(&header, &body, &[], 54), None);
        assert!(fit(&header, &body, &[], 55).is_some());
    }

    #[test]
    fn a_table_with_room_to_spare_keeps_each_line_whole() {
        let (header, body) = seats();
        let widths = fit(&header, &body, &[], 200).expect("fits");
        assert_eq!(widths, vec![8, 36, 35, 25]);
    }

    #[test]
    fn the_predicted_height_is_the_height_comfy_table_renders() {
        let (header, body) = seats();
        for room in [55, 62, 75] {
            let widths = fit(&header, &body, &[], room).expect("fits");
            let text = render_with(header.clone(), body.clone(), &[], Some(&widths));
            // The header rule is the one line that no cell takes.
            let min: Vec<usize> = vec![0; widths.len()];
            let predicted = Lines::new(&header, &body, &[], &min, &widths).cost(&widths) / 1000 + 1;
            assert_eq!(text.lines().count(), predicted, "at {room}:\n{text}");
        }
    }

    #[test]
    fn names_keep_their_width_and_ids_break_after_a_hyphen_first() {
        let header = strings(&["Id", "Name", "Chair"]);
        let body = vec![
            strings(&[
                "nkt-solide-svulster-barn",
                "Referansegruppen for Nasjonal kompetansetjeneste for solide svulster hos barn",
                "Solveig Nygaard",
            ]),
            strings(&["frbt-stamcelle", "Referansegruppen", "Erik Myhre"]),
        ];
        let gives = [Give::Id, Give::Text, Give::Name];
        let widths = fit(&header, &body, &gives, 50).expect("fits");
        assert!(widths[2] >= "Solveig Nygaard".len(), "{widths:?}");
        assert!(widths[0] < "nkt-solide-svulster-barn".len(), "{widths:?}");
        assert!(widths.iter().sum::<usize>() <= 50, "{widths:?}");
        // Without the hints the id keeps its width and the name wraps.
        let plain = fit(&header, &body, &[], 50).expect("fits");
        assert_eq!(plain[0], "nkt-solide-svulster-barn".len(), "{plain:?}");
        assert!(plain[2] < "Solveig Nygaard".len(), "{plain:?}");
    }

    #[test]
    fn an_id_breaks_after_hyphens_and_at_spaces_only() {
        assert_eq!(
            break_id("nkt-solide-svulster-barn", 12),
            "nkt-solide-\nsvulster-\nbarn"
        );
        assert_eq!(break_id("frbt-stamcelle", 14), "frbt-stamcelle");
        assert_eq!(
            break_id("Senja omstilling-helse", 12),
            "Senja\nomstilling-\nhelse"
        );
        // A piece longer than the line stays whole.
        assert_eq!(
            break_id("a-stamcelletransplantasjon", 5),
            "a-\nstamcelletransplantasjon"
        );
    }

    #[test]
    fn wrap_breaks_at_spaces_and_keeps_an_abbreviation_with_its_word() {
        let text = "Chair: Anders Holm, since 2023-01-01, designated by Universitetssykehuset Nord-Norge HF";
        let wrapped = wrap("", "  ", text, 70);
        assert_eq!(
            wrapped,
            "Chair: Anders Holm, since 2023-01-01, designated by\n  Universitetssykehuset Nord-Norge HF\n"
        );
        assert_eq!(wrap("- ", "  ", "short", 70), "- short\n");
    }

    #[test]
    fn only_short_capitals_are_glued() {
        assert_eq!(
            keep_tail("Helse Bergen HF".into()),
            format!("Helse Bergen{GLUE}HF")
        );
        assert_eq!(keep_tail("Morten Aas".into()), "Morten Aas");
        assert_eq!(keep_tail("HF".into()), "HF");
    }

    fn visible(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(at) = rest.find('\x1b') {
            out.push_str(&rest[..at]);
            let end = rest[at..].find('m').map_or(rest.len(), |m| at + m + 1);
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn a_toned_row_is_coloured_and_aligned_as_the_plain_table() {
        let (header, body) = seats();
        let plain = render(header.clone(), body.clone(), &[], &[]);
        let toned = render(header, body, &[], &[Some(Tone::Alarm), Some(Tone::Warn)]);
        assert_eq!(visible(&toned), plain);
        assert!(toned.contains("\x1b[31mregional\x1b[39m"), "{toned:?}");
        assert!(toned.contains("\x1b[33mUlla Dahl\x1b[39m"), "{toned:?}");
        assert!(!toned.contains("38;5"), "{toned:?}");
        // The colour ends before the padding, and no line ends in a coloured space.
        assert!(!toned.contains(" \x1b[39m"), "{toned:?}");
        assert!(!plain.contains('\x1b'));
    }

    #[test]
    fn plain_codes_moves_the_padding_out_of_the_colour() {
        assert_eq!(
            plain_codes("\x1b[38;5;1mledig  \x1b[39m  x"),
            "\x1b[31mledig\x1b[39m    x"
        );
        assert_eq!(plain_codes("aktiv"), "aktiv");
    }
}
