//! What the site shows, built from the registry as of `--at`: only public data.
//!
//! The views hold names (of people, organisations, regions), roles, dates, meeting modes and,
//! with `--include-minutes`, the minutes of held meetings. They never hold e-mail, phone,
//! gender, person ids, consent or clearance dates, letter references, waivers, pending
//! proposals, inputs or report sections: those fields are simply never read here.

use serde::Serialize;

use super::labels;
use crate::i18n::Lang;
use crate::registry::{Group, MeetingStatus, Profile, Registry};
use crate::report::{iso, labels as report_labels, markdown, privacy};
use seats::{constituency_name, in_office, organisation, seat_label, seats};

mod seats;

/// Options of one site build.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub lang: Lang,
    pub at: crate::registry::Date,
    pub include_minutes: bool,
}

/// One row of a group's member table: a held seat or a vacant one.
#[derive(Clone, Debug, Serialize)]
pub struct Seat {
    /// `regional`, `service`, `user`, `other`, `constituency`.
    pub role: &'static str,
    /// The seat as a reader names it: the region, «Tjenesten», the constituency.
    pub label: String,
    pub region: Option<String>,
    pub constituency: Option<String>,
    /// The holder's name; `None` for a vacant seat.
    pub name: Option<String>,
    pub organisation: Option<String>,
    /// The day the holder was appointed.
    pub since: Option<String>,
    pub is_chair: bool,
    pub vacant: bool,
    /// A constituency of a municipal group that nobody represents: shown, but not a vacancy,
    /// since no rule requires every constituency to be represented (format.md).
    pub unrepresented: bool,
    /// For a vacant seat that someone held before: the day it became vacant.
    pub vacant_since: Option<String>,
}

