//! The floor for the benchmarks: the least a validator must do.
//!
//! `cargo run --release --example floor -- [--threads N] DIR`
//!
//! Walks the registry folder, reads every `.toml` and `.md` file, splits the `+++` front matter
//! off a Markdown file, and parses the TOML with the toml crate (the same `DeTable` parser
//! `mandat` uses, which keeps spans and borrows the text). It checks nothing and keeps nothing.
//! `mandat validate` on the same folder is measured against this.
//!
//! With `--threads 1` (the default) everything runs on one thread, as it always did. With
//! `--threads N` the walk lists the files first, then N threads take files from the list in turn
//! and read and parse them: the least the same work costs on N cores.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

#[derive(Default)]
struct Tally {
    files: usize,
    bytes: usize,
    keys: usize,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut threads = 1usize;
    let mut root = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--threads" => {
                threads = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .unwrap_or_else(|| usage());
            }
            _ if root.is_none() => root = Some(a),
            _ => usage(),
        }
    }
    let Some(root) = root else { usage() };
    let tally = if threads == 1 {
        one_thread(Path::new(&root))
    } else {
        many_threads(Path::new(&root), threads)
    };
    println!(
        "{} files, {} bytes, {} top-level keys",
        tally.files, tally.bytes, tally.keys
    );
}

fn usage() -> ! {
    eprintln!("usage: floor [--threads N] DIR");
    std::process::exit(2);
}

fn wanted(entry: &walkdir::DirEntry) -> bool {
    let path = entry.path();
    let is_md = path.extension().is_some_and(|e| e == "md");
    let is_toml = path.extension().is_some_and(|e| e == "toml");
    entry.file_type().is_file() && (is_md || is_toml)
}

fn one_thread(root: &Path) -> Tally {
    let mut tally = Tally::default();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let Ok(entry) = entry else { continue };
        if wanted(&entry) {
            read_and_parse(entry.path(), &mut tally);
        }
    }
    tally
}

fn many_threads(root: &Path, threads: usize) -> Tally {
    let paths: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(wanted)
        .map(walkdir::DirEntry::into_path)
        .collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut tally = Tally::default();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = paths.get(i) else { break };
                        read_and_parse(path, &mut tally);
                    }
                    tally
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("a floor thread"))
            .fold(Tally::default(), |a, b| Tally {
                files: a.files + b.files,
                bytes: a.bytes + b.bytes,
                keys: a.keys + b.keys,
            })
    })
}

fn read_and_parse(path: &Path, tally: &mut Tally) {
    let Ok(text) = fs::read_to_string(path) else {
        return;
    };
    tally.files += 1;
    tally.bytes += text.len();
    let is_md = path.extension().is_some_and(|e| e == "md");
    let toml = if is_md {
        front_matter(&text)
    } else {
        Some(text.as_str())
    };
    if let Some(toml) = toml
        && let Ok(table) = toml::de::DeTable::parse(toml)
    {
        tally.keys += table.get_ref().len();
    }
}

/// The text between a first line `+++` and the next line `+++`.
fn front_matter(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("+++\n")?;
    let end = rest
        .find("\n+++\n")
        .or_else(|| rest.strip_suffix("\n+++").map(str::len))?;
    Some(&rest[..end + 1])
}
