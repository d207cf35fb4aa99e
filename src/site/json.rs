//! `OUT/groups.json`: the public data of every group for other sites, in the shape web.md fixes.

use serde::Serialize;

use super::view::{GroupView, MeetingView, Seat};

#[derive(Serialize)]
pub struct Site<'a> {
    pub updated: String,
    pub groups: Vec<Group<'a>>,
}

#[derive(Serialize)]
pub struct Group<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub profile: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<&'a str>,
    pub chair: Option<&'a str>,
    pub members: Vec<Member<'a>>,
    pub vacancies: Vec<Vacancy<'a>>,
    pub meetings: Vec<Meeting<'a>>,
}

#[derive(Serialize)]
pub struct Member<'a> {
    pub name: &'a str,
    pub role: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub constituency: Option<&'a str>,
    pub organisation: Option<&'a str>,
    pub since: Option<&'a str>,
}

#[derive(Serialize)]
pub struct Vacancy<'a> {
    pub role: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub constituency: Option<&'a str>,
}

#[derive(Serialize)]
pub struct Meeting<'a> {
    pub date: &'a str,
    pub status: &'a str,
    pub mode: Option<&'a str>,
}

fn member(s: &Seat) -> Option<Member<'_>> {
    Some(Member {
        name: s.name.as_deref()?,
        role: s.role,
        region: s.region.as_deref(),
        constituency: s.constituency.as_deref(),
        organisation: s.organisation.as_deref(),
        since: s.since.as_deref(),
    })
}

fn meeting(m: &MeetingView) -> Meeting<'_> {
    Meeting {
        date: &m.date,
        status: m.status,
        mode: m.mode,
    }
}

/// The document, from the groups' views (already in site order).
pub fn build<'a>(updated: String, groups: &'a [GroupView]) -> Site<'a> {
    Site {
        updated,
        groups: groups
            .iter()
            .map(|g| Group {
                id: &g.id,
                name: &g.name,
                profile: g.profile,
                service: g.service.as_deref(),
                chair: g.chair.as_deref(),
                members: g.seats.iter().filter_map(member).collect(),
                vacancies: g
                    .seats
                    .iter()
                    .filter(|s| s.vacant)
                    .map(|s| Vacancy {
                        role: s.role,
                        region: s.region.as_deref(),
                        constituency: s.constituency.as_deref(),
                    })
                    .collect(),
                meetings: {
                    let mut list: Vec<Meeting> =
                        g.held.iter().chain(&g.planned).map(meeting).collect();
                    list.sort_by(|a, b| a.date.cmp(b.date));
                    list
                },
            })
            .collect(),
    }
}
