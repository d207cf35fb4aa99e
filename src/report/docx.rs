//! A Word document (OOXML, `.docx`) written by hand from a report's Markdown.
//!
//! The Markdown rendering of a report (template included) is turned into `word/document.xml`:
//! headings use the styles Heading1 to Heading4 (with outline levels, so Word's navigation pane
//! shows them), tables the style TableGrid (a header row in bold, repeated on every page), list
//! items the style ListParagraph with real Word numbering (`word/numbering.xml`: bullets, and a
//! numbering that restarts for each ordered list), a footer with the page number, code blocks the
//! style
//! Code, block quotes the style Quote. Raw HTML is kept as plain text. The zip is deterministic:
//! fixed entry order and timestamps, so the same report gives the same bytes.

use std::io::{Cursor, Write};

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeStream};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::xml::{Xml, escape};

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>
"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>
"#;

/// The footer: the page number, centred.
const FOOTER: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>
"#;

/// `word/numbering.xml`: abstract list 0 is bullets, 1 is decimal numbers; num 1 is the bullets
/// and nums 2.. are one per ordered list, each restarting at its first number.
fn numbering_xml(ordered_starts: &[u64]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
    );
    for (id, fmt) in [(0, "bullet"), (1, "decimal")] {
        out.push_str(&format!(
            "<w:abstractNum w:abstractNumId=\"{id}\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
        ));
        for lvl in 0..9 {
            let text = if fmt == "bullet" {
                ["•", "◦", "▪"][lvl % 3].to_string()
            } else {
                format!("%{}.", lvl + 1)
            };
            let indent = 720 * (lvl + 1);
            out.push_str(&format!(
                "<w:lvl w:ilvl=\"{lvl}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{fmt}\"/><w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"{indent}\" w:hanging=\"360\"/></w:pPr></w:lvl>"
            ));
        }
        out.push_str("</w:abstractNum>");
    }
    out.push_str("<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");
    for (i, start) in ordered_starts.iter().enumerate() {
        out.push_str(&format!(
            "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"{start}\"/></w:lvlOverride></w:num>",
            i + 2
        ));
    }
    out.push_str("</w:numbering>\n");
    out
}

/// The width of the text on an A4 page with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 11906 - 2 * 1134;

const STYLES: &str = include_str!("templates/styles.xml");

/// Builds the `.docx` bytes from Markdown.
///
/// Identity numbers are masked here, before the text is packed where no later check could see
/// it (rules.md, «No identity number leaves the tool»).
pub fn from_markdown(md: &str) -> anyhow::Result<Vec<u8>> {
    let md = &crate::pii_scan::mask(md);
    let (document, ordered) = document_parts(md);
    let numbering = numbering_xml(&ordered);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    for (name, body) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", STYLES),
        ("word/numbering.xml", numbering.as_str()),
        ("word/footer1.xml", FOOTER),
        ("word/document.xml", document.as_str()),
    ] {
        zip.start_file(name, opts)?;
        zip.write_all(body.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

#[derive(Default)]
struct Writer {
    out: String,
    para_open: bool,
    bold: usize,
    italic: usize,
    strike: usize,
    quote: usize,
    in_head: bool,
    in_cell: bool,
    /// Where the current table's grid goes once its column widths are known.
    grid_at: usize,
    /// The widest text and the widest word seen in each column of the current table, in
    /// twentieths of a point at the template's font size ([`text_width`]).
    col_len: Vec<(usize, usize)>,
    col: usize,
    /// The current cell's text width and widest word.
    cell_len: (usize, usize),
    /// Open lists: the Word numbering id of each (1 for bullets, 2.. for ordered lists).
    lists: Vec<usize>,
    /// The first number of each ordered list, in order (their numbering ids are 2, 3, ...).
    ordered: Vec<u64>,
}

impl Writer {
    fn open(&mut self, style: Option<&str>) {
        self.close();
        self.out.push_str("<w:p>");
        if let Some(s) = style {
            self.out
                .push_str(&format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>"));
        }
        self.para_open = true;
    }

    fn ensure_open(&mut self) {
        if !self.para_open {
            let style = if self.quote > 0 { Some("Quote") } else { None };
            self.open(style);
        }
    }

    fn close(&mut self) {
        if self.para_open {
            self.out.push_str("</w:p>");
            self.para_open = false;
        }
    }

    fn run(&mut self, text: &str, mono: bool) {
        self.ensure_open();
        if self.in_cell {
            let bold = self.bold > 0 || self.in_head;
            self.cell_len.0 += text_width(text, bold);
            let word = text
                .split_whitespace()
                .map(|w| text_width(w, bold))
                .max()
                .unwrap_or(0);
            self.cell_len.1 = self.cell_len.1.max(word);
        }
        let mut props = String::new();
        if self.bold > 0 || self.in_head {
            props.push_str("<w:b/>");
        }
        if self.italic > 0 {
            props.push_str("<w:i/>");
        }
        if self.strike > 0 {
            props.push_str("<w:strike/>");
        }
        if mono {
            props.push_str("<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\"/>");
        }
        self.out.push_str("<w:r>");
        if !props.is_empty() {
            self.out.push_str(&format!("<w:rPr>{props}</w:rPr>"));
        }
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.out.push_str("<w:br/>");
            }
            self.out.push_str(&format!(
                "<w:t xml:space=\"preserve\">{}</w:t>",
                escape(line, Xml::WordRun)
            ));
        }
        self.out.push_str("</w:r>");
    }
}

fn heading_style(level: HeadingLevel) -> &'static str {
    match level {
        HeadingLevel::H1 => "Heading1",
        HeadingLevel::H2 => "Heading2",
        HeadingLevel::H3 => "Heading3",
        _ => "Heading4",
    }
}

