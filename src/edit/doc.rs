//! Format-preserving documents: a TOML file, or the TOML front matter of a Markdown file.
//!
//! toml_edit keeps comments, blank lines, key order and quoting of everything it did not
//! change. It knows nothing about a byte-order mark, and it writes new lines with `\n`; this
//! module strips and restores the mark and, in a file whose lines all end in `\r\n`, gives the
//! new lines that ending too. The Markdown body is never parsed: it is copied byte for byte.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use crate::registry::Date;
use crate::registry::frontmatter::{self, Split};

const BOM: &str = "\u{feff}";

/// Why a file cannot be edited.
#[derive(Debug)]
pub struct ParseError(pub String);

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParseError {}

/// A TOML text being edited.
pub struct TomlDoc {
    bom: bool,
    crlf: bool,
    pub doc: DocumentMut,
}

/// Whether every line of `text` ends in `\r\n` (and there is at least one).
fn all_crlf(text: &str) -> bool {
    let lf = text.matches('\n').count();
    lf > 0 && text.matches("\r\n").count() == lf
}

impl TomlDoc {
    pub fn parse(text: &str) -> Result<TomlDoc, ParseError> {
        let (bom, text) = match text.strip_prefix(BOM) {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let crlf = all_crlf(text);
        let normalised = if crlf {
            text.replace("\r\n", "\n")
        } else {
            text.to_string()
        };
        let doc = normalised
            .parse::<DocumentMut>()
            .map_err(|e| ParseError(e.message().trim().to_string()))?;
        Ok(TomlDoc { bom, crlf, doc })
    }

    /// A new, empty document.
    pub fn empty() -> TomlDoc {
        TomlDoc {
            bom: false,
            crlf: false,
            doc: DocumentMut::new(),
        }
    }

    pub fn render(&self) -> String {
        let mut text = self.doc.to_string();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        if self.crlf {
            text = text.replace('\n', "\r\n");
        }
        if self.bom {
            text.insert_str(0, BOM);
        }
        text
    }

    pub fn root(&mut self) -> &mut Table {
        self.doc.as_table_mut()
    }

    /// The entries of an array of tables (`[[member]]`); empty when there is none.
    pub fn tables_mut(&mut self, key: &str) -> Vec<&mut Table> {
        match self.doc.get_mut(key).and_then(Item::as_array_of_tables_mut) {
            Some(aot) => aot.iter_mut().collect(),
            None => Vec::new(),
        }
    }

    /// Appends a new entry to an array of tables, after the last one, separated by a blank line.
    pub fn push_table(&mut self, key: &str, mut table: Table) -> Result<(), ParseError> {
        let empty = self.doc.as_table().is_empty();
        if empty {
            // Comments of a file with no entries yet are its trailing text; they would end up
            // after the new entry. Keep them where they are: above it.
            let trailing = self.doc.trailing().as_str().unwrap_or("").to_string();
            let sep = if trailing.is_empty() || trailing.ends_with("\n\n") {
                ""
            } else {
                "\n"
            };
            table.decor_mut().set_prefix(format!("{trailing}{sep}"));
            self.doc.set_trailing("");
        } else {
            table.decor_mut().set_prefix("\n");
        }
        match self.doc.get_mut(key) {
            Some(item) => match item.as_array_of_tables_mut() {
                Some(aot) => aot.push(table),
                None => {
                    return Err(ParseError(format!(
                        "`{key}` is not a list of [[{key}]] entries"
                    )));
                }
            },
            None => {
                let mut aot = ArrayOfTables::new();
                aot.push(table);
                self.doc.insert(key, Item::ArrayOfTables(aot));
            }
        }
        Ok(())
    }
}

/// Sets `key` in `table`, keeping the comment at the end of its line and the spacing around it.
pub fn set(table: &mut Table, key: &str, value: impl Into<Value>) {
    let mut value = value.into();
    if let Some(old) = table.get_mut(key).and_then(Item::as_value_mut) {
        *value.decor_mut() = old.decor().clone();
        *old = value;
    } else {
        value.decor_mut().clear();
        table.insert(key, Item::Value(value));
    }
}

/// Sets `key` like [`set`]; a new key goes where `order` puts it (after the last key present
/// that comes before it), so that files keep the documented order of fields. Existing lines do
/// not move.
pub fn set_in_order(table: &mut Table, key: &str, value: impl Into<Value>, order: &[&str]) {
    let Some(rank) = order.iter().position(|k| *k == key) else {
        return set(table, key, value);
    };
    if table.contains_key(key) {
        return set(table, key, value);
    }
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    let after = keys
        .iter()
        .rposition(|k| order.iter().position(|o| o == k).is_some_and(|r| r < rank));
    let split = after.map_or(0, |i| i + 1);
    if split >= keys.len() {
        return set(table, key, value);
    }
    let tail: Vec<(toml_edit::Key, Item)> = keys[split..]
        .iter()
        .filter_map(|k| table.remove_entry(k))
        .collect();
    set(table, key, value);
    for (k, item) in tail {
        table.insert_formatted(&k, item);
    }
}

/// A TOML local date.
pub fn date(d: Date) -> Value {
    use chrono::Datelike;
    let date = toml_edit::Date {
        year: d.year() as u16,
        month: d.month() as u8,
        day: d.day() as u8,
    };
    Value::from(toml_edit::Datetime {
        date: Some(date),
        time: None,
        offset: None,
    })
}

/// A string array, written inline.
pub fn str_array<'a>(items: impl IntoIterator<Item = &'a str>) -> Value {
    Value::Array(items.into_iter().collect())
}

