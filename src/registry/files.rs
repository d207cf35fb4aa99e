//! The file store: where the registry's bytes come from. The disk (read folder by folder when
//! the whole registry is loaded, see [`super::prefetch`]), an overlay of files an edit would write, the size limit, links
//! that must stay in the registry, and UTF-8. Everything the loader reads goes through
//! [`Loader::read`]; nothing here parses or judges what a file says.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::prefetch::Batch;
pub use super::prefetch::BeforeFolder;
use crate::diagnostic::{Diagnostic, Place};
use crate::i18n::Text;
use crate::rule_id::RuleId;
use crate::source::{FileId, SourceFile, Span};
use crate::t;

pub use super::one_file::MAX_FILE_BYTES;
use super::one_file::{self as one, Refused};
pub(super) use decode::lossy_text;
use decode::utf16_text;

mod decode;

/// How the whole registry is read from disk; the result is the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ReadAhead {
    /// File by file, as the loader comes to each, as for an overlay or some groups whatever
    /// this says; the tests compare it with reading folder by folder.
    #[cfg(test)]
    Off,
    /// Folder by folder ([`super::prefetch`]), by this many threads side by side, each reading
    /// and parsing the folders it takes ([`super::parallel`]).
    Folders { threads: usize },
}

/// The loader's state: the files read so far and what reading them found. The builders of each
/// file kind (`build/`) and the `pii` walk (`other_files`) are further `impl` blocks on it.
pub(super) struct Loader {
    pub(super) root: PathBuf,
    pub(super) canonical_root: PathBuf,
    pub(super) files: Vec<SourceFile>,
    pub(super) diags: Vec<Diagnostic>,
    pub(super) overlay: Overlay,
    /// Where released files are read again from; `None` when no text is released (see
    /// [`Loader::release_from`]).
    pub(super) release_root: Option<std::sync::Arc<Path>>,
    /// What was read folder by folder for the group or people being loaded now
    /// ([`super::prefetch`]); empty when files are read one by one.
    pub(super) batch: Batch,
    /// For each group whose whole folder the reader listed, the text files in it that the
    /// loader did not read: the `pii` walk takes them from here instead of walking the folder.
    pub(super) walked_groups: std::collections::HashMap<String, WalkedGroup>,
    /// The regular files the `pii` walk met but did not keep (not text, or too large): their
    /// names are looked at too.
    pub(super) unread: Vec<String>,
    /// Folders (with a trailing `/`) that are links out of the registry, reported once; nothing
    /// under them is read.
    pub(super) blocked: Vec<String>,
    /// Told of each folder before the loader lists it or reads a file in it from disk.
    pub(super) before_folder: Option<BeforeFolder>,
    /// What the loading threads noted of the files they loaded ([`super::parallel`]); `None`
    /// when the files were read one by one.
    pub(super) threaded: Option<Threaded>,
    /// The people folder's listing as the loader read it from disk, every entry, when the whole
    /// registry is read on threads ([`super::parallel`]): the `pii` walk goes through it instead
    /// of listing the 70,000 names of a large registry a second time.
    pub(super) people_listing: Option<Listing>,
}

/// A folder's entries as listed: each name and its type, as the listing tells it.
pub(super) type Listing = Vec<(std::ffi::OsString, fs::FileType)>;

/// What the loading threads noted of each file while it was fresh in their caches, so that the
/// end of the load, on one thread, need not visit each of 420,000 files again.
#[derive(Default)]
pub(super) struct Threaded {
    /// The files the threads loaded.
    pub(super) range: std::ops::Range<FileId>,
    /// Of those, every one that is not in a group folder read whole (the `pii` walk looks such
    /// files up by name): the people files, and the files of a group whose folder was not.
    pub(super) outside_walked: Vec<FileId>,
    /// Of those, the ones with something like an identity number in their path.
    pub(super) pii_paths: Vec<FileId>,
}

/// A group folder read whole: its other text files, and the paths of the regular files in it
/// that were not read (for the `pii` walk).
pub(super) type WalkedGroup = (Vec<SourceFile>, Vec<String>);

pub(super) fn syntax_at(span: Span, message: Text) -> Diagnostic {
    Diagnostic::at(RuleId::Syntax, span, message)
}

impl Loader {
    /// Tells [`Loader::before_folder`] of folder `rel` (relative to the root; "" for the root).
    pub(in crate::registry) fn before_folder(&self, rel: &str) {
        if let Some(hook) = &self.before_folder {
            hook(&self.root.join(rel));
        }
    }

