//! `mandat schema [KIND] [--out DIR | --taplo]`: the JSON Schemas of the file kinds, for
//! editors. Without `--out`, one kind's schema is printed as is, and all of them as one JSON
//! object keyed by kind; `--taplo` sets a registry up for Taplo (also done by `mandat init`).

use std::fs;
use std::path::Path;

use anyhow::Context;
use serde_json::{Map, Value};

use crate::cli::SchemaArgs;
use crate::i18n::Lang;
use crate::json_schema::{self, KINDS, Kind};
use crate::t;

use super::{Env, Outcome, print};

/// The folder of a registry that holds its schemas.
pub const SCHEMA_DIR: &str = ".schemas";
/// Taplo's configuration file, at the registry root.
pub const TAPLO_FILE: &str = ".taplo.toml";

pub fn run(args: &SchemaArgs, env: &Env) -> anyhow::Result<Outcome> {
    let kinds: Vec<&Kind> = match &args.kind {
        Some(name) => {
            vec![json_schema::kind(name).with_context(|| format!("unknown file kind `{name}`"))?]
        }
        None => KINDS.iter().collect(),
    };
    if args.taplo {
        let root = env.root()?;
        let reg =
            crate::registry::load(&root, &crate::registry::Scope::Groups(Default::default())).ok();
        let lang = env.lang_of(reg.as_ref().map(|l| &l.registry));
        let taplo_written = write_editor_support(&root)?;
        print(&editor_support_line(&root, taplo_written, lang))?;
    } else if let Some(dir) = &args.out {
        let lang = env.lang;
        let names = write_schemas(dir, &kinds)?;
        let (n, list, dir) = (names.len(), names.join(", "), dir.display());
        let line = t!(
            "wrote {n} schemas to {dir}: {list}\n",
            "skrev {n} skjemaer til {dir}: {list}\n"
        );
        print(line.get(lang))?;
    } else if let [kind] = kinds[..] {
        print(&json_schema::to_text(&json_schema::generate(kind)))?;
    } else {
        let all: Map<String, Value> = kinds
            .iter()
            .map(|k| (k.name.to_string(), json_schema::generate(k)))
            .collect();
        print(&json_schema::to_text(&Value::Object(all)))?;
    }
    Ok(Outcome::Ok)
}

/// Writes `<kind>.schema.json` for each kind into `dir` (created if needed); returns the names.
pub fn write_schemas(dir: &Path, kinds: &[&Kind]) -> anyhow::Result<Vec<String>> {
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut names = Vec::new();
    for kind in kinds {
        let name = json_schema::file_name(kind);
        let path = dir.join(&name);
        fs::write(&path, json_schema::to_text(&json_schema::generate(kind)))
            .with_context(|| format!("cannot write {}", path.display()))?;
        names.push(name);
    }
    Ok(names)
}

/// `.taplo.toml`: each TOML file kind mapped to its schema in `.schemas/`. Taplo resolves the
/// globs and the schema paths relative to the folder of this file.
pub fn taplo_config() -> String {
    let mut text = String::from(
        "# Editor support for this registry, written by mandat.\n\
         #\n\
         # Taplo (the TOML language server in the «Even Better TOML» extension for VS Code, and the\n\
         # `taplo` command) reads this file: it completes and checks the registry's TOML files\n\
         # against the JSON Schemas in .schemas/, which `mandat schema` generates from the same\n\
         # tables `mandat validate` uses. After upgrading mandat, refresh them: mandat schema --taplo\n",
    );
    for kind in KINDS.iter().filter(|k| !k.front_matter) {
        text.push_str(&format!(
            "\n[[rule]]\ninclude = [\"{}\"]\nschema = {{ path = \"{SCHEMA_DIR}/{}\" }}\n",
            kind.files,
            json_schema::file_name(kind)
        ));
    }
    text
}

/// Writes every schema into `<root>/.schemas/` and, when there is none yet, `<root>/.taplo.toml`
/// (a file the user may have changed is left alone). Returns whether `.taplo.toml` was written.
pub fn write_editor_support(root: &Path) -> anyhow::Result<bool> {
    let kinds: Vec<&Kind> = KINDS.iter().collect();
    write_schemas(&root.join(SCHEMA_DIR), &kinds)?;
    let taplo = root.join(TAPLO_FILE);
    if taplo.exists() {
        return Ok(false);
    }
    fs::write(&taplo, taplo_config())
        .with_context(|| format!("cannot write {}", taplo.display()))?;
    Ok(true)
}

/// The line that says what [`write_editor_support`] did.
pub fn editor_support_line(root: &Path, taplo_written: bool, lang: Lang) -> String {
    let n = KINDS.len();
    let root = root.display();
    let text = if taplo_written {
        t!(
            "wrote {n} schemas to {root}/{SCHEMA_DIR}/ and {root}/{TAPLO_FILE}, which maps the registry's files to them\n",
            "skrev {n} skjemaer til {root}/{SCHEMA_DIR}/ og {root}/{TAPLO_FILE}, som knytter registerets filer til dem\n"
        )
    } else {
        t!(
            "wrote {n} schemas to {root}/{SCHEMA_DIR}/; {root}/{TAPLO_FILE} exists already and was left as it is\n",
            "skrev {n} skjemaer til {root}/{SCHEMA_DIR}/; {root}/{TAPLO_FILE} finnes fra før og ble ikke endret\n"
        )
    };
    text.get(lang).to_string()
}
