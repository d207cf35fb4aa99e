//! What every command runs in, resolved once from the global options when the command starts
//! (in `main`, or per write in the web application): the registry root (`-r`, else found
//! upwards), the evaluation date (`--at`, else today), the language and whether to colour.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::cli::{ColorChoice, Global};
use crate::i18n::Lang;
use crate::registry::{self, Date, LoadError, Registry};

/// The global options, resolved.
#[derive(Debug)]
pub struct Env {
    /// The registry root, or why there is none (a command that needs no registry does without).
    root: Result<PathBuf, LoadError>,
    /// `--lang` as given.
    pub lang_flag: Option<Lang>,
    /// The language before a registry is loaded: `--lang`, else the `language` of registry.toml
    /// at the root (read from that file alone), else English.
    pub lang: Lang,
    /// `--at` / `MANDAT_AT` as given (the web application follows today without it).
    pub at_flag: Option<Date>,
    /// The evaluation date: `--at` / `MANDAT_AT`, else today.
    pub at: Date,
    /// Whether to colour what goes to standard output: `--color`, `NO_COLOR` and whether it is
    /// a terminal.
    pub color: bool,
}

impl Env {
    pub fn new(global: &Global) -> Env {
        let root = registry_root(global);
        let lang = match &root {
            Ok(root) => early_lang(global.lang, root),
            Err(_) => global.lang.unwrap_or_default(),
        };
        Env {
            root,
            lang_flag: global.lang,
            lang,
            at_flag: global.at,
            at: global
                .at
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            color: use_color(global.color),
        }
    }

    /// The registry root: `--registry`, else the nearest folder upwards with registry.toml.
    pub fn root(&self) -> Result<PathBuf, LoadError> {
        match &self.root {
            Ok(root) => Ok(root.clone()),
            Err(LoadError::Unreadable(p, e)) => Err(LoadError::Unreadable(
                p.clone(),
                std::io::Error::new(e.kind(), e.to_string()),
            )),
            Err(LoadError::NotFound(p)) => Err(LoadError::NotFound(p.clone())),
            Err(LoadError::NotARegistry(p)) => Err(LoadError::NotARegistry(p.clone())),
            Err(LoadError::UnknownGroup(g)) => Err(LoadError::UnknownGroup(g.clone())),
        }
    }

    /// The language once a registry is loaded: `--lang`, else the registry's `language`, else
    /// English.
    pub fn lang_of(&self, registry: Option<&Registry>) -> Lang {
        self.lang_flag.unwrap_or_else(|| {
            registry
                .and_then(|r| r.config.language.as_ref())
                .and_then(|l| Lang::parse(&l.value))
                .unwrap_or_default()
        })
    }

    /// The language of the registry in `dir` (not the root), as [`Env::lang`] is of the root's.
    pub fn lang_in(&self, dir: &Path) -> Lang {
        early_lang(self.lang_flag, dir)
    }
}

/// The registry root: `--registry`, else the nearest folder upwards with registry.toml.
fn registry_root(global: &Global) -> Result<PathBuf, LoadError> {
    match &global.registry {
        Some(dir) => Ok(dir.clone()),
        None => {
            let here = std::env::current_dir()
                .map_err(|e| LoadError::Unreadable(PathBuf::from("."), e))?;
            registry::find_root(&here).ok_or(LoadError::NotFound(here))
        }
    }
}

/// The language before the registry is loaded: `flag`, else registry.toml's `language`, else
/// English.
fn early_lang(flag: Option<Lang>, root: &Path) -> Lang {
    flag.unwrap_or_else(|| {
        // Through the file store: a registry.toml that is a FIFO or a link to /dev/zero is not
        // read (the loader reports it).
        crate::registry::one_file::read_in_registry(root, "registry.toml")
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|t| t.trim_start_matches('\u{feff}').parse::<toml::Table>().ok())
            .and_then(|t| {
                t.get("registry")?
                    .get("language")?
                    .as_str()
                    .and_then(Lang::parse)
            })
            .unwrap_or_default()
    })
}

/// Whether to colour what goes to standard output.
fn use_color(choice: ColorChoice) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match choice {
        ColorChoice::Never => false,
        ColorChoice::Always => !no_color,
        ColorChoice::Auto => !no_color && std::io::stdout().is_terminal(),
    }
}
