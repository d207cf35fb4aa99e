//! The `pii` walk: the text files under the root that the registry does not otherwise read,
//! kept so that the `pii` rule can look in them too; the names of every file (an identity number
//! in a file or folder name is a finding at each file whose path holds it); and the text files
//! too large to keep, scanned in a streaming pass.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::files::{Listing, Loader, MAX_FILE_BYTES, lossy_text};
use super::one_file;
use super::one_file::is_text_file;
use crate::diagnostic::{Diagnostic, Place};
use crate::pii_scan::{find, is_identity_number};
use crate::rule_id::RuleId;
use crate::source::SourceFile;
use crate::t;

impl Loader {
    /// Reads the text files under the root that the registry does not otherwise read, so that
    /// `pii` can look in them too. They are not parsed; bytes that are not UTF-8 are replaced.
    pub(in crate::registry) fn read_other_text_files(&mut self) {
        let mut walked = std::mem::take(&mut self.walked_groups);
        let mut people_listing = self.people_listing.take();
        // Files in the folders read whole are not visited again. A group's files come one
        // after another: whether its folder was read whole is looked up once a group.
        let mut known: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
        let mut last_group: Option<(&str, bool)> = None;
        for rel in self.maybe_outside_walked().map(|f| f.rel.as_str()) {
            let in_walked_group = match rel.strip_prefix("groups/").and_then(|r| r.split_once('/'))
            {
                None => false,
                Some((g, _)) => match last_group {
                    Some((last, walked_whole)) if last == g => walked_whole,
                    _ => {
                        let walked_whole = walked.contains_key(g);
                        last_group = Some((g, walked_whole));
                        walked_whole
                    }
                },
            };
            if !in_walked_group {
                known.insert(rel);
            }
        }
        let mut found = Vec::new();
        // Regular files not kept as text: their names are looked at, large text files streamed.
        let mut unread: Vec<String> = Vec::new();
        let groups = self.root.join("groups");
        // Not walkdir: it opens every folder it hands out, even one skipped at once, and the
        // group folders read whole (10,000 of them in a large registry) need not be opened
        // again. Not sorted while walking: what is found is sorted by path at the end. Links
        // are not followed, and `.git` below the root is not entered.
        let mut folders: Vec<PathBuf> = vec![self.root.clone()];
        let people = self.root.join("people");
        // One path buffer for the names of the files met, relative to the root.
        let mut rel_buf = String::new();
        while let Some(folder) = folders.pop() {
            // Before the walk lists it.
            if let Some(hook) = &self.before_folder {
                hook(&folder);
            }
            // The people folder as the loader listed it, if it did (see `people_listing`).
            let listing: Listing = match people_listing.take() {
                Some(listed) if folder == people => listed,
                kept => {
                    people_listing = kept;
                    let Ok(listing) = std::fs::read_dir(&folder) else {
                        continue;
                    };
                    listing
                        .flatten()
                        .filter_map(|e| Some((e.file_name(), e.file_type().ok()?)))
                        .collect()
                }
            };
            let in_groups = folder == groups;
            // The folder's path relative to the root with `/` between names, when it is UTF-8.
            let folder_rel = folder
                .strip_prefix(&self.root)
                .ok()
                .and_then(|r| r.to_str())
                .map(|r| r.replace(std::path::MAIN_SEPARATOR, "/"));
            for (name, kind) in listing {
                if name == ".git" {
                    continue;
                }
                if kind.is_dir() {
                    if in_groups
                        && let Some((others, not_read)) =
                            name.to_str().and_then(|g| walked.remove(g))
                    {
                        // The reader walked this group's folder.
                        if let Some(hook) = &self.before_folder {
                            hook(&folder.join(&name));
                        }
                        found.extend(others);
                        unread.extend(not_read);
                    } else {
                        folders.push(folder.join(&name));
                    }
                    continue;
                }
                if !kind.is_file() {
                    continue;
                }
                // This walk visits every file of the registry: a known one costs no allocation.
                let rel: &str = match (&folder_rel, name.to_str()) {
                    (Some(folder_rel), Some(name)) => {
                        rel_buf.clear();
                        if !folder_rel.is_empty() {
                            rel_buf.push_str(folder_rel);
                            rel_buf.push('/');
                        }
                        rel_buf.push_str(name);
                        &rel_buf
                    }
                    _ => {
                        let path = folder.join(&name);
                        let Ok(rel) = path.strip_prefix(&self.root) else {
                            continue;
                        };
                        rel_buf = rel
                            .to_string_lossy()
                            .replace(std::path::MAIN_SEPARATOR, "/");
                        &rel_buf
                    }
                };
                if !is_text_file(Path::new(&name)) {
                    unread.push(rel.to_string());
                    continue;
                }
                if known.contains(rel) {
                    continue;
                }
                let rel = rel.to_string();
                let path = folder.join(&name);
                let size = std::fs::symlink_metadata(&path).map_or(u64::MAX, |m| m.len());
                if size > MAX_FILE_BYTES {
                    unread.push(rel);
                    continue;
                }
                // Non-blocking: a FIFO put here after the listing does not hang the walk.
                let bytes = one_file::open_nonblocking(&path)
                    .ok()
                    .and_then(|f| one_file::read_limited(f, size).ok());
                match bytes {
                    Some(bytes) => found.push(SourceFile::new(rel, lossy_text(bytes))),
                    None => unread.push(rel),
                }
            }
        }
        // A walked group the walk did not meet again (its folder went away meanwhile).
        for (others, not_read) in walked.into_values() {
            found.extend(others);
            unread.extend(not_read);
        }
        unread.sort();
        unread.dedup();
        for rel in &unread {
            self.stream_large_text_file(rel);
        }
        self.unread = unread;
        found.sort_by(|a, b| a.rel.cmp(&b.rel));
        let first = self.files.len();
        self.files.extend(found);
        self.release_from(first);
    }

