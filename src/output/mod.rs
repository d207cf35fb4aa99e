//! Files for other programs: the one CSV writer of the tool ([`csv`]) and the xlsx workbooks
//! ([`xlsx`]). Both take rows of text already built by a command; they decide nothing about
//! what a row holds, only how a spreadsheet will read it.

pub mod csv;
pub mod sheets;
pub mod xlsx;

use std::path::Path;

use crate::i18n::Lang;

/// Writes text output (`-o FILE` of `list` and `expenses`), saying so on standard error.
pub fn save_text(path: &Path, text: &str, lang: Lang) -> anyhow::Result<()> {
    std::fs::write(path, text).map_err(|e| {
        let p = path.display();
        anyhow::anyhow!(
            "{}",
            crate::t!("cannot write {p}: {e}", "kan ikke skrive {p}: {e}").get(lang)
        )
    })?;
    let p = path.display();
    eprintln!("{}", crate::t!("wrote {p}", "skrev {p}").get(lang));
    Ok(())
}

/// `-o FILE` never overwrites a file that the registry itself reads (cli.md): registry.toml,
/// organisations.toml, anything under people/ or groups/. Exit 2 through `Err`.
pub fn refuse_registry_file(root: &Path, path: &Path, lang: Lang) -> anyhow::Result<()> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let (Ok(dir), Ok(root), Some(name)) = (
        std::fs::canonicalize(&parent),
        std::fs::canonicalize(root),
        path.file_name(),
    ) else {
        return Ok(());
    };
    let Ok(rel) = dir.join(name).strip_prefix(&root).map(Path::to_path_buf) else {
        return Ok(());
    };
    let first = rel.components().next().map(|c| c.as_os_str().to_owned());
    let read_by_registry = rel == Path::new("registry.toml")
        || rel == Path::new("organisations.toml")
        || first.is_some_and(|f| f == "people" || f == "groups");
    if read_by_registry {
        let (p, r) = (path.display(), rel.display());
        anyhow::bail!(
            "{}",
            crate::t!(
                "will not write {p}: the registry reads {r}; write to a file outside registry.toml, organisations.toml, people/ and groups/",
                "skriver ikke {p}: registeret leser {r}; skriv til en fil utenfor registry.toml, organisations.toml, people/ og groups/"
            )
            .get(lang)
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_the_registry_reads_are_refused_as_output() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir_all(root.join("groups/g")).unwrap();
        std::fs::create_dir_all(root.join("people")).unwrap();
        for bad in [
            "registry.toml",
            "organisations.toml",
            "groups/g/members.toml",
            "people/x.toml",
        ] {
            assert!(
                refuse_registry_file(root, &root.join(bad), Lang::En).is_err(),
                "{bad}"
            );
        }
        for fine in ["medlemmer.xlsx", "out.csv"] {
            assert!(
                refuse_registry_file(root, &root.join(fine), Lang::En).is_ok(),
                "{fine}"
            );
        }
        let elsewhere = tempfile::tempdir().unwrap();
        assert!(refuse_registry_file(root, &elsewhere.path().join("a.xlsx"), Lang::En).is_ok());
    }
}
