//! Files for other programs: the one CSV writer of the tool ([`csv`]) and the xlsx workbooks
//! ([`xlsx`]). Both take rows of text already built by a command; they decide nothing about
//! what a row holds, only how a spreadsheet will read it.

pub mod csv;
mod guard;
pub mod sheets;
pub mod xlsx;

pub use guard::refuse_registry_file;