    /// The files that may lie outside the group folders read whole: every file, less those the
    /// loading threads found to be in one.
    fn maybe_outside_walked(&self) -> Box<dyn Iterator<Item = &SourceFile> + '_> {
        match &self.threaded {
            Some(t) => Box::new(
                self.files[..t.range.start]
                    .iter()
                    .chain(t.outside_walked.iter().map(|&id| &self.files[id]))
                    .chain(&self.files[t.range.end..]),
            ),
            None => Box::new(self.files.iter()),
        }
    }

    /// Reports, as `pii` at each file, an identity number in the path of a file the loader read
    /// or the walk met (an id, a meeting slug, a folder name).
    pub(in crate::registry) fn identity_numbers_in_paths(&mut self) {
        // The loading threads looked at the paths of the files they loaded.
        let (looked_at, found_there) = match &self.threaded {
            Some(t) => (t.range.clone(), t.pii_paths.as_slice()),
            None => (0..0, &[][..]),
        };
        let mut paths: Vec<&str> = self.files[..looked_at.start]
            .iter()
            .chain(&self.files[looked_at.end..])
            .map(|f| f.rel.as_str())
            .chain(self.unread.iter().map(String::as_str))
            .filter(|rel| !find(rel).is_empty())
            .chain(found_there.iter().map(|&id| self.files[id].rel.as_str()))
            .collect();
        paths.sort_unstable();
        paths.dedup();
        let found: Vec<Diagnostic> = paths
            .into_iter()
            .map(|rel| {
                let shown = crate::pii_scan::mask(&crate::source::shown(rel)).into_owned();
                Diagnostic::new(
                    RuleId::Pii,
                    Place::File(rel.to_string()),
                    t!(
                        "the path `{shown}` holds a national identity number, which must not be stored in the registry, not even in a file or folder name",
                        "stien `{shown}` inneholder et fødselsnummer, som ikke skal lagres i registeret, heller ikke i et fil- eller mappenavn"
                    ),
                )
                .help(t!(
                    "rename the file or folder (and the id that names it); if it was committed, it must also be removed from the git history",
                    "gi filen eller mappen (og id-en som navngir den) et annet navn; hvis den er lagt inn i git, må den også fjernes fra historikken"
                ))
            })
            .collect();
        self.diags.extend(found);
    }

    /// Scans a `.csv` or `.txt` file over the size limit for identity numbers without keeping
    /// it: a large export must not hide one by being large.
    fn stream_large_text_file(&mut self, rel: &str) {
        let is_export = std::path::Path::new(rel)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("txt"));
        if !is_export {
            return;
        }
        let path = self.root.join(rel);
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            return;
        };
        if !meta.is_file() || meta.len() <= MAX_FILE_BYTES {
            return;
        }
        let Ok(file) = one_file::open_nonblocking(&path) else {
            return;
        };
        for (line, first_six) in scan_stream(file) {
            self.diags.push(
                Diagnostic::new(
                    RuleId::Pii,
                    Place::File(rel.to_string()),
                    t!(
                        "a national identity number ({first_six}*****) must not be stored in the registry (line {line}; the file is too large to show)",
                        "et fødselsnummer ({first_six}*****) skal ikke lagres i registeret (linje {line}; filen er for stor til å vises)"
                    ),
                )
                .help(t!(
                    "remove the number; if it was committed, it must also be removed from the git history",
                    "fjern nummeret; hvis det er lagt inn i git, må det også fjernes fra historikken"
                )),
            );
        }
    }
}

/// The identity numbers in a stream of bytes, read a block at a time: for each, its line
/// (from 1) and its first six digits. A run of digits that spans two blocks is seen whole.
pub(super) fn scan_stream(mut from: impl Read) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut block = vec![0u8; 64 * 1024];
    let mut run: Vec<u8> = Vec::with_capacity(12);
    let mut long_run = false;
    let mut line = 1;
    let mut end_run = |run: &mut Vec<u8>, long_run: &mut bool, line: usize| {
        if !*long_run && run.len() == 11 && is_identity_number(run) {
            found.push((line, String::from_utf8_lossy(&run[..6]).into_owned()));
        }
        run.clear();
        *long_run = false;
    };
    loop {
        let n = match from.read(&mut block) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        };
        for &b in &block[..n] {
            if b.is_ascii_digit() {
                if run.len() < 11 {
                    run.push(b);
                } else {
                    long_run = true;
                }
                continue;
            }
            if !run.is_empty() {
                end_run(&mut run, &mut long_run, line);
            }
            if b == b'\n' {
                line += 1;
            }
        }
    }
    end_run(&mut run, &mut long_run, line);
    found
}
