//! The floor for the benchmarks: the least a validator must do.
//!
//! `cargo run --release --example floor -- DIR`
//!
//! Walks the registry folder on one thread, reads every `.toml` and `.md` file, splits the
//! `+++` front matter off a Markdown file, and parses the TOML with the toml crate (the same
//! `DeTable` parser `mandat` uses, which keeps spans and borrows the text). It checks nothing and
//! keeps nothing. `mandat validate` on the same folder is measured against this.

use std::fs;
use std::path::Path;

fn main() {
    let Some(root) = std::env::args().nth(1) else {
        eprintln!("usage: floor DIR");
        std::process::exit(2);
    };
    let (mut files, mut bytes, mut keys) = (0usize, 0usize, 0usize);
    for entry in walkdir::WalkDir::new(Path::new(&root)).sort_by_file_name() {
        let Ok(entry) = entry else { continue };
        let path = entry.path();
        let is_md = path.extension().is_some_and(|e| e == "md");
        let is_toml = path.extension().is_some_and(|e| e == "toml");
        if !entry.file_type().is_file() || !(is_md || is_toml) {
            continue;
        }
        let Ok(text) = fs::read_to_string(path) else {
            continue;
        };
        files += 1;
        bytes += text.len();
        let toml = if is_md {
            front_matter(&text)
        } else {
            Some(text.as_str())
        };
        if let Some(toml) = toml
            && let Ok(table) = toml::de::DeTable::parse(toml)
        {
            keys += table.get_ref().len();
        }
    }
    println!("{files} files, {bytes} bytes, {keys} top-level keys");
}

/// The text between a first line `+++` and the next line `+++`.
fn front_matter(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("+++\n")?;
    let end = rest
        .find("\n+++\n")
        .or_else(|| rest.strip_suffix("\n+++").map(str::len))?;
    Some(&rest[..end + 1])
}
