//! Reading the registry's files folder by folder: a group's whole folder, or a batch of people
//! files, at a time.
//!
//! When the whole registry is read from disk (`validate`, `status`), half of the time goes to
//! the kernel: listing 10,000 folders and opening and reading 420,000 files. Reading a folder by
//! its listing takes each file's type from the listing (no stat of each file) and hands the
//! group's other text files to the `pii` walk, which then need not list the group folders a
//! second time. Each worker of [`super::parallel`] reads the folders of the jobs it takes here,
//! just before it parses them.
//!
//! The reading decides nothing and reports nothing. What it could not do cleanly (a symbolic
//! link, a file over the size limit, a file it could not read, a name that is not UTF-8) it
//! leaves out of its batch, and the loader does that part from disk as it would without it, with
//! the same diagnostics.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::one_file::{MAX_FILE_BYTES, is_text_file};

/// How many people files go in one batch.
pub(super) const PEOPLE_PER_BATCH: usize = 256;

/// Called with a folder's path before anything in it is listed or read from disk (see
/// [`super::load::load_watched`]): `mandat serve` watches each folder there.
pub type BeforeFolder = Arc<dyn Fn(&Path) + Send + Sync>;

/// What a worker is asked to read and load, in the loader's order.
pub(super) enum Job {
    /// A group's folder `groups/{id}`, all of it.
    Group(String),
    /// The files `people/{id}.toml` of these people.
    People(Vec<String>),
}

/// What the reader read for one [`Job`], each folder's entries sorted by name, which is close
/// to the order the loader asks for them.
#[derive(Debug, Default)]
pub(super) struct Batch {
    /// Folder listings by path relative to the root: each entry's name and whether it is a
    /// folder, sorted by name. A folder holding a symbolic link or a name that is not UTF-8 is
    /// not listed here.
    dirs: Entries<Vec<(String, bool)>>,
    /// The text files read (by [`is_text_file`]), by path relative to the root.
    files: Entries<Vec<u8>>,
    /// The other regular files met (not text files, or over the size limit, or unreadable), by
    /// path relative to the root: the `pii` walk looks at their names, and streams through the
    /// large text files.
    unread: Vec<String>,
    /// For a group: every folder under the group's folder was listed here, so the files left in
    /// `files` once the loader has taken its own are all the group's other text files.
    complete: bool,
}

impl Batch {
    /// The listing of folder `rel`, if the reader made it.
    pub(super) fn take_dir(&mut self, rel: &str) -> Option<Vec<(String, bool)>> {
        self.dirs.take(rel)
    }

    /// The path and bytes of file `rel`, if the reader read it.
    pub(super) fn take_file(&mut self, rel: &str) -> Option<(String, Vec<u8>)> {
        self.files.take_with_key(rel)
    }

    pub(super) fn has_file(&self, rel: &str) -> bool {
        self.files.has(rel)
    }

    /// When the reader listed every folder of the group: the text files the loader did not
    /// take, and the paths of the regular files it did not read.
    pub(super) fn into_other_files(self) -> Option<OtherFiles> {
        self.complete.then(|| {
            let read = self
                .files
                .items
                .into_iter()
                .filter_map(|(rel, bytes)| Some((rel, bytes?)))
                .collect();
            (read, self.unread)
        })
    }
}

/// A walked group's other files: the text files read (path, bytes), and the paths of the
/// regular files not read.
pub(super) type OtherFiles = (Vec<(String, Vec<u8>)>, Vec<String>);

/// Things by path, in the order they were read. A lookup starts where the last one ended: the
/// loader asks in nearly the same order, so most lookups compare one path.
#[derive(Debug)]
struct Entries<T> {
    items: Vec<(String, Option<T>)>,
    next: usize,
}

impl<T> Default for Entries<T> {
    fn default() -> Self {
        Entries {
            items: Vec::new(),
            next: 0,
        }
    }
}

impl<T> Entries<T> {
    fn push(&mut self, rel: String, item: T) {
        self.items.push((rel, Some(item)));
    }

