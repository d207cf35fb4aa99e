//! Reading a spreadsheet into a grid of cells: `.csv` (comma, semicolon or tab; UTF-8 with or
//! without a byte-order mark, UTF-16 with one, else Windows-1252 as Excel in Norway saves it)
//! with the `csv` and `encoding_rs` crates, `.xlsx`/`.xlsm`/`.xls`/`.ods` with calamine.
//!
//! Positions are kept as the spreadsheet shows them: `rows[0]` is row 1, `rows[r][0]` column A.
//! A formula cell is read as its cached value (what the office suite computed when it saved)
//! and remembered in [`Grid::formulas`]; merged regions are remembered in [`Grid::merged`] so
//! that the caller can refuse them. Nothing here knows what a column means.

use std::path::Path;

use calamine::{Data, Reader};

use crate::i18n::Text;
use crate::registry::Date;
use crate::t;

/// The largest file read (a member list is a few kilobytes; this leaves room for any real one).
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// One cell's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Date(Date),
    Bool(bool),
    /// A formula whose cached value is an error (`#DIV/0!`).
    Error(String),
}

impl Value {
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as a person reads it: a whole number without decimals, a date as ISO.
    pub fn shown(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) => t.trim().to_string(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Value::Number(n) => n.to_string(),
            Value::Date(d) => d.format("%Y-%m-%d").to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Error(e) => e.clone(),
        }
    }
}

/// One worksheet (or the one table of a CSV file).
#[derive(Clone, Debug, Default)]
pub struct Grid {
    /// The file as the user named it, with `[sheet]` when the workbook has several sheets.
    pub label: String,
    /// The worksheet's name (`None` for CSV).
    pub sheet: Option<String>,
    pub rows: Vec<Vec<Value>>,
    /// 0-based (row, column) of every formula cell.
    pub formulas: Vec<(u32, u32)>,
    /// 0-based first and last (row, column) of every merged region.
    pub merged: Vec<((u32, u32), (u32, u32))>,
}

impl Grid {
    pub fn cell(&self, row: usize, col: usize) -> &Value {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&Value::Empty)
    }
}

/// The date of a spreadsheet serial number (days since 1899-12-30, as Excel and LibreOffice
/// count from March 1900 on); `None` outside 1900–2200.
pub fn date_from_serial(serial: f64) -> Option<Date> {
    if !(61.0..=110_000.0).contains(&serial) {
        return None;
    }
    let base = Date::from_ymd_opt(1899, 12, 30)?;
    base.checked_add_days(chrono::Days::new(serial.floor() as u64))
}

/// Why a file could not be read at all (exit 2), in both languages.
#[derive(Debug)]
pub struct ReadError(pub Text);

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.en)
    }
}

impl std::error::Error for ReadError {}

/// The file's kind, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Csv,
    Workbook,
}

fn kind(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "csv" | "txt" | "tsv" => Some(Kind::Csv),
        "xlsx" | "xlsm" | "xls" | "ods" => Some(Kind::Workbook),
        _ => None,
    }
}

/// Which worksheets to read.
#[derive(Clone, Copy, Debug)]
pub enum Which<'a> {
    All,
    First,
    Named(&'a str),
}

/// Reads the worksheets of `path` that `which` names (one grid for a CSV file).
pub fn read(path: &Path, which: Which<'_>) -> Result<Vec<Grid>, ReadError> {
    let file = path.display().to_string();
    let Some(kind) = kind(path) else {
        return Err(ReadError(t!(
            "cannot import `{file}`: give a .csv, .xlsx or .ods file",
            "kan ikke importere `{file}`: oppgi en .csv-, .xlsx- eller .ods-fil"
        )));
    };
    let meta = std::fs::metadata(path).map_err(|e| {
        ReadError(t!(
            "cannot read `{file}`: {e}",
            "kan ikke lese `{file}`: {e}"
        ))
    })?;
    if !meta.is_file() {
        return Err(ReadError(t!(
            "cannot read `{file}`: it is not a file",
            "kan ikke lese `{file}`: det er ikke en fil"
        )));
    }
    if meta.len() > MAX_BYTES {
        let mb = MAX_BYTES / 1024 / 1024;
        return Err(ReadError(t!(
            "`{file}` is larger than {mb} MiB; split it",
            "`{file}` er større enn {mb} MiB; del den opp"
        )));
    }
    match kind {
        Kind::Csv => {
            let bytes = std::fs::read(path).map_err(|e| {
                ReadError(t!(
                    "cannot read `{file}`: {e}",
                    "kan ikke lese `{file}`: {e}"
                ))
            })?;
            if matches!(which, Which::Named(_)) {
                return Err(ReadError(t!(
                    "`{file}` is a CSV file, which has no worksheets; leave out --sheet",
                    "`{file}` er en CSV-fil, som ikke har ark; ta bort --sheet"
                )));
            }
            Ok(vec![read_csv(&file, &bytes)?])
        }
        Kind::Workbook => read_workbook(path, &file, which),
    }
}

