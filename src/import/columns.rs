//! The columns of a member list and the values in them, in Norwegian or English (cli.md,
//! «`mandat import members`»): which column is which, and reading a role, a date, a gender, a
//! region or an organisation from a cell. Every reader returns what it expected when the cell
//! does not hold it, for the `FILE:row:column` message.

use std::collections::BTreeMap;

use super::sheet::{Value, date_from_serial};
use crate::i18n::Text;
use crate::registry::{Date, Registry};
use crate::t;

/// A column the importer knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Name,
    Role,
    Region,
    Employer,
    Organisation,
    Constituency,
    Proposed,
    Consented,
    LeaderCleared,
    Appointed,
    AppointedBy,
    Letter,
    Notified,
    TermEnd,
    Ended,
    EndReason,
    Email,
    Phone,
    Gender,
    /// What `list members` writes: the region, organisation or constituency of the seat.
    Represents,
    /// The group a row belongs to (`import registry`, and `list members` output).
    Group,
    /// A person id (`list members` output): used for a new person, or to find an existing one.
    Person,
}

/// Header names, normalised (see [`normalise`]). The contract's names first; then the headings
/// `mandat list members --format xlsx` writes, so that its output imports again.
const HEADERS: &[(&str, Field)] = &[
    ("navn", Field::Name),
    ("name", Field::Name),
    ("rolle", Field::Role),
    ("role", Field::Role),
    ("region", Field::Region),
    ("arbeidsgiver", Field::Employer),
    ("employer", Field::Employer),
    ("organisasjon", Field::Organisation),
    ("organisation", Field::Organisation),
    ("organization", Field::Organisation),
    ("målgruppe", Field::Constituency),
    ("constituency", Field::Constituency),
    ("foreslått", Field::Proposed),
    ("proposed", Field::Proposed),
    ("samtykke", Field::Consented),
    ("consented", Field::Consented),
    ("leder avklart", Field::LeaderCleared),
    ("leader cleared", Field::LeaderCleared),
    ("oppnevnt", Field::Appointed),
    ("appointed", Field::Appointed),
    ("oppnevnt av", Field::AppointedBy),
    ("appointed by", Field::AppointedBy),
    ("brev", Field::Letter),
    ("letter", Field::Letter),
    ("kunngjort", Field::Notified),
    ("notified", Field::Notified),
    ("funksjonstid til", Field::TermEnd),
    ("term end", Field::TermEnd),
    ("periode til", Field::TermEnd),
    ("sluttet", Field::Ended),
    ("ended", Field::Ended),
    ("sluttårsak", Field::EndReason),
    ("end reason", Field::EndReason),
    ("e post", Field::Email),
    ("epost", Field::Email),
    ("email", Field::Email),
    ("e mail", Field::Email),
    ("telefon", Field::Phone),
    ("phone", Field::Phone),
    ("kjønn", Field::Gender),
    ("gender", Field::Gender),
    ("representerer", Field::Represents),
    ("represents", Field::Represents),
    ("gruppe", Field::Group),
    ("group", Field::Group),
    ("person", Field::Person),
    ("person id", Field::Person),
];

/// Case, `-`, `_` and runs of spaces ignored: `Leder-avklart ` → `leder avklart`.
pub fn normalise(s: &str) -> String {
    s.to_lowercase()
        .replace(['-', '_', '.', ':', '*'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The header row, read.
#[derive(Clone, Debug, Default)]
pub struct Header {
    /// 0-based row of the header.
    pub row: usize,
    pub cols: BTreeMap<Field, usize>,
    /// Columns not recognised: (0-based column, heading).
    pub unknown: Vec<(usize, String)>,
    /// A column recognised twice: (0-based column, heading) of the second.
    pub twice: Vec<(usize, String)>,
}

impl Header {
    pub fn read(row: usize, cells: &[Value]) -> Header {
        let mut h = Header {
            row,
            ..Header::default()
        };
        for (c, cell) in cells.iter().enumerate() {
            let text = cell.shown();
            if text.is_empty() {
                continue;
            }
            let key = normalise(&text);
            match HEADERS.iter().find(|(k, _)| *k == key) {
                Some((_, f)) if h.cols.contains_key(f) => h.twice.push((c, text)),
                Some((_, f)) => {
                    h.cols.insert(*f, c);
                }
                None => h.unknown.push((c, text)),
            }
        }
        h
    }

    pub fn col(&self, f: Field) -> Option<usize> {
        self.cols.get(&f).copied()
    }
}

/// The heading names, for "did you mean".
pub fn known_headings() -> impl Iterator<Item = &'static str> {
    HEADERS.iter().map(|(k, _)| *k)
}

/// Role words (normalised) → the role id.
const ROLES: &[(&str, &str)] = &[
    ("regional", "regional"),
    ("regionrepresentant", "regional"),
    ("service", "service"),
    ("tjenesten", "service"),
    ("tjeneste", "service"),
    ("user", "user"),
    ("bruker", "user"),
    ("brukerrepresentant", "user"),
    ("other", "other"),
    ("annen", "other"),
    ("annet", "other"),
    ("constituency", "constituency"),
    ("målgruppe", "constituency"),
];

pub fn role(cell: &str) -> Result<&'static str, Text> {
    let key = normalise(cell);
    if let Some((_, id)) = ROLES.iter().find(|(k, _)| *k == key) {
        return Ok(id);
    }
    let en = "regional, service, user, other, constituency";
    let nb = "regionrepresentant, tjenesten, brukerrepresentant, annen, målgruppe";
    let near = crate::registry::read::nearest(&key, ROLES.iter().map(|(k, _)| *k));
    Err(match near {
        Some(near) => t!(
            "«{cell}» is not a role; did you mean «{near}»? (roles: {en})",
            "«{cell}» er ikke en rolle; mente du «{near}»? (rollene: {nb})"
        ),
        None => t!(
            "«{cell}» is not a role; expected one of {en}",
            "«{cell}» er ikke en rolle; forventet en av {nb}"
        ),
    })
}

pub fn gender(cell: &str) -> Result<&'static str, Text> {
    match normalise(cell).as_str() {
        "kvinne" | "female" | "k" | "f" => Ok("female"),
        "mann" | "male" | "m" => Ok("male"),
        "annet" | "other" => Ok("other"),
        _ => Err(t!(
            "«{cell}» is not a gender; expected female, male or other (kvinne, mann, annet)",
            "«{cell}» er ikke et kjønn; forventet kvinne, mann eller annet (female, male, other)"
        )),
    }
}

