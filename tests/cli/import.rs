//! Golden tests of `mandat import` and of the CSV and workbook outputs: each case in
//! tests/cmd/import/ is a terminal session on a copy of `<case>.in/` (a link to the shared
//! `_registry/`, whose `sheets/` folder holds the spreadsheets, some written by LibreOffice:
//! see tests/fixtures/sheets-src/make.sh), and `<case>.out/` holds the files that must look
//! exactly so afterwards. Regenerate with tests/cmd/import/regen.sh, then
//! `TRYCMD=overwrite cargo test --test cli`.

#[test]
fn cli_import() {
    trycmd::TestCases::new()
        .register_bin(
            "mandat",
            std::path::PathBuf::from(env!("CARGO_BIN_EXE_mandat")),
        )
        .env("NO_COLOR", "1")
        .case("tests/cmd/import/*.md");
}
