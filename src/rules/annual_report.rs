//! `annual-report`: a past year's annual report lacks a regional section or the group's feedback, or a section's author was not that region's member.

use super::{Checks, Rule};
use super::{Ctx, group_place};
use crate::diagnostic::Diagnostic;
use crate::registry::{Date, Group, Role, SectionKind};
use crate::rule_id::{Applies, Clause, Level, Profile, RuleId, RuleMeta, text};
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::AnnualReport,
        applies: Applies::Only(Profile::NationalService),
        default: Level::Error,
        file_level: false,
        after_dissolved: true,
        summary: text(
            "a past year's annual report lacks a regional section or the group's feedback, or a section's author was not that region's member",
            "årsrapporten for et tidligere år mangler en regional del eller gruppens tilbakemelding, eller en del er skrevet av en som ikke var regionens medlem",
        ),
        purpose: text(
            "Each year's annual report holds a part from each of the four regional representatives and the group's feedback. Missing parts are warnings until the due date (report-due, 10 February by default) and errors after.",
            "Hvert års årsrapport har en del fra hver av de fire regionale representantene og gruppens tilbakemelding. Deler som mangler, er advarsler fram til fristen (report-due, 10. februar som standard) og feil etterpå.",
        ),
        clauses: &[M1_REPORT, M1_FEEDBACK],
        fix: text(
            "Add reports/<year>/<region-id>.md (front matter: year, region, author) for each region, and reports/<year>/feedback.md.",
            "Legg til reports/<år>/<region-id>.md (front matter: year, region, author) for hver region, og reports/<år>/feedback.md.",
        ),
    },
    checks: Checks {
        group: Some(annual_report),
        registry: None,
    },
};

const M1_REPORT: Clause = Clause {
    source: "M 1",
    text: "Årsrapporten skal inneholde en del fra hver av de fire regionale representantene, som kort omtaler i hvilken grad senteret fungerer i egen region.",
};

const M1_FEEDBACK: Clause = Clause {
    source: "M 1",
    text: "samarbeide med senteret om årlig rapportering og gi tilbakemelding på senterets arbeid. Tilbakemeldingen skal være en integrert del av tjenestens årsrapport.",
};

/// «Årsrapporten skal inneholde en del fra hver av de fire regionale representantene» (M 1.1);
/// «Tilbakemeldingen skal være en integrert del av tjenestens årsrapport» (M 1).
pub fn annual_report(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let reg = ctx.reg;
    for year in group.checked_years(&ctx.reg.config, ctx.at) {
        let due = reg.config.report_due(year);
        let before_due = ctx.at <= due;
        // A section whose body is only headings and comments (a kickoff stub) is missing.
        let has = |kind: &SectionKind| group.section(year, kind).is_some();
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
