//! The appointment process, one step a command: `propose`, `consent`, `appoint`, `notify`,
//! `end`. Each changes one `[[member]]` entry of a group's members.toml (or adds one) and keeps
//! everything else in the file as it was.
//!
//! The mandate (M 3): the service proposes a person; the person is asked, informed of the
//! mandate and agrees; their leader clears it; the RHF of the region formally appoints and
//! informs the service, the group and the other RHFs; when a member leaves, a new one is
//! appointed.

use toml_edit::Table;

use crate::cli::{AppointArgs, ConsentArgs, EndArgs, Global, NotifyArgs, ProposeArgs};
use crate::edit::doc::{date, get_date, get_str, set_in_order};
use crate::edit::{Plan, TomlDoc};
use crate::i18n::{Lang, Text};
use crate::registry::{Date, Profile, Registry, Role};
use crate::t;

use super::Outcome;
use super::writing::{Session, bad, check_id, with_org_hint, ymd};
use crate::edit::Step;

/// The order of a member's fields in format.md; new fields are put in it.
pub const MEMBER_ORDER: &[&str] = &[
    "person",
    "role",
    "region",
    "organisation",
    "constituency",
    "proposed",
    "consented",
    "leader-cleared",
    "appointed",
    "appointed-by",
    "letter",
    "notified",
    "term-end",
    "ended",
    "end-reason",
];

fn set(t: &mut Table, key: &str, value: impl Into<toml_edit::Value>) {
    set_in_order(t, key, value, MEMBER_ORDER);
}

fn members_rel(group: &str) -> String {
    format!("groups/{group}/members.toml")
}

fn is_person(t: &Table, person: &str) -> bool {
    get_str(t, "person") == Some(person)
}

/// Proposed (or created) but not yet appointed, and not withdrawn.
fn is_pending(t: &Table) -> bool {
    get_date(t, "appointed").is_none() && get_date(t, "ended").is_none()
}

fn is_active(t: &Table, day: Date) -> bool {
    get_date(t, "appointed").is_some_and(|a| a <= day)
        && get_date(t, "ended").is_none_or(|e| day <= e)
}

/// The index of the last entry of `person` that satisfies `f`.
fn last_entry(doc: &mut TomlDoc, person: &str, f: impl Fn(&Table) -> bool) -> Option<usize> {
    doc.tables_mut("member")
        .iter()
        .rposition(|t| is_person(t, person) && f(t))
}

/// The seat's fields the command line gives: where a role needs a region, organisation or
/// constituency, they must be there and known.
struct SeatArgs<'a> {
    role: Role,
    region: Option<&'a str>,
    organisation: Option<&'a str>,
    constituency: Option<&'a str>,
}

