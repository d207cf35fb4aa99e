//! Rows of a member list → new people and `[[member]]` seats (cli.md, «`mandat import
//! members`»). Every row is read, every problem kept (`FILE:row:column`), and what was read is
//! only a proposal: the command turns it into an edit plan, or into nothing when a problem was
//! found.
//!
//! A person is matched to an existing one by name and employer (case and spacing ignored; a
//! row without an employer matches the one person of that name, if there is exactly one);
//! otherwise a new person is made, with the id of the `person` column when it is free, else the
//! id derived from the name (format.md), made unique with `-2`, `-3`, ... The same name and
//! employer on several rows is one person. A seat that the group already has (same person,
//! role, proposal and appointment) is not added again, so importing a file twice changes
//! nothing the second time.

use std::collections::{BTreeMap, BTreeSet};

use super::columns::{Field, Header};
use super::sheet::{Grid, Value};
use super::{Problem, column_letters};
use crate::i18n::Text;
use crate::registry::{Date, Registry};
use crate::t;

mod people;
mod row;

/// A person already in people/: what matching needs.
#[derive(Clone, Debug)]
pub struct KnownPerson {
    pub id: String,
    pub name: String,
    pub employer: Option<String>,
}

/// A person the import creates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewPerson {
    pub name: String,
    pub employer: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub gender: Option<&'static str>,
}

/// One `[[member]]` entry to add.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seat {
    pub person: String,
    pub role: &'static str,
    pub region: Option<String>,
    pub organisation: Option<String>,
    pub constituency: Option<String>,
    pub proposed: Option<Date>,
    pub consented: Option<Date>,
    pub leader_cleared: Option<Date>,
    pub appointed: Option<Date>,
    pub appointed_by: Option<String>,
    pub letter: Option<String>,
    pub notified: Option<Date>,
    pub term_end: Option<Date>,
    pub ended: Option<Date>,
    pub end_reason: Option<String>,
}

/// What makes a seat the same seat: person, role, proposal and appointment.
type SeatKey = (String, String, Option<Date>, Option<Date>);

/// What a group the rows may name looks like.
#[derive(Clone, Debug, Default)]
pub struct GroupInfo {
    pub constituencies: Vec<String>,
    /// (person, role, proposed, appointed) of the seats it already has.
    pub seats: BTreeSet<SeatKey>,
}

impl GroupInfo {
    pub fn of(reg: &Registry, id: &str) -> GroupInfo {
        let Some(g) = reg.group(id) else {
            return GroupInfo::default();
        };
        GroupInfo {
            constituencies: g.constituencies.iter().map(|c| c.value.clone()).collect(),
            seats: g
                .members
                .iter()
                .map(|m| {
                    (
                        m.person_id().unwrap_or("").to_string(),
                        m.role().map_or("", |r| r.as_str()).to_string(),
                        m.proposed.as_ref().map(|d| d.value),
                        m.appointed.as_ref().map(|d| d.value),
                    )
                })
                .collect(),
        }
    }
}

