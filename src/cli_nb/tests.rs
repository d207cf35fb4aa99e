use super::*;

fn built() -> Command {
    let mut cmd = Cli::command();
    cmd.build();
    cmd
}

/// Every command and argument of src/cli/ without a Norwegian text, as the line to add to
/// src/cli_nb/text.rs with the English text beside it.
fn untranslated(cmd: &Command, path: &str, missing: &mut Vec<String>) {
    if command_text(path).is_none() {
        let en = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
        missing.push(format!("COMMANDS: (\"{path}\", \"…\", None), // {en}"));
    }
    for a in cmd.get_arguments() {
        if arg_text(path, a.get_id().as_str()).is_none() {
            let en = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            missing.push(format!(
                "ARGS: (\"{path}\", \"{}\", \"…\"), // {en}",
                a.get_id()
            ));
        }
    }
    for s in cmd.get_subcommands() {
        untranslated(s, &join(path, s.get_name()), missing);
    }
}

#[test]
fn every_command_and_argument_has_norwegian_text() {
    let mut missing = Vec::new();
    untranslated(&built(), "", &mut missing);
    assert!(
        missing.is_empty(),
        "add these to src/cli_nb/text.rs:\n{}",
        missing.join("\n")
    );
}

#[test]
fn no_norwegian_text_for_a_command_or_argument_that_does_not_exist() {
    let cmd = built();
    let find = |path: &str| -> Option<&Command> {
        let mut c = &cmd;
        for name in path.split(' ').filter(|n| !n.is_empty()) {
            c = c.find_subcommand(name)?;
        }
        Some(c)
    };
    for (path, _, _) in COMMANDS {
        assert!(
            find(path).is_some(),
            "src/cli_nb/text.rs: no command `{path}`"
        );
    }
    for (path, id, _) in ARGS.iter().filter(|(p, _, _)| *p != "*") {
        let c = find(path).unwrap_or_else(|| panic!("src/cli_nb/text.rs: no command `{path}`"));
        assert!(
            c.get_arguments().any(|a| a.get_id() == id),
            "src/cli_nb/text.rs: `{path}` has no argument `{id}`"
        );
    }
}

fn help_of(args: &[&str]) -> String {
    let argv: Vec<OsString> = args.iter().map(OsString::from).collect();
    match try_parse_from(argv) {
        Err(Failure::Clap(e)) => e.render().to_string(),
        other => panic!("expected help, got {other:?}"),
    }
}

fn error_of(args: &[&str]) -> String {
    let argv: Vec<OsString> = args.iter().map(OsString::from).collect();
    match try_parse_from(argv) {
        Err(Failure::Nb(text)) => text,
        other => panic!("expected a Norwegian error, got {other:?}"),
    }
}

#[test]
fn help_in_norwegian_has_no_english_headings_or_texts() {
    for args in [
        &["mandat", "--lang", "nb", "--help"][..],
        &["mandat", "--lang", "nb", "appoint", "--help"],
        &["mandat", "--lang", "nb", "report", "annual", "-h"],
        &["mandat", "--lang", "nb", "help", "meeting", "new"],
    ] {
        let help = help_of(args);
        assert!(help.contains("Bruk: mandat"), "{help}");
        for english in [
            "Usage",
            "Options",
            "Arguments",
            "Commands",
            "Print",
            "[default",
            "[possible",
        ] {
            assert!(!help.contains(english), "{english} in {args:?}:\n{help}");
        }
    }
    let appoint = help_of(&["mandat", "--lang=nb", "appoint", "--help"]);
    let appoint = appoint.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(appoint.contains("Oppnevn en foreslått person"), "{appoint}");
    assert!(appoint.contains("--date <DATO>"), "{appoint}");
    assert!(appoint.contains("[mulige verdier: regional, service, user, other, constituency]"));
}

