//! The pre-write check: which errors would a change add?
//!
//! Diagnostics before and after are compared by rule, file, group and message, not by line,
//! so that an entry added above an old error does not make that error look new.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::{self, Date, LoadError, Loaded, Overlay, Registry, Scope};
use crate::rule_id::RuleId;
use crate::rules;

/// The registry after the change, and the errors the change adds.
pub struct After {
    pub loaded: Registry,
    pub new_errors: Vec<Diagnostic>,
}

type Key = (RuleId, String, Option<String>, String);

fn key(d: &Diagnostic, reg: &Registry) -> Key {
    let file = d.locate(&reg.files).file.to_string();
    (d.rule, file, d.group.clone(), d.message.en.clone())
}

/// Checks the registry as it would be with `overlay`, against `before` (loaded with the same
/// scope): the errors it would have that it has not now. Which of them refuse a change is the
/// caller's judge ([`super::apply::Base::counts`]).
pub fn new_errors(
    root: &Path,
    scope: &Scope,
    before: &Loaded,
    overlay: &Overlay,
    at: Date,
) -> Result<After, LoadError> {
    let old = rules::check(&before.registry, at, before.diagnostics.clone());
    let mut seen: BTreeMap<Key, usize> = BTreeMap::new();
    for d in old.iter().filter(|d| d.severity == Severity::Error) {
        *seen.entry(key(d, &before.registry)).or_default() += 1;
    }
    let after = registry::load_with(root, scope, overlay)?;
    let diags = rules::check(&after.registry, at, after.diagnostics);
    let mut new_errors = Vec::new();
    for d in diags {
        if d.severity != Severity::Error {
            continue;
        }
        match seen.get_mut(&key(&d, &after.registry)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => new_errors.push(d),
        }
    }
    Ok(After {
        loaded: after.registry,
        new_errors,
    })
}
