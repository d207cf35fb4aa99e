//! Tables for `status` and `list`: one set of rows, rendered as a terminal table (comfy-table,
//! fitting the terminal, or 80 columns when output is not a terminal), JSON or CSV.

use std::io::IsTerminal;

use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};

use crate::i18n::Lang;

/// A column: its machine name (JSON key, CSV header) and its English and Norwegian headings.
pub struct Column {
    pub key: &'static str,
    pub en: &'static str,
    pub nb: &'static str,
    /// Shown in the terminal table too (some columns are only for JSON and CSV, to fit 80
    /// columns).
    pub in_table: bool,
}

pub const fn col(key: &'static str, en: &'static str, nb: &'static str) -> Column {
    Column {
        key,
        en,
        nb,
        in_table: true,
    }
}

/// A column only in JSON and CSV.
pub const fn data_col(key: &'static str, en: &'static str, nb: &'static str) -> Column {
    Column {
        key,
        en,
        nb,
        in_table: false,
    }
}

/// Columns and rows of strings; an empty cell is a missing value.
pub struct Rows {
    pub columns: &'static [Column],
    pub rows: Vec<Vec<String>>,
}

impl Rows {
    pub fn table(&self, lang: Lang) -> String {
        let mut t = Table::new();
        t.load_style(presets::UTF8_HORIZONTAL_ONLY);
        t.set_content_arrangement(ContentArrangement::Dynamic);
        if !std::io::stdout().is_terminal() {
            t.set_width(80);
        }
        let shown: Vec<usize> = (0..self.columns.len())
            .filter(|&i| self.columns[i].in_table)
            .collect();
        t.set_header(shown.iter().map(|&i| {
            if lang == Lang::Nb {
                self.columns[i].nb
            } else {
                self.columns[i].en
            }
        }));
        for r in &self.rows {
            t.add_row(shown.iter().map(|&i| r[i].as_str()));
        }
        // Short columns (dates, counts, ids) keep their width; the long ones wrap.
        let constraints = shown.iter().map(|&i| {
            let widest = self
                .rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0);
            if widest <= 10 {
                ColumnConstraint::ContentWidth
            } else {
                ColumnConstraint::LowerBoundary(Width::Fixed(8))
            }
        });
        t.set_constraints(constraints);
        let text: Vec<String> = t.lines().map(|l| l.trim_end().to_string()).collect();
        format!("{}\n", text.join("\n"))
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

    pub fn csv(&self) -> String {
        let mut out = String::new();
        let line = |cells: Vec<&str>| {
            let quoted: Vec<String> = cells
                .iter()
                .map(|c| {
                    if c.contains([',', '"', '\n', '\r']) {
                        format!("\"{}\"", c.replace('"', "\"\""))
                    } else {
                        c.to_string()
                    }
                })
                .collect();
            format!("{}\n", quoted.join(","))
        };
        out.push_str(&line(self.columns.iter().map(|c| c.key).collect()));
        for r in &self.rows {
            out.push_str(&line(r.iter().map(String::as_str).collect()));
        }
        out
    }
}
