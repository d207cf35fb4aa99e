//! The edit transaction as a library call: check a [`Plan`] against the rules, refuse it when it
//! adds an error (unless forced), or write every file atomically. The caller holds the
//! registry's lock (see [`crate::edit::write::Lock`]); the command line prints the [`Applied`]
//! it gets back, the web application answers with it. Both therefore write the same bytes.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::i18n::Text;
use crate::registry::{Date, LoadError, Loaded, Overlay, Scope};
use crate::source::SourceFile;
use crate::t;

use super::Plan;
use super::check;
use super::write::{self, WriteError};

/// What a command computed from its arguments: a change to check and write, or a refusal
/// found before any rule ran (the wrong RHF appointing, a date before the proposal).
#[derive(Clone, Debug)]
pub enum Step {
    Change(Plan),
    /// Refused, with help on how to give what the refusal asks for.
    Refused(Text, Option<Text>),
}

/// How to apply: `--force` writes despite new errors, `--dry-run` writes nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct Mode {
    pub force: bool,
    pub dry_run: bool,
}

/// The registry as it was when the lock was taken, and what the check needs to see it again.
pub struct Base<'a> {
    pub root: &'a Path,
    pub scope: &'a Scope,
    /// Files read as they are on disk besides the scope (people a command names).
    pub extra: &'a Overlay,
    pub before: &'a Loaded,
    pub at: Date,
    /// Which new errors refuse the change: all of them for most commands, only the file-level
    /// rules' for a new (necessarily incomplete) group or person.
    pub counts: &'a dyn Fn(&Diagnostic) -> bool,
}

/// How an edit ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Every file already had its new text.
    Unchanged,
    /// Written (or, in a dry run, checked and shown).
    Done,
    /// Not written: it would add errors, or a precheck refused it.
    Refused,
}

/// The result of [`apply`].
pub struct Applied {
    pub status: Status,
    /// The files the change writes (or would write), relative to the root, in the plan's order.
    pub changed: Vec<String>,
    /// The errors the change adds (written anyway only with `force`).
    pub new_errors: Vec<Diagnostic>,
    /// The files of the registry as checked, for rendering `new_errors`.
    pub files: Vec<SourceFile>,
    /// Why it was refused, when it was.
    pub refusal: Option<Text>,
    /// The change as a unified diff.
    pub diff: String,
    /// What each file's change is about (group, people, fields), for the diff's heading.
    pub subjects: Vec<crate::edit::plan::Subject>,
    /// The one line that says what the change did.
    pub message: Text,
    /// Whether files were written.
    pub written: bool,
    /// What to show once written ([`Plan::note`]).
    pub note: Option<String>,
    /// What to add to a refusal ([`Plan::help`]).
    pub help: Option<Text>,
}

/// Why a change could not be applied at all.
#[derive(Debug)]
pub enum ApplyError {
    Load(LoadError),
    Write { rel: String, error: WriteError },
}

impl ApplyError {
    pub fn text(&self) -> Text {
        match self {
            ApplyError::Load(e) => e.text(),
            ApplyError::Write { rel, error } => {
                let rel = crate::pii_scan::mask(&crate::source::shown(rel)).into_owned();
                match error {
                    WriteError::Changed => t!(
                        "`{rel}` was changed on disk (by an editor or `git pull`?) after mandat read it; nothing was written, so that change is kept: run the command again",
                        "`{rel}` ble endret på disken (av et redigeringsprogram eller `git pull`?) etter at mandat leste den; ingenting ble skrevet, så den endringen er beholdt: kjør kommandoen på nytt"
                    ),
                    WriteError::Outside(target) => {
                        let target = target.display();
                        t!(
                            "will not write `{rel}`: it leads through a symbolic link out of the registry, to {target}",
                            "skriver ikke `{rel}`: den går via en symbolsk lenke ut av registeret, til {target}"
                        )
                    }
                    WriteError::Io(e) => t!(
                        "cannot write `{rel}`: {e}; the file is unchanged",
                        "kan ikke skrive `{rel}`: {e}; filen er uendret"
                    ),
                }
            }
        }
    }
}

