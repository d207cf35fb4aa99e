//! Reports built from the registry: the annual report of a group, a region's overview, a group's
//! inputs, expenses and the calendar.
//!
//! Each report is first built as a serialisable view ([`model`] and one file per report); that
//! view is the `json` format, and the `md` and `html` templates ([`render`]) and the `docx`
//! writer ([`docx`]) only lay it out. Reports read the registry and never change it; they judge
//! nothing themselves except where they quote [`crate::rules`].
//!
//! Privacy: a person's e-mail address and phone number appear only when the caller asks for
//! them (`--include-contact`); free text from minutes and sections is passed through
//! [`privacy::redact`] otherwise.

pub mod activity;
pub mod annual;
pub mod calendar;
pub mod dates;
pub mod docx;
pub mod due;
pub mod expenses;
pub mod inputs;
pub mod kickoff;
pub mod labels;
pub mod letter;
pub mod markdown;
pub mod model;
pub mod privacy;
pub mod region;
pub mod render;

use chrono::Datelike;

use crate::registry::Date;

pub use crate::registry::{dec31, jan1};

/// The day a report for `year` describes the group as of: the end of the year, or the
/// evaluation date when that comes first (a report on the current year).
pub fn as_of(year: i32, at: Date) -> Date {
    dec31(year).min(at)
}

/// Whether a date lies in a year.
pub fn in_year(day: Date, year: i32) -> bool {
    day.year() == year
}

/// ISO `YYYY-MM-DD`.
pub fn iso(day: Date) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// Options every report takes.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub lang: crate::i18n::Lang,
    /// The evaluation date (`--at`).
    pub at: Date,
    /// Show e-mail addresses and phone numbers.
    pub include_contact: bool,
}