    /// After group `dir` is loaded: when the reader listed its whole folder, the text files it
    /// read that the loader did not take are the group's other text files, which the `pii` rule
    /// must see. They are kept for [`Loader::read_other_text_files`], which then need not walk
    /// the folder.
    pub(in crate::registry) fn keep_other_text_files(&mut self, dir: &str) {
        let Some((others, unread)) = std::mem::take(&mut self.batch).into_other_files() else {
            return;
        };
        let others = others
            .into_iter()
            .map(|(rel, bytes)| SourceFile::new(rel, lossy_text(bytes)))
            .collect();
        self.walked_groups.insert(dir.to_string(), (others, unread));
    }

    /// Names in a folder under the root, sorted; only folders (`dirs`) or only files.
    /// A missing folder is empty. The names are unique, so an unstable sort gives the same order
    /// as a stable one, faster (70,000 people files at 10,000 groups).
    pub(in crate::registry) fn list_dir(
        &mut self,
        rel: &str,
        dirs: bool,
    ) -> Result<Vec<String>, LoadError> {
        self.list_dir_keeping(rel, dirs, false)
    }

    /// [`Loader::list_dir`]; with `keep`, a listing read from disk is also kept whole, every
    /// entry, in [`Loader::people_listing`].
    pub(in crate::registry) fn list_dir_keeping(
        &mut self,
        rel: &str,
        dirs: bool,
        keep: bool,
    ) -> Result<Vec<String>, LoadError> {
        if let Some(listing) = self.batch.take_dir(rel) {
            // Read ahead, which happens only without an overlay.
            let mut names: Vec<String> = listing
                .into_iter()
                .filter(|(name, is_dir)| wanted(name, *is_dir, dirs))
                .map(|(name, _)| name)
                .collect();
            names.sort_unstable();
            return Ok(names);
        }
        let path = self.root.join(rel);
        let mut names: Vec<String> = self.overlay_names(rel, dirs);
        // A folder that is a link is listed only when it stays in the registry.
        if self.is_blocked(rel) || !self.folder_link_stays(rel) {
            names.sort_unstable();
            return Ok(names);
        }
        // Only the few names from the overlay can repeat a name on disk.
        let from_overlay = names.len();
        self.before_folder(rel);
        let entries = match fs::read_dir(&path) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                names.sort_unstable();
                return Ok(names);
            }
            Err(e) => return Err(LoadError::Unreadable(path, e)),
        };
        let mut kept: Option<Listing> = keep.then(Vec::new);
        for entry in entries.flatten() {
            if let Some(kept) = &mut kept
                && let Ok(kind) = entry.file_type()
            {
                kept.push((entry.file_name(), kind));
            }
            // The name as it was read when it is UTF-8 (one allocation, not two).
            let name = entry
                .file_name()
                .into_string()
                .unwrap_or_else(|raw| raw.to_string_lossy().into_owned());
            if name.starts_with('.') {
                continue;
            }
            // A name the format uses for a file (`*.toml`, `*.md`) is listed as one whatever it
            // is: reading it reports a folder there.
            if !dirs && is_file_name(&name) {
                if !names[..from_overlay].contains(&name) {
                    names.push(name);
                }
                continue;
            }
            // The folder listing tells the type without a stat; only a link needs a look.
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let kind = if kind.is_symlink() {
                match self.kind_of(&format!("{rel}/{name}")) {
                    Some(k) => k,
                    None => continue,
                }
            } else {
                kind
            };
            if wanted(&name, kind.is_dir(), dirs) && !names[..from_overlay].contains(&name) {
                names.push(name);
            }
        }
        if kept.is_some() {
            self.people_listing = kept;
        }
        names.sort_unstable();
        Ok(names)
    }

    /// The names directly in folder `rel` that the overlay adds: folders or files.
    pub(in crate::registry) fn overlay_names(&self, rel: &str, dirs: bool) -> Vec<String> {
        let prefix = format!("{rel}/");
        let mut names: Vec<String> = Vec::new();
        for path in self.overlay.keys() {
            let Some(rest) = path.strip_prefix(&prefix) else {
                continue;
            };
            let name = match rest.split_once('/') {
                Some((dir, _)) if dirs => dir,
                None if !dirs => rest,
                _ => continue,
            };
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
        names
    }

    /// The wanted group folders that exist (on disk or in the overlay), without listing the
    /// groups folder.
    pub(in crate::registry) fn wanted_group_dirs(
        &mut self,
        wanted: &BTreeSet<String>,
    ) -> Vec<String> {
        let mut dirs = Vec::new();
        for g in wanted {
            let rel = format!("groups/{g}");
            let in_overlay = self
                .overlay
                .keys()
                .any(|k| k.starts_with(&format!("{rel}/")));
            if in_overlay
                || (!self.is_blocked(&rel) && self.kind_of(&rel).is_some_and(|k| k.is_dir()))
            {
                dirs.push(g.clone());
            }
        }
        dirs
    }

    /// The file type behind a path, following a symlink only when it stays in the registry.
    /// A symlink that leaves the registry, loops or dangles is reported and yields `None`.
    pub(in crate::registry) fn kind_of(&mut self, rel: &str) -> Option<fs::FileType> {
        let path = self.root.join(rel);
        let meta = fs::symlink_metadata(&path).ok()?;
        if !meta.file_type().is_symlink() {
            return Some(meta.file_type());
        }
        match fs::canonicalize(&path) {
            Ok(target) if target.starts_with(&self.canonical_root) => {
                fs::metadata(&path).ok().map(|m| m.file_type())
            }
            Ok(target) => {
                self.refused(rel, Refused::OutOfRegistry(target));
                None
            }
            Err(e) => {
                self.refused(rel, Refused::BrokenLink(e));
                None
            }
        }
    }

    /// Whether folder `rel`, when it is a symbolic link, leads to a place in the registry. One
    /// that does not is reported once and blocked: nothing under it is read.
    pub(in crate::registry) fn folder_link_stays(&mut self, rel: &str) -> bool {
        if !fs::symlink_metadata(self.root.join(rel)).is_ok_and(|m| m.file_type().is_symlink()) {
            return true;
        }
        if self.kind_of(rel).is_some() {
            return true;
        }
        self.blocked.push(format!("{rel}/"));
        false
    }

    /// Whether `rel` lies under a folder link that leads out of the registry (already reported).
    pub(in crate::registry) fn is_blocked(&self, rel: &str) -> bool {
        !self.blocked.is_empty()
            && self
                .blocked
                .iter()
                .any(|b| rel.starts_with(b.as_str()) || b.strip_suffix('/') == Some(rel))
    }

    /// Reports a file that was not read, as a `syntax` error at its path.
    pub(in crate::registry) fn refused(&mut self, rel: &str, why: Refused) {
        let mut d = Diagnostic::new(RuleId::Syntax, Place::File(rel.to_string()), why.text(rel));
        if let Some(help) = why.help() {
            d = d.help(help);
        }
        self.diags.push(d);
    }

    /// Reads a file as text. Returns `None`, with a diagnostic, when it cannot be parsed.
    pub(in crate::registry) fn read(&mut self, rel: &str) -> Option<FileId> {
        if let Some(text) = self.overlay.get(rel) {
            self.files
                .push(SourceFile::new(rel.to_string(), text.clone()));
            return Some(self.files.len() - 1);
        }
        // The reader's path is kept: no second copy of it.
        if let Some((rel, bytes)) = self.batch.take_file(rel) {
            return self.push_read(rel, bytes);
        }
        if self.is_blocked(rel) {
            return None;
        }
        self.before_folder(rel.rsplit_once('/').map_or("", |(dir, _)| dir));
        let path = self.root.join(rel);
        // One stat for a plain file; a link is first checked to stay inside the registry.
        let mut meta = fs::symlink_metadata(&path).ok()?;
        if meta.file_type().is_symlink() {
            self.kind_of(rel)?;
            meta = fs::metadata(&path).ok()?;
        }
        match one::read_checked(&path, &meta) {
            Ok(bytes) => self.push_read(rel.to_string(), bytes),
            Err(why) => {
                self.refused(rel, why);
                None
            }
        }
    }

    /// Adds a file read from disk, reporting it when it is not UTF-8.
    pub(in crate::registry) fn push_read(&mut self, rel: String, bytes: Vec<u8>) -> Option<FileId> {
        let save_as_utf8 = || {
            t!(
                "save the file as UTF-8 in your editor",
                "lagre filen som UTF-8 i redigeringsprogrammet"
            )
        };
        if let Some(text) = utf16_text(&bytes) {
            let message = t!(
                "`{rel}` is UTF-16 text, not UTF-8",
                "`{rel}` er UTF-16-tekst, ikke UTF-8"
            );
            // Kept decoded, so that `pii` sees its digits; not parsed.
            self.files.push(SourceFile::new(rel, text));
            let id = self.files.len() - 1;
            self.diags
                .push(syntax_at(Span::new(id, 0..0), message).help(save_as_utf8()));
            return None;
        }
        match String::from_utf8(bytes) {
            Ok(text) => {
                self.files.push(SourceFile::new(rel, text));
                Some(self.files.len() - 1)
            }
            Err(e) => {
                // Kept with replacement characters, so that `pii` still sees the rest; the
                // offsets up to the first invalid byte are the file's own.
                let valid = e.utf8_error().valid_up_to();
                let message = t!(
                    "`{rel}` is not valid UTF-8 (invalid byte at offset {valid})",
                    "`{rel}` er ikke gyldig UTF-8 (ugyldig byte ved posisjon {valid})"
                );
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                self.files.push(SourceFile::new(rel, text));
                let id = self.files.len() - 1;
                self.diags
                    .push(syntax_at(Span::new(id, valid..valid), message).help(save_as_utf8()));
                None
            }
        }
    }

    /// Releases the text of the files read since `first` (they are parsed) that hold no
    /// identity number, when the whole registry is being read from disk: at 10,000 groups the
    /// text is 260 MB that no rule needs. The `pii` rule looks only in the files kept; a
    /// released file is read again if a diagnostic needs to quote it.
    pub(in crate::registry) fn release_from(&mut self, first: FileId) {
        let Some(root) = &self.release_root else {
            return;
        };
        for f in &mut self.files[first..] {
            if !f.text().is_empty() && crate::pii_scan::find(f.text()).is_empty() {
                f.release(root.clone());
            }
        }
    }

    /// Reads `rel` if it exists; `Err(())` when it does not.
    pub(in crate::registry) fn read_if_exists(&mut self, rel: &str) -> Result<Option<FileId>, ()> {
        if !self.overlay.contains_key(rel)
            && !self.batch.has_file(rel)
            && fs::symlink_metadata(self.root.join(rel)).is_err()
        {
            return Err(());
        }
        Ok(self.read(rel))
    }
}