impl Applied {
    fn refused(text: Text, help: Option<Text>) -> Applied {
        Applied {
            status: Status::Refused,
            changed: Vec::new(),
            new_errors: Vec::new(),
            files: Vec::new(),
            refusal: Some(text),
            diff: String::new(),
            subjects: Vec::new(),
            message: Text {
                en: String::new(),
                nb: String::new(),
            },
            written: false,
            note: None,
            help,
        }
    }
}

/// Checks the step's change against the rules on the registry as it would be, and writes it
/// unless it adds an error (and `mode.force` is off) or `mode.dry_run` is on.
pub fn apply(base: &Base<'_>, step: Step, mode: Mode) -> Result<Applied, ApplyError> {
    let plan = match step {
        Step::Change(plan) => plan,
        Step::Refused(text, help) => return Ok(Applied::refused(text, help)),
    };
    let changed: Vec<String> = plan.changes.iter().map(|c| c.rel.clone()).collect();
    let mut applied = Applied {
        status: Status::Done,
        changed,
        new_errors: Vec::new(),
        files: Vec::new(),
        refusal: None,
        diff: String::new(),
        subjects: Vec::new(),
        message: plan.summary.clone(),
        written: false,
        note: plan.note.clone(),
        help: plan.help.clone(),
    };
    if plan
        .changes
        .iter()
        .all(|c| c.old.as_deref() == Some(c.new.as_str()))
    {
        applied.status = Status::Unchanged;
        applied.changed.clear();
        return Ok(applied);
    }
    let mut overlay = base.extra.clone();
    overlay.extend(plan.overlay());
    let at = plan.effective.map_or(base.at, |d| d.max(base.at));
    let after = check::new_errors(base.root, base.scope, base.before, &overlay, at)
        .map_err(ApplyError::Load)?;
    applied.new_errors = after.new_errors;
    applied.new_errors.retain(|d| (base.counts)(d));
    applied.files = after.loaded.files;
    if !applied.new_errors.is_empty() {
        let Text { en, nb } = new_errors_text(applied.new_errors.len());
        if !mode.force {
            // An import may change thousands of files: name the first few.
            let files = if applied.changed.len() > 6 {
                let more = applied.changed.len() - 5;
                format!("{} (+{more})", applied.changed[..5].join(", "))
            } else {
                applied.changed.join(", ")
            };
            applied.status = Status::Refused;
            applied.refusal = Some(t!(
                "the change to {files} would add {en}, shown above; fix the cause, or pass --force to write it anyway",
                "endringen av {files} ville gi {nb}, vist over; rett årsaken, eller bruk --force for å skrive likevel"
            ));
            return Ok(applied);
        }
    }
    applied.diff = plan.diff();
    applied.subjects = plan.subjects();
    if mode.dry_run {
        return Ok(applied);
    }
    let failed = |rel: &str| {
        let rel = rel.to_string();
        move |error| ApplyError::Write { rel, error }
    };
    // Every file is looked at before any is written, so that a refusal writes nothing; each is
    // looked at again just before its rename, under the lock (write::write_in_registry).
    for c in &plan.changes {
        write::destination(base.root, &c.rel)
            .and_then(|path| write::unchanged(&path, c.old.as_deref()))
            .map_err(failed(&c.rel))?;
    }
    for c in &plan.changes {
        write::write_in_registry(base.root, &c.rel, c.old.as_deref(), c.new.as_bytes())
            .map_err(failed(&c.rel))?;
    }
    applied.written = true;
    Ok(applied)
}

/// «1 new error» / «3 nye feil»: how a refusal and a forced write count what a change adds.
pub fn new_errors_text(n: usize) -> Text {
    if n == 1 {
        t!("1 new error", "1 ny feil")
    } else {
        t!("{n} new errors", "{n} nye feil")
    }
}
