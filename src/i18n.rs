//! Languages and bilingual text.
//!
//! Every message a user reads exists in English and Norwegian bokmål. A [`Text`] carries both, so
//! a message cannot be written without its translation: the [`t!`](crate::t) macro takes exactly
//! two format strings, and a missing one does not compile.

use std::fmt;

/// The language of messages and reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum, serde::Serialize)]
pub enum Lang {
    #[default]
    En,
    Nb,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "en" => Some(Lang::En),
            "nb" => Some(Lang::Nb),
            _ => None,
        }
    }
}

/// A text in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Text {
    pub en: String,
    pub nb: String,
}

impl Text {
    pub fn new(en: impl Into<String>, nb: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            nb: nb.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Nb => &self.nb,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.en.is_empty() && self.nb.is_empty()
    }
}

/// A static text in both languages, for tables of fixed texts.
#[derive(Clone, Copy, Debug)]
pub struct StaticText {
    pub en: &'static str,
    pub nb: &'static str,
}

impl StaticText {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Nb => self.nb,
        }
    }
}

impl From<StaticText> for Text {
    fn from(s: StaticText) -> Text {
        Text::new(s.en, s.nb)
    }
}

/// Builds a [`Text`] from an English and a Norwegian format string:
/// `t!("{n} members", "{n} medlemmer")`.
#[macro_export]
macro_rules! t {
    ($en:literal, $nb:literal $(,)?) => {
        $crate::i18n::Text {
            en: format!($en),
            nb: format!($nb),
        }
    };
    ($en:literal, $nb:literal, $($args:tt)+) => {
        $crate::i18n::Text {
            en: format!($en, $($args)+),
            nb: format!($nb, $($args)+),
        }
    };
}

/// Picks one of two strings by language: `pick(lang, "report", "rapport")`.
pub fn pick(lang: Lang, en: &'static str, nb: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Nb => nb,
    }
}

/// A list of items joined for a sentence: `a, b and c` / `a, b og c`.
pub fn join_list(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), pick(lang, "and", "og")),
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Lang::En => "en",
            Lang::Nb => "nb",
        })
    }
}
