//! The appointment process, one step a command: `propose`, `consent`, `appoint`, `notify`,
//! `end`. Each changes one `[[member]]` entry of a group's members.toml (or adds one) and keeps
//! everything else in the file as it was.
//!
//! The mandate (M 3): the service proposes a person; the person is asked, informed of the
//! mandate and agrees; their leader clears it; the RHF of the region formally appoints and
//! informs the service, the group and the other RHFs; when a member leaves, a new one is
//! appointed.
//!
//! A step finds the seat and judges it in the registry the session loaded (the typed model:
//! [`Member`], its life-cycle in `registry::lifecycle`); toml_edit only writes, at that seat's
//! `[[member]]` table.

use toml_edit::Table;

use crate::cli::{ConsentArgs, EndArgs, NotifyArgs, ProposeArgs};
use crate::edit::doc::{date, set_in_order};
use crate::edit::{Plan, Step, TomlDoc};
use crate::i18n::Lang;
use crate::registry::{Date, Member, Registry};
use crate::source::Sp;
use crate::t;

use super::writing::{Session, bad, ymd};
use super::{Env, Outcome};
use checks::{SeatArgs, employed_elsewhere};

mod appoint;
mod checks;

pub use appoint::{appoint, appoint_step};

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

/// The group's seats as the session loaded them, in file order: seat `i` is the `i`-th
/// `[[member]]` table of `doc` (members.toml as read for the edit). None when the two do not
/// line up (`member` written otherwise than as `[[member]]` tables): toml_edit could not write
/// at such a seat.
fn seats<'a>(s: &'a Session, group: &str, doc: &mut TomlDoc) -> &'a [Member] {
    let g = s.reg().group(group).expect("the group was loaded");
    if doc.tables_mut("member").len() == g.members.len() {
        &g.members
    } else {
        &[]
    }
}

/// The index of the last seat of `person` that satisfies `f`.
fn last_seat(seats: &[Member], person: &str, f: impl Fn(&Member) -> bool) -> Option<usize> {
    seats
        .iter()
        .rposition(|m| m.person_id() == Some(person) && f(m))
}

/// The `[[member]]` table of seat `i` (see [`seats`]), to write at.
fn entry(doc: &mut TomlDoc, i: usize) -> &mut Table {
    doc.tables_mut("member")
        .into_iter()
        .nth(i)
        .expect("seat i is the i-th [[member]] table")
}

fn date_of(d: &Option<Sp<Date>>) -> Option<Date> {
    d.as_ref().map(|d| d.value)
}

fn name(reg: &Registry, id: &str) -> String {
    reg.person_name(id).to_string()
}

pub fn propose(args: &ProposeArgs, env: &Env) -> anyhow::Result<Outcome> {
    let (s, step) = propose_step(args, env)?;
    s.finish(step, args.edit, env)
}

