//! Reading the registry's files folder by folder, ahead of the loader on a second thread.
//!
//! When the whole registry is read from disk (`validate`, `status`), half of the time goes to
//! the kernel: listing 10,000 folders and opening and reading 420,000 files. The loader's thread
//! spends the other half parsing. A reader thread ([`Reader::spawn`]) does the listing and
//! reading in the order the loader will ask for it, a bounded number of batches ahead, so the
//! two halves overlap on a machine with two cores. On one core the same reading is done on the
//! loader's thread ([`Reader::inline`]): taking each file's type from its folder's listing still
//! spares a stat of every file, and the `pii` walk a second pass over the group folders.
//!
//! The reader decides nothing and reports nothing. What it could not do cleanly (a symbolic link,
//! a file over the size limit, a file it could not read, a name that is not UTF-8) it leaves out
//! of its batch, and the loader does that part from disk as it would without a reader, with the
//! same diagnostics.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, mpsc};

use super::one_file::{MAX_FILE_BYTES, is_text_file};

/// How many batches go to the loader at a time: handing over each on its own wakes the loader's
/// thread 10,000 times at 10,000 groups.
const BATCHES_PER_SEND: usize = 16;

/// How many handovers the reader may be ahead of the loader: enough to ride out a slow folder,
/// few enough that what is read ahead (about 30 KB a group) costs no memory to speak of.
const SENDS_AHEAD: usize = 8;

/// How many bytes of files the reader may have read that the loader has not taken yet, so that
/// a registry of large files is not read into memory far ahead of the loader. A single group
/// larger than this still goes through, on its own. Small in unit tests, so that the reader
/// keeps waiting for the loader there.
const BYTES_AHEAD: usize = if cfg!(test) {
    16 * 1024
} else {
    32 * 1024 * 1024
};

/// How many people files go in one batch.
pub(super) const PEOPLE_PER_BATCH: usize = 256;

/// Called with a folder's path before anything in it is listed or read from disk (see
/// [`super::load::load_watched`]): `mandat serve` watches each folder there.
pub type BeforeFolder = Arc<dyn Fn(&Path) + Send + Sync>;

/// What the reader is asked to read, in the loader's order.
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

    /// The bytes of file `rel`, if the reader read it.
    pub(super) fn take_file(&mut self, rel: &str) -> Option<Vec<u8>> {
        self.files.take(rel)
    }

    pub(super) fn has_file(&self, rel: &str) -> bool {
        self.files.has(rel)
    }

    /// The bytes of the files read.
    fn bytes(&self) -> usize {
        self.files
            .items
            .iter()
            .filter_map(|(_, bytes)| bytes.as_ref())
            .map(Vec::len)
            .sum()
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

    fn has(&self, rel: &str) -> bool {
        self.position(rel).is_some()
    }
}

/// Reads jobs: lists and reads what each asks for.
struct Reading {
    root: PathBuf,
    /// Told of each folder before it is listed (see [`BeforeFolder`]).
    before: Option<BeforeFolder>,
    /// The plain files of the people folder, listed when the first people job comes.
    people: Option<HashSet<String>>,
}

impl Reading {
    fn read(&mut self, job: Job) -> Batch {
        match job {
            Job::Group(id) => read_group(&self.root, &id, self.before.as_deref()),
            Job::People(ids) => {
                let root = &self.root;
                let before = self.before.as_deref();
                let plain = self
                    .people
                    .get_or_insert_with(|| plain_files(root, "people", before));
                read_people(root, &ids, plain)
            }
        }
    }
}

/// The loader's end of the reading: batches in the order of the jobs.
pub(super) struct Reader(Source);

enum Source {
    /// On a thread of its own, ahead of the loader.
    Ahead {
        rx: mpsc::Receiver<Vec<Batch>>,
        received: std::vec::IntoIter<Batch>,
        budget: Arc<Budget>,
    },
    /// On the loader's thread, one job when the loader asks for it (a machine with one core).
    /// Reading a folder by its listing still saves a stat of each file and a second walk of the
    /// group folders.
    Inline {
        reading: Reading,
        jobs: std::vec::IntoIter<Job>,
    },
}

