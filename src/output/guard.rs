//! `-o FILE` and `site OUT`: never over a file the registry itself reads (cli.md: registry.toml,
//! organisations.toml, anything under `people/` or `groups/`), exit 2; any other path, inside the
//! checkout or not, is fine. Every command that writes a file of its own calls
//! [`refuse_registry_file`] first.

use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::t;

/// Refuses `out` when it is, or leads through links to, a file the registry at `root` reads.
pub fn refuse_registry_file(root: &Path, out: &Path, lang: Lang) -> anyhow::Result<()> {
    let Some(rel) = registry_file(root, out) else {
        return Ok(());
    };
    let shown =
        crate::pii_scan::mask(&crate::source::shown(&out.display().to_string())).into_owned();
    anyhow::bail!(
        "{}",
        t!(
            "will not write {shown}: it is `{rel}`, a file the registry itself reads; choose a path outside registry.toml, organisations.toml, people/ and groups/",
            "skriver ikke {shown}: det er `{rel}`, en fil registeret selv leser; velg en sti utenfor registry.toml, organisations.toml, people/ og groups/"
        )
        .get(lang)
    )
}

/// The registry-relative path of `out` when it is a file the registry reads.
fn registry_file(root: &Path, out: &Path) -> Option<String> {
    let target = resolved(out)?;
    let mut homes: Vec<(PathBuf, &str)> = Vec::new();
    let croot = std::fs::canonicalize(root).ok()?;
    homes.push((croot.clone(), ""));
    // A linked people/ or groups/ folder is the registry's wherever it points.
    for dir in ["people", "groups"] {
        if let Ok(c) = std::fs::canonicalize(root.join(dir)) {
            homes.push((c, dir));
        }
    }
    for (home, prefix) in homes {
        let Ok(rest) = target.strip_prefix(&home) else {
            continue;
        };
        let rest = rest
            .to_string_lossy()
            .replace(std::path::MAIN_SEPARATOR, "/");
        let rel = if prefix.is_empty() {
            rest
        } else {
            format!("{prefix}/{rest}")
        };
        let read_by_registry = rel == "registry.toml"
            || rel == "organisations.toml"
            || rel.starts_with("people/")
            || rel.starts_with("groups/");
        if read_by_registry {
            return Some(rel);
        }
    }
    None
}

/// Where writing to `out` would land: the file's own links followed, or, for a file that does
/// not exist yet, its folder's. `None` when its folder does not exist (the write fails anyway).
fn resolved(out: &Path) -> Option<PathBuf> {
    if let Ok(c) = std::fs::canonicalize(out) {
        return Some(c);
    }
    let name = out.file_name()?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Some(std::fs::canonicalize(parent).ok()?.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_the_registry_reads_are_refused_and_others_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for sub in ["people", "groups/g", "out"] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
        }
        std::fs::write(root.join("registry.toml"), "").unwrap();
        for refused in [
            "registry.toml",
            "organisations.toml",
            "people/a.toml",
            "groups/g/members.toml",
            "groups/g/new.html",
            "out/../registry.toml",
        ] {
            assert!(
                refuse_registry_file(root, &root.join(refused), Lang::En).is_err(),
                "{refused}"
            );
        }
        for fine in ["report.html", "out/registry.toml", "README.md"] {
            assert!(
                refuse_registry_file(root, &root.join(fine), Lang::En).is_ok(),
                "{fine}"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_registry_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("reg");
        std::fs::create_dir_all(root.join("people")).unwrap();
        std::fs::write(root.join("organisations.toml"), "").unwrap();
        std::os::unix::fs::symlink(root.join("organisations.toml"), dir.path().join("x.md"))
            .unwrap();
        let err = refuse_registry_file(&root, &dir.path().join("x.md"), Lang::Nb).unwrap_err();
        assert!(err.to_string().contains("organisations.toml"), "{err}");
    }
}
