//! Rules of the national-service profile.

use crate::builder::*;

const GROUP: &str = "groups/nat/group.toml";
const MEMBERS: &str = "groups/nat/members.toml";
// Members of the base group, in file order.
const SOR: usize = 0;
const VEST: usize = 1;
const NORD: usize = 3;
const SERVICE: usize = 4;
const USER: usize = 5;

fn end_member(reg: &Reg, n: usize, day: &str) {
    edit_member(reg, "nat", n, |s| format!("{s}ended = {day}\n"));
}

#[test]
fn a_vacancy_is_a_warning_within_grace_after_established_then_an_error() {
    let reg = Reg::new();
    assert!(reg.rule("one-member-per-rhf", D).is_empty());
    remove_member(&reg, "nat", SOR);
    // established 2026-01-01 + 90 days = 2026-04-01.
    let f = one(&reg, "one-member-per-rhf", "2026-04-01");
    assert!(f.is("one-member-per-rhf", "warning", Some("nat"), MEMBERS));
    at_file_start(&f, MEMBERS);
    assert!(f.en.contains("Helse Sør-Øst RHF"), "{f:#?}");
    let f = one(&reg, "one-member-per-rhf", "2026-04-02");
    assert!(f.is("one-member-per-rhf", "error", Some("nat"), MEMBERS));
}

#[test]
fn a_vacancy_is_a_warning_within_grace_after_the_previous_members_last_day() {
    let reg = Reg::new();
    end_member(&reg, SOR, "2026-05-01");
    // 2026-05-01 + 90 days = 2026-07-30.
    assert!(reg.rule("one-member-per-rhf", "2026-05-01").is_empty());
    let f = one(&reg, "one-member-per-rhf", "2026-07-30");
    assert!(f.is("one-member-per-rhf", "warning", Some("nat"), MEMBERS));
    let f = one(&reg, "one-member-per-rhf", "2026-07-31");
    assert!(f.is("one-member-per-rhf", "error", Some("nat"), MEMBERS));
    reg.replace(
        "registry.toml",
        "[registry]\n",
        "[registry]\nvacancy-grace-days = 10\n",
    );
    let f = one(&reg, "one-member-per-rhf", "2026-05-12");
    assert!(f.is("one-member-per-rhf", "error", Some("nat"), MEMBERS));
    let f = one(&reg, "one-member-per-rhf", "2026-05-11");
    assert!(f.is("one-member-per-rhf", "warning", Some("nat"), MEMBERS));
}

#[test]
fn a_vacancy_points_at_group_toml_when_there_is_no_members_toml() {
    let reg = Reg::new();
    reg.remove(MEMBERS);
    let found = reg.rule("one-member-per-rhf", D);
    assert_eq!(found.len(), 4, "{found:#?}");
    for f in &found {
        assert!(
            f.is("one-member-per-rhf", "error", Some("nat"), GROUP),
            "{f:#?}"
        );
        at_file_start(f, GROUP);
    }
    let f = one(&reg, "user-represented", D);
    at_file_start(&f, GROUP);
}

#[test]
fn each_extra_regional_member_is_reported_at_its_seat() {
    let reg = Reg::new();
    let extra = "[[member]]\nperson = \"reserve-person\"\nrole = \"regional\"\nregion = \"helse-sor-ost\"\nconsented = 2025-11-10\nleader-cleared = 2025-11-12\nappointed = 2026-02-01\nappointed-by = \"helse-sor-ost\"\nnotified = 2026-02-02\n";
    reg.append(MEMBERS, extra);
    reg.append(MEMBERS, &extra.replace("reserve-person", "tone-tjeneste"));
    let found = reg.rule("one-member-per-rhf", D);
    assert_eq!(found.len(), 2, "{found:#?}");
    for (f, n) in found.iter().zip([6, 7]) {
        assert!(f.is("one-member-per-rhf", "error", Some("nat"), MEMBERS));
        at_member(&reg, f, "nat", n);
    }
    assert!(
        found[0].en.contains("Sara Sør") && found[0].en.contains("Rita Reserve"),
        "{found:#?}"
    );
    // Before the extra seats began, there is one member.
    assert!(reg.rule("one-member-per-rhf", "2026-01-31").is_empty());
}

