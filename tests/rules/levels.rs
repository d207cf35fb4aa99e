//! Levels (group `[rules]` over registry `[rules]` over the default), softened findings, `off`,
//! and `[[waiver]]`s.

use crate::builder::*;

const GROUP: &str = "groups/nat/group.toml";
const MEMBERS: &str = "groups/nat/members.toml";

/// The base registry without the national group's user member: one `user-represented` error.
fn without_user() -> Reg {
    let reg = Reg::new();
    remove_member(&reg, "nat", 5);
    assert_eq!(one(&reg, "user-represented", D).severity, "error");
    reg
}

#[test]
fn the_registrys_rules_change_the_default_level() {
    let reg = without_user();
    reg.append("registry.toml", "[rules]\nuser-represented = \"warning\"\n");
    assert_eq!(one(&reg, "user-represented", D).severity, "warning");
    reg.replace("registry.toml", "\"warning\"", "\"off\"");
    assert!(reg.rule("user-represented", D).is_empty());
    // A warning rule raised to error.
    reg.replace(MEMBERS, "notified = 2026-01-05\n", "");
    assert_eq!(one(&reg, "appointment-notified", D).severity, "warning");
    reg.append("registry.toml", "appointment-notified = \"error\"\n");
    assert_eq!(one(&reg, "appointment-notified", D).severity, "error");
}

#[test]
fn the_groups_rules_override_the_registrys() {
    let reg = without_user();
    reg.append("registry.toml", "[rules]\nuser-represented = \"off\"\n");
    reg.append(GROUP, "[rules]\nuser-represented = \"error\"\n");
    assert_eq!(one(&reg, "user-represented", D).severity, "error");
    reg.replace(
        GROUP,
        "user-represented = \"error\"",
        "user-represented = \"warning\"",
    );
    assert_eq!(one(&reg, "user-represented", D).severity, "warning");
    reg.replace(
        GROUP,
        "user-represented = \"warning\"",
        "user-represented = \"off\"",
    );
    reg.replace(
        "registry.toml",
        "user-represented = \"off\"",
        "user-represented = \"error\"",
    );
    assert!(reg.rule("user-represented", D).is_empty());
}

#[test]
fn a_groups_rules_concern_that_group_only() {
    let reg = Reg::new();
    reg.replace(
        "people/bernt-bruker.toml",
        "gender = \"male\"",
        "gender = \"female\"",
    );
    reg.replace(
        "people/sara-sor.toml",
        "gender = \"female\"",
        "gender = \"male\"",
    );
    assert_eq!(reg.rule("gender-balance", D).len(), 2);
    reg.append(GROUP, "[rules]\ngender-balance = \"off\"\n");
    let f = one(&reg, "gender-balance", D);
    assert_eq!(f.group.as_deref(), Some("mun"));
}

#[test]
fn softened_findings_stay_warnings_at_level_error_and_off_silences_them() {
    let reg = Reg::new();
    reg.write(GROUP, NAT_GROUP.split("[[chair]]").next().unwrap());
    reg.append(GROUP, "[rules]\nchair-designated = \"error\"\n");
    assert_eq!(
        one(&reg, "chair-designated", "2026-03-01").severity,
        "warning"
    );
    reg.replace(GROUP, "\"error\"", "\"off\"");
    assert!(reg.rule("chair-designated", "2026-03-01").is_empty());
    // A softened annual-meeting finding, likewise.
    let reg = Reg::new();
    reg.remove("groups/nat/meetings/2026-03-10.md");
    reg.append("registry.toml", "[rules]\nannual-meeting = \"error\"\n");
    assert_eq!(one(&reg, "annual-meeting", D).severity, "warning");
    reg.replace("registry.toml", "\"error\"", "\"off\"");
    assert!(reg.rule("annual-meeting", D).is_empty());
}

#[test]
fn a_waiver_holds_while_d_is_on_or_before_until() {
    let reg = without_user();
    reg.append(
        GROUP,
        "[[waiver]]\nrule = \"user-represented\"\nreason = \"Brukerrepresentanten er under oppnevning.\"\nuntil = 2026-06-15\n",
    );
    assert!(reg.rule("user-represented", "2026-06-15").is_empty());
    let f = one(&reg, "user-represented", "2026-06-16");
    assert!(f.is("user-represented", "error", Some("nat"), MEMBERS));
}

#[test]
fn a_waiver_silences_only_its_rule_and_its_group() {
    let reg = without_user();
    remove_member(&reg, "mun", 1);
    reg.append(
        GROUP,
        "[[waiver]]\nrule = \"service-represented\"\nreason = \"Tjenesten omorganiseres.\"\nuntil = 2026-12-31\n",
    );
    assert_eq!(
        one(&reg, "user-represented", D).group.as_deref(),
        Some("nat")
    );
    reg.append(
        GROUP,
        "[[waiver]]\nrule = \"constituencies-represented\"\nreason = \"Feil gruppe.\"\nuntil = 2026-12-31\n",
    );
    assert_eq!(
        one(&reg, "constituencies-represented", D).group.as_deref(),
        Some("mun")
    );
}

#[test]
fn softened_vacancy_and_report_findings_stay_warnings_and_off_silences_both_kinds() {
    let reg = Reg::new();
    nat_since_2025(&reg);
    remove_member(&reg, "nat", 0);
    reg.append(
        "registry.toml",
        "[rules]\none-member-per-rhf = \"error\"\nannual-report = \"error\"\n",
    );
    // A vacancy since established (2025-01-01) is past its grace; one since a member left is not.
    assert_eq!(one(&reg, "one-member-per-rhf", D).severity, "error");
    let reg = Reg::new();
    nat_since_2025(&reg);
    edit_member(&reg, "nat", 0, |e| format!("{e}ended = 2026-06-01\n"));
    reg.append(
        "registry.toml",
        "[rules]\none-member-per-rhf = \"error\"\nannual-report = \"error\"\n",
    );
    assert_eq!(one(&reg, "one-member-per-rhf", D).severity, "warning");
    // Report parts missing before the due date: warnings; after: errors.
    let before: Vec<_> = reg.rule("annual-report", "2026-02-01");
    assert_eq!(before.len(), 5);
    assert!(before.iter().all(|f| f.severity == "warning"));
    assert!(
        reg.rule("annual-report", D)
            .iter()
            .all(|f| f.severity == "error")
    );
    // `off` silences the errors, the softened findings and the author check alike.
    nat_reports(&reg, 2025);
    reg.replace(
        "groups/nat/reports/2025/helse-vest.md",
        "author = \"vidar-vest\"",
        "author = \"nils-nord\"",
    );
    reg.remove("groups/nat/reports/2025/feedback.md");
    assert_eq!(reg.rule("annual-report", "2026-02-01").len(), 2);
    reg.replace(
        "registry.toml",
        "annual-report = \"error\"",
        "annual-report = \"off\"",
    );
    reg.replace(
        "registry.toml",
        "one-member-per-rhf = \"error\"",
        "one-member-per-rhf = \"off\"",
    );
    assert!(reg.rule("annual-report", "2026-02-01").is_empty());
    assert!(reg.rule("annual-report", D).is_empty());
    assert!(reg.rule("one-member-per-rhf", D).is_empty());
}
