//! The rules of the mandate: each a small function of the registry and the evaluation date that
//! returns diagnostics. They never read files, print or exit.
//!
//! [`check`] runs every rule that applies, then settles each finding's level: the group's
//! `[rules]`, else the registry's, else the default; softened findings are warnings; waivers and
//! `off` silence. The result is sorted and deduplicated.

pub mod annual;
pub mod appointment;
pub mod catalog;
pub mod chair;
pub mod composition;
pub mod dates;
pub mod doc;
pub mod ids;
pub mod meetings;
pub mod municipal;
pub mod pii;
pub mod references;

use crate::diagnostic::{self, Diagnostic, Place, Severity};
use crate::i18n::Text;
use crate::registry::{Date, Group, Level, Registry};
use crate::rule_id::RuleId;
use catalog::Applies;

/// What every rule reads.
pub struct Ctx<'a> {
    pub reg: &'a Registry,
    /// The evaluation date D.
    pub at: Date,
}

type GroupCheck = fn(&Ctx, &Group, &mut Vec<Diagnostic>);
type RegistryCheck = fn(&Ctx, &mut Vec<Diagnostic>);

/// Rules that look at the registry as a whole (files outside groups, every file's text).
const REGISTRY_CHECKS: &[(RuleId, RegistryCheck)] = &[
    (RuleId::Ids, ids::registry_ids),
    (RuleId::References, references::registry_references),
    (RuleId::Pii, pii::national_identity_numbers),
];

/// Rules that look at one group.
const GROUP_CHECKS: &[(RuleId, GroupCheck)] = &[
    (RuleId::Ids, ids::group_ids),
    (RuleId::References, references::group_references),
    (RuleId::Dates, dates::dates_in_order),
    (RuleId::AppointmentProcess, appointment::appointment_process),
    (RuleId::MinutesRecorded, meetings::minutes_recorded),
    (RuleId::MeetingStatus, meetings::planned_meeting_not_past),
    (RuleId::MinutesAttendance, meetings::attendees_were_members),
    (RuleId::InputFollowedUp, meetings::inputs_followed_up),
    (RuleId::TermExpiry, appointment::terms_not_expiring),
    (RuleId::GenderBalance, composition::gender_balance),
    (RuleId::OneMemberPerRhf, composition::one_member_per_region),
    (
        RuleId::HostRegionOtherHf,
        composition::host_region_member_from_other_hf,
    ),
    (RuleId::ServiceRepresented, composition::service_represented),
    (RuleId::UserRepresented, composition::user_represented),
    (RuleId::ChairDesignated, chair::chair_designated),
    (
        RuleId::ChairOutsideHostRegion,
        chair::chair_outside_host_region,
    ),
    (RuleId::AnnualMeeting, annual::annual_meeting),
    (RuleId::AnnualReport, annual::annual_report),
    (
        RuleId::AppointmentNotified,
        appointment::appointment_notified,
    ),
    (
        RuleId::ConstituenciesRepresented,
        municipal::constituencies_represented,
    ),
    (RuleId::MilestoneMeeting, municipal::milestone_meetings),
];

/// Whether a rule runs for a group on the evaluation date.
fn applies(rule: RuleId, group: &Group, at: Date) -> bool {
    let profile_ok = match catalog::info(rule).applies {
        Applies::Every => true,
        Applies::Only(p) => group.profile() == Some(p),
    };
    let dissolved = group.dissolved().is_some_and(|d| d < at);
    let alive_ok = !dissolved
        || rule.is_file_level()
        || matches!(rule, RuleId::AnnualMeeting | RuleId::AnnualReport);
    profile_ok && alive_ok
}

/// Runs every rule and returns the registry's diagnostics, levels settled, sorted.
/// `loaded` are the diagnostics found while reading the files.
pub fn check(reg: &Registry, at: Date, loaded: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let ctx = Ctx { reg, at };
    let mut raw = loaded;
    for (_, run) in REGISTRY_CHECKS {
        run(&ctx, &mut raw);
    }
    for group in &reg.groups {
        for (rule, run) in GROUP_CHECKS {
            if applies(*rule, group, at) {
                run(&ctx, group, &mut raw);
            }
        }
    }
    // Each diagnostic looks up its group's levels and waivers: index the groups once.
    let groups: std::collections::HashMap<&str, &Group> =
        reg.groups.iter().map(|g| (g.id.as_str(), g)).collect();
    let mut out: Vec<Diagnostic> = raw
        .into_iter()
        .filter_map(|d| settle(reg, &groups, at, d))
        .collect();
    diagnostic::sort(&mut out, &reg.files);
    out
}

/// Fills in the group and the clause notes, and applies levels and waivers.
fn settle(
    reg: &Registry,
    groups: &std::collections::HashMap<&str, &Group>,
    at: Date,
    mut d: Diagnostic,
) -> Option<Diagnostic> {
    if d.group.is_none() {
        d.group = match &d.place {
            Place::Span(span) => reg.group_of_file(span.file).map(str::to_string),
            Place::File(path) => crate::registry::group_of_path(path).map(str::to_string),
        };
    }
    let group = d.group.as_deref().and_then(|g| groups.get(g).copied());
    let name = d.rule.as_str();
    let level = group
        .and_then(|g| g.rules.get(name))
        .or_else(|| reg.config.rules.get(name))
        .map_or(catalog::info(d.rule).default, |l| l.value);
    if level == Level::Off {
        return None;
    }
    let waived = group.is_some_and(|g| {
        g.waivers.iter().any(|w| {
            w.rule.as_ref().is_some_and(|r| r.value == name)
                && w.until.as_ref().is_some_and(|u| at <= u.value)
        })
    });
    if waived {
        return None;
    }
    d.severity = if d.soft || level == Level::Warning {
        Severity::Warning
    } else {
        Severity::Error
    };
    let clauses = catalog::info(d.rule).clauses;
    if let Some(clause) = clauses.get(d.clause).or(clauses.first()) {
        let quote = format!("{}: «{}»", clause.source, clause.text);
        d.notes.insert(0, Text::new(quote.clone(), quote));
    }
    Some(d)
}

pub use crate::registry::add_days;

/// Where a diagnostic about something missing from a group's seats points: members.toml, or
/// group.toml where there is none.
pub fn members_place(reg: &Registry, group: &Group) -> Place {
    match (group.members_file, group.file) {
        (Some(f), _) | (None, Some(f)) => file_start(reg, f),
        (None, None) => Place::File(format!("groups/{}/group.toml", group.id)),
    }
}

/// Where a diagnostic about something missing from group.toml points.
pub fn group_place(reg: &Registry, group: &Group) -> Place {
    match group.file {
        Some(f) => file_start(reg, f),
        None => Place::File(format!("groups/{}/group.toml", group.id)),
    }
}

/// The first character of a file (after a byte-order mark).
pub fn file_start(reg: &Registry, file: usize) -> Place {
    let bom = reg.files[file].bom;
    Place::Span(crate::source::Span::new(file, bom..bom))
}