#[test]
fn host_region_member_from_the_host_hf_is_a_warning() {
    let reg = Reg::new();
    assert!(reg.rule("host-region-other-hf", D).is_empty());
    reg.replace("people/vidar-vest.toml", "helse-stavanger", "helse-bergen");
    let f = one(&reg, "host-region-other-hf", D);
    assert!(f.is("host-region-other-hf", "warning", Some("nat"), MEMBERS));
    at_member(&reg, &f, "nat", VEST);
}

#[test]
fn service_represented_by_an_active_member_from_a_host_hf() {
    let reg = Reg::new();
    assert!(reg.rule("service-represented", D).is_empty());
    reg.replace("people/tone-tjeneste.toml", "helse-bergen", "ous");
    let f = one(&reg, "service-represented", D);
    assert!(f.is("service-represented", "error", Some("nat"), MEMBERS));
    at_member(&reg, &f, "nat", SERVICE);
    // Once that member has ended, only the missing seat is reported, at members.toml.
    end_member(&reg, SERVICE, "2026-05-31");
    let f = one(&reg, "service-represented", D);
    at_file_start(&f, MEMBERS);
    assert!(reg.rule("service-represented", "2026-05-31").len() == 1);
}

#[test]
fn user_represented() {
    let reg = Reg::new();
    assert!(reg.rule("user-represented", D).is_empty());
    end_member(&reg, USER, "2026-06-14");
    let f = one(&reg, "user-represented", D);
    assert!(f.is("user-represented", "error", Some("nat"), MEMBERS));
    at_file_start(&f, MEMBERS);
    assert!(reg.rule("user-represented", "2026-06-14").is_empty());
}

#[test]
fn no_chair_is_a_warning_within_grace_after_established_then_an_error() {
    let reg = Reg::new();
    assert!(reg.rule("chair-designated", D).is_empty());
    reg.write(GROUP, NAT_GROUP.split("[[chair]]").next().unwrap());
    let f = one(&reg, "chair-designated", "2026-04-01");
    assert!(f.is("chair-designated", "warning", Some("nat"), GROUP));
    at_file_start(&f, GROUP);
    let f = one(&reg, "chair-designated", "2026-04-02");
    assert!(f.is("chair-designated", "error", Some("nat"), GROUP));
    // With no chair, chair-outside-host-region says nothing.
    assert!(
        reg.rule("chair-outside-host-region", "2026-04-02")
            .is_empty()
    );
}

#[test]
fn no_chair_is_a_warning_within_grace_after_the_previous_chairs_last_day() {
    let reg = Reg::new();
    reg.replace(
        GROUP,
        "from = 2026-01-01\n",
        "from = 2026-01-01\nto = 2026-05-31\n",
    );
    // 2026-05-31 + 90 days = 2026-08-29.
    let f = one(&reg, "chair-designated", "2026-08-29");
    assert!(f.is("chair-designated", "warning", Some("nat"), GROUP));
    let f = one(&reg, "chair-designated", "2026-08-30");
    assert!(f.is("chair-designated", "error", Some("nat"), GROUP));
}

#[test]
fn several_chairs_are_one_error_at_the_second_term() {
    let reg = Reg::new();
    reg.append(
        GROUP,
        "[[chair]]\nperson = \"sara-sor\"\ndesignated-by = \"helse-bergen\"\nfrom = 2026-03-01\n",
    );
    let f = one(&reg, "chair-designated", D);
    assert!(f.is("chair-designated", "error", Some("nat"), GROUP));
    let (line, column) = nth_position(&reg.read(GROUP), "[[chair]]", 1);
    assert_eq!((f.line, f.column), (Some(line), Some(column)), "{f:#?}");
    assert!(reg.rule("chair-outside-host-region", D).is_empty());
    assert!(reg.rule("chair-designated", "2026-02-28").is_empty());
}

#[test]
fn the_chair_is_designated_by_the_responsible_hf() {
    let reg = Reg::new();
    reg.replace(
        GROUP,
        "designated-by = \"helse-bergen\"",
        "designated-by = \"unn\"",
    );
    let f = one(&reg, "chair-designated", D);
    assert!(f.is("chair-designated", "error", Some("nat"), GROUP));
    at_value(&reg, &f, GROUP, "\"unn\"");
}

