//! `mandat completions SHELL` and `mandat manpage`: generated from the clap types, they know
//! every command; the bash script is valid bash and completes subcommands when sourced.

use crate::ci_common;

use ci_common::*;
use clap::CommandFactory;

/// The visible subcommands of the parser itself, so a new command is checked without editing
/// this test.
fn subcommands() -> Vec<String> {
    mandat::cli::Cli::command()
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_string())
        .collect()
}

fn completions(shell: &str) -> String {
    let out = mandat().args(["completions", shell]).output().unwrap();
    assert!(
        out.status.success(),
        "{shell}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout(&out)
}

#[test]
fn every_shell_gets_a_script_that_knows_every_command() {
    let commands = subcommands();
    assert!(commands.len() >= 7);
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = completions(shell);
        for c in &commands {
            assert!(script.contains(c.as_str()), "{shell} completion lacks {c}");
        }
        // PowerShell's and Elvish's scripts complete options, not their values.
        if ["powershell", "elvish"].contains(&shell) {
            continue;
        }
        for value in ["github", "sarif", "junit"] {
            assert!(
                script.contains(value),
                "{shell} completion lacks the format {value}"
            );
        }
    }
}

#[test]
fn the_bash_script_is_valid_bash_and_completes_commands() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mandat.bash");
    std::fs::write(&path, completions("bash")).unwrap();
    let syntax = std::process::Command::new("bash")
        .arg("-n")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        syntax.status.success(),
        "{}",
        String::from_utf8_lossy(&syntax.stderr)
    );

    // Source it and ask for the completions of `mandat va` and of `mandat validate --format `.
    let probe = format!(
        "source {}\n\
         COMP_WORDS=(mandat va); COMP_CWORD=1; _mandat mandat va mandat; echo \"${{COMPREPLY[@]}}\"\n\
         COMP_WORDS=(mandat validate --format ''); COMP_CWORD=3; _mandat mandat '' --format; echo \"${{COMPREPLY[@]}}\"\n",
        path.display()
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(probe)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "validate");
    assert_eq!(lines[1], "human json github sarif junit");
}

#[test]
fn an_unknown_shell_is_refused() {
    let out = mandat().args(["completions", "cmd"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn the_manual_page_describes_every_command_and_manpage_out_writes_one_per_command() {
    let out = mandat().arg("manpage").output().unwrap();
    assert!(out.status.success());
    let page = stdout(&out);
    assert!(page.contains(".TH mandat 1"));
    for c in subcommands() {
        assert!(
            page.contains(&format!("mandat\\-{c}")),
            "mandat(1) lacks {c}"
        );
    }

    let dir = tempfile::tempdir().unwrap();
    let out = mandat()
        .args(["manpage", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut written: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    written.sort();
    let mut expected: Vec<String> = subcommands()
        .iter()
        .map(|c| format!("mandat-{c}.1"))
        .collect();
    expected.push("mandat.1".into());
    expected.sort();
    assert_eq!(written, expected);
    let validate = std::fs::read_to_string(dir.path().join("mandat-validate.1")).unwrap();
    assert!(validate.contains(".TH mandat-validate 1"), "{validate}");
    assert!(validate.contains("\\-\\-deny\\-warnings"));
}

/// What the shell gets when it asks `mandat` to complete the word at `index` of `line`, in the
/// registry-example folder (bash's protocol: one candidate a line).
fn dynamic(line: &[&str], index: usize) -> Vec<String> {
    let out = mandat()
        .arg("--")
        .args(line)
        .current_dir(manifest_dir().join("registry-example"))
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", index.to_string())
        .env("_CLAP_COMPLETE_COMP_TYPE", "9")
        .env("_CLAP_COMPLETE_SPACE", "true")
        .env("_CLAP_IFS", "\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout(&out).lines().map(str::to_string).collect()
}

#[test]
fn the_shell_completes_the_registrys_own_ids() {
    let groups = dynamic(&["mandat", "propose", "nkt-"], 2);
    assert!(groups.contains(&"nkt-ms".to_string()), "{groups:?}");
    assert!(groups.iter().all(|g| g.starts_with("nkt-")), "{groups:?}");
    let people = dynamic(&["mandat", "propose", "nkt-ms", "silje"], 3);
    assert_eq!(people, ["silje-pedersen"]);
    let by = dynamic(&["mandat", "appoint", "--by", "helse-n"], 3);
    assert!(by.contains(&"helse-nord".to_string()), "{by:?}");
    assert!(by.contains(&"helse-nord-trondelag".to_string()), "{by:?}");
    let rules = dynamic(&["mandat", "explain", "chair-"], 2);
    assert_eq!(rules, ["chair-designated", "chair-outside-host-region"]);
    // -r names another registry: its groups, not the current folder's.
    let elsewhere = dynamic(
        &[
            "mandat",
            "-r",
            "../tests/cmd/validate/errors.in",
            "status",
            "",
        ],
        4,
    );
    let ids: Vec<&String> = elsewhere.iter().filter(|c| !c.starts_with('-')).collect();
    assert_eq!(ids, ["mun", "nat"]);
}
