//! Golden tests of `mandat report`, `mandat expenses` and `mandat calendar`: every report in
//! every text format, on registry-example and on a registry with gaps
//! (tests/fixtures/report-gaps). Regenerate with `TRYCMD=overwrite cargo test --test cli`.

#[test]
fn cli_report() {
    trycmd::TestCases::new()
        .case("tests/cmd/report/*.toml")
        .case("tests/cmd/report/*.trycmd");
}
