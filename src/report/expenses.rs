//! `mandat expenses GROUP --year Y`: who pays what for each held meeting.
//!
//! The reading of M 3.1 («helseforetaket/institusjonen der referansegruppemedlemmet er ansatt,
//! dekke kostnader til reise og opphold. Helseforetaket som har ansvaret for det nasjonale
//! senteret, betaler møteutgifter (møterom, servering etc.) samt utgifter knyttet til
//! brukerrepresentasjon»):
//!
//! - an attendee's travel and stay is paid by their employer;
//! - a user representative's (role `user`) is paid by the responsible HF;
//! - the meeting itself (rooms, food) is paid by the responsible HF;
//! - at a digital meeting nobody travels, so no attendee has travel costs;
//! - at a hybrid meeting with `in-person` recorded, only those listed travelled; the others took
//!   part remotely (basis `remote`, no payer); without `in-person` the minutes do not say who
//!   came in person, so every attendee is counted as a possible trip (the basis says so);
//! - municipal-advisory groups: the owner (the municipality) pays the meeting and the costs of
//!   members who represent a constituency or users (role `constituency` or `user`: volunteers
//!   from councils, relatives and organisations, like user representatives in M 3.1); other
//!   attendees' costs are paid by their employer;
//! - an attendee with no employer recorded has no payer (`payer` absent, basis `no-employer`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::activity::meetings_in;
use super::model::{OrgRef, PersonRef};
use super::{Options, iso};
use crate::i18n::Lang;
use crate::registry::{Group, Meeting, Mode, Profile, Registry, Role};

#[derive(Debug, Serialize)]
pub struct ExpensesReport {
    /// Always `"expenses"`.
    pub report: &'static str,
    /// `national-service` or `municipal-advisory`: who pays for user representatives.
    pub profile: String,
    pub group: String,
    pub year: i32,
    pub meetings: Vec<MeetingCosts>,
    /// Per payer, sorted by payer id: trips paid and meetings paid.
    pub totals: Vec<PayerTotal>,
}

#[derive(Debug, Serialize)]
pub struct MeetingCosts {
    pub date: String,
    pub file: String,
    pub mode: String,
    pub mode_label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Who pays rooms and food.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting_payer: Option<OrgRef>,
    pub attendees: Vec<Attendee>,
}

#[derive(Debug, Serialize)]
pub struct Attendee {
    pub person: PersonRef,
    pub role: String,
    pub role_label: String,
    /// Who pays travel and stay; absent when nobody does (digital) or nobody is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payer: Option<OrgRef>,
    /// `employer`, `user-representative` (responsible HF or owner pays), `digital`
    /// (no travel), `remote` (a hybrid meeting attended from afar), `hybrid-employer`/`hybrid-user-representative` (a trip only if they came in
    /// person), `no-employer`.
    pub basis: String,
}

#[derive(Debug, Serialize)]
pub struct PayerTotal {
    pub payer: OrgRef,
    pub trips: usize,
    pub meetings: usize,
}

pub fn build(reg: &Registry, g: &Group, year: i32, opts: Options) -> ExpensesReport {
    let host = match g.profile() {
        Some(Profile::MunicipalAdvisory | Profile::Advisory) => g.owner.as_ref(),
        _ => g.responsible.as_ref(),
    }
    .map(|o| OrgRef::org(reg, &o.value));
    let meetings: Vec<MeetingCosts> = meetings_in(g, year)
        .into_iter()
        .filter(|m| m.is_held())
        .map(|m| costs(reg, g, m, host.clone(), opts))
        .collect();
    let mut totals: BTreeMap<String, PayerTotal> = BTreeMap::new();
    for m in &meetings {
        if let Some(p) = &m.meeting_payer {
            payer_total(&mut totals, p).meetings += 1;
        }
        for p in m.attendees.iter().filter_map(|a| a.payer.as_ref()) {
            payer_total(&mut totals, p).trips += 1;
        }
    }
    ExpensesReport {
        report: "expenses",
        profile: g.profile().map_or("", |p| p.as_str()).to_string(),
        group: g.id.clone(),
        year,
        meetings,
        totals: totals.into_values().collect(),
    }
}

fn payer_total<'a>(totals: &'a mut BTreeMap<String, PayerTotal>, p: &OrgRef) -> &'a mut PayerTotal {
    totals.entry(p.id.clone()).or_insert_with(|| PayerTotal {
        payer: p.clone(),
        trips: 0,
        meetings: 0,
    })
}

