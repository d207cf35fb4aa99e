//! The view types reports share: people, organisations, seats, meetings, inputs, sections.
//!
//! A view is plain data, sorted, with dates as `YYYY-MM-DD` strings and every label already in
//! the report's language, so that the `json` format is the view itself and templates need no
//! logic beyond loops. Fields that may be absent are left out of the JSON (not `null`).

use serde::Serialize;

use super::{Options, iso, labels, privacy};
use crate::registry::{Date, Group, Input, Meeting, Member, Registry, Role, SectionKind};

/// An organisation or region: id and display name.
#[derive(Clone, Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct OrgRef {
    pub id: String,
    pub name: String,
}

impl OrgRef {
    pub fn org(reg: &Registry, id: &str) -> OrgRef {
        OrgRef {
            id: id.to_string(),
            name: reg.org_name(id).to_string(),
        }
    }

    pub fn region(reg: &Registry, id: &str) -> OrgRef {
        OrgRef {
            id: id.to_string(),
            name: reg.region_name(id).to_string(),
        }
    }
}

/// A person: id, name, employer; contact details only when asked for.
#[derive(Clone, Debug, Serialize)]
pub struct PersonRef {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employer: Option<OrgRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

impl PersonRef {
    pub fn new(reg: &Registry, id: &str, opts: Options) -> PersonRef {
        let person = reg.person(id);
        let contact = |f: fn(&crate::registry::Person) -> Option<&str>| {
            if opts.include_contact {
                person.and_then(f).map(str::to_string)
            } else {
                None
            }
        };
        PersonRef {
            id: id.to_string(),
            name: reg.person_name(id).to_string(),
            employer: reg.person_employer(id).map(|e| OrgRef::org(reg, e)),
            email: contact(|p| p.email.as_ref().map(|e| e.as_str())),
            phone: contact(|p| p.phone.as_ref().map(|e| e.as_str())),
        }
    }
}

/// The group's head: what it is and who hosts or owns it.
#[derive(Debug, Serialize)]
pub struct GroupHead {
    pub id: String,
    pub name: String,
    pub profile: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub host: Vec<OrgRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub responsible: Option<OrgRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<OrgRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub process: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reports_to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub established: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dissolved: Option<String>,
}

impl GroupHead {
    pub fn new(reg: &Registry, g: &Group) -> GroupHead {
        let s =
            |v: &Option<crate::registry::source::Sp<String>>| v.as_ref().map(|x| x.value.clone());
        GroupHead {
            id: g.id.clone(),
            name: s(&g.name).unwrap_or_else(|| g.id.clone()),
            profile: g.profile().map_or("", |p| p.as_str()).to_string(),
            service: s(&g.service),
            host: g.host.iter().map(|h| OrgRef::org(reg, &h.value)).collect(),
            responsible: g.responsible.as_ref().map(|r| OrgRef::org(reg, &r.value)),
            owner: g.owner.as_ref().map(|r| OrgRef::org(reg, &r.value)),
            process: s(&g.process),
            reports_to: s(&g.reports_to),
            established: g.established().map(iso),
            dissolved: g.dissolved().map(iso),
        }
    }
}

/// One person's holding of one seat, within the report's period.
#[derive(Debug, Serialize)]
pub struct Seat {
    pub role: String,
    pub role_label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<OrgRef>,
    /// The body represented (user organisation, other body).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<OrgRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub constituency: Option<String>,
    /// Region, body represented and constituency, joined for display.
    pub detail: String,
    pub person: PersonRef,
    /// The first day of the period the seat was held (appointment, or the period's start).
    pub from: String,
    /// The last day within the period, when the seat ended in it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appointed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_end: Option<String>,
}

/// Sort key of seats: regional seats in region order, then service, user, other, constituency;
/// then by appointment.
pub fn seat_key(reg: &Registry, m: &Member) -> (Role, usize, Option<Date>, String) {
    let region_index = m
        .region_id()
        .and_then(|r| reg.regions.iter().position(|x| x.id.value == r))
        .unwrap_or(usize::MAX);
    (
        m.role().unwrap_or(Role::Other),
        region_index,
        m.appointed.as_ref().map(|a| a.value),
        m.person_id().unwrap_or("").to_string(),
    )
}

impl Seat {
    /// The seat as held during `from..=to` (the member must be active in it).
    pub fn new(reg: &Registry, m: &Member, from: Date, to: Date, opts: Options) -> Seat {
        let role = m.role().unwrap_or(Role::Other);
        let appointed = m.appointed.as_ref().map(|a| a.value);
        let ended = m.ended.as_ref().map(|e| e.value);
        let detail: Vec<String> = [
            m.region_id().map(|r| reg.region_name(r).to_string()),
            m.constituency.as_ref().map(|c| c.value.clone()),
            m.organisation
                .as_ref()
                .map(|o| reg.org_name(&o.value).to_string()),
        ]
        .into_iter()
        .flatten()
        .collect();
        Seat {
            detail: detail.join(", "),
            role: role.as_str().to_string(),
            role_label: labels::role(role, opts.lang).to_string(),
            region: m.region_id().map(|r| OrgRef::region(reg, r)),
            organisation: m.organisation.as_ref().map(|o| OrgRef::org(reg, &o.value)),
            constituency: m.constituency.as_ref().map(|c| c.value.clone()),
            person: PersonRef::new(reg, m.person_id().unwrap_or(""), opts),
            from: iso(appointed.map_or(from, |a| a.max(from))),
            to: ended.filter(|e| *e < to).map(iso),
            appointed: appointed.map(iso),
            ended: ended.map(iso),
            end_reason: m.end_reason.as_ref().map(|r| text(&r.value, opts)),
            term_end: m.term_end.as_ref().map(|t| iso(t.value)),
        }
    }
}

/// The seats held during `from..=to`, sorted.
pub fn seats_during(reg: &Registry, g: &Group, from: Date, to: Date, opts: Options) -> Vec<Seat> {
    let mut members: Vec<&Member> = g
        .members
        .iter()
        .filter(|m| m.person.is_some() && m.is_active_during(from, to))
        .collect();
    members.sort_by_key(|m| seat_key(reg, m));
    members
        .iter()
        .map(|m| Seat::new(reg, m, from, to, opts))
        .collect()
}

/// A chair term overlapping the period.
#[derive(Debug, Serialize)]
pub struct ChairTerm {
    pub person: PersonRef,
    pub from: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub designated_by: Option<OrgRef>,
}

pub fn chairs_during(
    reg: &Registry,
    g: &Group,
    from: Date,
    to: Date,
    opts: Options,
) -> Vec<ChairTerm> {
    g.chairs
        .iter()
        .filter(|c| {
            c.from.as_ref().is_some_and(|f| f.value <= to)
                && c.to.as_ref().is_none_or(|t| from <= t.value)
        })
        .filter_map(|c| {
            Some(ChairTerm {
                person: PersonRef::new(reg, c.person.as_ref()?.as_str(), opts),
                from: iso(c.from.as_ref()?.value),
                to: c.to.as_ref().map(|t| iso(t.value)),
                designated_by: c.designated_by.as_ref().map(|d| OrgRef::org(reg, &d.value)),
            })
        })
        .collect()
}

/// A span of days within the period when a region had no regional member.
#[derive(Debug, Serialize)]
pub struct Vacancy {
    pub region: OrgRef,
    pub from: String,
    pub to: String,
    pub days: i64,
}

/// The days of `from..=to` (clipped to the group's life) when `region` had no active regional
/// member.
pub fn vacancies(reg: &Registry, g: &Group, region: &str, from: Date, to: Date) -> Vec<Vacancy> {
    let from = g.established().map_or(from, |e| e.max(from));
    let to = g.dissolved().map_or(to, |d| d.min(to));
    let mut held: Vec<(Date, Date)> = g
        .members
        .iter()
        .filter(|m| m.role() == Some(Role::Regional) && m.region_id() == Some(region))
        .filter_map(|m| {
            let a = m.appointed.as_ref()?.value;
            let e = m.ended.as_ref().map_or(Date::MAX, |e| e.value);
            (a <= to && from <= e).then_some((a.max(from), e.min(to)))
        })
        .collect();
    held.sort();
    let mut out = Vec::new();
    let mut cursor = from;
    let mut push = |a: Date, b: Date| {
        if a <= b {
            out.push(Vacancy {
                region: OrgRef::region(reg, region),
                from: iso(a),
                to: iso(b),
                days: (b - a).num_days() + 1,
            });
        }
    };
    for (a, b) in held {
        if cursor < a {
            push(cursor, a.pred_opt().unwrap_or(a));
        }
        if b >= cursor {
            cursor = b.succ_opt().unwrap_or(Date::MAX);
        }
        if cursor > to {
            return out;
        }
    }
    push(cursor, to);
    out
}

/// A proposed member not yet appointed on `day`.
#[derive(Debug, Serialize)]
pub struct Pending {
    pub role: String,
    pub role_label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<OrgRef>,
    pub person: PersonRef,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consented: Option<String>,
}

pub fn pending_on(reg: &Registry, g: &Group, day: Date, opts: Options) -> Vec<Pending> {
    let mut members: Vec<&Member> = g
        .members
        .iter()
        .filter(|m| m.person.is_some() && m.ended.is_none())
        .filter(|m| m.appointed.as_ref().is_none_or(|a| a.value > day))
        .filter(|m| m.proposed.as_ref().is_some_and(|p| p.value <= day) || m.proposed.is_none())
        .collect();
    members.sort_by_key(|m| seat_key(reg, m));
    members
        .iter()
        .map(|m| {
            let role = m.role().unwrap_or(Role::Other);
            Pending {
                role: role.as_str().to_string(),
                role_label: labels::role(role, opts.lang).to_string(),
                region: m.region_id().map(|r| OrgRef::region(reg, r)),
                person: PersonRef::new(reg, m.person_id().unwrap_or(""), opts),
                proposed: m.proposed.as_ref().map(|p| iso(p.value)),
                consented: m.consented.as_ref().map(|p| iso(p.value)),
            }
        })
        .collect()
}

/// An input (innspill) raised at a meeting.
#[derive(Debug, Serialize)]
pub struct InputView {
    pub id: String,
    /// The date of the meeting it was raised at.
    pub meeting: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<PersonRef>,
    pub summary: String,
    pub status: String,
    pub status_label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub milestone: Option<String>,
}

impl InputView {
    pub fn new(reg: &Registry, meeting: &Meeting, i: &Input, opts: Options) -> InputView {
        let status = i.status.as_ref().map(|s| s.value);
        InputView {
            id: i.id.as_ref().map_or(String::new(), |x| x.value.clone()),
            meeting: meeting
                .day()
                .map(iso)
                .unwrap_or_else(|| meeting.stem.clone()),
            by: i.by.as_ref().map(|b| PersonRef::new(reg, &b.value, opts)),
            summary: i
                .summary
                .as_ref()
                .map_or(String::new(), |s| text(&s.value, opts)),
            status: status.map_or("", input_status_id).to_string(),
            status_label: status
                .map_or("", |s| labels::input_status(s, opts.lang))
                .to_string(),
            to: i.to.as_ref().map(|t| text(&t.value, opts)),
            response: i.response.as_ref().map(|r| text(&r.value, opts)),
            milestone: meeting.milestone.as_ref().map(|m| m.value.clone()),
        }
    }
}

fn input_status_id(s: crate::registry::InputStatus) -> &'static str {
    use crate::registry::InputStatus::*;
    match s {
        Open => "open",
        Forwarded => "forwarded",
        Answered => "answered",
        Closed => "closed",
    }
}

