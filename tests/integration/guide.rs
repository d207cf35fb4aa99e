//! docs/kom-i-gang.md cannot go stale: every command block of the guide is run, in order, in a
//! fresh folder, as a coordinator would type it (MANDAT_AT fixes the date the guide speaks of).
//!
//! The guide's conventions, invisible when it is read:
//! - ```sh blocks are run line by line with bash; `cd` carries over to the next line; every
//!   command must exit 0, or 1 for the last command of a block preceded by `<!-- exit: 1 -->`.
//! - `<!-- append: FILE -->` before a ```toml block appends the block to FILE, as the reader
//!   is told to do in an editor.
//! - `<!-- copy: PATH -->` copies a file the guide links to (from the repository) into the folder
//!   the reader is in.
//! - `cargo install` is not run (it would build this very binary again); `mandat serve` is
//!   started with `--no-open --port 0`, its first line checked, and stopped.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct Step {
    /// 1-based line of the guide, for messages.
    line: usize,
    kind: StepKind,
}

enum StepKind {
    Run { command: String, exit: i32 },
    Append { file: String, text: String },
    Copy { from: String },
}

fn steps(guide: &str) -> Vec<Step> {
    let mut out = Vec::new();
    let mut lines = guide.lines().enumerate().peekable();
    let mut directive: Option<String> = None;
    while let Some((n, line)) = lines.next() {
        if let Some(d) = line
            .strip_prefix("<!-- ")
            .and_then(|l| l.strip_suffix(" -->"))
        {
            if let Some(from) = d.strip_prefix("copy: ") {
                out.push(Step {
                    line: n + 1,
                    kind: StepKind::Copy {
                        from: from.to_string(),
                    },
                });
            } else {
                directive = Some(d.to_string());
            }
            continue;
        }
        let Some(lang) = line.strip_prefix("```") else {
            continue;
        };
        let mut body = Vec::new();
        for (m, l) in lines.by_ref() {
            if l.starts_with("```") {
                break;
            }
            body.push((m + 1, l));
        }
        let directive = directive.take();
        match lang {
            "sh" => {
                let commands: Vec<_> = body
                    .iter()
                    .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                    .collect();
                let last_fails = directive.as_deref() == Some("exit: 1");
                for (k, (m, l)) in commands.iter().enumerate() {
                    let exit = if last_fails && k + 1 == commands.len() {
                        1
                    } else {
                        0
                    };
                    out.push(Step {
                        line: *m,
                        kind: StepKind::Run {
                            command: l.trim().to_string(),
                            exit,
                        },
                    });
                }
            }
            "toml" => {
                if let Some(file) = directive
                    .as_deref()
                    .and_then(|d| d.strip_prefix("append: "))
                {
                    let text = body.iter().map(|(_, l)| format!("{l}\n")).collect();
                    out.push(Step {
                        line: n + 1,
                        kind: StepKind::Append {
                            file: file.to_string(),
                            text,
                        },
                    });
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_command_of_the_guide_runs() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let guide = std::fs::read_to_string(repo.join("docs/kom-i-gang.md")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let bin = tmp.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_mandat"), bin.join("mandat")).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut cwd: PathBuf = tmp.path().join("work");
    std::fs::create_dir(&cwd).unwrap();

    let steps = steps(&guide);
    let mut ran = 0;
    for step in &steps {
        let at = step.line;
        match &step.kind {
            StepKind::Copy { from } => {
                let name = Path::new(from).file_name().unwrap();
                std::fs::copy(repo.join(from), cwd.join(name))
                    .unwrap_or_else(|e| panic!("line {at}: cannot copy {from}: {e}"));
            }
            StepKind::Append { file, text } => {
                let target = cwd.join(file);
                let mut old = std::fs::read_to_string(&target)
                    .unwrap_or_else(|e| panic!("line {at}: {file} to append to: {e}"));
                old.push('\n');
                old.push_str(text);
                std::fs::write(&target, old).unwrap();
            }
            StepKind::Run { command, exit } => {
                if command.starts_with("cargo install") {
                    continue;
                }
                if let Some(dir) = command.strip_prefix("cd ") {
                    cwd = cwd.join(dir.trim());
                    assert!(cwd.is_dir(), "line {at}: `{command}`: no such folder");
                    continue;
                }
                if command == "mandat serve" || command.starts_with("mandat serve ") {
                    serve_starts(&bin, &cwd, at);
                    ran += 1;
                    continue;
                }
                let out = Command::new("bash")
                    .arg("-c")
                    .arg(command)
                    .current_dir(&cwd)
                    .env("PATH", &path)
                    .env("MANDAT_AT", "2026-11-22")
                    .env("NO_COLOR", "1")
                    .env("GIT_AUTHOR_NAME", "Kari Koordinator")
                    .env("GIT_AUTHOR_EMAIL", "kari@example.no")
                    .env("GIT_COMMITTER_NAME", "Kari Koordinator")
                    .env("GIT_COMMITTER_EMAIL", "kari@example.no")
                    .output()
                    .unwrap();
                let code = out.status.code().unwrap_or(-1);
                assert_eq!(
                    code,
                    *exit,
                    "docs/kom-i-gang.md line {at}: `{command}` exited {code}, the guide expects {exit}\n--- stdout\n{}\n--- stderr\n{}",
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                );
                ran += 1;
            }
        }
    }
    assert!(ran >= 20, "the guide's commands were found and run ({ran})");
}

/// `mandat serve` prints its address first; the guide's reader would open it.
fn serve_starts(bin: &Path, cwd: &Path, at: usize) {
    let mut child = Command::new(bin.join("mandat"))
        .args(["serve", "--no-open", "--port", "0"])
        .current_dir(cwd)
        .env("MANDAT_AT", "2026-11-22")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        first.starts_with("mandat serve: http://127.0.0.1:") && first.contains("/?token="),
        "line {at}: `mandat serve` printed {first:?}"
    );
}
