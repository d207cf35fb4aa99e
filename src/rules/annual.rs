//! The yearly duties (M 1): a meeting every year, and an annual report with a section from each
//! regional representative and the group's feedback.

use super::{Ctx, group_place};
use crate::diagnostic::Diagnostic;
use crate::registry::{Date, Group, MeetingStatus, Role, SectionKind, jan1};
use crate::rule_id::RuleId;
use crate::t;
use chrono::Datelike;

/// The past years that `annual-meeting` and `annual-report` check (see [`Group::checked_years`]).
pub fn checked_years(ctx: &Ctx, group: &Group) -> Vec<i32> {
    group.checked_years(&ctx.reg.config, ctx.at)
}

/// «Referansegruppen skal møtes minst en gang i året» (M 1).
pub fn annual_meeting(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let g = &group.id;
    for year in checked_years(ctx, group) {
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

/// «Årsrapporten skal inneholde en del fra hver av de fire regionale representantene» (M 1.1);
/// «Tilbakemeldingen skal være en integrert del av tjenestens årsrapport» (M 1).
pub fn annual_report(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let reg = ctx.reg;
    for year in checked_years(ctx, group) {
        let due = reg.config.report_due(year);
        let before_due = ctx.at <= due;
        let has = |kind: &SectionKind| {
            group
                .reports
                .iter()
                .any(|s| s.folder_year == Some(year) && s.kind == *kind)
        };
        let mut missing = Vec::new();
        for region in &reg.regions {
            let rid = region.id.as_str();
            if !has(&SectionKind::Regional(rid.to_string())) {
                let rname = reg.region_name(rid);
                missing.push((
                    t!(
                        "the annual report for {year} lacks the section from {rname} (reports/{year}/{rid}.md)",
                        "årsrapporten for {year} mangler delen fra {rname} (reports/{year}/{rid}.md)"
                    ),
                    t!(
                        "the regional representative for {rname} writes it; add reports/{year}/{rid}.md with year, region and author in its front matter",
                        "den regionale representanten for {rname} skriver den; legg til reports/{year}/{rid}.md med year, region og author i front matter"
                    ),
                ));
            }
        }
        let regional_missing = missing.len();
        if !has(&SectionKind::Feedback) {
            missing.push((
                t!(
                    "the annual report for {year} lacks the group's feedback on the service (reports/{year}/feedback.md)",
                    "årsrapporten for {year} mangler gruppens tilbakemelding på tjenesten (reports/{year}/feedback.md)"
                ),
                t!(
                    "add reports/{year}/feedback.md with year and author in its front matter",
                    "legg til reports/{year}/feedback.md med year og author i front matter"
                ),
            ));
        }
        for (i, (message, help)) in missing.into_iter().enumerate() {
            let d = Diagnostic::new(RuleId::AnnualReport, group_place(reg, group), message)
                .help(help)
                .year(year)
                .clause(usize::from(i >= regional_missing));
            out.push(if before_due {
                d.soft().note(t!("due on {due}", "frist {due}"))
            } else {
                d
            });
        }
    }
    section_authors(ctx, group, out);
}

/// A regional section is written by that region's regional member of the year.
fn section_authors(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let reg = ctx.reg;
    for s in &group.reports {
        let (Some(year), Some(region), Some(author)) = (&s.year, &s.region, &s.author) else {
            continue;
        };
        let Ok(y) = i32::try_from(year.value) else {
            continue;
        };
        let (Some(from), Some(to)) = (Date::from_ymd_opt(y, 1, 1), Date::from_ymd_opt(y, 12, 31))
        else {
            continue;
        };
        if reg.person(&author.value).is_none() {
            continue;
        }
        let was_member = group.members.iter().any(|m| {
            m.role() == Some(Role::Regional)
                && m.region_id() == Some(region.as_str())
                && m.person_id() == Some(author.as_str())
                && m.is_active_during(from, to)
        });
        if !was_member {
            let (name, rname) = (
                reg.person_name(&author.value),
                reg.region_name(&region.value),
            );
            out.push(
                Diagnostic::at(
                    RuleId::AnnualReport,
                    author.span,
                    t!(
                        "{name} wrote the section for {rname} in {y}, but was not the region's regional member that year",
                        "{name} skrev delen for {rname} i {y}, men var ikke regionens regionale medlem det året"
                    ),
                )
                .soft()
                .year(y)
                .help(t!(
                    "the section is written by the regional representative; correct `author`",
                    "delen skrives av den regionale representanten; rett `author`"
                )),
            );
        }
    }
}
