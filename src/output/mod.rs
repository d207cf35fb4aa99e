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
