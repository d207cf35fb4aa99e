//! `mandat site OUT` (web.md): golden pages of registry-example (a group with a former chair,
//! and the same registry with a vacant seat), privacy (nothing of what the site never holds
//! appears anywhere under OUT; minutes are sanitised and masked), determinism, the marker, the
//! refusals and the clean-up of pages no longer produced. Regenerate the goldens with
//! `INSTA_UPDATE=always cargo test --test integration site` and read the diff.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const AT: &str = "2026-11-22";

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("registry-example")
}

/// A copy of registry-example to change.
fn example_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("reg");
    for entry in walkdir::WalkDir::new(example()) {
        let entry = entry.unwrap();
        let target = root.join(entry.path().strip_prefix(example()).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
    (dir, root)
}

fn site(root: &Path, out: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mandat"))
        .arg("-r")
        .arg(root)
        .args(["--at", AT, "site"])
        .arg(out)
        .args(extra)
        .output()
        .expect("mandat runs")
}

fn ok(o: &Output) {
    assert!(
        o.status.success(),
        "exit {:?}: {}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Every file under `dir`, by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            (
                rel.to_string_lossy().replace('\\', "/"),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn read(out: &Path, rel: &str) -> String {
    fs::read_to_string(out.join(rel)).unwrap()
}

/// The `<main>` of a page: what a golden needs to show (the frame is in the index golden).
fn main_of(page: &str) -> &str {
    let start = page.find("<main").expect("a <main>");
    let end = page.find("</main>").expect("a </main>") + "</main>".len();
    &page[start..end]
}

/// The refusals, as a terminal shows them.
#[test]
fn cli_site_errors() {
    trycmd::TestCases::new().case("tests/cmd/site/*.trycmd");
}

#[test]
fn the_site_holds_the_pages_web_md_lists() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    ok(&site(&example(), &out, &[]));
    let names: Vec<String> = files(&out).into_keys().collect();
    insta::assert_snapshot!(names.join("\n"));
}

#[test]
fn golden_index_and_a_group_with_a_former_chair() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    ok(&site(&example(), &out, &[]));
    insta::assert_snapshot!("index", read(&out, "index.html"));
    let ms = read(&out, "groups/nkt-ms/index.html");
    // Ingrid Solheim chaired until 2023; Silje Pedersen chairs now; Eirik Nilsen left in 2023.
    assert!(ms.contains("Silje Pedersen (siden 2024-01-01)"), "{ms}");
    assert!(
        ms.contains("<li>Ingrid Solheim: 2019-05-01 – 2023-12-31</li>"),
        "{ms}"
    );
    assert!(ms.contains("Eirik Nilsen, Helse Nord RHF"), "{ms}");
    insta::assert_snapshot!("nkt_ms", main_of(&ms));
    insta::assert_snapshot!("nkt_ms_embed", read(&out, "groups/nkt-ms/embed.html"));
    insta::assert_snapshot!(
        "helse_nord",
        main_of(&read(&out, "regions/helse-nord.html"))
    );
    insta::assert_snapshot!(
        "senja",
        main_of(&read(&out, "groups/senja-omstilling/index.html"))
    );
}

/// Torbjørn Haugland leaves the Helse Vest seat of nkt-ms on 30 June 2026.
fn with_vacancy() -> (tempfile::TempDir, PathBuf) {
    let (dir, root) = example_copy();
    let path = root.join("groups/nkt-ms/members.toml");
    let text = fs::read_to_string(&path).unwrap();
    let anchor = "letter = \"2019/412\"\nnotified = 2019-04-12\n";
    assert!(text.contains(anchor));
    fs::write(
        &path,
        text.replace(
            anchor,
            &format!("{anchor}ended = 2026-06-30\nend-reason = \"Sluttet\"\n"),
        ),
    )
    .unwrap();
    (dir, root)
}

#[test]
fn golden_a_group_with_a_vacant_region() {
    let (tmp, root) = with_vacancy();
    let out = tmp.path().join("site");
    ok(&site(&root, &out, &[]));
    let ms = read(&out, "groups/nkt-ms/index.html");
    assert!(
        ms.contains("<tr class=\"vacant-seat\"><th scope=\"row\">Helse Vest RHF</th><td><span class=\"vacant\">Ledig</span> (ledig siden 2026-06-30)</td>"),
        "{ms}"
    );
    assert!(
        ms.contains("<dt>Status</dt><dd>ledige plasser</dd>"),
        "{ms}"
    );
    insta::assert_snapshot!("nkt_ms_vacant", main_of(&ms));
    insta::assert_snapshot!(
        "helse_vest_vacant",
        main_of(&read(&out, "regions/helse-vest.html"))
    );
    let json: serde_json::Value = serde_json::from_str(&read(&out, "groups.json")).unwrap();
    let ms = json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == "nkt-ms")
        .unwrap();
    assert_eq!(
        ms["vacancies"],
        serde_json::json!([{ "role": "regional", "region": "helse-vest" }])
    );
    let index = read(&out, "index.html");
    assert!(
        index.contains("<span class=\"vacant\">ledige plasser</span>"),
        "{index}"
    );
}