/// The bytes read ahead and not yet taken by the loader ([`BYTES_AHEAD`]), and whether the
/// loader has gone (the reader then stops).
#[derive(Default)]
struct Budget {
    state: Mutex<BudgetState>,
    changed: Condvar,
}

#[derive(Default)]
struct BudgetState {
    ahead: usize,
    closed: bool,
}

impl Budget {
    /// Waits until `bytes` more may be read ahead; false when the loader has gone.
    fn reserve(&self, bytes: usize) -> bool {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        while !state.closed && state.ahead > 0 && state.ahead + bytes > BYTES_AHEAD {
            state = self.changed.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        state.ahead += bytes;
        !state.closed
    }

    /// Would reading `bytes` more have to wait?
    fn is_full_for(&self, bytes: usize) -> bool {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.ahead > 0 && state.ahead + bytes > BYTES_AHEAD
    }

    fn release(&self, bytes: usize) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.ahead = state.ahead.saturating_sub(bytes);
        self.changed.notify_all();
    }

    fn close(&self) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.closed = true;
        self.changed.notify_all();
    }
}

impl Reader {
    /// Reads `jobs` on this thread as the loader asks for them.
    pub(super) fn inline(root: PathBuf, jobs: Vec<Job>, before: Option<BeforeFolder>) -> Reader {
        Reader(Source::Inline {
            reading: Reading {
                root,
                before,
                people: None,
            },
            jobs: jobs.into_iter(),
        })
    }

    /// Starts a reader thread on `jobs`; it reads ahead, at most [`SENDS_AHEAD`] handovers and
    /// [`BYTES_AHEAD`] bytes, and stops early when the loader drops its [`Reader`].
    pub(super) fn spawn(
        root: PathBuf,
        jobs: Vec<Job>,
        before: Option<BeforeFolder>,
    ) -> std::io::Result<Reader> {
        let (tx, rx) = mpsc::sync_channel(SENDS_AHEAD);
        let budget = Arc::new(Budget::default());
        let mut reading = Reading {
            root,
            before,
            people: None,
        };
        let reader_budget = Arc::clone(&budget);
        std::thread::Builder::new()
            .name("mandat-reader".into())
            .spawn(move || {
                let budget = reader_budget;
                let mut ready = Vec::with_capacity(BATCHES_PER_SEND);
                for job in jobs {
                    let batch = reading.read(job);
                    let bytes = batch.bytes();
                    // Before waiting for the loader, hand over what is ready: it may be what
                    // the loader is waiting for.
                    if budget.is_full_for(bytes)
                        && !ready.is_empty()
                        && tx.send(std::mem::take(&mut ready)).is_err()
                    {
                        return;
                    }
                    if !budget.reserve(bytes) {
                        return;
                    }
                    ready.push(batch);
                    if ready.len() == BATCHES_PER_SEND {
                        let full =
                            std::mem::replace(&mut ready, Vec::with_capacity(BATCHES_PER_SEND));
                        if tx.send(full).is_err() {
                            return;
                        }
                    }
                }
                let _ = tx.send(ready);
            })?;
        Ok(Reader(Source::Ahead {
            rx,
            received: Vec::new().into_iter(),
            budget,
        }))
    }

    /// The batch for the next job; an empty one (everything is then read from disk) when there
    /// are no more jobs.
    pub(super) fn next(&mut self) -> Batch {
        match &mut self.0 {
            Source::Ahead {
                rx,
                received,
                budget,
            } => {
                let batch = match received.next() {
                    Some(batch) => batch,
                    None => match rx.recv() {
                        Ok(batches) => {
                            *received = batches.into_iter();
                            received.next().unwrap_or_default()
                        }
                        Err(_) => Batch::default(),
                    },
                };
                budget.release(batch.bytes());
                batch
            }
            Source::Inline { reading, jobs } => {
                jobs.next().map(|job| reading.read(job)).unwrap_or_default()
            }
        }
    }
}

