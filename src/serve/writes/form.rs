//! A form's fields read as the command line reads its flags: filled in or not, dates, times of
//! day and keywords, each refusal in the form's language.

use clap::ValueEnum;

use super::{Failure, Fields};
use crate::cli::parse_date;
use crate::i18n::Lang;
use crate::registry::Date;
use crate::t;

pub(super) struct Form_<'a> {
    pub(super) f: &'a Fields,
    pub(super) lang: Lang,
}

impl Form_<'_> {
    pub(super) fn opt(&self, name: &str) -> Option<String> {
        self.f
            .get(name)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    }

    pub(super) fn req(&self, name: &str) -> Result<String, Failure> {
        self.opt(name).ok_or_else(|| self.missing(name))
    }

    pub(super) fn missing(&self, name: &str) -> Failure {
        Failure::Bad(
            t!("`{name}` must be filled in", "`{name}` må fylles ut")
                .get(self.lang)
                .to_string(),
        )
    }

    pub(super) fn date(&self, name: &str) -> Result<Option<Date>, Failure> {
        match self.opt(name) {
            None => Ok(None),
            Some(v) => parse_date(&v).map(Some).map_err(|why| {
                Failure::Bad(
                    t!("`{name}`: {why}", "`{name}`: {why}")
                        .get(self.lang)
                        .to_string(),
                )
            }),
        }
    }

    /// A time of day (`start`, `end` of a meeting), parsed as the command line parses it.
    pub(super) fn time(&self, name: &str) -> Result<Option<chrono::NaiveTime>, Failure> {
        match self.opt(name) {
            None => Ok(None),
            Some(v) => crate::cli::parse_time(&v).map(Some).map_err(|why| {
                Failure::Bad(
                    t!("`{name}`: {why}", "`{name}`: {why}")
                        .get(self.lang)
                        .to_string(),
                )
            }),
        }
    }

    pub(super) fn req_date(&self, name: &str) -> Result<Date, Failure> {
        self.req(name)?;
        Ok(self.date(name)?.expect("filled in"))
    }

    /// One of a keyword's values (`role`, `mode`, `status`, `gender`).
    pub(super) fn word<E: ValueEnum>(&self, name: &str) -> Result<Option<E>, Failure> {
        match self.opt(name) {
            None => Ok(None),
            Some(v) => E::from_str(&v, false).map(Some).map_err(|_| {
                let known: Vec<String> = E::value_variants()
                    .iter()
                    .filter_map(|e| e.to_possible_value())
                    .map(|p| p.get_name().to_string())
                    .collect();
                let known = known.join(", ");
                Failure::Bad(
                    t!(
                        "`{name}` cannot be `{v}`; use one of {known}",
                        "`{name}` kan ikke være `{v}`; bruk en av {known}"
                    )
                    .get(self.lang)
                    .to_string(),
                )
            }),
        }
    }
}
