//! Loading a registry: which part to load, and the order of the walk over it. Where bytes come
//! from is [`super::files`], each file kind's builder is in [`super::build`], and the `pii` walk
//! over the other text files is [`super::other_files`].

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

pub use super::files::{BeforeFolder, LoadError, MAX_FILE_BYTES, Overlay};
use super::files::{Loader, ReadAhead};
use super::is_valid_id;
use super::model::*;
use super::prefetch::{self, Batch};
use crate::diagnostic::Diagnostic;

/// Which part of the registry to load.
#[derive(Clone, Debug)]
pub enum Scope {
    /// Everything, and every other text file under the root (for `pii`).
    All,
    /// These groups, and only the people they reference.
    Groups(BTreeSet<String>),
}

impl Scope {
    /// The groups named by `--group` (repeatable), or everything when none is named.
    pub fn of_groups(ids: &[String]) -> Scope {
        if ids.is_empty() {
            Scope::All
        } else {
            Scope::Groups(ids.iter().cloned().collect())
        }
    }
}

/// The registry and what reading it found.
pub struct Loaded {
    pub registry: Registry,
    pub diagnostics: Vec<Diagnostic>,
}

/// The nearest folder, from `start` upwards, that holds `registry.toml`.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| fs::symlink_metadata(dir.join("registry.toml")).is_ok())
        .map(Path::to_path_buf)
}

/// Loads the registry at `root` (which must hold registry.toml).
pub fn load(root: &Path, scope: &Scope) -> Result<Loaded, LoadError> {
    load_with(root, scope, &Overlay::new())
}

/// Loads the registry as it would be with the files of `overlay` in place of (or besides) those
/// on disk. With [`Scope::Groups`], people files in the overlay are read too, and only the
/// wanted group folders are looked at (an edit of one group among thousands lists none).
pub fn load_with(root: &Path, scope: &Scope, overlay: &Overlay) -> Result<Loaded, LoadError> {
    load_inner(root, scope, overlay, read_ahead_here())
}

/// Folder by folder, on as many threads as the machine has cores ([`super::threads`]).
fn read_ahead_here() -> ReadAhead {
    ReadAhead::Folders {
        threads: super::threads(),
    }
}

/// [`load`], telling `before` of each folder before anything in it is listed or read from disk
/// (and of the root first): `mandat serve` watches each folder there, so that a change made
/// after a folder was read is never missed, without a walk of its own before the load.
pub fn load_watched(root: &Path, scope: &Scope, before: BeforeFolder) -> Result<Loaded, LoadError> {
    load_hooked(
        root,
        scope,
        &Overlay::new(),
        read_ahead_here(),
        Some(before),
    )
}

/// [`load_with`], reading as `how` says (tests compare the ways).
fn load_inner(
    root: &Path,
    scope: &Scope,
    overlay: &Overlay,
    how: ReadAhead,
) -> Result<Loaded, LoadError> {
    load_hooked(root, scope, overlay, how, None)
}