#[test]
fn the_chair_is_an_active_member() {
    let reg = Reg::new();
    reg.replace(
        GROUP,
        "person = \"nils-nord\"",
        "person = \"reserve-person\"",
    );
    let f = one(&reg, "chair-designated", D);
    assert!(f.is("chair-designated", "error", Some("nat"), GROUP));
    at_value(&reg, &f, GROUP, "\"reserve-person\"");
    // The chair is not a regional member either.
    let f = one(&reg, "chair-outside-host-region", D);
    at_value(&reg, &f, GROUP, "\"reserve-person\"");
}

#[test]
fn the_chair_comes_from_outside_the_host_region() {
    let reg = Reg::new();
    assert!(reg.rule("chair-outside-host-region", D).is_empty());
    reg.replace(GROUP, "person = \"nils-nord\"", "person = \"vidar-vest\"");
    let f = one(&reg, "chair-outside-host-region", D);
    assert!(f.is("chair-outside-host-region", "error", Some("nat"), GROUP));
    at_value(&reg, &f, GROUP, "\"vidar-vest\"");
    // The service's own member is not a regional member.
    let reg = Reg::new();
    reg.replace(
        GROUP,
        "person = \"nils-nord\"",
        "person = \"tone-tjeneste\"",
    );
    let f = one(&reg, "chair-outside-host-region", D);
    at_value(&reg, &f, GROUP, "\"tone-tjeneste\"");
}

#[test]
fn a_multiregional_service_has_several_host_regions() {
    let reg = Reg::new();
    reg.replace(
        GROUP,
        "host = [\"helse-bergen\"]",
        "host = [\"helse-bergen\", \"unn\"]",
    );
    let f = one(&reg, "chair-outside-host-region", D);
    assert!(f.is("chair-outside-host-region", "error", Some("nat"), GROUP));
    assert!(f.en.contains("Helse Nord RHF"), "{f:#?}");
    // A service member employed at either host HF is fine; the regional member from UNN now
    // works at a host HF of a host region.
    assert!(reg.rule("service-represented", D).is_empty());
    let f = one(&reg, "host-region-other-hf", D);
    at_member(&reg, &f, "nat", NORD);
}

#[test]
fn annual_meeting_for_each_past_year_wholly_inside_the_groups_life() {
    let reg = Reg::new();
    reg.replace(
        GROUP,
        "established = 2026-01-01",
        "established = 2024-03-01",
    );
    // 2024 began before the group; 2025 had no held meeting.
    let found = reg.rule("annual-meeting", D);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].is("annual-meeting", "error", Some("nat"), GROUP));
    at_file_start(&found[0], GROUP);
    assert!(found[0].en.contains("2025"));
    reg.replace(
        GROUP,
        "established = 2024-03-01",
        "established = 2024-01-01",
    );
    assert_eq!(reg.rule("annual-meeting", D).len(), 2);
    // history-from: years whose 1 January is before it are not checked.
    reg.replace(
        "registry.toml",
        "[registry]\n",
        "[registry]\nhistory-from = 2025-01-01\n",
    );
    assert_eq!(reg.rule("annual-meeting", D).len(), 1);
    reg.replace(
        "registry.toml",
        "history-from = 2025-01-01",
        "history-from = 2025-01-02",
    );
    assert!(reg.rule("annual-meeting", D).is_empty());
    // A held meeting in the year passes it.
    reg.replace(
        "registry.toml",
        "history-from = 2025-01-02",
        "history-from = 2025-01-01",
    );
    reg.write(
        "groups/nat/meetings/2025-11-01.md",
        &NAT_MEETING.replace("2026-03-10", "2025-11-01"),
    );
    assert!(reg.rule("annual-meeting", D).is_empty());
    // A cancelled one does not.
    reg.replace(
        "groups/nat/meetings/2025-11-01.md",
        "status = \"held\"",
        "status = \"cancelled\"",
    );
    assert_eq!(reg.rule("annual-meeting", D).len(), 1);
}

