//! Profile `advisory` (format.md, second round): a centre council or a hospital's external
//! reference group. It needs only name, profile and established, and only the rules for every
//! profile apply to it.

use crate::builder::*;

const GROUP: &str = "groups/rad/group.toml";
const MEMBERS: &str = "groups/rad/members.toml";

/// The base registry with an advisory group of two members (a man and a woman).
fn with_council() -> Reg {
    let reg = Reg::new();
    reg.write(
        GROUP,
        "name = \"Brukerrådet ved senteret\"\nprofile = \"advisory\"\nestablished = 2026-01-01\n",
    );
    reg.write(
        MEMBERS,
        "[[member]]\nperson = \"sara-sor\"\nrole = \"regional\"\nregion = \"helse-sor-ost\"\nconsented = 2025-12-01\nleader-cleared = 2025-12-02\nappointed = 2026-01-01\nappointed-by = \"ous\"\n\n[[member]]\nperson = \"bjarne-bruker\"\nrole = \"user\"\norganisation = \"ffo\"\nconsented = 2025-12-01\nappointed = 2026-01-01\nappointed-by = \"helse-sor-ost\"\n",
    );
    reg
}

#[test]
fn an_advisory_group_needs_only_name_profile_and_established() {
    // No chair, no regions, no service, no meetings, no reports: nothing the mandates ask is
    // asked of it.
    with_council().assert_clean(D);
}

#[test]
fn an_advisory_group_gets_the_rules_for_every_profile() {
    let reg = with_council();
    // appointed-by: any organisation or region; anything else is appointment-process.
    reg.replace(
        MEMBERS,
        "appointed-by = \"ous\"",
        "appointed-by = \"styret\"",
    );
    let f = one(&reg, "appointment-process", D);
    assert!(f.is("appointment-process", "error", Some("rad"), MEMBERS));
    assert!(
        f.en.contains("neither an organisation nor a region"),
        "{f:#?}"
    );
    // A held meeting without minutes.
    reg.write(
        "groups/rad/meetings/2026-03-01.md",
        "+++\ndate = 2026-03-01\nstatus = \"held\"\nmode = \"digital\"\nattendees = [\"sara-sor\"]\n+++\n# Referat\n",
    );
    let f = one(&reg, "minutes-recorded", D);
    assert!(f.is(
        "minutes-recorded",
        "error",
        Some("rad"),
        "groups/rad/meetings/2026-03-01.md"
    ));
    // Gender balance: two women of two (Bjarne sits in the national group too).
    reg.replace("people/bjarne-bruker.toml", "\"male\"", "\"female\"");
    let found = reg.rule("gender-balance", D);
    let f = found
        .iter()
        .find(|f| f.group.as_deref() == Some("rad"))
        .expect("gender-balance in rad");
    assert!(f.is("gender-balance", "warning", Some("rad"), MEMBERS));
    // The national rules never speak about it.
    let national = [
        "one-member-per-rhf",
        "service-represented",
        "chair-designated",
        "annual-meeting",
        "annual-report",
        "regional-member-from-region",
        "constituencies-represented",
    ];
    reg.replace("people/sara-sor.toml", "ous", "unn");
    let found = reg.check(D);
    assert!(
        !found
            .iter()
            .any(|f| f.group.as_deref() == Some("rad") && national.contains(&f.rule.as_str())),
        "{found:#?}"
    );
}

#[test]
fn an_advisory_groups_owner_is_any_known_organisation() {
    let reg = with_council();
    reg.append(GROUP, "owner = \"ffo\"\n");
    reg.assert_clean(D);
    reg.replace(GROUP, "owner = \"ffo\"", "owner = \"nowhere\"");
    let f = one(&reg, "references", D);
    assert!(f.is("references", "error", Some("rad"), GROUP));
}
