//! `syntax`: a file is not valid UTF-8 or not valid TOML, or a .md file lacks its +++ front matter.
//!
//! The loader reports these findings while it reads the files (src/registry/load.rs and
//! read.rs): a file it cannot read gives no model to check. This file holds what the rule is.

use super::{Checks, Rule};
use crate::rule_id::{Applies, Level, RuleId, RuleMeta, text};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::Syntax,
        applies: Applies::Every,
        default: Level::Error,
        file_level: true,
        after_dissolved: false,
        summary: text(
            "a file is not valid UTF-8 or not valid TOML, or a .md file lacks its +++ front matter",
            "en fil er ikke gyldig UTF-8 eller gyldig TOML, eller en .md-fil mangler front matter mellom +++",
        ),
        purpose: text(
            "mandat can only check what it can read. A file it cannot read hides every other problem in it.",
            "mandat kan bare kontrollere det den kan lese. En fil som ikke kan leses, skjuler alle andre feil i den.",
        ),
        clauses: &[],
        fix: text(
            "Open the file at the place shown and correct the TOML there: quotes around text, `=` between key and value, one `+++` line before and one after the front matter of a .md file. Save files as UTF-8.",
            "Åpne filen der feilen er vist og rett TOML-en: anførselstegn rundt tekst, `=` mellom nøkkel og verdi, en linje `+++` før og en etter front matter i en .md-fil. Lagre filer som UTF-8.",
        ),
    },
    checks: Checks {
        group: None,
        registry: None,
    },
};
