//! The rules of the mandate: each a small function of the registry and the evaluation date that
//! returns diagnostics. They never read files, print or exit.
//!
//! [`check`] runs every rule that applies, then settles each finding's level: the group's
//! `[rules]`, else the registry's, else the default; softened findings are warnings; waivers and
//! `off` silence. The result is sorted and deduplicated.

pub mod doc;

pub mod annual_meeting;
pub mod annual_report;
pub mod appointment_notified;
pub mod appointment_process;
pub mod chair_designated;
pub mod chair_outside_host_region;
pub mod constituencies_represented;
pub mod dates;
pub mod gender_balance;
pub mod host_region_other_hf;
pub mod ids;
pub mod input_followed_up;
pub mod meeting_status;
pub mod milestone_meeting;
pub mod minutes_attendance;
pub mod minutes_recorded;
pub mod one_member_per_rhf;
pub mod pii;
pub mod references;
pub mod regional_member_from_region;
pub mod schema;
pub mod service_represented;
pub mod syntax;
pub mod term_expiry;
pub mod user_represented;

/// Every rule, in the order of `mandat rules` (the order of [`RuleId`]; a test checks it).
/// The modules are declared one by one rather than by a macro so that rustfmt sees them.
pub static ALL: &[&Rule] = &[
    &syntax::RULE,
    &schema::RULE,
    &ids::RULE,
    &references::RULE,
    &dates::RULE,
    &pii::RULE,
    &appointment_process::RULE,
    &minutes_recorded::RULE,
    &meeting_status::RULE,
    &minutes_attendance::RULE,
    &input_followed_up::RULE,
    &term_expiry::RULE,
    &gender_balance::RULE,
    &one_member_per_rhf::RULE,
    &host_region_other_hf::RULE,
    &regional_member_from_region::RULE,
    &service_represented::RULE,
    &user_represented::RULE,
    &chair_designated::RULE,
    &chair_outside_host_region::RULE,
    &annual_meeting::RULE,
    &annual_report::RULE,
    &appointment_notified::RULE,
    &constituencies_represented::RULE,
    &milestone_meeting::RULE,
];

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{self, Diagnostic, Place, Severity};
use crate::i18n::Text;
use crate::registry::{Date, Group, Level, Member, Registry};
use crate::rule_id::{Applies, RuleId, RuleMeta};

/// What every rule reads.
pub struct Ctx<'a> {
    pub reg: &'a Registry,
    /// The evaluation date D.
    pub at: Date,
}

pub type GroupCheck = fn(&Ctx, &Group, &mut Vec<Diagnostic>);
pub type RegistryCheck = fn(&Ctx, &mut Vec<Diagnostic>);

/// Where a rule's findings come from. A rule with neither is reported by the loader.
#[derive(Clone, Copy)]
pub struct Checks {
    /// Looks at one group.
    pub group: Option<GroupCheck>,
    /// Looks at the registry as a whole (files outside groups, every file's text).
    pub registry: Option<RegistryCheck>,
}

/// A rule: what it is, and how it is checked. Each file of this module declares one.
pub struct Rule {
    pub meta: RuleMeta,
    pub checks: Checks,
}

/// The rule of an id.
pub fn rule(id: RuleId) -> &'static Rule {
    ALL[id as usize]
}

/// What every rule is, for the renderers and commands that show it.
pub fn catalog() -> Vec<&'static RuleMeta> {
    ALL.iter().map(|r| &r.meta).collect()
}

/// Whether a rule runs for a group on the evaluation date.
fn applies(rule: &Rule, group: &Group, at: Date) -> bool {
    let meta = &rule.meta;
    let profile_ok = match meta.applies {
        Applies::Every => true,
        Applies::Only(p) => group.profile() == Some(p),
    };
    let dissolved = group.dissolved().is_some_and(|d| d < at);
    let alive_ok = !dissolved || meta.file_level || meta.after_dissolved;
    profile_ok && alive_ok
}

/// How many groups a thread checks at a time; one in unit tests, so that the findings of small
/// registries are put together from several runs there.
const GROUPS_PER_RUN: usize = if cfg!(test) { 1 } else { 64 };

