//! `mandat import members|registry|template`: spreadsheets into the registry, through the edit
//! machinery like every other command that writes (checked, `--dry-run`, `--force`, locked,
//! atomic, all or nothing). Reading and understanding the file is `crate::import`'s.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use toml_edit::Table;

use crate::cli::{ImportCommand, ImportMembersArgs, ImportRegistryArgs, ImportTemplateArgs};
use crate::edit::doc::{date, set, set_in_order};
use crate::edit::{Plan, TomlDoc};
use crate::i18n::{Lang, Text};
use crate::import::Problem;
use crate::import::columns::normalise;
use crate::import::members::{GroupInfo, Import, KnownPerson, NewPerson, Seat, Target};
use crate::import::sheet::{self, Grid, Value, Which};
use crate::registry::{Scope, is_valid_id};
use crate::t;

use super::seat::MEMBER_ORDER;
use super::writing::{Session, bad, check_id, refuse};
use super::{Env, Outcome};

pub fn run(cmd: &ImportCommand, env: &Env) -> anyhow::Result<Outcome> {
    match cmd {
        ImportCommand::Members(args) => members(args, env),
        ImportCommand::Registry(args) => registry(args, env),
        ImportCommand::Template(args) => template(args, env),
    }
}

fn read(path: &Path, which: Which<'_>, lang: Lang) -> anyhow::Result<Vec<Grid>> {
    sheet::read(path, which).map_err(|e| bad(lang, e.0))
}

fn members(args: &ImportMembersArgs, env: &Env) -> anyhow::Result<Outcome> {
    env.root()?;
    let lang0 = env.lang;
    check_id("group", &args.group, lang0)?;
    let which = args.sheet.as_deref().map_or(Which::First, Which::Named);
    let grids = read(&args.file, which, lang0)?;
    let s = Session::open(env, &[&args.group], &[])?;
    let (reg, lang) = (s.reg(), s.lang);
    let mut imp = Import::new(known_people(&s.root));
    let groups = BTreeMap::from([(args.group.clone(), GroupInfo::of(reg, &args.group))]);
    for g in &grids {
        imp.sheet(reg, g, Target::Only(&args.group), &groups);
    }
    report_notes(&imp.notes, lang);
    if !imp.problems.is_empty() {
        return refuse_problems(imp.problems, &args.file, lang);
    }
    let mut plan = people_changes(&imp.new_people);
    let rel = format!("groups/{}/members.toml", args.group);
    let (old, mut doc) = s.toml(&rel)?;
    let seats = imp.seats.remove(&args.group).unwrap_or_default();
    for seat in &seats {
        doc.push_table("member", seat_table(seat))?;
    }
    let (g, rows, people, added, same) = (
        &args.group,
        imp.rows,
        imp.new_people.len(),
        seats.len(),
        imp.unchanged,
    );
    plan.summary = t!(
        "imported {rows} rows into {g}: {people} new people, {added} new seats, {same} already there ({rel})",
        "importerte {rows} rader til {g}: {people} nye personer, {added} nye plasser, {same} fantes fra før ({rel})"
    );
    let plan = plan.change(rel, old, doc.render());
    s.finish(crate::edit::Step::Change(plan), args.edit, env)
}

