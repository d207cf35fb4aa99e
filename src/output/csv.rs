//! The one CSV writer of the tool: every CSV `mandat` prints (`list`, `expenses`) goes through
//! [`write`].
//!
//! A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is one a spreadsheet
//! may run as a formula when the file is opened (CSV injection); such a cell is prefixed with
//! `'`, which Excel and LibreOffice show as text and do not run. Identity numbers are masked
//! (`crate::pii_scan::mask`) like in every other output.
//!
//! Not for reading CSV: that is `crate::import::sheet`.

/// How the CSV is laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Dialect {
    /// For Excel in Norway: `;` between cells (`,` is the decimal sign there) and a UTF-8
    /// byte-order mark so that æøå are read as UTF-8.
    pub excel: bool,
}

/// The first characters that make a spreadsheet read a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` as a spreadsheet will show it, never as a formula.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_START) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The header and rows as CSV text (RFC 4180 quoting, `\n` line ends).
pub fn write<S: AsRef<str>>(header: &[S], rows: &[Vec<S>], dialect: Dialect) -> String {
    let bom = if dialect.excel { "\u{feff}" } else { "" };
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(if dialect.excel { b';' } else { b',' })
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(bom.as_bytes().to_vec());
    for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        let cells = row.iter().map(|c| {
            let masked = crate::pii_scan::mask(c.as_ref()).into_owned();
            neutralise(&masked).into_owned()
        });
        // Writing to a Vec cannot fail, and every row is written whole.
        let _ = w.write_record(cells);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(cell: &str) -> String {
        write(&["h"], &[vec![cell]], Dialect::default())
    }

    #[test]
    fn formula_starts_are_neutralised() {
        for c in ["=1+1", "+47 900", "-2", "@SUM(A1)", "\tx", "\rx"] {
            let out = one(c);
            let cell = out.lines().nth(1).unwrap_or_default();
            assert!(
                cell.trim_start_matches('"').starts_with('\''),
                "{c:?} gave {out:?}"
            );
        }
    }

    #[test]
    fn plain_cells_are_unchanged() {
        assert_eq!(one("Kari Nordmann"), "h\nKari Nordmann\n");
        assert_eq!(one("a, b"), "h\n\"a, b\"\n");
        assert_eq!(one("say \"hi\""), "h\n\"say \"\"hi\"\"\"\n");
        assert_eq!(one(""), "h\n\"\"\n");
    }

    #[test]
    fn excel_dialect_has_bom_and_semicolons() {
        let out = write(&["a", "b"], &[vec!["1,5", "x;y"]], Dialect { excel: true });
        assert_eq!(out, "\u{feff}a;b\n1,5;\"x;y\"\n");
    }

    #[test]
    fn identity_numbers_are_masked() {
        let n = (0..100_000)
            .map(|i| format!("010190{i:05}"))
            .find(|n| crate::pii_scan::is_identity_number(n.as_bytes()))
            .unwrap_or_default();
        let out = one(&n);
        assert!(!out.contains(&n), "{out}");
    }
}
