//! `mandat person add`: one new file in people/.

use crate::cli::PersonAddArgs;
use crate::edit::doc::set;
use crate::edit::{Plan, TomlDoc};
use crate::registry::{id_from_name, is_valid_id};
use crate::t;

use super::writing::{Session, bad, check_id, with_org_hint};
use super::{Env, Outcome};
use crate::edit::Step;

pub fn add(args: &PersonAddArgs, env: &Env) -> anyhow::Result<Outcome> {
    let (s, step) = add_step(args, env)?;
    s.finish(step, args.edit, env)
}

/// `mandat person add` up to the change: the session (holding the lock) and the step to apply.
pub fn add_step(args: &PersonAddArgs, env: &Env) -> anyhow::Result<(Session, Step)> {
    env.root()?;
    let lang0 = env.lang;
    let id = match &args.id {
        Some(id) => id.clone(),
        None => id_from_name(&args.name),
    };
    if args.name.trim().is_empty() {
        return Err(bad(
            lang0,
            t!("--name must not be empty", "--name kan ikke være tomt"),
        ));
    }
    // `--name Åse Ødegård` without quotes: the shell gives `Ødegård` as the id. A capitalised
    // word is a name, never an id; say to quote the name rather than that it is no id.
    if let Some(given) = &args.id
        && !is_valid_id(given)
        && given.chars().next().is_some_and(char::is_uppercase)
    {
        let name = format!("{} {given}", args.name.trim());
        return Err(bad(
            lang0,
            t!(
                "a name of several words must be quoted: `--name \"{name}\"` (`{given}` was read as the person's id)",
                "et navn på flere ord må stå i anførselstegn: `--name \"{name}\"` (`{given}` ble lest som personens id)"
            ),
        ));
    }
    check_id("person", &id, lang0)?;
    let mut s = Session::open(env, &[], &[])?;
    let lang = s.lang;
    let rel = format!("people/{id}.toml");
    if s.root.join(&rel).exists() {
        return Err(bad(
            lang,
            t!(
                "there is already a person `{id}` ({rel}); give another id as the first argument, e.g. `mandat person add {id}-2 --name ...`",
                "det finnes allerede en person `{id}` ({rel}); gi en annen id som første argument, f.eks. `mandat person add {id}-2 --name ...`"
            ),
        ));
    }
    if let Some(e) = &args.employer
        && s.reg().organisation(e).is_none()
    {
        let text = t!(
            "there is no organisation `{e}` in organisations.toml; use an organisation id from there, or add the organisation first",
            "det finnes ingen organisasjon `{e}` i organisations.toml; bruk en organisasjons-id derfra, eller legg organisasjonen til først"
        );
        return Err(bad(lang, with_org_hint(s.reg(), e, text)));
    }
    let mut doc = TomlDoc::empty();
    let t = doc.root();
    set(t, "name", args.name.trim());
    if let Some(e) = &args.employer {
        set(t, "employer", e.as_str());
    }
    if let Some(e) = &args.email {
        set(t, "email", e.as_str());
    }
    if let Some(p) = &args.phone {
        set(t, "phone", p.as_str());
    }
    if let Some(g) = args.gender {
        set(t, "gender", g.as_str());
    }
    let name = args.name.trim();
    let plan = Plan::new(t!(
        "added {name} as `{id}` ({rel})",
        "la til {name} som `{id}` ({rel})"
    ))
    .change(rel, None, doc.render());
    s.file_level_only = true;
    Ok((s, Step::Change(plan)))
}
