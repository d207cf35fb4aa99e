//! Writing files safely: atomically (a temporary file in the same folder, then a rename), with
//! the original file's permissions, under a lock that serialises the commands that write to one
//! registry.

use std::fs::{self, File, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The lock file in the registry root. Ignored by the loader (it starts with a dot).
pub const LOCK_FILE: &str = ".mandat.lock";

/// How long a command waits for another one to finish, unless `MANDAT_LOCK_TIMEOUT` (seconds)
/// says otherwise.
pub const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(10);

/// The registry's lock, held until dropped.
pub struct Lock {
    _file: File,
}

/// Why the lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another process held it longer than the timeout.
    Busy {
        path: PathBuf,
        waited: Duration,
    },
    Io {
        path: PathBuf,
        error: io::Error,
    },
    /// The lock file is a symbolic link, a FIFO, a folder or a device: it is neither followed
    /// nor opened in a way that could block.
    NotAFile {
        path: PathBuf,
    },
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockError::Busy { path, waited } => write!(
                f,
                "another mandat command has been changing this registry for more than {:.0} s (it holds the lock {}); \
                 wait until it has finished and run the command again",
                waited.as_secs_f32(),
                path.display()
            ),
            LockError::Io { path, error } => {
                write!(f, "cannot create the lock file {}: {error}", path.display())
            }
            LockError::NotAFile { path } => write!(
                f,
                "the lock file {} is not a regular file (a link, a FIFO, a folder or a device); remove it and run the command again",
                path.display()
            ),
        }
    }
}

impl std::error::Error for LockError {}

impl Lock {
    /// Takes the lock of the registry at `root`, waiting up to the timeout.
    pub fn acquire(root: &Path) -> Result<Lock, LockError> {
        let timeout = std::env::var("MANDAT_LOCK_TIMEOUT")
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s >= 0.0)
            .map_or(DEFAULT_LOCK_TIMEOUT, Duration::from_secs_f64);
        Lock::acquire_within(root, timeout)
    }

    pub fn acquire_within(root: &Path, timeout: Duration) -> Result<Lock, LockError> {
        let path = root.join(LOCK_FILE);
        let io_err = |error| LockError::Io {
            path: path.clone(),
            error,
        };
        let not_a_file = || LockError::NotAFile { path: path.clone() };
        // Looked at before it is opened, and opened without following a link or blocking: a
        // link would create a file anywhere, a FIFO would hang the command.
        if fs::symlink_metadata(&path).is_ok_and(|m| !m.is_file()) {
            return Err(not_a_file());
        }
        let mut options = fs::OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        }
        let file = match options.open(&path) {
            Ok(file) => file,
            #[cfg(unix)]
            Err(e) if matches!(e.raw_os_error(), Some(libc::ELOOP | libc::ENXIO)) => {
                return Err(not_a_file());
            }
            Err(e) => return Err(io_err(e)),
        };
        if !file.metadata().map_err(io_err)?.is_file() {
            return Err(not_a_file());
        }
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Lock { _file: file }),
                Err(TryLockError::WouldBlock) if start.elapsed() < timeout => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(LockError::Busy {
                        path,
                        waited: start.elapsed(),
                    });
                }
                Err(TryLockError::Error(e)) => return Err(io_err(e)),
            }
        }
    }
}

/// Why a registry file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file on disk is no longer what the edit read: another writer (an editor, `git pull`)
    /// changed, created or removed it meanwhile. Nothing was written over it.
    Changed,
    /// The path leads through a symbolic link out of the registry, to this place.
    Outside(PathBuf),
    Io(io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Changed => f.write_str("the file changed on disk after it was read"),
            WriteError::Outside(t) => write!(f, "it leads out of the registry, to {}", t.display()),
            WriteError::Io(e) => e.fmt(f),
        }
    }
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> WriteError {
        WriteError::Io(e)
    }
}

/// Where a write to `rel` under `root` lands: the file itself, or for a symbolic link that stays
/// in the registry, its target (the link is kept). A path that leads out of the registry, through
/// the file's own link or a linked folder above it, is refused.
pub fn destination(root: &Path, rel: &str) -> Result<PathBuf, WriteError> {
    let croot = fs::canonicalize(root)?;
    let path = root.join(rel);
    if let Some(target) = crate::registry::one_file::outside(&croot, &path) {
        return Err(WriteError::Outside(target));
    }
    match fs::symlink_metadata(&path) {
        Ok(m) if m.file_type().is_symlink() => match fs::canonicalize(&path) {
            Ok(target) => Ok(target),
            // A dangling link: the edit read nothing there, and writing would replace the link.
            Err(_) => Err(WriteError::Changed),
        },
        _ => Ok(path),
    }
}

