//! The code's layering (docs/architecture.md), checked on the source: the ground floor imports
//! nothing of ours above it, data flows files → registry → rules → diagnostic rendering, report
//! never reads the command line, and no two files import each other, however indirectly.
//!
//! Imports are read from the text: every `crate::a::b` path and every `use super::…`, resolved to
//! the file that defines the module. Comments are skipped.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// What each top-level module may import (besides itself). Modules not named may import
/// anything but are still checked for cycles.
const ALLOWED: &[(&str, &[&str])] = &[
    // The ground floor: source text and spans, XML escaping, the identity-number scanner, the
    // words of both languages, the keywords and the rule ids with their levels.
    ("source", &[]),
    ("xml", &[]),
    ("pii_scan", &[]),
    ("i18n", &[]),
    ("keywords", &["i18n"]),
    ("rule_id", &["i18n", "source", "keywords"]),
    (
        "diagnostic",
        &["source", "pii_scan", "i18n", "keywords", "rule_id", "xml"],
    ),
    (
        "registry",
        &[
            "source",
            "pii_scan",
            "i18n",
            "keywords",
            "rule_id",
            "xml",
            "diagnostic",
        ],
    ),
    (
        "rules",
        &[
            "source",
            "pii_scan",
            "i18n",
            "keywords",
            "rule_id",
            "xml",
            "diagnostic",
            "registry",
        ],
    ),
    // Reports read the registry and the rules' findings; they write csv through the one writer.
    (
        "report",
        &[
            "source",
            "pii_scan",
            "i18n",
            "keywords",
            "rule_id",
            "xml",
            "diagnostic",
            "registry",
            "output",
        ],
    ),
];

/// Module path (`registry::load`) → file, for every .rs file under src/.
fn modules(src: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path
                .strip_prefix(src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let rel = rel.trim_end_matches(".rs");
            let module = match rel {
                "lib" | "main" => continue,
                r if r.ends_with("/mod") => r.trim_end_matches("/mod").replace('/', "::"),
                r => r.replace('/', "::"),
            };
            out.insert(module, path.to_string_lossy().into_owned());
        }
    }
    out
}

/// The longest module that `path` (a `::` path from the crate root) names.
fn resolve<'a>(path: &str, mods: &'a BTreeMap<String, String>) -> Option<&'a str> {
    let parts: Vec<&str> = path.split("::").collect();
    (1..=parts.len())
        .rev()
        .map(|n| parts[..n].join("::"))
        .find_map(|p| mods.get_key_value(&p).map(|(k, _)| k.as_str()))
}

/// Code without comments, `#[cfg(test)]` modules kept (their imports count too).
fn code(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules a file imports: `crate::…` paths, including `use crate::{a, b::c}` groups, and
/// `super::…` paths relative to the file's module.
fn imports(module: &str, text: &str, mods: &BTreeMap<String, String>) -> BTreeSet<String> {
    let text = code(text);
    let mut out = BTreeSet::new();
    let is_dir_module = mods.get(module).is_some_and(|f| f.ends_with("/mod.rs"));
    let parent = if is_dir_module {
        module.to_string()
    } else {
        module
            .rsplit_once("::")
            .map_or(String::new(), |(p, _)| p.to_string())
    };
    let mut targets = Vec::new();
    for (prefix, base) in [("crate::", String::new()), ("super::", parent.clone())] {
        let mut rest = text.as_str();
        while let Some(i) = rest.find(prefix) {
            let before = rest[..i].chars().last();
            rest = &rest[i + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let base = if prefix == "super::" {
                // `super::` from a directory module's child is the directory module itself.
                base.rsplit_once("::")
                    .map_or(base.clone(), |_| base.clone())
            } else {
                base.clone()
            };
            if rest.starts_with('{') {
                let group = &rest[1..rest.find('}').unwrap_or(rest.len())];
                for item in group.split(',') {
                    let item = item.trim().split([' ', ':']).next().unwrap_or("");
                    let full = if base.is_empty() {
                        item.to_string()
                    } else {
                        format!("{base}::{item}")
                    };
                    targets.push(full);
                }
                continue;
            }
            let path: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let path = path.trim_end_matches(':');
            targets.push(if base.is_empty() {
                path.to_string()
            } else {
                format!("{base}::{path}")
            });
        }
    }
    for t in targets {
        if let Some(m) = resolve(&t, mods)
            && m != module
        {
            out.insert(m.to_string());
        }
    }
    out
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mods = modules(&src);
    mods.iter()
        .map(|(m, file)| {
            let text = std::fs::read_to_string(file).unwrap();
            (m.clone(), imports(m, &text, &mods))
        })
        .collect()
}

fn top(module: &str) -> &str {
    module.split("::").next().unwrap()
}

#[test]
fn lower_floors_import_nothing_above_them() {
    let mut broken = Vec::new();
    for (module, deps) in graph() {
        let Some((_, allowed)) = ALLOWED.iter().find(|(m, _)| *m == top(&module)) else {
            continue;
        };
        for dep in deps {
            let t = top(&dep);
            if t != top(&module) && !allowed.contains(&t) {
                broken.push(format!("{module} imports {dep}"));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "imports that break the layering:\n{}",
        broken.join("\n")
    );
}

#[test]
fn no_two_files_import_each_other() {
    let graph = graph();
    // A directory module importing its own children (`mod.rs` re-exports) is not a cycle of
    // files importing each other, so parent → child edges are left out.
    let edges: BTreeMap<&str, Vec<&str>> = graph
        .iter()
        .map(|(m, deps)| {
            let kids = deps
                .iter()
                .filter(|d| !d.starts_with(&format!("{m}::")))
                .map(String::as_str)
                .collect();
            (m.as_str(), kids)
        })
        .collect();
    let reach = |from: &str| -> BTreeSet<&str> {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<&str> = edges.get(from).cloned().unwrap_or_default();
        while let Some(v) = stack.pop() {
            if seen.insert(v) {
                stack.extend(edges.get(v).into_iter().flatten());
            }
        }
        seen
    };
    let reachable: BTreeMap<&str, BTreeSet<&str>> = edges.keys().map(|&m| (m, reach(m))).collect();
    // Files on a cycle, grouped: those that reach each other.
    let mut cycles: BTreeSet<Vec<&str>> = BTreeSet::new();
    for (&m, r) in &reachable {
        if r.contains(m) {
            let group: Vec<&str> = r
                .iter()
                .copied()
                .filter(|o| reachable[o].contains(m))
                .collect();
            cycles.insert(group);
        }
    }
    let shown: Vec<String> = cycles.iter().map(|c| c.join(" ↔ ")).collect();
    assert!(
        shown.is_empty(),
        "files that import each other:\n{}",
        shown.join("\n")
    );
}
