//! The public site (`mandat site OUT`, web.md): every group's page, the embeddable member table,
//! one page per RHF, `groups.json` and the mandate, generated from the registry as of `--at`.
//!
//! [`view`] picks the public data out of the registry, [`json`] lays it out as `groups.json`,
//! [`render`] lays it out as HTML through templates a registry may override, and [`output`]
//! writes the files into OUT (the marker, the refusals, removing what is no longer produced).
//! Every file passes through [`crate::pii_scan::mask`] before it is written. Nothing here
//! changes the registry or judges it.

pub mod json;
pub mod labels;
pub mod output;
pub mod render;
pub mod view;

use std::collections::BTreeMap;
use std::path::Path;

use minijinja::value::Value;
use serde::Serialize;

use crate::registry::{Group, Profile, Registry};
use crate::report::iso;
pub use render::STYLE;
pub use view::Options;

/// One generated file: its path under OUT (with `/`) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub path: String,
    pub bytes: Vec<u8>,
}

#[derive(Serialize)]
struct Section<'a> {
    profile: &'static str,
    title: &'static str,
    groups: Vec<&'a view::GroupView>,
}

#[derive(Serialize)]
struct RegionLink<'a> {
    id: &'a str,
    name: &'a str,
}

/// Every file of the site for `groups` (sorted by id here), as of `opts.at`.
pub fn build(
    reg: &Registry,
    groups: &[&Group],
    opts: Options,
    root: &Path,
) -> anyhow::Result<Vec<File>> {
    let lang = opts.lang;
    let mut templates = render::Templates::new(root);
    let mut groups: Vec<&Group> = groups.to_vec();
    groups.sort_by(|a, b| a.id.cmp(&b.id));
    let views: Vec<view::GroupView> = groups.iter().map(|g| view::group(reg, g, opts)).collect();
    let updated = iso(opts.at);
    let site_name = reg.config.name.as_ref().map_or_else(
        || labels::get("site_title", lang).to_string(),
        |n| n.value.clone(),
    );
    let common = |base: &str| -> BTreeMap<String, Value> {
        let labels: BTreeMap<&str, &str> = labels::for_lang(lang);
        BTreeMap::from([
            ("lang".to_string(), Value::from(lang_code(lang))),
            ("labels".to_string(), render::value(&labels)),
            ("updated".to_string(), Value::from(updated.clone())),
            ("site_name".to_string(), Value::from(site_name.clone())),
            // A fixed run of `../`, never from the registry: safe as it is.
            (
                "base".to_string(),
                Value::from_safe_string(base.to_string()),
            ),
        ])
    };
    let mut files = Vec::new();
    let mut page = |path: String, html: String| {
        files.push(File {
            path,
            bytes: crate::pii_scan::mask(&html).into_owned().into_bytes(),
        });
    };

    // The index, by profile.
    let mut sections = Vec::new();
    for (profile, key) in [
        (Some(Profile::NationalService), "national_service"),
        (Some(Profile::MunicipalAdvisory), "municipal_advisory"),
        (None, "other_groups"),
    ] {
        let id = profile.map_or("", Profile::as_str);
        let members: Vec<&view::GroupView> = views.iter().filter(|v| v.profile == id).collect();
        if !members.is_empty() {
            sections.push(Section {
                profile: id,
                title: labels::get(key, lang),
                groups: members,
            });
        }
    }
    let has_national = views
        .iter()
        .any(|v| v.profile == Profile::NationalService.as_str());
    let regions: Vec<RegionLink> = if has_national {
        reg.regions
            .iter()
            .map(|r| RegionLink {
                id: r.id.as_str(),
                name: reg.region_name(r.id.as_str()),
            })
            .filter(|r| crate::registry::is_valid_id(r.id))
            .collect()
    } else {
        Vec::new()
    };
    let mut ctx = common("");
    ctx.insert("sections".into(), render::value(&sections));
    ctx.insert("regions".into(), render::value(&regions));
    page("index.html".into(), templates.render("index.html", ctx)?);

    // The mandate.
    let mut ctx = common("");
    for (var, name) in [
        ("national_html", "mandate-national-service.md"),
        ("municipal_html", "mandate-municipal-advisory.md"),
    ] {
        let md = templates.raw(name)?;
        let html = crate::report::markdown::to_html(strip_comments(&md), 3);
        ctx.insert(var.into(), Value::from(html));
    }
    page(
        "mandate.html".into(),
        templates.render("mandate.html", ctx)?,
    );

    // One page and one embeddable table per group.
    for v in &views {
        let mut ctx = common("../../");
        ctx.insert("group".into(), render::value(v));
        page(
            format!("groups/{}/index.html", v.id),
            templates.render("group.html", ctx.clone())?,
        );
        page(
            format!("groups/{}/embed.html", v.id),
            templates.render("embed.html", ctx)?,
        );
    }

    // One page per RHF.
    for r in &regions {
        let mut ctx = common("../");
        ctx.insert(
            "region".into(),
            render::value(&view::region(reg, r.id, &views)),
        );
        page(
            format!("regions/{}.html", r.id),
            templates.render("region.html", ctx)?,
        );
    }

    let mut json = serde_json::to_string_pretty(&json::build(updated.clone(), &views))?;
    json.push('\n');
    page("groups.json".into(), json);
    page("style.css".into(), templates.raw("style.css")?);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn lang_code(lang: crate::i18n::Lang) -> &'static str {
    match lang {
        crate::i18n::Lang::En => "en",
        crate::i18n::Lang::Nb => "nb",
    }
}

/// Markdown without HTML comments (the notes at the top of the built-in texts).
fn strip_comments(md: &str) -> &str {
    let mut rest = md.trim_start();
    while let Some(after) = rest.strip_prefix("<!--") {
        match after.find("-->") {
            Some(end) => rest = after[end + 3..].trim_start(),
            None => return "",
        }
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_comments_are_stripped() {
        assert_eq!(strip_comments("<!-- a -->\n<!-- b -->\n# T\n"), "# T\n");
        assert_eq!(strip_comments("# T <!-- x -->"), "# T <!-- x -->");
        assert_eq!(strip_comments("<!-- open"), "");
    }
}