#[test]
fn golden_groups_json() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    ok(&site(
        &example(),
        &out,
        &["--group", "nkt-ms", "--group", "senja-omstilling"],
    ));
    let json = read(&out, "groups.json");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["updated"], AT);
    let ids: Vec<&str> = v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["nkt-ms", "senja-omstilling"]);
    insta::assert_snapshot!("groups_json", json);
}

#[test]
fn english_registry_language_gives_an_english_site() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let o = Command::new(env!("CARGO_BIN_EXE_mandat"))
        .arg("-r")
        .arg(example())
        .args(["--at", AT, "--lang", "en", "site"])
        .arg(&out)
        .args(["--group", "nkt-ms"])
        .output()
        .unwrap();
    ok(&o);
    let page = read(&out, "groups/nkt-ms/index.html");
    assert!(
        page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
        "{page}"
    );
    assert!(
        page.contains("Last updated: <time datetime=\"2026-11-22\">"),
        "{page}"
    );
    assert!(
        page.contains("<h2 id=\"former\">Former members</h2>"),
        "{page}"
    );
    let nb = read(&out, "mandate.html");
    assert!(
        nb.contains("<div lang=\"nb\">"),
        "the Norwegian mandate is marked as such"
    );
}

/// Every value of `key` in the TOML files under `dir` (at any depth of tables and arrays).
fn values(dir: &Path, keys: &[&str]) -> Vec<String> {
    fn walk(v: &toml::Value, keys: &[&str], out: &mut Vec<String>) {
        match v {
            toml::Value::Table(t) => {
                for (k, v) in t {
                    if keys.contains(&k.as_str()) {
                        out.push(match v {
                            toml::Value::String(s) => s.clone(),
                            other => other.to_string(),
                        });
                    }
                    walk(v, keys, out);
                }
            }
            toml::Value::Array(a) => a.iter().for_each(|v| walk(v, keys, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir).into_iter().map(Result::unwrap) {
        if e.path().extension().is_some_and(|x| x == "toml") {
            let v: toml::Value = toml::from_str(&fs::read_to_string(e.path()).unwrap()).unwrap();
            walk(&v, keys, &mut out);
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn nothing_private_of_registry_example_appears_anywhere_under_out() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    ok(&site(&example(), &out, &["--include-minutes"]));
    // Every page and groups.json (the stylesheet is the binary's own text).
    let all: String = files(&out)
        .into_iter()
        .filter(|(name, _)| name != "style.css")
        .map(|(_, b)| String::from_utf8(b).unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    let lower = all.to_lowercase();

    let emails = values(&example().join("people"), &["email"]);
    let phones = values(&example().join("people"), &["phone"]);
    let letters = values(&example().join("groups"), &["letter"]);
    assert!(emails.len() > 10 && phones.len() > 10 && letters.len() > 10);
    for secret in emails.iter().chain(&phones).chain(&letters) {
        assert!(!all.contains(secret.as_str()), "{secret} is on the site");
    }
    // Phone numbers however they are spaced.
    let digits: String = all.chars().filter(|c| !c.is_whitespace()).collect();
    for p in &phones {
        let p: String = p.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(!digits.contains(&p), "{p} is on the site");
    }
    assert!(!all.contains('@'), "no e-mail address of any kind");
    for word in [
        "gender", "kjønn", "female", "samtykke", "consent", "klarert",
    ] {
        assert!(!lower.contains(word), "`{word}` is on the site");
    }
    // Person ids: the file stems of people/.
    let ids: Vec<String> = fs::read_dir(example().join("people"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert!(ids.len() > 10);
    for id in &ids {
        assert!(!all.contains(id.as_str()), "person id {id} is on the site");
    }
    // Consent and clearance dates, unless the same day is public for another reason (an
    // appointment, a meeting, a chair term): then its presence says nothing.
    let public: Vec<String> = values(
        &example().join("groups"),
        &["appointed", "ended", "from", "to", "established", "date"],
    );
    let meeting_days: Vec<String> = walkdir::WalkDir::new(example().join("groups"))
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.file_name().to_string_lossy().chars().take(10).collect())
        .collect();
    let private = values(
        &example().join("groups"),
        &["consented", "leader-cleared", "proposed", "notified"],
    );
    let mut checked = 0;
    for day in private {
        if public.contains(&day) || meeting_days.contains(&day) || day == AT {
            continue;
        }
        checked += 1;
        assert!(!all.contains(&day), "the private date {day} is on the site");
    }
    assert!(
        checked > 20,
        "only {checked} private dates could be checked"
    );
}

/// A valid Norwegian identity number (checked by `pii_scan::is_identity_number` below).
const IDENTITY: &str = "15037810034";

#[test]
fn minutes_are_published_only_when_asked_and_then_sanitised() {
    assert!(mandat::pii_scan::is_identity_number(IDENTITY.as_bytes()));
    let (tmp, root) = example_copy();
    fs::write(
        root.join("groups/nkt-ms/meetings/2026-10-01.md"),
        format!(
            "+++\ndate = 2026-10-01\nstatus = \"held\"\nmode = \"digital\"\nattendees = [\"silje-pedersen\"]\n+++\n\n# Referat\n\nSak 1: pasient {IDENTITY} omtalt.\n\nKontakt ola@example.no eller 912 34 567.\n\n<script>alert(1)</script>\n\n[klikk](javascript:alert(2)) ![bilde](https://tracker.example/x.png) [kilde](https://helse-vest.no)\n"
        ),
    )
    .unwrap();
    let without = tmp.path().join("without");
    ok(&site(&root, &without, &[]));
    let page = read(&without, "groups/nkt-ms/index.html");
    assert!(
        !page.contains("Sak 1"),
        "minutes only with --include-minutes"
    );

    let out = tmp.path().join("site");
    ok(&site(&root, &out, &["--include-minutes"]));
    let page = read(&out, "groups/nkt-ms/index.html");
    assert!(
        page.contains("Sak 1: pasient 150378***** omtalt."),
        "{page}"
    );
    assert!(!page.contains(IDENTITY));
    assert!(
        page.contains("[e-post fjernet]") && page.contains("[telefon fjernet]"),
        "{page}"
    );
    assert!(!page.contains("<script"), "{page}");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(
        !page.contains("javascript:")
            && !page.contains("<img")
            && !page.contains("tracker.example")
    );
    assert!(
        page.contains("<a href=\"https://helse-vest.no\">kilde</a>"),
        "{page}"
    );
    assert!(
        page.contains("<h4>Referat</h4>"),
        "minutes' headings sit below the meeting's: {page}"
    );
    for (rel, bytes) in files(&out) {
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            !text.contains(IDENTITY),
            "{rel} holds the identity number whole"
        );
    }
}

#[test]
fn the_same_registry_and_date_give_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    ok(&site(&example(), &a, &["--include-minutes"]));
    ok(&site(&example(), &b, &["--include-minutes"]));
    assert_eq!(files(&a), files(&b));
    // A second run into the same folder changes nothing.
    let again = site(&example(), &a, &["--include-minutes"]);
    ok(&again);
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(said.contains("0 nye eller endret, 0 fjernet"), "{said}");
}

#[test]
fn pages_no_longer_produced_are_removed_from_groups_and_regions_only() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    ok(&site(&example(), &out, &[]));
    fs::write(out.join("CNAME"), "grupper.example.no\n").unwrap();
    fs::write(out.join("groups/old.html"), "old").unwrap();
    fs::create_dir_all(out.join("groups/gone-group")).unwrap();
    fs::write(out.join("groups/gone-group/index.html"), "old").unwrap();
    ok(&site(&example(), &out, &["--group", "nkt-ms"]));
    let names: Vec<String> = files(&out).into_keys().collect();
    assert!(
        names.contains(&"CNAME".to_string()),
        "files outside groups/ and regions/ stay"
    );
    assert!(!names.contains(&"groups/old.html".to_string()));
    assert!(
        !out.join("groups/gone-group").exists(),
        "an emptied folder goes too"
    );
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with("groups/frbt-stamcelle/"))
    );
    assert!(names.contains(&"groups/nkt-ms/index.html".to_string()));
    // The municipal group alone: no national group, so no region pages.
    ok(&site(&example(), &out, &["--group", "senja-omstilling"]));
    assert!(!out.join("regions/helse-nord.html").exists());
    assert!(!read(&out, "index.html").contains("regions/"));
}

fn refused(o: &Output, says: &str) {
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(says), "{err}");
}

#[test]
fn a_folder_mandat_did_not_make_is_refused_unless_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("docs");
    fs::create_dir_all(&out).unwrap();
    ok(&site(&example(), &out, &["--group", "nkt-ms"]));
    let other = tmp.path().join("notes");
    fs::create_dir_all(&other).unwrap();
    fs::write(other.join("todo.txt"), "mine").unwrap();
    refused(
        &site(&example(), &other, &[]),
        "er ikke tom og er ikke laget av `mandat site`",
    );
    assert_eq!(files(&other).len(), 1, "nothing written");
    let file = tmp.path().join("a-file");
    fs::write(&file, "x").unwrap();
    refused(&site(&example(), &file, &[]), "er ikke en mappe");
}

