//! One file the format names, read safely: it must be a regular file (not a folder, FIFO,
//! device or socket, nor a link to one), a link must stay inside the registry, and it is read up
//! to [`MAX_FILE_BYTES`] without ever blocking (a FIFO is refused before it is opened, and the
//! open itself is non-blocking in case the path changed meanwhile). The loader ([`super::files`])
//! and every command that reads a registry file on its own (the language probe, the edit
//! commands) go through here; what is refused is a `syntax` error at that path (rules.md, "Files
//! that are not files").

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::i18n::Text;
use crate::t;

/// Files larger than this are reported, not read.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Why a path the format names as a file was not read.
#[derive(Debug)]
pub enum Refused {
    /// Nothing at the path.
    Missing,
    /// A folder, FIFO, device or socket (perhaps behind a link): its kind, in both languages.
    NotAFile(Text),
    /// A link (to a file or a folder, here or higher up) that leads out of the registry.
    OutOfRegistry(PathBuf),
    /// A link that dangles or loops.
    BrokenLink(io::Error),
    /// Larger than [`MAX_FILE_BYTES`]: its size in bytes.
    TooLarge(u64),
    /// The system would not read it.
    Unreadable(io::Error),
}

impl Refused {
    /// What is wrong with `rel`, in both languages.
    pub fn text(&self, rel: &str) -> Text {
        let rel = crate::pii_scan::mask(&crate::source::shown(rel)).into_owned();
        match self {
            Refused::Missing => t!("`{rel}` does not exist", "`{rel}` finnes ikke"),
            Refused::NotAFile(kind) => {
                let (en, nb) = (&kind.en, &kind.nb);
                t!(
                    "`{rel}` is {en}, not a file; it was not read",
                    "`{rel}` er {nb}, ikke en fil; den ble ikke lest"
                )
            }
            Refused::OutOfRegistry(target) => {
                let shown = crate::pii_scan::mask(&target.display().to_string()).into_owned();
                t!(
                    "`{rel}` is a symbolic link to {shown}, outside the registry; it is not followed",
                    "`{rel}` er en symbolsk lenke til {shown}, utenfor registeret; den blir ikke fulgt"
                )
            }
            Refused::BrokenLink(e) => t!(
                "`{rel}` is a symbolic link that cannot be followed: {e}",
                "`{rel}` er en symbolsk lenke som ikke kan følges: {e}"
            ),
            Refused::TooLarge(size) => {
                let (mib, limit) = (
                    format!("{:.1}", *size as f64 / (1024.0 * 1024.0)),
                    MAX_FILE_BYTES / (1024 * 1024),
                );
                t!(
                    "`{rel}` is {mib} MiB, more than the limit of {limit} MiB; it was not read",
                    "`{rel}` er {mib} MiB, mer enn grensen på {limit} MiB; filen ble ikke lest"
                )
            }
            Refused::Unreadable(e) => t!("cannot read `{rel}`: {e}", "kan ikke lese `{rel}`: {e}"),
        }
    }

    /// What to do about it.
    pub fn help(&self) -> Option<Text> {
        Some(match self {
            Refused::Missing | Refused::Unreadable(_) => return None,
            Refused::NotAFile(_) => t!(
                "the registry's format names this path as a file: replace it with a regular file, or remove it",
                "registerformatet bruker denne stien til en fil: erstatt den med en vanlig fil, eller fjern den"
            ),
            Refused::OutOfRegistry(_) => t!(
                "copy the file into the registry instead of linking to it",
                "kopier filen inn i registeret i stedet for å lenke til den"
            ),
            Refused::BrokenLink(_) => t!(
                "remove the link or point it at a file in the registry",
                "fjern lenken eller la den peke på en fil i registeret"
            ),
            Refused::TooLarge(_) => t!(
                "split the file or move large content out of the registry",
                "del opp filen eller flytt stort innhold ut av registeret"
            ),
        })
    }
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text("").en)
    }
}

