//! Golden tests of colour in the terminal (tests/cmd/color/*.md, each in `<case>.in/`): `status`,
//! `list` and `due` under `--color always`, with the escape codes as written. Unlike the other
//! sessions, these run with `NO_COLOR` empty, which counts as unset.

#[test]
fn cli_color() {
    trycmd::TestCases::new()
        .register_bin(
            "mandat",
            std::path::PathBuf::from(env!("CARGO_BIN_EXE_mandat")),
        )
        // An empty NO_COLOR counts as unset (no-color.org), whatever the environment holds.
        .env("NO_COLOR", "")
        .case("tests/cmd/color/*.md");
}

/// `NO_COLOR` (set and not empty) wins over `--color always`, in `status`, `list` and `due`.
#[test]
fn no_color_wins_over_color_always() {
    for args in [
        &["--at", "2026-03-01", "status", "nkt-demo"][..],
        &["--at", "2026-03-01", "list", "members"][..],
        &["--at", "2026-06-01", "due"][..],
    ] {
        let run = |no_color: &str| {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_mandat"))
                .current_dir("tests/cmd/color/nb.in")
                .args(args)
                .args(["--color", "always"])
                .env("NO_COLOR", no_color)
                .output()
                .expect("mandat runs");
            assert!(out.status.success(), "{args:?}: {out:?}");
            String::from_utf8(out.stdout).expect("UTF-8")
        };
        let coloured = run("");
        assert!(
            coloured.contains("\x1b["),
            "{args:?} is not coloured:\n{coloured}"
        );
        let plain = run("1");
        assert!(
            !plain.contains('\x1b'),
            "{args:?} is coloured under NO_COLOR:\n{plain}"
        );
    }
}
