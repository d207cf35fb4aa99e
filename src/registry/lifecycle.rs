//! The seat's life-cycle (M 3) and the calendar a group lives by: one home for "where does this
//! seat stand", "which years are checked", "when is the report due" and "how long may a seat stand
//! empty". Rules, `status`, `list`, reports, `due`, the site and the web application ask here
//! instead of working it out again.

use chrono::Datelike;

use super::model::{Config, Group, Member, ReportSection, Role, SectionKind};
use super::{Date, Registry};

/// Where one seat holding stands on a day, in the order the mandate's steps come (M 3:
/// «Foreslåtte medlemmer skal ha blitt forespurt og ha sagt seg villig … avklart med
/// vedkommendes leder … Det regionale helseforetaket oppnevner formelt … og sender informasjon
/// om oppnevningen»).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Proposed (or entered) but not yet willing to serve.
    Proposed,
    /// Asked and willing; the leader's clearance is still missing where the role needs it.
    Consented,
    /// Willing, and cleared with their leader where the role needs it: ready to be appointed.
    Cleared,
    /// Formally appointed and active; the appointing RHF has not yet announced it.
    Appointed,
    /// Appointed, active and announced.
    Notified,
    /// The seat has ended (the day after `ended`).
    Ended,
}

impl Stage {
    /// The id used in json and in the web application's markup.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Proposed => "proposed",
            Stage::Consented => "consented",
            Stage::Cleared => "cleared",
            Stage::Appointed => "appointed",
            Stage::Notified => "notified",
            Stage::Ended => "ended",
        }
    }

    /// Whether the seat is held on the day (appointed or notified).
    pub fn is_active(self) -> bool {
        matches!(self, Stage::Appointed | Stage::Notified)
    }

    /// Whether the seat is on its way: proposed, consented or cleared, not yet appointed.
    pub fn is_pending(self) -> bool {
        matches!(self, Stage::Proposed | Stage::Consented | Stage::Cleared)
    }
}

impl Role {
    /// Whether the member's leader must clear the participation (M 3): regional and service
    /// members sit for their employer.
    pub fn needs_leader_clearance(self) -> bool {
        matches!(self, Role::Regional | Role::Service)
    }
}

impl Member {
    /// Where the seat stands on `at`. Only steps dated on or before `at` count, so a past `--at`
    /// sees the seat as it stood then. A seat appointed after `at` is still pending.
    pub fn stage(&self, at: Date) -> Stage {
        let by = |d: &Option<crate::source::Sp<Date>>| d.as_ref().is_some_and(|d| d.value <= at);
        if self.ended.as_ref().is_some_and(|e| e.value < at) {
            return Stage::Ended;
        }
        if self.is_active(at) {
            return if by(&self.notified) {
                Stage::Notified
            } else {
                Stage::Appointed
            };
        }
        if !by(&self.consented) {
            return Stage::Proposed;
        }
        let needs_clearance = self.role().is_none_or(Role::needs_leader_clearance);
        if needs_clearance && !by(&self.leader_cleared) {
            Stage::Consented
        } else {
            Stage::Cleared
        }
    }

    /// The day the seat was (or will be) vacated: `ended`, when recorded.
    pub fn last_day(&self) -> Option<Date> {
        self.ended.as_ref().map(|e| e.value)
    }

    /// An open proposal: neither appointed nor ended, so pending whatever the day. The seat the
    /// next steps of the process (`consent`, `appoint`) complete.
    pub fn is_open_proposal(&self) -> bool {
        self.appointed.is_none() && self.ended.is_none()
    }

    /// Appointed (on any day, also after `day`) and not ended before `day`: a seat that can still
    /// be consented to or ended as of `day`.
    pub fn is_appointed_through(&self, day: Date) -> bool {
        self.appointed.is_some() && self.ended.as_ref().is_none_or(|e| day <= e.value)
    }

    /// The region whose RHF appoints this seat in a national-service group: see
    /// [`appointing_region`].
    pub fn appointing_region<'a>(&'a self, reg: &'a Registry) -> Option<&'a str> {
        appointing_region(reg, self.role(), self.region_id(), self.person_id())
    }
}

