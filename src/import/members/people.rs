//! Matching a row's person to one in people/, or making a new one with a free id.

use super::{Import, KnownPerson, NewPerson};
use crate::i18n::Text;
use crate::registry::{id_from_name, is_valid_id};
use crate::t;

/// A name with its spacing and case ignored.
fn loose_name(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Import {
    /// The id of the person a row names: found, or created.
    pub(super) fn person(
        &mut self,
        name: &str,
        employer: Option<&str>,
        id: Option<String>,
    ) -> Result<String, Text> {
        let key = (loose_name(name), employer.map(str::to_string));
        if let Some(id) = self.created.get(&key) {
            return Ok(id.clone());
        }
        let same_name: Vec<&KnownPerson> = self
            .known
            .iter()
            .filter(|p| loose_name(&p.name) == key.0)
            .collect();
        if let Some(id) = &id
            && let Some(p) = same_name.iter().find(|p| &p.id == id)
        {
            return Ok(p.id.clone());
        }
        let matched: Vec<&&KnownPerson> = match employer {
            Some(e) => same_name
                .iter()
                .filter(|p| p.employer.as_deref() == Some(e))
                .collect(),
            None if same_name.len() == 1 => same_name.iter().collect(),
            None => same_name.iter().filter(|p| p.employer.is_none()).collect(),
        };
        if let [one] = matched.as_slice() {
            return Ok(one.id.clone());
        }
        let base = match id.filter(|i| is_valid_id(i)) {
            Some(i) => i,
            None => id_from_name(name),
        };
        if !is_valid_id(&base) {
            return Err(t!(
                "cannot make a person id from the name «{name}»; write the name with letters a-z",
                "kan ikke lage en person-id av navnet «{name}»; skriv navnet med bokstaver a-z"
            ));
        }
        let mut id = base.clone();
        let mut n = 2;
        while self.taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.taken.insert(id.clone());
        self.created.insert(key, id.clone());
        self.new_people.insert(
            id.clone(),
            NewPerson {
                name: name.split_whitespace().collect::<Vec<_>>().join(" "),
                employer: employer.map(str::to_string),
                ..NewPerson::default()
            },
        );
        Ok(id)
    }
}