#[test]
fn english_stays_clap_s_own() {
    let argv: Vec<OsString> = ["mandat", "--lang", "en", "--help"]
        .map(OsString::from)
        .into();
    match try_parse_from(argv) {
        Err(Failure::Clap(e)) => assert!(e.render().to_string().contains("Usage: mandat")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn unknown_flag_in_norwegian_with_a_suggestion() {
    let e = error_of(&["mandat", "--lang", "nb", "validate", "--deny-warning"]);
    assert!(
        e.starts_with("error: ukjent argument '--deny-warning'"),
        "{e}"
    );
    assert!(
        e.contains("tips: mente du argumentet '--deny-warnings'?"),
        "{e}"
    );
    assert!(e.contains("Bruk: mandat validate [VALG]"), "{e}");
    assert!(e.ends_with("Mer hjelp får du med '--help'.\n"), "{e}");
}

#[test]
fn bad_values_in_norwegian() {
    let e = error_of(&[
        "mandat",
        "--lang",
        "nb",
        "end",
        "g",
        "p",
        "--date",
        "20.12.2019",
    ]);
    assert!(
        e.contains("ugyldig verdi '20.12.2019' for '--date <DATO>'"),
        "{e}"
    );
    assert!(e.contains("skriv `2019-12-20`"), "{e}");
    let e = error_of(&[
        "mandat",
        "--lang",
        "nb",
        "end",
        "g",
        "p",
        "--date",
        "2025-02-30",
    ]);
    assert!(e.contains("ikke en dag som finnes"), "{e}");
    let e = error_of(&["mandat", "--lang", "nb", "list", "grupper"]);
    assert!(e.contains("ugyldig verdi 'grupper'"), "{e}");
    assert!(
        e.contains("[mulige verdier: groups, people, members, meetings]"),
        "{e}"
    );
    let e = error_of(&[
        "mandat", "--lang", "nb", "report", "annual", "g", "--year", "tjuefem",
    ]);
    assert!(
        e.contains("er ikke et helt tall; skriv året med fire sifre"),
        "{e}"
    );
    let e = error_of(&[
        "mandat",
        "--lang",
        "nb",
        "report",
        "annual",
        "g",
        "--year",
        "99999999999",
    ]);
    assert!(
        e.contains("er et for stort eller lite tall; skriv året"),
        "{e}"
    );
}

#[test]
fn missing_things_in_norwegian() {
    let e = error_of(&["mandat", "--lang", "nb", "end", "g", "p"]);
    assert!(
        e.contains("disse argumentene mangler:\n  --date <DATO>"),
        "{e}"
    );
    let e = error_of(&["mandat", "--lang", "nb", "end", "g", "p", "--date"]);
    assert!(
        e.contains("'--date <DATO>' trenger en verdi, men fikk ingen"),
        "{e}"
    );
    let e = error_of(&["mandat", "--lang", "nb", "raport"]);
    assert!(e.contains("ukjent kommando 'raport'"), "{e}");
    assert!(e.contains("tips: mente du kommandoen 'report'?"), "{e}");
    let e = error_of(&["mandat", "--lang", "nb", "schema", "--out", "x", "--taplo"]);
    assert!(e.contains("kan ikke brukes sammen med"), "{e}");
}

#[test]
fn a_missing_subcommand_shows_the_norwegian_help() {
    let help = help_of(&["mandat", "--lang", "nb", "person"]);
    assert!(help.contains("Legg til en person"), "{help}");
}

fn args(list: &[&str]) -> Vec<OsString> {
    list.iter().map(OsString::from).collect()
}

#[test]
fn language_from_the_arguments_or_the_registry() {
    let dir = tempfile::tempdir().unwrap();
    let nb = dir.path().join("nb");
    std::fs::create_dir(&nb).unwrap();
    std::fs::write(
        nb.join("registry.toml"),
        "[registry]\nname = \"x\"\nlanguage = \"nb\"\n",
    )
    .unwrap();
    let broken = dir.path().join("broken");
    std::fs::create_dir(&broken).unwrap();
    std::fs::write(
        broken.join("registry.toml"),
        "[registry\nlanguage = \"nb\"\n",
    )
    .unwrap();
    let s = |p: &std::path::Path| p.to_str().unwrap().to_string();
    assert_eq!(lang_from_args(&args(&["mandat", "--lang", "nb"])), Lang::Nb);
    assert_eq!(
        lang_from_args(&args(&["mandat", "--lang=nb", "validate"])),
        Lang::Nb
    );
    assert_eq!(lang_from_args(&args(&["mandat", "-r", &s(&nb)])), Lang::Nb);
    assert_eq!(
        lang_from_args(&args(&["mandat", &format!("--registry={}", s(&nb))])),
        Lang::Nb
    );
    assert_eq!(
        lang_from_args(&args(&["mandat", &format!("-r{}", s(&nb))])),
        Lang::Nb
    );
    assert_eq!(
        lang_from_args(&args(&["mandat", "-r", &s(&broken)])),
        Lang::Nb
    );
    assert_eq!(
        lang_from_args(&args(&["mandat", "-r", &s(&nb), "--lang", "en"])),
        Lang::En
    );
    assert_eq!(
        lang_from_args(&args(&["mandat", "-r", &s(dir.path())])),
        Lang::En
    );
    assert_eq!(
        lang_from_args(&args(&["mandat", "--", "--lang", "nb"])),
        Lang::default()
    );
}

#[test]
fn dates_written_the_norwegian_way_get_the_exact_fix() {
    assert_eq!(
        date_problem_nb("20.12.2019"),
        "`20.12.2019` er ikke en dato i riktig form; skriv `2019-12-20` (ÅÅÅÅ-MM-DD)"
    );
    assert!(date_problem_nb("i går").contains("ÅÅÅÅ-MM-DD"));
}

#[test]
fn a_norwegian_word_for_a_value_gets_the_value_to_write() {
    let e = error_of(&[
        "mandat", "--lang", "nb", "person", "add", "--name", "Kari", "--gender", "kvinne",
    ]);
    assert!(
        e.contains("ugyldig verdi 'kvinne' for '--gender <KJØNN>'"),
        "{e}"
    );
    assert!(
        e.contains("tips: skriv 'female'; verdiene skrives på engelsk"),
        "{e}"
    );
    let e = error_of(&[
        "mandat",
        "--lang",
        "nb",
        "meeting",
        "new",
        "g",
        "--date",
        "2026-01-01",
        "--status",
        "avholdt",
    ]);
    assert!(e.contains("tips: skriv 'held'"), "{e}");
}

#[test]
fn an_english_date_error_gives_the_exact_fix_too() {
    let e = crate::cli::parse_date("20.12.2019").unwrap_err();
    assert_eq!(
        e,
        "`20.12.2019` is not a date in the right form; write `2019-12-20` (YYYY-MM-DD)"
    );
}

#[test]
fn arguments_that_parse_give_the_same_values_in_norwegian() {
    let argv = args(&[
        "mandat",
        "--lang",
        "nb",
        "validate",
        "--group",
        "nkt-ms",
        "--deny-warnings",
    ]);
    let cli = try_parse_from(argv).expect("parses");
    assert_eq!(cli.global.lang, Some(Lang::Nb));
    match cli.command {
        crate::cli::Command::Validate(v) => {
            assert_eq!(v.groups, ["nkt-ms"]);
            assert!(v.deny_warnings);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_error_label_is_coloured_only_when_asked() {
    assert_eq!(label_colored("error: x\n", false), "error: x\n");
    assert_eq!(
        label_colored("error: x\n", true),
        "\x1b[1m\x1b[31merror:\x1b[0m x\n"
    );
    assert!(!stderr_color(&args(&["mandat", "--color", "never"])));
    assert!(!stderr_color(&args(&["mandat", "--color=never"])));
}
