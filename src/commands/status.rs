//! `mandat status [GROUP]`: per group, the seats as of `--at` (active, pending with the step
//! that is missing, vacant), the chair and the next deadlines. Never e-mail or phone.

use std::fmt::Write;

use crate::cli::StatusArgs;
use crate::i18n::{Lang, pick};
use crate::registry::{self, Date, Group, Member, Profile, Registry, Role, Scope, SectionKind};

use super::table::{self, Column, GLUE, Rows, col};
use super::{Env, Outcome, print};

/// To fit 80 columns, the employer is shown under the person's name, and the term (since –
/// term end) is one column.
const SEATS: &[Column] = &[
    col("role", "Role", "Rolle"),
    col("region", "Region (RHF) / body", "Region (RHF) / organ").shown_as(without_rhf),
    col("person", "Person, employer", "Person, arbeidsgiver"),
    col("term", "Term", "Periode"),
    col("status", "Status", "Status"),
];

/// A region's name without the " RHF" that the heading says.
pub fn without_rhf(name: &str, _: Lang) -> String {
    name.strip_suffix(" RHF").unwrap_or(name).to_string()
}

/// The same for a municipal group, whose seats represent constituencies, not regions.
const SEATS_MUNICIPAL: &[Column] = &[
    col("role", "Role", "Rolle"),
    col("represents", "Represents", "Representerer"),
    col("person", "Person, employer", "Person, arbeidsgiver"),
    col("term", "Term", "Periode"),
    col("status", "Status", "Status"),
];

/// "since – term end", either of them missing; the dash stays with its date when the cell
/// wraps.
fn term(since: Option<Date>, end: Option<Date>) -> String {
    match (since, end) {
        (Some(s), Some(e)) => format!("{}{GLUE}– {}", ymd(s), ymd(e)),
        (Some(s), None) => format!("{}{GLUE}–", ymd(s)),
        (None, Some(e)) => format!("–{GLUE}{}", ymd(e)),
        (None, None) => String::new(),
    }
}

fn ymd(d: Date) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Whether a member entry is shown on `at`: active, or pending (not appointed yet, not ended).
pub fn is_current(m: &Member, at: Date) -> bool {
    let ended = m.ended.as_ref().is_some_and(|e| e.value < at);
    !ended && (m.is_active(at) || m.appointed.as_ref().is_none_or(|a| a.value > at))
}

/// A seat's status on `at`: `active`, or `pending` and the step that is missing. "Not announced"
/// is said only in a national-service group, where the RHF must announce the appointment (M 3);
/// a municipal group has no such step, and `appointment-notified` does not apply to it.
pub fn seat_status(g: &Group, m: &Member, at: Date, lang: Lang) -> String {
    if m.is_active(at) {
        return if m.notified.is_none() && g.profile() == Some(Profile::NationalService) {
            pick(lang, "active (not announced)", "aktiv (ikke kunngjort)").into()
        } else {
            pick(lang, "active", "aktiv").into()
        };
    }
    if m.ended.as_ref().is_some_and(|e| e.value < at) {
        return pick(lang, "ended", "avsluttet").into();
    }
    if let Some(a) = &m.appointed {
        let d = ymd(a.value);
        return match lang {
            Lang::En => format!("pending: starts {d}"),
            Lang::Nb => format!("venter: starter {d}"),
        };
    }
    let needs_leader = matches!(m.role(), Some(Role::Regional | Role::Service));
    let step = if m.consented.is_none() {
        pick(lang, "consent", "samtykke")
    } else if needs_leader && m.leader_cleared.is_none() {
        pick(lang, "leader's clearance", "leders klarering")
    } else {
        pick(lang, "appointment", "oppnevning")
    };
    match lang {
        Lang::En => format!("pending: awaiting {step}"),
        Lang::Nb => format!("venter: mangler {step}"),
    }
}

/// The region or body a seat represents, by name.
pub fn represents(reg: &Registry, m: &Member) -> String {
    if let Some(r) = &m.region {
        return reg.region_name(&r.value).to_string();
    }
    if let Some(o) = &m.organisation {
        return reg.org_name(&o.value).to_string();
    }
    m.constituency
        .as_ref()
        .map_or_else(String::new, |c| c.value.clone())
}

