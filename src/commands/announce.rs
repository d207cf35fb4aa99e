//! The announcement of an appointment (M 3: the RHF "sender informasjon om oppnevningen til
//! tjenesten, referansegruppen og de andre regionale helseforetakene"), printed by `notify`.

use std::fmt::Write;

use crate::i18n::{Lang, join_list, pick};
use crate::registry::{Date, Member, Profile, Registry, Role};

/// The text of the announcement of `seats[index]` (the group's seats as loaded), sent on `day`.
pub fn announcement(
    reg: &Registry,
    group_id: &str,
    seats: &[Member],
    index: usize,
    day: Date,
    lang: Lang,
) -> String {
    let e = &seats[index];
    let group = reg.group(group_id).expect("the group was loaded");
    let group_name = group.name.as_ref().map_or(group_id, |n| n.as_str());
    let person = e.person_id().unwrap_or("?");
    let who = reg.person_name(person);
    let by = e.appointed_by.as_ref().map_or("?", |b| b.as_str());
    let by_name = if reg.region(by).is_some() {
        reg.region_name(by)
    } else {
        reg.org_name(by)
    };
    let appointed = e.appointed.as_ref().map_or(day, |a| a.value);
    let role = e.role();
    let region = e.region_id();

    let mut to: Vec<String> = Vec::new();
    match group.profile() {
        Some(Profile::NationalService) => {
            if let Some(s) = &group.service {
                to.push(s.value.clone());
            }
            to.push(group_name.to_string());
            to.extend(
                reg.regions
                    .iter()
                    .filter(|r| r.id.value != by)
                    .map(|r| reg.region_name(&r.id.value).to_string()),
            );
        }
        _ => {
            if let Some(o) = &group.owner {
                to.push(reg.org_name(&o.value).to_string());
            }
            to.push(group_name.to_string());
        }
    }
    let employer = reg
        .person_employer(person)
        .map(|o| reg.org_name(o).to_string());
    let replaced = seats.iter().enumerate().find(|(i, m)| {
        *i != index
            && role.is_some()
            && m.role() == role
            && m.region_id() == region
            && m.last_day()
                .is_some_and(|d| Some(d) == appointed.pred_opt())
    });

    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", pick(lang, "To", "Til"), join_list(&to, lang));
    let _ = writeln!(
        out,
        "{}: {} – {}",
        pick(lang, "Subject", "Emne"),
        pick(lang, "Appointment of a member", "Oppnevning av medlem"),
        group_name
    );
    let _ = writeln!(
        out,
        "{}: {}",
        pick(lang, "Date", "Dato"),
        crate::report::dates::long(day, lang)
    );
    out.push('\n');
    let whom = match &employer {
        Some(emp) => format!("{who} ({emp})"),
        None => who.to_string(),
    };
    let date = crate::report::dates::long(appointed, lang);
    let seat = match (role, region) {
        (Some(Role::Regional), Some(r)) => {
            let rn = reg.region_name(r);
            match lang {
                Lang::En => format!("as the regional representative of {rn}"),
                Lang::Nb => format!("som regional representant for {rn}"),
            }
        }
        (Some(Role::Service), _) => pick(
            lang,
            "as the representative of the service",
            "som representant for tjenesten",
        )
        .to_string(),
        (Some(Role::User), _) => {
            let org = e
                .organisation
                .as_ref()
                .map_or("", |o| reg.org_name(o.as_str()));
            match lang {
                Lang::En => format!("as user representative ({org})"),
                Lang::Nb => format!("som brukerrepresentant ({org})"),
            }
        }
        _ => pick(lang, "as a member", "som medlem").to_string(),
    };
    let _ = match lang {
        Lang::En => write!(
            out,
            "On {date}, {by_name} appointed {whom} {seat} in {group_name}."
        ),
        Lang::Nb => write!(
            out,
            "{by_name} har {date} oppnevnt {whom} {seat} i {group_name}."
        ),
    };
    if let Some(t) = e.term_end.as_ref().map(|t| t.value) {
        let t = crate::report::dates::long(t, lang);
        let _ = match lang {
            Lang::En => write!(out, " The term runs until {t}."),
            Lang::Nb => write!(out, " Oppnevningen gjelder til og med {t}."),
        };
    }
    if let Some((_, old)) = replaced {
        let old = reg.person_name(old.person_id().unwrap_or("?"));
        let _ = match lang {
            Lang::En => write!(
                out,
                " {who} replaces {old}, whose seat ended the day before."
            ),
            Lang::Nb => write!(
                out,
                " {who} erstatter {old}, som gikk ut av gruppen dagen før."
            ),
        };
    }
    if let Some(l) = e.letter.as_ref().map(|l| l.as_str()) {
        let _ = match lang {
            Lang::En => write!(out, " Reference: {l}."),
            Lang::Nb => write!(out, " Referanse: {l}."),
        };
    }
    out.push_str("\n\n");
    let _ = writeln!(out, "{}", pick(lang, "Kind regards", "Med vennlig hilsen"));
    let _ = writeln!(out, "{by_name}");
    out
}
