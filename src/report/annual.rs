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

use super::activity::{InputView, MeetingView, SectionView, meetings_in, section};
use super::model::{
    ChairTerm, GroupHead, Pending, Seat, Vacancy, chairs_during, pending_on, seats_during,
    vacancies,
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
    /// The opening summary, sentence by sentence: the mandate in short, meetings held,
    /// attendance, inputs and what became of them, vacancies.
    pub summary: Vec<String>,
}

/// One failed rule.
#[derive(Debug, Serialize)]
pub struct Finding {
    pub rule: String,
    /// `error` or `warning`.
    pub severity: String,
    pub severity_label: String,
    pub message: String,
    /// The message without the file it names, for the report's body.
    pub plain: String,
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
    let summary = summary(reg, g, year, &meetings, day, opts.lang);
    AnnualReport {
        summary,
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
                plain: without_paths(&super::model::text(d.message.get(opts.lang), opts)),
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

/// A message without the parenthesised file paths the rules add («(reports/2025/x.md)»), for a
/// report a reader pastes; the coordinator's appendix keeps them.
pub fn without_paths(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(open) = rest.find(" (") {
        let after = &rest[open + 2..];
        match after.find(')') {
            Some(close) if looks_like_path(&after[..close]) => {
                out.push_str(&rest[..open]);
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str(&rest[..open + 2]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn looks_like_path(s: &str) -> bool {
    !s.contains(' ') && (s.contains('/') || s.ends_with(".md") || s.ends_with(".toml"))
}

/// The opening summary of the annual report, in the reader's language.
fn summary(
    reg: &Registry,
    g: &Group,
    year: i32,
    meetings: &[&crate::registry::Meeting],
    day: crate::registry::Date,
    lang: crate::i18n::Lang,
) -> Vec<String> {
    use crate::i18n::Lang;
    use crate::registry::InputStatus;
    let mut out = Vec::new();
    let service = g.service.as_ref().map(|s| s.value.as_str());
    match (g.profile(), service, lang) {
        (Some(Profile::NationalService), Some(s), Lang::Nb) => out.push(format!(
            "Referansegruppen skal bidra til at {s} drives i tråd med mandatet og er likeverdig tilgjengelig i hele landet; den møtes minst én gang i året og gir tilbakemelding på tjenestens arbeid i årsrapporten."
        )),
        (Some(Profile::NationalService), Some(s), Lang::En) => out.push(format!(
            "The reference group helps {s} work according to its mandate and be equally available across the country; it meets at least once a year and gives feedback on the service's work in the annual report."
        )),
        _ => {}
    }
    let held: Vec<_> = meetings.iter().filter(|m| m.is_held()).collect();
    let (mut came, mut expected) = (0usize, 0usize);
    for m in &held {
        let Some(d) = m.day() else { continue };
        let active: Vec<&str> = g.active_on(d).filter_map(|x| x.person_id()).collect();
        expected += active.len();
        came += active
            .iter()
            .filter(|p| m.attendee_ids().any(|a| a.value == **p))
            .count();
    }
    let n = held.len();
    let rate = (expected > 0).then(|| (came * 100 + expected / 2) / expected);
    out.push(match (n, rate, lang) {
        (0, _, Lang::Nb) => format!("Gruppen holdt ingen møter i {year}."),
        (0, _, Lang::En) => format!("The group held no meetings in {year}."),
        (n, Some(r), Lang::Nb) => format!(
            "Gruppen holdt {n} {} i {year}; medlemmene møtte til {r} prosent av plassene.",
            if n == 1 { "møte" } else { "møter" }
        ),
        (n, Some(r), Lang::En) => format!(
            "The group held {n} {} in {year}; members attended {r} per cent of their seats.",
            if n == 1 { "meeting" } else { "meetings" }
        ),
        (n, None, Lang::Nb) => format!(
            "Gruppen holdt {n} {} i {year}.",
            if n == 1 { "møte" } else { "møter" }
        ),
        (n, None, Lang::En) => format!(
            "The group held {n} {} in {year}.",
            if n == 1 { "meeting" } else { "meetings" }
        ),
    });
    let inputs: Vec<_> = meetings.iter().flat_map(|m| m.inputs.iter()).collect();
    let count = |s: InputStatus| {
        inputs
            .iter()
            .filter(|i| i.status.as_ref().map(|x| x.value) == Some(s))
            .count()
    };
    let (open, fwd, ans, closed) = (
        count(InputStatus::Open),
        count(InputStatus::Forwarded),
        count(InputStatus::Answered),
        count(InputStatus::Closed),
    );
    let total = inputs.len();
    out.push(match (total, lang) {
        (0, Lang::Nb) => "Det ble ikke registrert innspill.".to_string(),
        (0, Lang::En) => "No inputs were recorded.".to_string(),
        (t, Lang::Nb) => format!("Gruppen kom med {t} innspill: {fwd} sendt videre, {ans} besvart, {closed} avsluttet og {open} fortsatt åpne."),
        (t, Lang::En) => format!("The group raised {t} inputs: {fwd} forwarded, {ans} answered, {closed} closed and {open} still open."),
    });
    if g.profile() == Some(Profile::NationalService) {
        let vacant: Vec<&str> = reg
            .regions
            .iter()
            .map(|r| r.id.as_str())
            .filter(|r| !vacancies(reg, g, r, jan1(year), dec31(year).min(day)).is_empty())
            .map(|r| reg.region_name(r))
            .collect();
        out.push(match (vacant.is_empty(), lang) {
            (true, Lang::Nb) => "Alle de regionale plassene var besatt hele året.".to_string(),
            (true, Lang::En) => "Every regional seat was filled all year.".to_string(),
            (false, Lang::Nb) if vacant.len() == 1 => {
                format!("Plassen til {} sto ledig en del av året.", vacant[0])
            }
            (false, Lang::En) if vacant.len() == 1 => {
                format!("The seat of {} was vacant for part of the year.", vacant[0])
            }
            (false, Lang::Nb) => format!(
                "Plassene til {} sto ledige en del av året.",
                vacant.join(" og ")
            ),
            (false, Lang::En) => format!(
                "The seats of {} were vacant for part of the year.",
                vacant.join(" and ")
            ),
        });
    }
    out
}

#[cfg(test)]
mod path_tests {
    use super::without_paths;

    #[test]
    fn file_paths_leave_the_message_and_words_stay() {
        assert_eq!(
            without_paths(
                "årsrapporten for 2025 mangler delen fra Helse Vest RHF (reports/2025/helse-vest.md)"
            ),
            "årsrapporten for 2025 mangler delen fra Helse Vest RHF"
        );
        assert_eq!(
            without_paths("a seat (the regional one) is vacant"),
            "a seat (the regional one) is vacant"
        );
    }
}
