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
        after_dissolved: false,
        summary: text(
            "a held meeting has no attendees or no minutes (only headings, HTML comments and white space are no minutes)",
            "et avholdt møte mangler deltakere eller referat (bare overskrifter, HTML-kommentarer og blanke er ikke et referat)",
        ),
        purpose: text(
            "What the group says must be documented: who took part, and what was discussed and advised.",
            "Det gruppen sier, skal dokumenteres: hvem som deltok, og hva som ble drøftet og gitt som råd.",
        ),
        clauses: &[S_DOCUMENTED],
        fix: text(
            "List the attendees in `attendees` and write the minutes below the front matter. The guidance of `mandat meeting new` sits in HTML comments, so an untouched template is reported until someone writes the minutes.",
            "Før opp deltakerne i `attendees` og skriv referatet under front matter. Veiledningen fra `mandat meeting new` står i HTML-kommentarer, så en uendret mal meldes til noen skriver referatet.",
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
        let no_attendees = match &m.attendees {
            Some(list) if !list.value.is_empty() => None,
            other => Some(other.as_ref().map_or(status_span, |l| l.span)),
        };
        // At most one finding per meeting (rules.md): the attendees' place when they are missing.
        let d = match (no_attendees, m.minutes_blank) {
            (None, false) => continue,
            (Some(span), false) => Diagnostic::at(
                RuleId::MinutesRecorded,
                span,
                t!(
                    "the meeting is held, but no attendees are listed",
                    "møtet er avholdt, men ingen deltakere er ført opp"
                ),
            )
            .help(t!(
                "list who took part: `attendees = [\"person-id\", ...]`",
                "før opp hvem som deltok: `attendees = [\"person-id\", ...]`"
            )),
            (Some(span), true) => Diagnostic::at(
                RuleId::MinutesRecorded,
                span,
                t!(
                    "the meeting is held, but no attendees are listed and its minutes are empty",
                    "møtet er avholdt, men ingen deltakere er ført opp og referatet er tomt"
                ),
            )
            .help(t!(
                "list who took part in `attendees`, and write the minutes below the front matter",
                "før opp hvem som deltok i `attendees`, og skriv referatet under front matter"
            )),
            (None, true) => Diagnostic::at(
                RuleId::MinutesRecorded,
                closing_delimiter(ctx.reg.files[m.file].text(), m.file, m.body.start()),
                t!(
                    "the meeting is held, but its minutes are empty",
                    "møtet er avholdt, men referatet er tomt"
                ),
            )
            .help(t!(
                "write the minutes below the front matter: agenda, discussion, advice given (headings and HTML comments alone are not minutes)",
                "skriv referatet under front matter: saksliste, drøfting, råd som ble gitt (overskrifter og HTML-kommentarer alene er ikke et referat)"
            )),
        };
        out.push(d);
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