#[test]
fn annual_meeting_in_the_year_of_d() {
    let reg = Reg::new();
    reg.remove("groups/nat/meetings/2026-03-10.md");
    let f = one(&reg, "annual-meeting", D);
    assert!(f.is("annual-meeting", "warning", Some("nat"), GROUP));
    at_file_start(&f, GROUP);
    // Planned on or after D: nothing to say.
    let planned = "+++\ndate = 2026-06-15\nstatus = \"planned\"\nmode = \"digital\"\n+++\n";
    reg.write("groups/nat/meetings/2026-06-15.md", planned);
    assert!(reg.rule("annual-meeting", D).is_empty());
    // Planned before D, or in the next year, does not count.
    assert_eq!(reg.rule("annual-meeting", "2026-06-16").len(), 1);
    reg.remove("groups/nat/meetings/2026-06-15.md");
    reg.write(
        "groups/nat/meetings/2027-01-10.md",
        &planned.replace("2026-06-15", "2027-01-10"),
    );
    assert_eq!(reg.rule("annual-meeting", D).len(), 1);
    // A held meeting after D counts as held, and is a dates error.
    reg.write(
        "groups/nat/meetings/2026-09-01.md",
        &NAT_MEETING.replace("2026-03-10", "2026-09-01"),
    );
    assert!(reg.rule("annual-meeting", D).is_empty());
    assert_eq!(reg.rule("dates", D).len(), 1);
}

#[test]
fn annual_meeting_in_the_year_of_d_only_when_the_group_existed_on_1_january() {
    let reg = Reg::new();
    reg.remove("groups/nat/meetings/2026-03-10.md");
    reg.replace(
        GROUP,
        "established = 2026-01-01",
        "established = 2026-01-02",
    );
    assert!(reg.rule("annual-meeting", D).is_empty());
}

#[test]
fn annual_report_missing_parts_are_warnings_until_the_due_date_then_errors() {
    let reg = Reg::new();
    nat_since_2025(&reg);
    let found = reg.rule("annual-report", "2026-02-10");
    assert_eq!(
        found.len(),
        5,
        "one diagnostic per missing file: {found:#?}"
    );
    for f in &found {
        assert!(
            f.is("annual-report", "warning", Some("nat"), GROUP),
            "{f:#?}"
        );
        at_file_start(f, GROUP);
    }
    let found = reg.rule("annual-report", "2026-02-11");
    assert_eq!(found.len(), 5, "{found:#?}");
    assert!(found.iter().all(|f| f.severity == "error"));
    let texts: Vec<&str> = found.iter().map(|f| f.en.as_str()).collect();
    for part in [
        "helse-sor-ost.md",
        "helse-vest.md",
        "helse-midt-norge.md",
        "helse-nord.md",
        "feedback.md",
    ] {
        assert!(
            texts.iter().any(|t| t.contains(part)),
            "{part} missing from {texts:#?}"
        );
    }
    nat_reports(&reg, 2025);
    reg.assert_clean(D);
    reg.remove("groups/nat/reports/2025/feedback.md");
    let f = one(&reg, "annual-report", D);
    assert!(f.en.contains("feedback.md"));
    // A feedback of only a heading and comments (a kickoff stub) is still missing.
    reg.write(
        "groups/nat/reports/2025/feedback.md",
        "+++\nyear = 2025\nauthor = \"nils-nord\"\n+++\n# Tilbakemelding 2025\n<!-- Skriv tilbakemeldingen her. -->\n",
    );
    let f = one(&reg, "annual-report", D);
    assert!(f.is("annual-report", "error", Some("nat"), GROUP));
    assert!(f.en.contains("feedback.md"), "{f:#?}");
    // report-due moves the due date.
    reg.replace(
        "registry.toml",
        "[registry]\n",
        "[registry]\nreport-due = \"03-31\"\n",
    );
    assert_eq!(one(&reg, "annual-report", "2026-03-31").severity, "warning");
    assert_eq!(one(&reg, "annual-report", "2026-04-01").severity, "error");
}

