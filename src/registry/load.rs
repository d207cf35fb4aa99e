//! The walk over a registry folder: which files exist, reading them safely, and building the
//! model from their tables.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::DeTable;

use super::frontmatter::{self, Split};
use super::model::*;
use super::prefetch::{self, Batch, Job, Reader};
use super::read::{self, Record, parse_month_day};
use super::schema;
use super::{is_valid_id, parse_meeting_stem};
use crate::diagnostic::{Diagnostic, Place};
use crate::i18n::Text;
use crate::rule_id::RuleId;
use crate::source::{FileId, SourceFile, Span};
use crate::t;

/// Files larger than this are reported, not read.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Which part of the registry to load.
#[derive(Clone, Debug)]
pub enum Scope {
    /// Everything, and every other text file under the root (for `pii`).
    All,
    /// These groups, and only the people they reference.
    Groups(BTreeSet<String>),
}

/// Files given in memory (relative path → text), read instead of the disk: the registry as an
/// edit would leave it. A path in the overlay exists even when it does not on disk.
pub type Overlay = BTreeMap<String, String>;

/// The registry and what reading it found.
pub struct Loaded {
    pub registry: Registry,
    pub diagnostics: Vec<Diagnostic>,
}

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

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl std::error::Error for LoadError {}

/// The nearest folder, from `start` upwards, that holds `registry.toml`.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join("registry.toml").is_file())
        .map(Path::to_path_buf)
}

/// Parses the TOML at byte range `$range` of `$file`, binds its root table to `$root` and checks
/// it against `$fields`, reporting into the loader's diagnostics. A macro rather than a function
/// because the record borrows the parsed document, which must live in the caller's scope.
macro_rules! root_table {
    ($loader:ident, $root:ident, $file:expr, $range:expr, $name:expr, $fields:expr) => {
        let range: std::ops::Range<usize> = $range;
        let base = range.start;
        let doc = parse(
            &$loader.files[$file].text()[range],
            $file,
            base,
            &mut $loader.diags,
        );
        let $root = Record {
            file: $file,
            base,
            span: Span::new($file, base..base),
            table: doc.get_ref(),
            name: $name,
        };
        read::check(&$root, $fields, &mut $loader.diags);
    };
}

struct Loader {
    root: PathBuf,
    canonical_root: PathBuf,
    files: Vec<SourceFile>,
    diags: Vec<Diagnostic>,
    overlay: Overlay,
    /// Where released files are read again from; `None` when no text is released (see
    /// [`Loader::release_from`]).
    release_root: Option<std::sync::Arc<Path>>,
    /// The reader thread's batches, when one reads ahead (see [`prefetch`]).
    ahead: Option<Reader>,
    /// What the reader read for the group or people being loaded now; empty without a reader.
    batch: Batch,
    /// For each group whose whole folder the reader listed, the text files in it that the
    /// loader did not read: the `pii` walk takes them from here instead of walking the folder.
    walked_groups: std::collections::HashMap<String, Vec<SourceFile>>,
}

/// Loads the registry at `root` (which must hold registry.toml).
pub fn load(root: &Path, scope: &Scope) -> Result<Loaded, LoadError> {
    load_with(root, scope, &Overlay::new())
}

/// Loads the registry as it would be with the files of `overlay` in place of (or besides) those
/// on disk. With [`Scope::Groups`], people files in the overlay are read too, and only the
/// wanted group folders are looked at (an edit of one group among thousands lists none).
pub fn load_with(root: &Path, scope: &Scope, overlay: &Overlay) -> Result<Loaded, LoadError> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let how = if cores > 1 {
        ReadAhead::Thread
    } else {
        ReadAhead::Inline
    };
    load_inner(root, scope, overlay, how)
}

/// How the whole registry is read from disk (see [`prefetch`]); the result is the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ReadAhead {
    /// File by file, as the loader comes to each (as for an overlay or some groups).
    Off,
    /// Folder by folder, on the loader's thread.
    Inline,
    /// Folder by folder, on a thread of its own.
    Thread,
}

