//! The people of a letter and their seats, in words: the seat a member holds, the postal block,
//! the seats `constituted` counts and who holds them.

use super::{Block, PersonView};
use crate::i18n::Lang;
use crate::registry::{Date, Group, Member, Profile, Registry, Role};
use crate::report::labels;

/// The seat a member holds, in words.
fn seat(reg: &Registry, m: &Member, lang: Lang) -> String {
    let role = m.role().map_or("", |r| labels::role(r, lang));
    let what = match m.role() {
        Some(Role::Regional) => m.region_id().map(|r| reg.region_name(r).to_string()),
        Some(Role::Constituency) => m
            .constituency
            .as_ref()
            .map(|c| labels::constituency(&c.value, lang)),
        _ => m
            .organisation
            .as_ref()
            .map(|o| reg.org_name(&o.value).to_string()),
    };
    match (m.role(), what, lang) {
        (Some(Role::Regional), Some(r), Lang::Nb) => format!("{role} for {r}"),
        (Some(Role::Regional), Some(r), Lang::En) => format!("{role} for {r}"),
        (_, Some(w), _) => format!("{role} ({w})"),
        (_, None, _) => role.to_string(),
    }
}

pub(super) fn person_view(
    reg: &Registry,
    m: &Member,
    include_contact: bool,
    lang: Lang,
) -> PersonView {
    let id = m.person_id().unwrap_or("");
    let p = reg.person(id);
    PersonView {
        name: reg.person_name(id).to_string(),
        employer: reg.person_employer(id).map(|e| reg.org_name(e).to_string()),
        seat: seat(reg, m, lang),
        regional: m.role() == Some(Role::Regional),
        email: p
            .and_then(|p| p.email.as_ref())
            .filter(|_| include_contact)
            .map(|e| e.value.clone()),
        phone: p
            .and_then(|p| p.phone.as_ref())
            .filter(|_| include_contact)
            .map(|e| e.value.clone()),
    }
}

pub(super) fn person_block(p: &PersonView) -> Block {
    let mut lines = vec![p.name.clone()];
    lines.extend(p.employer.clone());
    Block { lines }
}

/// The group's seats as cli.md counts them for `constituted`, each with its active member on
/// `at` or `None`: a national-service group's four regional seats, the service's and the user
/// organisations'; a municipal group's constituencies; an advisory group's members as they are.
pub(super) fn seats<'a>(
    reg: &'a Registry,
    g: &'a Group,
    at: Date,
    lang: Lang,
) -> Vec<(String, Option<&'a Member>)> {
    let active: Vec<&Member> = g.active_on(at).collect();
    let mut out: Vec<(String, Option<&Member>)> = Vec::new();
    match g.profile() {
        Some(Profile::NationalService) => {
            for r in &reg.regions {
                let rid = r.id.as_str();
                let m = active
                    .iter()
                    .copied()
                    .find(|m| m.role() == Some(Role::Regional) && m.region_id() == Some(rid));
                let label = format!(
                    "{} for {}",
                    labels::role(Role::Regional, lang),
                    reg.region_name(rid)
                );
                out.push((label, m));
            }
            let service = active
                .iter()
                .copied()
                .find(|m| m.role() == Some(Role::Service));
            out.push((labels::role(Role::Service, lang).to_string(), service));
            let users: Vec<&Member> = active
                .iter()
                .copied()
                .filter(|m| m.role() == Some(Role::User))
                .collect();
            if users.is_empty() {
                out.push((labels::role(Role::User, lang).to_string(), None));
            }
            for u in users {
                out.push((seat(reg, u, lang), Some(u)));
            }
            for o in active
                .iter()
                .copied()
                .filter(|m| matches!(m.role(), Some(Role::Other) | Some(Role::Constituency)))
            {
                out.push((seat(reg, o, lang), Some(o)));
            }
        }
        Some(Profile::MunicipalAdvisory) => {
            for c in &g.constituencies {
                let m = active.iter().copied().find(|m| {
                    m.role() == Some(Role::Constituency)
                        && m.constituency.as_ref().is_some_and(|x| x.value == c.value)
                });
                let label = format!(
                    "{} ({})",
                    labels::role(Role::Constituency, lang),
                    labels::constituency(&c.value, lang)
                );
                out.push((label, m));
            }
            for o in active
                .iter()
                .copied()
                .filter(|m| m.role() != Some(Role::Constituency))
            {
                out.push((seat(reg, o, lang), Some(o)));
            }
        }
        _ => {
            for o in &active {
                out.push((seat(reg, o, lang), Some(*o)));
            }
        }
    }
    out
}

/// The member of `g` that `person` names: the latest seat holding.
pub(super) fn member_of<'a>(g: &'a Group, person: &str) -> Option<&'a Member> {
    g.members
        .iter()
        .filter(|m| m.person_id() == Some(person))
        .max_by_key(|m| {
            m.appointed
                .as_ref()
                .map(|a| a.value)
                .or(m.proposed.as_ref().map(|p| p.value))
        })
}
