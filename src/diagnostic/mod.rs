//! The one [`Diagnostic`] type, and its renderers.
//!
//! Loading and rules create diagnostics; renderers turn a sorted list of them into text. Nothing
//! here decides what is wrong with a registry.

pub mod ci;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use crate::i18n::{Lang, Text};
use crate::rule_id::RuleId;
pub use crate::source::{SHOWN_CHARS, is_bidi_control, shown};
use crate::source::{SourceFile, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Where a diagnostic points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A value or entry in a file that was read.
    Span(Span),
    /// A file (relative path) as a whole: one that is missing, or could not be read.
    File(String),
}

/// One problem found in the registry.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub rule: RuleId,
    pub severity: Severity,
    /// A softened finding is always a warning, whatever the rule's level (rules.md).
    pub soft: bool,
    pub message: Text,
    pub place: Place,
    /// The group the diagnostic concerns; filled from the file's path when not set.
    pub group: Option<String>,
    pub help: Text,
    pub notes: Vec<Text>,
    /// Which of the rule's clauses the finding breaks (an index into the catalog's list).
    pub clause: usize,
    /// The calendar year a yearly duty concerns (`annual-meeting`, `annual-report`).
    pub year: Option<i32>,
}

impl Diagnostic {
    pub fn new(rule: RuleId, place: Place, message: Text) -> Diagnostic {
        Diagnostic {
            rule,
            severity: Severity::Error,
            soft: false,
            message,
            place,
            group: None,
            help: Text::default(),
            notes: Vec::new(),
            clause: 0,
            year: None,
        }
    }

    pub fn at(rule: RuleId, span: Span, message: Text) -> Diagnostic {
        Diagnostic::new(rule, Place::Span(span), message)
    }

    pub fn help(mut self, help: Text) -> Diagnostic {
        self.help = help;
        self
    }

    pub fn note(mut self, note: Text) -> Diagnostic {
        self.notes.push(note);
        self
    }

    /// Marks the finding as one that is always a warning.
    pub fn soft(mut self) -> Diagnostic {
        self.soft = true;
        self
    }

    /// Says which calendar year a yearly duty's finding concerns.
    pub fn year(mut self, year: i32) -> Diagnostic {
        self.year = Some(year);
        self
    }

    /// Names the clause of the rule that the finding breaks, when it is not the first.
    pub fn clause(mut self, index: usize) -> Diagnostic {
        self.clause = index;
        self
    }

    pub fn group(mut self, group: &str) -> Diagnostic {
        self.group = Some(group.to_string());
        self
    }
}

/// A diagnostic resolved against its file: what every renderer needs.
#[derive(Debug)]
pub struct Located<'a> {
    pub diag: &'a Diagnostic,
    /// The file's path, with any identity number in it masked (rules.md, "No identity number
    /// leaves the tool"): every renderer prints this, never the path itself.
    pub file: std::borrow::Cow<'a, str>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub source: Option<&'a SourceFile>,
}

impl Diagnostic {
    pub fn locate<'a>(&'a self, files: &'a [SourceFile]) -> Located<'a> {
        match &self.place {
            Place::Span(span) => {
                let f = &files[span.file()];
                let (line, column) = f.line_col(span.start());
                Located {
                    diag: self,
                    file: crate::pii_scan::mask(&f.rel),
                    line: Some(line),
                    column: Some(column),
                    source: Some(f),
                }
            }
            Place::File(path) => Located {
                diag: self,
                file: crate::pii_scan::mask(path),
                line: None,
                column: None,
                source: None,
            },
        }
    }
}

/// Sorts by file (byte order), line, column, rule id (byte order), then message, and drops exact
/// duplicates.
pub fn sort(diags: &mut Vec<Diagnostic>, files: &[SourceFile]) {
    let key = |d: &Diagnostic| {
        let l = d.locate(files);
        (
            l.file.to_string(),
            l.line.unwrap_or(0),
            l.column.unwrap_or(0),
            d.rule.as_str(),
            d.message.en.clone(),
        )
    };
    let mut keyed: Vec<_> = diags.drain(..).map(|d| (key(&d), d)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.dedup_by(|a, b| a.0 == b.0 && a.1.severity == b.1.severity);
    diags.extend(keyed.into_iter().map(|(_, d)| d));
}

/// Counts of a list of diagnostics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub files: usize,
}

impl Summary {
    pub fn of(diags: &[Diagnostic], files: usize) -> Summary {
        let errors = diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        Summary {
            errors,
            warnings: diags.len() - errors,
            files,
        }
    }
}

/// Options common to the renderers.
#[derive(Clone, Copy, Debug)]
pub struct RenderOptions {
    pub lang: Lang,
    pub color: bool,
    /// The terminal's width, when the output goes to one: messages, notes and help are then
    /// wrapped at word boundaries to fit it (source lines are not, so the caret stays under its
    /// value). `None` writes each on one line, for files, pipes and CI logs.
    pub width: Option<usize>,
}
