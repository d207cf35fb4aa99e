//! Guards that cannot be switched off (rules.md): `syntax` and `pii` are always `error`. A
//! `[rules]` entry that lowers either, or a `[[waiver]]` that names either, is a `schema` error
//! and is dropped here, so that no rule ever sees it.

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::registry::model::{Level, Waiver};
use crate::rule_id::RuleId;
use crate::source::Sp;
use crate::t;

/// The rules whose level no registry can change.
pub const GUARDS: [RuleId; 2] = [RuleId::Syntax, RuleId::Pii];

fn is_guard(id: &str) -> bool {
    GUARDS.iter().any(|g| g.as_str() == id)
}

/// Drops and reports the entries of a `[rules]` table that lower a guard.
pub fn keep_guards_on(rules: &mut BTreeMap<String, Sp<Level>>, diags: &mut Vec<Diagnostic>) {
    rules.retain(|id, level| {
        if !is_guard(id) || level.value == Level::Error {
            return true;
        }
        diags.push(
            Diagnostic::at(
                RuleId::Schema,
                level.span,
                t!(
                    "the rule `{id}` cannot be switched off or lowered: it is always an error",
                    "regelen `{id}` kan ikke slås av eller senkes: den er alltid en feil"
                ),
            )
            .help(t!(
                "remove this line; fix the files it reports instead",
                "fjern denne linjen; rett heller filene den melder"
            )),
        );
        false
    });
}

/// Drops and reports the waivers that name a guard.
pub fn keep_guards_unwaived(waivers: &mut Vec<Waiver>, diags: &mut Vec<Diagnostic>) {
    waivers.retain(|w| {
        let Some(rule) = w.rule.as_ref().filter(|r| is_guard(&r.value)) else {
            return true;
        };
        let id = &rule.value;
        diags.push(
            Diagnostic::at(
                RuleId::Schema,
                rule.span,
                t!(
                    "the rule `{id}` cannot be waived: it is always an error",
                    "regelen `{id}` kan ikke unntas: den er alltid en feil"
                ),
            )
            .help(t!(
                "remove this waiver; fix the files it reports instead",
                "fjern dette unntaket; rett heller filene den melder"
            )),
        );
        false
    });
}