    fn position(&self, rel: &str) -> Option<usize> {
        let n = self.items.len();
        (0..n)
            .map(|i| (self.next + i) % n)
            .find(|&i| self.items[i].0 == rel && self.items[i].1.is_some())
    }

    fn take(&mut self, rel: &str) -> Option<T> {
        let i = self.position(rel)?;
        self.next = i + 1;
        self.items[i].1.take()
    }

    /// [`Entries::take`], with the path as it was pushed; the entry keeps an empty one.
    fn take_with_key(&mut self, rel: &str) -> Option<(String, T)> {
        let i = self.position(rel)?;
        self.next = i + 1;
        let item = self.items[i].1.take()?;
        Some((std::mem::take(&mut self.items[i].0), item))
    }

    fn has(&self, rel: &str) -> bool {
        self.position(rel).is_some()
    }
}

/// Reads jobs: lists and reads what each asks for. Shared by the loading threads.
pub(super) struct Reading {
    root: PathBuf,
    /// Told of each folder before it is listed (see [`BeforeFolder`]).
    before: Option<BeforeFolder>,
    /// The plain files of the people folder, listed when the first people job comes (once for
    /// all workers).
    people: OnceLock<HashSet<String>>,
}

impl Reading {
    pub(super) fn new(root: PathBuf, before: Option<BeforeFolder>) -> Reading {
        Reading {
            root,
            before,
            people: OnceLock::new(),
        }
    }

    /// Lists and reads what `job` asks for.
    pub(super) fn read(&self, job: &Job) -> Batch {
        match job {
            Job::Group(id) => read_group(&self.root, id, self.before.as_deref()),
            Job::People(ids) => read_people(&self.root, ids, || {
                self.people
                    .get_or_init(|| plain_files(&self.root, "people", self.before.as_deref()))
            }),
        }
    }
}

/// Everything under `groups/{id}`. A group folder that is a symbolic link is left to the loader.
fn read_group(root: &Path, id: &str, before: Option<&(dyn Fn(&Path) + Send + Sync)>) -> Batch {
    let mut batch = Batch {
        complete: true,
        ..Batch::default()
    };
    let rel = ["groups/", id].concat();
    match Folder::open(&root.join(&rel)) {
        Some(folder) => read_tree(root, &rel, folder, &mut batch, before),
        None => batch.complete = false,
    }
    batch
}

/// Lists folder `rel` and reads its text files, and the same for every folder under it but
/// `.git` (which the `pii` walk also leaves out).
fn read_tree(
    root: &Path,
    rel: &str,
    folder: Folder,
    batch: &mut Batch,
    before: Option<&(dyn Fn(&Path) + Send + Sync)>,
) {
    if let Some(before) = before {
        before(&root.join(rel));
    }
    let Some(listed) = folder.entries() else {
        batch.complete = false;
        return;
    };
    let mut listed_whole = true;
    let mut entries = Vec::new();
    for entry in listed {
        match entry {
            // The loader checks where a link leads; the `pii` walk does not follow links.
            Some((_, Kind::Link)) => listed_whole = false,
            Some(entry) => entries.push(entry),
            None => {
                listed_whole = false;
                batch.complete = false;
            }
        }
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    // The listing for the loader: each name moves in once it has been used here (no copy of
    // it), so the folder's listing comes after those of the folders under it.
    let mut listing = Vec::with_capacity(if listed_whole { entries.len() } else { 0 });
    for (name, kind) in entries {
        let child = [rel, "/", &name].concat();
        match kind {
            Kind::Dir if name != ".git" => match folder.child(&name) {
                Some(sub) => read_tree(root, &child, sub, batch, before),
                None => batch.complete = false,
            },
            Kind::File => match is_text_file(Path::new(&name))
                .then(|| folder.read_small(&name))
                .flatten()
            {
                Some(bytes) => batch.files.push(child, bytes),
                None => batch.unread.push(child),
            },
            _ => {}
        }
        if listed_whole {
            listing.push((name, kind == Kind::Dir));
        }
    }
    if listed_whole {
        batch.dirs.push(rel.to_string(), listing);
    }
}

/// What a folder entry is, as its folder's listing tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Dir,
    File,
    Link,
    /// A FIFO, a socket, a device.
    Other,
}