#[test]
fn an_out_that_is_or_holds_what_the_registry_reads_is_refused() {
    let (tmp, root) = example_copy();
    let before = files(&root);
    for out in [
        root.clone(),
        root.join("groups"),
        root.join("groups/nkt-ms/site"),
        root.join("people"),
        root.join("registry.toml"),
        root.join("organisations.toml"),
        tmp.path().to_path_buf(),
        root.join("site/../groups/new"),
    ] {
        refused(&site(&root, &out, &[]), "filer registeret leser");
    }
    assert_eq!(files(&root), before, "the registry is untouched");
    // A folder beside the registry's own, inside the checkout, is fine.
    ok(&site(&root, &root.join("_site"), &[]));
}

#[test]
fn a_registry_template_overrides_the_built_in_one() {
    let (tmp, root) = example_copy();
    fs::create_dir_all(root.join("templates/site")).unwrap();
    fs::write(
        root.join("templates/site/embed.html"),
        "<p class=\"own\">{{ group.name }}: {{ group.seats | length }}</p>\n",
    )
    .unwrap();
    fs::write(
        root.join("templates/site/style.css"),
        "body { color: #000; }\n",
    )
    .unwrap();
    let out = tmp.path().join("site");
    ok(&site(&root, &out, &["--group", "nkt-ms"]));
    assert_eq!(
        read(&out, "groups/nkt-ms/embed.html"),
        "<p class=\"own\">Referansegruppen for Nasjonal kompetansetjeneste for multippel sklerose: 6</p>\n"
    );
    assert_eq!(read(&out, "style.css"), "body { color: #000; }\n");
}

