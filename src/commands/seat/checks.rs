//! What a seat step asks of its arguments before anything is written: the fields a role needs
//! (and no others), regions, organisations and constituencies that exist, a regional member
//! employed in the region represented, and the right appointer.

use toml_edit::Table;

use super::set;
use crate::commands::writing::{Session, bad, with_org_hint};
use crate::i18n::Text;
use crate::registry::lifecycle::appointing_region;
use crate::registry::{Profile, Registry, Role};
use crate::t;

/// The seat's fields the command line gives: where a role needs a region, organisation or
/// constituency, they must be there and known.
pub(super) struct SeatArgs<'a> {
    pub(super) role: Role,
    pub(super) region: Option<&'a str>,
    pub(super) organisation: Option<&'a str>,
    pub(super) constituency: Option<&'a str>,
}

impl SeatArgs<'_> {
    pub(super) fn check(&self, s: &Session, group: &str) -> anyhow::Result<()> {
        let (reg, lang) = (s.reg(), s.lang);
        let role = self.role.as_str();
        let need = |flag: &str, ids: Option<String>| {
            let text = match ids {
                Some(ids) => t!(
                    "a {role} seat needs --{flag}, one of: {ids}",
                    "en plass med rollen {role} trenger --{flag}, en av: {ids}"
                ),
                None => t!(
                    "a {role} seat needs --{flag}: the id of a user organisation in organisations.toml",
                    "en plass med rollen {role} trenger --{flag}: id-en til en brukerorganisasjon i organisations.toml"
                ),
            };
            bad(lang, text)
        };
        match self.role {
            Role::Regional if self.region.is_none() => {
                return Err(need("region", Some(known_regions(reg))));
            }
            Role::User if self.organisation.is_none() => {
                return Err(need("organisation", None));
            }
            Role::Constituency if self.constituency.is_none() => {
                let g = reg.group(group).expect("the group was loaded");
                let ids: Vec<&str> = g.constituencies.iter().map(|k| k.value.as_str()).collect();
                if ids.is_empty() {
                    return Err(bad(lang, no_constituencies(group)));
                }
                return Err(need("constituency", Some(ids.join(", "))));
            }
            _ => {}
        }
        // A flag the role does not use would be written anyway and then mean nothing (a user
        // seat with a region): say so rather than record it.
        let stray = [
            ("region", self.region.is_some(), self.role != Role::Regional),
            (
                "organisation",
                self.organisation.is_some(),
                matches!(self.role, Role::Regional | Role::Service),
            ),
            (
                "constituency",
                self.constituency.is_some(),
                self.role != Role::Constituency,
            ),
        ];
        if let Some((flag, ..)) = stray.iter().find(|(_, given, foreign)| *given && *foreign) {
            return Err(bad(
                lang,
                t!(
                    "--{flag} does not belong to a {role} seat; leave it out",
                    "--{flag} hører ikke til en plass med rollen {role}; ta det bort"
                ),
            ));
        }
        if let Some(r) = self.region
            && reg.region(r).is_none()
        {
            let known = known_regions(reg);
            return Err(bad(
                lang,
                t!(
                    "there is no region `{r}` in organisations.toml; the regions are {known}",
                    "det finnes ingen region `{r}` i organisations.toml; regionene er {known}"
                ),
            ));
        }
        if let Some(o) = self.organisation
            && reg.organisation(o).is_none()
        {
            // A user seat's organisation is always a user organisation; other bodies vary.
            let kind = match self.role {
                Role::User => t!("\"user-organisation\"", "\"user-organisation\""),
                _ => {
                    let kinds = crate::registry::schema::ORG_KINDS
                        .iter()
                        .map(|k| format!("\"{k}\""))
                        .collect::<Vec<_>>()
                        .join(", ");
                    t!("one of {kinds}", "en av {kinds}")
                }
            };
            let (ke, kn) = (&kind.en, &kind.nb);
            let text = t!(
                "there is no organisation `{o}` in organisations.toml; add it there first as an [[organisation]] with id = \"{o}\", name and kind = {ke}",
                "det finnes ingen organisasjon `{o}` i organisations.toml; legg den til der først som en [[organisation]] med id = \"{o}\", name og kind = {kn}"
            );
            return Err(bad(lang, with_org_hint(reg, o, text)));
        }
        if let Some(c) = self.constituency {
            let g = reg.group(group).expect("the group was loaded");
            if !g.constituencies.iter().any(|k| k.value == c) {
                let known: Vec<String> = g.constituencies.iter().map(|k| k.value.clone()).collect();
                let known = known.join(", ");
                let text = if g.constituencies.is_empty() {
                    no_constituencies(group)
                } else {
                    t!(
                        "`{c}` is not one of the group's constituencies ({known}); add it to `constituencies` in group.toml first",
                        "`{c}` er ikke en av gruppens målgrupper ({known}); legg den til i `constituencies` i group.toml først"
                    )
                };
                return Err(bad(lang, text));
            }
        }
        Ok(())
    }

    pub(super) fn write(&self, t: &mut Table, person: &str) {
        set(t, "person", person);
        set(t, "role", self.role.as_str());
        if let Some(r) = self.region {
            set(t, "region", r);
        }
        if let Some(o) = self.organisation {
            set(t, "organisation", o);
        }
        if let Some(c) = self.constituency {
            set(t, "constituency", c);
        }
    }
}