/// Runs every rule and returns the registry's diagnostics, levels settled, sorted.
/// `loaded` are the diagnostics found while reading the files.
///
/// A group that depends on a file with a `syntax` or `schema` error gets only the file-level
/// rules ([`held_back`]).
pub fn check(reg: &Registry, at: Date, loaded: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let ctx = Ctx { reg, at };
    let held: BTreeSet<&str> = held_back(reg, &loaded).into_keys().collect();
    let check_groups = |groups: &[Group]| {
        let mut found = Vec::new();
        for group in groups {
            let whole = !held.contains(group.id.as_str());
            for rule in ALL {
                if let Some(run) = rule.checks.group
                    && (whole || rule.meta.file_level)
                    && applies(rule, group, at)
                {
                    run(&ctx, group, &mut found);
                }
            }
        }
        found
    };
    // The groups are checked on every core, a run of them at a time, while this thread runs
    // the rules over the whole registry first; the findings are put together in the order of
    // the groups, as on one thread.
    let runs: Vec<&[Group]> = reg.groups.chunks(GROUPS_PER_RUN).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let take = || {
        let mut found = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(run) = runs.get(i) else {
                return found;
            };
            found.push((i, check_groups(run)));
        }
    };
    let mut raw = loaded;
    let mut by_run = std::thread::scope(|scope| {
        // No thread is started for a registry of one run (an edit, a group page).
        let helpers = if runs.len() > 1 {
            crate::registry::threads()
        } else {
            1
        };
        let helpers: Vec<_> = (1..helpers)
            .map_while(|_| std::thread::Builder::new().spawn_scoped(scope, take).ok())
            .collect();
        for run in ALL.iter().filter_map(|r| r.checks.registry) {
            run(&ctx, &mut raw);
        }
        let mut by_run = take();
        for helper in helpers {
            by_run.extend(
                helper
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
        }
        by_run
    });
    by_run.sort_by_key(|(i, _)| *i);
    raw.extend(by_run.into_iter().flat_map(|(_, found)| found));
    // Each diagnostic looks up its group's levels and waivers: index the groups once.
    let groups: std::collections::HashMap<&str, &Group> =
        reg.groups.iter().map(|g| (g.id.as_str(), g)).collect();
    let mut out: Vec<Diagnostic> = raw
        .into_iter()
        .filter_map(|d| settle(reg, &groups, at, d))
        .collect();
    diagnostic::sort(&mut out, &reg.files);
    out
}

/// The groups whose mandate rules are held back (rules.md, "Broken files hold back the mandate
/// rules"), each with the broken files it depends on: a file with a `syntax` or `schema` finding
/// under its `groups/<id>/`, registry.toml, organisations.toml, or the file of a person its
/// `members.toml` or `[[chair]]` terms name. `found` are the loader's diagnostics. One quoted
/// date then gives one `schema` error, not a cascade of vacancies and missing steps.
pub fn held_back<'a>(
    reg: &'a Registry,
    found: &[Diagnostic],
) -> BTreeMap<&'a str, BTreeSet<String>> {
    let broken: BTreeSet<&str> = found
        .iter()
        .filter(|d| matches!(d.rule, RuleId::Syntax | RuleId::Schema))
        .map(|d| match &d.place {
            Place::Span(span) => reg.rel(span.file()),
            Place::File(path) => path.as_str(),
        })
        .collect();
    let mut out = BTreeMap::new();
    if broken.is_empty() {
        return out;
    }
    let shared: Vec<&str> = ["registry.toml", "organisations.toml"]
        .into_iter()
        .filter(|f| broken.contains(f))
        .collect();
    for group in &reg.groups {
        let folder = format!("groups/{}/", group.id);
        let mut files: BTreeSet<String> = broken
            .iter()
            .filter(|f| f.starts_with(&folder))
            .map(|f| f.to_string())
            .collect();
        files.extend(shared.iter().map(|f| f.to_string()));
        let people = group.members.iter().filter_map(|m| m.person_id()).chain(
            group
                .chairs
                .iter()
                .filter_map(|c| c.person.as_ref().map(|p| p.as_str())),
        );
        for person in people {
            let path = format!("people/{person}.toml");
            if broken.contains(path.as_str()) {
                files.insert(path);
            }
        }
        if !files.is_empty() {
            out.insert(group.id.as_str(), files);
        }
    }
    out
}

/// One line per held-back group for the human output: which group, and the files that hold it
/// back.
pub fn held_back_lines(held: &BTreeMap<&str, BTreeSet<String>>, lang: crate::i18n::Lang) -> String {
    let mut out = String::new();
    for (group, files) in held {
        let group = crate::pii_scan::mask(group);
        let files: Vec<String> = files
            .iter()
            .map(|f| crate::pii_scan::mask(f).into_owned())
            .collect();
        let files = crate::i18n::join_list(&files, lang);
        out.push_str(&match lang {
            crate::i18n::Lang::En => format!(
                "note: the mandate rules were not checked for {group}: {files} must be mended first (syntax or schema errors above)\n"
            ),
            crate::i18n::Lang::Nb => format!(
                "merk: mandatreglene ble ikke kontrollert for {group}: {files} må rettes først (syntaks- eller skjemafeil over)\n"
            ),
        });
    }
    out
}

