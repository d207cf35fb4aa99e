//! What every command that writes shares: the lock, the scoped load, reading a file for editing,
//! checking ids and references given on the command line, and finishing an edit (the pre-write
//! check, `--dry-run`, `--force`, the atomic write and the one line that says what changed).
//!
//! Exit codes (cli.md): a bad argument or a thing that does not exist (an unknown person, group,
//! organisation or region; a missing `--region`; no proposal to consent to; no active seat to
//! end) is exit 2, through `Err`. A change that would break the mandate (a second regional
//! member, the wrong RHF appointing, a date before the proposal, or any new error the rules
//! find) is a refusal: exit 1, through [`Outcome::RulesBroken`].

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::cli::EditOptions;
use crate::diagnostic::{self, RenderOptions};
use crate::edit::write::{Lock, LockError};
use crate::edit::{self, Applied, ApplyError, Base, MdDoc, Mode, Status, Step, TomlDoc};
use crate::i18n::{Lang, Text};
use crate::registry::{self, Date, LoadError, Loaded, Overlay, Scope, is_valid_id};
use crate::t;

use super::{Env, Outcome, print};

/// A command's hold on the registry: the lock, and the registry as it was when taken.
pub struct Session {
    pub root: PathBuf,
    pub scope: Scope,
    /// Files read as they are on disk, besides the scope (people a command names).
    extra: Overlay,
    pub before: Loaded,
    pub at: Date,
    pub lang: Lang,
    /// Only new errors of the file-level rules refuse the change (a new person or group).
    pub file_level_only: bool,
    _lock: Lock,
}

/// Another writer held the registry's lock for longer than we wait: exit 2 on the command
/// line, 409 in the web application.
#[derive(Debug)]
pub struct Busy(pub String);

impl std::fmt::Display for Busy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Busy {}

/// An error for exit code 2 in the user's language.
pub fn bad(lang: Lang, text: Text) -> anyhow::Error {
    anyhow::anyhow!(text.get(lang).to_string())
}

/// Prints a refusal and returns exit code 1.
pub fn refuse(lang: Lang, text: Text) -> anyhow::Result<Outcome> {
    eprintln!("error: {}", text.get(lang));
    eprintln!(
        "{}",
        crate::i18n::pick(lang, "nothing was written", "ingenting ble skrevet")
    );
    Ok(Outcome::RulesBroken)
}

/// Checks an id given on the command line before it becomes part of a path.
pub fn check_id(what: &str, id: &str, lang: Lang) -> anyhow::Result<()> {
    if is_valid_id(id) {
        return Ok(());
    }
    Err(bad(
        lang,
        t!(
            "`{id}` is not a valid {what} id: use 1 to 64 characters a-z, 0-9 and -, starting with a letter",
            "`{id}` er ikke en gyldig id ({what}): bruk 1 til 64 tegn a-z, 0-9 og -, og start med en bokstav"
        ),
    ))
}