/// Reads a string value of a table.
pub fn get_str<'a>(table: &'a Table, key: &str) -> Option<&'a str> {
    table.get(key).and_then(Item::as_str)
}

/// Reads a date value of a table.
pub fn get_date(table: &Table, key: &str) -> Option<Date> {
    let dt = table.get(key)?.as_datetime()?;
    let d = dt.date?;
    if dt.time.is_some() {
        return None;
    }
    Date::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
}

/// A Markdown file whose TOML front matter is edited; everything else is kept as it was.
pub struct MdDoc {
    head: String,
    pub front: TomlDoc,
    tail: String,
}

impl MdDoc {
    pub fn parse(text: &str) -> Result<MdDoc, ParseError> {
        let bom = if text.starts_with(BOM) { BOM.len() } else { 0 };
        match frontmatter::split(&text[bom..], bom) {
            Split::Parts { front, .. } => Ok(MdDoc {
                head: text[..front.start].to_string(),
                front: TomlDoc::parse(&text[front.clone()])?,
                tail: text[front.end..].to_string(),
            }),
            Split::Missing => Err(ParseError(
                "it has no front matter (a first line `+++`)".into(),
            )),
            Split::Unterminated(_) => Err(ParseError(
                "its front matter is never closed by a line `+++`".into(),
            )),
        }
    }

    pub fn render(&self) -> String {
        format!("{}{}{}", self.head, self.front.render(), self.tail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn untouched_documents_render_byte_for_byte() {
        for text in [
            "\u{feff}# c\r\na = 1 # x\r\n\r\n[[m]]\r\nb = 'q'\r\n",
            "a = 1",
            "",
            "# only a comment\n",
        ] {
            let doc = TomlDoc::parse(text).unwrap();
            let out = doc.render();
            assert_eq!(
                out.trim_end_matches('\n'),
                text.trim_end_matches('\n'),
                "{text:?}"
            );
        }
    }

    #[test]
    fn appending_to_a_file_without_final_newline() {
        let mut doc = TomlDoc::parse("[[m]]\nb = 1").unwrap();
        let mut t = Table::new();
        set(&mut t, "b", 2);
        doc.push_table("m", t).unwrap();
        set(doc.tables_mut("m")[0], "c", 3);
        assert_eq!(doc.render(), "[[m]]\nb = 1\nc = 3\n\n[[m]]\nb = 2\n");
    }

    #[test]
    fn new_keys_go_in_the_documented_order_without_moving_lines() {
        let order = ["person", "appointed", "notified", "term-end", "ended"];
        let mut doc = TomlDoc::parse(
            "[[m]]\nperson = \"a\"  # p\n# about the term\nterm-end = 2027-01-01\nx = 1\n",
        )
        .unwrap();
        let t = &mut doc.tables_mut("m")[0];
        set_in_order(t, "notified", date(d("2026-01-02")), &order);
        set_in_order(t, "ended", date(d("2026-05-01")), &order);
        set_in_order(t, "zzz", 2, &order);
        assert_eq!(
            doc.render(),
            "[[m]]\nperson = \"a\"  # p\nnotified = 2026-01-02\n# about the term\nterm-end = 2027-01-01\nended = 2026-05-01\nx = 1\nzzz = 2\n"
        );
    }

    #[test]
    fn a_changed_value_keeps_its_end_of_line_comment() {
        let mut doc = TomlDoc::parse("a = 1   # keep me\nb = \"x\"\n").unwrap();
        set(doc.root(), "a", date(d("2025-01-02")));
        set(doc.root(), "c", "new");
        assert_eq!(
            doc.render(),
            "a = 2025-01-02   # keep me\nb = \"x\"\nc = \"new\"\n"
        );
    }

    #[test]
    fn crlf_and_bom_survive_and_new_lines_use_crlf() {
        let mut doc = TomlDoc::parse("\u{feff}[[m]]\r\nb = 1\r\n").unwrap();
        let mut t = Table::new();
        set(&mut t, "b", 2);
        doc.push_table("m", t).unwrap();
        assert_eq!(
            doc.render(),
            "\u{feff}[[m]]\r\nb = 1\r\n\r\n[[m]]\r\nb = 2\r\n"
        );
    }

    #[test]
    fn the_first_entry_goes_below_the_header_comment() {
        let mut doc = TomlDoc::parse("# Members.\n# One per seat.\n").unwrap();
        let mut t = Table::new();
        set(&mut t, "person", "kari");
        doc.push_table("member", t).unwrap();
        assert_eq!(
            doc.render(),
            "# Members.\n# One per seat.\n\n[[member]]\nperson = \"kari\"\n"
        );
        let mut doc = TomlDoc::empty();
        let mut t = Table::new();
        set(&mut t, "person", "kari");
        doc.push_table("member", t).unwrap();
        assert_eq!(doc.render(), "[[member]]\nperson = \"kari\"\n");
    }

    #[test]
    fn markdown_body_is_kept_byte_for_byte() {
        let text = "\u{feff}+++\r\ndate = 2025-01-01\r\n+++\r\n# Body  \r\n\r\ntext\n";
        let mut md = MdDoc::parse(text).unwrap();
        set(md.front.root(), "status", "held");
        assert_eq!(
            md.render(),
            "\u{feff}+++\r\ndate = 2025-01-01\r\nstatus = \"held\"\r\n+++\r\n# Body  \r\n\r\ntext\n"
        );
    }
}
