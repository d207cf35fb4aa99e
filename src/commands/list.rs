//! `mandat list groups|people|members|meetings`: tables of the registry as of `--at`, as a
//! terminal table, JSON or CSV. Never e-mail or phone.

use crate::cli::{ListArgs, ListFormat, ListWhat};
use crate::i18n::{Lang, pick};
use crate::registry::{self, Date, Registry, Scope};

use super::status::{is_current, represents, seat_status, seat_tone};
use super::table::{Column, Rows, col, data_col};
use super::{Env, Outcome, print};
use crate::registry::{MeetingStatus, Mode, Profile, Role};

const GROUPS: &[Column] = &[
    col("id", "Id", "Id").ids(),
    col("name", "Name", "Navn"),
    col("profile", "Profile", "Profil").shown_as(profile_label),
    col("active-members", "Active", "Aktive"),
    col("chair", "Chair", "Leder").names(),
];
const PEOPLE: &[Column] = &[
    col("id", "Id", "Id").ids(),
    col("name", "Name", "Navn").names(),
    col("employer", "Employer", "Arbeidsgiver"),
    col("groups", "Active in", "Aktiv i").ids(),
];
const MEMBERS: &[Column] = &[
    col("group", "Group", "Gruppe"),
    data_col("person", "Person", "Person"),
    col("name", "Name", "Navn").names(),
    col("role", "Role", "Rolle").shown_as(role_label),
    col("represents", "Represents", "Representerer"),
    col("appointed", "Appointed", "Oppnevnt"),
    col("term-end", "Term end", "Periode til"),
    col("status", "Status", "Status"),
];
const MEETINGS: &[Column] = &[
    col("group", "Group", "Gruppe").ids(),
    col("date", "Date", "Dato"),
    col("status", "Status", "Status").shown_as(meeting_word),
    col("mode", "Mode", "Form").shown_as(meeting_word),
    col("attendees", "Attendees", "Deltakere"),
    col("inputs", "Inputs", "Innspill"),
];

/// A profile id (as in JSON and CSV) in words, which can wrap.
fn profile_label(id: &str, lang: Lang) -> String {
    Profile::name_in_words(id, lang)
}

/// A role id (as in JSON and CSV) in words.
fn role_label(id: &str, lang: Lang) -> String {
    Role::name_in_words(id, lang)
}

/// A meeting's status or mode (as in JSON and CSV) in the table's language.
fn meeting_word(word: &str, lang: Lang) -> String {
    match word.parse::<MeetingStatus>() {
        Ok(s) => s.word(lang).to_string(),
        Err(_) => Mode::name_in_words(word, lang),
    }
}

