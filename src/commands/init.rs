//! `mandat init DIR`: a new registry with the RHFs, their health trusts, the jointly owned HFs
//! and the private non-profit hospitals.

use std::fs;

use anyhow::Context;

use crate::cli::InitArgs;
use crate::i18n::Lang;
use crate::t;

use super::{Env, Outcome, print};

/// organisations.toml as written by `init`; its header says where the data came from.
pub const ORGANISATIONS: &str = include_str!("../init/organisations.toml");

pub fn run(args: &InitArgs, env: &Env) -> anyhow::Result<Outcome> {
    let dir = &args.dir;
    let shown = dir.display();
    if dir.join("registry.toml").exists() {
        // The registry that is there speaks its own language.
        let lang = env.lang_in(dir);
        anyhow::bail!(
            "{}",
            t!(
                "{shown} already holds a registry (registry.toml exists); nothing was changed",
                "{shown} har allerede et register (registry.toml finnes); ingenting ble endret"
            )
            .get(lang)
        );
    }
    let name = args.name.as_deref().unwrap_or("Referansegrupper");
    let language = env.lang_flag.map_or("nb".to_string(), |l| l.to_string());
    // What init says is in the language of the registry it creates, as every later command is.
    let lang = env.lang_flag.unwrap_or(Lang::Nb);
    // The comments point to the commands that explain the files, not to documents the
    // registry does not hold, and speak the registry's language.
    let (about, language_note) = match lang {
        Lang::Nb => (
            "Registeret over referansegrupper. `mandat schema` viser feltene i hver fil, `mandat explain REGEL` hver regel.",
            "nb eller en: språket i rapporter og meldinger",
        ),
        Lang::En => (
            "The registry of reference groups. `mandat schema` gives every file's fields; `mandat explain RULE` every rule.",
            "nb or en: the language of reports and messages",
        ),
    };
    let registry = format!(
        "# {about}\n\
         [registry]\n\
         name = {}\n\
         language = \"{language}\"   # {language_note}\n",
        toml_string(name)
    );
    for sub in ["people", "groups"] {
        fs::create_dir_all(dir.join(sub))
            .with_context(|| format!("cannot create {}", dir.join(sub).display()))?;
        fs::write(dir.join(sub).join(".gitkeep"), "")?;
    }
    fs::write(dir.join("registry.toml"), registry)?;
    // The lock file of commands that write (docs/commands.md) and the temporary files of an
    // edit killed half-way do not belong in git; a folder
    // that already has a .gitignore keeps it as it is.
    if !dir.join(".gitignore").exists() {
        fs::write(dir.join(".gitignore"), ".mandat.lock\n.mandat-*.tmp\n")?;
    }
    fs::write(dir.join("organisations.toml"), ORGANISATIONS)?;
    let done = t!(
        "created a registry in {shown}: registry.toml, organisations.toml (4 RHFs and their health trusts), people/ and groups/\n",
        "opprettet et register i {shown}: registry.toml, organisations.toml (de 4 RHF-ene og helseforetakene deres), people/ og groups/\n"
    );
    print(done.get(lang))?;
    let taplo_written = super::schema::write_editor_support(dir)?;
    print(&super::schema::editor_support_line(
        dir,
        taplo_written,
        lang,
    ))?;
    Ok(Outcome::Ok)
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    toml_edit::Value::from(s).to_string()
}
