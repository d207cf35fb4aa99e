//! Every text a rule produces exists in English and Norwegian and the two differ, except texts
//! made only of ids, paths, dates and numbers. Checked on a registry that breaks every rule, and
//! on a broken copy of registry-example.

use mandat::i18n::Lang;
use mandat::rule_id::RuleId;

use crate::builder::*;

/// A registry that breaks every rule at once.
pub fn kitchen_sink() -> Reg {
    let reg = Reg::new();
    let nat = "groups/nat/group.toml";
    let members = "groups/nat/members.toml";
    let meeting = "groups/nat/meetings/2026-03-10.md";
    reg.write("people/broken.toml", "name = \n");
    reg.write("people/Kari Nord.toml", "name = \"Kari Nord\"\n");
    reg.write("notes.txt", &format!("fnr {}\n", identity_number(false)));
    reg.replace(nat, "established = 2026-01-01", "established = 2025-01-01");
    reg.replace(nat, "person = \"nils-nord\"", "person = \"vidar-vest\"");
    reg.replace(
        nat,
        "designated-by = \"helse-bergen\"",
        "designated-by = \"unn\"",
    );
    reg.replace("people/vidar-vest.toml", "helse-stavanger", "helse-bergen");
    reg.replace("people/tone-tjeneste.toml", "helse-bergen", "ous");
    reg.replace("people/bernt-bruker.toml", "\"male\"", "\"female\"");
    reg.replace("people/mette-midt.toml", "st-olavs", "unn");
    // The file-level breakages sit in files no group names: a broken file a group depends on
    // would hold back its mandate rules (rules.md, second round).
    reg.write(
        "people/stray.toml",
        "name = \"Stray\"\nnotifyed = 2026-01-05\n",
    );
    edit_member(&reg, "nat", 1, |e| {
        e.replace("consented = 2025-11-10", "consented = 2025-10-10")
    });
    edit_member(&reg, "nat", 2, |e| {
        e.replace("appointed-by = \"helse-midt-norge\"\n", "")
    });
    edit_member(&reg, "nat", 3, |e| format!("{e}term-end = 2026-07-01\n"));
    edit_member(&reg, "nat", 4, |e| e.replace("notified = 2026-01-05\n", ""));
    remove_member(&reg, "nat", 5);
    reg.append(
        members,
        "[[member]]\nperson = \"reserve-person\"\nrole = \"regional\"\nregion = \"helse-sor-ost\"\nconsented = 2025-11-10\nleader-cleared = 2025-11-12\nappointed = 2026-02-01\nappointed-by = \"helse-sor-ost\"\nnotified = 2026-02-02\n",
    );
    reg.replace(meeting, "\"bjarne-bruker\"]", "\"elsa-eldre\"]");
    reg.write(
        "groups/nat/meetings/2026-04-01.md",
        "+++\ndate = 2026-04-01\nstatus = \"held\"\nmode = \"digital\"\n+++\nReferat.\n",
    );
    reg.write(
        "groups/nat/meetings/2026-05-01.md",
        "+++\ndate = 2026-05-01\nstatus = \"planned\"\nmode = \"digital\"\n+++\n",
    );
    let mun = "groups/mun/meetings/2026-03-12-oppstart.md";
    reg.replace(mun, "milestone = \"m1\"", "milestone = \"m9\"");
    reg.replace(mun, "to = \"styringsgruppen\"\n", "");
    reg.replace(
        "groups/mun/group.toml",
        "\"brukerradet\"]",
        "\"brukerradet\", \"parorende\"]",
    );
    reg
}

#[test]
fn the_kitchen_sink_breaks_every_rule() {
    let found = kitchen_sink().check(D);
    for rule in RuleId::ALL {
        assert!(
            found.iter().any(|f| f.rule == rule.as_str()),
            "{rule} is not reported: {found:#?}"
        );
    }
}

/// Whether a text has words beyond ids in backticks, paths, dates and numbers.
fn has_words(text: &str) -> bool {
    let mut plain = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            plain.push_str(part);
            plain.push(' ');
        }
    }
    plain
        .split_whitespace()
        .filter(|w| !w.contains('/') && !w.contains('.') && !w.contains('-'))
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 1)
}

fn assert_translated(reg: &Reg, at: &str) {
    let (diags, _) = reg.diagnostics(at);
    assert!(!diags.is_empty());
    for d in &diags {
        let mut texts = vec![("message", &d.message), ("help", &d.help)];
        texts.extend(d.notes.iter().map(|n| ("note", n)));
        for (what, text) in texts {
            let (en, nb) = (text.get(Lang::En), text.get(Lang::Nb));
            assert_eq!(
                en.is_empty(),
                nb.is_empty(),
                "{}: {what} missing in one language",
                d.rule
            );
            // A quoted clause of the mandate is Norwegian in both languages, as written.
            if what == "note" && en.contains('«') {
                continue;
            }
            if has_words(en) {
                assert_ne!(en, nb, "{}: the {what} is not translated: {en}", d.rule);
            }
        }
        assert!(!d.message.en.is_empty(), "{}: empty message", d.rule);
        assert!(!d.help.en.is_empty(), "{}: no help", d.rule);
    }
}

#[test]
fn every_rule_message_exists_in_both_languages_and_differs() {
    assert_translated(&kitchen_sink(), D);
    // Softened findings and their notes, too.
    assert_translated(&kitchen_sink(), "2026-02-01");
}

#[test]
fn messages_of_a_broken_example_are_translated() {
    let reg = Reg::example();
    reg.remove("groups/nkt-ms/reports/2025/feedback.md");
    reg.remove("groups/senja-omstilling/members.toml");
    reg.replace(
        "groups/nkt-ms/group.toml",
        "person = \"silje-pedersen\"",
        "person = \"ola-ukjent\"",
    );
    assert_translated(&reg, "2026-11-22");
    assert_translated(&reg, "2026-01-15");
}

#[test]
fn the_human_output_follows_the_language() {
    let reg = kitchen_sink();
    let en = reg.human(D, Lang::En);
    let nb = reg.human(D, Lang::Nb);
    assert_ne!(en, nb);
    assert_eq!(en.matches("error[").count(), nb.matches("error[").count());
    assert!(en.contains("help:") && nb.contains("help:"));
}