#[test]
fn annual_report_section_author_was_the_regions_member_that_year() {
    let reg = Reg::new();
    nat_since_2025(&reg);
    nat_reports(&reg, 2025);
    let file = "groups/nat/reports/2025/helse-vest.md";
    reg.replace(file, "author = \"vidar-vest\"", "author = \"nils-nord\"");
    let f = one(&reg, "annual-report", D);
    assert!(f.is("annual-report", "warning", Some("nat"), file));
    at_value(&reg, &f, file, "\"nils-nord\"");
    // Even at level error, the author finding stays a warning.
    reg.append(GROUP, "[rules]\nannual-report = \"error\"\n");
    assert_eq!(one(&reg, "annual-report", D).severity, "warning");
    // A member for part of the year is enough.
    let reg = Reg::new();
    nat_since_2025(&reg);
    nat_reports(&reg, 2025);
    edit_member(&reg, "nat", VEST, |s| format!("{s}ended = 2025-01-01\n"));
    assert!(reg.rule("annual-report", D).is_empty());
}

#[test]
fn appointment_notified_after_thirty_days() {
    let reg = Reg::new();
    edit_member(&reg, "nat", SOR, |s| {
        s.replace("notified = 2026-01-05\n", "")
    });
    // Appointed 2026-01-01; 30 days later is 2026-01-31.
    assert!(reg.rule("appointment-notified", "2026-01-31").is_empty());
    let f = one(&reg, "appointment-notified", "2026-02-01");
    assert!(f.is("appointment-notified", "warning", Some("nat"), MEMBERS));
    at_member(&reg, &f, "nat", SOR);
    end_member(&reg, SOR, "2026-03-01");
    assert!(reg.rule("appointment-notified", D).is_empty());
}

#[test]
fn a_dissolved_group_keeps_only_file_level_rules_and_its_past_years() {
    let reg = Reg::new();
    nat_since_2025(&reg);
    nat_reports(&reg, 2025);
    reg.replace(
        GROUP,
        "established = 2025-01-01",
        "established = 2024-01-01\ndissolved = 2025-12-31",
    );
    remove_member(&reg, "nat", USER);
    reg.remove("groups/nat/meetings/2026-03-10.md");
    // Before dissolution the missing user member is reported; after it, not.
    assert_eq!(reg.rule("user-represented", "2025-12-31").len(), 1);
    let found = reg.check(D);
    let nat: Vec<_> = found
        .iter()
        .filter(|f| f.group.as_deref() == Some("nat"))
        .collect();
    // 2024 lay wholly inside its life: no meeting, no report parts (4 sections + feedback).
    assert_eq!(
        nat.iter().filter(|f| f.rule == "annual-meeting").count(),
        1,
        "{nat:#?}"
    );
    assert_eq!(
        nat.iter().filter(|f| f.rule == "annual-report").count(),
        5,
        "{nat:#?}"
    );
    assert!(
        nat.iter()
            .all(|f| ["annual-meeting", "annual-report"].contains(&f.rule.as_str())),
        "{nat:#?}"
    );
    // File-level rules still apply.
    reg.replace(MEMBERS, "consented = 2024-11-10", "consented = 2024-10-10");
    assert_eq!(reg.rule("dates", D).len(), 1);
}

#[test]
fn absurd_day_counts_in_registry_toml_do_not_panic() {
    for setting in [
        "vacancy-grace-days = 100000000000000",
        "input-followup-days = 100000000000000",
        "input-followup-days = -100000000000000",
    ] {
        let reg = Reg::new();
        reg.write(GROUP, NAT_GROUP.split("[[chair]]").next().unwrap());
        remove_member(&reg, "nat", SOR);
        reg.replace(
            "groups/nat/meetings/2026-03-10.md",
            "status = \"forwarded\"\nto = \"tjenesten\"",
            "status = \"open\"",
        );
        reg.replace(
            "registry.toml",
            "[registry]\n",
            &format!("[registry]\n{setting}\n"),
        );
        let found = reg.check(D);
        // A value the schema refuses holds back the mandate rules of every group (rules.md,
        // second round); a value it accepts must not make them panic.
        if found.iter().any(|f| f.rule == "schema") {
            assert!(
                !found.iter().any(|f| f.rule == "one-member-per-rhf"),
                "{setting}: {found:#?}"
            );
            continue;
        }
        assert!(
            found.iter().any(|f| f.rule == "one-member-per-rhf"),
            "{setting}: {found:#?}"
        );
        assert!(
            found.iter().any(|f| f.rule == "chair-designated"),
            "{setting}: {found:#?}"
        );
    }
}