/// People already in people/, for matching by name and employer. A file that cannot be read
/// as TOML is left out here; `validate` reports it.
fn known_people(root: &Path) -> Vec<KnownPerson> {
    let mut out = Vec::new();
    let Ok(dir) = std::fs::read_dir(root.join("people")) else {
        return out;
    };
    for e in dir.flatten() {
        let name = e.file_name();
        let Some(id) = name.to_str().and_then(|n| n.strip_suffix(".toml")) else {
            continue;
        };
        if !is_valid_id(id) || !e.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let Ok(text) = super::writing::read_text(root, &format!("people/{id}.toml"), Lang::En)
        else {
            continue;
        };
        let Ok(t) = text.trim_start_matches('\u{feff}').parse::<toml::Table>() else {
            continue;
        };
        let get = |k: &str| t.get(k).and_then(|v| v.as_str()).map(str::to_string);
        out.push(KnownPerson {
            id: id.to_string(),
            name: get("name").unwrap_or_default(),
            employer: get("employer"),
        });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

fn report_notes(notes: &[Text], lang: Lang) {
    for n in notes {
        eprintln!("note: {}", crate::pii_scan::mask(n.get(lang)));
    }
}

fn refuse_problems(mut problems: Vec<Problem>, file: &Path, lang: Lang) -> anyhow::Result<Outcome> {
    problems.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    problems.dedup();
    for p in &problems {
        eprintln!("error: {}", crate::pii_scan::mask(&p.render(lang)));
    }
    let (n, f) = (problems.len(), file.display());
    refuse(
        lang,
        if n == 1 {
            t!(
                "1 problem in {f}, shown above; correct the file and run the import again",
                "1 feil i {f}, vist over; rett filen og kjør importen på nytt"
            )
        } else {
            t!(
                "{n} problems in {f}, shown above; correct the file and run the import again",
                "{n} feil i {f}, vist over; rett filen og kjør importen på nytt"
            )
        },
    )
}

/// A plan that creates the new people's files.
fn people_changes(people: &BTreeMap<String, NewPerson>) -> Plan {
    let mut plan = Plan::new(Text::default());
    for (id, p) in people {
        let mut doc = TomlDoc::empty();
        let t = doc.root();
        set(t, "name", p.name.as_str());
        if let Some(e) = &p.employer {
            set(t, "employer", e.as_str());
        }
        if let Some(e) = &p.email {
            set(t, "email", e.as_str());
        }
        if let Some(x) = &p.phone {
            set(t, "phone", x.as_str());
        }
        if let Some(g) = p.gender {
            set(t, "gender", g);
        }
        plan = plan.change(format!("people/{id}.toml"), None, doc.render());
    }
    plan
}

fn seat_table(s: &Seat) -> Table {
    let mut t = Table::new();
    let mut put = |k: &str, v: toml_edit::Value| set_in_order(&mut t, k, v, MEMBER_ORDER);
    put("person", s.person.as_str().into());
    put("role", s.role.into());
    let texts = [
        ("region", &s.region),
        ("organisation", &s.organisation),
        ("constituency", &s.constituency),
        ("appointed-by", &s.appointed_by),
        ("letter", &s.letter),
        ("end-reason", &s.end_reason),
    ];
    for (k, v) in texts {
        if let Some(v) = v {
            put(k, v.as_str().into());
        }
    }
    let dates = [
        ("proposed", s.proposed),
        ("consented", s.consented),
        ("leader-cleared", s.leader_cleared),
        ("appointed", s.appointed),
        ("notified", s.notified),
        ("term-end", s.term_end),
        ("ended", s.ended),
    ];
    for (k, v) in dates {
        if let Some(v) = v {
            put(k, date(v));
        }
    }
    t
}

/// Sheets that only explain, never hold members.
fn is_help_sheet(name: &str) -> bool {
    matches!(
        normalise(name).as_str(),
        "veiledning" | "hjelp" | "help" | "readme" | "les meg"
    )
}

fn is_groups_sheet(name: &str) -> bool {
    matches!(normalise(name).as_str(), "grupper" | "groups")
}

/// The groups on disk: folders of groups/ with a valid id.
fn groups_on_disk(root: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(root.join("groups"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|id| is_valid_id(id))
        .collect();
    out.sort();
    out
}

fn registry(args: &ImportRegistryArgs, env: &Env) -> anyhow::Result<Outcome> {
    let root = env.root()?;
    let lang0 = env.lang;
    let grids = read(&args.file, Which::All, lang0)?;
    let existing = groups_on_disk(&root);
    let ids: Vec<&str> = existing.iter().map(String::as_str).collect();
    let mut s = Session::open(env, &ids, &[])?;
    let lang = s.lang;
    let mut problems = Vec::new();
    let mut new_groups: BTreeMap<String, Table> = BTreeMap::new();
    for g in grids
        .iter()
        .filter(|g| g.sheet.as_deref().is_some_and(is_groups_sheet))
    {
        crate::import::groups::read(s.reg(), g, &existing, &mut new_groups, &mut problems, s.at);
    }
    let mut groups: BTreeMap<String, GroupInfo> = existing
        .iter()
        .map(|id| (id.clone(), GroupInfo::of(s.reg(), id)))
        .collect();
    for (id, t) in &new_groups {
        let constituencies = t
            .get("constituencies")
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        groups.insert(
            id.clone(),
            GroupInfo {
                constituencies,
                ..GroupInfo::default()
            },
        );
    }
    let mut imp = Import::new(known_people(&s.root));
    imp.problems = problems;
    for g in &grids {
        let name = g.sheet.clone().unwrap_or_default();
        if is_groups_sheet(&name) || is_help_sheet(&name) {
            continue;
        }
        if g.rows.iter().all(|r| r.iter().all(Value::is_empty)) {
            continue;
        }
        let own = groups.contains_key(&name).then_some(name.as_str());
        imp.sheet(s.reg(), g, Target::ByColumn(own), &groups);
    }
    report_notes(&imp.notes, lang);
    if !imp.problems.is_empty() {
        return refuse_problems(imp.problems, &args.file, lang);
    }
    let mut plan = people_changes(&imp.new_people);
    let intro = match lang {
        Lang::En => "# The group's seats: one [[member]] per person and seat, oldest first.\n",
        Lang::Nb => "# Gruppens plasser: én [[member]] per person og plass, eldste først.\n",
    };
    for (id, t) in &new_groups {
        let mut doc = TomlDoc::empty();
        for (k, v) in t.iter() {
            doc.root().insert(k, v.clone());
        }
        plan = plan.change(format!("groups/{id}/group.toml"), None, doc.render());
        let mut members = TomlDoc::parse(intro).map_err(|e| anyhow::anyhow!("{e}"))?;
        for seat in imp.seats.remove(id).unwrap_or_default() {
            members.push_table("member", seat_table(&seat))?;
        }
        plan = plan.change(format!("groups/{id}/members.toml"), None, members.render());
    }
    for (id, seats) in std::mem::take(&mut imp.seats) {
        if seats.is_empty() {
            continue;
        }
        let rel = format!("groups/{id}/members.toml");
        let (old, mut doc) = s.toml(&rel)?;
        for seat in &seats {
            doc.push_table("member", seat_table(seat))?;
        }
        plan = plan.change(rel, old, doc.render());
    }
    let seats: usize = imp.rows - imp.unchanged;
    let (ng, np, same) = (new_groups.len(), imp.new_people.len(), imp.unchanged);
    plan.summary = t!(
        "imported {ng} new groups, {np} new people and {seats} new seats ({same} already there)",
        "importerte {ng} nye grupper, {np} nye personer og {seats} nye plasser ({same} fantes fra før)"
    );
    let all: BTreeSet<String> = groups.keys().cloned().collect();
    s.scope = Scope::Groups(all);
    let fresh: BTreeSet<String> = new_groups.keys().cloned().collect();
    s.finish_judged(crate::edit::Step::Change(plan), args.edit, env, &|d| {
        crate::rules::rule(d.rule).meta.file_level
            || !d.group.as_ref().is_some_and(|g| fresh.contains(g))
    })
}

/// `mandat import template -o mal.xlsx`: the sheets `import registry` reads, with their
/// headers in the output language, and a sheet that explains each column.
fn template(args: &ImportTemplateArgs, env: &Env) -> anyhow::Result<Outcome> {
    let lang = env.lang;
    if let Ok(root) = env.root() {
        crate::output::refuse_registry_file(&root, &args.output, lang)?;
    }
    let sheets = crate::import::template::sheets(lang);
    crate::output::xlsx::save(&args.output, &sheets, lang)?;
    Ok(Outcome::Ok)
}