/// A member whose seat has ended.
#[derive(Clone, Debug, Serialize)]
pub struct Former {
    pub name: String,
    pub seat: String,
    pub organisation: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A chair term that has ended.
#[derive(Clone, Debug, Serialize)]
pub struct FormerChair {
    pub name: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct MeetingView {
    pub date: String,
    /// `held` or `planned`.
    pub status: &'static str,
    pub status_label: &'static str,
    pub mode: Option<&'static str>,
    pub mode_label: Option<&'static str>,
    /// Sanitised HTML of the minutes (with `--include-minutes`, held meetings only).
    pub minutes_html: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct MilestoneView {
    pub name: String,
    pub date: Option<String>,
}

/// Everything a group page shows.
#[derive(Clone, Debug, Serialize)]
pub struct GroupView {
    pub id: String,
    pub name: String,
    /// `national-service`, `municipal-advisory`, or empty when unknown.
    pub profile: &'static str,
    pub service: Option<String>,
    pub host: Vec<String>,
    pub owner: Option<String>,
    pub process: Option<String>,
    pub reports_to: Option<String>,
    pub constituencies: Vec<String>,
    pub established: Option<String>,
    pub dissolved: Option<String>,
    pub chair: Option<String>,
    pub chair_since: Option<String>,
    pub seats: Vec<Seat>,
    pub vacancies: usize,
    /// The status in words: complete / vacant seats / no chair.
    pub status_label: String,
    pub former: Vec<Former>,
    pub former_chairs: Vec<FormerChair>,
    pub held: Vec<MeetingView>,
    pub planned: Vec<MeetingView>,
    pub milestones: Vec<MilestoneView>,
    pub include_minutes: bool,
}

fn date(d: Option<&crate::source::Sp<crate::registry::Date>>) -> Option<String> {
    d.map(|d| iso(d.value))
}

/// Every held and planned meeting, with its minutes when asked for.
fn meetings(reg: &Registry, g: &Group, opts: Options) -> (Vec<MeetingView>, Vec<MeetingView>) {
    let mut list: Vec<(crate::registry::Date, &str, MeetingView)> = Vec::new();
    for m in &g.meetings {
        let (Some(day), Some(status)) = (m.day(), m.status()) else {
            continue;
        };
        let status_id = match status {
            MeetingStatus::Held => "held",
            MeetingStatus::Planned => "planned",
            MeetingStatus::Cancelled => continue,
        };
        let minutes_html = (opts.include_minutes && status == MeetingStatus::Held).then(|| {
            let body = reg
                .files
                .get(m.body.file())
                .and_then(|f| f.text().get(m.body.start().min(m.body.end())..m.body.end()))
                .unwrap_or("")
                .trim();
            let clean = privacy::redact(&crate::pii_scan::mask(body), opts.lang);
            markdown::to_html(&clean, 4)
        });
        let mode = m.mode.as_ref().map(|x| x.value);
        list.push((
            day,
            &m.stem,
            MeetingView {
                date: iso(day),
                status: status_id,
                status_label: report_labels::meeting_status(status, opts.lang),
                mode: mode.map(mode_id),
                mode_label: mode.map(|x| report_labels::mode(x, opts.lang)),
                minutes_html: minutes_html.filter(|h| !h.trim().is_empty()),
            },
        ));
    }
    list.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let (held, planned): (Vec<_>, Vec<_>) = list
        .into_iter()
        .map(|x| x.2)
        .partition(|m| m.status == "held");
    (held, planned)
}

fn mode_id(m: crate::registry::Mode) -> &'static str {
    match m {
        crate::registry::Mode::Digital => "digital",
        crate::registry::Mode::Physical => "physical",
        crate::registry::Mode::Hybrid => "hybrid",
    }
}

/// The group page's view.
pub fn group(reg: &Registry, g: &Group, opts: Options) -> GroupView {
    let at = opts.at;
    let lang = opts.lang;
    let seats = seats(reg, g, opts);
    let chair_id = g.chair_on(at);
    let chair = chair_id.map(|p| reg.person_name(p).to_string());
    let chair_since = chair_id.and_then(|_| {
        g.chairs_on(at)
            .next()
            .and_then(|c| c.from.as_ref())
            .map(|f| iso(f.value))
    });
    let vacancies = seats.iter().filter(|s| s.vacant).count();
    let alive = in_office(g, at);
    let mut words = Vec::new();
    if vacancies > 0 {
        words.push(labels::get("vacant_seats", lang));
    }
    if chair.is_none() && alive {
        words.push(labels::get("no_chair", lang));
    }
    let status_label = if g.dissolved().is_some_and(|d| d < at) {
        labels::get("dissolved", lang).to_lowercase()
    } else if words.is_empty() {
        labels::get("complete", lang).to_string()
    } else {
        words.join(", ")
    };
    let mut former: Vec<Former> = g
        .members
        .iter()
        .filter(|m| m.stage(at) == crate::registry::Stage::Ended && m.appointed.is_some())
        .map(|m| Former {
            name: m
                .person_id()
                .map_or_else(String::new, |p| reg.person_name(p).to_string()),
            seat: seat_label(reg, m, lang),
            organisation: organisation(reg, m),
            from: date(m.appointed.as_ref()),
            to: date(m.ended.as_ref()),
        })
        .collect();
    former.sort_by(|a, b| (&b.to, &a.name).cmp(&(&a.to, &b.name)));
    let mut former_chairs: Vec<FormerChair> = g
        .chairs
        .iter()
        .filter(|c| c.to.as_ref().is_some_and(|t| t.value < at))
        .map(|c| FormerChair {
            name: c
                .person
                .as_ref()
                .map_or_else(String::new, |p| reg.person_name(p.as_str()).to_string()),
            from: date(c.from.as_ref()),
            to: date(c.to.as_ref()),
        })
        .collect();
    former_chairs.sort_by(|a, b| (&b.to, &a.name).cmp(&(&a.to, &b.name)));
    let (held, planned) = meetings(reg, g, opts);
    let mut milestones: Vec<MilestoneView> = g
        .milestones
        .iter()
        .filter_map(|m| {
            Some(MilestoneView {
                name: m.name.as_ref()?.value.clone(),
                date: date(m.date.as_ref()),
            })
        })
        .collect();
    milestones.sort_by(|a, b| (&a.date, &a.name).cmp(&(&b.date, &b.name)));
    GroupView {
        id: g.id.clone(),
        name: g
            .name
            .as_ref()
            .map_or_else(|| g.id.clone(), |n| n.value.clone()),
        profile: g.profile().map_or("", Profile::as_str),
        service: g.service.as_ref().map(|s| s.value.clone()),
        host: g
            .host
            .iter()
            .map(|h| reg.org_name(h.as_str()).to_string())
            .collect(),
        owner: g
            .owner
            .as_ref()
            .map(|o| reg.org_name(o.as_str()).to_string()),
        process: g.process.as_ref().map(|s| s.value.clone()),
        reports_to: g
            .reports_to
            .as_ref()
            .map(|s| reg.org_name(s.as_str()).to_string()),
        constituencies: g
            .constituencies
            .iter()
            .map(|c| constituency_name(reg, c.as_str()))
            .collect(),
        established: date(g.established.as_ref()),
        dissolved: date(g.dissolved.as_ref()),
        chair,
        chair_since,
        seats,
        vacancies,
        status_label,
        former,
        former_chairs,
        held,
        planned,
        milestones,
        include_minutes: opts.include_minutes,
    }
}

/// One group on a region's page: who holds the region's seat (or that it is vacant).
#[derive(Clone, Debug, Serialize)]
pub struct RegionRow {
    pub group_id: String,
    pub group_name: String,
    pub service: Option<String>,
    pub seats: Vec<Seat>,
}

/// A region's page.
#[derive(Clone, Debug, Serialize)]
pub struct RegionView {
    pub id: String,
    pub name: String,
    pub rows: Vec<RegionRow>,
}

/// Every national group's seat for a region (from the groups' views).
pub fn region(reg: &Registry, id: &str, groups: &[GroupView]) -> RegionView {
    let rows = groups
        .iter()
        .filter(|g| g.profile == Profile::NationalService.as_str())
        .filter_map(|g| {
            let seats: Vec<Seat> = g
                .seats
                .iter()
                .filter(|s| s.role == "regional" && s.region.as_deref() == Some(id))
                .cloned()
                .collect();
            (!seats.is_empty()).then(|| RegionRow {
                group_id: g.id.clone(),
                group_name: g.name.clone(),
                service: g.service.clone(),
                seats,
            })
        })
        .collect();
    RegionView {
        id: id.to_string(),
        name: reg.region_name(id).to_string(),
        rows,
    }
}
