//! `mandat validate`: load, run every rule, render, and exit 0/1.

use std::collections::BTreeSet;
use std::path::Path;

use crate::cli::{ValidateArgs, ValidateFormat};
use crate::diagnostic::ci::CiOptions;
use crate::diagnostic::{self, RenderOptions, Severity, Summary};
use crate::registry::{self, Scope};
use crate::rules;

use super::{Env, Outcome, print, terminal_width};

pub fn run(args: &ValidateArgs, env: &Env) -> anyhow::Result<Outcome> {
    // Before the registry is loaded, its language is read from registry.toml alone.
    let early = env.lang;
    let cannot_run = |e: registry::LoadError| anyhow::anyhow!("{}", e.text().get(early));
    let root = env.root().map_err(cannot_run)?;
    let wanted: BTreeSet<String> = args.groups.iter().cloned().collect();
    let scope = if wanted.is_empty() {
        Scope::All
    } else {
        Scope::Groups(wanted.clone())
    };
    let loaded = registry::load(&root, &scope).map_err(cannot_run)?;
    let reg = &loaded.registry;
    let lang = env.lang_of(Some(reg));
    let at = env.at;
    // The groups whose mandate rules wait for broken files: one line each in the human output.
    let mut held = rules::held_back(reg, &loaded.diagnostics);
    held.retain(|g, _| wanted.is_empty() || wanted.contains(*g));
    let held = rules::held_back_lines(&held, lang);
    // On a terminal, the held-back notes wrap at word boundaries like the diagnostics above them.
    let held = match terminal_width() {
        Some(w) => held
            .lines()
            .map(|l| crate::diagnostic::human::words_to_width(l, w, 0, 4) + "\n")
            .collect(),
        None => held,
    };
    let mut diags = rules::check(reg, at, loaded.diagnostics);
    if !wanted.is_empty() {
        diags.retain(|d| d.group.as_ref().is_none_or(|g| wanted.contains(g)));
    }
    let summary = Summary::of(&diags, reg.files.len());
    let opts = RenderOptions {
        lang,
        color: env.color,
        width: terminal_width(),
    };
    let ci = CiOptions {
        lang,
        path_prefix: repository_prefix(&root),
        deny_warnings: args.deny_warnings,
    };
    let text = match args.format.unwrap_or_else(default_format) {
        ValidateFormat::Human => {
            let mut t = diagnostic::human::render(&diags, &reg.files, opts);
            t.push_str(&held);
            t.push_str(&diagnostic::human::summary_line(summary, opts));
            t
        }
        ValidateFormat::Json => diagnostic::json::render(&diags, &reg.files, summary, lang),
        ValidateFormat::Github => {
            let mut t = diagnostic::github::render(&diags, &reg.files, &ci);
            t.push_str(&diagnostic::human::summary_line(summary, opts));
            t
        }
        ValidateFormat::Sarif => {
            diagnostic::sarif::render(&diags, &reg.files, &crate::rules::catalog(), &ci)
        }
        ValidateFormat::Junit => {
            let groups: Vec<&str> = reg
                .groups
                .iter()
                .map(|g| g.id.as_str())
                .filter(|g| wanted.is_empty() || wanted.contains(*g))
                .collect();
            diagnostic::junit::render(&diags, &reg.files, &groups, summary, &ci)
        }
    };
    print(&text)?;
    let failed = diags
        .iter()
        .any(|d| d.severity == Severity::Error || args.deny_warnings);
    // The process ends after this command: freeing the model (millions of small allocations at
    // 10,000 groups, 0.4 s) would be time spent for nothing. The memory goes back on exit.
    std::mem::forget(loaded.registry);
    Ok(if failed {
        Outcome::RulesBroken
    } else {
        Outcome::Ok
    })
}

/// `github` on GitHub Actions (which sets `GITHUB_ACTIONS=true`), else `human`.
fn default_format() -> ValidateFormat {
    if std::env::var_os("GITHUB_ACTIONS").is_some_and(|v| v == "true") {
        ValidateFormat::Github
    } else {
        ValidateFormat::Human
    }
}

/// Where the registry lies inside the checked-out repository on a CI service (GitHub's
/// `GITHUB_WORKSPACE`, GitLab's `CI_PROJECT_DIR`), as a prefix like `registry/`, so that the CI
/// formats name files as the service knows them. Empty elsewhere, or when the registry is the
/// repository itself or lies outside it.
fn repository_prefix(root: &Path) -> String {
    let Some(workspace) = ["GITHUB_WORKSPACE", "CI_PROJECT_DIR"]
        .into_iter()
        .filter_map(std::env::var_os)
        .find(|v| !v.is_empty())
    else {
        return String::new();
    };
    let (Ok(workspace), Ok(root)) = (Path::new(&workspace).canonicalize(), root.canonicalize())
    else {
        return String::new();
    };
    let Ok(inside) = root.strip_prefix(&workspace) else {
        return String::new();
    };
    let parts: Vec<String> = inside
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("{}/", parts.join("/"))
    }
}