/// The kind of a file system entry that is not a regular file, as a noun with its article.
pub fn kind_name(kind: fs::FileType) -> Text {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return t!("a FIFO (named pipe)", "en FIFO (navngitt rør)");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return t!("a device", "en enhet");
        }
        if kind.is_socket() {
            return t!("a socket", "en socket");
        }
    }
    if kind.is_dir() {
        t!("a folder", "en mappe")
    } else if kind.is_symlink() {
        t!("a symbolic link", "en symbolsk lenke")
    } else {
        t!("not a regular file", "ikke en vanlig fil")
    }
}

/// Whether `path` (under `canonical_root`) leads, through links in any of its components, to a
/// place outside the registry: `Some(target)` when it does. A path that does not exist yet is
/// judged by its nearest existing ancestor.
pub fn outside(canonical_root: &Path, path: &Path) -> Option<PathBuf> {
    let existing = path.ancestors().find(|p| fs::symlink_metadata(p).is_ok())?;
    let target = fs::canonicalize(existing).ok()?;
    (!target.starts_with(canonical_root)).then_some(target)
}

/// Reads `rel` under the registry at `root`: the one entry point for a command that reads a
/// registry file outside the loader. Every link on the way must stay in the registry.
pub fn read_in_registry(root: &Path, rel: &str) -> Result<Vec<u8>, Refused> {
    let path = root.join(rel);
    let meta = fs::symlink_metadata(&path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => match fs::canonicalize(root) {
            // A link higher up (`people/` → elsewhere) is named even when the file is missing.
            Ok(croot) => outside(&croot, &path).map_or(Refused::Missing, Refused::OutOfRegistry),
            Err(_) => Refused::Missing,
        },
        _ => Refused::Unreadable(e),
    })?;
    let croot = fs::canonicalize(root).map_err(Refused::Unreadable)?;
    let target = fs::canonicalize(&path).map_err(Refused::BrokenLink)?;
    if !target.starts_with(&croot) {
        return Err(Refused::OutOfRegistry(target));
    }
    let meta = if meta.file_type().is_symlink() {
        fs::metadata(&path).map_err(Refused::BrokenLink)?
    } else {
        meta
    };
    read_checked(&path, &meta)
}

/// Reads the file at `path`, whose metadata (after following a link that was found to stay in
/// the registry) is `meta`: refused unless it is a regular file within the size limit.
pub fn read_checked(path: &Path, meta: &fs::Metadata) -> Result<Vec<u8>, Refused> {
    if !meta.is_file() {
        return Err(Refused::NotAFile(kind_name(meta.file_type())));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Refused::TooLarge(meta.len()));
    }
    let file = open_nonblocking(path).map_err(Refused::Unreadable)?;
    // The path may have changed between the look and the open: judge what was opened.
    let opened = file.metadata().map_err(Refused::Unreadable)?;
    if !opened.is_file() {
        return Err(Refused::NotAFile(kind_name(opened.file_type())));
    }
    read_limited(file, opened.len())
}