/// A role's words, `?` when it is unknown.
fn role_name(role: Option<Role>, lang: Lang) -> &'static str {
    role.map_or("?", |r| r.word(lang))
}

/// Where a seat comes in `status` and `list`: regional seats in region order (the order of
/// organisations.toml), then the service, the user, and other and constituency seats; a seat of
/// unknown role or region last of its kind.
pub fn seat_order(reg: &Registry, role: Option<Role>, region: Option<&str>) -> (u8, usize) {
    let kind = match role {
        Some(Role::Regional) => 0,
        Some(Role::Service) => 1,
        Some(Role::User) => 2,
        Some(Role::Other | Role::Constituency) => 3,
        None => 4,
    };
    let at = region
        .and_then(|id| reg.regions.iter().position(|r| r.id.value == id))
        .unwrap_or(usize::MAX);
    (kind, at)
}

fn seat_rows(reg: &Registry, g: &Group, at: Date, lang: Lang) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for m in g.members.iter().filter(|m| is_current(m, at)) {
        let person = m.person_id().unwrap_or("?");
        let name = reg.person_name(person);
        let who = match reg.person_employer(person) {
            Some(e) => format!("{name}\n{}", reg.org_name(e)),
            None => name.to_string(),
        };
        let since = m.appointed.as_ref().map(|a| a.value).filter(|a| *a <= at);
        let order = seat_order(reg, m.role(), m.region_id());
        rows.push((
            order,
            vec![
                role_name(m.role(), lang).to_string(),
                represents(reg, m),
                who,
                term(since, m.term_end.as_ref().map(|t| t.value)),
                seat_status(g, m, at, lang),
            ],
        ));
    }
    let vacant = pick(lang, "vacant", "ledig").to_string();
    let active = |f: &dyn Fn(&Member) -> bool| g.active_on(at).any(f);
    let mut vacancy = |role: Role, region: Option<&str>, what: String| {
        rows.push((
            seat_order(reg, Some(role), region),
            vec![
                role_name(Some(role), lang).into(),
                what,
                String::new(),
                String::new(),
                vacant.clone(),
            ],
        ));
    };
    match g.profile() {
        Some(Profile::NationalService) => {
            for r in &reg.regions {
                let id = r.id.value.as_str();
                if !active(&|m| m.role() == Some(Role::Regional) && m.region_id() == Some(id)) {
                    vacancy(Role::Regional, Some(id), reg.region_name(id).to_string());
                }
            }
            if !active(&|m| m.role() == Some(Role::Service)) {
                vacancy(Role::Service, None, String::new());
            }
            if !active(&|m| m.role() == Some(Role::User)) {
                vacancy(Role::User, None, String::new());
            }
        }
        Some(Profile::MunicipalAdvisory) => {
            for c in &g.constituencies {
                let id = c.value.as_str();
                if !active(&|m| {
                    m.role() == Some(Role::Constituency)
                        && m.constituency.as_ref().is_some_and(|k| k.value == id)
                }) {
                    vacancy(Role::Constituency, None, id.to_string());
                }
            }
        }
        // No mandate fixes the seats of an advisory body.
        Some(Profile::Advisory) | None => {}
    }
    // Stable: seats of one kind and region keep the order of members.toml, vacancies after.
    rows.sort_by_key(|(order, _)| *order);
    rows.into_iter().map(|(_, row)| row).collect()
}

fn chair_line(reg: &Registry, g: &Group, at: Date, lang: Lang) -> String {
    let label = pick(lang, "Chair", "Leder");
    match g.chairs_on(at).next() {
        Some(c) => {
            let who = c.person.as_ref().map_or("?", |p| reg.person_name(&p.value));
            let since = c.from.as_ref().map_or_else(String::new, |f| ymd(f.value));
            let by = c
                .designated_by
                .as_ref()
                .map_or("?", |b| reg.org_name(&b.value));
            match lang {
                Lang::En => format!("{label}: {who}, since {since}, designated by {by}"),
                Lang::Nb => format!("{label}: {who}, fra {since}, utpekt av {by}"),
            }
        }
        None => format!("{label}: {}", pick(lang, "none", "ingen")),
    }
}

