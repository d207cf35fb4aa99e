//! The whole registry in memory for the dashboard, `/due` and the reports list, reloaded when a
//! stamp of the files on disk (path, size, modification time and inode of every file) changes:
//! an editor, `git pull` or the command line are seen on the next request.
//!
//! Taking the stamp means a `stat` of every file (some 42,000 at 1,000 groups). On Linux, with the
//! registry on a local file system, an inotify watch on every folder tells instead whether
//! anything changed since the last request: the kernel queues the event before the write that
//! caused it returns, so a request that comes after a change always sees it, and a quiet request
//! costs one `read` of the watch; after a change the registry is loaded again at once. Without a
//! watch (another system, a network file system, too many folders for the user's inotify
//! limit), the stamp decides.

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
    /// warm dashboard is a look at the watch (or the stamp) and a copy.
    pub dashboard: std::sync::OnceLock<String>,
}

#[derive(Default)]
pub struct Cache {
    held: Mutex<Held>,
}

#[derive(Default)]
struct Held {
    /// The snapshot, and the stamp of the files it was loaded from when one was taken (without
    /// a watch).
    snapshot: Option<(Option<u64>, Arc<Snapshot>)>,
    watch: watch::State,
}

impl Cache {
    /// The snapshot for the files as they are now, loading it again when they changed.
    pub fn get(&self, root: &Path, at: Date) -> Result<Arc<Snapshot>, LoadError> {
        // One loader at a time: a second request waits for the first one's result.
        let mut held = self.held.lock().unwrap_or_else(|e| e.into_inner());
        let held = &mut *held;
        let same_day = |snap: &Arc<Snapshot>| snap.at == at;
        // The watch is asked before anything is read: a change made while loading is seen next
        // time.
        let stamp = match held.watch.verdict(root) {
            watch::Verdict::Quiet => match held.snapshot.as_ref() {
                Some((_, snap)) if same_day(snap) => return Ok(snap.clone()),
                _ => None,
            },
            // Something changed: load again (the stamp would only say so at a price).
            watch::Verdict::Changed => None,
            watch::Verdict::Unknown => {
                let stamp = stamp(root, at);
                if let Some((Some(s), snap)) = held.snapshot.as_ref()
                    && *s == stamp
                {
                    return Ok(snap.clone());
                }
                Some(stamp)
            }
        };
        // Whatever happens now, the old snapshot is not the files' any more: a load that fails
        // must fail again on the next request, not hand out the old registry.
        held.snapshot = None;
        let loaded = match held.watch.hook() {
            Some(hook) => {
                let loaded = registry::load_watched(root, &Scope::All, hook);
                // When not every folder got its watch, the watch is given up; the snapshot
                // has no stamp, so the next request takes one and loads once more.
                held.watch.loaded();
                loaded?
            }
            None => registry::load(root, &Scope::All)?,
        };
        let diagnostics = crate::rules::check(&loaded.registry, at, loaded.diagnostics);
        let snap = Arc::new(Snapshot {
            registry: loaded.registry,
            diagnostics,
            at,
            dashboard: std::sync::OnceLock::new(),
        });
        held.snapshot = Some((stamp, snap.clone()));
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

/// Whether anything in the registry changed since the last look, from an inotify watch on every
/// folder (Linux, local file systems); elsewhere nothing is known and the stamp always decides.
/// The loader sets the watches itself, on each folder just before it lists or reads it
/// ([`registry::load_watched`]): a change after a folder was read is always queued, and no walk of
/// the registry is added to the load.
mod watch {
    use std::path::Path;

    use crate::registry::BeforeFolder;

    #[cfg(target_os = "linux")]
    #[derive(Default)]
    pub struct State {
        /// `None` before the first look, `Some(None)` when no watch can be kept.
        watch: Option<Option<Watching>>,
    }

    #[cfg(target_os = "linux")]
    struct Watching {
        inotify: inotify::Inotify,
        /// The handle to add watches; each of the loader's threads adds with a clone of it.
        watches: inotify::Watches,
        /// What the loader's hook shares: the folders watched during this load, and whether a
        /// watch could not be added. Held only to look and note, not while the kernel adds a
        /// watch, so that the loading threads do not wait for each other.
        adding: std::sync::Arc<std::sync::Mutex<Adding>>,
    }

    #[cfg(target_os = "linux")]
    struct Adding {
        seen: std::collections::HashSet<std::path::PathBuf>,
        failed: bool,
    }

    #[cfg(not(target_os = "linux"))]
    #[derive(Default)]
    pub struct State;

    /// What the watch knows about the files since the last look.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Verdict {
        /// Nothing but dot files (the lock, a temporary file) changed.
        Quiet,
        /// Something changed, or this is the first look: load with [`State::hook`].
        Changed,
        /// There is no watch: the stamp must decide.
        Unknown,
    }

    #[cfg(not(target_os = "linux"))]
    impl State {
        #[cfg(test)]
        pub fn off() -> State {
            State
        }

        pub fn verdict(&mut self, _root: &Path) -> Verdict {
            Verdict::Unknown
        }

        pub fn hook(&self) -> Option<BeforeFolder> {
            None
        }

        pub fn loaded(&mut self) -> bool {
            false
        }
    }

    #[cfg(target_os = "linux")]
    impl State {
        /// A state that never watches (for the tests of the stamp's path).
        #[cfg(test)]
        pub fn off() -> State {
            State { watch: Some(None) }
        }

        /// Whether a watch is kept (for the tests: which path they took).
        #[cfg(test)]
        pub fn watching(&self) -> bool {
            matches!(self.watch, Some(Some(_)))
        }

        /// What changed since the last call. The first call starts the watch (and says
        /// `Changed`, as nothing is watched yet); without a watch, always `Unknown`.
        pub fn verdict(&mut self, root: &Path) -> Verdict {
            let Some(Some(w)) = self.watch.as_mut() else {
                if self.watch.is_none() {
                    self.watch = Some(start(root));
                    if matches!(self.watch, Some(Some(_))) {
                        return Verdict::Changed;
                    }
                }
                return Verdict::Unknown;
            };
            match drain(&mut w.inotify) {
                Ok(false) => Verdict::Quiet,
                Ok(true) => Verdict::Changed,
                Err(_) => {
                    self.watch = Some(None);
                    Verdict::Unknown
                }
            }
        }

        /// The loader's hook that watches each folder before it is read (every folder again at
        /// each load: one deleted and made again needs a new watch).
        pub fn hook(&self) -> Option<BeforeFolder> {
            let Some(Some(w)) = self.watch.as_ref() else {
                return None;
            };
            if let Ok(mut adding) = w.adding.lock() {
                adding.seen.clear();
                adding.failed = false;
            }
            let adding = std::sync::Arc::clone(&w.adding);
            let watches = w.watches.clone();
            Some(std::sync::Arc::new(move |dir: &Path| {
                use inotify::WatchMask;
                // Noted as seen once its watch is there: a second thread that asks for the same
                // folder meanwhile adds it again (the kernel keeps one watch), and never goes on
                // to read the folder before it is watched.
                match adding.lock() {
                    Ok(a) if !a.failed && !a.seen.contains(dir) => {}
                    _ => return,
                }
                let mask = WatchMask::MODIFY
                    | WatchMask::ATTRIB
                    | WatchMask::CLOSE_WRITE
                    | WatchMask::CREATE
                    | WatchMask::DELETE
                    | WatchMask::DELETE_SELF
                    | WatchMask::MOVE_SELF
                    | WatchMask::MOVED_FROM
                    | WatchMask::MOVED_TO
                    | WatchMask::ONLYDIR;
                // Links are followed: the loader hands over only folders it reads, and a link
                // (the root, or a folder linked within the registry) is read where it leads.
                // A folder that is gone is no failure: its parent's watch saw it go.
                let added = match watches.clone().add(dir, mask) {
                    Ok(_) => true,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
                    Err(e) if e.raw_os_error() == Some(libc::ENOTDIR) => true,
                    Err(_) => false,
                };
                if let Ok(mut a) = adding.lock() {
                    if added {
                        a.seen.insert(dir.to_path_buf());
                    } else {
                        a.failed = true;
                    }
                }
            }))
        }

        /// After a load with [`State::hook`]: whether every folder got its watch. If one did
        /// not (the user's limit of watches), the watch is given up and the stamp decides.
        pub fn loaded(&mut self) -> bool {
            let Some(Some(w)) = self.watch.as_ref() else {
                return false;
            };
            let ok = w.adding.lock().is_ok_and(|a| !a.failed);
            if !ok {
                self.watch = Some(None);
            }
            ok
        }
    }

    /// An inotify instance, when `root` is on a local file system.
    #[cfg(target_os = "linux")]
    fn start(root: &Path) -> Option<Watching> {
        if !local_file_system(root) {
            return None;
        }
        let inotify = inotify::Inotify::init().ok()?;
        let watches = inotify.watches();
        Some(Watching {
            inotify,
            watches,
            adding: std::sync::Arc::new(std::sync::Mutex::new(Adding {
                seen: std::collections::HashSet::new(),
                failed: false,
            })),
        })
    }

    /// Whether `root` is on a file system whose changes the kernel sees: not NFS, SMB, FUSE
    /// or a virtual machine's shared folder, where another machine can write unseen.
    #[cfg(target_os = "linux")]
    fn local_file_system(root: &Path) -> bool {
        use std::os::unix::ffi::OsStrExt;
        const LOCAL: &[i64] = &[
            0xEF53,      // ext2, ext3, ext4
            0x5846_5342, // xfs
            0x9123_683E, // btrfs
            0x0102_1994, // tmpfs
            0x794C_7630, // overlayfs (containers)
            0xF2F5_2010, // f2fs
            0x2FC1_2FC1, // zfs
            0x5265_4973, // reiserfs
            0x3153_464A, // jfs
        ];
        let Ok(path) = std::ffi::CString::new(root.as_os_str().as_bytes()) else {
            return false;
        };
        let mut st: libc::statfs = unsafe { std::mem::zeroed() };
        // SAFETY: `path` is a valid C string and `st` a writable statfs the call fills in.
        if unsafe { libc::statfs(path.as_ptr(), &mut st) } != 0 {
            return false;
        }
        #[allow(clippy::unnecessary_cast)]
        LOCAL.contains(&(st.f_type as i64))
    }

    /// Reads every queued event; true when one is about anything but a dot file, or the queue
    /// overflowed.
    #[cfg(target_os = "linux")]
    fn drain(inotify: &mut inotify::Inotify) -> std::io::Result<bool> {
        use std::os::unix::ffi::OsStrExt;
        let mut buffer = [0u8; 16 * 1024];
        let mut changed = false;
        loop {
            match inotify.read_events(&mut buffer) {
                Ok(events) => {
                    for e in events {
                        let dot = e.name.is_some_and(|n| n.as_bytes().first() == Some(&b'.'));
                        if !dot || e.mask.contains(inotify::EventMask::Q_OVERFLOW) {
                            changed = true;
                        }
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return Ok(changed),
                Err(e) => return Err(e),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cache that loaded once answers the next request from memory when nothing changed, and
    /// loads again after any change, however small and however soon: with the watch, and with
    /// the stamp alone (as on another system).
    #[test]
    fn the_cache_sees_every_change_on_the_next_request() {
        for watched in [true, false] {
            let cache = Cache::default();
            if !watched {
                cache.held.lock().unwrap().watch = watch::State::off();
            }
            every_change_is_seen(&cache, watched);
        }
    }

    fn every_change_is_seen(cache: &Cache, watched: bool) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("reg");
        let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("registry-example");
        for e in walkdir::WalkDir::new(&example).into_iter().flatten() {
            let to = root.join(e.path().strip_prefix(&example).unwrap());
            if e.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(e.path(), &to).unwrap();
            }
        }
        let day = Date::from_ymd_opt(2026, 12, 3).unwrap();
        let one = cache.get(&root, day).unwrap();
        let two = cache.get(&root, day).unwrap();
        assert!(Arc::ptr_eq(&one, &two), "nothing changed");
        #[cfg(target_os = "linux")]
        assert_eq!(
            cache.held.lock().unwrap().watch.watching(),
            watched,
            "a temporary folder is on a local file system: the watch is kept unless turned off"
        );
        let _ = watched;
        // The lock and a temporary file are not changes.
        std::fs::write(root.join(".mandat.lock"), "").unwrap();
        std::fs::write(root.join("groups/nkt-ms/.mandat-x.tmp"), "x").unwrap();
        assert!(Arc::ptr_eq(&one, &cache.get(&root, day).unwrap()));
        // A registry that cannot be loaded any more is an error on every request, not the old
        // snapshot.
        let config = root.join("registry.toml");
        let saved = std::fs::read(&config).unwrap();
        std::fs::remove_file(&config).unwrap();
        assert!(cache.get(&root, day).is_err());
        assert!(cache.get(&root, day).is_err(), "the second request too");
        std::fs::write(&config, saved).unwrap();
        let one = cache.get(&root, day).unwrap();
        // One byte in one file, at once.
        let file = root.join("groups/nkt-ms/group.toml");
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, text.replacen("name = \"", "name = \"X", 1)).unwrap();
        let three = cache.get(&root, day).unwrap();
        assert!(!Arc::ptr_eq(&one, &three), "an edited file");
        assert!(
            three
                .registry
                .group("nkt-ms")
                .unwrap()
                .name
                .as_ref()
                .unwrap()
                .value
                .starts_with('X')
        );
        // A new folder, then a file in it: the new folder is watched too.
        std::fs::create_dir_all(root.join("groups/ny-gruppe")).unwrap();
        let four = cache.get(&root, day).unwrap();
        assert!(!Arc::ptr_eq(&three, &four), "a new folder");
        std::fs::write(root.join("groups/ny-gruppe/group.toml"), "name = \"Ny\"\n").unwrap();
        let five = cache.get(&root, day).unwrap();
        assert!(!Arc::ptr_eq(&four, &five), "a file in the new folder");
        assert!(Arc::ptr_eq(&five, &cache.get(&root, day).unwrap()));
        // Another day is another snapshot.
        let next = day.succ_opt().unwrap();
        assert_eq!(cache.get(&root, next).unwrap().at, next);
    }

    /// `serve -r LINK`: the root is a link to the registry; a change to a file at the root is
    /// seen through the watch as through the stamp.
    #[cfg(unix)]
    #[test]
    fn a_registry_reached_through_a_link_is_watched_too() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("reg");
        std::fs::create_dir_all(real.join("groups")).unwrap();
        std::fs::write(real.join("registry.toml"), "[registry]\nname = \"En\"\n").unwrap();
        let link = dir.path().join("lenke");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let day = Date::from_ymd_opt(2026, 12, 3).unwrap();
        let cache = Cache::default();
        let one = cache.get(&link, day).unwrap();
        assert!(Arc::ptr_eq(&one, &cache.get(&link, day).unwrap()));
        #[cfg(target_os = "linux")]
        assert!(cache.held.lock().unwrap().watch.watching());
        std::fs::write(real.join("registry.toml"), "[registry]\nname = \"To\"\n").unwrap();
        let two = cache.get(&link, day).unwrap();
        assert!(!Arc::ptr_eq(&one, &two), "the edit at the root is seen");
        let name = two.registry.config.name.as_ref().map(|n| n.value.clone());
        assert_eq!(name.as_deref(), Some("To"));
    }

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
