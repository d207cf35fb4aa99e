//! `--format github`: GitHub Actions workflow commands, one line per diagnostic:
//! `::error file=F,line=L,col=C,title=RULE::MESSAGE`. GitHub shows each as an annotation on the
//! file and line in the pull request and the run's summary.
//!
//! Escaping follows the runner's rules: in the message `%`, CR and LF are percent-encoded; in
//! the properties also `:` and `,`, which would otherwise end a property.

use std::fmt::Write;

use super::ci::{CiOptions, full_text};
use super::{Diagnostic, Severity};
use crate::source::SourceFile;

/// One workflow command per diagnostic, in the order given (already sorted).
pub fn render(diags: &[Diagnostic], files: &[SourceFile], opts: &CiOptions) -> String {
    let mut out = String::new();
    for d in diags {
        let l = d.locate(files);
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = format!("file={}", escape_property(&opts.path(&l.file)));
        if let Some(line) = l.line {
            let _ = write!(props, ",line={line}");
        }
        if let Some(col) = l.column {
            let _ = write!(props, ",col={col}");
        }
        let _ = write!(props, ",title={}", escape_property(d.rule.as_str()));
        let _ = writeln!(
            out,
            "::{command} {props}::{}",
            escape_data(&full_text(d, opts.lang))
        );
    }
    out
}

/// Escapes a command's message.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: as the message, and `:` and `,` too.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_expects() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_data("a: b, c"), "a: b, c");
        assert_eq!(escape_property("a: b, c%\n"), "a%3A b%2C c%25%0A");
    }
}