impl SeatArgs<'_> {
    fn check(&self, s: &Session, group: &str) -> anyhow::Result<()> {
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

    fn write(&self, t: &mut Table, person: &str) {
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

fn name(reg: &Registry, id: &str) -> String {
    reg.person_name(id).to_string()
}

/// Why a regional seat in a national-service group may not go to this person: their employer
/// lies in another region than the one represented (`regional-member-from-region`; cli.md:
/// `propose` and `appoint` refuse it unless --force, though a pending proposal is not yet judged
/// by the rule).
fn employed_elsewhere(
    s: &Session,
    group: &str,
    person: &str,
    role: Option<&str>,
    region: Option<&str>,
) -> Option<Text> {
    let reg = s.reg();
    let national = reg.group(group).and_then(|g| g.profile()) == Some(Profile::NationalService);
    let region = region.filter(|_| national && role == Some(Role::Regional.as_str()))?;
    let (employer, elsewhere) =
        crate::rules::regional_member_from_region::employed_elsewhere(reg, person, region)?;
    let (who, hf) = (reg.person_name(person), reg.org_name(employer));
    let (rname, ename) = (reg.region_name(region), reg.region_name(elsewhere));
    Some(t!(
        "{who} works at {hf}, which lies in {ename}, but the seat represents {rname}; a regional member is employed in the region they represent (regional-member-from-region). Choose someone employed in {rname}, correct --region, or pass --force",
        "{who} arbeider ved {hf}, som ligger i {ename}, men plassen representerer {rname}; et regionalt medlem er ansatt i regionen det representerer (regional-member-from-region). Velg en som er ansatt i {rname}, rett --region, eller bruk --force"
    ))
}

pub fn propose(args: &ProposeArgs, global: &Global) -> anyhow::Result<Outcome> {
    let (s, step) = propose_step(args, global)?;
    s.finish(step, args.edit, global)
}

/// `mandat propose` up to the change: the session (holding the lock) and the step to apply.
pub fn propose_step(args: &ProposeArgs, global: &Global) -> anyhow::Result<(Session, Step)> {
    let s = Session::open(global, &[&args.group], &[&args.person])?;
    let (g, p, lang) = (args.group.as_str(), args.person.as_str(), s.lang);
    let seat = SeatArgs {
        role: args.role,
        region: args.region.as_deref(),
        organisation: args.organisation.as_deref(),
        constituency: args.constituency.as_deref(),
    };
    seat.check(&s, g)?;
    if !args.edit.force
        && let Some(why) = employed_elsewhere(&s, g, p, Some(args.role.as_str()), seat.region)
    {
        return Ok((s, Step::Refused(why, None)));
    }
    let day = args.date.unwrap_or(s.at);
    let rel = members_rel(g);
    let (old, mut doc) = s.toml(&rel)?;
    if let Some(i) = last_entry(&mut doc, p, is_pending) {
        let since =
            get_date(doc.tables_mut("member")[i], "proposed").map_or_else(|| "?".into(), ymd);
        return Err(bad(
            lang,
            t!(
                "{p} is already proposed for {g} (since {since}); record the next step with `mandat consent {g} {p}`",
                "{p} er allerede foreslått til {g} (siden {since}); før neste steg med `mandat consent {g} {p}`"
            ),
        ));
    }
    let mut t = Table::new();
    seat.write(&mut t, p);
    set(&mut t, "proposed", date(day));
    doc.push_table("member", t)?;
    let (who, role) = (name(s.reg(), p), args.role.as_str());
    let plan = Plan::new(t!(
        "proposed {who} for a {role} seat in {g} ({rel})",
        "foreslo {who} til en plass med rollen {role} i {g} ({rel})"
    ))
    .change(rel, old, doc.render());
    Ok((s, Step::Change(plan)))
}

pub fn consent(args: &ConsentArgs, global: &Global) -> anyhow::Result<Outcome> {
    let (s, step) = consent_step(args, global)?;
    s.finish(step, args.edit, global)
}

/// `mandat consent` up to the change: the session (holding the lock) and the step to apply.
pub fn consent_step(args: &ConsentArgs, global: &Global) -> anyhow::Result<(Session, Step)> {
    let s = Session::open(global, &[&args.group], &[&args.person])?;
    let (g, p, lang) = (args.group.as_str(), args.person.as_str(), s.lang);
    let day = args.date.unwrap_or(s.at);
    let rel = members_rel(g);
    let (old, mut doc) = s.toml(&rel)?;
    // An open proposal, else the seat the person holds (an appointment recorded without the
    // consent or the leader's clearance, as `appointment-process` reports it).
    let found = last_entry(&mut doc, p, is_pending).or_else(|| {
        last_entry(&mut doc, p, |t| {
            get_date(t, "appointed").is_some() && get_date(t, "ended").is_none_or(|e| e >= s.at)
        })
    });
    let Some(i) = found else {
        return Err(no_proposal(lang, g, p));
    };
    let t = &mut doc.tables_mut("member")[i];
    // With only --leader-cleared, an existing consent stays as it is.
    let set_consent =
        args.date.is_some() || args.leader_cleared.is_none() || get_date(t, "consented").is_none();
    if let Some(when) = get_date(t, "appointed")
        && set_consent
        && day > when
    {
        let (d, w) = (ymd(day), ymd(when));
        return Ok((
            s,
            Step::Refused(
                t!(
                    "{p} was appointed on {w}, so the consent cannot be dated {d}, after it; give the day they agreed with --date",
                    "{p} ble oppnevnt {w}, så samtykket kan ikke dateres {d}, etter det; oppgi dagen vedkommende sa ja med --date"
                ),
                None,
            ),
        ));
    }
    if let Some(proposed) = get_date(t, "proposed")
        && set_consent
        && day < proposed
    {
        let (d, pr) = (ymd(day), ymd(proposed));
        return Ok((
            s,
            Step::Refused(
                t!(
                    "{p} cannot have agreed on {d}, before being proposed on {pr}; check the date (--date)",
                    "{p} kan ikke ha sagt ja {d}, før forslaget {pr}; sjekk datoen (--date)"
                ),
                None,
            ),
        ));
    }
    if set_consent {
        set(t, "consented", date(day));
    }
    if let Some(lc) = args.leader_cleared {
        set(t, "leader-cleared", date(lc));
    }
    let who = name(s.reg(), p);
    let summary = if set_consent {
        t!(
            "recorded that {who} agreed to serve in {g} ({rel})",
            "registrerte at {who} har sagt ja til å delta i {g} ({rel})"
        )
    } else {
        t!(
            "recorded that {who}'s leader cleared the participation in {g} ({rel})",
            "registrerte at deltakelsen til {who} i {g} er avklart med lederen ({rel})"
        )
    };
    let plan = Plan::new(summary).change(rel, old, doc.render());
    Ok((s, Step::Change(plan)))
}

fn no_proposal(lang: Lang, g: &str, p: &str) -> anyhow::Error {
    bad(
        lang,
        t!(
            "there is no open proposal of {p} in {g}; record one with `mandat propose {g} {p} --role ROLE`, or appoint in one step with `mandat appoint {g} {p} --role ROLE ...`",
            "det finnes ikke noe åpent forslag om {p} i {g}; før det med `mandat propose {g} {p} --role ROLLE`, eller oppnevn i ett steg med `mandat appoint {g} {p} --role ROLLE ...`"
        ),
    )
}

/// Why an appointer cannot appoint this seat, as a refusal (exit 1), or an unknown appointer
/// (exit 2).
fn check_appointer(
    s: &Session,
    g: &str,
    p: &str,
    by: &str,
    role: Option<&str>,
    region: Option<&str>,
) -> anyhow::Result<Option<crate::i18n::Text>> {
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
    let expected = match role {
        Some("regional") => region.map(str::to_string),
        Some("service") => reg.person_region(p).map(str::to_string),
        _ => None,
    };
    match expected {
        Some(want) if want != by => {
            let want_name = reg.region_name(&want).to_string();
            Ok(Some(t!(
                "{p} sits for {want_name}, so {want_name} appoints, not {by_name}; use --by {want}",
                "{p} sitter for {want_name}, så det er {want_name} som oppnevner, ikke {by_name}; bruk --by {want}"
            )))
        }
        _ => Ok(None),
    }
}

pub fn appoint(args: &AppointArgs, global: &Global) -> anyhow::Result<Outcome> {
    let (s, step) = appoint_step(args, global)?;
    s.finish(step, args.edit, global)
}

/// `mandat appoint` up to the change: the session (holding the lock) and the step to apply.
pub fn appoint_step(args: &AppointArgs, global: &Global) -> anyhow::Result<(Session, Step)> {
    let mut people = vec![args.person.as_str()];
    if let Some(r) = &args.replaces {
        people.push(r);
    }
    let s = Session::open(global, &[&args.group], &people)?;
    let (g, p, lang) = (args.group.as_str(), args.person.as_str(), s.lang);
    check_id("appointer", &args.by, lang)?;
    let day = args.date.unwrap_or(s.at);
    let rel = members_rel(g);
    let (old, mut doc) = s.toml(&rel)?;
    let pending = last_entry(&mut doc, p, is_pending);
    let index = match (pending, args.role) {
        (Some(i), None) => i,
        (Some(i), Some(_)) => {
            let role = get_str(doc.tables_mut("member")[i], "role")
                .unwrap_or("?")
                .to_string();
            return Err(bad(
                lang,
                t!(
                    "{p} is already proposed for a {role} seat in {g}; appoint without --role, --region, --organisation and --constituency",
                    "{p} er allerede foreslått til en plass med rollen {role} i {g}; oppnevn uten --role, --region, --organisation og --constituency"
                ),
            ));
        }
        (None, Some(role)) => {
            let seat = SeatArgs {
                role,
                region: args.region.as_deref(),
                organisation: args.organisation.as_deref(),
                constituency: args.constituency.as_deref(),
            };
            seat.check(&s, g)?;
            let mut t = Table::new();
            seat.write(&mut t, p);
            doc.push_table("member", t)?;
            doc.tables_mut("member").len() - 1
        }
        (None, None) => {
            if let Some(i) = last_entry(&mut doc, p, |t| is_active(t, day)) {
                let since = get_date(doc.tables_mut("member")[i], "appointed")
                    .map_or_else(String::new, ymd);
                return Err(bad(
                    lang,
                    t!(
                        "{p} is already an appointed member of {g} (since {since}); nothing to appoint",
                        "{p} er allerede oppnevnt medlem av {g} (siden {since}); ingenting å oppnevne"
                    ),
                ));
            }
            return Err(no_proposal(lang, g, p));
        }
    };
    let (role, region) = {
        let t = &doc.tables_mut("member")[index];
        (
            get_str(t, "role").map(str::to_string),
            get_str(t, "region").map(str::to_string),
        )
    };
    if !args.edit.force
        && let Some(why) = employed_elsewhere(&s, g, p, role.as_deref(), region.as_deref())
    {
        return Ok((s, Step::Refused(why, None)));
    }
    if let Some(why) = check_appointer(&s, g, p, &args.by, role.as_deref(), region.as_deref())? {
        return Ok((s, Step::Refused(why, None)));
    }
    // The steps before the appointment must not lie after it.
    {
        let t = &doc.tables_mut("member")[index];
        let steps = [
            ("proposed", get_date(t, "proposed")),
            ("consented", args.consented.or(get_date(t, "consented"))),
            (
                "leader-cleared",
                args.leader_cleared.or(get_date(t, "leader-cleared")),
            ),
        ];
        for (step, when) in steps {
            if let Some(when) = when
                && day < when
            {
                let (d, w) = (ymd(day), ymd(when));
                return Ok((
                    s,
                    Step::Refused(
                        t!(
                            "the appointment date {d} is before {step} ({w}); the appointment comes last: check --date",
                            "oppnevningsdatoen {d} er før {step} ({w}); oppnevningen kommer sist: sjekk --date"
                        ),
                        None,
                    ),
                ));
            }
        }
    }
    if let Some(r) = &args.replaces {
        if r == p {
            return Err(bad(
                lang,
                t!(
                    "{p} cannot replace themselves",
                    "{p} kan ikke erstatte seg selv"
                ),
            ));
        }
        let Some(i) = last_entry(&mut doc, r, |t| is_active(t, day)) else {
            return Err(bad(
                lang,
                t!(
                    "{r} has no active seat in {g} on {day} to replace; leave out --replaces, or check `mandat status {g}`",
                    "{r} har ingen aktiv plass i {g} {day} som kan erstattes; dropp --replaces, eller se `mandat status {g}`"
                ),
            ));
        };
        let last_day = day.pred_opt().unwrap_or(day);
        set(doc.tables_mut("member")[i], "ended", date(last_day));
    }
    if role.as_deref() == Some("regional")
        && let Some(region) = &region
    {
        let others: Vec<String> = doc
            .tables_mut("member")
            .iter()
            .enumerate()
            .filter(|(i, t)| {
                *i != index
                    && get_str(t, "role") == Some("regional")
                    && get_str(t, "region") == Some(region.as_str())
                    && is_active(t, day)
            })
            .filter_map(|(_, t)| get_str(t, "person").map(str::to_string))
            .collect();
        if let Some(other) = others.first() {
            let rn = s.reg().region_name(region).to_string();
            let on = name(s.reg(), other);
            return Ok((
                s,
                Step::Refused(
                    t!(
                        "{rn} already has an active regional member in {g}, {on}; a region has one seat: add --replaces {other} to end that seat the day before",
                        "{rn} har allerede et aktivt regionalt medlem i {g}, {on}; en region har én plass: legg til --replaces {other} for å avslutte den plassen dagen før"
                    ),
                    None,
                ),
            ));
        }
    }
    let t = &mut doc.tables_mut("member")[index];
    if let Some(c) = args.consented {
        set(t, "consented", date(c));
    }
    if let Some(c) = args.leader_cleared {
        set(t, "leader-cleared", date(c));
    }
    set(t, "appointed", date(day));
    set(t, "appointed-by", args.by.as_str());
    if let Some(l) = &args.letter {
        set(t, "letter", l.as_str());
    }
    if let Some(te) = args.term_end {
        set(t, "term-end", date(te));
    }
    let (who, by) = (name(s.reg(), p), s.reg().region_name(&args.by).to_string());
    let by = if s.reg().region(&args.by).is_some() {
        by
    } else {
        s.reg().org_name(&args.by).to_string()
    };
    let summary = match &args.replaces {
        Some(r) => {
            let old_name = name(s.reg(), r);
            t!(
                "{by} appointed {who} to {g}, replacing {old_name} ({rel})",
                "{by} oppnevnte {who} til {g} som erstatning for {old_name} ({rel})"
            )
        }
        None => t!(
            "{by} appointed {who} to {g} ({rel})",
            "{by} oppnevnte {who} til {g} ({rel})"
        ),
    };
    let plan = Plan::new(summary)
        .change(rel, old, doc.render())
        .effective_from(day);
    // The rules' help says `mandat consent`, but a seat created here was not written, so there
    // is nothing for `consent` to record yet: the dates belong on this command line.
    let help = (pending.is_none() && (args.consented.is_none() || args.leader_cleared.is_none()))
        .then(|| {
            t!(
                "help: the seat is created and appointed in one step, so give its dates here: --consented D --leader-cleared D (or start with `mandat propose {g} {p}`)",
                "help: plassen opprettes og oppnevnes i ett steg, så oppgi datoene her: --consented D --leader-cleared D (eller begynn med `mandat propose {g} {p}`)"
            )
        });
    let plan = plan.help(help);
    Ok((s, Step::Change(plan)))
}

pub fn notify(args: &NotifyArgs, global: &Global) -> anyhow::Result<Outcome> {
    let (s, step) = notify_step(args, global)?;
    s.finish(step, args.edit, global)
}

/// `mandat notify` up to the change: the session (holding the lock) and the step to apply.
pub fn notify_step(args: &NotifyArgs, global: &Global) -> anyhow::Result<(Session, Step)> {
    let s = Session::open(global, &[&args.group], &[&args.person])?;
    let (g, p, lang) = (args.group.as_str(), args.person.as_str(), s.lang);
    let rel = members_rel(g);
    let (old, mut doc) = s.toml(&rel)?;
    let Some(i) = last_entry(&mut doc, p, |t| get_date(t, "appointed").is_some()) else {
        return Err(bad(
            lang,
            t!(
                "{p} has not been appointed in {g}, so there is nothing to announce; appoint first with `mandat appoint {g} {p} --by RHF`",
                "{p} er ikke oppnevnt i {g}, så det er ingenting å kunngjøre; oppnevn først med `mandat appoint {g} {p} --by RHF`"
            ),
        ));
    };
    let entries: Vec<Table> = doc
        .tables_mut("member")
        .iter()
        .map(|t| (**t).clone())
        .collect();
    let t = &mut doc.tables_mut("member")[i];
    // An announcement already recorded keeps its day: run again without --date, the
    // announcement is printed once more; a different --date is refused unless --force.
    if let (Some(want), Some(recorded)) = (args.date, get_date(t, "notified"))
        && want != recorded
        && !args.edit.force
    {
        let (w, r) = (ymd(want), ymd(recorded));
        return Err(bad(
            lang,
            t!(
                "the appointment of {p} to {g} was already announced on {r}; to record {w} instead, pass --force",
                "oppnevningen av {p} til {g} ble allerede kunngjort {r}; bruk --force for å registrere {w} i stedet"
            ),
        ));
    }
    let day = args
        .date
        .or_else(|| get_date(t, "notified"))
        .unwrap_or(s.at);
    let appointed = get_date(t, "appointed").expect("selected by it");
    if day < appointed {
        let (d, a) = (ymd(day), ymd(appointed));
        return Ok((
            s,
            Step::Refused(
                t!(
                    "the announcement date {d} is before the appointment ({a}); check --date",
                    "kunngjøringsdatoen {d} er før oppnevningen ({a}); sjekk --date"
                ),
                None,
            ),
        ));
    }
    set(t, "notified", date(day));
    let text = super::announce::announcement(s.reg(), g, &entries, i, day, lang);
    let who = name(s.reg(), p);
    let plan = Plan::new(t!(
        "recorded that the appointment of {who} to {g} was announced on {day} ({rel})",
        "registrerte at oppnevningen av {who} til {g} ble kunngjort {day} ({rel})"
    ))
    .change(rel, old, doc.render());
    Ok((s, Step::Change(plan.note(text))))
}

pub fn end(args: &EndArgs, global: &Global) -> anyhow::Result<Outcome> {
    let (s, step) = end_step(args, global)?;
    s.finish(step, args.edit, global)
}

/// `mandat end` up to the change: the session (holding the lock) and the step to apply.
pub fn end_step(args: &EndArgs, global: &Global) -> anyhow::Result<(Session, Step)> {
    let s = Session::open(global, &[&args.group], &[&args.person])?;
    let (g, p, lang) = (args.group.as_str(), args.person.as_str(), s.lang);
    let day = args.date;
    let rel = members_rel(g);
    let (old, mut doc) = s.toml(&rel)?;
    let open = last_entry(&mut doc, p, |t| {
        get_date(t, "appointed").is_some() && get_date(t, "ended").is_none_or(|e| day <= e)
    });
    let Some(i) = open else {
        let pending = last_entry(&mut doc, p, is_pending).is_some();
        let ended = last_entry(&mut doc, p, |t| get_date(t, "ended").is_some())
            .map(|i| get_date(doc.tables_mut("member")[i], "ended"));
        let text = match (pending, ended) {
            (true, _) => t!(
                "{p} is only proposed in {g}, not appointed, so there is no seat to end; to withdraw the proposal, remove that entry from {rel}",
                "{p} er bare foreslått i {g}, ikke oppnevnt, så det er ingen plass å avslutte; fjern oppføringen i {rel} for å trekke forslaget"
            ),
            (false, Some(Some(e))) => {
                let e = ymd(e);
                t!(
                    "{p}'s seat in {g} already ended on {e}; there is no active seat to end",
                    "plassen til {p} i {g} ble avsluttet allerede {e}; det er ingen aktiv plass å avslutte"
                )
            }
            _ => t!(
                "{p} has no seat in {g}; `mandat status {g}` shows the members",
                "{p} har ingen plass i {g}; `mandat status {g}` viser medlemmene"
            ),
        };
        return Err(bad(lang, text));
    };
    let t = &mut doc.tables_mut("member")[i];
    let appointed = get_date(t, "appointed").expect("selected by it");
    if day < appointed {
        let (d, a) = (ymd(day), ymd(appointed));
        return Ok((
            s,
            Step::Refused(
                t!(
                    "the last day {d} is before {p} was appointed ({a}); check --date",
                    "siste dag {d} er før {p} ble oppnevnt ({a}); sjekk --date"
                ),
                None,
            ),
        ));
    }
    set(t, "ended", date(day));
    if let Some(r) = &args.reason {
        set(t, "end-reason", r.as_str());
    }
    let who = name(s.reg(), p);
    let d = ymd(day);
    let plan = Plan::new(t!(
        "ended {who}'s seat in {g} on {d} ({rel})",
        "avsluttet plassen til {who} i {g} {d} ({rel})"
    ))
    .change(rel, old, doc.render())
    .effective_from(day.succ_opt().unwrap_or(day));
    Ok((s, Step::Change(plan)))
}
