//! The `grupper` (`groups`) sheet of `mandat import registry`: one row per group, read into the
//! group.toml of every group that does not exist yet. A group that exists is left as it is.

use std::collections::BTreeMap;

use toml_edit::Table;

use super::Problem;
use super::columns::{self, normalise};
use super::sheet::{Grid, Value};
use crate::edit::doc::{date, str_array};
use crate::i18n::Text;
use crate::registry::{Registry, is_valid_id};
use crate::t;

/// The columns of the `grupper` sheet.
const GROUP_HEADERS: &[(&str, &str)] = &[
    ("id", "id"),
    ("navn", "name"),
    ("name", "name"),
    ("profil", "profile"),
    ("profile", "profile"),
    ("tjeneste", "service"),
    ("tjenesten", "service"),
    ("service", "service"),
    ("vert", "host"),
    ("vertskap", "host"),
    ("host", "host"),
    ("ansvarlig", "responsible"),
    ("responsible", "responsible"),
    ("eier", "owner"),
    ("owner", "owner"),
    ("prosess", "process"),
    ("process", "process"),
    ("rapporterer til", "reports-to"),
    ("reports to", "reports-to"),
    ("målgrupper", "constituencies"),
    ("constituencies", "constituencies"),
    ("opprettet", "established"),
    ("established", "established"),
];

/// The rows of a `grupper` sheet: a group.toml for every group that does not exist yet.
pub fn read(
    reg: &Registry,
    g: &Grid,
    existing: &[String],
    out: &mut BTreeMap<String, Table>,
    problems: &mut Vec<Problem>,
    today: crate::registry::Date,
) {
    let mut problem = |row: usize, col: Option<usize>, text: Text| {
        problems.push(Problem {
            file: g.label.clone(),
            row: row as u32 + 1,
            col: col.map(|c| c as u32),
            text,
        })
    };
    let Some(head) = g.rows.iter().position(|r| r.iter().any(|c| !c.is_empty())) else {
        return;
    };
    let mut cols: BTreeMap<&str, usize> = BTreeMap::new();
    for (c, v) in g.rows[head].iter().enumerate() {
        let key = normalise(&v.shown());
        if let Some((_, k)) = GROUP_HEADERS.iter().find(|(h, _)| *h == key) {
            cols.entry(k).or_insert(c);
        }
    }
    for k in ["id", "name", "profile"] {
        if !cols.contains_key(k) {
            problem(
                head,
                None,
                t!(
                    "the groups sheet has no column `{k}`; it needs id, navn (name) and profil (profile)",
                    "arket grupper har ingen kolonne `{k}`; det trenger id, navn og profil"
                ),
            );
        }
    }
    if ["id", "name", "profile"]
        .iter()
        .any(|k| !cols.contains_key(k))
    {
        return;
    }
    for r in head + 1..g.rows.len() {
        if g.rows[r].iter().all(Value::is_empty) {
            continue;
        }
        let cell = |k: &str| -> Option<(usize, String)> {
            let c = *cols.get(k)?;
            let v = g.cell(r, c).shown();
            (!v.is_empty()).then_some((c, v))
        };
        let Some((idc, id)) = cell("id") else {
            problem(
                r,
                cols.get("id").copied(),
                t!("the group id is empty", "gruppe-id-en er tom"),
            );
            continue;
        };
        if !is_valid_id(&id) {
            problem(
                r,
                Some(idc),
                t!(
                    "«{id}» is not a valid group id: use a-z, 0-9 and -, starting with a letter",
                    "«{id}» er ikke en gyldig gruppe-id: bruk a-z, 0-9 og -, og start med en bokstav"
                ),
            );
            continue;
        }
        if existing.contains(&id) || out.contains_key(&id) {
            continue;
        }
        let mut t = Table::new();
        let name = cell("name").map(|x| x.1).unwrap_or_default();
        if name.is_empty() {
            problem(
                r,
                cols.get("name").copied(),
                t!("the group's name is empty", "gruppens navn er tomt"),
            );
            continue;
        }
        t.insert("name", toml_edit::value(name));
        let (pc, p) = cell("profile").unwrap_or((cols["profile"], String::new()));
        let profile = match normalise(&p).as_str() {
            "national service" | "nasjonal tjeneste" => "national-service",
            "municipal advisory" | "kommunal rådgivende" | "kommunal" => "municipal-advisory",
            "advisory" | "rådgivende" => "advisory",
            _ => {
                problem(
                    r,
                    Some(pc),
                    t!(
                        "«{p}» is not a profile; expected national-service, municipal-advisory or advisory (nasjonal tjeneste, kommunal rådgivende, rådgivende)",
                        "«{p}» er ikke en profil; forventet nasjonal tjeneste, kommunal rådgivende eller rådgivende (national-service, municipal-advisory, advisory)"
                    ),
                );
                continue;
            }
        };
        t.insert("profile", toml_edit::value(profile));
        let mut ok = true;
        if let Some((_, v)) = cell("service") {
            t.insert("service", toml_edit::value(v));
        }
        if let Some((c, v)) = cell("host") {
            let mut hosts = Vec::new();
            for part in v.split([',', ';']).map(str::trim).filter(|p| !p.is_empty()) {
                match columns::organisation(reg, part) {
                    Ok(id) => hosts.push(id),
                    Err(e) => {
                        problem(r, Some(c), e);
                        ok = false;
                    }
                }
            }
            t.insert(
                "host",
                toml_edit::Item::Value(str_array(hosts.iter().map(String::as_str))),
            );
        }
        for k in ["responsible", "owner"] {
            if let Some((c, v)) = cell(k) {
                match columns::organisation(reg, &v) {
                    Ok(id) => {
                        t.insert(k, toml_edit::value(id));
                    }
                    Err(e) => {
                        problem(r, Some(c), e);
                        ok = false;
                    }
                }
            }
        }
        for k in ["process", "reports-to"] {
            if let Some((_, v)) = cell(k) {
                t.insert(k, toml_edit::value(v));
            }
        }
        if let Some((c, v)) = cell("constituencies") {
            let ids: Vec<&str> = v
                .split([',', ';'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            if let Some(bad) = ids.iter().find(|i| !is_valid_id(i)) {
                problem(
                    r,
                    Some(c),
                    t!(
                        "«{bad}» is not a valid constituency id: use a-z, 0-9 and -",
                        "«{bad}» er ikke en gyldig målgruppe-id: bruk a-z, 0-9 og -"
                    ),
                );
                ok = false;
            }
            t.insert("constituencies", toml_edit::Item::Value(str_array(ids)));
        }
        let established = match cols.get("established").map(|&c| (c, g.cell(r, c))) {
            Some((c, v)) if !v.is_empty() => match columns::date(v) {
                Ok(d) => d,
                Err(e) => {
                    problem(r, Some(c), e);
                    ok = false;
                    today
                }
            },
            _ => today,
        };
        t.insert("established", toml_edit::Item::Value(date(established)));
        if ok {
            out.insert(id, t);
        }
    }
}
