//! The worksheets of the reports that `--format xlsx` writes: `expenses` and `report region`.
//! One worksheet per table of the report, headed in the output language.

use super::xlsx::{Cell, Sheet};
use crate::i18n::{Lang, pick};
use crate::report::expenses::{ExpensesReport, basis_label};
use crate::report::region::RegionReport;

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn heads(lang: Lang, cols: &[(&'static str, &'static str)]) -> Vec<String> {
    cols.iter()
        .map(|(en, nb)| pick(lang, en, nb).to_string())
        .collect()
}

/// `expenses`: one sheet of who pays what per meeting, one of the totals per payer.
pub fn expenses(r: &ExpensesReport, lang: Lang) -> Vec<Sheet> {
    let municipal = r.profile == "municipal-advisory";
    let mut rows = Vec::new();
    for m in &r.meetings {
        let payer = m.meeting_payer.as_ref().map_or("", |p| p.name.as_str());
        rows.push(vec![
            Cell::guess(&m.date),
            text(&m.mode_label),
            text(pick(
                lang,
                "meeting (rooms, food)",
                "møtet (lokaler, servering)",
            )),
            text(""),
            text(payer),
            text(""),
        ]);
        for a in &m.attendees {
            rows.push(vec![
                Cell::guess(&m.date),
                text(&m.mode_label),
                text(pick(lang, "travel and stay", "reise og opphold")),
                text(&a.person.name),
                text(a.payer.as_ref().map_or("", |p| p.name.as_str())),
                text(&basis_label(&a.basis, municipal, lang)),
            ]);
        }
    }
    let costs = Sheet {
        name: pick(lang, "Expenses", "Utgifter").into(),
        header: heads(
            lang,
            &[
                ("Date", "Dato"),
                ("Mode", "Form"),
                ("Cost", "Utgift"),
                ("Person", "Person"),
                ("Paid by", "Betales av"),
                ("Basis", "Grunnlag"),
            ],
        ),
        rows,
    };
    let totals = Sheet {
        name: pick(lang, "Totals", "Totalt").into(),
        header: heads(
            lang,
            &[
                ("Payer", "Betaler"),
                ("Trips", "Reiser"),
                ("Meetings", "Møter"),
            ],
        ),
        rows: r
            .totals
            .iter()
            .map(|t| {
                vec![
                    text(&t.payer.name),
                    Cell::Number(t.trips as f64),
                    Cell::Number(t.meetings as f64),
                ]
            })
            .collect(),
    };
    vec![costs, totals]
}

/// `report region`: the groups with the region's section, its representatives, its vacancies
/// and the meetings with the region's attendance.
pub fn region(r: &RegionReport, lang: Lang) -> Vec<Sheet> {
    let (mut groups, mut reps, mut vacant, mut meetings) = (vec![], vec![], vec![], vec![]);
    for g in &r.groups {
        let section = if g.section.present && !g.section.body.trim().is_empty() {
            pick(lang, "delivered", "levert")
        } else {
            pick(lang, "missing", "mangler")
        };
        groups.push(vec![
            text(&g.group.id),
            text(&g.group.name),
            text(
                &g.representatives
                    .iter()
                    .map(|s| s.person.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            text(section),
            g.section
                .submitted
                .as_deref()
                .map_or_else(|| text(""), Cell::guess),
            Cell::Number(g.vacancies.iter().map(|v| v.days).sum::<i64>() as f64),
        ]);
        for s in &g.representatives {
            reps.push(vec![
                text(&g.group.id),
                text(&s.person.name),
                text(s.person.employer.as_ref().map_or("", |e| e.name.as_str())),
                Cell::guess(&s.from),
                s.to.as_deref().map_or_else(|| text(""), Cell::guess),
                s.term_end.as_deref().map_or_else(|| text(""), Cell::guess),
            ]);
        }
        for v in &g.vacancies {
            vacant.push(vec![
                text(&g.group.id),
                Cell::guess(&v.from),
                Cell::guess(&v.to),
                Cell::Number(v.days as f64),
            ]);
        }
        for m in &g.meetings {
            meetings.push(vec![
                text(&g.group.id),
                Cell::guess(&m.date),
                text(&m.status_label),
                text(&m.mode_label),
                text(m.representative.as_ref().map_or("", |p| p.name.as_str())),
                text(&m.attended_label),
            ]);
        }
    }
    vec![
        Sheet {
            name: pick(lang, "Groups", "Grupper").into(),
            header: heads(
                lang,
                &[
                    ("Group", "Gruppe"),
                    ("Name", "Navn"),
                    ("Representatives", "Representanter"),
                    ("Section", "Rapportdel"),
                    ("Submitted", "Levert"),
                    ("Days vacant", "Dager ledig"),
                ],
            ),
            rows: groups,
        },
        Sheet {
            name: pick(lang, "Representatives", "Representanter").into(),
            header: heads(
                lang,
                &[
                    ("Group", "Gruppe"),
                    ("Name", "Navn"),
                    ("Employer", "Arbeidsgiver"),
                    ("From", "Fra"),
                    ("To", "Til"),
                    ("Term end", "Funksjonstid til"),
                ],
            ),
            rows: reps,
        },
        Sheet {
            name: pick(lang, "Vacancies", "Ledige plasser").into(),
            header: heads(
                lang,
                &[
                    ("Group", "Gruppe"),
                    ("From", "Fra"),
                    ("To", "Til"),
                    ("Days", "Dager"),
                ],
            ),
            rows: vacant,
        },
        Sheet {
            name: pick(lang, "Meetings", "Møter").into(),
            header: heads(
                lang,
                &[
                    ("Group", "Gruppe"),
                    ("Date", "Dato"),
                    ("Status", "Status"),
                    ("Mode", "Form"),
                    ("Representative", "Representant"),
                    ("Attended", "Deltok"),
                ],
            ),
            rows: meetings,
        },
    ]
}