/// The region whose RHF appoints a seat in a national-service group (M 3: «Hvert regionale
/// helseforetak (RHF) oppnevner medlemmer … med forankring i egen region»): the region a regional
/// member represents, the region of a service member's employer; `None` for other seats, or when
/// it is not recorded.
pub fn appointing_region<'a>(
    reg: &'a Registry,
    role: Option<Role>,
    region: Option<&'a str>,
    person: Option<&'a str>,
) -> Option<&'a str> {
    match role {
        Some(Role::Regional) => region,
        Some(Role::Service) => person.and_then(|p| reg.person_region(p)),
        _ => None,
    }
}

/// 1 January of a year.
pub fn jan1(year: i32) -> Date {
    Date::from_ymd_opt(year, 1, 1).unwrap_or(Date::MIN)
}

/// 31 December of a year.
pub fn dec31(year: i32) -> Date {
    Date::from_ymd_opt(year, 12, 31).unwrap_or(Date::MAX)
}

/// `day` moved by `days`, saturating at the ends of the calendar.
pub fn add_days(day: Date, days: i64) -> Date {
    chrono::TimeDelta::try_days(days)
        .and_then(|delta| day.checked_add_signed(delta))
        .unwrap_or(if days < 0 { Date::MIN } else { Date::MAX })
}

impl Config {
    /// When the annual report for `year` is due: `report-due` (MM-DD) in the following year; a
    /// 29 February falls back to the 28th in a year that has none.
    pub fn report_due(&self, year: i32) -> Date {
        let (month, day) = self.report_due;
        Date::from_ymd_opt(year + 1, month, day)
            .or_else(|| Date::from_ymd_opt(year + 1, month, 28))
            .unwrap_or_else(|| dec31(year + 1))
    }

    /// The annual report whose due date is the next on or after `at`: last year's until its due
    /// date, this year's after.
    pub fn current_report_year(&self, at: Date) -> i32 {
        if at <= self.report_due(at.year() - 1) {
            at.year() - 1
        } else {
            at.year()
        }
    }
}

impl Group {
    /// Whether the group exists on `day` (established on or before it, not yet dissolved).
    pub fn exists_on(&self, day: Date) -> bool {
        self.established().is_some_and(|e| e <= day) && self.dissolved().is_none_or(|d| day <= d)
    }

    /// The past years that `annual-meeting` and `annual-report` check on `at`: those wholly
    /// inside the group's life, before the year of `at`, and not before `history-from`.
    pub fn checked_years(&self, config: &Config, at: Date) -> Vec<i32> {
        let Some(established) = self.established() else {
            return Vec::new();
        };
        (established.year()..at.year())
            .filter(|&y| jan1(y) >= established)
            .filter(|&y| self.dissolved().is_none_or(|d| dec31(y) <= d))
            .filter(|&y| config.history_from.is_none_or(|h| jan1(y) >= h))
            .collect()
    }

    /// Whether a meeting with status `held` is dated in `year`.
    pub fn held_in(&self, year: i32) -> bool {
        self.meetings
            .iter()
            .any(|m| m.is_held() && m.day().is_some_and(|d| d.year() == year))
    }

    /// The delivered section of `kind` for `year`, if any: the file under `reports/<year>/`,
    /// unless its body is empty (only headings, HTML comments and white space), which counts as
    /// missing for `annual-report`, `due` and every report (cli.md, second round).
    pub fn section(&self, year: i32, kind: &SectionKind) -> Option<&ReportSection> {
        self.reports
            .iter()
            .find(|s| s.folder_year == Some(year) && s.kind == *kind && !s.blank)
    }

