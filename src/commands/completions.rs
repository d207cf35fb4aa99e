//! `mandat completions SHELL`: a completion script generated from the clap types, so it always
//! knows every command, option and fixed value (formats, rule-level words, file kinds).

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

use super::{Outcome, print};

pub fn run(args: &CompletionsArgs) -> anyhow::Result<Outcome> {
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "mandat", &mut buf);
    print(&String::from_utf8(buf)?)?;
    Ok(Outcome::Ok)
}