impl Session {
    /// Takes the lock and loads `groups` (which must exist) and the people files `people`.
    pub fn open(env: &Env, groups: &[&str], people: &[&str]) -> anyhow::Result<Session> {
        let root = env.root()?;
        if !root.join("registry.toml").is_file() {
            return Err(LoadError::NotARegistry(root).into());
        }
        let lang0 = env.lang;
        for g in groups {
            check_id("group", g, lang0)?;
        }
        for p in people {
            check_id("person", p, lang0)?;
        }
        let lock = Lock::acquire(&root).map_err(|e| match e {
            LockError::Busy { waited, .. } => {
                let secs = waited.as_secs_f32().round();
                let text = t!(
                    "another mandat command has been changing this registry for more than {secs} s (it holds .mandat.lock); wait until it has finished and run the command again",
                    "en annen mandat-kommando har endret registeret i mer enn {secs} s (den holder .mandat.lock); vent til den er ferdig, og kjør kommandoen på nytt"
                );
                anyhow::Error::new(Busy(text.get(lang0).to_string()))
            }
            LockError::NotAFile { .. } => bad(
                lang0,
                t!(
                    "the lock file .mandat.lock is not a regular file (a link, a FIFO, a folder or a device), so it is not used; remove it and run the command again",
                    "låsefilen .mandat.lock er ikke en vanlig fil (en lenke, en FIFO, en mappe eller en enhet), så den blir ikke brukt; fjern den og kjør kommandoen på nytt"
                ),
            ),
            other => other.into(),
        })?;
        let mut extra = Overlay::new();
        for p in people {
            let rel = format!("people/{p}.toml");
            if std::fs::symlink_metadata(root.join(&rel)).is_err() {
                return Err(bad(lang0, unknown_person(&root, p)));
            }
            extra.insert(rel.clone(), read_text(&root, &rel, lang0)?);
        }
        let scope = Scope::Groups(
            groups
                .iter()
                .map(|g| g.to_string())
                .collect::<BTreeSet<_>>(),
        );
        let before = registry::load_with(&root, &scope, &extra)?;
        let lang = env.lang_of(Some(&before.registry));
        Ok(Session {
            root,
            scope,
            extra,
            before,
            at: env.at,
            lang,
            file_level_only: false,
            _lock: lock,
        })
    }

    pub fn reg(&self) -> &registry::Registry {
        &self.before.registry
    }

    /// A TOML file of the registry, ready for editing; a new empty one if it does not exist.
    pub fn toml(&self, rel: &str) -> anyhow::Result<(Option<String>, TomlDoc)> {
        // Only nothing at all is a new file: a dangling link or a FIFO is read, and refused.
        if std::fs::symlink_metadata(self.root.join(rel)).is_err() {
            return Ok((None, TomlDoc::empty()));
        }
        let text = read_text(&self.root, rel, self.lang)?;
        let doc = TomlDoc::parse(&text).map_err(|e| self.unparsable(rel, &e.0))?;
        Ok((Some(text), doc))
    }

    /// A Markdown file with front matter, ready for editing.
    pub fn markdown(&self, rel: &str) -> anyhow::Result<(String, MdDoc)> {
        let text = read_text(&self.root, rel, self.lang)?;
        let doc = MdDoc::parse(&text).map_err(|e| self.unparsable(rel, &e.0))?;
        Ok((text, doc))
    }

    fn unparsable(&self, rel: &str, why: &str) -> anyhow::Error {
        let why_nb = crate::registry::parser_text::reason_nb(why);
        bad(
            self.lang,
            t!(
                "cannot edit `{rel}`: {why}; fix the file first (`mandat validate` shows where)",
                "kan ikke endre `{rel}`: {why_nb}; rett filen først (`mandat validate` viser hvor)"
            ),
        )
    }

    /// Whether a person file exists.
    pub fn person_exists(&self, id: &str) -> bool {
        is_valid_id(id) && self.root.join(format!("people/{id}.toml")).is_file()
    }

    /// Checks the step's change and writes it (see [`edit::apply`]), returning what happened.
    /// New errors refuse it; with `file_level_only`, only new errors of the file-level rules.
    pub fn apply(&self, step: Step, mode: Mode) -> anyhow::Result<Applied> {
        self.apply_judged(step, mode, &self.judge())
    }

    /// Which new errors refuse a change: all, or with `file_level_only` (a new group or person,
    /// necessarily incomplete) only those of the file-level rules.
    fn judge(&self) -> impl Fn(&crate::diagnostic::Diagnostic) -> bool + use<> {
        let file_level_only = self.file_level_only;
        move |d| !file_level_only || crate::rules::rule(d.rule).meta.file_level
    }

