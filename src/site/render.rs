//! The site's templates: minijinja, built into the binary (`src/site/templates/`), each
//! overridable by a file of the same name in `<registry>/templates/site/`. Every variable is
//! HTML-escaped; the only `safe` values are Markdown this module has rendered and sanitised
//! ([`crate::report::markdown::to_html`]: raw HTML shown as text, no images, no `javascript:`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use minijinja::value::Value;
use minijinja::{Environment, Error, ErrorKind};

/// The templates built into the binary, by name.
pub const BUILTIN: &[(&str, &str)] = &[
    ("layout.html", include_str!("templates/layout.html")),
    ("index.html", include_str!("templates/index.html")),
    ("group.html", include_str!("templates/group.html")),
    ("members.html", include_str!("templates/members.html")),
    ("embed.html", include_str!("templates/embed.html")),
    ("region.html", include_str!("templates/region.html")),
    ("mandate.html", include_str!("templates/mandate.html")),
    ("style.css", STYLE),
    (
        "mandate-national-service.md",
        include_str!("templates/mandate-national-service.md"),
    ),
    (
        "mandate-municipal-advisory.md",
        include_str!("templates/mandate-municipal-advisory.md"),
    ),
];

/// The site's stylesheet: one file, so that `mandat serve` can serve the same.
pub const STYLE: &str = include_str!("templates/style.css");

/// The templates of one registry.
pub struct Templates {
    env: Environment<'static>,
    dir: PathBuf,
}

impl Templates {
    /// Built-in templates, overridden by `<root>/templates/site/`.
    pub fn new(root: &Path) -> Templates {
        let dir = root.join("templates").join("site");
        let mut env = Environment::new();
        let loader_dir = dir.clone();
        env.set_loader(move |name| load(&loader_dir, name));
        crate::report::render::configure(&mut env);
        Templates { env, dir }
    }

    /// A file used as is (the stylesheet, the mandate's Markdown): the registry's, else built in.
    pub fn raw(&self, name: &str) -> anyhow::Result<String> {
        load(&self.dir, name)
            .map_err(|e| anyhow::anyhow!("{}", crate::report::render::describe(&e)))?
            .ok_or_else(|| anyhow::anyhow!("no template {name}"))
    }

    /// Renders a template with `ctx` as its variables, with the reports' fuel limit
    /// ([`crate::report::render::render_named`]).
    pub fn render(&mut self, name: &str, ctx: BTreeMap<String, Value>) -> anyhow::Result<String> {
        crate::report::render::render_named(&mut self.env, name, &format!("site/{name}"), ctx)
    }
}

fn load(dir: &Path, name: &str) -> Result<Option<String>, Error> {
    if !crate::report::render::plain_name(name) {
        return Ok(None);
    }
    let custom = dir.join(name);
    if custom.is_file() {
        return std::fs::read_to_string(&custom).map(Some).map_err(|e| {
            Error::new(
                ErrorKind::InvalidOperation,
                format!("cannot read {}: {e}", custom.display()),
            )
        });
    }
    Ok(BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, src)| src.to_string()))
}

/// A serialisable value as a template value.
pub fn value<T: serde::Serialize>(v: &T) -> Value {
    crate::report::render::to_value(serde_json::to_value(v).unwrap_or(serde_json::Value::Null))
}