/// Opens a file for reading without blocking, whatever it turned out to be: a FIFO opened this
/// way returns at once instead of waiting for a writer.
pub fn open_nonblocking(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Reads an open regular file of `size` bytes, the size it had when it was looked at: no more
/// than that is read, so one `read` reads a small file whole and no second `read` is needed to
/// find its end (420,000 fewer calls into the kernel at 10,000 groups). A file whose size is
/// given as 0 (some file systems do not know it) is read to its end, refused if it is then over
/// the limit. Reading through `Take` gives std no size hint to look for (no second stat), and
/// the buffer is sized from `size`.
pub fn read_limited(file: File, size: u64) -> Result<Vec<u8>, Refused> {
    if size > MAX_FILE_BYTES {
        return Err(Refused::TooLarge(size));
    }
    let limit = if size == 0 { MAX_FILE_BYTES + 1 } else { size };
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit)
        .read_to_end(&mut bytes)
        .map_err(Refused::Unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Refused::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn fifo(path: &Path) {
        let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    }

    #[test]
    fn a_fifo_a_folder_and_a_link_out_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("reg");
        fs::create_dir_all(root.join("people/dir.toml")).unwrap();
        fs::write(dir.path().join("secret.toml"), "x = 1\n").unwrap();
        fs::write(root.join("people/ok.toml"), "name = \"A\"\n").unwrap();
        fifo(&root.join("people/pipe.toml"));
        std::os::unix::fs::symlink(dir.path().join("secret.toml"), root.join("people/out.toml"))
            .unwrap();
        std::os::unix::fs::symlink(root.join("people/ok.toml"), root.join("people/in.toml"))
            .unwrap();
        assert_eq!(
            read_in_registry(&root, "people/ok.toml").unwrap(),
            b"name = \"A\"\n"
        );
        assert_eq!(
            read_in_registry(&root, "people/in.toml").unwrap(),
            b"name = \"A\"\n"
        );
        let refused = |rel| read_in_registry(&root, rel).unwrap_err();
        assert!(
            matches!(refused("people/pipe.toml"), Refused::NotAFile(k) if k.en.contains("FIFO"))
        );
        assert!(
            matches!(refused("people/dir.toml"), Refused::NotAFile(k) if k.en.contains("folder"))
        );
        assert!(matches!(
            refused("people/out.toml"),
            Refused::OutOfRegistry(_)
        ));
        assert!(matches!(refused("people/none.toml"), Refused::Missing));
        assert!(matches!(
            read_in_registry(&root, "/dev/zero"),
            Err(Refused::OutOfRegistry(_))
        ));
    }

    /// A file is read as large as it was when its size was taken: a file written to meanwhile
    /// is not read past that; a size of 0 (unknown) reads to the end, within the limit.
    #[test]
    fn a_file_is_read_to_the_size_it_was_looked_at() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, "name = \"A\"\n").unwrap();
        let open = || File::open(&path).unwrap();
        assert_eq!(read_limited(open(), 11).unwrap(), b"name = \"A\"\n");
        assert_eq!(read_limited(open(), 4).unwrap(), b"name");
        assert_eq!(read_limited(open(), 0).unwrap(), b"name = \"A\"\n");
        // Shorter than it was: what is there.
        assert_eq!(read_limited(open(), 100).unwrap(), b"name = \"A\"\n");
        assert!(matches!(
            read_limited(open(), MAX_FILE_BYTES + 1),
            Err(Refused::TooLarge(_))
        ));
        fs::write(&path, vec![b'x'; MAX_FILE_BYTES as usize + 1]).unwrap();
        assert!(matches!(read_limited(open(), 0), Err(Refused::TooLarge(_))));
    }

    #[test]
    fn a_linked_folder_out_of_the_registry_is_named_even_for_a_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("reg");
        fs::create_dir_all(&root).unwrap();
        fs::create_dir_all(dir.path().join("elsewhere")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("elsewhere"), root.join("people")).unwrap();
        assert!(matches!(
            read_in_registry(&root, "people/new.toml"),
            Err(Refused::OutOfRegistry(_))
        ));
    }

    #[test]
    fn a_device_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("reg");
        fs::create_dir_all(&root).unwrap();
        std::os::unix::fs::symlink("/dev/zero", root.join("registry.toml")).unwrap();
        let meta = fs::metadata(root.join("registry.toml")).unwrap();
        assert!(matches!(
            read_checked(&root.join("registry.toml"), &meta),
            Err(Refused::NotAFile(k)) if k.en.contains("device")
        ));
    }
}

/// Whether the `pii` walk looks in a file of this name: .md, .txt, .toml or .csv, in any case.
pub(in crate::registry) fn is_text_file(path: &Path) -> bool {
    path.extension().is_some_and(|ext| {
        ["md", "txt", "toml", "csv"]
            .iter()
            .any(|t| ext.eq_ignore_ascii_case(t))
    })
}
