//! Source files as read from disk, and spans into them.
//!
//! Every value the loader keeps remembers the byte range it came from, so that any diagnostic can
//! name file, line and column. This module knows nothing about TOML or the registry's meaning.

use std::fmt;

/// Index of a file in [`crate::registry::Registry::files`].
pub type FileId = usize;

/// A byte range in one source file. Kept in 32 bits each (a file is at most
/// [`crate::registry::MAX_FILE_BYTES`] long; a registry has far fewer than 4 billion files):
/// every value of the model carries one, and at 10,000 groups the smaller span saves a fifth of
/// the memory the model takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    file: u32,
    start: u32,
    end: u32,
}

impl Span {
    pub fn new(file: FileId, range: std::ops::Range<usize>) -> Span {
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            file: small(file),
            start: small(range.start),
            end: small(range.end),
        }
    }

    /// The file the span is in.
    pub fn file(&self) -> FileId {
        self.file as FileId
    }

    /// Where the span starts, in bytes from the start of the file.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Where the span ends (exclusive), in bytes from the start of the file.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// The span's bytes.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }

    /// The same range in file `file`.
    pub fn in_file(self, file: FileId) -> Span {
        Span::new(file, self.range())
    }
}

/// A value with the place it was written.
#[derive(Clone, Debug)]
pub struct Sp<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Sp<T> {
    pub fn new(value: T, span: Span) -> Sp<T> {
        Sp { value, span }
    }
}

impl<T: PartialEq> PartialEq<T> for Sp<T> {
    fn eq(&self, other: &T) -> bool {
        self.value == *other
    }
}

impl Sp<String> {
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

impl<T: fmt::Display> fmt::Display for Sp<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

/// One file of the registry, whose text diagnostics can quote.
///
/// The text is normally kept whole. When the whole registry is read from disk (`validate`,
/// `status`), the loader releases the text of each file once it is parsed and found free of
/// identity numbers (see [`SourceFile::release`]): at 10,000 groups that is 260 MB no rule
/// needs. [`SourceFile::text`] then reads the file again the first time it is asked for, which
/// on a clean registry is never (the line of a diagnostic, an empty minutes body).
#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the registry root, with `/` separators.
    pub rel: String,
    /// The text; for a file that is not valid UTF-8, with U+FFFD for the invalid bytes. Empty
    /// while released.
    text: std::sync::OnceLock<String>,
    /// The registry root to read the file from again, once its text was released.
    released_from: Option<std::sync::Arc<std::path::Path>>,
    /// Length of a leading byte-order mark (0 or 3): columns on line 1 start after it.
    pub bom: usize,
    /// Where each line starts; found the first time a diagnostic in the file needs a line,
    /// since most files of a large registry never do (this saves time and a third of the
    /// memory the text takes).
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl SourceFile {
    pub fn new(rel: String, text: String) -> SourceFile {
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        SourceFile {
            rel,
            text: std::sync::OnceLock::from(text),
            released_from: None,
            bom,
            line_starts: std::sync::OnceLock::new(),
        }
    }

    /// The text; for a file that is not valid UTF-8, with U+FFFD for the invalid bytes.
    pub fn text(&self) -> &str {
        self.text.get_or_init(|| {
            // Only a released file has no text: read it again, as the loader read it.
            self.released_from
                .as_ref()
                .map(|root| root.join(&self.rel))
                // Only a regular file is read again: what became a FIFO meanwhile would block.
                .filter(|path| std::fs::metadata(path).is_ok_and(|m| m.is_file()))
                .and_then(|path| std::fs::read(path).ok())
                .map(|bytes| match String::from_utf8(bytes) {
                    Ok(text) => text,
                    Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
                })
                .unwrap_or_default()
        })
    }

    /// Frees the text; it is read again from `root` (the registry root the file was read from)
    /// when asked for. Only for a file read from disk, and whose identity numbers (`pii`) were
    /// already looked for: the `pii` rule skips a released file ([`SourceFile::is_released`]).
    pub fn release(&mut self, root: std::sync::Arc<std::path::Path>) {
        self.text = std::sync::OnceLock::new();
        self.line_starts = std::sync::OnceLock::new();
        self.released_from = Some(root);
    }

    /// Whether the loader released the text (and found no identity number in it).
    pub fn is_released(&self) -> bool {
        self.released_from.is_some()
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(self.text().match_indices('\n').map(|(i, _)| i + 1));
            starts
        })
    }

    /// The text after the byte-order mark.
    /// The byte range of the text after the byte-order mark.
    pub fn content_range(&self) -> std::ops::Range<usize> {
        self.bom..self.text().len()
    }

    pub fn content(&self) -> &str {
        self.text().get(self.bom..).unwrap_or("")
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let text = self.text();
        let offset = offset.min(text.len());
        let line = self.line_starts().partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts()[line].max(if line == 0 { self.bom } else { 0 });
        let column = text
            .get(start..offset)
            .map_or(0, |prefix| prefix.chars().count());
        (line + 1, column + 1)
    }

    /// The text of a 1-based line, without its line ending or a byte-order mark.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts().get(line - 1) else {
            return "";
        };
        let start = if line == 1 {
            start.max(self.bom)
        } else {
            start
        };
        let end = self
            .line_starts()
            .get(line)
            .map_or(self.text().len(), |&next| next - 1);
        let text = self.text().get(start..end.max(start)).unwrap_or("");
        text.strip_suffix('\r').unwrap_or(text)
    }
}

/// A value from a file as a message quotes it: control characters escaped (`\u{1b}`), so that
/// nothing in a registry can steer the terminal, and shortened to [`SHOWN_CHARS`] characters, so
/// that a huge value does not drown the message.
pub fn shown(value: &str) -> String {
    let mut out = String::new();
    for (i, c) in value.chars().enumerate() {
        if i == SHOWN_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() || is_bidi_control(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// How many characters of a value a message quotes.
pub const SHOWN_CHARS: usize = 80;

/// Characters that reorder the text around them on screen ("Trojan Source").
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A span is three 32-bit numbers (the model holds millions), and gives back what it was
    /// made of; beyond 32 bits, which no file within the size limit reaches, it saturates.
    #[test]
    fn a_span_is_small_and_keeps_its_place() {
        assert_eq!(std::mem::size_of::<Span>(), 12);
        let span = Span::new(420_000, 5..8_388_608);
        assert_eq!((span.file(), span.range()), (420_000, 5..8_388_608));
        assert_eq!(span.in_file(3), Span::new(3, 5..8_388_608));
        let huge = Span::new(usize::MAX, 0..usize::MAX);
        assert_eq!(huge.end(), u32::MAX as usize);
    }

    #[test]
    fn line_and_column_count_characters_and_skip_the_bom() {
        let f = SourceFile::new("a".into(), "\u{feff}æø = 1\r\nb = 2\n".into());
        assert_eq!(f.line_col(3), (1, 1));
        assert_eq!(f.line_col(3 + 4), (1, 3));
        assert_eq!(f.line_text(1), "æø = 1");
        assert_eq!(f.line_col(f.text().find('b').unwrap()), (2, 1));
        assert_eq!(f.line_text(2), "b = 2");
    }
}
