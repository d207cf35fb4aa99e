//! Golden tests of what coordinators send: `mandat due` (every format, both languages), `report
//! kickoff` and `mandat letter`, on registry-example and on the
//! registry with gaps (tests/fixtures/report-gaps). Regenerate with
//! `TRYCMD=overwrite cargo test --test cli_coordinator`.

#[test]
fn cli_due() {
    trycmd::TestCases::new().case("tests/cmd/due/*.trycmd");
}

/// `report kickoff` on a copy of a registry (`<case>.in`); `<case>.out` holds the files that
/// must look exactly so afterwards.
#[test]
fn cli_kickoff() {
    trycmd::TestCases::new()
        .register_bin(
            "mandat",
            std::path::PathBuf::from(env!("CARGO_BIN_EXE_mandat")),
        )
        .env("NO_COLOR", "1")
        .env("MANDAT_AT", "2026-03-01")
        .case("tests/cmd/kickoff/*.md");
}

/// The json is exactly the shape of cli.md: `at`, and `items` whose keys are the contract's.
#[test]
fn due_json_has_the_contract_shape() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mandat"))
        .args(["-r", "tests/fixtures/report-gaps", "--at", "2026-03-01"])
        .args(["due", "--within", "400", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let top: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(top, ["at", "items"]);
    assert_eq!(v["at"], "2026-03-01");
    let items = v["items"].as_array().unwrap();
    assert!(!items.is_empty());
    let kinds = [
        "report-section",
        "feedback",
        "meeting",
        "milestone-meeting",
        "term-end",
        "notification",
        "vacancy",
        "input",
    ];
    let allowed = [
        "group",
        "kind",
        "due",
        "overdue",
        "region",
        "year",
        "who",
        "person",
        "milestone",
    ];
    let mut last: Option<(String, String, String)> = None;
    for item in items {
        let o = item.as_object().unwrap();
        for k in o.keys() {
            assert!(allowed.contains(&k.as_str()), "unexpected key {k}");
        }
        for k in ["group", "kind", "due", "overdue"] {
            assert!(o.contains_key(k), "missing {k} in {item}");
        }
        let kind = o["kind"].as_str().unwrap();
        assert!(kinds.contains(&kind));
        let due = o["due"].as_str().unwrap().to_string();
        assert_eq!(o["overdue"].as_bool().unwrap(), due.as_str() < "2026-03-01");
        let key = (
            due,
            o["group"].as_str().unwrap().to_string(),
            kind.to_string(),
        );
        if let Some(prev) = &last {
            assert!(*prev <= key, "not sorted: {prev:?} before {key:?}");
        }
        last = Some(key);
        if kind == "report-section" {
            assert!(o.contains_key("region") && o.contains_key("year"));
        }
    }
    // Nothing later than --at + --within.
    assert!(
        items
            .iter()
            .all(|i| i["due"].as_str().unwrap() <= "2027-04-05")
    );
}
