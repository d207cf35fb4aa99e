//! The whole registry in memory for the dashboard, `/due` and the reports list, reloaded when a
//! stamp of the files on disk (path, size, modification time and inode of every file) changes:
//! an editor, `git pull` or the command line are seen on the next request.

use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::{Arc, Mutex};

use crate::diagnostic::Diagnostic;
use crate::registry::{self, Date, LoadError, Registry, Scope};

/// The registry as loaded and checked on one day.
pub struct Snapshot {
    pub registry: Registry,
    pub diagnostics: Vec<Diagnostic>,
    pub at: Date,
    /// The dashboard as rendered for this snapshot (without a message or a refused form): a
    /// warm dashboard is the stamp and a copy.
    pub dashboard: std::sync::OnceLock<String>,
}

#[derive(Default)]
pub struct Cache {
    held: Mutex<Option<(u64, Arc<Snapshot>)>>,
}

impl Cache {
    /// The snapshot for the files as they are now, loading it again when they changed.
    pub fn get(&self, root: &Path, at: Date) -> Result<Arc<Snapshot>, LoadError> {
        let stamp = stamp(root, at);
        // One loader at a time: a second request waits for the first one's result.
        let mut held = self.held.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((s, snap)) = held.as_ref()
            && *s == stamp
        {
            return Ok(snap.clone());
        }
        let loaded = registry::load(root, &Scope::All)?;
        let diagnostics = crate::rules::check(&loaded.registry, at, loaded.diagnostics);
        let snap = Arc::new(Snapshot {
            registry: loaded.registry,
            diagnostics,
            at,
            dashboard: std::sync::OnceLock::new(),
        });
        *held = Some((stamp, snap.clone()));
        Ok(snap)
    }
}

/// A hash of every file's path, size, modification time and inode under `root`, and every
/// folder's path (dot files and folders such as .git and the lock left out), and of the day.
/// The folders of groups/ are stamped on two threads: at 1,000 groups that is some 40,000
/// files, whose `stat` is most of a warm dashboard's time.
pub fn stamp(root: &Path, at: Date) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    at.hash(&mut h);
    let mut groups: Vec<std::path::PathBuf> = std::fs::read_dir(root.join("groups"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    groups.sort();
    let half = groups.len() / 2;
    let (a, b) = groups.split_at(half);
    let (ha, hb) = std::thread::scope(|s| {
        let other = s.spawn(|| stamp_trees(a, None));
        let mine = stamp_trees(b, None);
        (other.join().unwrap_or_default(), mine)
    });
    ha.hash(&mut h);
    hb.hash(&mut h);
    // Everything else: registry.toml, organisations.toml, people/, and groups/ itself.
    stamp_trees(&[root.to_path_buf()], Some(&root.join("groups"))).hash(&mut h);
    h.finish()
}

fn stamp_trees(roots: &[std::path::PathBuf], skip: Option<&Path>) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for root in roots {
        let walk = walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
                let skipped =
                    e.depth() > 0 && skip.is_some_and(|s| e.path() == s) && e.file_type().is_dir();
                !hidden && !skipped
            });
        for e in walk.flatten() {
            e.path().hash(&mut h);
            // A folder's own times change when the lock file is made; its files tell the rest.
            if e.file_type().is_dir() {
                continue;
            }
            if let Ok(m) = e.metadata() {
                m.len().hash(&mut h);
                if let Ok(t) = m.modified() {
                    t.hash(&mut h);
                }
                #[cfg(unix)]
                {
                    use std::os::unix::fs::MetadataExt;
                    m.ino().hash(&mut h);
                    m.ctime_nsec().hash(&mut h);
                }
            }
        }
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stamp_changes_with_a_file_and_not_with_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let day = Date::from_ymd_opt(2026, 1, 1).unwrap();
        std::fs::write(dir.path().join("a.toml"), "a = 1\n").unwrap();
        let one = stamp(dir.path(), day);
        std::fs::write(dir.path().join(".mandat.lock"), "").unwrap();
        assert_eq!(stamp(dir.path(), day), one);
        std::fs::write(dir.path().join("a.toml"), "a = 22\n").unwrap();
        let two = stamp(dir.path(), day);
        assert_ne!(two, one);
        std::fs::create_dir_all(dir.path().join("groups/g")).unwrap();
        let three = stamp(dir.path(), day);
        assert_ne!(three, two, "a new group folder");
        std::fs::write(dir.path().join("groups/g/group.toml"), "x = 1\n").unwrap();
        assert_ne!(stamp(dir.path(), day), three, "a file in a group");
    }
}
