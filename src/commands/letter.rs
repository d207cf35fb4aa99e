//! `mandat letter KIND GROUP [PERSON]`: build the letter, lay it out, write it.

use super::report::{check_output, check_year, load_group, write};
use super::{Env, Outcome};
use crate::cli::LetterArgs;
use crate::registry::LoadError;
use crate::report::letter::{self, Refusal, Request};

pub fn run(args: &LetterArgs, env: &Env) -> anyhow::Result<Outcome> {
    if let Some(y) = args.year {
        check_year(y, env)?;
    }
    let lang0 = env.lang;
    super::writing::check_id("group", &args.group, lang0)?;
    if let Some(p) = &args.person {
        super::writing::check_id("person", p, lang0)?;
    }
    let (root, loaded) = load_group(env, &args.group)?;
    let reg = &loaded.registry;
    let lang = env.lang_of(Some(reg));
    check_output(&root, &args.out, lang)?;
    let g = reg
        .group(&args.group)
        .ok_or_else(|| LoadError::UnknownGroup(args.group.clone()))?;
    if let Some(p) = &args.person
        && !root.join(format!("people/{p}.toml")).is_file()
    {
        return Err(super::writing::bad(
            lang,
            crate::t!(
                "there is no person `{p}` in people/ (`mandat list people` lists them)",
                "det finnes ingen person `{p}` i people/ (`mandat list people` viser alle)"
            ),
        ));
    }
    let req = Request {
        kind: args.kind,
        person: args.person.as_deref(),
        year: args.year,
        region: args.region.as_deref(),
        date: args.date.unwrap_or(env.at),
        include_contact: args.out.include_contact,
        lang,
    };
    let built = match letter::build(reg, g, &req) {
        Ok(l) => l,
        Err(Refusal::Usage(text)) => return Err(super::writing::bad(lang, text)),
        Err(Refusal::OpenSeats(text, open)) => {
            eprintln!("error: {}", text.get(lang));
            for s in open {
                eprintln!("  - {s}");
            }
            return Ok(Outcome::RulesBroken);
        }
    };
    let bytes = letter::render(&built, args.out.format, &root, lang)?;
    write(&root, &bytes, &args.out, lang)
}
