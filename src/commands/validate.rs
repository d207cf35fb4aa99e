//! `mandat validate`: load, run every rule, render, and exit 0/1.

use std::collections::BTreeSet;

use crate::cli::{Global, ValidateArgs, ValidateFormat};
use crate::diagnostic::{self, RenderOptions, Severity, Summary};
use crate::registry::{self, Scope};
use crate::rules;

use super::{Outcome, evaluation_date, language, print, registry_root, use_color};

pub fn run(args: &ValidateArgs, global: &Global) -> anyhow::Result<Outcome> {
    // Before the registry is read, only --lang can choose the language of an error.
    let early = language(global, None);
    let cannot_run = |e: registry::LoadError| anyhow::anyhow!("{}", e.text().get(early));
    let root = registry_root(global).map_err(cannot_run)?;
    let wanted: BTreeSet<String> = args.groups.iter().cloned().collect();
    let scope = if wanted.is_empty() {
        Scope::All
    } else {
        Scope::Groups(wanted.clone())
    };
    let loaded = registry::load(&root, &scope).map_err(cannot_run)?;
    let reg = &loaded.registry;
    let lang = language(global, Some(reg));
    let at = evaluation_date(global);
    let mut diags = rules::check(reg, at, loaded.diagnostics);
    if !wanted.is_empty() {
        diags.retain(|d| d.group.as_ref().is_none_or(|g| wanted.contains(g)));
    }
    let summary = Summary::of(&diags, reg.files.len());
    let opts = RenderOptions {
        lang,
        color: use_color(global),
    };
    let text = match args.format.unwrap_or(ValidateFormat::Human) {
        ValidateFormat::Human => {
            let mut t = diagnostic::human::render(&diags, &reg.files, opts);
            t.push_str(&diagnostic::human::summary_line(summary, opts));
            t
        }
        ValidateFormat::Json => diagnostic::json::render(&diags, &reg.files, summary, lang),
    };
    print(&text)?;
    let failed = diags
        .iter()
        .any(|d| d.severity == Severity::Error || args.deny_warnings);
    Ok(if failed {
        Outcome::RulesBroken
    } else {
        Outcome::Ok
    })
}
