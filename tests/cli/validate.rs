//! The command line as terminal sessions (trycmd): `validate`, `rules`, `explain` and `init`.
//! Cases live in tests/cmd/validate/; a `NAME.in/` folder is the registry a case runs in.

#[test]
fn cli_validate() {
    trycmd::TestCases::new()
        .case("tests/cmd/validate/*.trycmd")
        .case("tests/cmd/validate/*.toml");
}

/// `validate` gives byte-identical output for identical input, run after run.
#[test]
fn validate_is_deterministic() {
    let run = |format: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_mandat"))
            .args(["validate", "--at", "2026-06-15", "--format", format])
            .current_dir("tests/cmd/validate/errors.in")
            .env_remove("MANDAT_AT")
            .output()
            .expect("mandat runs")
    };
    for format in ["human", "json"] {
        let (a, b) = (run(format), run(format));
        assert_eq!(a.status.code(), Some(1));
        assert!(!a.stdout.is_empty());
        assert_eq!(a.stdout, b.stdout, "{format} output differs between runs");
        assert_eq!(a.stderr, b.stderr);
    }
}

/// `mandat --version` names the version and the commit the binary was built from.
#[test]
fn version_names_the_commit() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mandat"))
        .arg("--version")
        .output()
        .expect("mandat runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let want = format!("mandat {} (", env!("CARGO_PKG_VERSION"));
    assert!(text.starts_with(&want), "{text}");
    let commit = text[want.len()..].trim_end().trim_end_matches(')');
    let head = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    match head {
        Some(head) => assert!(commit.starts_with(&head), "{commit} is not HEAD {head}"),
        None => assert_eq!(commit, "unknown commit"),
    }
}