/// The text of a CSV file: UTF-8 (a BOM dropped), UTF-16 with a BOM, else Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// The separator of the header line: the most frequent of `;`, `,` and tab outside quotes.
fn sniff(text: &str) -> u8 {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let seps = [b';', b',', b'\t'];
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    if counts[best] == 0 { b',' } else { seps[best] }
}

/// How many blank lines start at `at`: the run of line breaks there, less the one that ends
/// the record before (unless `at` is the start of the text or already past that break).
fn blank_lines(bytes: &[u8], at: usize, start: bool) -> usize {
    let Some(rest) = bytes.get(at..) else {
        return 0;
    };
    let mut n = 0;
    let mut i = 0;
    while i < rest.len() && (rest[i] == b'\n' || rest[i] == b'\r') {
        if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') {
            i += 1;
        }
        n += 1;
        i += 1;
    }
    let after_break = start || (at > 0 && matches!(bytes[at - 1], b'\n' | b'\r'));
    if after_break { n } else { n.saturating_sub(1) }
}

pub fn read_csv(file: &str, bytes: &[u8]) -> Result<Grid, ReadError> {
    let text = decode(bytes);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff(&text))
        .from_reader(text.as_bytes());
    let mut rows: Vec<Vec<Value>> = Vec::new();
    // The csv crate skips blank lines; a spreadsheet shows them as empty rows, so they are put
    // back: the line breaks right after each record are counted in the text.
    let bytes = text.as_bytes();
    let mut blank = blank_lines(bytes, 0, true);
    let mut rec = csv::StringRecord::new();
    loop {
        match r.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let row = rows.len() + blank + 1;
                return Err(ReadError(t!(
                    "{file}:{row}: cannot read the CSV: {e}",
                    "{file}:{row}: kan ikke lese CSV-filen: {e}"
                )));
            }
        }
        rows.extend(std::iter::repeat_n(Vec::new(), blank));
        rows.push(
            rec.iter()
                .map(|c| {
                    if c.trim().is_empty() {
                        Value::Empty
                    } else {
                        Value::Text(c.to_string())
                    }
                })
                .collect(),
        );
        let at = usize::try_from(r.position().byte()).unwrap_or(usize::MAX);
        blank = blank_lines(bytes, at, false);
    }
    Ok(Grid {
        label: file.to_string(),
        sheet: None,
        rows,
        formulas: Vec::new(),
        merged: Vec::new(),
    })
}

fn corrupt(file: &str, e: impl std::fmt::Display) -> ReadError {
    ReadError(t!(
        "cannot read `{file}` as a workbook ({e}); the file is damaged or not a spreadsheet: open it in Excel or LibreOffice and save it again as .xlsx",
        "kan ikke lese `{file}` som en arbeidsbok ({e}); filen er skadet eller ikke et regneark: åpne den i Excel eller LibreOffice og lagre den på nytt som .xlsx"
    ))
}

fn read_workbook(path: &Path, file: &str, which: Which<'_>) -> Result<Vec<Grid>, ReadError> {
    let mut head = [0u8; 8];
    let n = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    let is_xlsx = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| !e.eq_ignore_ascii_case("xls"));
    // An encrypted .xlsx or .ods is an OLE compound file (as an old .xls is), not a zip.
    if is_xlsx && n >= 4 && head[..4] == [0xD0, 0xCF, 0x11, 0xE0] {
        return Err(ReadError(t!(
            "`{file}` is protected with a password (encrypted); open it, remove the password (File → Info / Properties) and save it again",
            "`{file}` er beskyttet med passord (kryptert); åpne den, fjern passordet (Fil → Info / Egenskaper) og lagre den på nytt"
        )));
    }
    let mut wb = calamine::open_workbook_auto(path).map_err(|e| corrupt(file, e))?;
    let names = wb.sheet_names();
    let wanted: Vec<String> = match which {
        Which::Named(s) => match names.iter().find(|n| n.as_str() == s) {
            Some(n) => vec![n.clone()],
            None => {
                let known = names.join(", ");
                return Err(ReadError(t!(
                    "`{file}` has no sheet `{s}`; its sheets are: {known}",
                    "`{file}` har ikke noe ark `{s}`; arkene er: {known}"
                )));
            }
        },
        Which::First => names.iter().take(1).cloned().collect(),
        Which::All => names.clone(),
    };
    let several = names.len() > 1;
    let mut grids = Vec::new();
    for name in wanted {
        let range = wb.worksheet_range(&name).map_err(|e| corrupt(file, e))?;
        let mut rows: Vec<Vec<Value>> = Vec::new();
        if let Some((r0, c0)) = range.start() {
            rows.resize(r0 as usize, Vec::new());
            for row in range.rows() {
                let mut cells = vec![Value::Empty; c0 as usize];
                cells.extend(row.iter().map(value));
                rows.push(cells);
            }
        }
        let mut formulas = Vec::new();
        if let Ok(f) = wb.worksheet_formula(&name)
            && let Some((r0, c0)) = f.start()
        {
            for (r, c, text) in f.used_cells() {
                if !text.is_empty() {
                    formulas.push((r0 + r as u32, c0 + c as u32));
                }
            }
        }
        let mut merged = Vec::new();
        if let calamine::Sheets::Xlsx(x) = &mut wb
            && let Ok(dims) = x.merge_cells_by_sheet_name(&name)
        {
            merged = dims.iter().map(|d| (d.start, d.end)).collect();
        }
        merged.sort();
        let label = if several {
            format!("{file}[{name}]")
        } else {
            file.to_string()
        };
        grids.push(Grid {
            label,
            sheet: Some(name),
            rows,
            formulas,
            merged,
        });
    }
    Ok(grids)
}

