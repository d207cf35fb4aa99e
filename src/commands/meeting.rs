//! `mandat meeting new`: the minutes file of a meeting, from a template, with the members
//! active on the meeting date as expected attendees.

use std::fmt::Write;

use crate::cli::MeetingNewArgs;
use crate::edit::Plan;
use crate::edit::doc::{date, str_array};
use crate::i18n::Lang;
use crate::t;

use super::writing::{Session, bad, ymd};
use super::{Env, Outcome};
use crate::edit::Step;

pub fn new(args: &MeetingNewArgs, env: &Env) -> anyhow::Result<Outcome> {
    let (s, step) = new_step(args, env)?;
    s.finish(step, args.edit, env)
}

/// `mandat meeting new` up to the change: the session (holding the lock) and the step to apply.
pub fn new_step(args: &MeetingNewArgs, env: &Env) -> anyhow::Result<(Session, Step)> {
    let s = Session::open(env, &[&args.group], &[])?;
    let (g, lang) = (args.group.as_str(), s.lang);
    let reg = s.reg();
    let group = reg.group(g).expect("the group was loaded");
    if let Some(m) = &args.milestone
        && !group
            .milestones
            .iter()
            .any(|x| x.id.as_ref().is_some_and(|i| i.value == *m))
    {
        let known: Vec<String> = group
            .milestones
            .iter()
            .filter_map(|x| {
                let id = &x.id.as_ref()?.value;
                Some(match &x.date {
                    Some(d) => format!("{id} ({})", ymd(d.value)),
                    None => id.clone(),
                })
            })
            .collect();
        let text = if known.is_empty() {
            t!(
                "the group {g} has no milestones; add one as a [[milestone]] in group.toml first",
                "gruppen {g} har ingen milepæler; legg til en som [[milestone]] i group.toml først"
            )
        } else {
            let known = known.join(", ");
            t!(
                "the group {g} has no milestone `{m}`; its milestones are {known}, or add it as a [[milestone]] in group.toml first",
                "gruppen {g} har ingen milepæl `{m}`; milepælene er {known}, eller legg den til som [[milestone]] i group.toml først"
            )
        };
        return Err(bad(lang, text));
    }
    if let (Some(start), Some(end)) = (args.start, args.end)
        && end <= start
    {
        let (s, e) = (start.format("%H:%M"), end.format("%H:%M"));
        return Err(bad(
            lang,
            t!(
                "--end {e} is not after --start {s}",
                "--end {e} er ikke etter --start {s}"
            ),
        ));
    }
    if let Some(link) = &args.link
        && !crate::report::markdown::safe_url(link)
    {
        return Err(bad(
            lang,
            t!(
                "--link must be a web address starting with https:// or http://",
                "--link må være en nettadresse som begynner med https:// eller http://"
            ),
        ));
    }
    let day = args.date;
    let d = ymd(day);
    let rel = format!("groups/{g}/meetings/{d}.md");
    if s.root.join(&rel).exists() {
        return Err(bad(
            lang,
            t!(
                "the minutes file {rel} already exists; open it and edit it there",
                "referatfilen {rel} finnes allerede; åpne den og rediger den der"
            ),
        ));
    }
    let mut attendees: Vec<&str> = Vec::new();
    for m in group.active_on(day) {
        if let Some(p) = m.person_id()
            && !attendees.contains(&p)
        {
            attendees.push(p);
        }
    }
    let status = args.status.as_str();
    let mode = args.mode.as_str();
    let mut text = String::from("+++\n");
    let _ = writeln!(text, "date = {}", date(day));
    let _ = writeln!(text, "status = {}", toml_edit::Value::from(status));
    let _ = writeln!(text, "mode = {}", toml_edit::Value::from(mode));
    if let Some(start) = args.start {
        let _ = writeln!(text, "start = {}", start.format("%H:%M:%S"));
    }
    if let Some(end) = args.end {
        let _ = writeln!(text, "end = {}", end.format("%H:%M:%S"));
    }
    if let Some(link) = &args.link {
        let _ = writeln!(text, "link = {}", toml_edit::Value::from(link.as_str()));
    }
    if let Some(m) = &args.milestone {
        let _ = writeln!(text, "milestone = {}", toml_edit::Value::from(m.as_str()));
    }
    let _ = writeln!(text, "attendees = {}", str_array(attendees.iter().copied()));
    text.push_str("+++\n");
    let group_name = group.name.as_ref().map_or(g, |n| n.as_str());
    match lang {
        Lang::En => {
            let _ = writeln!(text, "# Minutes of the meeting of {group_name}, {d}\n");
            text.push_str("<!-- Expected: every active member (see `attendees`). Move anyone who did not come to `absent`.\n     Write the minutes under the headings; until then the minutes count as empty (minutes-recorded). -->\n\n");
            text.push_str("## 1. Agenda\n\n## 2. Discussion and advice\n\n## 3. Inputs\n\n<!-- Record each input as an [[input]] between the +++ lines at the top. -->\n\n## 4. Next meeting\n");
        }
        Lang::Nb => {
            let _ = writeln!(text, "# Referat fra møte i {group_name}, {d}\n");
            text.push_str("<!-- Forventet: alle aktive medlemmer (se `attendees`). Flytt den som ikke kom, til `absent`.\n     Skriv referatet under overskriftene; til da regnes referatet som tomt (minutes-recorded). -->\n\n");
            text.push_str("## 1. Saksliste\n\n## 2. Drøfting og råd\n\n## 3. Innspill\n\n<!-- Skriv hvert innspill som [[input]] mellom +++-linjene øverst. -->\n\n## 4. Neste møte\n");
        }
    }
    let n = attendees.len();
    let plan = Plan::new(t!(
        "created the minutes of {g}'s meeting on {d}, with {n} expected attendees ({rel})",
        "opprettet referatet fra møtet i {g} {d}, med {n} forventede deltakere ({rel})"
    ))
    .change(rel, None, text);
    Ok((s, Step::Change(plan)))
}