fn no_constituencies(group: &str) -> Text {
    t!(
        "the group {group} has no constituencies; a constituency seat belongs in a municipal-advisory group, or add `constituencies` to groups/{group}/group.toml first",
        "gruppen {group} har ingen målgrupper; en plass med rollen constituency hører hjemme i en municipal-advisory-gruppe, ellers legg til `constituencies` i groups/{group}/group.toml først"
    )
}

fn known_regions(reg: &Registry) -> String {
    reg.regions
        .iter()
        .map(|r| r.id.value.clone())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why a regional seat in a national-service group may not go to this person: their employer
/// lies in another region than the one represented (`regional-member-from-region`; cli.md:
/// `propose` and `appoint` refuse it unless --force, though a pending proposal is not yet judged
/// by the rule).
pub(super) fn employed_elsewhere(
    s: &Session,
    group: &str,
    person: &str,
    role: Option<Role>,
    region: Option<&str>,
) -> Option<Text> {
    let reg = s.reg();
    let national = reg.group(group).and_then(|g| g.profile()) == Some(Profile::NationalService);
    let region = region.filter(|_| national && role == Some(Role::Regional))?;
    let (employer, elsewhere) =
        crate::rules::regional_member_from_region::employed_elsewhere(reg, person, region)?;
    let (who, hf) = (reg.person_name(person), reg.org_name(employer));
    let (rname, ename) = (reg.region_name(region), reg.region_name(elsewhere));
    Some(t!(
        "{who} works at {hf}, which lies in {ename}, but the seat represents {rname}; a regional member is employed in the region they represent (regional-member-from-region). Choose someone employed in {rname}, correct --region, or pass --force",
        "{who} arbeider ved {hf}, som ligger i {ename}, men plassen representerer {rname}; et regionalt medlem er ansatt i regionen det representerer (regional-member-from-region). Velg en som er ansatt i {rname}, rett --region, eller bruk --force"
    ))
}

/// Why an appointer cannot appoint this seat, as a refusal (exit 1), or an unknown appointer
/// (exit 2).
pub(super) fn check_appointer(
    s: &Session,
    g: &str,
    p: &str,
    by: &str,
    role: Option<Role>,
    region: Option<&str>,
) -> anyhow::Result<Option<Text>> {
    let reg = s.reg();
    let lang = s.lang;
    let group = reg.group(g).expect("the group was loaded");
    let known = reg.region(by).is_some() || reg.organisation(by).is_some();
    if !known {
        let ids = reg.regions.iter().map(|r| r.id.as_str());
        let ids = ids.chain(reg.organisations.iter().map(|o| o.id.as_str()));
        let text = match crate::registry::read::nearest(by, ids) {
            Some(near) => t!(
                "there is no region or organisation `{by}` in organisations.toml; did you mean `--by {near}`?",
                "det finnes ingen region eller organisasjon `{by}` i organisations.toml; mente du `--by {near}`?"
            ),
            None => t!(
                "there is no region or organisation `{by}` in organisations.toml; --by names who appoints (national services: the RHF, e.g. helse-nord)",
                "det finnes ingen region eller organisasjon `{by}` i organisations.toml; --by er den som oppnevner (nasjonale tjenester: RHF-et, f.eks. helse-nord)"
            ),
        };
        return Err(bad(lang, text));
    }
    if group.profile() != Some(Profile::NationalService) {
        return Ok(None);
    }
    if reg.region(by).is_none() {
        let regions = known_regions(reg);
        return Ok(Some(t!(
            "in a national-service group the RHF appoints, and `{by}` is not a region; use --by with one of {regions}",
            "i en gruppe for en nasjonal tjeneste oppnevner RHF-et, og `{by}` er ikke en region; bruk --by med en av {regions}"
        )));
    }
    let by_name = reg.region_name(by).to_string();
    match appointing_region(reg, role, region, Some(p)) {
        Some(want) if want != by => {
            let want_name = reg.region_name(want).to_string();
            Ok(Some(t!(
                "{p} sits for {want_name}, so {want_name} appoints, not {by_name}; use --by {want}",
                "{p} sitter for {want_name}, så det er {want_name} som oppnevner, ikke {by_name}; bruk --by {want}"
            )))
        }
        _ => Ok(None),
    }
}