/// [`load_with`], reading as `how` says (tests compare the ways).
fn load_inner(
    root: &Path,
    scope: &Scope,
    overlay: &Overlay,
    how: ReadAhead,
) -> Result<Loaded, LoadError> {
    let meta = fs::metadata(root).map_err(|e| LoadError::Unreadable(root.to_path_buf(), e))?;
    if !meta.is_dir() || !root.join("registry.toml").is_file() {
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
        ahead: None,
        batch: Batch::default(),
        walked_groups: std::collections::HashMap::new(),
    };
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
    let person_stems: Vec<String> = match scope {
        Scope::All => l
            .list_dir("people", false)?
            .into_iter()
            .filter_map(|f| f.strip_suffix(".toml").map(str::to_string))
            .collect(),
        Scope::Groups(_) => Vec::new(),
    };
    if l.release_root.is_some() {
        l.read_ahead(how, &group_dirs, &person_stems);
    }
    let mut groups = Vec::with_capacity(group_dirs.len());
    for dir in &group_dirs {
        if let Scope::Groups(wanted) = scope
            && !wanted.contains(dir)
        {
            continue;
        }
        l.next_batch();
        let first = l.files.len();
        groups.push(l.load_group(dir));
        l.keep_other_text_files(dir);
        l.release_from(first);
    }
    let people = match scope {
        Scope::All => {
            let mut people = Vec::with_capacity(person_stems.len());
            for chunk in person_stems.chunks(prefetch::PEOPLE_PER_BATCH) {
                l.next_batch();
                let first = l.files.len();
                people.extend(chunk.iter().filter_map(|id| l.load_person(id)));
                l.release_from(first);
            }
            people
        }
        Scope::Groups(_) => {
            let root = l.root.clone();
            let mut ids = referenced_people(&groups);
            ids.extend(overlay.keys().filter_map(|rel| {
                rel.strip_prefix("people/")?
                    .strip_suffix(".toml")
                    .map(str::to_string)
            }));
            ids.into_iter()
                .filter(|id| {
                    let rel = format!("people/{id}.toml");
                    is_valid_id(id) && (overlay.contains_key(&rel) || root.join(&rel).is_file())
                })
                .filter_map(|id| l.load_person(&id))
                .collect()
        }
    };
    l.ahead = None;
    if let Scope::All = scope {
        l.read_other_text_files();
    }
    let mut people: Vec<Person> = people;
    people.shrink_to_fit();
    people.sort_by(|a, b| a.id.cmp(&b.id));
    let people_index = Registry::index_people(&people);
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

fn syntax_at(span: Span, message: Text) -> Diagnostic {
    Diagnostic::at(RuleId::Syntax, span, message)
}

impl Loader {
    /// Reads the group folders and people files folder by folder (see [`prefetch`]): on a
    /// thread of its own when the machine has a second core, else on this one. Not when the
    /// groups folder is a link, which the `pii` walk does not follow.
    fn read_ahead(&mut self, how: ReadAhead, group_dirs: &[String], person_stems: &[String]) {
        let groups_is_dir =
            fs::symlink_metadata(self.root.join("groups")).is_ok_and(|m| m.is_dir());
        if how == ReadAhead::Off || !groups_is_dir {
            return;
        }
        let mut jobs: Vec<Job> = group_dirs.iter().cloned().map(Job::Group).collect();
        jobs.extend(
            person_stems
                .chunks(prefetch::PEOPLE_PER_BATCH)
                .map(|chunk| Job::People(chunk.to_vec())),
        );
        let root = self.root.clone();
        self.ahead = match how {
            // A thread that cannot be started reads nothing ahead: the loader reads from disk.
            ReadAhead::Thread => Reader::spawn(root, jobs).ok(),
            ReadAhead::Inline => Some(Reader::inline(root, jobs)),
            ReadAhead::Off => None,
        };
    }

    /// Takes the reader's next batch: the one for the group or people loaded next.
    fn next_batch(&mut self) {
        self.batch = match &mut self.ahead {
            Some(reader) => reader.next(),
            None => Batch::default(),
        };
    }

    /// After group `dir` is loaded: when the reader listed its whole folder, the text files it
    /// read that the loader did not take are the group's other text files, which the `pii` rule
    /// must see. They are kept for [`Loader::read_other_text_files`], which then need not walk
    /// the folder.
    fn keep_other_text_files(&mut self, dir: &str) {
        let Some(others) = std::mem::take(&mut self.batch).into_other_files() else {
            return;
        };
        let others = others
            .into_iter()
            .map(|(rel, bytes)| SourceFile::new(rel, lossy_text(bytes)))
            .collect();
        self.walked_groups.insert(dir.to_string(), others);
    }

    /// Names in a folder under the root, sorted; only folders (`dirs`) or only files.
    /// A missing folder is empty.
    fn list_dir(&mut self, rel: &str, dirs: bool) -> Result<Vec<String>, LoadError> {
        if let Some(listing) = self.batch.take_dir(rel) {
            // Read ahead, which happens only without an overlay.
            let mut names: Vec<String> = listing
                .into_iter()
                .filter(|(name, is_dir)| *is_dir == dirs && !name.starts_with('.'))
                .map(|(name, _)| name)
                .collect();
            names.sort();
            return Ok(names);
        }
        let path = self.root.join(rel);
        let mut names: Vec<String> = self.overlay_names(rel, dirs);
        // Only the few names from the overlay can repeat a name on disk.
        let from_overlay = names.len();
        let entries = match fs::read_dir(&path) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                names.sort();
                return Ok(names);
            }
            Err(e) => return Err(LoadError::Unreadable(path, e)),
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
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
            if kind.is_dir() == dirs && !names[..from_overlay].contains(&name) {
                names.push(name);
            }
        }
        names.sort();
        Ok(names)
    }

    /// The names directly in folder `rel` that the overlay adds: folders or files.
    fn overlay_names(&self, rel: &str, dirs: bool) -> Vec<String> {
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
    fn wanted_group_dirs(&mut self, wanted: &BTreeSet<String>) -> Vec<String> {
        let mut dirs = Vec::new();
        for g in wanted {
            let rel = format!("groups/{g}");
            let in_overlay = self
                .overlay
                .keys()
                .any(|k| k.starts_with(&format!("{rel}/")));
            if in_overlay || self.kind_of(&rel).is_some_and(|k| k.is_dir()) {
                dirs.push(g.clone());
            }
        }
        dirs
    }

    /// The file type behind a path, following a symlink only when it stays in the registry.
    /// A symlink that leaves the registry, loops or dangles is reported and yields `None`.
    fn kind_of(&mut self, rel: &str) -> Option<fs::FileType> {
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
                let shown = target.display().to_string();
                self.diags.push(
                    Diagnostic::new(
                        RuleId::Syntax,
                        Place::File(rel.to_string()),
                        t!(
                            "`{rel}` is a symbolic link to {shown}, outside the registry; it is not followed",
                            "`{rel}` er en symbolsk lenke til {shown}, utenfor registeret; den blir ikke fulgt"
                        ),
                    )
                    .help(t!(
                        "copy the file into the registry instead of linking to it",
                        "kopier filen inn i registeret i stedet for å lenke til den"
                    )),
                );
                None
            }
            Err(e) => {
                let err = e.to_string();
                self.diags.push(
                    Diagnostic::new(
                        RuleId::Syntax,
                        Place::File(rel.to_string()),
                        t!(
                            "`{rel}` is a symbolic link that cannot be followed: {err}",
                            "`{rel}` er en symbolsk lenke som ikke kan følges: {err}"
                        ),
                    )
                    .help(t!(
                        "remove the link or point it at a file in the registry",
                        "fjern lenken eller la den peke på en fil i registeret"
                    )),
                );
                None
            }
        }
    }

    /// Reads a file as text. Returns `None`, with a diagnostic, when it cannot be parsed.
    fn read(&mut self, rel: &str) -> Option<FileId> {
        if let Some(text) = self.overlay.get(rel) {
            self.files
                .push(SourceFile::new(rel.to_string(), text.clone()));
            return Some(self.files.len() - 1);
        }
        if let Some(bytes) = self.batch.take_file(rel) {
            return self.push_read(rel, bytes);
        }
        let path = self.root.join(rel);
        // One stat for a plain file; a link is first checked to stay inside the registry.
        let mut meta = fs::symlink_metadata(&path).ok()?;
        if meta.file_type().is_symlink() {
            self.kind_of(rel)?;
            meta = fs::metadata(&path).ok()?;
        }
        if !meta.is_file() {
            return None;
        }
        let size = meta.len();
        if size > MAX_FILE_BYTES {
            let (mib, limit) = (
                format!("{:.1}", size as f64 / (1024.0 * 1024.0)),
                MAX_FILE_BYTES / (1024 * 1024),
            );
            self.diags.push(
                Diagnostic::new(
                    RuleId::Syntax,
                    Place::File(rel.to_string()),
                    t!(
                        "`{rel}` is {mib} MiB, more than the limit of {limit} MiB; it was not read",
                        "`{rel}` er {mib} MiB, mer enn grensen på {limit} MiB; filen ble ikke lest"
                    ),
                )
                .help(t!(
                    "split the file or move large content out of the registry",
                    "del opp filen eller flytt stort innhold ut av registeret"
                )),
            );
            return None;
        }
        let bytes = match read_known_size(&path, size) {
            Ok(b) => b,
            Err(e) => {
                let err = e.to_string();
                self.diags.push(Diagnostic::new(
                    RuleId::Syntax,
                    Place::File(rel.to_string()),
                    t!("cannot read `{rel}`: {err}", "kan ikke lese `{rel}`: {err}"),
                ));
                return None;
            }
        };
        self.push_read(rel, bytes)
    }

    /// Adds a file read from disk, reporting it when it is not UTF-8.
    fn push_read(&mut self, rel: &str, bytes: Vec<u8>) -> Option<FileId> {
        match String::from_utf8(bytes) {
            Ok(text) => {
                self.files.push(SourceFile::new(rel.to_string(), text));
                Some(self.files.len() - 1)
            }
            Err(e) => {
                // Kept with replacement characters, so that `pii` still sees the rest; the
                // offsets up to the first invalid byte are the file's own.
                let valid = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                self.files.push(SourceFile::new(rel.to_string(), text));
                let id = self.files.len() - 1;
                self.diags.push(
                    syntax_at(
                        Span::new(id, valid..valid),
                        t!(
                            "`{rel}` is not valid UTF-8 (invalid byte at offset {valid})",
                            "`{rel}` er ikke gyldig UTF-8 (ugyldig byte ved posisjon {valid})"
                        ),
                    )
                    .help(t!(
                        "save the file as UTF-8 in your editor",
                        "lagre filen som UTF-8 i redigeringsprogrammet"
                    )),
                );
                None
            }
        }
    }

    /// Releases the text of the files read since `first` (they are parsed) that hold no
    /// identity number, when the whole registry is being read from disk: at 10,000 groups the
    /// text is 260 MB that no rule needs. The `pii` rule looks only in the files kept; a
    /// released file is read again if a diagnostic needs to quote it.
    fn release_from(&mut self, first: FileId) {
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
    fn read_if_exists(&mut self, rel: &str) -> Result<Option<FileId>, ()> {
        if !self.overlay.contains_key(rel)
            && !self.batch.has_file(rel)
            && fs::symlink_metadata(self.root.join(rel)).is_err()
        {
            return Err(());
        }
        Ok(self.read(rel))
    }

    fn load_config(&mut self) -> Config {
        let mut config = Config::default();
        let Ok(Some(file)) = self.read_if_exists("registry.toml") else {
            return config;
        };
        config.file = Some(file);
        root_table!(
            self,
            root,
            file,
            self.files[file].content_range(),
            "registry.toml",
            schema::REGISTRY_FILE
        );
        config.rules = root.rules("rules");
        if let Some(reg) = root.table("registry") {
            config.name = reg.str("name");
            config.language = reg.str("language");
            if let Some(d) = reg
                .str("report-due")
                .and_then(|s| parse_month_day(&s.value))
            {
                config.report_due = d;
            }
            if let Some(n) = reg.int("vacancy-grace-days").filter(|n| n.value >= 0) {
                config.vacancy_grace_days = n.value;
            }
            if let Some(n) = reg.int("input-followup-days").filter(|n| n.value >= 0) {
                config.input_followup_days = n.value;
            }
            config.history_from = reg.date("history-from").map(|d| d.value);
        }
        config
    }

    fn load_organisations(&mut self) -> (Option<FileId>, Vec<Region>, Vec<Organisation>) {
        let file = match self.read_if_exists("organisations.toml") {
            Ok(Some(f)) => f,
            Ok(None) => return (None, Vec::new(), Vec::new()),
            Err(()) => {
                self.diags.push(
                    Diagnostic::new(
                        RuleId::Schema,
                        Place::File("organisations.toml".into()),
                        t!(
                            "the registry has no organisations.toml, so no region or organisation is known",
                            "registeret har ingen organisations.toml, så ingen region eller organisasjon er kjent"
                        ),
                    )
                    .help(t!(
                        "`mandat init` writes one with the four RHFs and their health trusts",
                        "`mandat init` skriver en med de fire RHF-ene og helseforetakene deres"
                    )),
                );
                return (None, Vec::new(), Vec::new());
            }
        };
        root_table!(
            self,
            root,
            file,
            self.files[file].content_range(),
            "organisations.toml",
            schema::ORGANISATIONS_FILE
        );
        let mut regions = Vec::new();
        for r in root.tables("region") {
            let Some(id) = r.str("id") else { continue };
            regions.push(Region {
                id,
                name: r.str("name"),
                org_number: r.str("org-number"),
            });
        }
        let mut organisations = Vec::new();
        for o in root.tables("organisation") {
            let kind = o.enumerated("kind", parse_org_kind);
            match kind.as_ref().map(|k| k.value) {
                Some(OrgKind::Hf | OrgKind::PrivateHospital | OrgKind::Municipality) => o.require(
                    "region",
                    t!(
                        "a health trust, private hospital or municipality belongs to a region",
                        "et helseforetak, privat sykehus eller en kommune hører til en region"
                    ),
                    &mut self.diags,
                ),
                Some(OrgKind::JointHf) => o.forbid(
                    "region",
                    t!(
                        "a jointly owned HF (`joint-hf`) is owned by all four RHFs and has no region",
                        "et felleseid helseforetak (`joint-hf`) eies av alle de fire RHF-ene og har ingen region"
                    ),
                    &mut self.diags,
                ),
                _ => {}
            }
            let Some(id) = o.str("id") else { continue };
            organisations.push(Organisation {
                id,
                name: o.str("name"),
                kind,
                region: o.str("region"),
                org_number: o.str("org-number"),
            });
        }
        (Some(file), regions, organisations)
    }

    fn load_person(&mut self, id: &str) -> Option<Person> {
        let rel = format!("people/{id}.toml");
        let Some(file) = self.read(&rel) else {
            return self.unreadable_person(id, &rel);
        };
        root_table!(
            self,
            root,
            file,
            self.files[file].content_range(),
            "person",
            schema::PERSON_FILE
        );
        Some(Person {
            id: id.to_string(),
            file,
            name: root.str("name"),
            employer: root.str("employer"),
            email: root.str("email"),
            phone: root.str("phone"),
            gender: root.enumerated("gender", parse_gender),
        })
    }

    /// A person whose file exists but could not be read (not UTF-8, too large) still exists:
    /// the file was reported, and references to the person are not reported again as unknown.
    /// A link that leaves the registry or dangles does not make a person.
    fn unreadable_person(&mut self, id: &str, rel: &str) -> Option<Person> {
        let meta = fs::symlink_metadata(self.root.join(rel)).ok()?;
        if meta.file_type().is_symlink() {
            return None;
        }
        let file = match self.files.iter().position(|f| f.rel == rel) {
            Some(f) => f,
            None => {
                self.files
                    .push(SourceFile::new(rel.to_string(), String::new()));
                self.files.len() - 1
            }
        };
        Some(Person {
            id: id.to_string(),
            file,
            name: None,
            employer: None,
            email: None,
            phone: None,
            gender: None,
        })
    }

    fn load_group(&mut self, dir: &str) -> Group {
        let mut group = Group::new(dir.to_string());
        let rel = format!("groups/{dir}/group.toml");
        match self.read_if_exists(&rel) {
            Ok(Some(file)) => self.fill_group(&mut group, file),
            Ok(None) => {}
            Err(()) => self.diags.push(
                Diagnostic::new(
                    RuleId::Schema,
                    Place::File(rel),
                    t!(
                        "the group folder `groups/{dir}` has no group.toml",
                        "gruppemappen `groups/{dir}` har ingen group.toml"
                    ),
                )
                .help(t!(
                    "create it with `mandat group new`, or remove the folder",
                    "opprett den med `mandat group new`, eller fjern mappen"
                )),
            ),
        }
        if let Ok(Some(file)) = self.read_if_exists(&format!("groups/{dir}/members.toml")) {
            group.members_file = Some(file);
            group.members = self.members(file);
        }
        for name in self
            .list_dir(&format!("groups/{dir}/meetings"), false)
            .unwrap_or_default()
        {
            let Some(stem) = name.strip_suffix(".md") else {
                continue;
            };
            if stem.eq_ignore_ascii_case("readme") {
                continue;
            }
            if let Some(file) = self.read(&format!("groups/{dir}/meetings/{name}")) {
                group.meetings.push(self.meeting(file, stem));
            }
        }
        for folder in self
            .list_dir(&format!("groups/{dir}/reports"), true)
            .unwrap_or_default()
        {
            let folder_rel = format!("groups/{dir}/reports/{folder}");
            for name in self.list_dir(&folder_rel, false).unwrap_or_default() {
                let Some(stem) = name.strip_suffix(".md") else {
                    continue;
                };
                if stem.eq_ignore_ascii_case("readme") {
                    continue;
                }
                if let Some(file) = self.read(&format!("{folder_rel}/{name}")) {
                    let kind = if stem == "feedback" {
                        SectionKind::Feedback
                    } else {
                        SectionKind::Regional(stem.to_string())
                    };
                    group.reports.push(self.section(file, &folder, kind));
                }
            }
        }
        // Each group's vectors stay as they are for the whole run; their growth slack
        // (up to a third of a Meeting's 512 bytes per slot) is memory no rule uses.
        group.members.shrink_to_fit();
        group.meetings.shrink_to_fit();
        group.reports.shrink_to_fit();
        group
    }

    fn fill_group(&mut self, g: &mut Group, file: FileId) {
        g.file = Some(file);
        g.first_key = super::frontmatter::first_key(self.files[file].text(), self.files[file].bom)
            .map(|at| Span::new(file, at..at));
        root_table!(
            self,
            root,
            file,
            self.files[file].content_range(),
            "group.toml",
            schema::GROUP_FILE
        );
        g.name = root.str("name");
        g.profile = root.enumerated("profile", parse_profile);
        g.service = root.str("service");
        g.host = root.str_list("host").map(|l| l.value).unwrap_or_default();
        g.responsible = root.str("responsible");
        g.owner = root.str("owner");
        g.process = root.str("process");
        g.reports_to = root.str("reports-to");
        g.constituencies = root
            .str_list("constituencies")
            .map(|l| l.value)
            .unwrap_or_default();
        g.established = root.date("established");
        g.dissolved = root.date("dissolved");
        g.rules = root.rules("rules");
        let required: &[&str] = match g.profile() {
            Some(Profile::NationalService) => &["service", "host", "responsible"],
            Some(Profile::MunicipalAdvisory) => {
                &["owner", "process", "reports-to", "constituencies"]
            }
            // An advisory body needs only name, profile and established (format.md).
            Some(Profile::Advisory) | None => &[],
        };
        if let Some(p) = g.profile() {
            let profile = p.as_str();
            for key in required {
                root.require(
                    key,
                    t!(
                        "the profile `{profile}` requires it",
                        "profilen `{profile}` krever det"
                    ),
                    &mut self.diags,
                );
            }
        }
        g.chairs = root
            .tables("chair")
            .iter()
            .map(|c| Chair {
                span: c.span,
                person: c.str("person"),
                designated_by: c.str("designated-by"),
                from: c.date("from"),
                to: c.date("to"),
            })
            .collect();
        g.milestones = root
            .tables("milestone")
            .iter()
            .map(|m| Milestone {
                span: m.span,
                id: m.str("id"),
                name: m.str("name"),
                date: m.date("date"),
            })
            .collect();
        g.waivers = root
            .tables("waiver")
            .iter()
            .map(|w| Waiver {
                span: w.span,
                rule: w.str("rule"),
                reason: w.str("reason"),
                until: w.date("until"),
            })
            .collect();
        for w in &g.waivers {
            if let Some(rule) = &w.rule
                && RuleId::parse(&rule.value).is_none()
            {
                let id = &rule.value;
                let d = Diagnostic::at(
                    RuleId::Schema,
                    rule.span,
                    t!(
                        "unknown rule `{id}` in a waiver",
                        "ukjent regel `{id}` i et unntak",
                        id = crate::source::shown(id)
                    ),
                );
                self.diags.push(
                    match read::nearest(id, RuleId::ALL.iter().map(|r| r.as_str())) {
                        Some(near) => d.help(t!("did you mean `{near}`?", "mente du `{near}`?")),
                        None => d.help(t!(
                            "`mandat rules` lists every rule",
                            "`mandat rules` viser alle reglene"
                        )),
                    },
                );
            }
        }
    }

    fn members(&mut self, file: FileId) -> Vec<Member> {
        root_table!(
            self,
            root,
            file,
            self.files[file].content_range(),
            "members.toml",
            schema::MEMBERS_FILE
        );
        let mut out = Vec::new();
        for m in root.tables("member") {
            let role = m.enumerated("role", parse_role);
            let need = match role.as_ref().map(|r| r.value) {
                Some(Role::Regional) => Some((
                    "region",
                    t!(
                        "a regional member represents a region",
                        "et regionalt medlem representerer en region"
                    ),
                )),
                Some(Role::User) => Some((
                    "organisation",
                    t!(
                        "a user member represents a user organisation",
                        "et brukermedlem representerer en brukerorganisasjon"
                    ),
                )),
                Some(Role::Constituency) => Some((
                    "constituency",
                    t!(
                        "a constituency member represents one of the group's constituencies",
                        "et medlem for en gruppe representerer en av gruppens grupper"
                    ),
                )),
                _ => None,
            };
            if let Some((key, why)) = need {
                m.require(key, why, &mut self.diags);
            }
            out.push(Member {
                span: m.span,
                person: m.str("person"),
                role,
                region: m.str("region"),
                organisation: m.str("organisation"),
                constituency: m.str("constituency"),
                proposed: m.date("proposed"),
                consented: m.date("consented"),
                leader_cleared: m.date("leader-cleared"),
                appointed: m.date("appointed"),
                appointed_by: m.str("appointed-by"),
                letter: m.str("letter"),
                notified: m.date("notified"),
                term_end: m.date("term-end"),
                ended: m.date("ended"),
                end_reason: m.str("end-reason"),
            });
        }
        out
    }

    /// Splits a Markdown file; reports a missing or unterminated front matter.
    fn split_md(
        &mut self,
        file: FileId,
    ) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
        let f = &self.files[file];
        let rel = f.rel.clone();
        let start = Span::new(file, f.bom..f.bom);
        match frontmatter::split(f.content(), f.bom) {
            Split::Parts { front, body } => Some((front, body)),
            Split::Missing => {
                self.diags.push(
                    syntax_at(
                        start,
                        t!(
                            "`{rel}` has no front matter",
                            "`{rel}` mangler front matter"
                        ),
                    )
                    .help(t!(
                        "start the file with a line `+++`, the TOML fields, and another line `+++`",
                        "start filen med en linje `+++`, TOML-feltene, og en ny linje `+++`"
                    )),
                );
                None
            }
            Split::Unterminated(open) => {
                self.diags.push(
                    syntax_at(
                        Span::new(file, open),
                        t!(
                            "the front matter of `{rel}` is never closed",
                            "front matter i `{rel}` blir aldri avsluttet"
                        ),
                    )
                    .help(t!(
                        "end the front matter with a line that is exactly `+++`",
                        "avslutt front matter med en linje som er nøyaktig `+++`"
                    )),
                );
                None
            }
        }
    }

    fn meeting(&mut self, file: FileId, stem: &str) -> Meeting {
        let name_date = parse_meeting_stem(stem).map(|(d, _)| d);
        let end = self.files[file].text().len();
        let mut m = Meeting {
            file,
            stem: stem.to_string(),
            name_date,
            has_front_matter: false,
            date: None,
            status: None,
            mode: None,
            location: None,
            milestone: None,
            attendees: None,
            absent: Vec::new(),
            inputs: Vec::new(),
            body: Span::new(file, end..end),
            minutes_blank: true,
        };
        let Some((front, body)) = self.split_md(file) else {
            return m;
        };
        m.has_front_matter = true;
        m.minutes_blank = super::frontmatter::body_is_empty(&self.files[file].text()[body.clone()]);
        m.body = Span::new(file, body);
        root_table!(
            self,
            root,
            file,
            front.clone(),
            "front matter",
            schema::MEETING_FRONT
        );
        m.date = root.date("date");
        m.status = root.enumerated("status", parse_meeting_status);
        m.mode = root.enumerated("mode", parse_mode);
        m.location = root.str("location");
        m.milestone = root.str("milestone");
        m.attendees = root.str_list("attendees");
        m.absent = root.str_list("absent").map(|l| l.value).unwrap_or_default();
        m.inputs = root
            .tables("input")
            .iter()
            .map(|i| Input {
                span: i.span,
                id: i.str("id"),
                by: i.str("by"),
                summary: i.str("summary"),
                status: i.enumerated("status", parse_input_status),
                to: i.str("to"),
                response: i.str("response"),
            })
            .collect();
        m
    }

    fn section(&mut self, file: FileId, folder: &str, kind: SectionKind) -> ReportSection {
        let end = self.files[file].text().len();
        let folder_year = (folder.len() == 4 && folder.bytes().all(|b| b.is_ascii_digit()))
            .then(|| folder.parse().ok())
            .flatten();
        let mut s = ReportSection {
            file,
            folder: folder.to_string(),
            folder_year,
            kind,
            year: None,
            region: None,
            author: None,
            submitted: None,
            body: Span::new(file, end..end),
            blank: true,
        };
        let Some((front, body)) = self.split_md(file) else {
            return s;
        };
        s.blank = super::frontmatter::body_is_empty(&self.files[file].text()[body.clone()]);
        s.body = Span::new(file, body);
        let fields = match s.kind {
            SectionKind::Feedback => schema::FEEDBACK_FRONT,
            SectionKind::Regional(_) => schema::SECTION_FRONT,
        };
        root_table!(self, root, file, front.clone(), "front matter", fields);
        s.year = root.int("year");
        s.region = root.str("region");
        s.author = root.str("author");
        s.submitted = root.date("submitted");
        s
    }

    /// Reads the text files under the root that the registry does not otherwise read, so that
    /// `pii` can look in them too. They are not parsed; bytes that are not UTF-8 are replaced.
    fn read_other_text_files(&mut self) {
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

/// The text of bytes read from a file, with U+FFFD for bytes that are not UTF-8.
fn lossy_text(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

/// Whether the `pii` walk looks in a file of this name: .md, .txt, .toml or .csv, in any case.
pub(super) fn is_text_file(path: &Path) -> bool {
    path.extension().is_some_and(|ext| {
        ["md", "txt", "toml", "csv"]
            .iter()
            .any(|t| ext.eq_ignore_ascii_case(t))
    })
}

/// Reads a file whose size a stat just gave. `fs::read` would stat it a second time for the
/// size (one `statx` per file, 420,000 at 10,000 groups); reading through `Take` gives std no
/// size hint to look for, and the buffer is sized from `size` (a file that grew is still read
/// whole).
fn read_known_size(path: &Path, size: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = fs::File::open(path)?;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    file.take(u64::MAX).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Parses TOML text that sits at `base` in `file`, reporting every syntax error.
fn parse<'t>(
    text: &'t str,
    file: FileId,
    base: usize,
    diags: &mut Vec<Diagnostic>,
) -> Spanned<DeTable<'t>> {
    let (doc, errors) = DeTable::parse_recoverable(text);
    for e in errors {
        let range = e.span().unwrap_or(0..0);
        let span = Span::new(file, base + range.start..base + range.end);
        let msg = e.message().trim().to_string();
        // A date that does not exist is `schema` (rules.md); a malformed time, as in
        // `2024-11-02 x`, is a syntax error like any other.
        let rule = if msg.starts_with("invalid date") {
            RuleId::Schema
        } else {
            RuleId::Syntax
        };
        let value = text.get(range.clone()).unwrap_or("").trim();
        let d = Diagnostic::at(rule, span, parser_message(&msg, value));
        diags.push(match rule {
            RuleId::Schema => d.help(t!(
                "write a date that exists, like 2025-02-28",
                "skriv en dato som finnes, som 2025-02-28"
            )),
            _ => d.help(t!(
                "docs/format.md shows how each file is written",
                "docs/format.md viser hvordan hver fil skrives"
            )),
        });
    }
    doc
}

/// The parser's message in both languages. The parser speaks English; the messages users meet
/// most (a date that does not exist, values nested too deeply) are translated, the rest are
/// quoted after a translated lead.
fn parser_message(msg: &str, value: &str) -> Text {
    if let Some(rest) = msg.strip_prefix("invalid date, expected ") {
        // "day between 01 and 28", "month between 01 and 12"
        let words: Vec<&str> = rest.split(' ').collect();
        if let [unit @ ("day" | "month"), "between", low, "and", high] = words.as_slice() {
            let (en_unit, nb_unit) = if *unit == "day" {
                ("the day", "dagen")
            } else {
                ("the month", "måneden")
            };
            return t!(
                "`{value}` is not a date that exists: {en_unit} must be between {low} and {high}",
                "`{value}` er ikke en dato som finnes: {nb_unit} må være mellom {low} og {high}"
            );
        }
        if rest == "a four-digit year (YYYY)" {
            return t!(
                "`{value}` is not a date: the year must have four digits (YYYY-MM-DD)",
                "`{value}` er ikke en dato: året må ha fire sifre (ÅÅÅÅ-MM-DD)"
            );
        }
        return t!(
            "invalid date: expected {rest}",
            "ugyldig dato: forventet {rest}"
        );
    }
    match msg {
        "recursion limit" | "cannot recurse further; max recursion depth met" => t!(
            "values are nested too deeply to be read",
            "verdiene er nøstet for dypt til å kunne leses"
        ),
        other => t!("invalid TOML: {other}", "ugyldig TOML: {other}"),
    }
}

fn parse_org_kind(s: &str) -> Option<OrgKind> {
    s.parse().ok()
}

fn parse_gender(s: &str) -> Option<Gender> {
    s.parse().ok()
}

fn parse_profile(s: &str) -> Option<Profile> {
    s.parse().ok()
}

pub fn parse_role(s: &str) -> Option<Role> {
    s.parse().ok()
}

fn parse_meeting_status(s: &str) -> Option<MeetingStatus> {
    s.parse().ok()
}

fn parse_mode(s: &str) -> Option<Mode> {
    s.parse().ok()
}

fn parse_input_status(s: &str) -> Option<InputStatus> {
    s.parse().ok()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::ffi::OsStrExt;

    /// A valid identity number, for the `pii` rule to find.
    fn identity_number() -> String {
        (0..100_000)
            .map(|n| format!("010190{n:05}"))
            .find(|s| crate::pii_scan::is_identity_number(s.as_bytes()))
            .unwrap()
    }

    /// registry-example with everything the reader thread leaves to the loader or must hand on
    /// to the `pii` walk: links in and out of the registry, other text files at every depth,
    /// hidden files, a `.git` folder, bytes and names that are not UTF-8, a file over the size
    /// limit, a group folder without group.toml and one that is a link.
    fn awkward_registry() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("reg");
        let copied = std::process::Command::new("cp")
            .args(["-R", "registry-example"])
            .arg(&root)
            .status()
            .unwrap();
        assert!(copied.success());
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
        let odd_name = std::ffi::OsStr::from_bytes(b"m\xf8te.md");
        // In another group: a name the reader cannot hand on leaves that group's folder to the
        // `pii` walk.
        let other = root.join("groups/nkt-inkontinens/meetings");
        fs::write(other.join(odd_name), format!("{fnr}\n")).unwrap();
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
            let by_file = seen(&by_file);
            for how in [ReadAhead::Inline, ReadAhead::Thread] {
                let by_folder = load_inner(root, &Scope::All, &Overlay::new(), how).unwrap();
                assert_eq!(by_file, seen(&by_folder), "{how:?}, {}", root.display());
            }
        }
    }

    #[test]
    fn the_pii_walk_sees_other_text_files_the_reader_read() {
        let awkward = awkward_registry();
        let root = awkward.path().join("reg");
        let loaded = load_inner(&root, &Scope::All, &Overlay::new(), ReadAhead::Thread).unwrap();
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
        ] {
            assert!(kept.contains(rel), "{rel} not kept for pii: {kept:?}");
        }
        assert!(!kept.iter().any(|r| r.contains(".git/")), "{kept:?}");
        assert!(!kept.contains("groups/nkt-ms/big.txt"));
    }
}