/// The next deadlines: the next meeting, the annual report, terms that end within 90 days.
/// The report's parts and the terms come from [`Registry::obligations`], as in `mandat due`, so
/// that the two agree (a kickoff stub is a part still missing).
fn deadlines(reg: &Registry, g: &Group, at: Date, lang: Lang) -> Vec<String> {
    use chrono::Datelike;
    use registry::ObligationKind;
    let mut out = Vec::new();
    let owed = reg.obligations(g, at);
    let next = g
        .meetings
        .iter()
        .filter_map(|m| {
            m.day()
                .filter(|d| *d >= at && m.status() == Some(registry::MeetingStatus::Planned))
        })
        .min();
    let held_this_year = g
        .meetings
        .iter()
        .any(|m| m.is_held() && m.day().is_some_and(|d| d.year() == at.year()));
    // The year a meeting must next be held: this one when the group existed on 1 January (and
    // the year is within history-from) and none is held yet, as the rule `annual-meeting` and
    // `mandat due` count it; else the next.
    let this_year_counts = g.exists_on(registry::jan1(at.year()))
        && reg
            .config
            .history_from
            .is_none_or(|h| registry::jan1(at.year()) >= h);
    let year = if this_year_counts && !held_this_year {
        at.year()
    } else {
        at.year() + 1
    };
    match (g.profile(), next) {
        (Some(Profile::NationalService), _) => {
            let planned = next.map(ymd);
            out.push(match (lang, planned) {
                (Lang::En, Some(p)) => {
                    format!("next meeting: {p} (planned); a meeting must be held in {year}")
                }
                (Lang::Nb, Some(p)) => {
                    format!("neste møte: {p} (planlagt); et møte må holdes i {year}")
                }
                (Lang::En, None) => {
                    format!("meeting due: one must be held by {year}-12-31; none is planned")
                }
                (Lang::Nb, None) => {
                    format!("møte: et møte må holdes innen {year}-12-31; ingen er planlagt")
                }
            });
            let report_year = reg.config.current_report_year(at);
            let due = reg.config.report_due(report_year);
            let expected = reg.regions.len() + 1;
            // Counted as `due` counts them: a blank stub is not delivered.
            let n = reg
                .regions
                .iter()
                .map(|r| SectionKind::Regional(r.id.value.clone()))
                .chain([SectionKind::Feedback])
                .filter(|k| g.section(report_year, k).is_some())
                .count();
            let due = ymd(due);
            out.push(match lang {
                Lang::En => {
                    format!("annual report {report_year}: due {due} ({n} of {expected} parts in)")
                }
                Lang::Nb => format!(
                    "årsrapport {report_year}: frist {due} ({n} av {expected} deler levert)"
                ),
            });
        }
        (Some(Profile::MunicipalAdvisory | Profile::Advisory), _) => {
            if let Some(p) = next {
                let p = ymd(p);
                out.push(match lang {
                    Lang::En => format!("next meeting: {p} (planned)"),
                    Lang::Nb => format!("neste møte: {p} (planlagt)"),
                });
            }
            for ms in &g.milestones {
                let (Some(id), Some(d)) = (&ms.id, &ms.date) else {
                    continue;
                };
                let met = g.meetings.iter().any(|m| {
                    m.is_held() && m.milestone.as_ref().is_some_and(|x| x.value == id.value)
                });
                if !met && d.value >= at {
                    // The id (`m6`) is what --milestone takes; the name says what it is.
                    let id = match &ms.name {
                        Some(n) => format!("{} ({})", id.value, n.value),
                        None => id.value.clone(),
                    };
                    let d = ymd(d.value);
                    out.push(match lang {
                        Lang::En => format!("milestone {id}: {d}, no meeting held for it yet"),
                        Lang::Nb => format!("milepæl {id}: {d}, ikke noe møte holdt for den ennå"),
                    });
                }
            }
        }
        (None, _) => {}
    }
    let horizon = at
        .checked_add_days(chrono::Days::new(90))
        .unwrap_or(Date::MAX);
    for o in &owed {
        if o.kind == ObligationKind::TermEnd && o.due >= at && o.due <= horizon {
            let who = reg.person_name(o.person.as_deref().unwrap_or("?"));
            let t = ymd(o.due);
            out.push(match lang {
                Lang::En => format!("term ends: {who} on {t}"),
                Lang::Nb => format!("periode går ut: {who} {t}"),
            });
        }
    }
    out
}

