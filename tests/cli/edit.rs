//! Golden tests of the commands that write, `status` and `list`: each case in tests/cmd/edit/ is
//! a terminal session on a copy of `<case>.in/` (a link to the shared `_registry/`), and
//! `<case>.out/` holds the files that must look exactly so afterwards.

#[test]
fn cli_edit() {
    trycmd::TestCases::new()
        .register_bin(
            "mandat",
            std::path::PathBuf::from(env!("CARGO_BIN_EXE_mandat")),
        )
        .env("NO_COLOR", "1")
        .case("tests/cmd/edit/*.md");
}