/// The left and right margins of a table cell (108 twips each, Word's default), and a little
/// slack for rounding.
pub const CELL_MARGINS: usize = 2 * 108 + 30;

/// The width of `text` in twentieths of a point, set in Calibri/Carlito 11 pt (the template's
/// font): each character's advance width from the font's metrics, rounded up by class; bold
/// text is a twentieth wider. An estimate on the wide side, so that a column sized by it holds
/// its longest word on one line.
pub fn text_width(text: &str, bold: bool) -> usize {
    let w: usize = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 55,
            'f' | 't' | 'r' | ' ' | '(' | ')' | '-' | 'I' | '/' => 80,
            'm' | 'w' => 180,
            'M' | 'W' | 'Æ' | 'æ' | 'Œ' => 200,
            c if c.is_ascii_digit() => 115,
            c if c.is_uppercase() => 135,
            _ => 115,
        })
        .sum();
    if bold { w + w / 20 } else { w }
}

/// The table grid. Each column first gets room for its widest word ([`text_width`] plus the
/// cell margins), so that no word or date is broken; the rest of the text width is shared in
/// proportion to each column's widest text (capped, so one long text does not take it all).
/// When even the words do not fit, the columns shrink in proportion.
fn grid(col_len: &[(usize, usize)]) -> String {
    let min: Vec<usize> = col_len.iter().map(|(_, w)| w + CELL_MARGINS).collect();
    let min_total: usize = min.iter().sum();
    let widths: Vec<usize> = if min_total >= TEXT_WIDTH {
        // Too wide even word by word: only the widest columns give way (a cap on every column's
        // width, as high as fits), so that short words and dates elsewhere stay whole.
        let (mut lo, mut hi) = (0, min.iter().copied().max().unwrap_or(0));
        while lo < hi {
            let cap = (lo + hi).div_ceil(2);
            if min.iter().map(|m| (*m).min(cap)).sum::<usize>() <= TEXT_WIDTH {
                lo = cap;
            } else {
                hi = cap - 1;
            }
        }
        min.iter().map(|m| (*m).min(lo)).collect()
    } else {
        let weights: Vec<usize> = col_len
            .iter()
            .zip(&min)
            .map(|((l, _), m)| (l + CELL_MARGINS).saturating_sub(*m).clamp(0, 5000) + 100)
            .collect();
        let total: usize = weights.iter().sum::<usize>().max(1);
        let rest = TEXT_WIDTH - min_total;
        min.iter()
            .zip(&weights)
            .map(|(m, w)| m + rest * w / total)
            .collect()
    };
    let mut out = String::from("<w:tblGrid>");
    for w in widths {
        out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    out.push_str("</w:tblGrid>");
    out
}

/// `word/document.xml` for Markdown.
pub fn document_xml(md: &str) -> String {
    document_parts(md).0
}

/// `word/document.xml` for Markdown, and the first number of each ordered list in it.
fn document_parts(md: &str) -> (String, Vec<u64>) {
    let mut w = Writer::default();
    let mut code = false;
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for e in TextMergeStream::new(Parser::new_ext(md, opts)) {
        match e {
            Event::Start(Tag::Heading { level, .. }) => w.open(Some(heading_style(level))),
            // Inside table cells and list items the paragraph is the cell's or the item's.
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
                if !w.in_cell && w.lists.is_empty() =>
            {
                w.close();
            }
            Event::End(TagEnd::Heading(_)) => w.close(),
            Event::Start(Tag::BlockQuote(_)) => {
                w.close();
                w.quote += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                w.close();
                w.quote = w.quote.saturating_sub(1);
            }
            Event::Start(Tag::CodeBlock(_)) => {
                w.open(Some("Code"));
                code = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                code = false;
                w.close();
            }
            Event::Start(Tag::List(start)) => {
                w.close();
                let id = match start {
                    Some(n) => {
                        w.ordered.push(n);
                        w.ordered.len() + 1
                    }
                    None => 1,
                };
                w.lists.push(id);
            }
            Event::End(TagEnd::List(_)) => {
                w.close();
                w.lists.pop();
            }
            Event::Start(Tag::Item) => {
                w.close();
                let depth = w.lists.len().saturating_sub(1).min(8);
                let id = w.lists.last().copied().unwrap_or(1);
                w.out.push_str(&format!(
                    "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"{depth}\"/><w:numId w:val=\"{id}\"/></w:numPr></w:pPr>"
                ));
                w.para_open = true;
            }
            Event::End(TagEnd::Item) => w.close(),
            Event::Start(Tag::Table(columns)) => {
                w.close();
                w.out.push_str(
                    "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr>",
                );
                w.grid_at = w.out.len();
                w.col_len = vec![(0, 0); columns.len()];
            }
            Event::End(TagEnd::Table) => {
                let grid = grid(&w.col_len);
                w.out.insert_str(w.grid_at, &grid);
                w.out.push_str("</w:tbl><w:p/>");
            }
            Event::Start(Tag::TableHead) => {
                w.in_head = true;
                w.col = 0;
                w.out.push_str("<w:tr><w:trPr><w:tblHeader/></w:trPr>");
            }
            Event::End(TagEnd::TableHead) => {
                w.in_head = false;
                w.out.push_str("</w:tr>");
            }
            Event::Start(Tag::TableRow) => {
                w.col = 0;
                w.out.push_str("<w:tr>");
            }
            Event::End(TagEnd::TableRow) => w.out.push_str("</w:tr>"),
            Event::Start(Tag::TableCell) => {
                w.out.push_str("<w:tc><w:p>");
                w.para_open = true;
                w.in_cell = true;
            }
            Event::End(TagEnd::TableCell) => {
                if let Some((len, word)) = w.col_len.get_mut(w.col) {
                    *len = (*len).max(w.cell_len.0);
                    *word = (*word).max(w.cell_len.1);
                }
                w.col += 1;
                w.cell_len = (0, 0);
                w.out.push_str("</w:p></w:tc>");
                w.para_open = false;
                w.in_cell = false;
            }
            Event::Start(Tag::Strong) => w.bold += 1,
            Event::End(TagEnd::Strong) => w.bold = w.bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => w.italic += 1,
            Event::End(TagEnd::Emphasis) => w.italic = w.italic.saturating_sub(1),
            Event::Start(Tag::Strikethrough) => w.strike += 1,
            Event::End(TagEnd::Strikethrough) => w.strike = w.strike.saturating_sub(1),
            Event::Text(t) => {
                let t = if code {
                    t.trim_end_matches('\n').to_string()
                } else {
                    t.to_string()
                };
                w.run(&t, code);
            }
            Event::Code(t) => w.run(&t, true),
            Event::Html(t) | Event::InlineHtml(t) => w.run(t.trim_end_matches('\n'), false),
            Event::SoftBreak => w.run(" ", false),
            Event::HardBreak => w.run("\n", false),
            Event::Rule => {
                w.close();
                w.out.push_str("<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/></w:pBdr></w:pPr></w:p>");
            }
            _ => {}
        }
    }
    w.close();
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>{}<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>\n",
        w.out
    );
    (xml, w.ordered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_ordered_list_restarts_its_numbering() {
        let (xml, ordered) = document_parts("1. a\n2. b\n\ntext\n\n3. c\n\n- d\n");
        assert_eq!(ordered, vec![1, 3]);
        assert!(xml.contains("<w:numId w:val=\"2\"/>"));
        assert!(xml.contains("<w:numId w:val=\"3\"/>"));
        let numbering = numbering_xml(&ordered);
        assert!(numbering.contains("<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"3\"/>"));
        assert!(numbering.contains("w:numFmt w:val=\"bullet\""));
    }

    #[test]
    fn headings_tables_and_escaping() {
        let xml = document_xml("# Title\n\n| a | b |\n|---|---|\n| 1 & 2 | <x> |\n\n- item\n");
        assert!(xml.contains(
            "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Title</w:t>"
        ));
        assert!(xml.contains("<w:tblStyle w:val=\"TableGrid\"/>"));
        assert!(xml.contains("1 &amp; 2"));
        assert!(xml.contains("&lt;x&gt;"));
        // A real Word list: numbering, not a typed bullet.
        assert!(!xml.contains("• "));
        assert!(xml.contains("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"));
        assert_eq!(
            xml.matches("<w:p>").count() + xml.matches("<w:p/>").count(),
            xml.matches("</w:p>").count() + xml.matches("<w:p/>").count()
        );
    }

    #[test]
    fn the_zip_is_deterministic() {
        let a = from_markdown("# A\n").unwrap();
        let b = from_markdown("# A\n").unwrap();
        assert_eq!(a, b);
        assert_eq!(&a[..2], b"PK");
    }
}