/// A date from a date cell, a spreadsheet serial number, `YYYY-MM-DD` or `DD.MM.YYYY`.
pub fn date(v: &Value) -> Result<Date, Text> {
    let expected = t!(
        "expected a date: YYYY-MM-DD, DD.MM.YYYY or a spreadsheet date",
        "forventet en dato: ÅÅÅÅ-MM-DD, DD.MM.ÅÅÅÅ eller en regnearkdato"
    );
    let (xe, xn) = (&expected.en, &expected.nb);
    let cell = v.shown();
    match v {
        Value::Date(d) => return Ok(*d),
        Value::Number(n) => {
            return date_from_serial(*n).ok_or_else(|| {
                t!(
                    "«{cell}» is not a date ({xe})",
                    "«{cell}» er ikke en dato ({xn})"
                )
            });
        }
        _ => {}
    }
    let s = cell.trim();
    let parts: Option<(i32, u32, u32)> = if let Some((y, rest)) = s.split_once('-') {
        rest.split_once('-')
            .and_then(|(m, d)| Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)))
            .filter(|_| y.len() == 4)
    } else if let Some((d, rest)) = s.split_once('.') {
        rest.split_once('.')
            .and_then(|(m, y)| Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)))
            .filter(|_| s.rsplit('.').next().is_some_and(|y| y.len() == 4))
    } else {
        None
    };
    match parts {
        Some((y, m, d)) => Date::from_ymd_opt(y, m, d).ok_or_else(|| {
            t!(
                "«{cell}» is not a day that exists; check the day and the month",
                "«{cell}» er ikke en dag som finnes; sjekk dagen og måneden"
            )
        }),
        None => Err(t!(
            "«{cell}» is not a date ({xe})",
            "«{cell}» er ikke en dato ({xn})"
        )),
    }
}

/// An organisation or region name with case, «HF»/«RHF» and spacing ignored.
fn loose(s: &str) -> String {
    s.to_lowercase()
        .split_whitespace()
        .filter(|w| *w != "hf" && *w != "rhf")
        .collect::<Vec<_>>()
        .join(" ")
}

/// (id, name) of the candidates a cell may name.
type Named<'a> = Vec<(&'a str, &'a str)>;

/// The one candidate `cell` names: by id or name, exact, else unambiguous after ignoring case,
/// «HF»/«RHF» and spacing.
fn find_named(cell: &str, candidates: &Named<'_>, what: Text) -> Result<String, Text> {
    let cell = cell.trim();
    let exact: Vec<&str> = candidates
        .iter()
        .filter(|(id, name)| *id == cell || *name == cell)
        .map(|(id, _)| *id)
        .collect();
    let key = loose(cell);
    let found = if exact.len() == 1 {
        exact
    } else {
        candidates
            .iter()
            .filter(|(id, name)| loose(id) == key || loose(name) == key)
            .map(|(id, _)| *id)
            .collect()
    };
    let (we, wn) = (&what.en, &what.nb);
    match found.as_slice() {
        [one] => Ok(one.to_string()),
        [] => {
            let names: Vec<String> = candidates.iter().map(|(_, n)| loose(n)).collect();
            let near = crate::registry::read::nearest(&key, names.iter().map(String::as_str))
                .and_then(|n| candidates.iter().find(|(_, name)| loose(name) == n))
                .map(|(_, name)| *name);
            Err(match near {
                Some(near) => t!(
                    "«{cell}» is not a known {we}; did you mean «{near}»?",
                    "«{cell}» er ikke en kjent {wn}; mente du «{near}»?"
                ),
                None => t!(
                    "«{cell}» is not a known {we}; give its id or name as in organisations.toml",
                    "«{cell}» er ikke en kjent {wn}; oppgi id-en eller navnet slik det står i organisations.toml"
                ),
            })
        }
        many => {
            let ids = many.join(", ");
            Err(t!(
                "«{cell}» matches more than one {we} ({ids}); write the id instead",
                "«{cell}» passer på mer enn én {wn} ({ids}); skriv id-en i stedet"
            ))
        }
    }
}

