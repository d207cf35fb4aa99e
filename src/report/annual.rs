//! `mandat report annual GROUP --year Y`: the group's contribution to the service's annual
//! report (M 1: «samarbeide med senteret om årlig rapportering og gi tilbakemelding på senterets
//! arbeid»; «Årsrapporten skal inneholde en del fra hver av de fire regionale representantene»).
//!
//! The compliance summary is [`crate::rules::check`] for the group, evaluated as of 31 December
//! of the year (or `--at`, when that comes first), keeping only this group's findings. The
//! yearly duties `annual-meeting` and `annual-report` are kept only where they concern the
//! report's year ([`Diagnostic::year`]); a missing section of the year itself is shown in the
//! sections part, which is due later.

use serde::Serialize;

use super::model::{
    ChairTerm, GroupHead, InputView, MeetingView, Pending, Seat, SectionView, Vacancy,
    chairs_during, meetings_in, pending_on, seats_during, section, vacancies,
};
use super::{Options, as_of, dec31, iso, jan1};
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::pick;
use crate::registry::{Group, Profile, Registry, SectionKind};

/// The annual report's view (the `json` format).
#[derive(Debug, Serialize)]
pub struct AnnualReport {
    /// Always `"annual"`.
    pub report: &'static str,
    pub lang: String,
    pub registry: String,
    pub year: i32,
    /// The day the composition, pending appointments and compliance are evaluated.
    pub as_of: String,
    /// When the report is due (`report-due` in the following year).
    pub due: String,
    pub group: GroupHead,
    pub chairs: Vec<ChairTerm>,
    pub members: Vec<Seat>,
    pub vacancies: Vec<Vacancy>,
    pub pending: Vec<Pending>,
    pub meetings: Vec<MeetingView>,
    pub inputs: Vec<InputView>,
    /// `reports/<year>/feedback.md`; only for national-service groups.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback: Option<SectionView>,
    /// One per region, in the order of organisations.toml; only for national-service groups.
    pub sections: Vec<SectionView>,
    pub compliance: Vec<Finding>,
}

/// One failed rule.
#[derive(Debug, Serialize)]
pub struct Finding {
    pub rule: String,
    /// `error` or `warning`.
    pub severity: String,
    pub severity_label: String,
    pub message: String,
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

pub fn build(
    reg: &Registry,
    g: &Group,
    year: i32,
    diagnostics: Vec<Diagnostic>,
    opts: Options,
) -> AnnualReport {
    let (from, to) = (jan1(year), dec31(year));
    let day = as_of(year, opts.at);
    let national = g.profile() == Some(Profile::NationalService);
    let region_ids: Vec<&str> = reg.regions.iter().map(|r| r.id.as_str()).collect();
    let meetings = meetings_in(g, year);
    let meeting_views: Vec<MeetingView> = meetings
        .iter()
        .map(|m| MeetingView::new(reg, g, m, opts))
        .collect();
    let inputs = meetings
        .iter()
        .flat_map(|m| {
            m.inputs
                .iter()
                .map(move |i| InputView::new(reg, m, i, opts))
        })
        .collect();
    AnnualReport {
        report: "annual",
        lang: opts.lang.to_string(),
        registry: reg
            .config
            .name
            .as_ref()
            .map_or(String::new(), |n| n.value.clone()),
        year,
        as_of: iso(day),
        due: iso(reg.config.report_due(year)),
        group: GroupHead::new(reg, g),
        chairs: chairs_during(reg, g, from, to, opts),
        members: seats_during(reg, g, from, to, opts),
        vacancies: if national {
            region_ids
                .iter()
                .flat_map(|r| vacancies(reg, g, r, from, to.min(day)))
                .collect()
        } else {
            Vec::new()
        },
        pending: pending_on(reg, g, day, opts),
        meetings: meeting_views,
        inputs,
        feedback: national.then(|| section(reg, g, year, &SectionKind::Feedback, opts)),
        sections: if national {
            region_ids
                .iter()
                .map(|r| section(reg, g, year, &SectionKind::Regional(r.to_string()), opts))
                .collect()
        } else {
            Vec::new()
        },
        compliance: findings(reg, g, year, diagnostics, opts),
    }
}

/// This group's diagnostics, the yearly duties only for `year`.
fn findings(
    reg: &Registry,
    g: &Group,
    year: i32,
    diagnostics: Vec<Diagnostic>,
    opts: Options,
) -> Vec<Finding> {
    diagnostics
        .iter()
        .filter(|d| d.group.as_deref() == Some(g.id.as_str()))
        .filter(|d| d.year.is_none_or(|y| y == year))
        .filter(|d| !about_later_year(&d.locate(&reg.files).file, year))
        .map(|d| {
            let l = d.locate(&reg.files);
            Finding {
                rule: d.rule.as_str().to_string(),
                severity: d.severity.as_str().to_string(),
                severity_label: match d.severity {
                    Severity::Error => pick(opts.lang, "error", "feil"),
                    Severity::Warning => pick(opts.lang, "warning", "advarsel"),
                }
                .to_string(),
                message: super::model::text(d.message.get(opts.lang), opts),
                file: l.file.to_string(),
                line: l.line,
            }
        })
        .collect()
}

/// Whether a file belongs to a later year than the report's: minutes dated after it, or a
/// report section of a later year. Evaluated as of the end of the year, the rules would judge
/// those as if they were in the future (a held meeting "after D").
fn about_later_year(file: &str, year: i32) -> bool {
    let parts: Vec<&str> = file.split('/').collect();
    match parts.as_slice() {
        ["groups", _, "meetings", name] => name
            .get(..4)
            .and_then(|y| y.parse::<i32>().ok())
            .is_some_and(|y| y > year),
        ["groups", _, "reports", folder, _] => folder.parse::<i32>().is_ok_and(|y| y > year),
        _ => false,
    }
}