fn value(d: &Data) -> Value {
    match d {
        Data::Empty => Value::Empty,
        Data::String(s) if s.trim().is_empty() => Value::Empty,
        Data::String(s) => Value::Text(s.clone()),
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => match date_from_serial(dt.as_f64()) {
            Some(day) => Value::Date(day),
            None => Value::Number(dt.as_f64()),
        },
        Data::DateTime(dt) => Value::Number(dt.as_f64()),
        Data::DateTimeIso(s) => match s
            .get(..10)
            .and_then(|d| Date::parse_from_str(d, "%Y-%m-%d").ok())
        {
            Some(day) => Value::Date(day),
            None => Value::Text(s.clone()),
        },
        Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Error(e) => Value::Error(format!("#{e:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_sniffed_from_the_header() {
        assert_eq!(sniff("navn;rolle;region\n"), b';');
        assert_eq!(sniff("navn,rolle\n"), b',');
        assert_eq!(sniff("navn\trolle\n"), b'\t');
        assert_eq!(sniff("\"a;b\",c\n"), b',');
        assert_eq!(sniff("navn\n"), b',');
    }

    #[test]
    fn encodings_are_detected() {
        assert_eq!(decode("\u{feff}blåbær".as_bytes()), "blåbær");
        assert_eq!(decode("blåbær".as_bytes()), "blåbær");
        assert_eq!(decode(b"bl\xe5b\xe6r \xd8"), "blåbær Ø");
        assert_eq!(decode(b"\xff\xfeb\x00\xe5\x00"), "bå");
    }

    #[test]
    fn serials_are_dates() {
        assert_eq!(date_from_serial(45730.0), Date::from_ymd_opt(2025, 3, 14));
        assert_eq!(date_from_serial(45730.75), Date::from_ymd_opt(2025, 3, 14));
        assert_eq!(date_from_serial(-3.0), None);
        assert_eq!(date_from_serial(1e9), None);
    }

    #[test]
    fn csv_rows_keep_their_positions() {
        let g = read_csv("m.csv", b"navn;rolle\n\nKari;regional\n").unwrap_or_default();
        assert_eq!(g.rows.len(), 3);
        assert!(g.rows[1].iter().all(Value::is_empty));
        assert_eq!(g.cell(2, 1), &Value::Text("regional".into()));
        assert_eq!(g.cell(9, 9), &Value::Empty);
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any bytes read as CSV give a grid or an error, never a panic, and a grid's rows
        /// never outnumber the file's lines.
        #[test]
        fn any_bytes_read_as_csv(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            if let Ok(g) = read_csv("x.csv", &bytes) {
                let lines = bytes.iter().filter(|b| **b == b'\n' || **b == b'\r').count() + 1;
                prop_assert!(g.rows.len() <= lines);
            }
        }

        /// Text shaped like CSV with blank lines keeps every record on its line.
        #[test]
        fn blank_lines_keep_rows_in_place(blank in proptest::collection::vec(any::<bool>(), 1..20)) {
            let text: String = blank
                .iter()
                .enumerate()
                .map(|(i, b)| if *b { "\n".to_string() } else { format!("r{i};x\n") })
                .collect();
            let g = read_csv("x.csv", text.as_bytes()).unwrap_or_default();
            for (i, b) in blank.iter().enumerate() {
                let cell = g.cell(i, 0).shown();
                if *b {
                    prop_assert_eq!(cell, "");
                } else {
                    prop_assert_eq!(cell, format!("r{i}"));
                }
            }
        }
    }
}