/// A meeting: when, how, who came, what was raised, and the minutes (Markdown).
#[derive(Debug, Serialize)]
pub struct MeetingView {
    pub date: String,
    /// The file name without `.md`.
    pub file: String,
    pub status: String,
    pub status_label: String,
    pub mode: String,
    pub mode_label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub milestone: Option<String>,
    pub attendees: Vec<PersonRef>,
    /// Recorded as absent, and the group's other active members who did not attend.
    pub absent: Vec<PersonRef>,
    pub inputs: Vec<InputView>,
    /// The minutes' Markdown body; empty when none was written.
    pub minutes: String,
}

impl MeetingView {
    pub fn new(reg: &Registry, g: &Group, m: &Meeting, opts: Options) -> MeetingView {
        use crate::registry::{MeetingStatus, Mode};
        let status = m.status();
        let mode = m.mode.as_ref().map(|x| x.value);
        let attendees: Vec<&str> = m.attendee_ids().map(|a| a.as_str()).collect();
        let mut absent: Vec<&str> = m.absent.iter().map(|a| a.as_str()).collect();
        if let (Some(day), true) = (m.day(), m.is_held()) {
            let mut members: Vec<&Member> = g.active_on(day).collect();
            members.sort_by_key(|x| seat_key(reg, x));
            for id in members.iter().filter_map(|x| x.person_id()) {
                if !attendees.contains(&id) && !absent.contains(&id) {
                    absent.push(id);
                }
            }
        }
        let body = body_text(reg, m.body);
        MeetingView {
            date: m.day().map(iso).unwrap_or_else(|| m.stem.clone()),
            file: m.stem.clone(),
            status: match status {
                Some(MeetingStatus::Planned) => "planned",
                Some(MeetingStatus::Held) => "held",
                Some(MeetingStatus::Cancelled) => "cancelled",
                None => "",
            }
            .to_string(),
            status_label: status
                .map_or("", |s| labels::meeting_status(s, opts.lang))
                .to_string(),
            mode: match mode {
                Some(Mode::Digital) => "digital",
                Some(Mode::Physical) => "physical",
                Some(Mode::Hybrid) => "hybrid",
                None => "",
            }
            .to_string(),
            mode_label: mode.map_or("", |x| labels::mode(x, opts.lang)).to_string(),
            location: m.location.as_ref().map(|l| text(&l.value, opts)),
            milestone: m.milestone.as_ref().map(|x| x.value.clone()),
            attendees: attendees
                .iter()
                .map(|a| PersonRef::new(reg, a, opts))
                .collect(),
            absent: absent
                .iter()
                .map(|a| PersonRef::new(reg, a, opts))
                .collect(),
            inputs: m
                .inputs
                .iter()
                .map(|i| InputView::new(reg, m, i, opts))
                .collect(),
            minutes: text(body.trim(), opts),
        }
    }
}

