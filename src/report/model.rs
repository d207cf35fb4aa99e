//! The view types reports share: people, organisations, the group, seats, chairs, vacancies,
//! pending appointments. Meetings, inputs and report sections are in [`super::activity`].
//!
//! A view is plain data, sorted, with dates as `YYYY-MM-DD` strings and every label already in
//! the report's language, so that the `json` format is the view itself and templates need no
//! logic beyond loops. Fields that may be absent are left out of the JSON (not `null`).

use serde::Serialize;

use super::{Options, iso, labels, privacy};
use crate::registry::{Date, Group, Member, Registry, Role};

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
            // A name field can hold contact data too ("Kari Nordmann, tlf 912 34 567").
            name: text(reg.person_name(id), opts),
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
        let s = |v: &Option<crate::source::Sp<String>>| v.as_ref().map(|x| x.value.clone());
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
    /// The part of the period the seat was held, in words: «hele året», «fra 2. september 2025».
    pub period: String,
    /// The real appointment date and the planned term end, in words (empty when not recorded).
    pub appointed_text: String,
    pub term_end_text: String,
}

/// The part of `from..=to` (a year) a seat was held, in words.
fn period_text(
    appointed: Option<Date>,
    ended: Option<Date>,
    from: Date,
    to: Date,
    lang: crate::i18n::Lang,
) -> String {
    use crate::i18n::Lang;
    let start = appointed.filter(|a| *a > from);
    let end = ended.filter(|e| *e < to);
    let d = |x: Date| super::dates::long(x, lang);
    match (start, end, lang) {
        (None, None, Lang::Nb) => "hele året".to_string(),
        (None, None, Lang::En) => "the whole year".to_string(),
        (Some(s), None, Lang::Nb) => format!("fra {}", d(s)),
        (Some(s), None, Lang::En) => format!("from {}", d(s)),
        (None, Some(e), Lang::Nb) => format!("til {}", d(e)),
        (None, Some(e), Lang::En) => format!("until {}", d(e)),
        (Some(s), Some(e), Lang::Nb) => format!("fra {} til {}", d(s), d(e)),
        (Some(s), Some(e), Lang::En) => format!("from {} until {}", d(s), d(e)),
    }
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
            m.constituency
                .as_ref()
                .map(|c| labels::constituency(&c.value, opts.lang)),
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
            period: period_text(appointed, ended, from, to, opts.lang),
            appointed_text: appointed
                .map_or_else(String::new, |a| super::dates::long(a, opts.lang)),
            term_end_text: m
                .term_end
                .as_ref()
                .map_or_else(String::new, |t| super::dates::long(t.value, opts.lang)),
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

/// Free text as a report shows it: redacted unless contact details were asked for.
pub fn text(s: &str, opts: Options) -> String {
    if opts.include_contact {
        s.to_string()
    } else {
        privacy::redact(s, opts.lang)
    }
}