/// Fills in the group and the clause notes, and applies levels and waivers.
fn settle(
    reg: &Registry,
    groups: &std::collections::HashMap<&str, &Group>,
    at: Date,
    mut d: Diagnostic,
) -> Option<Diagnostic> {
    if d.group.is_none() {
        d.group = match &d.place {
            Place::Span(span) => reg.group_of_file(span.file()).map(str::to_string),
            Place::File(path) => crate::registry::group_of_path(path).map(str::to_string),
        };
    }
    let group = d.group.as_deref().and_then(|g| groups.get(g).copied());
    let name = d.rule.as_str();
    let level = group
        .and_then(|g| g.rules.get(name))
        .or_else(|| reg.config.rules.get(name))
        .map_or(rule(d.rule).meta.default, |l| l.value);
    if level == Level::Off {
        return None;
    }
    let waived = group.is_some_and(|g| {
        g.waivers.iter().any(|w| {
            w.rule.as_ref().is_some_and(|r| r.value == name)
                && w.until.as_ref().is_some_and(|u| at <= u.value)
        })
    });
    if waived {
        return None;
    }
    d.severity = if d.soft || level == Level::Warning {
        Severity::Warning
    } else {
        Severity::Error
    };
    let clauses = rule(d.rule).meta.clauses;
    if let Some(clause) = clauses.get(d.clause).or(clauses.first()) {
        let quote = format!("{}: «{}»", clause.source, clause.text);
        d.notes.insert(0, Text::new(quote.clone(), quote));
    }
    Some(d)
}

pub use crate::registry::add_days;

/// Where a diagnostic about something missing from a group's seats points: members.toml, or
/// group.toml where there is none.
pub fn members_place(reg: &Registry, group: &Group) -> Place {
    match (group.members_file, group.file) {
        (Some(f), _) | (None, Some(f)) => file_start(reg, f),
        (None, None) => Place::File(format!("groups/{}/group.toml", group.id)),
    }
}

/// Where a diagnostic about something missing from group.toml points: its first key, not a
/// comment above it (rules.md, second round).
pub fn group_place(reg: &Registry, group: &Group) -> Place {
    match (group.first_key, group.file) {
        (Some(key), _) => Place::Span(key),
        (None, Some(f)) => file_start(reg, f),
        (None, None) => Place::File(format!("groups/{}/group.toml", group.id)),
    }
}

/// The first character of a file (after a byte-order mark).
pub fn file_start(reg: &Registry, file: usize) -> Place {
    let bom = reg.files[file].bom;
    Place::Span(crate::source::Span::new(file, bom..bom))
}

/// A member's person's name, for messages.
pub fn member_name(ctx: &Ctx, m: &Member) -> String {
    m.person_id()
        .map_or_else(|| "?".to_string(), |p| ctx.reg.person_name(p).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_rule_once_in_id_order() {
        let ids: Vec<RuleId> = ALL.iter().map(|r| r.meta.id).collect();
        assert_eq!(ids, RuleId::ALL.to_vec());
    }

    #[test]
    fn each_rule_lives_in_the_file_named_after_its_id() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules");
        for id in RuleId::ALL {
            let path = format!("{dir}/{}.rs", id.as_str().replace('-', "_"));
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let declared = format!("id: RuleId::{id:?},");
            assert!(text.contains(&declared), "{path} does not declare {id}");
            assert!(
                text.starts_with(&format!("//! `{id}`")),
                "{path} does not start with its id"
            );
        }
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        for r in ALL {
            let m = &r.meta;
            for t in [m.summary, m.purpose, m.fix] {
                assert!(
                    !t.en.trim().is_empty() && !t.nb.trim().is_empty(),
                    "{}",
                    m.id
                );
                assert_ne!(t.en, t.nb, "{}: untranslated text", m.id);
            }
        }
    }

    #[test]
    fn only_the_loaders_rules_have_no_check() {
        for r in ALL {
            let loader = r.checks.group.is_none() && r.checks.registry.is_none();
            assert_eq!(
                loader,
                matches!(r.meta.id, RuleId::Syntax | RuleId::Schema),
                "{}",
                r.meta.id
            );
        }
    }
}