/// The meetings of a group dated in `year`, by date.
pub fn meetings_in(g: &Group, year: i32) -> Vec<&Meeting> {
    let mut ms: Vec<&Meeting> = g
        .meetings
        .iter()
        .filter(|m| m.day().is_some_and(|d| super::in_year(d, year)))
        .collect();
    ms.sort_by(|a, b| (a.day(), &a.stem).cmp(&(b.day(), &b.stem)));
    ms
}

/// A report section (regional part or feedback) for a year, or the fact that it is missing.
#[derive(Debug, Serialize)]
pub struct SectionView {
    /// The region, for a regional section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<OrgRef>,
    /// Whether the file exists.
    pub present: bool,
    /// The file, relative to the group folder (`reports/2025/helse-nord.md`).
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<PersonRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitted: Option<String>,
    /// Who should write it: the region's regional members during the year.
    pub expected_authors: Vec<PersonRef>,
    /// The Markdown body; empty when missing.
    pub body: String,
}

pub fn section(
    reg: &Registry,
    g: &Group,
    year: i32,
    kind: &SectionKind,
    opts: Options,
) -> SectionView {
    let found = g
        .reports
        .iter()
        .find(|s| s.folder_year == Some(year) && s.kind == *kind);
    let (region, file_name) = match kind {
        SectionKind::Regional(r) => (Some(OrgRef::region(reg, r)), format!("{r}.md")),
        SectionKind::Feedback => (None, "feedback.md".to_string()),
    };
    let expected_authors = match kind {
        SectionKind::Regional(r) => {
            let mut ms: Vec<&Member> = g
                .members
                .iter()
                .filter(|m| m.role() == Some(Role::Regional) && m.region_id() == Some(r.as_str()))
                .filter(|m| m.is_active_during(super::jan1(year), super::dec31(year)))
                .collect();
            ms.sort_by_key(|m| seat_key(reg, m));
            ms.iter()
                .filter_map(|m| m.person_id())
                .map(|p| PersonRef::new(reg, p, opts))
                .collect()
        }
        SectionKind::Feedback => Vec::new(),
    };
    SectionView {
        region,
        present: found.is_some(),
        file: format!("reports/{year}/{file_name}"),
        author: found
            .and_then(|s| s.author.as_ref())
            .map(|a| PersonRef::new(reg, &a.value, opts)),
        submitted: found
            .and_then(|s| s.submitted.as_ref())
            .map(|d| iso(d.value)),
        expected_authors,
        body: found.map_or(String::new(), |s| text(body_text(reg, s.body).trim(), opts)),
    }
}

/// Free text as a report shows it: redacted unless contact details were asked for.
pub fn text(s: &str, opts: Options) -> String {
    if opts.include_contact {
        s.to_string()
    } else {
        privacy::redact(s, opts.lang)
    }
}

/// The text of a Markdown body; empty when the span does not fit the file (a file that was not
/// valid UTF-8 keeps only its valid prefix).
fn body_text(reg: &Registry, body: crate::registry::source::Span) -> &str {
    reg.files
        .get(body.file)
        .and_then(|f| f.text.get(body.start.min(body.end)..body.end))
        .unwrap_or("")
}
