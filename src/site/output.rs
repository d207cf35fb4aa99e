//! Writing the site into OUT (web.md): OUT is created if missing; a marker `OUT/.mandat-site`
//! says that `mandat site` made the folder, and a non-empty OUT without it is refused; files of
//! an earlier run that are no longer produced are removed from `OUT/groups/` and
//! `OUT/regions/` only; an OUT that is, or holds, a file the registry reads is refused (cli.md).
//! A file whose bytes did not change is not written again, so its modification time tells what
//! changed.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use super::File;
use crate::i18n::Text;
use crate::t;

/// The marker's name and text.
pub const MARKER: &str = ".mandat-site";
const MARKER_TEXT: &str = "This folder is written by `mandat site`. Every run rewrites it; files under groups/ and regions/ that it no longer produces are removed.\n";

/// What a run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Files the site holds.
    pub files: usize,
    /// Of those, files written because they were new or changed.
    pub changed: usize,
    /// Files of an earlier run removed.
    pub removed: usize,
}

/// Why OUT was refused (exit 2), in both languages.
#[derive(Debug)]
pub struct Refused(pub Text);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.en)
    }
}

impl std::error::Error for Refused {}

/// `path` made absolute, with symbolic links of its existing part resolved and `.`/`..` of the
/// rest applied, so that two spellings of one folder compare equal.
fn resolve(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut existing = abs.as_path();
    let mut rest: Vec<Component> = Vec::new();
    let mut base = loop {
        if let Ok(c) = existing.canonicalize() {
            break c;
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                existing = parent;
            }
            _ => break abs.clone(),
        }
    };
    for c in rest.into_iter().rev() {
        match c {
            Component::ParentDir => {
                base.pop();
            }
            Component::CurDir => {}
            other => base.push(other),
        }
    }
    base
}

/// Refuses an OUT that is, holds or lies inside what the registry reads (registry.toml,
/// organisations.toml, `people/`, `groups/`).
pub fn check_not_registry(out: &Path, root: &Path) -> Result<(), Refused> {
    let out_r = resolve(out);
    let root_r = resolve(root);
    let read = ["registry.toml", "organisations.toml", "people", "groups"].map(|n| root_r.join(n));
    let clash = read
        .iter()
        .any(|r| out_r.starts_with(r) || r.starts_with(&out_r));
    if clash {
        let o = out.display().to_string();
        return Err(Refused(t!(
            "{o} is or holds files the registry reads (registry.toml, organisations.toml, people/, groups/); give a folder outside them, such as _site",
            "{o} er eller inneholder filer registeret leser (registry.toml, organisations.toml, people/, groups/); oppgi en mappe utenfor dem, for eksempel _site"
        )));
    }
    Ok(())
}

/// Refuses an OUT that is a file, or a non-empty folder without the marker.
pub fn check_ours(out: &Path) -> Result<(), Refused> {
    let o = out.display().to_string();
    match std::fs::symlink_metadata(out) {
        Err(_) => Ok(()),
        Ok(m) if !m.is_dir() => Err(Refused(t!(
            "{o} exists and is not a folder; give a folder for the site",
            "{o} finnes og er ikke en mappe; oppgi en mappe for nettstedet"
        ))),
        Ok(_) => {
            let mut entries = std::fs::read_dir(out).map_err(|e| {
                Refused(t!(
                    "cannot read the folder {o}: {e}",
                    "kan ikke lese mappen {o}: {e}"
                ))
            })?;
            let empty = entries.next().is_none();
            let marked = std::fs::symlink_metadata(out.join(MARKER)).is_ok_and(|m| m.is_file());
            if empty || marked {
                Ok(())
            } else {
                Err(Refused(t!(
                    "{o} is not empty and was not made by `mandat site` (it has no {MARKER}); give an empty or new folder",
                    "{o} er ikke tom og er ikke laget av `mandat site` (den har ingen {MARKER}); oppgi en tom eller ny mappe"
                )))
            }
        }
    }
}

/// Writes the site into `out` (already checked), removes what an earlier run left in `groups/`
/// and `regions/`, and says what it did.
pub fn write(out: &Path, files: &[File]) -> anyhow::Result<Summary> {
    std::fs::create_dir_all(out)?;
    let mut summary = Summary {
        files: files.len(),
        ..Summary::default()
    };
    write_if_changed(&out.join(MARKER), MARKER_TEXT.as_bytes())?;
    for f in files {
        let path = out.join(&f.path);
        if write_if_changed(&path, &f.bytes)? {
            summary.changed += 1;
        }
    }
    let produced: BTreeSet<PathBuf> = files.iter().map(|f| out.join(&f.path)).collect();
    for dir in ["groups", "regions"] {
        summary.removed += remove_stale(&out.join(dir), &produced)?;
    }
    Ok(summary)
}

/// Writes `bytes` to `path` through a temporary file and a rename, unless it already holds them.
/// Returns whether it wrote.
fn write_if_changed(path: &Path, bytes: &[u8]) -> anyhow::Result<bool> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
        && std::fs::read(path).is_ok_and(|old| old == bytes)
    {
        return Ok(false);
    }
    let parent = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let mut tmp = tempfile::NamedTempFile::new_in(parent)?;
    tmp.write_all(bytes)?;
    tmp.persist(path)
        .map_err(|e| anyhow::anyhow!("cannot write {}: {}", path.display(), e.error))?;
    Ok(true)
}

/// Removes every file under `dir` that is not in `produced`, then the folders left empty.
fn remove_stale(dir: &Path, produced: &BTreeSet<PathBuf>) -> anyhow::Result<usize> {
    if !std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
        return Ok(0);
    }
    let mut removed = 0;
    let mut dirs = Vec::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(false).min_depth(1) {
        let entry = entry?;
        if entry.file_type().is_dir() {
            dirs.push(entry.into_path());
        } else if !produced.contains(entry.path()) {
            std::fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    for d in dirs {
        // Only empty folders go; one that still holds something stays.
        let _ = std::fs::remove_dir(&d);
    }
    Ok(removed)
}
