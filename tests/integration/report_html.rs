//! The HTML reports are one self-contained page in which nothing from the registry can run:
//! minutes with `<script>`, raw HTML and a `javascript:` link, and an input with an `<svg>`
//! tag (tests/fixtures/report-gaps), come out escaped or dropped.

use std::process::Command;

fn html(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_mandat"))
        .args(["-r", "tests/fixtures/report-gaps", "--at", "2026-03-01"])
        .args(args)
        .output()
        .expect("mandat runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Every tag name in the page, lower-cased.
fn tags(page: &str) -> Vec<String> {
    page.split('<')
        .skip(1)
        .map(|t| {
            t.trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .collect()
}

const ALLOWED: &[&str] = &[
    "!doctype",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "strong",
    "em",
    "code",
    "pre",
    "a",
    "div",
    "br",
    "blockquote",
    "span",
    "del",
    "hr",
];

fn assert_safe(page: &str) {
    for t in tags(page) {
        assert!(
            ALLOWED.contains(&t.as_str()),
            "unexpected tag <{t}> in\n{page}"
        );
    }
    // Escaped text holds no `<`, so every `<` opens a real tag: look at the tags' insides.
    for tag in page
        .split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or("").to_ascii_lowercase())
    {
        assert!(
            !tag.contains("javascript:"),
            "javascript: survived in <{tag}>"
        );
        assert!(!tag.contains(" on"), "an event handler survived in <{tag}>");
        assert!(
            !tag.contains(" src="),
            "<{tag}> loads something from outside"
        );
    }
}

#[test]
fn annual_report_escapes_minutes_and_variables() {
    let page = html(&[
        "report", "annual", "nkt-hull", "--year", "2025", "--format", "html",
    ]);
    assert_safe(&page);
    assert!(
        page.contains("<p>&lt;script&gt;alert(\"minutes\")&lt;/script&gt;\n</p>"),
        "raw HTML blocks show as text"
    );
    assert!(
        page.contains("&lt;b onclick=\"steal()\"&gt;brukerrepresentanten&lt;/b&gt;"),
        "inline HTML shows as text"
    );
    assert!(page.contains("&lt;img src=x onerror=\"alert(1)\"&gt;"));
    assert!(
        page.contains("&lt;svg onload=alert(1)&gt;"),
        "template variables are escaped"
    );
    assert!(
        page.contains("se\nveilederen og <a href=\"https://example.no/veileder\">nettsiden</a>")
    );
    assert!(page.contains("@media print"), "print styles are inline");
}

#[test]
fn every_html_report_is_safe() {
    for args in [
        &[
            "report",
            "region",
            "helse-vest",
            "--year",
            "2025",
            "--format",
            "html",
        ][..],
        &["report", "inputs", "nkt-hull", "--format", "html"][..],
    ] {
        let page = html(args);
        assert_safe(&page);
        assert!(page.starts_with("<!DOCTYPE html>"));
    }
    let inputs = html(&["report", "inputs", "nkt-hull", "--format", "html"]);
    assert!(inputs.contains("&lt;svg onload=alert(1)&gt;"));
}

#[test]
fn the_check_catches_an_unsafe_page() {
    for bad in [
        "<p>x</p><script>alert(1)</script>",
        "<a href=\"javascript:x()\">a</a>",
        "<p onclick=\"x()\">a</p>",
    ] {
        let caught = std::panic::catch_unwind(|| assert_safe(bad));
        assert!(caught.is_err(), "{bad}");
    }
}