/// The names of the plain files (not links, not folders) in folder `rel`.
fn plain_files(
    root: &Path,
    rel: &str,
    before: Option<&(dyn Fn(&Path) + Send + Sync)>,
) -> HashSet<String> {
    if let Some(before) = before {
        before(&root.join(rel));
    }
    let Ok(entries) = fs::read_dir(root.join(rel)) else {
        return HashSet::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|k| k.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .collect()
}

/// The files of these people that are plain files within the size limit.
fn read_people<'a>(
    root: &Path,
    ids: &[String],
    plain: impl FnOnce() -> &'a HashSet<String>,
) -> Batch {
    let mut batch = Batch::default();
    // A people folder that is a link (which stays in the registry) is read by path.
    let folder = Folder::open(&root.join("people"));
    // A file opened in its open folder is read only if it is no link and still a plain file
    // ([`Folder::read_small`]), so no listing need say so (the loader has listed the folder
    // already, and a third listing of 70,000 names was 40 ms). A file read by its path is read
    // only if the listing of the folder (`plain`) gave it as a plain file.
    let plain = match &folder {
        Some(folder) if folder.refuses_links() => None,
        _ => Some(plain()),
    };
    for id in ids {
        let rel = ["people/", id, ".toml"].concat();
        let name = &rel["people/".len()..];
        if plain.is_some_and(|plain| !plain.contains(name)) {
            continue;
        }
        let bytes = match &folder {
            Some(folder) => folder.read_small(name),
            None => read_small(&root.join(&rel)),
        };
        if let Some(bytes) = bytes {
            batch.files.push(rel, bytes);
        }
    }
    batch
}

/// The bytes of a file a folder listing gave as a plain file, when it is still one and within
/// the size limit; `None` when it cannot be read (the loader then reads it and reports why).
fn read_small(path: &Path) -> Option<Vec<u8>> {
    // Non-blocking: a FIFO put where the listing saw a file does not hang the reader.
    read_open(super::one_file::open_nonblocking(path).ok()?)
}

/// The bytes of an open file, when it is a plain file within the size limit.
fn read_open(file: fs::File) -> Option<Vec<u8>> {
    // The size from the open file: no second lookup of the path.
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() > MAX_FILE_BYTES {
        return None;
    }
    super::one_file::read_limited(file, meta.len()).ok()
}

/// A folder being read, by its open descriptor: its files are opened relative to it, which
/// spares the kernel a walk of the whole path for each of 420,000 files.
#[cfg(unix)]
struct Folder(rustix::fd::OwnedFd);

#[cfg(unix)]
impl Folder {
    const FLAGS: rustix::fs::OFlags = rustix::fs::OFlags::RDONLY
        .union(rustix::fs::OFlags::DIRECTORY)
        .union(rustix::fs::OFlags::CLOEXEC)
        .union(rustix::fs::OFlags::NOFOLLOW);

    /// The folder at `path`; `None` when it is not one (a link is not followed).
    fn open(path: &Path) -> Option<Folder> {
        let fd = rustix::fs::openat(
            rustix::fs::CWD,
            path,
            Self::FLAGS,
            rustix::fs::Mode::empty(),
        );
        Some(Folder(fd.ok()?))
    }

    /// The folder `name` in this one.
    fn child(&self, name: &str) -> Option<Folder> {
        let fd = rustix::fs::openat(&self.0, name, Self::FLAGS, rustix::fs::Mode::empty());
        Some(Folder(fd.ok()?))
    }

