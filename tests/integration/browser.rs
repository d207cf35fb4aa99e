//! Runs the browser tests (tests/browser/*.test.mjs, node's test runner) against the binary
//! this `cargo test` built: headless Chromium through playwright-core, axe-core for WCAG 2.1 AA.
//!
//! They need Debian's `chromium` and `npm ci` (both installed by .ci/run). Where either is
//! missing the test fails and says what to install; `MANDAT_SKIP_BROWSER=1` skips it on
//! purpose (never set in CI).

use std::path::Path;
use std::process::Command;

#[test]
fn browser_tests_pass_in_headless_chromium() {
    if std::env::var_os("MANDAT_SKIP_BROWSER").is_some() {
        eprintln!("browser tests skipped: MANDAT_SKIP_BROWSER is set");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(
        root.join("node_modules/playwright-core").is_dir(),
        "node_modules/ is missing: run `npm ci` (or set MANDAT_SKIP_BROWSER=1 to skip the browser tests)"
    );
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "{chromium} is missing: `apt-get install chromium` (or set MANDAT_SKIP_BROWSER=1)"
    );
    let mut tests: Vec<_> = std::fs::read_dir(root.join("tests/browser"))
        .expect("tests/browser")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    tests.sort();
    if tests.is_empty() {
        return;
    }
    let status = Command::new("node")
        .arg("--test")
        .arg("--test-concurrency=1")
        .args(&tests)
        .current_dir(root)
        .env("MANDAT_BIN", env!("CARGO_BIN_EXE_mandat"))
        .env("CHROMIUM", &chromium)
        .status()
        .expect("node (Node.js 20) runs the browser tests");
    assert!(status.success(), "the browser tests failed (output above)");
}
