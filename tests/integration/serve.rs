//! `mandat serve` over HTTP (web.md, «`mandat serve`»): every route, every status code, writes
//! byte-identical to the command line's, hostile input, and the server and the command line
//! writing to one registry at once.

use crate::support;

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use mandat::serve::{App, Config, router};
use tower::ServiceExt;

const TOKEN: &str = "test-token-0123456789abcdefghijklmnopqrstuvwxyz";
const HOST: &str = "127.0.0.1:7878";
const AT: &str = "2026-12-03";

fn example() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("reg");
    support::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("registry-example"),
        &root,
    );
    (dir, root)
}

fn app_with(root: &Path, git_commit: bool) -> Arc<App> {
    App::new(Config {
        root: root.to_path_buf(),
        at: Some(support::date(AT)),
        lang: None,
        host: HOST.into(),
        port: 7878,
        loopback: true,
        allow_hosts: vec!["mandat.example.org".into()],
        git_commit,
        token: TOKEN.into(),
    })
    .unwrap()
}

fn app(root: &Path) -> Arc<App> {
    app_with(root, false)
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn send(app: &Arc<App>, req: Request<Body>) -> Answer {
    let res = router(app.clone()).oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::HOST, HOST)
        .header("x-mandat-token", TOKEN)
        .body(Body::empty())
        .unwrap()
}

fn encode(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", k, urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn post(uri: &str, fields: &[(&str, &str)], json: bool) -> Request<Body> {
    let mut r = Request::post(uri)
        .header(header::HOST, HOST)
        .header("x-mandat-token", TOKEN)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if json {
        r = r.header(header::ACCEPT, "application/json");
    }
    r.body(Body::from(encode(fields))).unwrap()
}

/// Every file of the registry and its bytes (the lock left out).
fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.file_name() != ".mandat.lock")
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, fs::read(e.path()).unwrap())
        })
        .collect()
}