    /// [`Session::apply`], where `counts` says which new errors refuse the change (`import
    /// registry`: every error of an existing group, only file-level ones of a new group).
    pub fn apply_judged(
        &self,
        step: Step,
        mode: Mode,
        counts: &dyn Fn(&crate::diagnostic::Diagnostic) -> bool,
    ) -> anyhow::Result<Applied> {
        let base = Base {
            root: &self.root,
            scope: &self.scope,
            extra: &self.extra,
            before: &self.before,
            at: self.at,
            counts,
        };
        edit::apply(&base, step, mode).map_err(|e| match e {
            ApplyError::Load(e) => e.into(),
            e => bad(self.lang, e.text()),
        })
    }

    /// Checks the change, then prints it (`--dry-run`) or writes it and says what it did.
    pub fn finish(self, step: Step, opts: EditOptions, env: &Env) -> anyhow::Result<Outcome> {
        let judge = self.judge();
        self.finish_judged(step, opts, env, &judge)
    }

    /// [`Session::finish`] with [`Session::apply_judged`]'s `counts`.
    pub fn finish_judged(
        self,
        step: Step,
        opts: EditOptions,
        env: &Env,
        counts: &dyn Fn(&crate::diagnostic::Diagnostic) -> bool,
    ) -> anyhow::Result<Outcome> {
        let lang = self.lang;
        let mode = Mode {
            force: opts.force,
            dry_run: opts.dry_run,
        };
        let applied = self.apply_judged(step, mode, counts)?;
        if applied.status == Status::Unchanged {
            print(&format!(
                "{}\n",
                pick(lang, "nothing to change", "ingenting å endre")
            ))?;
            print_note(&applied)?;
            return Ok(Outcome::Ok);
        }
        let render = RenderOptions {
            lang,
            color: env.color,
            width: super::terminal_width(),
        };
        if !applied.new_errors.is_empty() {
            print(&diagnostic::human::render(
                &applied.new_errors,
                &applied.files,
                render,
            ))?;
        }
        if let Some(why) = &applied.refusal {
            let outcome = refuse(lang, why.clone());
            if let Some(help) = &applied.help {
                eprintln!("{}", help.get(lang));
            }
            return outcome;
        }
        if !applied.new_errors.is_empty() {
            let Text { en, nb } = edit::apply::new_errors_text(applied.new_errors.len());
            // `warning:` like every other line mandat starts with a level, in both languages.
            eprintln!(
                "{}",
                t!(
                    "warning: writing despite {en} (--force)",
                    "warning: skriver til tross for {nb} (--force)"
                )
                .get(lang)
            );
        }
        if opts.dry_run {
            print(&dry_run_text(&applied, self.reg(), lang, render.color))?;
            eprintln!(
                "{}",
                pick(
                    lang,
                    "dry run: nothing was written",
                    "prøvekjøring: ingenting ble skrevet"
                )
            );
            print_note(&applied)?;
            return Ok(Outcome::Ok);
        }
        print(&format!("{}\n", applied.message.get(lang)))?;
        print_note(&applied)?;
        Ok(Outcome::Ok)
    }
}

