//! Spreadsheets in: `mandat import members|registry|template`.
//!
//! [`sheet`] reads a `.csv`, `.xlsx` or `.ods` file into a grid of cells (with the merged
//! regions, formula cells and empty rows it met); [`columns`] recognises the header and reads
//! the values (roles, regions, organisations, dates) in Norwegian or English; [`members`] turns
//! the rows into people files and `[[member]]` entries. Nothing here writes a file: the
//! command (`crate::commands::import`) hands the result to the edit machinery, which checks,
//! locks and writes it atomically, all or nothing.

pub mod columns;
pub mod groups;
pub mod members;
pub mod sheet;
pub mod template;

use crate::i18n::Text;

/// A problem with one row (and, most often, one cell) of the file: `FILE:row:column`, as a
/// spreadsheet shows them (the header is row 1, the first column is A).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file, and the worksheet when the workbook has more than one (`file.xlsx[Ark1]`).
    pub file: String,
    /// 1-based.
    pub row: u32,
    /// 0-based; `None` for the whole row or sheet.
    pub col: Option<u32>,
    pub text: Text,
}

impl Problem {
    /// The order problems are shown in: by file, row, column, then message.
    pub fn sort_key(&self) -> (&str, u32, Option<u32>, &str) {
        (&self.file, self.row, self.col, &self.text.en)
    }

    /// `members.xlsx:3:C: ...` in `lang`.
    pub fn render(&self, lang: crate::i18n::Lang) -> String {
        match self.col {
            Some(c) => format!(
                "{}:{}:{}: {}",
                self.file,
                self.row,
                column_letters(c),
                self.text.get(lang)
            ),
            None => format!("{}:{}: {}", self.file, self.row, self.text.get(lang)),
        }
    }
}

/// `0` → `A`, `25` → `Z`, `26` → `AA`.
pub fn column_letters(mut c: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_like_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
