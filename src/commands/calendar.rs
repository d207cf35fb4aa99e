//! `mandat calendar [GROUP]...`: an iCalendar file of meetings, report deadlines and term ends.

use super::{Env, Outcome, print};
use crate::cli::CalendarArgs;
use crate::registry::{self, Group, Scope};
use crate::report::{Options, calendar};

pub fn run(args: &CalendarArgs, env: &Env) -> anyhow::Result<Outcome> {
    let root = env.root()?;
    let scope = Scope::of_groups(&args.groups);
    let loaded = registry::load(&root, &scope)?;
    let reg = &loaded.registry;
    let lang = env.lang_of(Some(reg));
    let opts = Options {
        lang,
        at: env.at,
        include_contact: false,
    };
    let mut groups: Vec<&Group> = reg.groups.iter().collect();
    groups.sort_by(|a, b| a.id.cmp(&b.id));
    let ics = calendar::build(reg, &groups, opts);
    match &args.output {
        Some(path) => super::output::write_output(&root, path, ics.as_bytes(), lang)?,
        None => print(&ics)?,
    }
    Ok(Outcome::Ok)
}