#[test]
fn an_unknown_group_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    refused(&site(&example(), &out, &["--group", "no-such"]), "no-such");
}

#[test]
fn an_unrepresented_constituency_is_shown_but_is_no_vacancy_and_a_missing_chair_is_said() {
    let (tmp, root) = example_copy();
    let members = root.join("groups/senja-omstilling/members.toml");
    let text = fs::read_to_string(&members).unwrap();
    let anchor = "constituency = \"brukerradet\"\n";
    fs::write(
        &members,
        text.replace(anchor, &format!("{anchor}ended = 2026-01-31\n")),
    )
    .unwrap();
    // The chair term ends before --at, and nobody follows.
    let group = root.join("groups/senja-omstilling/group.toml");
    let text = fs::read_to_string(&group).unwrap();
    let anchor = "designated-by = \"senja-kommune\"\nfrom = 2025-01-15\n";
    assert!(text.contains(anchor));
    fs::write(
        &group,
        text.replace(anchor, &format!("{anchor}to = 2026-06-30\n")),
    )
    .unwrap();
    let out = tmp.path().join("site");
    ok(&site(&root, &out, &["--group", "senja-omstilling"]));
    let page = read(&out, "groups/senja-omstilling/index.html");
    assert!(
        page.contains("<tr class=\"unrepresented\"><th scope=\"row\">Brukerradet</th><td>ikke representert</td>"),
        "{page}"
    );
    assert!(
        page.contains("<span class=\"vacant\">Gruppen har ingen leder nå.</span>"),
        "{page}"
    );
    assert!(
        page.contains("<dt>Status</dt><dd>mangler leder</dd>"),
        "{page}"
    );
    assert!(
        page.contains("<li>Hege Aronsen: 2025-01-15 – 2026-06-30</li>"),
        "{page}"
    );
    let json: serde_json::Value = serde_json::from_str(&read(&out, "groups.json")).unwrap();
    assert_eq!(json["groups"][0]["vacancies"], serde_json::json!([]));
    assert_eq!(json["groups"][0]["chair"], serde_json::Value::Null);
}

#[test]
fn before_a_group_is_established_it_has_no_vacancies() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let o = Command::new(env!("CARGO_BIN_EXE_mandat"))
        .arg("-r")
        .arg(example())
        .args(["--at", "2024-06-01", "site"])
        .arg(&out)
        .args(["--group", "senja-omstilling"])
        .output()
        .unwrap();
    ok(&o);
    let json: serde_json::Value = serde_json::from_str(&read(&out, "groups.json")).unwrap();
    assert_eq!(json["groups"][0]["vacancies"], serde_json::json!([]));
    assert_eq!(json["groups"][0]["members"], serde_json::json!([]));
    let page = read(&out, "groups/senja-omstilling/index.html");
    assert!(
        !page.contains("ikke representert") && !page.contains(">Ledig<"),
        "{page}"
    );
}
