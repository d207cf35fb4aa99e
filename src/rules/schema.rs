//! `schema`: a required field is missing, a value has the wrong type or is outside its set, a field is unknown, or a date is invalid.
//!
//! The loader reports these findings while it reads the files (src/registry/load.rs and
//! read.rs): a file it cannot read gives no model to check. This file holds what the rule is.

use super::{Checks, Rule};
use crate::rule_id::{Applies, Level, RuleId, RuleMeta, text};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::Schema,
        applies: Applies::Every,
        default: Level::Error,
        file_level: true,
        after_dissolved: false,
        summary: text(
            "a required field is missing, a value has the wrong type or is outside its set, a field is unknown, or a date is invalid",
            "et påkrevd felt mangler, en verdi har feil type eller er utenfor de lovlige verdiene, et felt er ukjent, eller en dato er ugyldig",
        ),
        purpose: text(
            "Every file kind has a fixed set of fields (`mandat schema` gives them). A misspelt field is silently ignored by people but not by the rules, so it is reported with the nearest known name.",
            "Hver filtype har et fast sett med felt (`mandat schema` viser dem). Et feilstavet felt blir lett oversett, så det meldes med det nærmeste kjente navnet.",
        ),
        clauses: &[],
        fix: text(
            "Add the missing field, correct the value's type (dates without quotes, text in quotes, lists in brackets) or rename the field as suggested.",
            "Legg til feltet som mangler, rett verdiens type (datoer uten anførselstegn, tekst i anførselstegn, lister i hakeparenteser) eller gi feltet det foreslåtte navnet.",
        ),
    },
    checks: Checks {
        group: None,
        registry: None,
    },
};
