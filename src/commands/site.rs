//! `mandat site OUT [--group ID]... [--include-minutes]`: the public web site (web.md).

use super::{Env, Outcome};
use crate::cli::SiteArgs;
use crate::registry::{self, Group, Scope};
use crate::site::{self, Options, output};
use crate::t;

pub fn run(args: &SiteArgs, env: &Env) -> anyhow::Result<Outcome> {
    let root = env.root()?;
    let scope = Scope::of_groups(&args.groups);
    // Refuse before loading: a wrong OUT should not cost a whole load.
    let early = env.lang;
    output::check_not_registry(&args.out, &root)
        .and_then(|()| output::check_ours(&args.out))
        .map_err(|r| anyhow::anyhow!("{}", r.0.get(early)))?;
    let loaded = registry::load(&root, &scope)?;
    let reg = &loaded.registry;
    let lang = env.lang_of(Some(reg));
    let opts = Options {
        lang,
        at: env.at,
        include_minutes: args.include_minutes,
    };
    let groups: Vec<&Group> = reg.groups.iter().collect();
    let files = site::build(reg, &groups, opts, &root)?;
    let summary = output::write(&args.out, &files)?;
    let (o, n, c, r) = (
        args.out.display(),
        summary.files,
        summary.changed,
        summary.removed,
    );
    eprintln!(
        "{}",
        t!(
            "wrote the site to {o}: {n} files, {c} new or changed, {r} removed",
            "skrev nettstedet til {o}: {n} filer, {c} nye eller endret, {r} fjernet"
        )
        .get(lang)
    );
    Ok(Outcome::Ok)
}
