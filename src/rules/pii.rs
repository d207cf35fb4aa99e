//! `pii`: no Norwegian national identity number (fødselsnummer or D-number) in any file.
//!
//! An identity number is 11 digits, not part of a longer run of digits, whose first six digits
//! are a date (day + 40 for a D-number) and whose two control digits are valid (rules.md).

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::rule_id::RuleId;
use crate::source::Span;
use crate::t;

/// Every file the registry read, and every other text file under its root.
pub fn national_identity_numbers(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (id, file) in ctx.reg.files.iter().enumerate() {
        // The loader released only files it had looked through and found clean.
        if file.is_released() {
            continue;
        }
        let text = file.text();
        for start in find(text) {
            let shown = &text[start..start + 6];
            out.push(
                Diagnostic::at(
                    RuleId::Pii,
                    Span::new(id, start..start + 11),
                    t!(
                        "a national identity number ({shown}*****) must not be stored in the registry",
                        "et fødselsnummer ({shown}*****) skal ikke lagres i registeret"
                    ),
                )
                .help(t!(
                    "remove the number; if it was committed, it must also be removed from the git history",
                    "fjern nummeret; hvis det er lagt inn i git, må det også fjernes fra historikken"
                )),
            );
        }
    }
}

use crate::pii_scan::find;
