//! `input-followed-up`: an input is still open long after its meeting, or was forwarded without saying where.

use super::Ctx;
use super::{Checks, Rule};
use crate::diagnostic::Diagnostic;
use crate::registry::{Group, InputStatus};
use crate::rule_id::{Applies, Clause, Level, RuleId, RuleMeta, text};
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::InputFollowedUp,
        applies: Applies::Every,
        default: Level::Warning,
        file_level: false,
        after_dissolved: false,
        summary: text(
            "an input is still open long after its meeting, or was forwarded without saying where",
            "et innspill står fortsatt åpent lenge etter møtet, eller er sendt videre uten at det står hvor",
        ),
        purpose: text(
            "Inputs are to be summarised and taken on; an input left open is one nobody followed up.",
            "Innspill skal oppsummeres og tas videre; et innspill som blir stående åpent, er ikke fulgt opp.",
        ),
        clauses: &[S_FORWARD],
        fix: text(
            "Set the input's `status` to forwarded, answered or closed, with `to` and `response` where they apply.",
            "Sett innspillets `status` til forwarded, answered eller closed, med `to` og `response` der det passer.",
        ),
    },
    checks: Checks {
        group: Some(inputs_followed_up),
        registry: None,
    },
};

const S_FORWARD: Clause = Clause {
    source: "S",
    text: "Vi oppsummerer innspillene og tar dem med videre til styringsgruppen og politisk nivå.",
};

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
