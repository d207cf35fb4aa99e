//! `mandat group new`: a group folder with group.toml and an empty members.toml.

use crate::cli::GroupNewArgs;
use crate::edit::doc::{date, set, str_array};
use crate::edit::{Plan, TomlDoc};
use crate::registry::{Profile, Scope};
use crate::t;

use super::writing::{Session, bad, check_id, with_org_hint};
use super::{Env, Outcome};
use crate::edit::Step;

pub fn new(args: &GroupNewArgs, env: &Env) -> anyhow::Result<Outcome> {
    let (s, step) = new_step(args, env)?;
    s.finish(step, args.edit, env)
}

/// `mandat group new` up to the change: the session (holding the lock) and the step to apply.
pub fn new_step(args: &GroupNewArgs, env: &Env) -> anyhow::Result<(Session, Step)> {
    env.root()?;
    let lang0 = env.lang;
    let id = args.id.as_str();
    check_id("group", id, lang0)?;
    let mut s = Session::open(env, &[], &[])?;
    let lang = s.lang;
    let dir = format!("groups/{id}");
    if s.root.join(&dir).exists() {
        return Err(bad(
            lang,
            t!(
                "there is already a group `{id}` ({dir}/)",
                "det finnes allerede en gruppe `{id}` ({dir}/)"
            ),
        ));
    }
    let profile = args.profile.as_str();
    let missing: Vec<&str> = match args.profile {
        Profile::NationalService => [
            ("--service", args.service.is_none()),
            ("--host", args.hosts.is_empty()),
            ("--responsible", args.responsible.is_none()),
        ]
        .into_iter()
        .filter_map(|(f, m)| m.then_some(f))
        .collect(),
        Profile::MunicipalAdvisory => [
            ("--owner", args.owner.is_none()),
            ("--process", args.process.is_none()),
            ("--reports-to", args.reports_to.is_none()),
            ("--constituency", args.constituencies.is_empty()),
        ]
        .into_iter()
        .filter_map(|(f, m)| m.then_some(f))
        .collect(),
        // An advisory body needs only its name, profile and date (format.md).
        Profile::Advisory => Vec::new(),
    };
    if !missing.is_empty() {
        // "--service, --host and --responsible" / "--service, --host og --responsible".
        let (head, last) = missing.split_at(missing.len() - 1);
        let (fe, fn_) = if head.is_empty() {
            (last[0].to_string(), last[0].to_string())
        } else {
            let head = head.join(", ");
            (
                format!("{head} and {}", last[0]),
                format!("{head} og {}", last[0]),
            )
        };
        return Err(bad(
            lang,
            t!(
                "a {profile} group needs {fe}",
                "en gruppe med profilen {profile} trenger {fn_}"
            ),
        ));
    }
    let reg = s.reg();
    let orgs = args
        .hosts
        .iter()
        .chain(&args.responsible)
        .chain(&args.owner);
    for o in orgs {
        if reg.organisation(o).is_none() {
            let text = t!(
                "there is no organisation `{o}` in organisations.toml; use the id of a health trust (HF) or municipality from there",
                "det finnes ingen organisasjon `{o}` i organisations.toml; bruk id-en til et helseforetak (HF) eller en kommune derfra"
            );
            return Err(bad(lang, with_org_hint(reg, o, text)));
        }
    }
    for c in &args.constituencies {
        check_id("constituency", c, lang)?;
    }
    let mut doc = TomlDoc::empty();
    let t = doc.root();
    set(t, "name", args.name.as_str());
    set(t, "profile", profile);
    if let Some(v) = &args.service {
        set(t, "service", v.as_str());
    }
    if !args.hosts.is_empty() {
        set(t, "host", str_array(args.hosts.iter().map(String::as_str)));
    }
    if let Some(v) = &args.responsible {
        set(t, "responsible", v.as_str());
    }
    if let Some(v) = &args.owner {
        set(t, "owner", v.as_str());
    }
    if let Some(v) = &args.process {
        set(t, "process", v.as_str());
    }
    if let Some(v) = &args.reports_to {
        set(t, "reports-to", v.as_str());
    }
    if !args.constituencies.is_empty() {
        set(
            t,
            "constituencies",
            str_array(args.constituencies.iter().map(String::as_str)),
        );
    }
    set(t, "established", date(args.established.unwrap_or(s.at)));
    let members = match lang {
        crate::i18n::Lang::En => {
            "# The group's seats: one [[member]] per person and seat, oldest first.\n# `mandat propose` and `mandat appoint` add them.\n"
        }
        crate::i18n::Lang::Nb => {
            "# Gruppens plasser: én [[member]] per person og plass, eldste først.\n# `mandat propose` og `mandat appoint` legger dem til.\n"
        }
    };
    let (g, m) = (format!("{dir}/group.toml"), format!("{dir}/members.toml"));
    let plan = Plan::new(t!(
        "created the group {id}: {g} and {m}",
        "opprettet gruppen {id}: {g} og {m}"
    ))
    // group.toml first: should the second write fail, a group without members.toml is still
    // a valid group, while a members.toml without group.toml is not.
    .change(g.clone(), None, doc.render())
    .change(m.clone(), None, members.to_string());
    s.scope = Scope::Groups([id.to_string()].into());
    s.file_level_only = true;
    Ok((s, Step::Change(plan)))
}
