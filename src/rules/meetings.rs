//! Meetings and their minutes: recorded, not left planned in the past, attended by members,
//! inputs followed up.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::registry::{Group, InputStatus, MeetingStatus};
use crate::rule_id::RuleId;
use crate::source::Span;
use crate::t;

/// «Dere har rett til å bli hørt og deres innspill vil bli dokumentert» (S): a held meeting has
/// attendees and minutes.
pub fn minutes_recorded(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    for m in group.meetings.iter().filter(|m| m.is_held()) {
        let status_span = m.status.as_ref().map(|s| s.span).unwrap_or(m.body);
        match &m.attendees {
            Some(list) if !list.value.is_empty() => {}
            other => out.push(
                Diagnostic::at(
                    RuleId::MinutesRecorded,
                    other.as_ref().map_or(status_span, |l| l.span),
                    t!(
                        "the meeting is held, but no attendees are listed",
                        "møtet er avholdt, men ingen deltakere er ført opp"
                    ),
                )
                .help(t!(
                    "list who took part: `attendees = [\"person-id\", ...]`",
                    "før opp hvem som deltok: `attendees = [\"person-id\", ...]`"
                )),
            ),
        }
        if m.minutes_blank {
            out.push(
                Diagnostic::at(
                    RuleId::MinutesRecorded,
                    closing_delimiter(ctx.reg.files[m.file].text(), m.file, m.body.start),
                    t!(
                        "the meeting is held, but its minutes are empty",
                        "møtet er avholdt, men referatet er tomt"
                    ),
                )
                .help(t!(
                    "write the minutes below the front matter: agenda, discussion, advice given",
                    "skriv referatet under front matter: saksliste, drøfting, råd som ble gitt"
                )),
            );
        }
    }
}

/// A meeting still `planned` after its date was either held or cancelled.
pub fn planned_meeting_not_past(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    for m in &group.meetings {
        let (Some(status), Some(day)) = (&m.status, m.day()) else {
            continue;
        };
        if status.value == MeetingStatus::Planned && day < ctx.at {
            out.push(
                Diagnostic::at(
                    RuleId::MeetingStatus,
                    status.span,
                    t!(
                        "the meeting on {day} is still planned, but the date has passed",
                        "møtet {day} står fortsatt som planlagt, men datoen er passert"
                    ),
                )
                .help(t!(
                    "set `status = \"held\"` and write the minutes, or `status = \"cancelled\"`",
                    "sett `status = \"held\"` og skriv referatet, eller `status = \"cancelled\"`"
                )),
            );
        }
    }
}

/// Attendees and absentees were active members on the meeting date.
pub fn attendees_were_members(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    for m in &group.meetings {
        let Some(day) = m.day() else { continue };
        for p in m.attendee_ids().chain(m.absent.iter()) {
            if ctx.reg.person(&p.value).is_none() {
                continue;
            }
            let member = group
                .members
                .iter()
                .any(|s| s.person_id() == Some(p.as_str()) && s.is_active(day));
            if !member {
                let name = ctx.reg.person_name(&p.value);
                out.push(
                    Diagnostic::at(
                        RuleId::MinutesAttendance,
                        p.span,
                        t!(
                            "{name} is listed, but was not an active member of the group on {day}",
                            "{name} er ført opp, men var ikke aktivt medlem av gruppen {day}"
                        ),
                    )
                    .help(t!(
                        "correct the person id, or record the member's appointment; mention guests in the minutes' text",
                        "rett person-id-en, eller registrer oppnevningen; nevn gjester i referatteksten"
                    )),
                );
            }
        }
    }
}

/// «Vi oppsummerer innspillene og tar dem med videre til styringsgruppen» (S): inputs do not stay
/// open, and a forwarded input says where it went.
pub fn inputs_followed_up(ctx: &Ctx, group: &Group, out: &mut Vec<Diagnostic>) {
    let days = ctx.reg.config.input_followup_days;
    for m in &group.meetings {
        let Some(day) = m.day() else { continue };
        let stale = m.is_held() && super::add_days(day, days) < ctx.at;
        for i in &m.inputs {
            let Some(status) = &i.status else { continue };
            let id = i.id.as_ref().map_or("?", |s| s.as_str());
            if status.value == InputStatus::Open && stale {
                out.push(
                    Diagnostic::at(
                        RuleId::InputFollowedUp,
                        status.span,
                        t!(
                            "input `{id}` from the meeting on {day} is still open after more than {days} days",
                            "innspill `{id}` fra møtet {day} står fortsatt åpent etter mer enn {days} dager"
                        ),
                    )
                    .help(t!(
                        "take it on and record it: `status = \"forwarded\"` with `to`, or \"answered\"/\"closed\" with `response`",
                        "ta det videre og registrer det: `status = \"forwarded\"` med `to`, eller \"answered\"/\"closed\" med `response`"
                    )),
                );
            }
            if status.value == InputStatus::Forwarded && i.to.is_none() {
                out.push(
                    Diagnostic::at(
                        RuleId::InputFollowedUp,
                        status.span,
                        t!(
                            "input `{id}` is forwarded, but where it was taken is not recorded",
                            "innspill `{id}` er sendt videre, men hvor det ble tatt er ikke registrert"
                        ),
                    )
                    .help(t!(
                        "add `to = \"styringsgruppen\"` (or wherever it went)",
                        "legg til `to = \"styringsgruppen\"` (eller dit det gikk)"
                    )),
                );
            }
        }
    }
}

/// The closing `+++` line that ends right before `body_start`.
fn closing_delimiter(text: &str, file: usize, body_start: usize) -> Span {
    let before = text.get(..body_start).unwrap_or(text);
    let line = before.strip_suffix('\n').unwrap_or(before);
    let line = line.strip_suffix('\r').unwrap_or(line);
    let start = line.rfind('\n').map_or(0, |i| i + 1);
    Span::new(file, start..line.len())
}
