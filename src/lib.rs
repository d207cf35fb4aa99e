//! mandat: keeps Norwegian reference groups (referansegrupper) in line with their mandate.
//!
//! Data flows one way: files → [`registry`] (typed model with spans) → [`rules`]
//! (diagnostics) → [`diagnostic`] (rendering). [`commands`] glue them together per subcommand.

pub mod cli;
pub mod cli_nb;
pub mod commands;
pub mod complete;
pub mod diagnostic;
pub mod edit;
pub mod i18n;
pub mod import;
pub mod json_schema;
pub mod keywords;
pub mod output;
pub mod pii_scan;
pub mod registry;
pub mod report;
pub mod rule_id;
pub mod rules;
pub mod serve;
pub mod site;
pub mod source;
pub mod xml;
