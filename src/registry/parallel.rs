//! Loading the whole registry on every core.
//!
//! When the whole registry is read from disk (`validate`, `status`, `serve`), the groups and
//! the people files are split into jobs: one group folder, or [`PEOPLE_PER_BATCH`] people
//! files. Each thread takes the next jobs in turn, reads their folders ([`super::prefetch`]),
//! parses and builds what they hold with a loader of its own, and releases the text it no longer
//! needs. The loader's thread is one of them; between its jobs it takes the finished parts into
//! the registry in job order, moving their file ids after the files already there
//! ([`super::shift`]). The registry and its diagnostics are therefore the same, id for id and
//! byte for byte, on any number of threads.
//!
//! Memory stays as on one thread: each thread holds the text of the job it is working on (its
//! text is released before the next), and a finished part holds only what the registry keeps
//! anyway.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{OnceLock, mpsc};

use super::LoadError;
use super::files::{Loader, Overlay, Threaded, WalkedGroup};
use super::model::{Group, Person};
use super::prefetch::{Batch, Job, PEOPLE_PER_BATCH, Reading};
use super::shift::Shift;
use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

/// How many threads work side by side: as many as the machine has cores, at most
/// [`MAX_THREADS`].
pub fn threads() -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    cores.min(MAX_THREADS)
}

/// Beyond a few threads the kernel's work on one folder tree does not spread further.
const MAX_THREADS: usize = 8;

/// How many jobs a thread takes at a time: fewer handovers than one by one (a group takes
/// about 0.4 ms), small enough that the threads finish together. One in unit tests, so that
/// the small registries there are put together from many parts.
const JOBS_PER_TAKE: usize = if cfg!(test) { 1 } else { 8 };

/// What a thread loaded for the jobs it took, numbered from file 0.
struct Part {
    groups: Vec<Group>,
    people: Vec<Person>,
    files: Vec<SourceFile>,
    diags: Vec<Diagnostic>,
    /// The groups whose folders were read whole: their other text files, for the `pii` walk.
    walked: Vec<(String, WalkedGroup)>,
    /// Folders found to be links out of the registry, reported and not read again.
    blocked: Vec<String>,
    /// What the thread noted of its files (see [`Threaded`]), by their ids in `files`.
    noted: Threaded,
}

impl Loader {
    /// Loads the group folders `group_dirs` and then the people folder by folder, on `threads`
    /// threads (this one among them). This thread lists the people folder (70,000 files at
    /// 10,000 groups) while the others load the first groups; their people wait for the list.
    pub(super) fn load_on_threads(
        &mut self,
        threads: usize,
        group_dirs: &[String],
    ) -> Result<(Vec<Group>, Vec<Person>), LoadError> {
        let group_jobs: Vec<Job> = group_dirs.iter().cloned().map(Job::Group).collect();
        let takes = Takes {
            groups: group_jobs.chunks(JOBS_PER_TAKE).collect(),
            people: OnceLock::new(),
            next: AtomicUsize::new(0),
        };
        let reading = Reading::new(self.root.clone(), self.before_folder.clone());
        let mut groups = Vec::with_capacity(group_dirs.len());
        let mut people = Vec::new();
        let mut merged = Merge {
            waiting: BTreeMap::new(),
            next: 0,
        };
        let mut listed = Ok(());
        std::thread::scope(|scope| {
            let (tx, rx) = mpsc::channel::<(usize, Part)>();
            for n in 1..threads.max(1) {
                let mut worker = self.worker();
                let (tx, takes, reading) = (tx.clone(), &takes, &reading);
                let started = std::thread::Builder::new()
                    .name(format!("mandat-loader-{n}"))
                    .spawn_scoped(scope, move || {
                        while let Some((i, part)) = worker.take(takes, reading) {
                            if tx.send((i, part)).is_err() {
                                return;
                            }
                        }
                    });
                // A thread that cannot be started leaves its share to the others.
                if started.is_err() {
                    break;
                }
            }
            drop(tx);
            // Before any part is taken in, so that what the listing reports comes first, as when
            // the people are listed before the load.
            {
                // Should the listing panic, the other threads are not left waiting for it.
                let _no_wait = Unblock(&takes.people);
                let jobs = match self.person_stems(true) {
                    Ok(stems) => {
                        people.reserve(stems.len());
                        people_jobs(stems)
                    }
                    Err(e) => {
                        listed = Err(e);
                        Vec::new()
                    }
                };
                // Set before the guard is dropped, which sets none if nothing was set.
                let _ = takes.people.set(jobs);
            }
            let mut worker = self.worker();
            while let Some((i, part)) = worker.take(&takes, &reading) {
                merged.waiting.insert(i, part);
                merged.waiting.extend(rx.try_iter());
                merged.ready(self, &mut groups, &mut people);
            }
            for (i, part) in rx {
                merged.waiting.insert(i, part);
                merged.ready(self, &mut groups, &mut people);
            }
        });
        listed.map(|()| (groups, people))
    }

    /// A loader for one thread: the same root and settings, no files yet.
    fn worker(&self) -> Loader {
        Loader {
            root: self.root.clone(),
            canonical_root: self.canonical_root.clone(),
            files: Vec::new(),
            diags: Vec::new(),
            overlay: Overlay::new(),
            release_root: self.release_root.clone(),
            batch: Batch::default(),
            walked_groups: std::collections::HashMap::new(),
            unread: Vec::new(),
            blocked: self.blocked.clone(),
            before_folder: self.before_folder.clone(),
            threaded: None,
            people_listing: None,
        }
    }

