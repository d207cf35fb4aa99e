//! `mandat rules`: every rule with its default level per profile and one line of what it checks.

use crate::i18n::pick;
use crate::registry::Profile;
use crate::rule_id::RuleMeta;

use super::{Env, Outcome, print};

fn level_for(rule: &RuleMeta, profile: Profile) -> &'static str {
    if rule.applies.to(profile) {
        rule.default.as_str()
    } else {
        "-"
    }
}

pub fn run(env: &Env) -> anyhow::Result<Outcome> {
    let reg = env.root().ok().and_then(|root| {
        crate::registry::load(&root, &crate::registry::Scope::Groups(Default::default())).ok()
    });
    let lang = env.lang_of(reg.as_ref().map(|l| &l.registry));
    let mut out = format!(
        "{:<27} {:<9} {:<9} {:<10} {}\n",
        pick(lang, "rule", "regel"),
        pick(lang, "national", "nasjonal"),
        pick(lang, "municipal", "kommunal"),
        pick(lang, "advisory", "rådgivende"),
        pick(lang, "what it checks", "hva den kontrollerer")
    );
    for rule in crate::rules::catalog() {
        out.push_str(&format!(
            "{:<27} {:<9} {:<9} {:<10} {}\n",
            rule.id.as_str(),
            level_for(rule, Profile::NationalService),
            level_for(rule, Profile::MunicipalAdvisory),
            level_for(rule, Profile::Advisory),
            rule.summary.get(lang)
        ));
    }
    out.push_str(pick(
        lang,
        "\nLevels can be changed in [rules] of registry.toml or group.toml. `mandat explain RULE` tells more.\n",
        "\nNivåene kan endres i [rules] i registry.toml eller group.toml. `mandat explain REGEL` forteller mer.\n",
    ));
    print(&out)?;
    Ok(Outcome::Ok)
}
