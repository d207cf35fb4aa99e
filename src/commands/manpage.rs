//! `mandat manpage [--out DIR]`: manual pages in roff, generated from the clap types. Without
//! `--out`, mandat(1) is printed; with it, mandat.1 and one page per command (mandat-validate.1,
//! ...) are written, as `man -l` and packagers expect.

use std::fs;
use std::path::Path;

use anyhow::Context;
use clap::CommandFactory;

use crate::cli::{Cli, ManpageArgs};
use crate::t;

use super::{Env, Outcome, print};

pub fn run(args: &ManpageArgs, env: &Env) -> anyhow::Result<Outcome> {
    let cmd = Cli::command();
    match &args.out {
        None => print(&String::from_utf8(render(&cmd)?)?)?,
        Some(dir) => {
            let names = write_all(&cmd, dir)?;
            let (n, list, dir) = (names.len(), names.join(", "), dir.display());
            let line = t!(
                "wrote {n} manual pages to {dir}: {list}\n",
                "skrev {n} manualsider til {dir}: {list}\n"
            );
            print(line.get(env.lang))?;
        }
    }
    Ok(Outcome::Ok)
}

fn render(cmd: &clap::Command) -> anyhow::Result<Vec<u8>> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut buf)?;
    Ok(buf)
}

/// mandat.1 and mandat-<command>.1 for every visible subcommand; returns the file names.
fn write_all(cmd: &clap::Command, dir: &Path) -> anyhow::Result<Vec<String>> {
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut cmd = cmd.clone();
    cmd.build();
    let mut pages = vec![("mandat.1".to_string(), cmd.clone())];
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        // clap takes static names without its `string` feature; a few bytes leaked once per
        // page of a process that ends right after is cheaper than another feature.
        let name: &'static str = Box::leak(format!("mandat-{}", sub.get_name()).into_boxed_str());
        pages.push((format!("{name}.1"), sub.clone().name(name)));
    }
    let mut names = Vec::new();
    for (file, page) in pages {
        let path = dir.join(&file);
        fs::write(&path, render(&page)?)
            .with_context(|| format!("cannot write {}", path.display()))?;
        names.push(file);
    }
    Ok(names)
}
