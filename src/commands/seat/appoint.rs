//! `mandat appoint`: the formal appointment of an open proposal, or of a seat created in the
//! same step; with `--replaces`, the seat it takes over ends the day before.

use toml_edit::Table;

use super::checks::{SeatArgs, check_appointer, employed_elsewhere};
use super::{date_of, entry, last_seat, members_rel, name, no_proposal, seats, set};
use crate::cli::AppointArgs;
use crate::commands::Env;
use crate::commands::Outcome;
use crate::commands::writing::{Session, bad, check_id, ymd};
use crate::edit::doc::date;
use crate::edit::{Plan, Step};
use crate::registry::{Member, Role};
use crate::t;

pub fn appoint(args: &AppointArgs, env: &Env) -> anyhow::Result<Outcome> {
    let (s, step) = appoint_step(args, env)?;
    s.finish(step, args.edit, env)
}

/// `mandat appoint` up to the change: the session (holding the lock) and the step to apply.
pub fn appoint_step(args: &AppointArgs, env: &Env) -> anyhow::Result<(Session, Step)> {
    let mut people = vec![args.person.as_str()];
    if let Some(r) = &args.replaces {
        people.push(r);
    }
    let s = Session::open(env, &[&args.group], &people)?;
    let (g, p, lang) = (args.group.as_str(), args.person.as_str(), s.lang);
    check_id("appointer", &args.by, lang)?;
    let day = args.date.unwrap_or(s.at);
    let rel = members_rel(g);
    let (old, mut doc) = s.toml(&rel)?;
    let seats = seats(&s, g, &mut doc);
    let pending = last_seat(seats, p, Member::is_open_proposal);
    // The seat appointed (its index among the `[[member]]` tables), its role and its region.
    let (index, role, region) = match (pending, args.role) {
        (Some(i), None) => (i, seats[i].role(), seats[i].region_id()),
        (Some(i), Some(_)) => {
            let role = seats[i].role().map_or("?", Role::as_str);
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
            (doc.tables_mut("member").len() - 1, Some(role), seat.region)
        }
        (None, None) => {
            if let Some(i) = last_seat(seats, p, |m| m.is_active(day)) {
                let since = date_of(&seats[i].appointed).map_or_else(String::new, ymd);
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
    if !args.edit.force
        && let Some(why) = employed_elsewhere(&s, g, p, role, region)
    {
        return Ok((s, Step::Refused(why, None)));
    }
    if let Some(why) = check_appointer(&s, g, p, &args.by, role, region)? {
        return Ok((s, Step::Refused(why, None)));
    }
    // The steps before the appointment must not lie after it (a seat created here has none).
    {
        let seat = pending.map(|i| &seats[i]);
        let steps = [
            ("proposed", seat.and_then(|m| date_of(&m.proposed))),
            (
                "consented",
                args.consented.or(seat.and_then(|m| date_of(&m.consented))),
            ),
            (
                "leader-cleared",
                args.leader_cleared
                    .or(seat.and_then(|m| date_of(&m.leader_cleared))),
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
    let mut replaced = None;
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
        let Some(i) = last_seat(seats, r, |m| m.is_active(day)) else {
            return Err(bad(
                lang,
                t!(
                    "{r} has no active seat in {g} on {day} to replace; leave out --replaces, or check `mandat status {g}`",
                    "{r} har ingen aktiv plass i {g} {day} som kan erstattes; dropp --replaces, eller se `mandat status {g}`"
                ),
            ));
        };
        let last_day = day.pred_opt().unwrap_or(day);
        set(entry(&mut doc, i), "ended", date(last_day));
        replaced = Some(i);
    }
    if role == Some(Role::Regional)
        && let Some(region) = region
    {
        // The seat replaced ends the day before, so it is not active on the day.
        let others: Vec<String> = seats
            .iter()
            .enumerate()
            .filter(|(i, m)| {
                Some(*i) != pending
                    && Some(*i) != replaced
                    && m.role() == Some(Role::Regional)
                    && m.region_id() == Some(region)
                    && m.is_active(day)
            })
            .filter_map(|(_, m)| m.person_id().map(str::to_string))
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
    let t = entry(&mut doc, index);
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
