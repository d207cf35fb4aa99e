//! The md and html templates can be overridden from `<registry>/templates/`; a template can only
//! reach the built-in templates and that folder.

use std::path::Path;
use std::process::Command;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn registry_with(templates: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(Path::new("tests/fixtures/report-gaps"), dir.path());
    std::fs::create_dir_all(dir.path().join("templates")).expect("templates/");
    for (name, body) in templates {
        std::fs::write(dir.path().join("templates").join(name), body).expect("write template");
    }
    dir
}

fn run(root: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mandat"))
        .arg("-r")
        .arg(root)
        .args(["--at", "2026-03-01"])
        .args(args)
        .output()
        .expect("mandat runs")
}

#[test]
fn a_registry_template_replaces_the_built_in_one() {
    let reg = registry_with(&[(
        "annual.md",
        "# {{ group.name }} {{ year }}\n{% for s in sections %}{{ s.region.name }}: {% if s.present %}ok{% else %}{{ labels.missing }}{% endif +%}\n{% endfor %}",
    )]);
    let out = run(
        reg.path(),
        &["report", "annual", "nkt-hull", "--year", "2025"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "# Referansegruppen for Nasjonal kompetansetjeneste for hull i registeret 2025\n\
         Helse Sør-Øst RHF: ok\nHelse Vest RHF: Mangler\nHelse Midt-Norge RHF: Mangler\nHelse Nord RHF: ok\n"
    );
    // The other reports keep the built-in templates.
    let region = run(
        reg.path(),
        &["report", "region", "helse-nord", "--year", "2025"],
    );
    assert!(String::from_utf8_lossy(&region.stdout).starts_with("# Regional oversikt 2025"));
}

#[test]
fn a_registry_layout_wraps_every_html_report_and_still_escapes() {
    let reg = registry_with(&[(
        "layout.html",
        "<html><body class=\"region-nord\"><header>Helse Nord</header>{% block content %}{% endblock %}</body></html>\n",
    )]);
    let out = run(
        reg.path(),
        &["report", "inputs", "nkt-hull", "--format", "html"],
    );
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(
        page.starts_with("<html><body class=\"region-nord\"><header>Helse Nord</header>"),
        "{page}"
    );
    assert!(page.contains("&lt;svg onload=alert(1)&gt;"));
    // The docx is built from the Markdown template, so a custom annual.md shapes it too.
}

#[test]
fn templates_cannot_reach_outside_their_folder() {
    let reg = registry_with(&[("annual.md", "{% include \"../registry.toml\" %}")]);
    let out = run(
        reg.path(),
        &["report", "annual", "nkt-hull", "--year", "2025"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("template annual.md"), "{err}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Testregister"));
}

#[test]
fn a_broken_template_is_an_error_that_names_it() {
    let reg = registry_with(&[("region.md", "{% for g in groups %}")]);
    let out = run(
        reg.path(),
        &["report", "region", "helse-nord", "--year", "2025"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("template region.md"));
}

/// No report prints an HTML comment: the guidance of a template or a kickoff stub stays in the
/// file, also when the section around it is written.
#[test]
fn reports_never_print_html_comments() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("reg");
    let status = Command::new("cp")
        .args(["-R", "registry-example"])
        .arg(&root)
        .status()
        .unwrap();
    assert!(status.success());
    let section = root.join("groups/nkt-ms/reports/2025/helse-nord.md");
    let mut text = std::fs::read_to_string(&section).unwrap();
    text.push_str("\n<!-- intern merknad: sjekk tallene -->\n");
    std::fs::write(&section, text).unwrap();
    for format in ["md", "html"] {
        let out = Command::new(env!("CARGO_BIN_EXE_mandat"))
            .args([
                "report", "annual", "nkt-ms", "--year", "2025", "--format", format,
            ])
            .args(["--at", "2026-11-22", "-r"])
            .arg(&root)
            .output()
            .unwrap();
        assert!(out.status.success());
        let shown = String::from_utf8(out.stdout).unwrap();
        assert!(
            !shown.contains("intern merknad"),
            "{format}: the comment was printed"
        );
        assert!(
            !shown.contains("<!--"),
            "{format}: an HTML comment was printed"
        );
    }
}
