//! What a group owes, and by when: the one list of deadlines behind `mandat due`, the deadline
//! lines of `status`, the web application's dashboard and the calendar (cli.md, «`mandat due`»).
//!
//! An obligation is open until it is met; it is overdue when its due date is before `--at`.
//! What the rules call a vacancy in its grace period, a report part missing before its due date
//! or a year without a planned meeting is here the same fact seen from the calendar.

use chrono::Datelike;

use super::lifecycle::{add_days, dec31, jan1};
use super::model::{Group, InputStatus, MeetingStatus, Profile, SectionKind};
use super::{Date, Registry};

/// The kinds of `mandat due --format json` (cli.md); the order is the tie-break after `due` and
/// `group`, alphabetical as the strings sort.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ObligationKind {
    Feedback,
    Input,
    Meeting,
    MilestoneMeeting,
    Notification,
    ReportSection,
    TermEnd,
    Vacancy,
}

impl ObligationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ObligationKind::ReportSection => "report-section",
            ObligationKind::Feedback => "feedback",
            ObligationKind::Meeting => "meeting",
            ObligationKind::MilestoneMeeting => "milestone-meeting",
            ObligationKind::TermEnd => "term-end",
            ObligationKind::Notification => "notification",
            ObligationKind::Vacancy => "vacancy",
            ObligationKind::Input => "input",
        }
    }
}

/// One open obligation of one group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Obligation {
    pub group: String,
    pub kind: ObligationKind,
    pub due: Date,
    /// The region the obligation concerns (a report section, a vacant regional seat).
    pub region: Option<String>,
    /// The report year (report sections, feedback) or the meeting year.
    pub year: Option<i32>,
    /// The one person responsible for meeting it (a section's author, the chair for feedback).
    pub who: Option<String>,
    /// The person it concerns (a term that ends, an appointment not announced, an input's author).
    pub person: Option<String>,
    pub milestone: Option<String>,
    /// The input's id, and the stem of the meeting that raised it.
    pub input: Option<String>,
    pub meeting: Option<String>,
}

impl Obligation {
    fn new(group: &Group, kind: ObligationKind, due: Date) -> Obligation {
        Obligation {
            group: group.id.clone(),
            kind,
            due,
            region: None,
            year: None,
            who: None,
            person: None,
            milestone: None,
            input: None,
            meeting: None,
        }
    }

    /// Overdue on `at`: due before it.
    pub fn is_overdue(&self, at: Date) -> bool {
        self.due < at
    }
}

impl Registry {
    /// Every open obligation of `group` on `at`, sorted by due date, then kind. A dissolved
    /// group owes only the reports of the years it lived through.
    pub fn obligations(&self, group: &Group, at: Date) -> Vec<Obligation> {
        let mut out = Vec::new();
        let alive = group.exists_on(at);
        if group.profile() == Some(Profile::NationalService) {
            self.report_obligations(group, at, &mut out);
            if alive {
                meeting_obligation(group, self, at, &mut out);
                for region in &self.regions {
                    let rid = region.id.as_str();
                    if let Some(v) = group.regional_vacancy(self, rid, at)
                        && let Some(due) = v.grace_until
                    {
                        let mut o = Obligation::new(group, ObligationKind::Vacancy, due);
                        o.region = Some(rid.to_string());
                        out.push(o);
                    }
                }
                for m in group.active_on(at).filter(|m| m.notified.is_none()) {
                    let Some(appointed) = &m.appointed else {
                        continue;
                    };
                    // cli.md: «appointed more than 30 days ago and not notified».
                    let due = add_days(appointed.value, 30);
                    if due >= at {
                        continue;
                    }
                    let mut o = Obligation::new(group, ObligationKind::Notification, due);
                    o.person = m.person_id().map(str::to_string);
                    o.region = m.region_id().map(str::to_string);
                    out.push(o);
                }
            }
        }
        if group.profile() == Some(Profile::MunicipalAdvisory) {
            for ms in &group.milestones {
                let (Some(id), Some(date)) = (&ms.id, &ms.date) else {
                    continue;
                };
                let met = group.meetings.iter().any(|m| {
                    m.is_held() && m.milestone.as_ref().is_some_and(|x| x.value == id.value)
                });
                if !met {
                    let mut o =
                        Obligation::new(group, ObligationKind::MilestoneMeeting, date.value);
                    o.milestone = Some(id.value.clone());
                    out.push(o);
                }
            }
        }
        if alive {
            for m in group.active_on(at) {
                if let Some(t) = &m.term_end {
                    let mut o = Obligation::new(group, ObligationKind::TermEnd, t.value);
                    o.person = m.person_id().map(str::to_string);
                    o.region = m.region_id().map(str::to_string);
                    out.push(o);
                }
            }
        }
        for meeting in group.meetings.iter().filter(|m| m.is_held()) {
            let Some(day) = meeting.day() else { continue };
            for input in &meeting.inputs {
                if input.status.as_ref().map(|s| s.value) != Some(InputStatus::Open) {
                    continue;
                }
                let due = add_days(day, self.config.input_followup_days);
                let mut o = Obligation::new(group, ObligationKind::Input, due);
                o.person = input.by.as_ref().map(|b| b.value.clone());
                o.input = input.id.as_ref().map(|i| i.value.clone());
                o.meeting = Some(meeting.stem.clone());
                out.push(o);
            }
        }
        out.sort_by(|a, b| (a.due, a.kind, &a.region).cmp(&(b.due, b.kind, &b.region)));
        out
    }

    /// The parts of the annual report still missing: for every checked year, and for the year of
    /// `at` when the group lived on its 1 January (its report falls due next year).
    fn report_obligations(&self, group: &Group, at: Date, out: &mut Vec<Obligation>) {
        let mut years = group.checked_years(&self.config, at);
        let this = at.year();
        let in_history = self.config.history_from.is_none_or(|h| jan1(this) >= h);
        if group.exists_on(jan1(this)) && in_history {
            years.push(this);
        }
        for year in years {
            let due = self.config.report_due(year);
            for region in &self.regions {
                let rid = region.id.as_str();
                if group
                    .section(year, &SectionKind::Regional(rid.to_string()))
                    .is_some()
                {
                    continue;
                }
                let mut o = Obligation::new(group, ObligationKind::ReportSection, due);
                o.region = Some(rid.to_string());
                o.year = Some(year);
                o.who = group
                    .section_author(rid, year)
                    .and_then(|m| m.person_id())
                    .map(str::to_string);
                out.push(o);
            }
            if group.section(year, &SectionKind::Feedback).is_none() {
                let mut o = Obligation::new(group, ObligationKind::Feedback, due);
                o.year = Some(year);
                o.who = group.chair_on(dec31(year).min(at)).map(str::to_string);
                out.push(o);
            }
        }
    }
}

/// No meeting held or planned in the year of `at`: due 31 December (M 1).
fn meeting_obligation(group: &Group, reg: &Registry, at: Date, out: &mut Vec<Obligation>) {
    let year = at.year();
    let in_history = reg.config.history_from.is_none_or(|h| jan1(year) >= h);
    if !group.exists_on(jan1(year)) || !in_history || group.held_in(year) {
        return;
    }
    let planned = group.meetings.iter().any(|m| {
        m.status() == Some(MeetingStatus::Planned)
            && m.day().is_some_and(|d| d.year() == year && d >= at)
    });
    if !planned {
        let mut o = Obligation::new(group, ObligationKind::Meeting, dec31(year));
        o.year = Some(year);
        out.push(o);
    }
}
