//! Everything that runs the built binary or the library end to end, in one test binary (linked
//! once): a module per area, and the two helper modules they share. See tests/README.md.

mod ci_common;
mod support;

mod browser;
mod ci_completions;
mod ci_github;
mod ci_junit;
mod ci_sarif;
mod ci_schema;
mod edit_end_to_end;
mod edit_format;
mod edit_safety;
mod edit_scope;
mod guide;
mod hostile;
mod import_sheets;
mod layering;
mod malformed;
mod pii_everywhere;
mod report_docx;
mod report_html;
mod report_ics;
mod report_markdown;
mod report_privacy;
mod report_templates;
mod serve;
mod site;
