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
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io_err)?;
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
