//! `mandat explain RULE`: the rule's purpose, the clause it enforces, and what to do.

use crate::cli::ExplainArgs;
use crate::i18n::{Lang, pick};
use crate::registry::read::levenshtein;
use crate::rule_id::RuleId;
use crate::rule_id::{Applies, RuleMeta};

use super::{Env, Outcome, print};

pub fn run(args: &ExplainArgs, env: &Env) -> anyhow::Result<Outcome> {
    let reg = env.root().ok().and_then(|root| {
        crate::registry::load(&root, &crate::registry::Scope::Groups(Default::default())).ok()
    });
    let lang = env.lang_of(reg.as_ref().map(|l| &l.registry));
    // Rule ids are lower case; `ONE-MEMBER-PER-RHF` copied from a document means the same rule.
    let Some(id) = RuleId::parse(&args.rule.trim().to_lowercase()) else {
        // Ids that contain what was typed (`chair` → chair-designated) come first, then the
        // closest by edit distance.
        let typed = args.rule.trim().to_lowercase();
        let mut near: Vec<(bool, usize, &str)> = RuleId::ALL
            .iter()
            .map(|r| {
                // `onemember` and `one member` find one-member-per-rhf too.
                let bare = |t: &str| t.replace(['-', ' ', '_'], "");
                (
                    !bare(r.as_str()).contains(&bare(&typed)),
                    levenshtein(&typed, r.as_str()),
                    r.as_str(),
                )
            })
            .collect();
        near.sort();
        // When some ids contain what was typed, those are the suggestions (not `pii` after two
        // chair rules); otherwise the three closest.
        let containing = near.iter().filter(|(far, ..)| !far).count();
        let n = if containing > 0 { containing.min(3) } else { 3 };
        let list: Vec<&str> = near.iter().take(n).map(|(_, _, id)| *id).collect();
        let nearest = match list.as_slice() {
            [one] => format!("{} `{one}`?", pick(lang, "did you mean", "mente du")),
            _ => format!(
                "{} {}",
                pick(lang, "the nearest are", "de nærmeste er"),
                list.join(", ")
            ),
        };
        anyhow::bail!(
            "{} `{}`; {nearest} ({})",
            pick(lang, "unknown rule", "ukjent regel"),
            args.rule,
            pick(
                lang,
                "`mandat rules` lists them all",
                "`mandat rules` viser alle"
            )
        );
    };
    print(&explain(&crate::rules::rule(id).meta, lang))?;
    Ok(Outcome::Ok)
}

/// The full text of a rule.
pub fn explain(rule: &RuleMeta, lang: Lang) -> String {
    let level = rule.default.word(lang);
    let applies = match (rule.applies, lang) {
        (Applies::Every, Lang::En) => format!("default level {level}, in every group"),
        (Applies::Every, Lang::Nb) => format!("standardnivå {level}, i alle grupper"),
        (Applies::Only(p), Lang::En) => {
            format!("default level {level}, in {} groups only", p.as_str())
        }
        (Applies::Only(p), Lang::Nb) => {
            format!("standardnivå {level}, bare i {}-grupper", p.as_str())
        }
    };
    let mut out = format!("{}: {}\n\n", rule.id, rule.summary.get(lang));
    out.push_str(&format!("{applies}\n\n"));
    out.push_str(&format!(
        "{}\n{}\n\n",
        pick(lang, "Why:", "Hvorfor:"),
        rule.purpose.get(lang)
    ));
    if !rule.clauses.is_empty() {
        out.push_str(pick(
            lang,
            "The clause it enforces:\n",
            "Bestemmelsen regelen håndhever:\n",
        ));
        for c in rule.clauses {
            out.push_str(&format!("  {}: «{}»\n", c.source, c.text));
        }
        out.push_str(pick(
            lang,
            "  (M = the RHFs' mandate for reference groups of national services; S = Senja kommune's presentation of its reference group)\n\n",
            "  (M = RHF-enes mandat for referansegrupper for nasjonale tjenester; S = Senja kommunes presentasjon av referansegruppen)\n\n",
        ));
    }
    out.push_str(&format!(
        "{}\n{}\n",
        pick(lang, "What to do:", "Hva du gjør:"),
        rule.fix.get(lang)
    ));
    out.push_str(&format!(
        "\n{} [rules] {} = \"warning\" | \"off\"\n",
        pick(lang, "Change its level:", "Endre nivået:"),
        rule.id
    ));
    out
}