    /// Each entry's name and kind; `None` for one that could not be read or whose name is not
    /// UTF-8. On Linux the listing is read into a buffer on the stack, each name looked at
    /// where it lies (`rustix::fs::Dir` makes a C string of each: 550,000 allocations at
    /// 10,000 groups).
    fn entries(&self) -> Option<Vec<Option<(String, Kind)>>> {
        let mut entries = Vec::new();
        #[cfg(any(target_os = "linux", target_os = "android"))]
        {
            let mut buf = [std::mem::MaybeUninit::<u8>::uninit(); 16 * 1024];
            let mut listing = rustix::fs::RawDir::new(&self.0, &mut buf);
            while let Some(entry) = listing.next() {
                let entry = match entry {
                    Ok(entry) => entry,
                    // As `rustix::fs::Dir` takes them: an interrupted read is read again, and
                    // a folder removed meanwhile has no more entries.
                    Err(rustix::io::Errno::INTR) => continue,
                    Err(rustix::io::Errno::NOENT) => break,
                    Err(_) => {
                        entries.push(None);
                        break;
                    }
                };
                entries.extend(self.entry(entry.file_name().to_bytes(), entry.file_type()));
            }
        }
        #[cfg(not(any(target_os = "linux", target_os = "android")))]
        {
            let mut listing = rustix::fs::Dir::read_from(&self.0).ok()?;
            while let Some(entry) = listing.read() {
                let Ok(entry) = entry else {
                    entries.push(None);
                    break;
                };
                entries.extend(self.entry(entry.file_name().to_bytes(), entry.file_type()));
            }
        }
        Some(entries)
    }

    /// One entry of [`Folder::entries`]: nothing for `.` and `..`.
    fn entry(&self, name: &[u8], kind: rustix::fs::FileType) -> Option<Option<(String, Kind)>> {
        use rustix::fs::FileType;
        if name == b"." || name == b".." {
            return None;
        }
        let Ok(name) = std::str::from_utf8(name) else {
            return Some(None);
        };
        let kind = match kind {
            // A file system that does not tell the type in its listing.
            FileType::Unknown => {
                rustix::fs::statat(&self.0, name, rustix::fs::AtFlags::SYMLINK_NOFOLLOW)
                    .map(|stat| FileType::from_raw_mode(stat.st_mode))
            }
            known => Ok(known),
        };
        let kind = match kind {
            Ok(FileType::Directory) => Kind::Dir,
            Ok(FileType::RegularFile) => Kind::File,
            Ok(FileType::Symlink) => Kind::Link,
            Ok(_) => Kind::Other,
            Err(_) => return Some(None),
        };
        Some(Some((name.to_string(), kind)))
    }

    /// Whether [`Folder::read_small`] refuses a link (it opens without following one).
    fn refuses_links(&self) -> bool {
        true
    }

    /// The bytes of file `name` in this folder, when it is still a plain file within the size
    /// limit; `None` when it cannot be read (the loader then reads it and reports why).
    fn read_small(&self, name: &str) -> Option<Vec<u8>> {
        use rustix::fs::OFlags;
        // Non-blocking: a FIFO put where the listing saw a file does not hang the reading. Not
        // through a link put there meanwhile: the loader checks where a link leads.
        let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC | OFlags::NOFOLLOW;
        let fd = rustix::fs::openat(&self.0, name, flags, rustix::fs::Mode::empty());
        read_open(std::fs::File::from(fd.ok()?))
    }
}

/// A folder being read, by its path.
#[cfg(not(unix))]
struct Folder(PathBuf);

#[cfg(not(unix))]
impl Folder {
    fn open(path: &Path) -> Option<Folder> {
        let meta = fs::symlink_metadata(path).ok()?;
        meta.is_dir().then(|| Folder(path.to_path_buf()))
    }

    fn child(&self, name: &str) -> Option<Folder> {
        Folder::open(&self.0.join(name))
    }

    fn entries(&self) -> Option<Vec<Option<(String, Kind)>>> {
        let read = fs::read_dir(&self.0).ok()?;
        Some(
            read.map(|entry| {
                let entry = entry.ok()?;
                let kind = entry.file_type().ok()?;
                let kind = if kind.is_dir() {
                    Kind::Dir
                } else if kind.is_file() {
                    Kind::File
                } else if kind.is_symlink() {
                    Kind::Link
                } else {
                    Kind::Other
                };
                Some((entry.file_name().into_string().ok()?, kind))
            })
            .collect(),
        )
    }

    fn refuses_links(&self) -> bool {
        false
    }

    fn read_small(&self, name: &str) -> Option<Vec<u8>> {
        read_small(&self.0.join(name))
    }
}
