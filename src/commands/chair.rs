//! `mandat chair`: designates the chair from a date, closing the previous chair term the day
//! before (M 2: "Lederen for referansegruppen utpekes av helseforetaket som har ansvar for
//! senteret").

use toml_edit::Table;

use crate::cli::ChairArgs;
use crate::edit::Plan;
use crate::edit::doc::{date, get_date, get_str, set};
use crate::t;

use super::writing::{Session, bad, check_id, with_org_hint, ymd};
use super::{Env, Outcome};
use crate::edit::Step;

pub fn run(args: &ChairArgs, env: &Env) -> anyhow::Result<Outcome> {
    let (s, step) = run_step(args, env)?;
    s.finish(step, args.edit, env)
}

/// `mandat chair` up to the change: the session (holding the lock) and the step to apply.
pub fn run_step(args: &ChairArgs, env: &Env) -> anyhow::Result<(Session, Step)> {
    let s = Session::open(env, &[&args.group], &[&args.person])?;
    let (g, p, lang) = (args.group.as_str(), args.person.as_str(), s.lang);
    check_id("organisation", &args.by, lang)?;
    let by = args.by.as_str();
    // `designated-by` must be an organisation: an RHF's id would only be reported as unknown.
    let group = s.reg().group(g).expect("the group was loaded");
    if s.reg().region(by).is_some() {
        let text = match (&group.responsible, &group.owner) {
            (Some(want), _) => {
                let want = &want.value;
                t!(
                    "`{by}` is a region (RHF); the chair is designated by the health trust responsible for the service: --by {want}",
                    "`{by}` er en region (RHF); lederen utpekes av helseforetaket som har ansvar for tjenesten: --by {want}"
                )
            }
            (None, Some(want)) => {
                let want = &want.value;
                t!(
                    "`{by}` is a region (RHF); the chair is designated by the owner of the process: --by {want}",
                    "`{by}` er en region (RHF); lederen utpekes av den som eier prosessen: --by {want}"
                )
            }
            (None, None) => t!(
                "`{by}` is a region (RHF); --by is the organisation that designates the chair",
                "`{by}` er en region (RHF); --by er organisasjonen som utpeker lederen"
            ),
        };
        return Err(bad(lang, text));
    }
    if s.reg().organisation(by).is_none() {
        let text = t!(
            "there is no organisation `{by}` in organisations.toml; --by is the health trust responsible for the service",
            "det finnes ingen organisasjon `{by}` i organisations.toml; --by er helseforetaket som har ansvar for tjenesten"
        );
        return Err(bad(lang, with_org_hint(s.reg(), by, text)));
    }
    let day = args.date.unwrap_or(s.at);
    let rel = format!("groups/{g}/group.toml");
    let (old, mut doc) = s.toml(&rel)?;
    for t in doc.tables_mut("chair") {
        let open = get_date(t, "to").is_none_or(|to| to >= day);
        let started = get_date(t, "from").is_some_and(|f| f < day);
        if open && started {
            if get_str(t, "person") == Some(p) && get_date(t, "to").is_none() {
                let since = get_date(t, "from").map_or_else(String::new, ymd);
                return Err(bad(
                    lang,
                    t!(
                        "{p} is already the chair of {g} (since {since})",
                        "{p} er allerede leder av {g} (siden {since})"
                    ),
                ));
            }
            set(t, "to", date(day.pred_opt().unwrap_or(day)));
        }
    }
    let mut t = Table::new();
    set(&mut t, "person", p);
    set(&mut t, "designated-by", by);
    set(&mut t, "from", date(day));
    doc.push_table("chair", t)?;
    let who = s.reg().person_name(p).to_string();
    let d = ymd(day);
    let plan = Plan::new(t!(
        "{who} is the chair of {g} from {d} ({rel})",
        "{who} er leder av {g} fra {d} ({rel})"
    ))
    .change(rel, old, doc.render())
    .effective_from(day);
    Ok((s, Step::Change(plan)))
}
