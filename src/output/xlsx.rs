//! Workbooks for `--format xlsx -o FILE` (rust_xlsxwriter): one worksheet per table, a bold
//! frozen header row with an autofilter, column widths from the content, and dates as real
//! spreadsheet dates (shown `dd.mm.yyyy` in Norwegian, `yyyy-mm-dd` in English).
//!
//! Text cells are masked (`crate::pii_scan::mask`) like every other output. rust_xlsxwriter
//! writes text cells as strings, never as formulas, so no cell can run.

use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

use crate::i18n::Lang;
use crate::registry::Date;

/// One cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Date(Date),
    Number(f64),
}

impl Cell {
    /// A cell from a table's text: an ISO date becomes a date, anything else stays text.
    pub fn guess(text: &str) -> Cell {
        match Date::parse_from_str(text, "%Y-%m-%d") {
            Ok(d) if text.len() == 10 => Cell::Date(d),
            _ => Cell::Text(text.to_string()),
        }
    }

    fn width(&self) -> usize {
        match self {
            Cell::Text(t) => t.lines().map(|l| l.chars().count()).max().unwrap_or(0),
            Cell::Date(_) => 10,
            Cell::Number(n) => n.to_string().len(),
        }
    }
}

/// One worksheet: its name (in the output language), its header and its rows.
#[derive(Clone, Debug)]
pub struct Sheet {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// A sheet of text rows, where ISO dates become dates.
    pub fn from_text(name: &str, header: Vec<String>, rows: &[Vec<String>]) -> Sheet {
        Sheet {
            name: name.to_string(),
            header,
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| Cell::guess(c)).collect())
                .collect(),
        }
    }
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect();
    if clean.trim().is_empty() {
        "Sheet".into()
    } else {
        clean
    }
}

/// The workbook as the bytes of an .xlsx file.
pub fn to_bytes(sheets: &[Sheet], lang: Lang) -> anyhow::Result<Vec<u8>> {
    let mut wb = Workbook::new();
    // A fixed creation time: the same input gives the same bytes.
    let epoch = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&epoch));
    let bold = Format::new().set_bold();
    let date_format = Format::new().set_num_format(match lang {
        Lang::Nb => "dd.mm.yyyy",
        Lang::En => "yyyy-mm-dd",
    });
    let mut used = std::collections::BTreeSet::new();
    for s in sheets {
        let mut name = sheet_name(&s.name);
        let mut n = 2;
        while !used.insert(name.to_lowercase()) {
            name = format!(
                "{} {n}",
                sheet_name(&s.name).chars().take(27).collect::<String>()
            );
            n += 1;
        }
        let ws = wb.add_worksheet();
        ws.set_name(&name)?;
        let mut widths: Vec<usize> = s.header.iter().map(|h| h.chars().count()).collect();
        for (c, h) in s.header.iter().enumerate() {
            ws.write_string_with_format(0, col(c), crate::pii_scan::mask(h).as_ref(), &bold)?;
        }
        for (r, row) in s.rows.iter().enumerate() {
            let r = u32::try_from(r + 1)?;
            for (c, cell) in row.iter().enumerate() {
                if widths.len() <= c {
                    widths.resize(c + 1, 0);
                }
                widths[c] = widths[c].max(cell.width());
                match cell {
                    Cell::Text(t) if t.is_empty() => {}
                    Cell::Text(t) => {
                        ws.write_string(r, col(c), crate::pii_scan::mask(t).as_ref())?;
                    }
                    Cell::Date(d) => {
                        let dt = ExcelDateTime::parse_from_str(&d.format("%Y-%m-%d").to_string())?;
                        ws.write_datetime_with_format(r, col(c), &dt, &date_format)?;
                    }
                    Cell::Number(n) => {
                        ws.write_number(r, col(c), *n)?;
                    }
                }
            }
        }
        for (c, w) in widths.iter().enumerate() {
            // Room for the filter button, and no column wider than a screen's third.
            ws.set_column_width(col(c), (*w as f64 + 4.0).min(60.0))?;
        }
        ws.set_freeze_panes(1, 0)?;
        // Printed: landscape, as wide as one page, the header on every page.
        ws.set_landscape();
        ws.set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(0, 0)?;
        let last_col = col(s.header.len().saturating_sub(1));
        ws.autofilter(0, 0, u32::try_from(s.rows.len())?, last_col)?;
    }
    Ok(wb.save_to_buffer()?)
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// Writes the workbook to `path` (exit 2 on failure), saying so on standard error.
pub fn save(path: &Path, sheets: &[Sheet], lang: Lang) -> anyhow::Result<()> {
    let bytes = to_bytes(sheets, lang)?;
    std::fs::write(path, bytes).map_err(|e| {
        let p = path.display();
        anyhow::anyhow!(
            "{}",
            crate::t!("cannot write {p}: {e}", "kan ikke skrive {p}: {e}").get(lang)
        )
    })?;
    let p = path.display();
    eprintln!("{}", crate::t!("wrote {p}", "skrev {p}").get(lang));
    Ok(())
}

/// `--format xlsx` needs `-o FILE`: a workbook is binary.
pub fn need_output(path: Option<&Path>, lang: Lang) -> anyhow::Result<&Path> {
    path.ok_or_else(|| {
        anyhow::anyhow!(
            "{}",
            crate::t!(
                "--format xlsx writes a workbook; give the file with -o FILE.xlsx",
                "--format xlsx skriver en arbeidsbok; oppgi filen med -o FIL.xlsx"
            )
            .get(lang)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_become_dates() {
        assert!(matches!(Cell::guess("2025-03-14"), Cell::Date(_)));
        assert!(matches!(Cell::guess("2025-3-14"), Cell::Text(_)));
        assert!(matches!(Cell::guess("Kari"), Cell::Text(_)));
    }

    #[test]
    fn identity_numbers_are_masked_in_cells() {
        use calamine::Reader;
        let n = (0..100_000)
            .map(|i| format!("010190{i:05}"))
            .find(|n| crate::pii_scan::is_identity_number(n.as_bytes()))
            .unwrap_or_default();
        let s = Sheet::from_text("Ark", vec!["Navn".into()], &[vec![format!("Kari {n}")]]);
        let bytes = to_bytes(&[s], Lang::Nb).unwrap_or_default();
        let mut wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
            .unwrap_or_else(|e| panic!("{e}"));
        let range = wb.worksheet_range("Ark").unwrap_or_else(|e| panic!("{e}"));
        let cell = range.get((1, 0)).map(|c| c.to_string()).unwrap_or_default();
        assert_eq!(cell, format!("Kari {}*****", &n[..6]));
    }

    #[test]
    fn sheet_names_are_made_valid_and_unique() {
        assert_eq!(sheet_name("a/b:c"), "a-b-c");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
        let s = Sheet::from_text("Møter", vec!["Dato".into()], &[vec!["2025-03-14".into()]]);
        let bytes = to_bytes(&[s.clone(), s.clone()], Lang::Nb).unwrap_or_default();
        assert!(bytes.starts_with(b"PK"));
        // Deterministic: the same sheets give the same bytes.
        assert_eq!(
            bytes,
            to_bytes(&[s.clone(), s], Lang::Nb).unwrap_or_default()
        );
    }
}
