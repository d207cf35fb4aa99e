//! `annual-meeting`: a past year has no held meeting; in the current year, none is held or planned.

use super::{Checks, Rule};
use super::{Ctx, group_place};
use crate::diagnostic::Diagnostic;
use crate::registry::{Group, MeetingStatus, jan1};
use crate::rule_id::{Applies, Clause, Level, Profile, RuleId, RuleMeta, text};
use crate::t;
use chrono::Datelike;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::AnnualMeeting,
        applies: Applies::Only(Profile::NationalService),
        default: Level::Error,
        file_level: false,
        after_dissolved: true,
        summary: text(
            "a past year has no held meeting; in the current year, none is held or planned",
            "et tidligere år har ingen avholdte møter; i inneværende år er ingen holdt eller planlagt",
        ),
        purpose: text(
            "The group meets at least once a year. Every full calendar year of the group's life is checked (from history-from, if set); the current year is a warning until a meeting is held or planned.",
            "Gruppen møtes minst én gang i året. Hvert hele kalenderår i gruppens levetid kontrolleres (fra history-from, hvis satt); inneværende år gir en advarsel til et møte er holdt eller planlagt.",
        ),
        clauses: &[M1_MEET],
        fix: text(
            "Plan a meeting with `mandat meeting new GROUP --date D`; record a held meeting's minutes; or, for a year that cannot be mended, add a [[waiver]] with the reason.",
            "Planlegg et møte med `mandat meeting new GRUPPE --date D`; registrer referatet fra et avholdt møte; eller, for et år som ikke kan rettes, legg til et [[waiver]] med begrunnelse.",
        ),
    },
    checks: Checks {
        group: Some(annual_meeting),
        registry: None,
    },
};

const M1_MEET: Clause = Clause {
    source: "M 1",
    text: "Referansegruppen skal møtes minst en gang i året.",
};

/// «Referansegruppen skal møtes minst en gang i året» (M 1).
pub fn annual_meeting(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let g = &group.id;
    for year in group.checked_years(&ctx.reg.config, ctx.at) {
        if !group.held_in(year) {
            out.push(
                Diagnostic::new(
                    RuleId::AnnualMeeting,
                    group_place(ctx.reg, group),
                    t!("the group held no meeting in {year}", "gruppen holdt ikke noe møte i {year}"),
                )
                .year(year)
                .help(t!(
                    "record the minutes of the year's meeting in meetings/; if there was none, add a [[waiver]] for annual-meeting with the reason",
                    "registrer referatet fra årets møte i meetings/; hvis det ikke ble holdt, legg til et [[waiver]] for annual-meeting med begrunnelse"
                )),
            );
        }
    }
    let year = ctx.at.year();
    let start = jan1(year);
    let existed = group.established().is_some_and(|e| e <= start)
        && group.dissolved().is_none_or(|d| d >= ctx.at);
    let in_history = ctx.reg.config.history_from.is_none_or(|h| start >= h);
    if !existed || !in_history || group.held_in(year) {
        return;
    }
    let planned = group.meetings.iter().any(|m| {
        m.status() == Some(MeetingStatus::Planned)
            && m.day().is_some_and(|d| d.year() == year && d >= ctx.at)
    });
    if !planned {
        out.push(
            Diagnostic::new(
                RuleId::AnnualMeeting,
                group_place(ctx.reg, group),
                t!(
                    "no meeting is held or planned for the rest of {year}",
                    "ingen møter er holdt eller planlagt i resten av {year}"
                ),
            )
            .soft()
            .year(year)
            .help(t!(
                "plan the year's meeting: `mandat meeting new {g} --date YYYY-MM-DD`",
                "planlegg årets møte: `mandat meeting new {g} --date ÅÅÅÅ-MM-DD`"
            )),
        );
    }
}