/// The tone of a seat by its status cell: a vacant seat red, a pending one yellow.
pub fn seat_tone(status: &str, lang: Lang) -> Option<table::Tone> {
    if status == pick(lang, "vacant", "ledig") {
        Some(table::Tone::Alarm)
    } else if status.starts_with(pick(lang, "pending:", "venter:")) {
        Some(table::Tone::Warn)
    } else {
        None
    }
}

pub fn group_status(reg: &Registry, g: &Group, at: Date, lang: Lang, color: bool) -> String {
    let mut out = String::new();
    let name = g.name.as_ref().map_or("", |n| n.as_str());
    let profile = g
        .profile()
        .map_or("?".to_string(), |p| p.word(lang).to_string());
    let width = table::width();
    out.push_str(&table::wrap(
        "",
        "  ",
        &format!("{} — {name} ({profile})", g.id),
        width,
    ));
    let rows = Rows {
        columns: if g.profile() == Some(Profile::MunicipalAdvisory) {
            SEATS_MUNICIPAL
        } else {
            SEATS
        },
        rows: seat_rows(reg, g, at, lang),
    };
    let tones: Vec<_> = if color {
        rows.rows.iter().map(|r| seat_tone(&r[4], lang)).collect()
    } else {
        Vec::new()
    };
    out.push_str(&rows.table_toned(lang, &tones));
    out.push_str(&table::wrap("", "  ", &chair_line(reg, g, at, lang), width));
    let _ = writeln!(out, "{}", pick(lang, "Next deadlines:", "Neste frister:"));
    for d in deadlines(reg, g, at, lang) {
        out.push_str(&table::wrap("  - ", "    ", &d, width));
    }
    out
}

pub fn run(args: &StatusArgs, env: &Env) -> anyhow::Result<Outcome> {
    let root = env.root()?;
    let scope = match &args.group {
        Some(g) => {
            super::writing::check_id("group", g, env.lang)?;
            Scope::Groups([g.clone()].into())
        }
        None => Scope::All,
    };
    let loaded = registry::load(&root, &scope)?;
    let reg = &loaded.registry;
    let lang = env.lang_of(Some(reg));
    let at = env.at;
    let color = env.color;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}\n",
        pick(lang, "Status as of", "Status per"),
        ymd(at)
    );
    for (i, g) in reg.groups.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&group_status(reg, g, at, lang, color));
    }
    if reg.groups.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            pick(
                lang,
                "The registry has no groups yet; create one with `mandat group new`.",
                "Registeret har ingen grupper ennå; opprett en med `mandat group new`."
            )
        );
    }
    print(&out)?;
    // The table shows what the files say; when they break rules, say so, so the table is not
    // taken for a clean bill of health.
    let errors = crate::rules::check(reg, at, loaded.diagnostics)
        .iter()
        .filter(|d| d.severity == crate::diagnostic::Severity::Error)
        .count();
    if errors > 0 {
        let (check, what) = match &args.group {
            Some(g) => (
                format!("mandat validate --group {g}"),
                crate::t!("{g}", "{g}"),
            ),
            None => (
                "mandat validate".to_string(),
                crate::t!("the registry", "registeret"),
            ),
        };
        let (we, wn) = (&what.en, &what.nb);
        let (en, nb) = if errors == 1 {
            ("1 error".to_string(), "1 feil".to_string())
        } else {
            (format!("{errors} errors"), format!("{errors} feil"))
        };
        eprintln!(
            "{}",
            crate::t!(
                "note: {we} has {en} as of this date; `{check}` shows them",
                "note: {wn} har {nb} per denne datoen; `{check}` viser dem"
            )
            .get(lang)
        );
    }
    // As in `validate`: the process ends here, and freeing the model would only cost time.
    std::mem::forget(loaded.registry);
    Ok(Outcome::Ok)
}