fn load_hooked(
    root: &Path,
    scope: &Scope,
    overlay: &Overlay,
    how: ReadAhead,
    before_folder: Option<BeforeFolder>,
) -> Result<Loaded, LoadError> {
    if let Some(hook) = &before_folder {
        hook(root);
    }
    let meta = fs::metadata(root).map_err(|e| LoadError::Unreadable(root.to_path_buf(), e))?;
    // Whatever registry.toml is, it makes a registry: the loader reports it if it is not a
    // regular file.
    if !meta.is_dir() || fs::symlink_metadata(root.join("registry.toml")).is_err() {
        return Err(LoadError::NotARegistry(root.to_path_buf()));
    }
    let canonical_root =
        fs::canonicalize(root).map_err(|e| LoadError::Unreadable(root.to_path_buf(), e))?;
    let mut l = Loader {
        root: root.to_path_buf(),
        canonical_root,
        files: Vec::new(),
        diags: Vec::new(),
        overlay: overlay.clone(),
        // Reading the whole registry from disk: the text of most files is not needed after
        // parsing, and a released file can be read again. With an overlay, files differ from
        // what is on disk, and a group's few files are not worth it.
        release_root: (matches!(scope, Scope::All) && overlay.is_empty())
            .then(|| std::sync::Arc::from(root)),
        batch: Batch::default(),
        walked_groups: std::collections::HashMap::new(),
        blocked: Vec::new(),
        unread: Vec::new(),
        before_folder,
        threaded: None,
        people_listing: None,
    };
    // `groups/` or `people/` as a link out of the registry is reported once, and not read.
    for top in ["groups", "people"] {
        l.folder_link_stays(top);
    }
    let config = l.load_config();
    let (organisations_file, regions, organisations) = l.load_organisations();
    let group_dirs = match scope {
        Scope::Groups(wanted) if wanted.iter().all(|g| is_valid_id(g)) => {
            l.wanted_group_dirs(wanted)
        }
        _ => l.list_dir("groups", true)?,
    };
    if let Scope::Groups(wanted) = scope
        && let Some(missing) = wanted.iter().find(|g| !group_dirs.contains(g))
    {
        return Err(LoadError::UnknownGroup(missing.clone()));
    }
    // Folder by folder only when the whole registry is read from disk, and not when the groups
    // folder is a link, which the `pii` walk does not follow.
    let by_folder = match how {
        ReadAhead::Folders { threads }
            if l.release_root.is_some()
                && fs::symlink_metadata(root.join("groups")).is_ok_and(|m| m.is_dir()) =>
        {
            Some(threads)
        }
        _ => None,
    };
    let (groups, people) = match by_folder {
        Some(threads) => l.load_on_threads(threads, &group_dirs)?,
        None => l.load_file_by_file(scope, &group_dirs)?,
    };
    let index = |mut people: Vec<Person>| {
        people.shrink_to_fit();
        people.sort_by(|a, b| a.id.cmp(&b.id));
        let index = Registry::index_people(&people);
        (people, index)
    };
    let (people, people_index) = match scope {
        // The people are sorted and indexed on another thread while this one walks (20 ms at
        // 10,000 groups); neither needs the other.
        Scope::All => std::thread::scope(|s| {
            let indexing = s.spawn(|| index(people));
            l.read_other_text_files();
            l.identity_numbers_in_paths();
            indexing
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e))
        }),
        Scope::Groups(_) => {
            l.identity_numbers_in_paths();
            index(people)
        }
    };
    let registry = Registry {
        people_index,
        root: l.root,
        files: l.files,
        config,
        organisations_file,
        regions,
        organisations,
        people,
        groups,
    };
    Ok(Loaded {
        registry,
        diagnostics: l.diags,
    })
}

impl Loader {
    /// Loads the group folders and the people one file at a time: the people `person_stems`
    /// for [`Scope::All`], those the groups and the overlay name for [`Scope::Groups`].
    fn load_file_by_file(
        &mut self,
        scope: &Scope,
        group_dirs: &[String],
    ) -> Result<(Vec<Group>, Vec<Person>), LoadError> {
        let person_stems = match scope {
            // The `pii` walk lists the people folder again: file by file, nothing is kept.
            Scope::All => self.person_stems(false)?,
            Scope::Groups(_) => Vec::new(),
        };
        let mut groups = Vec::with_capacity(group_dirs.len());
        for dir in group_dirs {
            if let Scope::Groups(wanted) = scope
                && !wanted.contains(dir)
            {
                continue;
            }
            let first = self.files.len();
            groups.push(self.load_group(dir));
            self.release_from(first);
        }
        let people = match scope {
            Scope::All => {
                let mut people = Vec::with_capacity(person_stems.len());
                for chunk in person_stems.chunks(prefetch::PEOPLE_PER_BATCH) {
                    let first = self.files.len();
                    people.extend(chunk.iter().filter_map(|id| self.load_person(id)));
                    self.release_from(first);
                }
                people
            }
            Scope::Groups(_) => {
                let mut ids = referenced_people(&groups);
                ids.extend(self.overlay.keys().filter_map(|rel| {
                    rel.strip_prefix("people/")?
                        .strip_suffix(".toml")
                        .map(str::to_string)
                }));
                ids.retain(|id| {
                    let rel = format!("people/{id}.toml");
                    // Whatever is there is read, and reported if it is not a regular file.
                    is_valid_id(id)
                        && (self.overlay.contains_key(&rel)
                            || fs::symlink_metadata(self.root.join(&rel)).is_ok())
                });
                ids.iter().filter_map(|id| self.load_person(id)).collect()
            }
        };
        Ok((groups, people))
    }