/// A `--dry-run`: for each file, a heading naming the group, the people and the fields that
/// change (the diff below names the file), then the unified diff; under colour the headings bold, removed lines red and added
/// lines green.
fn dry_run_text(applied: &Applied, reg: &registry::Registry, lang: Lang, color: bool) -> String {
    const BOLD: &str = "\x1b[1m";
    const RED: &str = "\x1b[31m";
    const GREEN: &str = "\x1b[32m";
    const CYAN: &str = "\x1b[36m";
    const RESET: &str = "\x1b[0m";
    let paint = |code: &str, line: &str| {
        if color {
            format!("{code}{line}{RESET}\n")
        } else {
            format!("{line}\n")
        }
    };
    let mut out = String::new();
    for s in &applied.subjects {
        let mut parts = Vec::new();
        if let Some(g) = &s.group {
            parts.push(format!("{} {g}", pick(lang, "group", "gruppe")));
        }
        if !s.people.is_empty() {
            let names: Vec<String> = s
                .people
                .iter()
                .map(|p| crate::source::shown(reg.person_name(p)))
                .collect();
            parts.push(format!(
                "{} {}",
                pick(lang, "person", "person"),
                names.join(", ")
            ));
        }
        if !s.fields.is_empty() {
            let word = if s.fields.len() == 1 {
                pick(lang, "field", "felt")
            } else {
                pick(lang, "fields", "felter")
            };
            let fields: Vec<String> = s.fields.iter().map(|f| crate::source::shown(f)).collect();
            parts.push(format!("{word} {}", fields.join(", ")));
        }
        if s.new_file {
            parts.push(pick(lang, "new file", "ny fil").to_string());
        }
        let text = super::table::wrap("", "  ", &parts.join(" · "), super::table::width());
        for line in text.lines() {
            out.push_str(&paint(BOLD, line));
        }
    }
    if !applied.subjects.is_empty() {
        out.push('\n');
    }
    for line in applied.diff.lines() {
        let code = if line.starts_with("+++") || line.starts_with("---") {
            BOLD
        } else if line.starts_with('+') {
            GREEN
        } else if line.starts_with('-') {
            RED
        } else if line.starts_with("@@") {
            CYAN
        } else {
            ""
        };
        if code.is_empty() {
            out.push_str(line);
            out.push('\n');
        } else {
            out.push_str(&paint(code, line));
        }
    }
    out
}

/// What a change shows once done (`notify`'s announcement), after a blank line.
fn print_note(applied: &Applied) -> anyhow::Result<()> {
    match &applied.note {
        Some(note) => print(&format!("\n{note}")),
        None => Ok(()),
    }
}

fn pick(lang: Lang, en: &'static str, nb: &'static str) -> &'static str {
    crate::i18n::pick(lang, en, nb)
}

/// Reads a registry file as UTF-8 text for editing.
pub fn read_text(root: &std::path::Path, rel: &str, lang: Lang) -> anyhow::Result<String> {
    let bytes = crate::registry::one_file::read_in_registry(root, rel)
        .map_err(|why| bad(lang, why.text(rel)))?;
    String::from_utf8(bytes).map_err(|_| {
        bad(
            lang,
            t!(
                "cannot edit `{rel}`: it is not valid UTF-8; save it as UTF-8 first",
                "kan ikke endre `{rel}`: filen er ikke gyldig UTF-8; lagre den som UTF-8 først"
            ),
        )
    })
}

/// A date as the contract writes it.
pub fn ymd(d: Date) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// No people/PERSON.toml: a likely typo of an existing id, or a person not added yet.
fn unknown_person(root: &std::path::Path, p: &str) -> Text {
    let known: Vec<String> = std::fs::read_dir(root.join("people"))
        .into_iter()
        .flatten()
        .filter_map(|e| {
            e.ok()?
                .file_name()
                .to_str()?
                .strip_suffix(".toml")
                .map(String::from)
        })
        .collect();
    match crate::registry::read::nearest(p, known.iter().map(String::as_str)) {
        Some(near) => t!(
            "there is no person `{p}` in people/; did you mean `{near}`? (`mandat list people` lists them)",
            "det finnes ingen person `{p}` i people/; mente du `{near}`? (`mandat list people` viser alle)"
        ),
        None => t!(
            "there is no person `{p}` in people/; add the person first with `mandat person add {p} --name \"...\"`",
            "det finnes ingen person `{p}` i people/; legg personen til først med `mandat person add {p} --name \"...\"`"
        ),
    }
}

/// `text` about an organisation id that is not in organisations.toml, with the nearest id when
/// one is close enough to be a typo (`UNN` → `unn`, `helse-bergn` → `helse-bergen`).
pub fn with_org_hint(reg: &registry::Registry, id: &str, text: Text) -> Text {
    let ids = reg.organisations.iter().map(|o| o.id.as_str());
    match registry::read::nearest(&id.to_lowercase(), ids) {
        Some(near) => Text {
            en: format!("{} (did you mean `{near}`?)", text.en),
            nb: format!("{} (mente du `{near}`?)", text.nb),
        },
        None => text,
    }
}
