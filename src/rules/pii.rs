//! `pii`: a Norwegian national identity number (fødselsnummer or D-number) appears in a file.

use super::Ctx;
use super::{Checks, Rule};
use crate::pii_scan::find;
use crate::rule_id::{Applies, Level, RuleId, RuleMeta, text};

use crate::diagnostic::Diagnostic;
use crate::source::Span;
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::Pii,
        applies: Applies::Every,
        default: Level::Error,
        file_level: true,
        after_dissolved: false,
        summary: text(
            "a Norwegian national identity number (fødselsnummer or D-number) appears in a file",
            "et fødselsnummer eller D-nummer står i en fil",
        ),
        purpose: text(
            "The registry is kept in git and shared widely. A national identity number must never be stored there; once committed it stays in the history.",
            "Registeret ligger i git og deles bredt. Et fødselsnummer skal aldri lagres der; når det først er lagt inn, blir det liggende i historikken.",
        ),
        clauses: &[],
        fix: text(
            "Remove the number. If it was committed, ask whoever runs the repository to remove it from the git history as well.",
            "Fjern nummeret. Hvis det er lagt inn i git, be den som drifter depotet om å fjerne det fra historikken også.",
        ),
    },
    checks: Checks {
        group: None,
        registry: Some(national_identity_numbers),
    },
};

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
