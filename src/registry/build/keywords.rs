//! The keyword values of the files, read from their spelling in TOML by each keyword's own
//! `FromStr`, declared once with its names and words (`crate::keywords`, `crate::rule_id`).

/// A keyword from its spelling: `None` when it is not one of the type's names.
pub(super) fn keyword<T: std::str::FromStr>(s: &str) -> Option<T> {
    s.parse().ok()
}
