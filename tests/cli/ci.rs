//! Golden tests of the CI formats, `schema`, `completions` and `manpage`, read like terminal
//! sessions: tests/cmd/ci/*.md (each `NAME.md` runs in `NAME.in/` when it exists).

#[test]
fn cli_ci() {
    trycmd::TestCases::new()
        .default_bin_name("mandat")
        // Where the tests themselves run on a CI service, its checkout must not become a path
        // prefix. (Set here, a variable overrides a case's own, so cases that depend on
        // GITHUB_ACTIONS set it themselves, and the prefix is tested in tests/integration/ci_github.rs.)
        .env("GITHUB_WORKSPACE", "")
        .env("CI_PROJECT_DIR", "")
        .case("tests/cmd/ci/*.md");
}