#[test]
fn regional_member_from_region_passes_when_the_employer_lies_in_the_region() {
    let reg = Reg::new();
    assert!(reg.rule("regional-member-from-region", D).is_empty());
    // No employer, or an employer without a region: nothing to judge.
    reg.replace("people/sara-sor.toml", "employer = \"ous\"\n", "");
    assert!(reg.rule("regional-member-from-region", D).is_empty());
    reg.replace(
        "people/sara-sor.toml",
        "name = ",
        "employer = \"sykehuspartner\"\nname = ",
    );
    assert!(reg.rule("regional-member-from-region", D).is_empty());
}

#[test]
fn regional_member_from_region_fails_for_an_employer_in_another_region() {
    let reg = Reg::new();
    // Mette Midt represents Helse Midt-Norge but works at UNN (Helse Nord).
    reg.replace("people/mette-midt.toml", "st-olavs", "unn");
    let f = one(&reg, "regional-member-from-region", D);
    assert!(f.is("regional-member-from-region", "error", Some("nat"), MEMBERS));
    at_member(&reg, &f, "nat", 2);
    assert!(
        f.en.contains(
            "Mette Midt represents Helse Midt-Norge RHF, but works at Universitetssykehuset Nord-Norge HF, which lies in Helse Nord RHF"
        ),
        "{f:#?}"
    );
    assert!(
        f.nb.contains("Mette Midt representerer Helse Midt-Norge RHF, men arbeider ved Universitetssykehuset Nord-Norge HF, som ligger i Helse Nord RHF"),
        "{f:#?}"
    );
    // An ended seat is not judged.
    edit_member(&reg, "nat", 2, |e| format!("{e}ended = 2026-02-01\n"));
    assert!(reg.rule("regional-member-from-region", D).is_empty());
}

#[test]
fn appointment_process_help_says_which_of_region_employer_and_appointer_disagrees() {
    // `region` alone is wrong: appointed-by and the employer (OUS) both point to Helse Sør-Øst.
    let reg = Reg::new();
    edit_member(&reg, "nat", SOR, |e| {
        e.replace("region = \"helse-sor-ost\"", "region = \"helse-vest\"")
    });
    let f = one(&reg, "appointment-process", D);
    assert!(f.is("appointment-process", "error", Some("nat"), MEMBERS));
    assert!(
        f.help_en.contains("`region` (Helse Vest RHF) disagrees with both `appointed-by` and the employer, Oslo universitetssykehus HF, which lie in Helse Sør-Øst RHF"),
        "{f:#?}"
    );
    assert!(
        !f.help_en.starts_with("the appointment must be made by"),
        "{f:#?}"
    );
    // `appointed-by` alone is wrong.
    let reg = Reg::new();
    edit_member(&reg, "nat", SOR, |e| {
        e.replace(
            "appointed-by = \"helse-sor-ost\"",
            "appointed-by = \"helse-vest\"",
        )
    });
    let f = one(&reg, "appointment-process", D);
    assert!(
        f.help_en.contains("`appointed-by` (Helse Vest RHF) disagrees with both `region` and the employer, Oslo universitetssykehus HF, which lie in Helse Sør-Øst RHF: set `appointed-by = \"helse-sor-ost\"`"),
        "{f:#?}"
    );
    // The employer alone is wrong: appointment-process is satisfied, regional-member-from-region
    // speaks.
    let reg = Reg::new();
    reg.replace("people/sara-sor.toml", "ous", "unn");
    assert!(reg.rule("appointment-process", D).is_empty());
    one(&reg, "regional-member-from-region", D);
}

#[test]
fn a_group_level_finding_points_at_the_first_key_not_a_comment_on_line_1() {
    let reg = Reg::new();
    reg.write(
        GROUP,
        &format!(
            "# Gruppen for testtjenesten.\n\n{}",
            NAT_GROUP.split("[[chair]]").next().unwrap()
        ),
    );
    let f = one(&reg, "chair-designated", D);
    assert!(
        f.is("chair-designated", "error", Some("nat"), GROUP),
        "{f:#?}"
    );
    assert_eq!((f.line, f.column), (Some(3), Some(1)), "{f:#?}");
}
