//! `mandat due`: what is overdue or falls due soon, across the registry (cli.md).

use super::table::{Column, Rows, Tone, col};

/// Due within this many days: shown in yellow.
const DUE_SOON_DAYS: i64 = 30;
use super::{Env, Outcome, print};
use crate::cli::{DueArgs, DueFormat};
use crate::i18n::Lang;
use crate::registry::{self, Group, Scope};
use crate::report::{dates, due};
use crate::t;

const COLUMNS: &[Column] = &[
    col("due", "Due", "Frist"),
    col("overdue", "", ""),
    col("group", "Group", "Gruppe").ids(),
    col("what", "What", "Hva"),
    col("who", "Who", "Hvem").names(),
];

pub fn run(args: &DueArgs, env: &Env) -> anyhow::Result<Outcome> {
    let root = env.root()?;
    let lang0 = env.lang;
    for g in &args.groups {
        super::writing::check_id("group", g, lang0)?;
    }
    let scope = Scope::of_groups(&args.groups);
    let loaded = registry::load(&root, &scope)?;
    let reg = &loaded.registry;
    let lang = env.lang_of(Some(reg));
    let at = env.at;
    let mut groups: Vec<&Group> = reg.groups.iter().collect();
    groups.sort_by(|a, b| a.id.cmp(&b.id));
    let items = due::items(reg, &groups, at, args.within);
    if let Some(path) = &args.output {
        crate::output::refuse_registry_file(&root, path, lang)?;
    }
    let text = match args.format {
        DueFormat::Xlsx => {
            let path = crate::output::xlsx::need_output(args.output.as_deref(), lang)?;
            crate::output::xlsx::save(path, &[sheet(reg, &items, at, lang)], lang)?;
            return Ok(Outcome::Ok);
        }
        DueFormat::Json => due::json(&items, at),
        DueFormat::Md => due::markdown(reg, &items, at, args.within, lang),
        DueFormat::Ics => due::ics(reg, &items, at, lang),
        DueFormat::Table => {
            // A file written with -o is never coloured.
            let color = args.output.is_none() && env.color;
            table(reg, &items, at, args.within, lang, color)
        }
    };
    match &args.output {
        Some(path) => {
            super::write_file(path, text.as_bytes())?;
            let p = path.display();
            eprintln!("{}", t!("wrote {p}", "skrev {p}").get(lang));
        }
        None => print(&text)?,
    }
    Ok(Outcome::Ok)
}

/// The same rows as the table, as one worksheet: the due date a real date, «forfalt» a column.
fn sheet(
    reg: &registry::Registry,
    items: &[registry::Obligation],
    at: registry::Date,
    lang: Lang,
) -> crate::output::xlsx::Sheet {
    use crate::output::xlsx::{Cell, Sheet};
    let header = [
        ("Due", "Frist"),
        ("Overdue", "Forfalt"),
        ("Group", "Gruppe"),
        ("What", "Hva"),
        ("Who", "Hvem"),
    ]
    .iter()
    .map(|&(en, nb)| crate::i18n::pick(lang, en, nb).to_string())
    .collect();
    let rows = due::rows(reg, items, at, lang)
        .into_iter()
        .map(|r| {
            let late = if r.overdue {
                crate::i18n::pick(lang, "yes", "ja")
            } else {
                ""
            };
            vec![
                Cell::Date(r.due),
                Cell::Text(late.to_string()),
                Cell::Text(r.group),
                Cell::Text(r.what),
                Cell::Text(r.who),
            ]
        })
        .collect();
    Sheet {
        name: crate::i18n::pick(lang, "Due", "Frister").to_string(),
        header,
        rows,
    }
}

/// The terminal table: the due date in words, «forfalt»/«overdue» after it when it has passed.
fn table(
    reg: &registry::Registry,
    items: &[registry::Obligation],
    at: registry::Date,
    within: i64,
    lang: Lang,
    color: bool,
) -> String {
    let on = dates::long(at, lang);
    let mut out = match lang {
        Lang::En => format!("Due as of {on} (overdue, or due within {within} days)\n\n"),
        Lang::Nb => format!("Frister per {on} (forfalt, eller med frist innen {within} dager)\n\n"),
    };
    if items.is_empty() {
        out.push_str(&due::nothing_due(within, lang));
        out.push('\n');
        return out;
    }
    let all = due::rows(reg, items, at, lang);
    // Overdue red, due within 30 days yellow.
    let soon = registry::lifecycle::add_days(at, DUE_SOON_DAYS);
    let tones: Vec<Option<Tone>> = if color {
        all.iter()
            .map(|r| {
                if r.overdue {
                    Some(Tone::Alarm)
                } else if r.due <= soon {
                    Some(Tone::Warn)
                } else {
                    None
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let rows = all
        .into_iter()
        .map(|r| {
            let d = dates::long(r.due, lang).replace(' ', "\u{a0}");
            let late = if r.overdue {
                crate::i18n::pick(lang, "overdue", "forfalt")
            } else {
                ""
            };
            vec![d, late.to_string(), r.group, r.what, r.who]
        })
        .collect();
    out.push_str(
        &Rows {
            columns: COLUMNS,
            rows,
        }
        .table_toned(lang, &tones),
    );
    out
}
