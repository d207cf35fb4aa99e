//! Source files as read from disk, and spans into them.
//!
//! Every value the loader keeps remembers the byte range it came from, so that any diagnostic can
//! name file, line and column. This module knows nothing about TOML or the registry's meaning.

use std::fmt;

/// Index of a file in [`crate::registry::Registry::files`].
pub type FileId = usize;

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub file: FileId,
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(file: FileId, range: std::ops::Range<usize>) -> Span {
        Span {
            file,
            start: range.start,
            end: range.end,
        }
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

/// One file of the registry, kept whole so that diagnostics can quote it.
#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the registry root, with `/` separators.
    pub rel: String,
    /// The text; for a file that is not valid UTF-8, with U+FFFD for the invalid bytes.
    pub text: String,
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
            text,
            bom,
            line_starts: std::sync::OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
            starts
        })
    }

    /// The text after the byte-order mark.
    pub fn content(&self) -> &str {
        &self.text[self.bom..]
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts().partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts()[line].max(if line == 0 { self.bom } else { 0 });
        let column = self
            .text
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
            .map_or(self.text.len(), |&next| next - 1);
        let text = self.text.get(start..end.max(start)).unwrap_or("");
        text.strip_suffix('\r').unwrap_or(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_and_skip_the_bom() {
        let f = SourceFile::new("a".into(), "\u{feff}æø = 1\r\nb = 2\n".into());
        assert_eq!(f.line_col(3), (1, 1));
        assert_eq!(f.line_col(3 + 4), (1, 3));
        assert_eq!(f.line_text(1), "æø = 1");
        assert_eq!(f.line_col(f.text.find('b').unwrap()), (2, 1));
        assert_eq!(f.line_text(2), "b = 2");
    }
}
