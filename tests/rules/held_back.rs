//! Broken files hold back the mandate rules (rules.md, second round): a group that depends on a
//! file with a `syntax` or `schema` error gets only the file-level findings, and the human output
//! says in one line per group which groups were held back and why.

use mandat::rule_id::RuleId;

use crate::builder::*;

const FILE_LEVEL: [&str; 6] = ["syntax", "schema", "ids", "references", "dates", "pii"];

/// The groups that have a finding of a rule other than the file-level ones.
fn judged_groups(found: &[Found]) -> Vec<String> {
    let mut groups: Vec<String> = found
        .iter()
        .filter(|f| !FILE_LEVEL.contains(&f.rule.as_str()))
        .filter_map(|f| f.group.clone())
        .collect();
    groups.dedup();
    groups
}

/// `mandat validate` in the given language: stdout.
fn validate(reg: &Reg, lang: &str, format: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mandat"))
        .args([
            "-r",
            reg.path().to_str().unwrap(),
            "--at",
            D,
            "--lang",
            lang,
        ])
        .args(["validate", "--format", format])
        .env("NO_COLOR", "1")
        .output()
        .expect("mandat runs");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn a_quoted_date_in_members_toml_gives_one_schema_error_and_holds_the_group_back() {
    let reg = Reg::new();
    // Without the user member, nat breaks a mandate rule: that shows the rules run.
    remove_member(&reg, "nat", 5);
    assert_eq!(judged_groups(&reg.check(D)), ["nat"]);
    reg.replace(
        "groups/nat/members.toml",
        "appointed = 2026-01-01",
        "appointed = \"2026-01-01\"",
    );
    let found = reg.check(D);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].is("schema", "error", Some("nat"), "groups/nat/members.toml"));
    // The municipal group, which does not depend on the file, is still judged.
    reg.replace("people/bernt-bruker.toml", "\"male\"", "\"female\"");
    let found = reg.check(D);
    assert_eq!(judged_groups(&found), ["mun"], "{found:#?}");
    let human = validate(&reg, "en", "human");
    assert!(
        human.contains("note: the mandate rules were not checked for nat: groups/nat/members.toml must be mended first"),
        "{human}"
    );
    assert!(!human.contains("not checked for mun"), "{human}");
    let nb = validate(&reg, "nb", "human");
    assert!(
        nb.contains("merk: mandatreglene ble ikke kontrollert for nat: groups/nat/members.toml må rettes først"),
        "{nb}"
    );
    // JSON carries the findings only, not the note.
    let json = validate(&reg, "en", "json");
    assert!(!json.contains("not checked"), "{json}");
    assert!(json.contains("\"rule\": \"schema\""), "{json}");
}

#[test]
fn a_broken_person_file_holds_back_only_the_group_that_names_the_person() {
    let reg = Reg::new();
    remove_member(&reg, "nat", 5);
    reg.replace("people/bernt-bruker.toml", "\"male\"", "\"female\"");
    assert_eq!(judged_groups(&reg.check(D)), ["mun", "nat"]);
    // Elsa Eldre sits in the municipal group only.
    reg.write(
        "people/elsa-eldre.toml",
        "name = \"Elsa Eldre\"\ngender = 1\n",
    );
    let found = reg.check(D);
    assert_eq!(judged_groups(&found), ["nat"], "{found:#?}");
    let schema: Vec<&Found> = found.iter().filter(|f| f.rule == "schema").collect();
    assert_eq!(schema.len(), 1, "{found:#?}");
    assert_eq!(schema[0].file, "people/elsa-eldre.toml");
    let human = validate(&reg, "en", "human");
    assert!(
        human.contains("not checked for mun: people/elsa-eldre.toml must be mended first"),
        "{human}"
    );
    assert!(!human.contains("not checked for nat"), "{human}");
    // A broken person file nobody names holds nobody back.
    let reg = Reg::new();
    reg.write("people/nobody.toml", "name = \n");
    assert_eq!(reg.rule("syntax", D).len(), 1);
    assert!(!validate(&reg, "en", "human").contains("not checked"));
}

#[test]
fn a_broken_organisations_toml_holds_back_every_group() {
    let reg = Reg::new();
    remove_member(&reg, "nat", 5);
    reg.replace("people/bernt-bruker.toml", "\"male\"", "\"female\"");
    reg.append(
        "organisations.toml",
        "\n[[organisation]]\nid = \"x\"\nname = \"X\"\nkind = \"hospital\"\n",
    );
    let found = reg.check(D);
    assert!(judged_groups(&found).is_empty(), "{found:#?}");
    assert!(
        found
            .iter()
            .any(|f| f.is("schema", "error", None, "organisations.toml")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .all(|f| RuleId::parse(&f.rule).is_some_and(|r| FILE_LEVEL.contains(&r.as_str())))
    );
    let human = validate(&reg, "nb", "human");
    for g in ["mun", "nat"] {
        assert!(
            human.contains(&format!("merk: mandatreglene ble ikke kontrollert for {g}: organisations.toml må rettes først")),
            "{human}"
        );
    }
}
