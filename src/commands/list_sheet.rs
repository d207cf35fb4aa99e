//! `mandat list ... --format xlsx`: the table as a worksheet. For `members` the sheet also holds
//! what a coordinator's spreadsheet holds and the table leaves out (employer, the steps of the
//! appointment, who appointed, the letter), with the headings `mandat import members` reads,
//! so that the workbook imports again as it is.

use crate::cli::ListWhat;
use crate::i18n::{Lang, pick};
use crate::output::xlsx::{Cell, Sheet};
use crate::registry::{Date, Registry};

use super::status::is_current;
use super::table::Rows;

/// The worksheet of `list WHAT`.
pub fn sheet(reg: &Registry, what: ListWhat, at: Date, lang: Lang, rows: &Rows) -> Sheet {
    let name = match what {
        ListWhat::Groups => pick(lang, "Groups", "Grupper"),
        ListWhat::People => pick(lang, "People", "Personer"),
        ListWhat::Members => pick(lang, "Members", "Medlemmer"),
        ListWhat::Meetings => pick(lang, "Meetings", "Møter"),
    };
    let mut sheet = rows.sheet(name, lang);
    if what != ListWhat::Members {
        return sheet;
    }
    let extra: [(&str, &str); 11] = [
        ("Region", "Region"),
        ("Organisation", "Organisasjon"),
        ("Constituency", "Målgruppe"),
        ("Employer", "Arbeidsgiver"),
        ("Proposed", "Foreslått"),
        ("Consented", "Samtykke"),
        ("Leader cleared", "Leder avklart"),
        ("Appointed by", "Oppnevnt av"),
        ("Letter", "Brev"),
        ("Notified", "Kunngjort"),
        ("Ended", "Sluttet"),
    ];
    sheet
        .header
        .extend(extra.iter().map(|(en, nb)| pick(lang, en, nb).to_string()));
    // The same seats, in the same order, as `rows` (list.rs).
    let seats = reg
        .groups
        .iter()
        .flat_map(|g| g.members.iter().filter(move |m| is_current(m, at)));
    for (row, m) in sheet.rows.iter_mut().zip(seats) {
        let day = |d: &Option<crate::source::Sp<Date>>| {
            d.as_ref()
                .map_or(Cell::Text(String::new()), |d| Cell::Date(d.value))
        };
        let employer = m
            .person_id()
            .and_then(|p| reg.person_employer(p))
            .map_or_else(String::new, |e| reg.org_name(e).to_string());
        let by = m.appointed_by.as_ref().map_or_else(String::new, |b| {
            if reg.region(&b.value).is_some() {
                reg.region_name(&b.value).to_string()
            } else {
                reg.org_name(&b.value).to_string()
            }
        });
        let text = |v: &Option<crate::source::Sp<String>>| {
            Cell::Text(v.as_ref().map_or_else(String::new, |x| x.value.clone()))
        };
        row.extend([
            Cell::Text(
                m.region
                    .as_ref()
                    .map_or_else(String::new, |r| reg.region_name(&r.value).to_string()),
            ),
            Cell::Text(
                m.organisation
                    .as_ref()
                    .map_or_else(String::new, |o| reg.org_name(&o.value).to_string()),
            ),
            text(&m.constituency),
            Cell::Text(employer),
            day(&m.proposed),
            day(&m.consented),
            day(&m.leader_cleared),
            Cell::Text(by),
            text(&m.letter),
            day(&m.notified),
            day(&m.ended),
        ]);
    }
    sheet
}