impl Drop for Reader {
    /// Stops a reader thread that is waiting for the loader to take what it read.
    fn drop(&mut self) {
        if let Source::Ahead { budget, .. } = &self.0 {
            budget.close();
        }
    }
}

/// Everything under `groups/{id}`. A group folder that is a symbolic link is left to the loader.
fn read_group(root: &Path, id: &str, before: Option<&(dyn Fn(&Path) + Send + Sync)>) -> Batch {
    let mut batch = Batch {
        complete: true,
        ..Batch::default()
    };
    let rel = format!("groups/{id}");
    match fs::symlink_metadata(root.join(&rel)) {
        Ok(meta) if meta.is_dir() => read_tree(root, &rel, &mut batch, before),
        _ => batch.complete = false,
    }
    batch
}

/// Lists folder `rel` and reads its text files, and the same for every folder under it but
/// `.git` (which the `pii` walk also leaves out).
fn read_tree(
    root: &Path,
    rel: &str,
    batch: &mut Batch,
    before: Option<&(dyn Fn(&Path) + Send + Sync)>,
) {
    if let Some(before) = before {
        before(&root.join(rel));
    }
    let Ok(read) = fs::read_dir(root.join(rel)) else {
        batch.complete = false;
        return;
    };
    let mut listed_whole = true;
    let mut entries = Vec::new();
    for entry in read {
        let kind_and_name = entry.ok().and_then(|e| {
            let kind = e.file_type().ok()?;
            let name = e.file_name().into_string().ok()?;
            Some((name, kind, e.path()))
        });
        match kind_and_name {
            // The loader checks where a link leads; the `pii` walk does not follow links.
            Some((_, kind, _)) if kind.is_symlink() => listed_whole = false,
            Some(entry) => entries.push(entry),
            None => {
                listed_whole = false;
                batch.complete = false;
            }
        }
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    if listed_whole {
        let listing = entries
            .iter()
            .map(|(name, kind, _)| (name.clone(), kind.is_dir()))
            .collect();
        batch.dirs.push(rel.to_string(), listing);
    }
    for (name, kind, path) in entries {
        let child = format!("{rel}/{name}");
        if kind.is_dir() {
            if name != ".git" {
                read_tree(root, &child, batch, before);
            }
        } else if kind.is_file() {
            match is_text_file(Path::new(&name))
                .then(|| read_small(&path))
                .flatten()
            {
                Some(bytes) => batch.files.push(child, bytes),
                None => batch.unread.push(child),
            }
        }
    }
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

/// The files of these people that are plain files (by `plain`, the listing of the people
/// folder) within the size limit.
fn read_people(root: &Path, ids: &[String], plain: &HashSet<String>) -> Batch {
    let mut batch = Batch::default();
    for id in ids {
        let name = format!("{id}.toml");
        if !plain.contains(&name) {
            continue;
        }
        let rel = format!("people/{name}");
        if let Some(bytes) = read_small(&root.join(&rel)) {
            batch.files.push(rel, bytes);
        }
    }
    batch
}

/// The bytes of a file a folder listing gave as a plain file, when it is still one and within
/// the size limit; `None` when it cannot be read (the loader then reads it and reports why).
fn read_small(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    // Non-blocking: a FIFO put where the listing saw a file does not hang the reader.
    let file = super::one_file::open_nonblocking(path).ok()?;
    // The size from the open file: no second lookup of the path.
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() > MAX_FILE_BYTES {
        return None;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).ok()?.saturating_add(1));
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).ok()?;
    (bytes.len() as u64 <= MAX_FILE_BYTES).then_some(bytes)
}