/// `mandat propose` up to the change: the session (holding the lock) and the step to apply.
pub fn propose_step(args: &ProposeArgs, env: &Env) -> anyhow::Result<(Session, Step)> {
    let s = Session::open(env, &[&args.group], &[&args.person])?;
    let (g, p, lang) = (args.group.as_str(), args.person.as_str(), s.lang);
    let seat = SeatArgs {
        role: args.role,
        region: args.region.as_deref(),
        organisation: args.organisation.as_deref(),
        constituency: args.constituency.as_deref(),
    };
    seat.check(&s, g)?;
    if !args.edit.force
        && let Some(why) = employed_elsewhere(&s, g, p, Some(args.role), seat.region)
    {
        return Ok((s, Step::Refused(why, None)));
    }
    let day = args.date.unwrap_or(s.at);
    let rel = members_rel(g);
    let (old, mut doc) = s.toml(&rel)?;
    let seats = seats(&s, g, &mut doc);
    if let Some(i) = last_seat(seats, p, Member::is_open_proposal) {
        let since = date_of(&seats[i].proposed).map_or_else(|| "?".into(), ymd);
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

pub fn consent(args: &ConsentArgs, env: &Env) -> anyhow::Result<Outcome> {
    let (s, step) = consent_step(args, env)?;
    s.finish(step, args.edit, env)
}

/// `mandat consent` up to the change: the session (holding the lock) and the step to apply.
pub fn consent_step(args: &ConsentArgs, env: &Env) -> anyhow::Result<(Session, Step)> {
    let s = Session::open(env, &[&args.group], &[&args.person])?;
    let (g, p, lang) = (args.group.as_str(), args.person.as_str(), s.lang);
    let day = args.date.unwrap_or(s.at);
    let rel = members_rel(g);
    let (old, mut doc) = s.toml(&rel)?;
    let seats = seats(&s, g, &mut doc);
    // An open proposal, else the seat the person holds (an appointment recorded without the
    // consent or the leader's clearance, as `appointment-process` reports it).
    let found = last_seat(seats, p, Member::is_open_proposal)
        .or_else(|| last_seat(seats, p, |m| m.is_appointed_through(s.at)));
    let Some(i) = found else {
        return Err(no_proposal(lang, g, p));
    };
    let seat = &seats[i];
    // With only --leader-cleared, an existing consent stays as it is.
    let set_consent =
        args.date.is_some() || args.leader_cleared.is_none() || seat.consented.is_none();
    if let Some(when) = date_of(&seat.appointed)
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
    if let Some(proposed) = date_of(&seat.proposed)
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
    let t = entry(&mut doc, i);
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

pub fn notify(args: &NotifyArgs, env: &Env) -> anyhow::Result<Outcome> {
    let (s, step) = notify_step(args, env)?;
    s.finish(step, args.edit, env)
}

/// `mandat notify` up to the change: the session (holding the lock) and the step to apply.
pub fn notify_step(args: &NotifyArgs, env: &Env) -> anyhow::Result<(Session, Step)> {
    let s = Session::open(env, &[&args.group], &[&args.person])?;
    let (g, p, lang) = (args.group.as_str(), args.person.as_str(), s.lang);
    let rel = members_rel(g);
    let (old, mut doc) = s.toml(&rel)?;
    let seats = seats(&s, g, &mut doc);
    let Some(i) = last_seat(seats, p, |m| m.appointed.is_some()) else {
        return Err(bad(
            lang,
            t!(
                "{p} has not been appointed in {g}, so there is nothing to announce; appoint first with `mandat appoint {g} {p} --by RHF`",
                "{p} er ikke oppnevnt i {g}, så det er ingenting å kunngjøre; oppnevn først med `mandat appoint {g} {p} --by RHF`"
            ),
        ));
    };
    let seat = &seats[i];
    // An announcement already recorded keeps its day: run again without --date, the
    // announcement is printed once more; a different --date is refused unless --force.
    if let (Some(want), Some(recorded)) = (args.date, date_of(&seat.notified))
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
        .or_else(|| date_of(&seat.notified))
        .unwrap_or(s.at);
    let appointed = date_of(&seat.appointed).expect("selected by it");
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
    set(entry(&mut doc, i), "notified", date(day));
    let text = super::announce::announcement(s.reg(), g, seats, i, day, lang);
    let who = name(s.reg(), p);
    let plan = Plan::new(t!(
        "recorded that the appointment of {who} to {g} was announced on {day} ({rel})",
        "registrerte at oppnevningen av {who} til {g} ble kunngjort {day} ({rel})"
    ))
    .change(rel, old, doc.render());
    Ok((s, Step::Change(plan.note(text))))
}

pub fn end(args: &EndArgs, env: &Env) -> anyhow::Result<Outcome> {
    let (s, step) = end_step(args, env)?;
    s.finish(step, args.edit, env)
}

/// `mandat end` up to the change: the session (holding the lock) and the step to apply.
pub fn end_step(args: &EndArgs, env: &Env) -> anyhow::Result<(Session, Step)> {
    let s = Session::open(env, &[&args.group], &[&args.person])?;
    let (g, p, lang) = (args.group.as_str(), args.person.as_str(), s.lang);
    let day = args.date;
    let rel = members_rel(g);
    let (old, mut doc) = s.toml(&rel)?;
    let seats = seats(&s, g, &mut doc);
    let Some(i) = last_seat(seats, p, |m| m.is_appointed_through(day)) else {
        let pending = last_seat(seats, p, Member::is_open_proposal).is_some();
        let ended = last_seat(seats, p, |m| m.ended.is_some()).and_then(|i| seats[i].last_day());
        let text = match (pending, ended) {
            (true, _) => t!(
                "{p} is only proposed in {g}, not appointed, so there is no seat to end; to withdraw the proposal, remove that entry from {rel}",
                "{p} er bare foreslått i {g}, ikke oppnevnt, så det er ingen plass å avslutte; fjern oppføringen i {rel} for å trekke forslaget"
            ),
            (false, Some(e)) => {
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
    let appointed = date_of(&seats[i].appointed).expect("selected by it");
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
    let t = entry(&mut doc, i);
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
