//! A group's seats on the site: who holds each, which stand vacant, in what order; the words
//! for a seat, its organisation and its constituency; who is in office.

use super::{Options, Seat, date};
use crate::i18n::Lang;
use crate::registry::{Group, Member, Profile, Registry, Role};
use crate::report::{iso, labels as report_labels};
use crate::site::labels;

/// Where the holder works or whom they represent, by name.
pub(super) fn organisation(reg: &Registry, m: &Member) -> Option<String> {
    let represented = m.organisation.as_ref().map(|o| o.as_str());
    let employer = m.person_id().and_then(|p| reg.person_employer(p));
    let org = match m.role() {
        Some(Role::Regional | Role::Service) => employer.or(represented),
        _ => represented.or(employer),
    }?;
    Some(reg.org_name(org).to_string())
}

/// A constituency by name: the organisation of that id when there is one, else the id with a
/// capital letter and spaces for dashes (the format gives constituencies no display name).
pub(super) fn constituency_name(reg: &Registry, id: &str) -> String {
    if reg.organisation(id).is_some() {
        return reg.org_name(id).to_string();
    }
    let spaced = id.replace('-', " ");
    let mut chars = spaced.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The seat as a reader names it.
pub(super) fn seat_label(reg: &Registry, m: &Member, lang: Lang) -> String {
    match m.role() {
        Some(Role::Regional) => m.region_id().map_or_else(
            || labels::get("seat_regional", lang).to_string(),
            |r| reg.region_name(r).to_string(),
        ),
        Some(Role::Service) => labels::get("seat_service", lang).to_string(),
        Some(Role::User) => labels::get("seat_user", lang).to_string(),
        Some(Role::Constituency) => m.constituency.as_ref().map_or_else(
            || report_labels::role(Role::Constituency, lang).to_string(),
            |c| constituency_name(reg, c.as_str()),
        ),
        Some(Role::Other) | None => labels::get("seat_other", lang).to_string(),
    }
}

fn held_seat(reg: &Registry, m: &Member, chair: Option<&str>, lang: Lang) -> Seat {
    Seat {
        role: m.role().map_or("other", Role::as_str),
        label: seat_label(reg, m, lang),
        region: m.region_id().map(str::to_string),
        constituency: m.constituency.as_ref().map(|c| c.value.clone()),
        name: Some(
            m.person_id()
                .map_or_else(String::new, |p| reg.person_name(p).to_string()),
        ),
        organisation: organisation(reg, m),
        since: date(m.appointed.as_ref()),
        is_chair: chair.is_some() && m.person_id() == chair,
        vacant: false,
        unrepresented: false,
        vacant_since: None,
    }
}

fn vacant_seat(
    role: Role,
    label: String,
    region: Option<String>,
    constituency: Option<String>,
) -> Seat {
    Seat {
        role: role.as_str(),
        label,
        region,
        constituency,
        name: None,
        organisation: None,
        since: None,
        is_chair: false,
        vacant: true,
        unrepresented: false,
        vacant_since: None,
    }
}

/// The member table: national groups one row per region in organisations.toml order (a vacant
/// region as vacant), then the service and the user representative (vacant when nobody holds
/// them), then other members; municipal groups one row per constituency, then the rest.
pub fn seats(reg: &Registry, g: &Group, opts: Options) -> Vec<Seat> {
    let at = opts.at;
    let lang = opts.lang;
    let chair = g.chair_on(at);
    let active: Vec<&Member> = g
        .members
        .iter()
        .filter(|m| m.stage(at).is_active())
        .collect();
    let alive = in_office(g, at);
    let mut out = Vec::new();
    let mut shown = vec![false; active.len()];
    let mut take = |pred: &dyn Fn(&Member) -> bool, out: &mut Vec<Seat>| {
        let mut any = false;
        for (i, m) in active.iter().enumerate() {
            if !shown[i] && pred(m) {
                shown[i] = true;
                any = true;
                out.push(held_seat(reg, m, chair, lang));
            }
        }
        any
    };
    match g.profile() {
        Some(Profile::NationalService) => {
            for r in &reg.regions {
                let id = r.id.as_str();
                let held = take(
                    &|m| m.role() == Some(Role::Regional) && m.region_id() == Some(id),
                    &mut out,
                );
                if !held
                    && alive
                    && let Some(v) = g.regional_vacancy(reg, id, at)
                {
                    let mut seat = vacant_seat(
                        Role::Regional,
                        reg.region_name(id).to_string(),
                        Some(id.to_string()),
                        None,
                    );
                    seat.vacant_since = v.after_member.then_some(v.since).flatten().map(iso);
                    out.push(seat);
                }
            }
            for (role, key) in [(Role::Service, "seat_service"), (Role::User, "seat_user")] {
                if !take(&|m| m.role() == Some(role), &mut out) && alive {
                    out.push(vacant_seat(
                        role,
                        labels::get(key, lang).to_string(),
                        None,
                        None,
                    ));
                }
            }
        }
        Some(Profile::MunicipalAdvisory) => {
            for c in &g.constituencies {
                let id = c.as_str();
                let held = take(
                    &|m| {
                        m.role() == Some(Role::Constituency)
                            && m.constituency.as_ref().is_some_and(|x| x.value == id)
                    },
                    &mut out,
                );
                if !held && alive {
                    let mut seat = vacant_seat(
                        Role::Constituency,
                        constituency_name(reg, id),
                        None,
                        Some(id.to_string()),
                    );
                    seat.vacant = false;
                    seat.unrepresented = true;
                    out.push(seat);
                }
            }
        }
        Some(Profile::Advisory) | None => {}
    }
    // Whoever is left, in role order, then by region and name.
    let mut rest: Vec<Seat> = Vec::new();
    take(&|_| true, &mut rest);
    rest.sort_by(|a, b| {
        (role_rank(a.role), &a.label, &a.name).cmp(&(role_rank(b.role), &b.label, &b.name))
    });
    out.extend(rest);
    out
}

/// Whether the group exists on `at` as far as the site knows: not before `established` (when
/// recorded), not after `dissolved`. Only then can a seat be vacant or the chair missing.
pub(super) fn in_office(g: &Group, at: crate::registry::Date) -> bool {
    g.established().is_none_or(|e| e <= at) && g.dissolved().is_none_or(|d| at <= d)
}

fn role_rank(role: &str) -> u8 {
    match role {
        "regional" => 0,
        "service" => 1,
        "user" => 2,
        "constituency" => 3,
        _ => 4,
    }
}
