//! docs/rules.md, generated from the catalog so that the documentation cannot drift from the
//! code. A test fails when the file is stale; `UPDATE_DOCS=1 cargo test` rewrites it.

use std::fmt::Write;

use crate::rule_id::{Applies, Level, Profile};

fn level(l: Level) -> &'static str {
    l.as_str()
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The whole of docs/rules.md.
pub fn markdown() -> String {
    let mut out = String::new();
    out.push_str(
        "# Rules\n\n\
         <!-- Generated from the rule declarations in src/rules/ by `UPDATE_DOCS=1 cargo test`; do not edit by hand. -->\n\n\
         Every diagnostic of `mandat validate` carries one of these rule ids. A rule's level comes \
         from the group's `[rules]`, else the registry's `[rules]`, else the default below; \
         `\"off\"` silences it. A `[[waiver]]` in a group silences one rule for that group until \
         its `until` date. Some findings are always warnings whatever the level (a seat or chair \
         vacant within its grace period, a report part missing before its due date, a section \
         written by someone else than the region's member, no meeting yet this year).\n\n\
         Sources quoted: **M** = the RHFs' mandate for reference groups of national services and \
         centres; **S** = Senja kommune's presentation of its reference group in the restructuring \
         of health and care.\n\n\
         | rule | national-service | municipal-advisory | advisory | what it checks |\n|---|---|---|---|---|\n",
    );
    let catalog = crate::rules::catalog();
    for r in &catalog {
        let cell = |p: Profile| {
            if r.applies.to(p) {
                level(r.default)
            } else {
                "—"
            }
        };
        let id = r.id.as_str();
        let _ = writeln!(
            out,
            "| [`{id}`](#{id}) | {} | {} | {} | {} |",
            cell(Profile::NationalService),
            cell(Profile::MunicipalAdvisory),
            cell(Profile::Advisory),
            r.summary.en
        );
    }
    for r in &catalog {
        let scope = match r.applies {
            Applies::Every => "every group".to_string(),
            Applies::Only(p) => format!("`{}` groups only", p.as_str()),
        };
        let _ = write!(
            out,
            "\n## {}\n\n{}.\n\n**Default level:** {}, in {scope}.\n\n**Why.** {}\n\n",
            r.id,
            capitalise(r.summary.en),
            level(r.default),
            r.purpose.en
        );
        if !r.clauses.is_empty() {
            out.push_str("**The clause it enforces** (quoted as written):\n\n");
            for c in r.clauses {
                let _ = writeln!(out, "> {}: «{}»\n", c.source, c.text);
            }
        }
        let _ = write!(
            out,
            "**What to do.** {}\n\n**Change its level:** `{} = \"warning\"` or `\"off\"` under `[rules]` in registry.toml or group.toml.\n\n*Bokmål:* {}.\n",
            r.fix.en,
            r.id,
            capitalise(r.summary.nb)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn docs_rules_md_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
        let want = super::markdown();
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(path, &want).expect("write docs/rules.md");
            return;
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == want,
            "docs/rules.md is stale: run `UPDATE_DOCS=1 cargo test docs_rules_md_is_current`"
        );
    }
}