/// Whether the file at `path` still holds `old` (the text the edit read; `None`: no file).
/// Anything else on disk, or nothing where a file was read, is [`WriteError::Changed`].
pub fn unchanged(path: &Path, old: Option<&str>) -> Result<(), WriteError> {
    let now = match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e.into()),
        Ok(meta) => Some(
            crate::registry::one_file::read_checked(path, &meta)
                .map_err(|_| WriteError::Changed)?,
        ),
    };
    if now.as_deref() == old.map(str::as_bytes) {
        Ok(())
    } else {
        Err(WriteError::Changed)
    }
}

/// Writes the new text of registry file `rel`, under the lock the caller holds: atomically,
/// through a link that stays in the registry, after removing what a killed edit left in that
/// folder, and only if the file still holds `old` just before the rename.
pub fn write_in_registry(
    root: &Path,
    rel: &str,
    old: Option<&str>,
    new: &[u8],
) -> Result<(), WriteError> {
    let path = destination(root, rel)?;
    unchanged(&path, old)?;
    if let Some(dir) = path.parent() {
        remove_leftovers(dir);
    }
    write_atomic_inner(&path, new, |f, b| f.write_all(b), &mut || {
        unchanged(&path, old)
    })
}

/// Removes the temporary files (`.mandat-*.tmp`) that an edit killed half-way left in `dir`.
/// Called under the registry's lock, so no other mandat edit is writing one now.
pub fn remove_leftovers(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with(".mandat-")
            && name.ends_with(".tmp")
            && entry.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes `bytes` to `path` atomically, keeping the permissions of the file it replaces.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, bytes, |f, b| f.write_all(b))
}

/// [`write_atomic`] with the writing step given, so that tests can make it fail half-way.
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    write_atomic_inner(path, bytes, write, &mut || Ok(())).map_err(|e| match e {
        WriteError::Io(e) => e,
        other => io::Error::other(other.to_string()),
    })
}

/// [`write_atomic_with`], calling `before_rename` last: the temporary file is written and
/// synced, and an error from it leaves the old file as it is and removes the temporary one.
fn write_atomic_inner(
    path: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
    before_rename: &mut dyn FnMut() -> Result<(), WriteError>,
) -> Result<(), WriteError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let permissions = fs::metadata(path).ok().map(|m| m.permissions());
    // Dropping the temporary file on an error removes it: nothing half-written stays behind.
    let mut tmp = tempfile::Builder::new()
        .prefix(".mandat-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    write(tmp.as_file_mut(), bytes)?;
    tmp.as_file().sync_all()?;
    match permissions {
        Some(p) => fs::set_permissions(tmp.path(), p)?,
        None => set_default_permissions(tmp.path())?,
    }
    before_rename()?;
    tmp.persist(path).map_err(|e| e.error)?;
    if let Ok(d) = File::open(dir) {
        // Makes the rename itself durable where the platform allows it; failure is harmless.
        let _ = d.sync_all();
    }
    Ok(())
}

/// A new file gets the permissions an ordinary file would (tempfile creates them 0600).
#[cfg(unix)]
fn set_default_permissions(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_default_permissions(_: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failing_write_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("members.toml");
        fs::write(&path, "old = 1\n").unwrap();
        let err = write_atomic_with(&path, b"new = 2\nmore = 3\n", |f, b| {
            f.write_all(&b[..4])?;
            Err(io::Error::other("disk full"))
        });
        assert!(err.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old = 1\n");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("members.toml")]);
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, "a = 1\n").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"a = 2\n").unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "a = 2\n");
    }

    #[test]
    fn a_held_lock_times_out_with_a_clear_message() {
        let dir = tempfile::tempdir().unwrap();
        let _held = Lock::acquire_within(dir.path(), Duration::ZERO).unwrap();
        let err = Lock::acquire_within(dir.path(), Duration::from_millis(100))
            .err()
            .unwrap();
        assert!(err.to_string().contains("another mandat command"), "{err}");
    }
}