/// Whether a folder listing keeps an entry: folders (`dirs`) or files. A name the format uses
/// for a file is kept among the files even when it is something else (a folder, a FIFO), so that
/// reading it reports what it is instead of skipping it.
fn wanted(name: &str, is_dir: bool, dirs: bool) -> bool {
    !name.starts_with('.')
        && if dirs {
            is_dir
        } else {
            !is_dir || is_file_name(name)
        }
}

/// A name the format gives to files: `*.toml` or `*.md`.
fn is_file_name(name: &str) -> bool {
    name.ends_with(".toml") || name.ends_with(".md")
}

/// Files given in memory (relative path → text), read instead of the disk: the registry as an
/// edit would leave it. A path in the overlay exists even when it does not on disk.
pub type Overlay = std::collections::BTreeMap<String, String>;

/// The registry could not be loaded at all (exit code 2).
#[derive(Debug)]
pub enum LoadError {
    /// The given folder has no registry.toml.
    NotARegistry(PathBuf),
    /// No registry.toml in the current folder or any folder above it.
    NotFound(PathBuf),
    /// The folder does not exist or cannot be read.
    Unreadable(PathBuf, std::io::Error),
    /// `--group` named a group that has no folder.
    UnknownGroup(String),
}

impl LoadError {
    /// The sentence a user reads, in their language.
    pub fn text(&self) -> Text {
        match self {
            LoadError::NotARegistry(p) => {
                let p = p.display();
                t!(
                    "{p} is not a mandat registry: expected a file registry.toml there (create one with `mandat init {p}`)",
                    "{p} er ikke et mandat-register: forventet en fil registry.toml der (opprett et med `mandat init {p}`)"
                )
            }
            LoadError::NotFound(p) => {
                let p = p.display();
                t!(
                    "no registry found: neither {p} nor any folder above it holds a registry.toml; pass the registry folder with --registry DIR",
                    "fant ikke noe register: verken {p} eller noen mappe over den har en registry.toml; oppgi registermappen med --registry MAPPE"
                )
            }
            LoadError::Unreadable(p, e) => {
                let p = p.display();
                t!("cannot read {p}: {e}", "kan ikke lese {p}: {e}")
            }
            LoadError::UnknownGroup(g) => t!(
                "no group `{g}` in this registry: expected a folder groups/{g}/ (`mandat list groups` lists them)",
                "ingen gruppe `{g}` i dette registeret: forventet en mappe groups/{g}/ (`mandat list groups` viser dem)"
            ),
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl std::error::Error for LoadError {}