/// Which group the rows of a sheet belong to.
#[derive(Clone, Copy, Debug)]
pub enum Target<'a> {
    /// `import members --group G`: every row, except rows whose `gruppe` column names another
    /// group (skipped, said once).
    Only(&'a str),
    /// `import registry`: the `gruppe` column, else this group (the sheet's name), if any.
    ByColumn(Option<&'a str>),
}

/// Everything read so far, over one or more sheets.
#[derive(Debug, Default)]
pub struct Import {
    known: Vec<KnownPerson>,
    /// Person ids in use: files on disk and people created by this import.
    taken: BTreeSet<String>,
    /// (loose name, employer) → id, for people created by this import.
    created: BTreeMap<(String, Option<String>), String>,
    pub new_people: BTreeMap<String, NewPerson>,
    /// (group, (person, role, proposed, appointed)) of every seat read, to skip a repeated row.
    read: BTreeSet<(String, SeatKey)>,
    /// Per group, the seats to add in file order.
    pub seats: BTreeMap<String, Vec<Seat>>,
    pub problems: Vec<Problem>,
    pub notes: Vec<Text>,
    /// Rows already in the registry.
    pub unchanged: usize,
    /// Rows read into a seat.
    pub rows: usize,
}

impl Import {
    pub fn new(known: Vec<KnownPerson>) -> Import {
        let taken = known.iter().map(|p| p.id.clone()).collect();
        Import {
            known,
            taken,
            ..Import::default()
        }
    }

    fn problem(&mut self, g: &Grid, row: usize, col: Option<usize>, text: Text) {
        self.problems.push(Problem {
            file: g.label.clone(),
            row: row as u32 + 1,
            col: col.map(|c| c as u32),
            text,
        });
    }

    /// Reads the rows of one sheet; `groups` are the groups a row may name.
    pub fn sheet(
        &mut self,
        reg: &Registry,
        grid: &Grid,
        target: Target<'_>,
        groups: &BTreeMap<String, GroupInfo>,
    ) {
        let Some(head_row) = grid
            .rows
            .iter()
            .position(|r| r.iter().any(|c| !c.is_empty()))
        else {
            self.problem(
                grid,
                0,
                None,
                t!(
                    "the sheet is empty; expected a header row with the columns navn and rolle (name and role)",
                    "arket er tomt; forventet en overskriftsrad med kolonnene navn og rolle"
                ),
            );
            return;
        };
        let header = Header::read(head_row, &grid.rows[head_row]);
        self.merged(grid, head_row);
        let mut missing = false;
        for (field, nb, en) in [
            (Field::Name, "navn", "name"),
            (Field::Role, "rolle", "role"),
        ] {
            if header.col(field).is_none() {
                missing = true;
                let found: Vec<String> = grid.rows[head_row]
                    .iter()
                    .map(Value::shown)
                    .filter(|s| !s.is_empty())
                    .collect();
                let found = found.join(", ");
                self.problem(
                    grid,
                    head_row,
                    None,
                    t!(
                        "the header has no column `{nb}` (or `{en}`); the header row holds: {found}",
                        "overskriftsraden har ingen kolonne `{nb}` (eller `{en}`); raden har: {found}"
                    ),
                );
            }
        }
        for (c, text) in &header.twice {
            let col = column_letters(*c as u32);
            let (c, text) = (*c, text.clone());
            self.problem(
                grid,
                head_row,
                Some(c),
                t!(
                    "the column «{text}» ({col}) appears twice; keep one",
                    "kolonnen «{text}» ({col}) finnes to ganger; behold én"
                ),
            );
        }
        if missing {
            return;
        }
        if matches!(target, Target::ByColumn(None)) && header.col(Field::Group).is_none() {
            let text = match &grid.sheet {
                Some(sheet) => t!(
                    "the sheet «{sheet}» is not named after a group and has no column gruppe (group); rename the sheet to the group's id or add the column",
                    "arket «{sheet}» heter ikke som en gruppe og har ingen kolonne gruppe; gi arket navnet til gruppens id, eller legg til kolonnen"
                ),
                None => t!(
                    "the file has no column gruppe (group) that says which group each row belongs to; add it, or use `mandat import members --group ID`",
                    "filen har ingen kolonne gruppe som sier hvilken gruppe hver rad hører til; legg den til, eller bruk `mandat import members --group ID`"
                ),
            };
            self.problem(grid, head_row, None, text);
            return;
        }
        if !header.unknown.is_empty() {
            let list: Vec<String> = header
                .unknown
                .iter()
                .map(|(c, t)| format!("«{t}» ({})", column_letters(*c as u32)))
                .collect();
            let list = list.join(", ");
            let file = &grid.label;
            self.notes.push(t!(
                "{file}: ignored the columns it does not know: {list}",
                "{file}: så bort fra kolonner som ikke er kjent: {list}"
            ));
        }
        let last = grid
            .rows
            .iter()
            .rposition(|r| r.iter().any(|c| !c.is_empty()))
            .unwrap_or(head_row);
        let mut empty = Vec::new();
        let mut other_groups = 0usize;
        // Rows that a merged region reaches into below its first row: already reported.
        let covered: BTreeSet<usize> = grid
            .merged
            .iter()
            .flat_map(|&((r0, _), (r1, _))| (r0 as usize + 1)..=(r1 as usize))
            .collect();
        for r in head_row + 1..=last {
            if covered.contains(&r) {
                continue;
            }
            let cells = &grid.rows[r];
            if cells.iter().all(Value::is_empty) {
                empty.push(r + 1);
                continue;
            }
            let named = header
                .col(Field::Group)
                .map(|c| grid.cell(r, c).shown())
                .filter(|s| !s.is_empty());
            let group = match (target, named) {
                (Target::Only(g), Some(n)) if n != g => {
                    other_groups += 1;
                    continue;
                }
                (Target::Only(g), _) => g.to_string(),
                (Target::ByColumn(_), Some(n)) => n,
                (Target::ByColumn(Some(g)), None) => g.to_string(),
                (Target::ByColumn(None), None) => {
                    let col = header.col(Field::Group);
                    self.problem(
                        grid,
                        r,
                        col,
                        t!(
                            "the row names no group: fill in the column gruppe (group), or name the sheet after the group's id",
                            "raden oppgir ingen gruppe: fyll inn kolonnen gruppe, eller gi arket navnet til gruppens id"
                        ),
                    );
                    continue;
                }
            };
            let Some(info) = groups.get(&group) else {
                let known: Vec<&str> = groups.keys().map(String::as_str).collect();
                let text = match crate::registry::read::nearest(&group, known.iter().copied()) {
                    Some(near) => t!(
                        "«{group}» is not a group; did you mean «{near}»?",
                        "«{group}» er ikke en gruppe; mente du «{near}»?"
                    ),
                    None => {
                        let known = known.join(", ");
                        t!(
                            "«{group}» is not a group; the groups are: {known}",
                            "«{group}» er ikke en gruppe; gruppene er: {known}"
                        )
                    }
                };
                self.problem(grid, r, header.col(Field::Group), text);
                continue;
            };
            self.row(reg, grid, &header, r, &group, info);
        }
        if !empty.is_empty() {
            let rows: Vec<String> = empty.iter().map(|r| r.to_string()).collect();
            let (rows, file) = (rows.join(", "), &grid.label);
            self.notes.push(if empty.len() == 1 {
                t!(
                    "{file}: skipped the empty row {rows}",
                    "{file}: hoppet over den tomme raden {rows}"
                )
            } else {
                t!(
                    "{file}: skipped the empty rows {rows}",
                    "{file}: hoppet over de tomme radene {rows}"
                )
            });
        }
        if other_groups > 0 {
            let file = &grid.label;
            self.notes.push(t!(
                "{file}: skipped {other_groups} rows of other groups (column gruppe)",
                "{file}: hoppet over {other_groups} rader for andre grupper (kolonnen gruppe)"
            ));
        }
        let formulas: Vec<&(u32, u32)> = grid
            .formulas
            .iter()
            .filter(|(r, _)| (*r as usize) > head_row && (*r as usize) <= last)
            .collect();
        if let Some((r, c)) = formulas.first() {
            let at = format!("{}{}", column_letters(*c), r + 1);
            let more = formulas.len() - 1;
            let file = &grid.label;
            self.notes.push(if more == 0 {
                t!(
                    "{file}: the cell {at} holds a formula; its computed value was used",
                    "{file}: cellen {at} har en formel; den beregnede verdien ble brukt"
                )
            } else {
                t!(
                    "{file}: the cell {at} and {more} more hold formulas; their computed values were used",
                    "{file}: cellen {at} og {more} til har formler; de beregnede verdiene ble brukt"
                )
            });
        }
    }

    /// A merged region below the header hides every value but its first: refused.
    fn merged(&mut self, grid: &Grid, head_row: usize) {
        for &((r0, c0), (r1, c1)) in &grid.merged {
            if (r1 as usize) < head_row || (r0 == r1 && c0 == c1) {
                continue;
            }
            let span = format!(
                "{}{}:{}{}",
                column_letters(c0),
                r0 + 1,
                column_letters(c1),
                r1 + 1
            );
            self.problem(
                grid,
                r0 as usize,
                Some(c0 as usize),
                t!(
                    "the cells {span} are merged; unmerge them and write the value in every row",
                    "cellene {span} er slått sammen; del dem opp og skriv verdien i hver rad"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kari(id: &str, employer: Option<&str>) -> KnownPerson {
        KnownPerson {
            id: id.into(),
            name: "Kari Nordmann".into(),
            employer: employer.map(String::from),
        }
    }

    #[test]
    fn people_are_matched_by_name_and_employer() {
        let mut imp = Import::new(vec![kari("kari-nordmann", Some("unn"))]);
        assert_eq!(
            imp.person(" kari  NORDMANN", Some("unn"), None),
            Ok("kari-nordmann".into())
        );
        // No employer in the row: the one person of that name.
        assert_eq!(
            imp.person("Kari Nordmann", None, None),
            Ok("kari-nordmann".into())
        );
        assert!(imp.new_people.is_empty());
    }

    #[test]
    fn a_new_person_gets_a_free_id_and_keeps_it_for_later_rows() {
        let mut imp = Import::new(vec![kari("kari-nordmann", Some("unn"))]);
        let id = imp.person("Kari Nordmann", Some("ous"), None);
        assert_eq!(id, Ok("kari-nordmann-2".into()));
        assert_eq!(imp.person("Kari Nordmann", Some("ous"), None), id);
        assert_eq!(
            imp.person("Kari Nordmann", Some("helse-bergen"), None),
            Ok("kari-nordmann-3".into())
        );
        assert_eq!(imp.person("Bjørn Ås", None, None), Ok("bjorn-as".into()));
        // The id of the `person` column, when it is free.
        assert_eq!(
            imp.person("Ola Hansen", None, Some("ola-h".into())),
            Ok("ola-h".into())
        );
        assert_eq!(imp.new_people.len(), 4);
        assert_eq!(
            imp.new_people["kari-nordmann-2"].employer.as_deref(),
            Some("ous")
        );
    }

    #[test]
    fn a_name_without_letters_is_refused() {
        let mut imp = Import::new(Vec::new());
        // `12` is not an id: an id starts with a letter.
        assert!(imp.person("§§ 12", None, None).is_err());
        let e = imp.person("!!!", None, None).unwrap_err();
        assert!(e.en.contains("cannot make a person id"), "{}", e.en);
    }
}