fn cli(root: &Path, args: &[&str]) -> std::process::Output {
    Process::new(env!("CARGO_BIN_EXE_mandat"))
        .arg("-r")
        .arg(root)
        .args(["--at", AT])
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn assert_same_trees(a: &Path, b: &Path, step: &str) {
    let (ta, tb) = (tree(a), tree(b));
    assert_eq!(
        ta.keys().collect::<Vec<_>>(),
        tb.keys().collect::<Vec<_>>(),
        "{step}: the same files"
    );
    for (rel, bytes) in &ta {
        assert!(
            bytes == &tb[rel],
            "{step}: {rel} differs:\n--- server\n{}\n--- command line\n{}",
            String::from_utf8_lossy(bytes),
            String::from_utf8_lossy(&tb[rel])
        );
    }
}

/// The whole replacement of a regional member, a chair, a meeting, a new person and the end of
/// a seat: through the server on one copy and the command line on another, step by step, with
/// byte-identical files after every step.
#[tokio::test]
async fn every_write_writes_what_the_command_line_writes() {
    let (_d1, web) = example();
    let (_d2, term) = example();
    let app = app(&web);
    type Step<'a> = (&'a str, Vec<(&'a str, &'a str)>, Vec<&'a str>, u16);
    let steps: Vec<Step> = vec![
        (
            "/people",
            vec![
                ("name", "Kari Nordmann"),
                ("employer", "helse-bergen"),
                ("gender", "female"),
            ],
            vec![
                "person",
                "add",
                "--name",
                "Kari Nordmann",
                "--employer",
                "helse-bergen",
                "--gender",
                "female",
            ],
            200,
        ),
        (
            "/groups/nkt-ms/propose",
            vec![
                ("person", "kari-nordmann"),
                ("role", "regional"),
                ("region", "helse-vest"),
                ("date", "2026-11-01"),
            ],
            vec![
                "propose",
                "nkt-ms",
                "kari-nordmann",
                "--role",
                "regional",
                "--region",
                "helse-vest",
                "--date",
                "2026-11-01",
            ],
            200,
        ),
        (
            "/groups/nkt-ms/consent",
            vec![
                ("person", "kari-nordmann"),
                ("date", "2026-11-05"),
                ("leader-cleared", "2026-11-06"),
            ],
            vec![
                "consent",
                "nkt-ms",
                "kari-nordmann",
                "--date",
                "2026-11-05",
                "--leader-cleared",
                "2026-11-06",
            ],
            200,
        ),
        (
            "/groups/nkt-ms/appoint",
            vec![
                ("person", "kari-nordmann"),
                ("by", "helse-vest"),
                ("date", "2026-12-01"),
                ("replaces", "torbjorn-haugland"),
                ("letter", "26/123"),
            ],
            vec![
                "appoint",
                "nkt-ms",
                "kari-nordmann",
                "--by",
                "helse-vest",
                "--date",
                "2026-12-01",
                "--replaces",
                "torbjorn-haugland",
                "--letter",
                "26/123",
            ],
            200,
        ),
        (
            "/groups/nkt-ms/notify",
            vec![("person", "kari-nordmann"), ("date", "2026-12-02")],
            vec!["notify", "nkt-ms", "kari-nordmann", "--date", "2026-12-02"],
            200,
        ),
        (
            "/groups/nkt-ms/chair",
            vec![
                ("person", "ingrid-solheim"),
                ("by", "helse-bergen"),
                ("date", "2026-12-03"),
            ],
            vec![
                "chair",
                "nkt-ms",
                "ingrid-solheim",
                "--by",
                "helse-bergen",
                "--date",
                "2026-12-03",
            ],
            200,
        ),
        (
            "/groups/nkt-ms/meeting",
            vec![
                ("date", "2027-05-06"),
                ("mode", "hybrid"),
                ("status", "planned"),
            ],
            vec![
                "meeting",
                "new",
                "nkt-ms",
                "--date",
                "2027-05-06",
                "--mode",
                "hybrid",
                "--status",
                "planned",
            ],
            200,
        ),
        (
            "/groups/nkt-ms/kickoff",
            vec![("year", "2026")],
            vec!["report", "kickoff", "nkt-ms", "--year", "2026"],
            200,
        ),
        (
            "/groups/nkt-ms/end",
            vec![
                ("person", "kari-nordmann"),
                ("date", "2026-12-31"),
                ("reason", "ny jobb"),
            ],
            vec![
                "end",
                "nkt-ms",
                "kari-nordmann",
                "--date",
                "2026-12-31",
                "--reason",
                "ny jobb",
            ],
            200,
        ),
    ];
    for (path, fields, args, want) in steps {
        let a = send(&app, post(path, &fields, true)).await;
        let out = cli(&term, &args);
        assert_eq!(a.status.as_u16(), want, "{path}: {}", a.body);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_str(&a.body).unwrap();
        assert_eq!(v["ok"], true, "{path}");
        assert!(!v["changed"].as_array().unwrap().is_empty(), "{path}");
        // The json message is the command line's line that says what changed (kickoff's notes
        // on kept files follow it, after "; ").
        let said = String::from_utf8_lossy(&out.stdout);
        let message = v["message"].as_str().unwrap();
        let line = message.split("; ").next().unwrap();
        assert!(said.contains(line), "{path}: {said} vs {message}");
        assert_same_trees(&web, &term, path);
    }
    // And the registry is clean afterwards.
    let out = cli(&web, &["validate"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[tokio::test]
async fn a_form_post_redirects_to_the_group_page_with_what_changed() {
    let (_d, root) = example();
    let app = app(&root);
    // The form way: the cookie from the token URL, the csrf field from the page.
    let first = send(
        &app,
        Request::get(format!("/groups/nkt-ms?token={TOKEN}"))
            .header(header::HOST, HOST)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(first.status, StatusCode::OK);
    let cookie = first.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let cookie = cookie.split(';').next().unwrap().to_string();
    let csrf = first
        .body
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let form = |csrf: Option<&str>| {
        let mut fields = vec![
            ("date", "2027-06-01"),
            ("mode", "digital"),
            ("status", "planned"),
        ];
        if let Some(c) = csrf {
            fields.push(("csrf", c));
        }
        Request::post("/groups/nkt-ms/meeting")
            .header(header::HOST, HOST)
            .header(header::COOKIE, cookie.as_str())
            .header(header::ORIGIN, format!("http://{HOST}"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(encode(&fields)))
            .unwrap()
    };
    let before = tree(&root);
    let no_csrf = send(&app, form(None)).await;
    assert_eq!(no_csrf.status, StatusCode::FORBIDDEN);
    let wrong = send(&app, form(Some("not-the-csrf"))).await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    assert_eq!(
        tree(&root),
        before,
        "nothing written without the csrf field"
    );
    let ok = send(&app, form(Some(&csrf))).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let location = ok.headers[header::LOCATION].to_str().unwrap().to_string();
    assert!(location.starts_with("/groups/nkt-ms?done="), "{location}");
    assert!(root.join("groups/nkt-ms/meetings/2027-06-01.md").is_file());
    let page = send(&app, get(&location)).await;
    assert!(
        page.body
            .contains("opprettet referatet fra møtet i nkt-ms 2027-06-01"),
        "{}",
        page.body
    );
    assert!(page.body.contains("2027-06-01"));
}

#[tokio::test]
async fn a_refused_change_is_422_writes_nothing_and_keeps_what_was_typed() {
    let (_d, root) = example();
    let app = app(&root);
    fs::write(
        root.join("people/kari-nordmann.toml"),
        "name = \"Kari Nordmann\"\nemployer = \"helse-bergen\"\n",
    )
    .unwrap();
    let r = send(
        &app,
        post(
            "/groups/nkt-ms/propose",
            &[
                ("person", "kari-nordmann"),
                ("role", "regional"),
                ("region", "helse-vest"),
                ("date", "2026-11-01"),
            ],
            true,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let before = tree(&root);
    // The wrong RHF appoints a Helse Vest seat.
    let fields = [
        ("person", "kari-nordmann"),
        ("by", "helse-nord"),
        ("date", "2026-12-01"),
        ("replaces", "torbjorn-haugland"),
        ("letter", "typed-by-hand"),
    ];
    let page = send(&app, post("/groups/nkt-ms/appoint", &fields, false)).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.body.contains("Helse Vest RHF som oppnevner"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("value=\"typed-by-hand\""),
        "what was typed is kept"
    );
    assert!(page.body.contains("role=\"alert\""));
    assert_eq!(tree(&root), before);
    let json = send(&app, post("/groups/nkt-ms/appoint", &fields, true)).await;
    assert_eq!(json.status, StatusCode::UNPROCESSABLE_ENTITY);
    let v: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(v["ok"], false);
    assert_eq!(v["changed"], serde_json::json!([]));
    assert!(v["message"].as_str().unwrap().contains("helse-vest"));
    assert_eq!(v["errors"], serde_json::json!([]));
    // A change the rules refuse (a chair from outside the host region): the errors come as
    // diagnostics, as validate --format json.
    let fields = [
        ("person", "torbjorn-haugland"),
        ("by", "helse-bergen"),
        ("date", "2026-12-01"),
    ];
    let rules = send(&app, post("/groups/nkt-ms/chair", &fields, true)).await;
    assert_eq!(
        rules.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        rules.body
    );
    let v: serde_json::Value = serde_json::from_str(&rules.body).unwrap();
    let errors = v["errors"].as_array().unwrap();
    assert!(!errors.is_empty(), "{}", rules.body);
    for e in errors {
        assert!(e["rule"].is_string() && e["severity"] == "error" && e["file"].is_string());
    }
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .contains("ingenting ble skrevet"),
        "{}",
        v["message"]
    );
    let page = send(&app, post("/groups/nkt-ms/chair", &fields, false)).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.body.contains("chair-outside-host-region"),
        "the error beside the form"
    );
    assert_eq!(tree(&root), before);
}

#[tokio::test]
async fn bad_input_is_400_and_touches_nothing() {
    let (_d, root) = example();
    let app = app(&root);
    let before = tree(&root);
    for (path, fields) in [
        ("/groups/nkt-ms/meeting", vec![("date", "2027-02-30")]),
        ("/groups/nkt-ms/meeting", vec![("date", "")]),
        (
            "/groups/nkt-ms/propose",
            vec![("person", "kjetil-brekke"), ("role", "king")],
        ),
        (
            "/groups/nkt-ms/end",
            vec![("person", "nobody-here"), ("date", "2026-12-01")],
        ),
        (
            "/groups/nkt-ms/appoint",
            vec![("person", "../../etc/passwd"), ("by", "helse-vest")],
        ),
        (
            "/groups/no-such-group/meeting",
            vec![("date", "2027-01-01")],
        ),
        ("/people", vec![("name", "")]),
        ("/people", vec![("name", "X"), ("id", "../x")]),
    ] {
        let r = send(&app, post(path, &fields, true)).await;
        assert_eq!(
            r.status,
            StatusCode::BAD_REQUEST,
            "{path} {fields:?}: {}",
            r.body
        );
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["ok"], false);
        assert!(!v["message"].as_str().unwrap().is_empty());
    }
    assert_eq!(tree(&root), before);
}

#[tokio::test]
async fn hostile_ids_are_rejected_before_any_file_is_read() {
    let (dir, root) = example();
    let app = app(&root);
    let before = tree(&root);
    let long = format!("/groups/{}", "a".repeat(10_000));
    for uri in [
        "/groups/..",
        "/groups/..%2F..%2Fetc",
        "/groups/a%2Fb",
        "/groups/%00",
        "/groups/nkt-ms%00",
        "/groups/NKT-MS",
        long.as_str(),
        "/reports/annual/..%2Fx/2025.md",
    ] {
        let r = send(&app, get(uri)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(!r.body.contains('\0'));
        let w = send(
            &app,
            post(&format!("{uri}/meeting"), &[("date", "2027-01-01")], true),
        )
        .await;
        assert!(
            w.status == StatusCode::BAD_REQUEST || w.status == StatusCode::NOT_FOUND,
            "{uri}: {}",
            w.status
        );
    }
    assert_eq!(tree(&root), before);
    // Nothing appeared beside the registry either.
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("reg")]);
}

#[tokio::test]
async fn names_from_the_registry_are_text_and_identity_numbers_are_masked() {
    let (_d, root) = example();
    let app = app(&root);
    // A number that passes the fødselsnummer checks (mod 11).
    let fnr = (0..100_000u32)
        .map(|n| format!("010101{n:05}"))
        .find(|c| mandat::pii_scan::is_identity_number(c.as_bytes()))
        .unwrap();
    fs::write(
        root.join("people/skurk.toml"),
        format!("name = \"<script>alert('x')</script> \\\"Q\\\" {fnr}\"\n"),
    )
    .unwrap();
    let members = root.join("groups/nkt-ms/members.toml");
    let mut m = fs::read_to_string(&members).unwrap();
    m.push_str("\n[[member]]\nperson = \"skurk\"\nrole = \"other\"\nproposed = 2026-11-01\n");
    fs::write(&members, m).unwrap();
    let page = send(&app, get("/groups/nkt-ms")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        !page.body.contains("<script>"),
        "no markup from the registry"
    );
    assert!(page.body.contains("&lt;script&gt;"));
    assert!(!page.body.contains(&fnr), "identity number masked");
    assert!(page.body.contains("010101*****"));
}

#[tokio::test]
async fn the_token_the_host_and_the_origin_are_checked() {
    let (_d, root) = example();
    let app = app(&root);
    let bare = |uri: &str, host: &str| {
        Request::get(uri)
            .header(header::HOST, host)
            .body(Body::empty())
            .unwrap()
    };
    assert_eq!(
        send(&app, bare("/", HOST)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        send(&app, bare("/?token=wrong", HOST)).await.status,
        StatusCode::UNAUTHORIZED
    );
    let wrong_header = Request::get("/")
        .header(header::HOST, HOST)
        .header("x-mandat-token", "wrong")
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        send(&app, wrong_header).await.status,
        StatusCode::UNAUTHORIZED
    );
    let with = |host: &str| {
        Request::get("/")
            .header(header::HOST, host)
            .header("x-mandat-token", TOKEN)
            .body(Body::empty())
            .unwrap()
    };
    assert_eq!(
        send(&app, with("evil.example:7878")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        send(&app, with("127.0.0.1:7879")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        send(&app, with("localhost:7878")).await.status,
        StatusCode::OK
    );
    assert_eq!(
        send(&app, with("mandat.example.org")).await.status,
        StatusCode::OK
    );
    assert_eq!(
        send(&app, with("mandat.example.org:443")).await.status,
        StatusCode::OK
    );
    let cross = |origin: &str| {
        Request::post("/groups/nkt-ms/meeting")
            .header(header::HOST, HOST)
            .header("x-mandat-token", TOKEN)
            .header(header::ORIGIN, origin)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("date=2027-01-01"))
            .unwrap()
    };
    let before = tree(&root);
    assert_eq!(
        send(&app, cross("http://evil.example")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        send(&app, cross("null")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(tree(&root), before);
    assert_eq!(
        send(&app, cross(&format!("http://{HOST}"))).await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn a_ten_megabyte_form_is_refused() {
    let (_d, root) = example();
    let app = app(&root);
    let before = tree(&root);
    let body = format!("date=2027-01-01&reason={}", "x".repeat(10 * 1024 * 1024));
    let r = Request::post("/groups/nkt-ms/meeting")
        .header(header::HOST, HOST)
        .header("x-mandat-token", TOKEN)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    assert_eq!(send(&app, r).await.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(tree(&root), before);
}

#[tokio::test]
async fn every_page_answers() {
    let (_d, root) = example();
    let app = app(&root);
    for (uri, want, kind) in [
        ("/", 200, "text/html"),
        ("/due", 200, "text/html"),
        ("/reports", 200, "text/html"),
        ("/style.css", 200, "text/css"),
        ("/groups/nkt-ms", 200, "text/html"),
        ("/groups/senja-omstilling", 200, "text/html"),
        ("/groups/no-such-group", 404, "text/html"),
        ("/no/such/page", 404, "text/html"),
        ("/reports/annual/nkt-ms/2025.html", 200, "text/html"),
        ("/reports/annual/nkt-ms/2025.md", 200, "text/markdown"),
        ("/reports/annual/nkt-ms/2025.json", 200, "application/json"),
        (
            "/reports/annual/nkt-ms/2025.docx",
            200,
            "application/vnd.openxmlformats",
        ),
        ("/reports/region/helse-nord/2025.md", 200, "text/markdown"),
        ("/reports/inputs/nkt-ms/inputs.html", 200, "text/html"),
        ("/reports/annual/nkt-ms/2025.pdf", 404, "text/html"),
        ("/reports/region/no-such-region/2025.md", 404, "text/html"),
    ] {
        let r = send(&app, get(uri)).await;
        assert_eq!(r.status.as_u16(), want, "{uri}: {}", r.body);
        let ct = r.headers[header::CONTENT_TYPE].to_str().unwrap();
        assert!(ct.starts_with(kind), "{uri}: {ct}");
    }
    // The dashboard: every group with its status; the group page: seats by region with stage,
    // the chair, forms pre-filled with today's date.
    let dash = send(&app, get("/")).await.body;
    assert!(dash.contains("<html lang=\"nb\">"));
    for g in ["nkt-ms", "senja-omstilling", "frbt-stamcelle"] {
        assert!(dash.contains(&format!("href=\"/groups/{g}\"")), "{g}");
    }
    assert!(dash.contains("komplett"));
    let group = send(&app, get("/groups/nkt-ms")).await.body;
    for text in [
        "Helse Nord RHF",
        "Silje Pedersen",
        "oppnevnt og kunngjort",
        "value=\"2026-12-03\"",
        "/groups/nkt-ms/appoint",
    ] {
        assert!(group.contains(text), "{text}");
    }
    // The annual report is the one `mandat report annual` writes.
    let md = send(&app, get("/reports/annual/nkt-ms/2025.md")).await.body;
    let out = cli(
        &root,
        &[
            "report", "annual", "nkt-ms", "--year", "2025", "--format", "md",
        ],
    );
    assert_eq!(md, String::from_utf8_lossy(&out.stdout));
}

/// Every letter linked from a group page downloads in every format, and is the one
/// `mandat letter` writes (md compared byte for byte); a letter that cannot be written answers
/// 404 with the reason, as the command line refuses it.
#[tokio::test]
async fn every_letter_linked_from_a_group_page_is_the_one_mandat_letter_writes() {
    let (_d, root) = example();
    let app = app(&root);
    let mut links = Vec::new();
    for g in ["nkt-ms", "senja-omstilling", "frbt-stamcelle"] {
        let page = send(&app, get(&format!("/groups/{g}"))).await.body;
        let mut rest = page.as_str();
        while let Some(at) = rest.find("href=\"/reports/letter-") {
            let link = &rest[at + 6..];
            let end = link.find('"').unwrap();
            links.push(link[..end].to_string());
            rest = &link[end..];
        }
    }
    for kind in [
        "request",
        "appointment",
        "notification",
        "constituted",
        "reminder",
    ] {
        assert!(
            links
                .iter()
                .any(|l| l.starts_with(&format!("/reports/letter-{kind}/"))),
            "no {kind} letter linked: {links:?}"
        );
    }
    for link in &links {
        let r = send(&app, get(link)).await;
        assert_eq!(r.status, StatusCode::OK, "{link}: {}", r.body);
        let Some(md) = link.strip_suffix(".md") else {
            continue;
        };
        // /reports/letter-<kind>/<group>/<stem>
        let parts: Vec<&str> = md.trim_start_matches('/').split('/').collect();
        let kind = parts[1].trim_start_matches("letter-");
        let (group, stem) = (parts[2], parts[3]);
        let mut args = vec!["letter", kind, group];
        let (year, region);
        match kind {
            "request" | "appointment" | "notification" => args.push(stem),
            "reminder" => {
                (year, region) = stem.split_once('-').unwrap_or((stem, ""));
                args.extend(["--year", year]);
                if !region.is_empty() {
                    args.extend(["--region", region]);
                }
            }
            _ => {}
        }
        let out = cli(&root, &args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(r.body, String::from_utf8_lossy(&out.stdout), "{link}");
    }
    // The reports page points to each group's letters.
    let reports = send(&app, get("/reports")).await.body;
    assert!(
        reports.contains("href=\"/groups/nkt-ms#letters\""),
        "{reports}"
    );
    for (uri, want) in [
        ("/reports/letter-request/nkt-ms/no-such-person.md", 404),
        ("/reports/letter-request/nkt-ms/..%2Fx.md", 404),
        ("/reports/letter-reminder/nkt-ms/20x6.md", 404),
        (
            "/reports/letter-reminder/nkt-ms/2026-no-such-region.md",
            404,
        ),
        ("/reports/letter-constituted/nkt-ms/other.md", 404),
        ("/reports/letter-unknown/nkt-ms/x.md", 404),
    ] {
        let r = send(&app, get(uri)).await;
        assert_eq!(r.status.as_u16(), want, "{uri}: {}", r.body);
    }
}

#[tokio::test]
async fn files_changed_on_disk_are_seen_on_the_next_request() {
    let (_d, root) = example();
    let app = app(&root);
    let dash = send(&app, get("/")).await.body;
    assert!(!dash.contains("Omdøpt gruppe"));
    let file = root.join("groups/nkt-ms/group.toml");
    let text = fs::read_to_string(&file).unwrap();
    let renamed = text.replacen("name = \"", "name = \"Omdøpt gruppe ", 1);
    fs::write(&file, renamed).unwrap();
    let dash = send(&app, get("/")).await.body;
    assert!(dash.contains("Omdøpt gruppe"), "the edit is seen");
    // The command line writes; the dashboard knows.
    let out = cli(
        &root,
        &[
            "chair",
            "nkt-ms",
            "ingrid-solheim",
            "--by",
            "helse-bergen",
            "--date",
            "2026-12-03",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let group = send(&app, get("/groups/nkt-ms")).await.body;
    assert!(
        group.contains("<dd>Ingrid Solheim</dd>"),
        "the chair from the command line"
    );
}

#[tokio::test]
async fn git_commit_commits_each_change_with_what_was_done() {
    let (_d, root) = example();
    let git = |args: &[&str]| {
        let o = Process::new("git")
            .arg("-C")
            .arg(&root)
            .args(args)
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    git(&["init", "-q"]);
    fs::write(root.join(".gitignore"), ".mandat.lock\n").unwrap();
    git(&["config", "user.name", "Koordinator Test"]);
    git(&["config", "user.email", "koordinator@example.org"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "start"]);
    let app = app_with(&root, true);
    let r = send(
        &app,
        post(
            "/groups/nkt-ms/chair",
            &[
                ("person", "ingrid-solheim"),
                ("by", "helse-bergen"),
                ("date", "2026-12-03"),
            ],
            true,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let log = git(&["log", "-1", "--format=%an|%s"]);
    assert_eq!(
        log.trim(),
        "Koordinator Test|Ingrid Solheim er leder av nkt-ms fra 2026-12-03"
    );
    assert_eq!(
        git(&["status", "--porcelain"]).trim(),
        "",
        "everything committed"
    );
}

/// The binary serving `root` on a free port: the child, its address and its token.
fn spawn_server(root: &Path, lock_timeout: &str) -> (std::process::Child, String, String) {
    let mut child = Process::new(env!("CARGO_BIN_EXE_mandat"))
        .arg("-r")
        .arg(root)
        .args(["--at", AT, "serve", "--port", "0", "--no-open"])
        .env("MANDAT_LOCK_TIMEOUT", lock_timeout)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let url = first
        .trim()
        .strip_prefix("mandat serve: http://")
        .unwrap_or_else(|| panic!("first line: {first}"))
        .to_string();
    let (addr, token) = url.split_once("/?token=").unwrap();
    (child, addr.to_string(), token.to_string())
}

/// One HTTP/1.1 request over a fresh connection; the whole answer.
fn http(addr: &str, request: String) -> String {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

fn http_post(addr: &str, token: &str, path: &str, body: &str) -> String {
    http(
        addr,
        format!(
            "POST {path} HTTP/1.1\r\nHost: {addr}\r\nX-Mandat-Token: {token}\r\nAccept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    )
}

/// 20 writers at once, 10 through the server and 10 through the command line, each proposing
/// one person to the same group: every proposal is in members.toml afterwards.
#[test]
fn twenty_mixed_writers_lose_no_update() {
    let (_d, root) = example();
    for i in 0..20 {
        fs::write(
            root.join(format!("people/writer-{i:02}.toml")),
            format!("name = \"Writer {i:02}\"\n"),
        )
        .unwrap();
    }
    let (mut child, addr, token) = spawn_server(&root, "300");
    let mut runs = Vec::new();
    for i in 0..20 {
        let (r, addr, token) = (root.clone(), addr.clone(), token.clone());
        runs.push(std::thread::spawn(move || {
            let p = format!("writer-{i:02}");
            if i % 2 == 1 {
                let o = Process::new(env!("CARGO_BIN_EXE_mandat"))
                    .arg("-r")
                    .arg(&r)
                    .args([
                        "--at",
                        AT,
                        "propose",
                        "nkt-ms",
                        &p,
                        "--role",
                        "other",
                        "--date",
                        "2026-11-01",
                    ])
                    .env("MANDAT_LOCK_TIMEOUT", "300")
                    .output()
                    .unwrap();
                assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            } else {
                let body = format!("person={p}&role=other&date=2026-11-01");
                let a = http_post(&addr, &token, "/groups/nkt-ms/propose", &body);
                assert!(a.starts_with("HTTP/1.1 200"), "{a}");
            }
        }));
    }
    let results: Vec<_> = runs.into_iter().map(|r| r.join()).collect();
    child.kill().unwrap();
    let _ = child.wait();
    for r in results {
        r.unwrap();
    }
    let members = fs::read_to_string(root.join("groups/nkt-ms/members.toml")).unwrap();
    for i in 0..20 {
        assert!(
            members.contains(&format!("person = \"writer-{i:02}\"")),
            "writer-{i:02} lost"
        );
    }
}

/// The binary: its first line, a real listener, and 409 while another writer holds the lock.
#[test]
fn the_binary_prints_its_address_and_answers_409_while_locked() {
    let (_d, root) = example();
    let (mut child, addr, token) = spawn_server(&root, "0.3");
    assert!(addr.starts_with("127.0.0.1:"), "{addr}");
    assert!(token.len() >= 32);
    assert!(
        token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    );
    let page = http(
        &addr,
        format!("GET /?token={token} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    );
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    let no_token = http(
        &addr,
        format!("GET / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    );
    assert!(no_token.starts_with("HTTP/1.1 401"), "{no_token}");
    let lock = mandat::edit::write::Lock::acquire_within(&root, std::time::Duration::ZERO).unwrap();
    let locked = http_post(&addr, &token, "/groups/nkt-ms/meeting", "date=2027-01-01");
    drop(lock);
    child.kill().unwrap();
    let _ = child.wait();
    assert!(locked.starts_with("HTTP/1.1 409"), "{locked}");
    assert!(locked.contains("\"ok\": false"));
    assert!(!root.join("groups/nkt-ms/meetings/2027-01-01.md").exists());
}

/// The dashboard the server renders as soon as it listens (`App::load_ahead`) is the page a
/// first request renders: the same registry, the same day, no message. Only the random `csrf`
/// field of each start differs.
#[tokio::test]
async fn the_dashboard_rendered_ahead_is_the_one_a_request_renders() {
    let (_d, root) = example();
    let ahead = app(&root);
    ahead.load_ahead();
    let fresh = app(&root);
    let without_csrf = |body: String| {
        body.split("name=\"csrf\" value=\"")
            .enumerate()
            .map(|(i, part)| match i {
                0 => part.to_string(),
                _ => part
                    .split_once('"')
                    .map_or(String::new(), |(_, r)| r.to_string()),
            })
            .collect::<Vec<_>>()
            .join("name=\"csrf\" value=\"")
    };
    let a = send(&ahead, get("/")).await;
    let b = send(&fresh, get("/")).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("nkt-ms"), "{}", a.body);
    assert_eq!(without_csrf(a.body), without_csrf(b.body));
}
