//! Names and Markdown from the registry in the Markdown outputs (issue 11): a copy of
//! `registry-example` with hostile names, an input summary and minutes; the annual report, a
//! letter and `mandat due` in Markdown show them as text (no raw HTML, no image, no link, no
//! emphasis, no heading, no reference definition), and the Word document shows them without the
//! backslashes.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::Command;

use pulldown_cmark::{Options, Parser, html};

use crate::support::copy_tree;

/// A person's name that tries every kind of Markdown and HTML, with a line break.
const NAME: &str = "<img src=x onerror=alert(1)> ![](https://evil.example/p.png) [klikk](javascript:alert(1)) **fet** _kursiv_ a\n# Overskrift | celle";
/// The same name as a reader should see it.
const NAME_SHOWN: &str = "<img src=x onerror=alert(1)> ![](https://evil.example/p.png) [klikk](javascript:alert(1)) **fet** _kursiv_ a # Overskrift | celle";

const ORG: &str = "<svg onload=alert(2)> ~~HF~~ &amp;";
const GROUP: &str = "Gruppen ![p](https://evil.example/g.png) `kode` <b>x</b>";

const MINUTES: &str = "Digitalt møte. ![piksel](https://tracker.example/pixel.png) ![a][bilde] \
[klikk][js] [trygg][ok] <b onclick=\"x()\">fet</b> [literal][nowhere]\n\n\
[bilde]: https://tracker.example/p2.png\n[js]: javascript:alert(3)\n\
[ok]: https://ok.example \"Tittel\"\n[js]: javascript:alert(4)\n\n";

fn hostile_registry() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("registry-example"),
        root,
    );
    let toml_string = |s: &str| format!("{:?}", s);
    edit(&root.join("people/silje-pedersen.toml"), |s| {
        s.replace(
            "name = \"Silje Pedersen\"",
            &format!("name = {}", toml_string(NAME)),
        )
    });
    edit(&root.join("organisations.toml"), |s| {
        s.replace(
            "name = \"Nordlandssykehuset HF\"",
            &format!("name = {}", toml_string(ORG)),
        )
    });
    edit(&root.join("groups/nkt-ms/group.toml"), |s| {
        s.replace(
            "name = \"Referansegruppen for Nasjonal kompetansetjeneste for multippel sklerose\"",
            &format!(
                "name = {}\nshort-name = {}",
                toml_string(GROUP),
                toml_string(GROUP)
            ),
        )
    });
    edit(&root.join("groups/nkt-ms/meetings/2025-05-15.md"), |s| {
        s.replace("Digitalt møte.", MINUTES).replace(
            "summary = \"Lav registrering",
            "summary = \"<script>alert(5)</script> | Lav registrering",
        )
    });
    dir
}

fn edit(path: &Path, f: impl Fn(&str) -> String) {
    let before = fs::read_to_string(path).expect("read");
    let after = f(&before);
    assert_ne!(before, after, "{} did not change", path.display());
    fs::write(path, after).expect("write");
}