    /// The regional members who held the region's seat on some day of `year`.
    pub fn regional_members_in<'a>(
        &'a self,
        region: &'a str,
        year: i32,
    ) -> impl Iterator<Item = &'a Member> + 'a {
        self.members.iter().filter(move |m| {
            m.role() == Some(Role::Regional)
                && m.region_id() == Some(region)
                && m.is_active_during(jan1(year), dec31(year))
        })
    }

    /// Who writes the region's section for `year` (cli.md, `report kickoff`): the regional member
    /// active on 31 December, else the last one active in the year.
    pub fn section_author<'a>(&'a self, region: &'a str, year: i32) -> Option<&'a Member> {
        let end = dec31(year);
        self.regional_members_in(region, year)
            .find(|m| m.is_active(end))
            .or_else(|| {
                self.regional_members_in(region, year)
                    .max_by_key(|m| m.last_day().unwrap_or(Date::MAX))
            })
    }

    /// The person who chairs the group on `day`, when exactly one term covers it.
    pub fn chair_on(&self, day: Date) -> Option<&str> {
        let mut terms = self.chairs_on(day);
        match (terms.next(), terms.next()) {
            (Some(c), None) => c.person.as_ref().map(|p| p.as_str()),
            _ => None,
        }
    }

    /// For a region with no active regional member on `at`: the day its seat became vacant
    /// (the last `ended` of its previous regional members before `at`, else `established`) and
    /// the last day of grace (`vacancy-grace-days` later). `None` when the seat is held.
    pub fn regional_vacancy(&self, reg: &Registry, region: &str, at: Date) -> Option<Vacancy> {
        let seats = self
            .members
            .iter()
            .filter(|m| m.role() == Some(Role::Regional) && m.region_id() == Some(region));
        if seats.clone().any(|m| m.is_active(at)) {
            return None;
        }
        let since = seats
            .filter_map(Member::last_day)
            .filter(|e| *e < at)
            .max()
            .or(self.established());
        let grace = reg.config.vacancy_grace_days.max(0);
        Some(Vacancy {
            since,
            grace_until: since.map(|s| add_days(s, grace)),
            after_member: since != self.established(),
        })
    }
}

/// A vacant regional seat (see [`Group::regional_vacancy`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Vacancy {
    /// The last day of the previous member, or `established`; `None` when neither is known.
    pub since: Option<Date>,
    /// The last day the vacancy is within its grace period.
    pub grace_until: Option<Date>,
    /// Whether a member held the seat before (rather than the group being new).
    pub after_member: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn report_due_is_the_configured_day_of_the_following_year() {
        let mut c = Config::default();
        assert_eq!(c.report_due(2025), d("2026-02-10"));
        c.report_due = (2, 29);
        assert_eq!(c.report_due(2026), d("2027-02-28"));
        assert_eq!(c.report_due(2027), d("2028-02-29"));
    }

    fn seat(appointed: Option<&str>, ended: Option<&str>) -> Member {
        let span = crate::source::Span::new(0, 0..0);
        let day = |s: Option<&str>| s.map(|s| crate::source::Sp::new(d(s), span));
        Member {
            span,
            person: None,
            role: None,
            region: None,
            organisation: None,
            constituency: None,
            proposed: day(Some("2025-01-10")),
            consented: None,
            leader_cleared: None,
            appointed: day(appointed),
            appointed_by: None,
            letter: None,
            notified: None,
            term_end: None,
            ended: day(ended),
            end_reason: None,
        }
    }

    #[test]
    fn an_open_proposal_is_neither_appointed_nor_ended_whatever_the_day() {
        assert!(seat(None, None).is_open_proposal());
        assert!(!seat(Some("2030-01-01"), None).is_open_proposal());
        assert!(!seat(None, Some("2025-02-01")).is_open_proposal());
    }

    #[test]
    fn a_seat_appointed_through_a_day_has_not_ended_before_it() {
        let later = seat(Some("2030-01-01"), None);
        assert!(later.is_appointed_through(d("2025-06-01")));
        assert!(!later.is_active(d("2025-06-01")));
        let ended = seat(Some("2025-02-01"), Some("2025-05-31"));
        assert!(ended.is_appointed_through(d("2025-05-31")));
        assert!(!ended.is_appointed_through(d("2025-06-01")));
        assert!(!seat(None, None).is_appointed_through(d("2025-06-01")));
    }

    #[test]
    fn the_current_report_year_turns_the_day_after_the_due_date() {
        let c = Config::default();
        assert_eq!(c.current_report_year(d("2026-02-10")), 2025);
        assert_eq!(c.current_report_year(d("2026-02-11")), 2026);
        assert_eq!(c.current_report_year(d("2026-01-01")), 2025);
    }
}