    /// The ids of the people, from the names of the files in `people/`, sorted; with `keep`,
    /// the folder's whole listing is kept for the `pii` walk ([`Loader::people_listing`]).
    pub(super) fn person_stems(&mut self, keep: bool) -> Result<Vec<String>, LoadError> {
        Ok(self
            .list_dir_keeping("people", false, keep)?
            .into_iter()
            .filter_map(|mut f| {
                let stem = f.strip_suffix(".toml")?.len();
                f.truncate(stem);
                Some(f)
            })
            .collect())
    }
}

/// Every person id a group's files mention.
fn referenced_people(groups: &[Group]) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for g in groups {
        ids.extend(
            g.chairs
                .iter()
                .filter_map(|c| c.person.as_ref())
                .map(|p| p.value.clone()),
        );
        ids.extend(
            g.members
                .iter()
                .filter_map(|m| m.person.as_ref())
                .map(|p| p.value.clone()),
        );
        for m in &g.meetings {
            ids.extend(m.attendee_ids().map(|p| p.value.clone()));
            ids.extend(m.absent.iter().map(|p| p.value.clone()));
            ids.extend(
                m.inputs
                    .iter()
                    .filter_map(|i| i.by.as_ref())
                    .map(|p| p.value.clone()),
            );
        }
        ids.extend(
            g.reports
                .iter()
                .filter_map(|r| r.author.as_ref())
                .map(|p| p.value.clone()),
        );
    }
    ids
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use crate::diagnostic::Place;
    use crate::rule_id::RuleId;
    use std::os::unix::ffi::OsStrExt;

    /// A valid identity number, for the `pii` rule to find.
    fn identity_number() -> String {
        (0..100_000)
            .map(|n| format!("010190{n:05}"))
            .find(|s| crate::pii_scan::is_identity_number(s.as_bytes()))
            .unwrap()
    }

    /// A copy of registry-example, at `reg` in a new temporary folder.
    fn example_copy() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("reg");
        let copied = std::process::Command::new("cp")
            .args(["-R", "registry-example"])
            .arg(&root)
            .status()
            .unwrap();
        assert!(copied.success());
        (dir, root)
    }

    /// registry-example with everything the reader thread leaves to the loader or must hand on
    /// to the `pii` walk (which takes the people folder's listing from the loader when it reads
    /// on threads, and lists the folder itself when it reads file by file): links in and out of
    /// the registry, other text files at every depth, hidden files, a `.git` folder, bytes and
    /// names that are not UTF-8, a file over the size limit, a group folder without group.toml
    /// and one that is a link.
    fn awkward_registry() -> tempfile::TempDir {
        let (dir, root) = example_copy();
        let outside = dir.path().join("outside.md");
        fs::write(&outside, "+++\nstatus = \"held\"\n+++\n").unwrap();
        let fnr = identity_number();
        let g = root.join("groups/nkt-ms");
        let write = |rel: &str, text: &[u8]| {
            let path = root.join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        };
        write(
            "groups/nkt-ms/notes.txt",
            format!("ring {fnr}\n").as_bytes(),
        );
        write("groups/nkt-ms/.hidden.md", format!("{fnr}\n").as_bytes());
        write(
            "groups/nkt-ms/.git/objects/x.md",
            format!("{fnr}\n").as_bytes(),
        );
        write("groups/nkt-ms/meetings/README.md", b"Referater.\n");
        write(
            "groups/nkt-ms/meetings/sub/deep.CSV",
            format!("a;{fnr}\n").as_bytes(),
        );
        write(
            "groups/nkt-ms/meetings/2019-05-05.md",
            b"+++\nstatus = \"h\xffeld\"\n+++\n",
        );
        write(
            "groups/nkt-ms/meetings/picture.png",
            &[0x89, b'P', b'N', b'G'],
        );
        let too_big = vec![b'x'; MAX_FILE_BYTES as usize + 1];
        write("groups/nkt-ms/big.txt", &too_big);
        write("groups/nkt-ms/meetings/2017-02-02.md", &too_big);
        write("groups/tom-mappe/readme.txt", b"Ingen group.toml her.\n");
        write(
            "people/README.md",
            format!("Ikke skriv {fnr} her.\n").as_bytes(),
        );
        write("people/ugyldig.toml", b"name = \"\xff\"\n");
        write("people/arkiv/gammel.md", format!("{fnr}\n").as_bytes());
        // An identity number in the name of a file the loading threads read.
        write(
            &format!("groups/nkt-ms/meetings/2020-02-02-{fnr}.md"),
            b"+++\nstatus = \"held\"\n+++\n",
        );
        write(&format!("people/p-{fnr}.toml"), b"name = \"Kari\"\n");
        let odd_name = std::ffi::OsStr::from_bytes(b"m\xf8te.md");
        // In another group: a name the reader cannot hand on leaves that group's folder to the
        // `pii` walk.
        let other = root.join("groups/nkt-inkontinens/meetings");
        fs::write(other.join(odd_name), format!("{fnr}\n")).unwrap();
        // In the people folder, whose listing the loader keeps for the `pii` walk.
        let odd_person = std::ffi::OsStr::from_bytes(b"n\xf8kkel.txt");
        fs::write(root.join("people").join(odd_person), format!("{fnr}\n")).unwrap();
        let link = |target: &Path, rel: &str| {
            std::os::unix::fs::symlink(target, root.join(rel)).unwrap();
        };
        link(&outside, "groups/nkt-ms/meetings/2018-01-01.md");
        link(
            &g.join("members.toml"),
            "groups/nkt-ms/meetings/members.txt",
        );
        link(
            &root.join("groups/nkt-ms/reports"),
            "groups/nkt-ms/rapporter",
        );
        link(&root.join("groups/nkt-ms"), "groups/lenket-gruppe");
        link(&root.join("people/arild-vold.toml"), "people/lenke.toml");
        link(&outside, "people/utenfor.toml");
        dir
    }

    /// What a load found, without the people index (a hash map, whose order varies).
    fn seen(loaded: &Loaded) -> String {
        let r = &loaded.registry;
        format!(
            "{:#?}\n{:#?}\n{:#?}\n{:#?}\n{:#?}\n{:#?}\n{:#?}",
            r.files, r.config, r.regions, r.organisations, r.people, r.groups, loaded.diagnostics
        )
    }

    #[test]
    fn reading_folder_by_folder_or_ahead_changes_nothing() {
        let awkward = awkward_registry();
        for root in [Path::new("registry-example"), &awkward.path().join("reg")] {
            let by_file = load_inner(root, &Scope::All, &Overlay::new(), ReadAhead::Off).unwrap();
            if root != Path::new("registry-example") {
                // Noted by the loading threads, or by the file-by-file end of the load.
                for rel in ["groups/nkt-ms/meetings/2020-02-02-", "people/p-"] {
                    let in_path = by_file.diagnostics.iter().any(|d| {
                        d.rule == RuleId::Pii
                            && matches!(&d.place, Place::File(p) if p.starts_with(rel))
                    });
                    assert!(in_path, "{rel}");
                }
            }
            let by_file = seen(&by_file);
            for threads in [1, 2, 3] {
                let how = ReadAhead::Folders { threads };
                let by_folder = load_inner(root, &Scope::All, &Overlay::new(), how).unwrap();
                assert_eq!(by_file, seen(&by_folder), "{how:?}, {}", root.display());
            }
        }
    }

    /// A `people` that cannot be listed stops the load on every way of reading; the threads
    /// loading the groups meanwhile are not left waiting for the people.
    #[test]
    fn people_that_cannot_be_listed_stop_the_load() {
        let (_dir, root) = example_copy();
        fs::remove_dir_all(root.join("people")).unwrap();
        fs::write(root.join("people"), "not a folder\n").unwrap();
        for how in [
            ReadAhead::Off,
            ReadAhead::Folders { threads: 1 },
            ReadAhead::Folders { threads: 3 },
        ] {
            let failed = load_inner(&root, &Scope::All, &Overlay::new(), how);
            assert!(
                matches!(failed, Err(LoadError::Unreadable(ref p, _)) if p.ends_with("people")),
                "{how:?}"
            );
        }
    }

    /// `load_watched` tells of every folder of the tree but `.git`, on every way of reading
    /// (`mandat serve` watches each there). That each is told before it is listed or a file in
    /// it is read is where the calls stand: `Loader::read`, `Loader::list_dir`, the reader's
    /// `read_tree` and `plain_files`, and the `pii` walk.
    #[test]
    fn every_folder_is_told_before_it_is_read() {
        let awkward = awkward_registry();
        for root in [Path::new("registry-example"), &awkward.path().join("reg")] {
            let want: BTreeSet<PathBuf> = walkdir::WalkDir::new(root)
                .into_iter()
                .filter_entry(|e| e.file_name() != ".git")
                .flatten()
                .filter(|e| e.file_type().is_dir())
                .map(|e| e.path().to_path_buf())
                .collect();
            for how in [
                ReadAhead::Off,
                ReadAhead::Folders { threads: 1 },
                ReadAhead::Folders { threads: 2 },
            ] {
                let told = std::sync::Arc::new(std::sync::Mutex::new(BTreeSet::new()));
                let t = std::sync::Arc::clone(&told);
                let hook: BeforeFolder = std::sync::Arc::new(move |dir: &Path| {
                    t.lock().unwrap().insert(dir.to_path_buf());
                });
                load_hooked(root, &Scope::All, &Overlay::new(), how, Some(hook)).unwrap();
                let told = told.lock().unwrap();
                let missing: Vec<_> = want.difference(&told).collect();
                assert!(
                    missing.is_empty(),
                    "{how:?}, {}: {missing:?}",
                    root.display()
                );
            }
        }
    }

    #[test]
    fn the_pii_walk_sees_other_text_files_the_reader_read() {
        let awkward = awkward_registry();
        let root = awkward.path().join("reg");
        let loaded = load_inner(
            &root,
            &Scope::All,
            &Overlay::new(),
            ReadAhead::Folders { threads: 2 },
        )
        .unwrap();
        let kept: BTreeSet<&str> = loaded
            .registry
            .files
            .iter()
            .filter(|f| !f.is_released())
            .map(|f| f.rel.as_str())
            .collect();
        for rel in [
            "groups/nkt-ms/notes.txt",
            "groups/nkt-ms/.hidden.md",
            "groups/nkt-ms/meetings/sub/deep.CSV",
            "groups/nkt-inkontinens/meetings/m\u{fffd}te.md",
            "people/README.md",
            "people/arkiv/gammel.md",
            "people/n\u{fffd}kkel.txt",
        ] {
            assert!(kept.contains(rel), "{rel} not kept for pii: {kept:?}");
        }
        assert!(!kept.iter().any(|r| r.contains(".git/")), "{kept:?}");
        assert!(!kept.contains("groups/nkt-ms/big.txt"));
    }
}