pub fn region(reg: &Registry, cell: &str) -> Result<String, Text> {
    let c: Named<'_> = reg
        .regions
        .iter()
        .map(|r| {
            (
                r.id.as_str(),
                r.name.as_ref().map_or(r.id.as_str(), |n| n.as_str()),
            )
        })
        .collect();
    find_named(cell, &c, t!("region", "region"))
}

pub fn organisation(reg: &Registry, cell: &str) -> Result<String, Text> {
    let c: Named<'_> = reg
        .organisations
        .iter()
        .map(|o| {
            (
                o.id.as_str(),
                o.name.as_ref().map_or(o.id.as_str(), |n| n.as_str()),
            )
        })
        .collect();
    find_named(cell, &c, t!("organisation", "organisasjon"))
}

/// A region (an RHF) or an organisation: who appointed.
pub fn appointer(reg: &Registry, cell: &str) -> Result<String, Text> {
    region(reg, cell).or_else(|_| organisation(reg, cell))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_either_language() {
        let cells: Vec<Value> = [
            "Navn",
            "ROLLE",
            "Leader-cleared",
            "Oppnevnt av",
            "Skonummer",
        ]
        .iter()
        .map(|s| Value::Text(s.to_string()))
        .collect();
        let h = Header::read(0, &cells);
        assert_eq!(h.col(Field::Name), Some(0));
        assert_eq!(h.col(Field::Role), Some(1));
        assert_eq!(h.col(Field::LeaderCleared), Some(2));
        assert_eq!(h.col(Field::AppointedBy), Some(3));
        assert_eq!(h.unknown, vec![(4, "Skonummer".to_string())]);
    }

    #[test]
    fn roles_in_either_language() {
        assert_eq!(role("Brukerrepresentant"), Ok("user"));
        assert_eq!(role("tjenesten"), Ok("service"));
        assert_eq!(role("Målgruppe"), Ok("constituency"));
        let e = role("regionl").unwrap_err();
        assert!(e.en.contains("did you mean «regional»"), "{}", e.en);
    }

    #[test]
    fn dates_in_three_shapes() {
        let d = Date::from_ymd_opt(2025, 3, 14);
        assert_eq!(date(&Value::Text("2025-03-14".into())).ok(), d);
        assert_eq!(date(&Value::Text("14.03.2025".into())).ok(), d);
        assert_eq!(date(&Value::Text("14.3.2025".into())).ok(), d);
        assert_eq!(date(&Value::Number(45730.0)).ok(), d);
        let e = date(&Value::Text("31.02.2025".into())).unwrap_err();
        assert!(e.en.contains("not a day that exists"), "{}", e.en);
        let e = date(&Value::Text("i fjor".into())).unwrap_err();
        assert!(e.en.contains("expected a date"), "{}", e.en);
        assert!(date(&Value::Text("14.03.25".into())).is_err());
    }

    #[test]
    fn genders_in_either_language() {
        assert_eq!(gender("Kvinne"), Ok("female"));
        assert_eq!(gender("male"), Ok("male"));
        assert!(gender("x").is_err());
    }

    #[test]
    fn names_match_loosely_but_not_ambiguously() {
        let c: Named<'_> = vec![
            ("helse-nord", "Helse Nord RHF"),
            ("innlandet", "Sykehuset Innlandet HF"),
            ("innlandet-stiftelse", "Sykehuset Innlandet"),
        ];
        let what = t!("region", "region");
        assert_eq!(
            find_named("helse nord", &c, what.clone()),
            Ok("helse-nord".into())
        );
        assert_eq!(
            find_named("Helse  Nord RHF", &c, what.clone()),
            Ok("helse-nord".into())
        );
        assert_eq!(
            find_named("Sykehuset Innlandet", &c, what.clone()),
            Ok("innlandet-stiftelse".into())
        );
        let e = find_named("sykehuset innlandet", &c, what.clone()).unwrap_err();
        assert!(e.en.contains("more than one"), "{}", e.en);
        let e = find_named("Helse Nordd", &c, what).unwrap_err();
        assert!(e.en.contains("did you mean «Helse Nord RHF»"), "{}", e.en);
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text in a date, role or gender cell is read or refused with a message, never a
        /// panic; a refused date quotes the cell.
        #[test]
        fn any_cell_is_read_or_refused(cell in "\\PC{0,24}") {
            match date(&Value::Text(cell.clone())) {
                Ok(_) => {}
                Err(e) => prop_assert!(e.en.contains(cell.trim())),
            }
            let _ = role(&cell);
            let _ = gender(&cell);
        }
    }
}