    /// Takes the next jobs and loads them; `None` when none are left.
    fn take(&mut self, takes: &Takes, reading: &Reading) -> Option<(usize, Part)> {
        let i = takes.next.fetch_add(1, Ordering::Relaxed);
        let jobs = takes.get(i)?;
        let blocked_before = self.blocked.len();
        let mut part = Part {
            groups: Vec::new(),
            people: Vec::new(),
            files: Vec::new(),
            diags: Vec::new(),
            walked: Vec::new(),
            blocked: Vec::new(),
            noted: Threaded::default(),
        };
        for job in jobs.iter() {
            self.batch = reading.read(job);
            let first = self.files.len();
            match job {
                Job::Group(dir) => {
                    part.groups.push(self.load_group(dir));
                    self.keep_other_text_files(dir);
                }
                Job::People(ids) => {
                    part.people
                        .extend(ids.iter().filter_map(|id| self.load_person(id)));
                    self.batch = Batch::default();
                }
            }
            self.note(job, first, &mut part.noted);
            self.release_from(first);
        }
        part.noted.range = 0..self.files.len();
        // The next take holds about as many files: no growing from nothing again.
        let room = self.files.len();
        part.files = std::mem::replace(&mut self.files, Vec::with_capacity(room));
        part.diags = std::mem::take(&mut self.diags);
        part.walked = self.walked_groups.drain().collect();
        part.blocked = self.blocked[blocked_before..].to_vec();
        Some((i, part))
    }
}

impl Loader {
    /// Notes of the files that `job` loaded, from `first` on, those outside the group folders
    /// read whole and those with an identity number in their path. A file of group `dir` is in
    /// a folder read whole when the reader read that folder whole; nothing else is left out, so
    /// that the `pii` walk, which looks again at what is noted here, finds the same files as
    /// when it looks at every file.
    fn note(&self, job: &Job, first: usize, noted: &mut Threaded) {
        let walked = match job {
            Job::Group(dir) if self.walked_groups.contains_key(dir) => Some(dir.as_str()),
            _ => None,
        };
        for (id, file) in self.files.iter().enumerate().skip(first) {
            let in_walked = walked.is_some_and(|dir| {
                file.rel
                    .strip_prefix("groups/")
                    .and_then(|r| r.strip_prefix(dir))
                    .is_some_and(|r| r.starts_with('/'))
            });
            if !in_walked {
                noted.outside_walked.push(id);
            }
            if !crate::pii_scan::find(&file.rel).is_empty() {
                noted.pii_paths.push(id);
            }
        }
    }
}

/// The jobs, handed out a few at a time in order: the groups, then the people once this thread
/// has listed them.
struct Takes<'a> {
    groups: Vec<&'a [Job]>,
    people: OnceLock<Vec<Job>>,
    /// The number of the next take.
    next: AtomicUsize,
}

impl Takes<'_> {
    /// Take `i`, waiting for the people to be listed when it is theirs; `None` past the last.
    fn get(&self, i: usize) -> Option<&[Job]> {
        if let Some(jobs) = self.groups.get(i) {
            return Some(jobs);
        }
        let people = self.people.wait();
        let first = (i - self.groups.len()).checked_mul(JOBS_PER_TAKE)?;
        let jobs = people.get(first..)?;
        (!jobs.is_empty()).then(|| &jobs[..jobs.len().min(JOBS_PER_TAKE)])
    }
}

/// Sets the people's jobs to none if they were not set when it is dropped.
struct Unblock<'a>(&'a OnceLock<Vec<Job>>);

impl Drop for Unblock<'_> {
    fn drop(&mut self) {
        let _ = self.0.set(Vec::new());
    }
}

/// The people's jobs: [`PEOPLE_PER_BATCH`] people each.
fn people_jobs(stems: Vec<String>) -> Vec<Job> {
    let mut jobs = Vec::new();
    let mut stems = stems.into_iter();
    loop {
        let batch: Vec<String> = stems.by_ref().take(PEOPLE_PER_BATCH).collect();
        if batch.is_empty() {
            return jobs;
        }
        jobs.push(Job::People(batch));
    }
}

/// The parts finished out of order, until those before them are in.
struct Merge {
    waiting: BTreeMap<usize, Part>,
    /// The number of the part that goes in next.
    next: usize,
}

impl Merge {
    /// Takes every part whose turn it is into `loader`, `groups` and `people`.
    fn ready(&mut self, loader: &mut Loader, groups: &mut Vec<Group>, people: &mut Vec<Person>) {
        while let Some(mut part) = self.waiting.remove(&self.next) {
            self.next += 1;
            let by = loader.files.len();
            part.groups.shift(by);
            part.people.shift(by);
            part.diags.shift(by);
            groups.append(&mut part.groups);
            people.append(&mut part.people);
            loader.files.append(&mut part.files);
            loader.diags.append(&mut part.diags);
            loader.walked_groups.extend(part.walked);
            loader.blocked.append(&mut part.blocked);
            let noted = loader.threaded.get_or_insert_with(|| Threaded {
                range: by..by,
                ..Threaded::default()
            });
            noted.range.end = by + part.noted.range.end;
            noted
                .outside_walked
                .extend(part.noted.outside_walked.iter().map(|id| id + by));
            noted
                .pii_paths
                .extend(part.noted.pii_paths.iter().map(|id| id + by));
        }
    }
}
