//! `minutes-recorded`: a held meeting has no attendees or no minutes.

use super::Ctx;
use super::{Checks, Rule};
use crate::diagnostic::Diagnostic;
use crate::registry::Group;
use crate::rule_id::{Applies, Clause, Level, RuleId, RuleMeta, text};
use crate::source::Span;
use crate::t;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: RuleId::MinutesRecorded,
        applies: Applies::Every,
        default: Level::Error,
        file_level: false,
        summary: text(
            "a held meeting has no attendees or no minutes",
            "et avholdt møte mangler deltakere eller referat",
        ),
        purpose: text(
            "What the group says must be documented: who took part, and what was discussed and advised.",
            "Det gruppen sier, skal dokumenteres: hvem som deltok, og hva som ble drøftet og gitt som råd.",
        ),
        clauses: &[S_DOCUMENTED],
        fix: text(
            "List the attendees in `attendees` and write the minutes below the front matter.",
            "Før opp deltakerne i `attendees` og skriv referatet under front matter.",
        ),
    },
    checks: Checks {
        group: Some(minutes_recorded),
        registry: None,
    },
};

const S_DOCUMENTED: Clause = Clause {
    source: "S",
    text: "Dere har rett til å bli hørt og deres innspill vil bli dokumentert.",
};

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

/// The closing `+++` line that ends right before `body_start`.
fn closing_delimiter(text: &str, file: usize, body_start: usize) -> Span {
    let before = text.get(..body_start).unwrap_or(text);
    let line = before.strip_suffix('\n').unwrap_or(before);
    let line = line.strip_suffix('\r').unwrap_or(line);
    let start = line.rfind('\n').map_or(0, |i| i + 1);
    Span::new(file, start..line.len())
}
