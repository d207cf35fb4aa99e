//! What the CI formats (`github`, `sarif`, `junit`) share: where paths are relative to, and the
//! text of a diagnostic as one block (message, notes, help).
//!
//! The human format shows notes and help under a source excerpt; a CI service shows one text
//! per finding, so they are joined here, with the same `note:` and `help:` labels.

use super::Diagnostic;
use crate::i18n::Lang;

/// Options of the CI renderers.
#[derive(Clone, Debug, Default)]
pub struct CiOptions {
    pub lang: Lang,
    /// Prepended to every registry-relative path, so that paths are relative to the repository
    /// root when the registry is a folder inside it (e.g. `registry/`); empty otherwise.
    pub path_prefix: String,
    /// `--deny-warnings`: warnings make the run fail, so the JUnit report counts them as failures.
    pub deny_warnings: bool,
}

impl CiOptions {
    /// The path a CI service should show for a registry-relative path.
    pub fn path(&self, rel: &str) -> String {
        format!("{}{rel}", self.path_prefix)
    }
}

/// The message, then one `note:` line per note and a `help:` line, separated by newlines.
pub fn full_text(d: &Diagnostic, lang: Lang) -> String {
    let mut text = d.message.get(lang).to_string();
    for note in &d.notes {
        text.push_str("\nnote: ");
        text.push_str(note.get(lang));
    }
    if !d.help.is_empty() {
        text.push_str("\nhelp: ");
        text.push_str(d.help.get(lang));
    }
    text
}
