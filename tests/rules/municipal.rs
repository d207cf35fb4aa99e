//! Rules of the municipal-advisory profile, and the profile boundary.

use crate::builder::*;

const GROUP: &str = "groups/mun/group.toml";

#[test]
fn every_constituency_has_an_active_member() {
    let reg = Reg::new();
    assert!(reg.rule("constituencies-represented", D).is_empty());
    edit_member(&reg, "mun", 1, |s| format!("{s}ended = 2026-05-31\n"));
    assert!(
        reg.rule("constituencies-represented", "2026-05-31")
            .is_empty()
    );
    let f = one(&reg, "constituencies-represented", D);
    assert!(f.is("constituencies-represented", "error", Some("mun"), GROUP));
    at_value(&reg, &f, GROUP, "\"brukerradet\"");
}

#[test]
fn a_past_milestone_has_a_held_meeting() {
    let reg = Reg::new();
    assert!(reg.rule("milestone-meeting", D).is_empty());
    reg.append(
        GROUP,
        "[[milestone]]\nid = \"m2\"\nname = \"Forslag\"\ndate = 2026-05-20\n",
    );
    assert!(reg.rule("milestone-meeting", "2026-05-20").is_empty());
    let f = one(&reg, "milestone-meeting", D);
    assert!(f.is("milestone-meeting", "error", Some("mun"), GROUP));
    let (line, column) = nth_position(&reg.read(GROUP), "[[milestone]]", 1);
    assert_eq!((f.line, f.column), (Some(line), Some(column)), "{f:#?}");
    // A cancelled meeting for it does not count; a held one does.
    let meeting = "groups/mun/meetings/2026-05-20.md";
    reg.write(
        meeting,
        &MUN_MEETING
            .replace("2026-03-12", "2026-05-20")
            .replace("\"m1\"", "\"m2\"")
            .replace("\"held\"", "\"cancelled\""),
    );
    assert_eq!(reg.rule("milestone-meeting", D).len(), 1);
    reg.replace(meeting, "\"cancelled\"", "\"held\"");
    assert!(reg.rule("milestone-meeting", D).is_empty());
}

#[test]
fn an_unknown_milestone_in_a_meeting_is_a_reference() {
    let reg = Reg::new();
    let meeting = "groups/mun/meetings/2026-03-12-oppstart.md";
    reg.replace(meeting, "milestone = \"m1\"", "milestone = \"m9\"");
    let f = one(&reg, "references", D);
    assert!(f.is("references", "error", Some("mun"), meeting));
    at_value(&reg, &f, meeting, "\"m9\"");
    assert_eq!(
        one(&reg, "milestone-meeting", D).group.as_deref(),
        Some("mun")
    );
}

#[test]
fn rules_of_the_other_profile_never_apply() {
    let reg = Reg::new();
    // The municipal group has no regional, service or user member and no chair; the national
    // group has no constituencies or milestones, and its meeting has no milestone.
    let national_only = [
        "one-member-per-rhf",
        "host-region-other-hf",
        "service-represented",
        "user-represented",
        "chair-designated",
        "chair-outside-host-region",
        "annual-meeting",
        "annual-report",
        "appointment-notified",
    ];
    // Give the municipal group a past year and an unannounced, badly appointed seat.
    reg.replace(
        GROUP,
        "established = 2026-01-01",
        "established = 2024-01-01",
    );
    reg.append(
        GROUP,
        "[[chair]]\nperson = \"reserve-person\"\ndesignated-by = \"ous\"\nfrom = 2024-01-01\n",
    );
    reg.append(
        "groups/mun/members.toml",
        "[[member]]\nperson = \"reserve-person\"\nrole = \"regional\"\nregion = \"helse-vest\"\nconsented = 2024-01-01\nleader-cleared = 2024-01-01\nappointed = 2024-01-01\nappointed-by = \"senja-kommune\"\n",
    );
    let found = reg.check(D);
    let mun: Vec<_> = found
        .iter()
        .filter(|f| f.group.as_deref() == Some("mun"))
        .collect();
    assert!(
        mun.iter()
            .all(|f| !national_only.contains(&f.rule.as_str())),
        "{mun:#?}"
    );
    // And the other way: constituency rules never touch the national group, even with a
    // `constituencies` list (which its profile does not use).
    let reg = Reg::new();
    reg.replace(
        "groups/nat/meetings/2026-03-10.md",
        "mode = \"digital\"",
        "mode = \"digital\"\nmilestone = \"m1\"",
    );
    let nat: Vec<_> = reg
        .check(D)
        .into_iter()
        .filter(|f| f.group.as_deref() == Some("nat"))
        .collect();
    assert!(
        nat.iter().all(
            |f| !["constituencies-represented", "milestone-meeting"].contains(&f.rule.as_str())
        ),
        "{nat:#?}"
    );
}
