//! The views of what a group did: meetings (with attendance and minutes), inputs raised, and
//! the sections of an annual report. Shared by the reports like [`super::model`].

use serde::Serialize;

use super::model::{OrgRef, PersonRef, seat_key, text};
use super::{Options, iso, labels};
use crate::registry::{Group, Input, Meeting, Member, Registry, Role, SectionKind};

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
    /// Whether the minutes open with their own heading (then the report adds none: no doubled
    /// headings).
    pub minutes_titled: bool,
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
        let body = &body_text(reg, m.body);
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
            minutes_titled: body.trim_start().starts_with('#'),
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
    // A section with an empty body (only headings and comments) counts as missing.
    let found = g.section(year, kind);
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

/// The text of a Markdown body; empty when the span does not fit the file (a file that was not
/// valid UTF-8 keeps only its valid prefix).
/// A minutes or section body as a report shows it: without the HTML comments in which templates
/// and kickoff stubs keep their guidance (rules.md, `minutes-recorded`; issue: no report prints an
/// HTML comment).
fn body_text(reg: &Registry, body: crate::source::Span) -> String {
    let text = reg
        .files
        .get(body.file())
        .and_then(|f| f.text().get(body.start().min(body.end())..body.end()))
        .unwrap_or("");
    crate::registry::frontmatter::without_comments(text)
}
