//! One row of a member list: each column read and checked, then a person (found or new) and a
//! seat.

use super::{GroupInfo, Import, Seat};
use crate::i18n::Text;
use crate::import::columns::{self, Field, Header};
use crate::import::sheet::{Grid, Value};
use crate::registry::{Date, Registry};
use crate::t;

impl Import {
    /// One row → a person (found or new) and a seat.
    pub(super) fn row(
        &mut self,
        reg: &Registry,
        grid: &Grid,
        header: &Header,
        r: usize,
        group: &str,
        info: &GroupInfo,
    ) {
        let before = self.problems.len();
        let text = |f: Field| -> Option<(usize, String)> {
            let c = header.col(f)?;
            let v = grid.cell(r, c).shown();
            (!v.is_empty()).then_some((c, v))
        };
        // A formula whose cached value is an error.
        for (c, v) in grid.rows[r].iter().enumerate() {
            if let Value::Error(e) = v
                && header.cols.values().any(|&k| k == c)
            {
                let e = e.clone();
                self.problem(
                    grid,
                    r,
                    Some(c),
                    t!(
                        "the cell holds the formula error {e}; fix the formula or type the value",
                        "cellen har formelfeilen {e}; rett formelen eller skriv verdien"
                    ),
                );
            }
        }
        let name = text(Field::Name);
        let role = match text(Field::Role) {
            Some((c, v)) => match columns::role(&v) {
                Ok(role) => Some(role),
                Err(e) => {
                    self.problem(grid, r, Some(c), e);
                    None
                }
            },
            None => {
                self.problem(
                    grid,
                    r,
                    header.col(Field::Role),
                    t!(
                        "the role is empty; expected regional, service, user, other or constituency",
                        "rollen er tom; forventet regional, tjenesten, bruker, annen eller målgruppe"
                    ),
                );
                None
            }
        };
        let Some((name_col, name)) = name else {
            self.problem(
                grid,
                r,
                header.col(Field::Name),
                t!("the name is empty", "navnet er tomt"),
            );
            return;
        };
        let lookup = |me: &mut Import,
                      f: Field,
                      how: fn(&Registry, &str) -> Result<String, Text>|
         -> Option<String> {
            let (c, v) = text(f)?;
            match how(reg, &v) {
                Ok(id) => Some(id),
                Err(e) => {
                    me.problem(grid, r, Some(c), e);
                    None
                }
            }
        };
        let employer = lookup(self, Field::Employer, columns::organisation);
        let mut region = lookup(self, Field::Region, columns::region);
        let mut organisation = lookup(self, Field::Organisation, columns::organisation);
        let appointed_by = lookup(self, Field::AppointedBy, columns::appointer);
        let mut constituency = text(Field::Constituency);
        // `list members` writes one column for what a seat represents; it counts only where
        // the sheet has none of the columns region, organisation and constituency.
        let explicit = [Field::Region, Field::Organisation, Field::Constituency]
            .iter()
            .any(|f| header.col(*f).is_some());
        let represents = text(Field::Represents).filter(|_| !explicit);
        if let (Some(role), Some((c, v))) = (role, represents.clone()) {
            let read = match role {
                "regional" if region.is_none() => {
                    Some(columns::region(reg, &v).map(|x| region = Some(x)))
                }
                "user" | "other" if organisation.is_none() => {
                    Some(columns::organisation(reg, &v).map(|x| organisation = Some(x)))
                }
                "constituency" if constituency.is_none() => {
                    constituency = Some((c, v));
                    None
                }
                _ => None,
            };
            if let Some(Err(e)) = read {
                self.problem(grid, r, Some(c), e);
            }
        }
        let constituency = match constituency {
            Some((c, v)) => {
                let id = info
                    .constituencies
                    .iter()
                    .find(|k| k.as_str() == v || columns::normalise(k) == columns::normalise(&v))
                    .cloned();
                if id.is_none() {
                    let known = info.constituencies.join(", ");
                    let known = if known.is_empty() {
                        "-".to_string()
                    } else {
                        known
                    };
                    self.problem(
                        grid,
                        r,
                        Some(c),
                        t!(
                            "«{v}» is not one of the group's constituencies ({known})",
                            "«{v}» er ikke en av gruppens målgrupper ({known})"
                        ),
                    );
                }
                id
            }
            None => None,
        };
        match role {
            Some("regional")
                if region.is_none() && text(Field::Region).is_none() && represents.is_none() =>
            {
                self.problem(
                    grid,
                    r,
                    header.col(Field::Region).or(Some(name_col)),
                    t!(
                        "a regional seat needs a region (column region): Helse Nord, Helse Midt-Norge, Helse Vest or Helse Sør-Øst",
                        "en regional plass trenger en region (kolonnen region): Helse Nord, Helse Midt-Norge, Helse Vest eller Helse Sør-Øst"
                    ),
                );
            }
            Some("user")
                if organisation.is_none()
                    && text(Field::Organisation).is_none()
                    && represents.is_none() =>
            {
                self.problem(
                    grid,
                    r,
                    header.col(Field::Organisation).or(Some(name_col)),
                    t!(
                        "a user seat needs the user organisation (column organisasjon)",
                        "en brukerplass trenger brukerorganisasjonen (kolonnen organisasjon)"
                    ),
                );
            }
            _ => {}
        }
        let day = |me: &mut Import, f: Field| -> Option<Date> {
            let c = header.col(f)?;
            let v = grid.cell(r, c);
            if v.is_empty() {
                return None;
            }
            match columns::date(v) {
                Ok(d) => Some(d),
                Err(e) => {
                    me.problem(grid, r, Some(c), e);
                    None
                }
            }
        };
        let seat_dates = [
            day(self, Field::Proposed),
            day(self, Field::Consented),
            day(self, Field::LeaderCleared),
            day(self, Field::Appointed),
            day(self, Field::Notified),
            day(self, Field::TermEnd),
            day(self, Field::Ended),
        ];
        let gender = match text(Field::Gender) {
            Some((c, v)) => match columns::gender(&v) {
                Ok(g) => Some(g),
                Err(e) => {
                    self.problem(grid, r, Some(c), e);
                    None
                }
            },
            None => None,
        };
        if self.problems.len() > before {
            return;
        }
        let Some(role) = role else { return };
        let person_col = text(Field::Person);
        let person = match self.person(&name, employer.as_deref(), person_col.map(|(_, v)| v)) {
            Ok(p) => p,
            Err(e) => {
                self.problem(grid, r, Some(name_col), e);
                return;
            }
        };
        if let Some(p) = self.new_people.get_mut(&person) {
            // Contact data and gender from the first row that has them.
            p.email = p.email.take().or(text(Field::Email).map(|x| x.1));
            p.phone = p.phone.take().or(text(Field::Phone).map(|x| x.1));
            p.gender = p.gender.or(gender);
        }
        let [
            proposed,
            consented,
            leader_cleared,
            appointed,
            notified,
            term_end,
            ended,
        ] = seat_dates;
        let key = (person.clone(), role.to_string(), proposed, appointed);
        self.rows += 1;
        if info.seats.contains(&key) || !self.read.insert((group.to_string(), key)) {
            self.unchanged += 1;
            return;
        }
        let seats = self.seats.entry(group.to_string()).or_default();
        seats.push(Seat {
            person,
            role,
            region,
            organisation,
            constituency,
            proposed,
            consented,
            leader_cleared,
            appointed,
            appointed_by,
            letter: text(Field::Letter).map(|x| x.1),
            notified,
            term_end,
            ended,
            end_reason: text(Field::EndReason).map(|x| x.1),
        });
    }
}
