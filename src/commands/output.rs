//! Writing what a command made to `-o FILE`: the registry's own files refused
//! ([`crate::output::refuse_registry_file`]), identity numbers masked ([`super::write_file`]),
//! and one line on standard error that says where it went.

use std::path::Path;

use crate::i18n::Lang;
use crate::t;

/// Checks `out` with [`crate::output::refuse_registry_file`], then writes `bytes` to it (text
/// masked) and says so on stderr.
pub fn write_output(root: &Path, out: &Path, bytes: &[u8], lang: Lang) -> anyhow::Result<()> {
    crate::output::refuse_registry_file(root, out, lang)?;
    super::write_file(out, bytes)?;
    let p = out.display();
    eprintln!("{}", t!("wrote {p}", "skrev {p}").get(lang));
    Ok(())
}