fn mandat(root: &Path, at: &str, args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_mandat"))
        .arg("-r")
        .arg(root)
        .args(["--at", at])
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("MANDAT_AT")
        .output()
        .expect("mandat runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Checks Markdown output as a viewer would render it (pulldown-cmark, nothing sanitised).
fn assert_inert(what: &str, md: &str) {
    for (i, c) in md.char_indices() {
        if c == '<' {
            assert!(
                md[..i].ends_with('\\'),
                "{what}: a raw < at {i}: {}",
                &md[i.saturating_sub(60)..(i + 40).min(md.len())]
            );
        }
    }
    assert!(!md.contains("!["), "{what}: an image\n{md}");
    let mut parser = Parser::new_ext(md, options());
    let mut rendered = String::new();
    html::push_html(&mut rendered, &mut parser);
    assert_eq!(
        parser.reference_definitions().iter().count(),
        0,
        "{what}: a reference definition\n{md}"
    );
    for bad in [
        "<img",
        "<script",
        "<svg",
        "<b>",
        "<b ",
        "href=\"javascript",
        "tracker.example",
        "<strong>fet",
        "<em>kursiv",
        "<del>HF",
        "<h1>Overskrift",
        "<code>kode",
    ] {
        assert!(
            !rendered.contains(bad),
            "{what}: {bad} in the rendered Markdown\n{rendered}"
        );
    }
    // The only link is the minutes' safe one.
    for (i, _) in rendered.match_indices("<a ") {
        assert!(
            rendered[i..].starts_with("<a href=\"https://ok.example\""),
            "{what}: {}",
            &rendered[i..(i + 80).min(rendered.len())]
        );
    }
}

/// The text a reader sees: the rendered Markdown with its tags removed and entities resolved.
fn shown(md: &str) -> String {
    let mut rendered = String::new();
    html::push_html(&mut rendered, Parser::new_ext(md, options()));
    let mut text = String::new();
    let mut in_tag = false;
    for c in rendered.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[test]
fn hostile_names_and_minutes_stay_text_in_the_markdown_annual_report() {
    let reg = hostile_registry();
    let md = String::from_utf8(mandat(
        reg.path(),
        "2026-03-01",
        &[
            "report", "annual", "nkt-ms", "--year", "2025", "--format", "md",
        ],
    ))
    .expect("utf-8");
    assert_inert("annual", &md);
    let text = shown(&md);
    for plain in [NAME_SHOWN, ORG, GROUP, "<script>alert(5)</script> | Lav"] {
        assert!(text.contains(plain), "{plain:?} not shown as text\n{md}");
    }
    // The minutes: images as their alt text, the unsafe link as its text, the safe one kept.
    assert!(text.contains("Digitalt møte. piksel a klikk trygg"), "{md}");
    assert!(
        md.contains("[trygg](https://ok.example \"Tittel\")"),
        "{md}"
    );
    assert!(text.contains("[literal][nowhere]"), "{md}");
    // Ordinary names and dates are written as they are.
    assert!(md.contains("| Ingrid Solheim | Vestre Viken HF |"), "{md}");
    assert!(md.contains("15. mai 2025"), "{md}");
}

#[test]
fn hostile_names_stay_text_in_a_markdown_letter_and_its_word_document() {
    let reg = hostile_registry();
    for kind in ["appointment", "request", "notification"] {
        let md = String::from_utf8(mandat(
            reg.path(),
            "2026-11-22",
            &["letter", kind, "nkt-ms", "silje-pedersen", "--format", "md"],
        ))
        .expect("utf-8");
        assert_inert(kind, &md);
        assert!(shown(&md).contains(NAME_SHOWN), "{kind}\n{md}");
    }
    // The HTML letter is made from the Markdown: the name as text, no backslash, not even in
    // the title.
    let page = String::from_utf8(mandat(
        reg.path(),
        "2026-11-22",
        &[
            "letter",
            "appointment",
            "nkt-ms",
            "silje-pedersen",
            "--format",
            "html",
        ],
    ))
    .expect("utf-8");
    for bad in ["<img", "<b>", "<strong>", "<em>", "<code>", "href=", "\\"] {
        assert!(!page.contains(bad), "{bad} in the HTML letter\n{page}");
    }
    assert!(
        page.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{page}"
    );
    assert!(
        page.contains("<title>Oppnevning som medlem av Gruppen ![p](https:"),
        "{page}"
    );
    let out = reg.path().join("brev.docx");
    mandat(
        reg.path(),
        "2026-11-22",
        &[
            "letter",
            "appointment",
            "nkt-ms",
            "silje-pedersen",
            "--format",
            "docx",
            "-o",
            out.to_str().expect("utf-8 path"),
        ],
    );
    let xml = document_xml(&out);
    let xml_text = NAME_SHOWN
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    assert!(xml.contains(&xml_text), "{xml}");
    assert!(
        !xml.contains('\\'),
        "a backslash in the Word document\n{xml}"
    );
}

#[test]
fn hostile_names_stay_text_in_due_as_markdown() {
    let reg = hostile_registry();
    let md = String::from_utf8(mandat(
        reg.path(),
        "2026-11-22",
        &["due", "--within", "400", "--format", "md"],
    ))
    .expect("utf-8");
    assert_inert("due", &md);
    let text = shown(&md);
    assert!(text.contains(NAME_SHOWN), "{md}");
    assert!(text.contains(GROUP), "{md}");
    // Every row keeps its four cells.
    for line in md.lines().filter(|l| l.starts_with("| ")) {
        let cells = line.replace("\\|", "").matches('|').count();
        assert_eq!(cells, 5, "{line}");
    }
}

fn document_xml(path: &Path) -> String {
    let bytes = fs::read(path).expect("docx written");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("utf-8");
    xml
}