fn ymd(d: Date) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn rows(reg: &Registry, what: ListWhat, at: Date, lang: Lang) -> Rows {
    match what {
        ListWhat::Groups => Rows {
            columns: GROUPS,
            rows: reg
                .groups
                .iter()
                .map(|g| {
                    let chair = g
                        .chairs_on(at)
                        .next()
                        .and_then(|c| c.person.as_ref())
                        .map_or_else(String::new, |p| reg.person_name(&p.value).to_string());
                    vec![
                        g.id.clone(),
                        g.name
                            .as_ref()
                            .map_or_else(String::new, |n| n.value.clone()),
                        g.profile()
                            .map_or_else(String::new, |p| p.as_str().to_string()),
                        g.active_on(at).count().to_string(),
                        chair,
                    ]
                })
                .collect(),
        },
        ListWhat::People => Rows {
            columns: PEOPLE,
            rows: reg
                .people
                .iter()
                .map(|p| {
                    let groups: Vec<&str> = reg
                        .groups
                        .iter()
                        .filter(|g| g.active_on(at).any(|m| m.person_id() == Some(&p.id)))
                        .map(|g| g.id.as_str())
                        .collect();
                    vec![
                        p.id.clone(),
                        p.name
                            .as_ref()
                            .map_or_else(String::new, |n| n.value.clone()),
                        p.employer
                            .as_ref()
                            .map_or_else(String::new, |e| reg.org_name(&e.value).to_string()),
                        groups.join(" "),
                    ]
                })
                .collect(),
        },
        ListWhat::Members => Rows {
            columns: MEMBERS,
            rows: reg
                .groups
                .iter()
                .flat_map(|g| {
                    g.members
                        .iter()
                        .filter(move |m| is_current(m, at))
                        .map(move |m| (g, m))
                })
                .map(|(g, m)| {
                    let person = m.person_id().unwrap_or("?");
                    vec![
                        g.id.clone(),
                        person.to_string(),
                        reg.person_name(person).to_string(),
                        m.role()
                            .map_or_else(String::new, |r| r.as_str().to_string()),
                        represents(reg, m),
                        m.appointed
                            .as_ref()
                            .map_or_else(String::new, |a| ymd(a.value)),
                        m.term_end
                            .as_ref()
                            .map_or_else(String::new, |t| ymd(t.value)),
                        seat_status(g, m, at, lang),
                    ]
                })
                .collect(),
        },
        ListWhat::Meetings => {
            let mut rows: Vec<Vec<String>> = reg
                .groups
                .iter()
                .flat_map(|g| g.meetings.iter().map(move |m| (g, m)))
                .map(|(g, m)| {
                    vec![
                        g.id.clone(),
                        m.day().map_or_else(|| m.stem.clone(), ymd),
                        m.status
                            .as_ref()
                            .map_or_else(String::new, |s| format!("{:?}", s.value).to_lowercase()),
                        m.mode
                            .as_ref()
                            .map_or_else(String::new, |s| format!("{:?}", s.value).to_lowercase()),
                        m.attendee_ids().count().to_string(),
                        m.inputs.len().to_string(),
                    ]
                })
                .collect();
            rows.sort();
            Rows {
                columns: MEETINGS,
                rows,
            }
        }
    }
}

pub fn run(args: &ListArgs, env: &Env) -> anyhow::Result<Outcome> {
    let root = env.root()?;
    let scope = match (&args.group, args.what) {
        (Some(g), ListWhat::Members | ListWhat::Meetings | ListWhat::Groups) => {
            super::writing::check_id("group", g, env.lang)?;
            Scope::Groups([g.clone()].into())
        }
        _ => Scope::All,
    };
    let loaded = registry::load(&root, &scope)?;
    let reg = &loaded.registry;
    let lang = env.lang_of(Some(reg));
    let at = env.at;
    if let Some(path) = &args.sheet.output {
        crate::output::refuse_registry_file(&root, path, lang)?;
    }
    let mut r = rows(reg, args.what, at, lang);
    if let (Some(g), ListWhat::People) = (&args.group, args.what) {
        r.rows.retain(|row| row[3].split(' ').any(|x| x == g));
    }
    let text = match args.format {
        // An empty table would show only its heading; say that there is nothing to show.
        ListFormat::Table if r.rows.is_empty() => {
            format!("{}\n", pick(lang, "Nothing to list.", "Ingenting å vise."))
        }
        ListFormat::Table if args.what == ListWhat::Members => {
            // A file written with -o is never coloured.
            let tones: Vec<_> = if args.sheet.output.is_none() && env.color {
                r.rows.iter().map(|row| seat_tone(&row[7], lang)).collect()
            } else {
                Vec::new()
            };
            r.table_by_first(lang, &tones)
        }
        ListFormat::Table => r.table(lang),
        ListFormat::Json => r.json(),
        ListFormat::Csv => r.csv(crate::output::csv::Dialect {
            excel: args.sheet.excel,
        }),
        ListFormat::Xlsx => {
            let path = crate::output::xlsx::need_output(args.sheet.output.as_deref(), lang)?;
            let sheet = super::list_sheet::sheet(reg, args.what, at, lang, &r);
            crate::output::xlsx::save(path, &[sheet], lang)?;
            return Ok(Outcome::Ok);
        }
    };
    if let Some(path) = &args.sheet.output {
        super::output::write_output(&root, path, text.as_bytes(), lang)?;
        return Ok(Outcome::Ok);
    }
    print(&text)?;
    Ok(Outcome::Ok)
}