fn costs(
    reg: &Registry,
    g: &Group,
    m: &Meeting,
    host: Option<OrgRef>,
    opts: Options,
) -> MeetingCosts {
    let day = m.day();
    let mode = m.mode.as_ref().map(|x| x.value);
    let municipal = g.profile() == Some(Profile::MunicipalAdvisory);
    let attendees = m
        .attendee_ids()
        .map(|a| {
            let seat = day.and_then(|d| {
                g.members
                    .iter()
                    .find(|x| x.person_id() == Some(a.as_str()) && x.is_active(d))
            });
            let role = seat.and_then(|s| s.role());
            let represents_users =
                role == Some(Role::User) || (municipal && role == Some(Role::Constituency));
            let employer = reg.person_employer(&a.value).map(|e| OrgRef::org(reg, e));
            // With `in-person` recorded, a hybrid meeting is known seat by seat.
            let known = m.in_person.as_ref();
            let remote = mode == Some(Mode::Hybrid)
                && known.is_some_and(|l| !l.iter().any(|p| p.value == a.value));
            let hybrid = mode == Some(Mode::Hybrid) && known.is_none();
            let (payer, basis) = match (mode, represents_users, employer) {
                (Some(Mode::Digital), _, _) => (None, "digital"),
                _ if remote => (None, "remote"),
                (_, true, _) => (
                    host.clone(),
                    if hybrid {
                        "hybrid-user-representative"
                    } else {
                        "user-representative"
                    },
                ),
                (_, false, Some(e)) => (
                    Some(e),
                    if hybrid {
                        "hybrid-employer"
                    } else {
                        "employer"
                    },
                ),
                (_, false, None) => (None, "no-employer"),
            };
            Attendee {
                person: PersonRef::new(reg, &a.value, opts),
                role: role.map_or("", |r| r.as_str()).to_string(),
                role_label: role
                    .map_or("", |r| super::labels::role(r, opts.lang))
                    .to_string(),
                payer,
                basis: basis.to_string(),
            }
        })
        .collect();
    MeetingCosts {
        date: day.map(iso).unwrap_or_else(|| m.stem.clone()),
        file: m.stem.clone(),
        mode: mode
            .map_or("", |x| match x {
                Mode::Digital => "digital",
                Mode::Physical => "physical",
                Mode::Hybrid => "hybrid",
            })
            .to_string(),
        mode_label: mode
            .map_or("", |x| super::labels::mode(x, opts.lang))
            .to_string(),
        location: m
            .location
            .as_ref()
            .map(|l| super::model::text(&l.value, opts)),
        meeting_payer: host,
        attendees,
    }
}

pub fn basis_label(basis: &str, municipal: bool, lang: Lang) -> String {
    let l = super::labels::for_lang(lang);
    let user = if municipal {
        l["basis_user_municipal"]
    } else {
        l["basis_user"]
    };
    match basis {
        "employer" => l["basis_employer"].to_string(),
        "user-representative" => user.to_string(),
        "digital" => l["basis_digital"].to_string(),
        "remote" => l["basis_remote"].to_string(),
        "hybrid-employer" => format!("{}; {}", l["basis_employer"], l["basis_hybrid"]),
        "hybrid-user-representative" => format!("{user}; {}", l["basis_hybrid"]),
        _ => l["basis_no_employer"].to_string(),
    }
}

/// The `table` format: one table per meeting, then the totals.
pub fn table(r: &ExpensesReport, lang: Lang) -> String {
    use comfy_table::{Table, presets::UTF8_FULL_CONDENSED};
    let l = super::labels::for_lang(lang);
    let municipal = r.profile == "municipal-advisory";
    let mut out = format!("{} {}: {}\n\n", l["expenses_title"], r.year, r.group);
    if r.meetings.is_empty() {
        out.push_str(l["no_held_meetings"]);
        out.push('\n');
        return out;
    }
    for m in &r.meetings {
        let place = m
            .location
            .as_deref()
            .map_or(String::new(), |p| format!(", {p}"));
        out.push_str(&format!("{} ({}{place})\n", m.date, m.mode_label));
        let payer = m.meeting_payer.as_ref().map_or("-", |p| p.name.as_str());
        out.push_str(&format!("{}: {payer}\n", l["meeting_paid_by"]));
        let mut t = Table::new();
        t.load_style(UTF8_FULL_CONDENSED);
        t.set_header(vec![
            l["person"],
            l["role"],
            l["travel_paid_by"],
            l["basis"],
        ]);
        for a in &m.attendees {
            t.add_row(vec![
                a.person.name.clone(),
                a.role_label.clone(),
                a.payer.as_ref().map_or("-".to_string(), |p| p.name.clone()),
                basis_label(&a.basis, municipal, lang),
            ]);
        }
        out.push_str(&t.to_string());
        out.push_str("\n\n");
    }
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    t.set_header(vec![l["payer"], l["trips"], l["meetings"]]);
    for p in &r.totals {
        t.add_row(vec![
            p.payer.name.clone(),
            p.trips.to_string(),
            p.meetings.to_string(),
        ]);
    }
    out.push_str(&format!("{}\n{t}\n", l["total"]));
    out
}

/// The columns of the `csv` format and of the workbook.
pub const CSV_HEADER: [&str; 9] = [
    "date",
    "meeting",
    "mode",
    "kind",
    "person",
    "person_name",
    "payer",
    "payer_name",
    "basis",
];

/// The rows of the `csv` format: one per meeting payer and one per attendee.
pub fn csv_rows(r: &ExpensesReport) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for m in &r.meetings {
        let (pid, pname) = m
            .meeting_payer
            .as_ref()
            .map_or(("", ""), |p| (p.id.as_str(), p.name.as_str()));
        let row = [
            m.date.as_str(),
            m.file.as_str(),
            m.mode.as_str(),
            "meeting",
            "",
            "",
            pid,
            pname,
            "meeting",
        ];
        out.push(row.iter().map(|c| c.to_string()).collect());
        for a in &m.attendees {
            let (pid, pname) = a
                .payer
                .as_ref()
                .map_or(("", ""), |p| (p.id.as_str(), p.name.as_str()));
            let row = [
                m.date.as_str(),
                m.file.as_str(),
                m.mode.as_str(),
                "attendee",
                a.person.id.as_str(),
                a.person.name.as_str(),
                pid,
                pname,
                a.basis.as_str(),
            ];
            out.push(row.iter().map(|c| c.to_string()).collect());
        }
    }
    out
}

/// The `csv` format (crate::output::csv: formula-safe, masked).
pub fn csv(r: &ExpensesReport, dialect: crate::output::csv::Dialect) -> String {
    let header: Vec<String> = CSV_HEADER.iter().map(|h| h.to_string()).collect();
    crate::output::csv::write(&header, &csv_rows(r), dialect)
}
