//! `serve --git-commit`: a commit of the files a write changed.

use crate::i18n::{Lang, Text};

/// Commits the changed files with a message that says what was done, with git's configured
/// author; does nothing outside a git work tree. A failing commit leaves the files written
/// (they are the truth) and is reported on standard error.
pub(super) fn git_commit(root: &std::path::Path, changed: &[String], summary: &Text, lang: Lang) {
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
    };
    let inside = git(&["rev-parse", "--is-inside-work-tree"])
        .is_ok_and(|o| o.status.success() && o.stdout.starts_with(b"true"));
    if !inside {
        return;
    }
    // "Helse Nord RHF oppnevnte Kari Nordmann til nkt-ms (groups/nkt-ms/members.toml)": the
    // files are in the commit, not in its subject.
    let text = summary.get(lang);
    let subject = text
        .rsplit_once(" (")
        .filter(|(_, rest)| rest.ends_with(')'))
        .map_or(text, |(head, _)| head);
    let mut subject: Vec<char> = subject.chars().collect();
    if let Some(c) = subject.first_mut() {
        *c = c.to_uppercase().next().unwrap_or(*c);
    }
    let subject: String = subject.into_iter().collect();
    let mut add = vec!["add", "--"];
    add.extend(changed.iter().map(String::as_str));
    let mut commit = vec!["commit", "-q", "-m", subject.as_str(), "--"];
    commit.extend(changed.iter().map(String::as_str));
    for args in [add, commit] {
        match git(&args) {
            Ok(o) if o.status.success() => {}
            Ok(o) => {
                eprintln!(
                    "mandat serve: git {}: {}",
                    args[0],
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                return;
            }
            Err(e) => {
                eprintln!("mandat serve: git: {e}");
                return;
            }
        }
    }
}
