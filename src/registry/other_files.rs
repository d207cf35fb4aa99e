//! The `pii` walk: the text files under the root that the registry does not otherwise read,
//! kept so that the `pii` rule can look in them too.

use std::fs;

use super::files::{Loader, MAX_FILE_BYTES, is_text_file, lossy_text};
use crate::source::SourceFile;

impl Loader {
    /// Reads the text files under the root that the registry does not otherwise read, so that
    /// `pii` can look in them too. They are not parsed; bytes that are not UTF-8 are replaced.
    pub(in crate::registry) fn read_other_text_files(&mut self) {
        let mut walked = std::mem::take(&mut self.walked_groups);
        // Files in the folders the reader walked are not visited again.
        let known: std::collections::HashSet<&str> = self
            .files
            .iter()
            .map(|f| f.rel.as_str())
            .filter(|rel| {
                let group = rel.strip_prefix("groups/").and_then(|r| r.split_once('/'));
                group.is_none_or(|(g, _)| !walked.contains_key(g))
            })
            .collect();
        let mut found = Vec::new();
        let groups = self.root.join("groups");
        // Not sorted while walking (comparing names through `Path::file_name` was 3% of
        // `validate`'s instructions): what is found is sorted by path at the end.
        let mut walk = walkdir::WalkDir::new(&self.root)
            .follow_links(false)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || e.file_name() != ".git");
        while let Some(entry) = walk.next() {
            let Ok(entry) = entry else { continue };
            if entry.depth() == 2
                && entry.file_type().is_dir()
                && entry.path().parent() == Some(groups.as_path())
                && let Some(others) = entry.file_name().to_str().and_then(|g| walked.remove(g))
            {
                // The reader walked this group's folder.
                found.extend(others);
                walk.skip_current_dir();
                continue;
            }
            if !entry.file_type().is_file() || !is_text_file(entry.path()) {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(&self.root) else {
                continue;
            };
            // This walk visits every file of the registry: a known one costs no allocation.
            if std::path::MAIN_SEPARATOR == '/' && rel.to_str().is_some_and(|r| known.contains(r)) {
                continue;
            }
            let rel = rel
                .to_string_lossy()
                .replace(std::path::MAIN_SEPARATOR, "/");
            if known.contains(rel.as_str()) {
                continue;
            }
            if entry.metadata().map(|m| m.len()).unwrap_or(u64::MAX) > MAX_FILE_BYTES {
                continue;
            }
            if let Ok(bytes) = fs::read(entry.path()) {
                found.push(SourceFile::new(rel, lossy_text(bytes)));
            }
        }
        // A walked group the walk did not meet again (its folder went away meanwhile).
        found.extend(walked.into_values().flatten());
        found.sort_by(|a, b| a.rel.cmp(&b.rel));
        let first = self.files.len();
        self.files.extend(found);
        self.release_from(first);
    }
}
