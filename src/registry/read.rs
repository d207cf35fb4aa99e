//! Reading a parsed TOML table against a field table ([`super::schema`]).
//!
//! [`check`] reports every problem of a table at once: unknown fields (with the nearest known
//! name), wrong types, values outside their set, missing required fields. The typed getters of
//! [`Record`] then return only values of the right type and never report again.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::model::{Date, Level};
use crate::diagnostic::Diagnostic;
use crate::i18n::Text;
use crate::rule_id::RuleId;
use crate::source::{FileId, Sp, Span};
use crate::t;

mod check;

pub use check::check;

fn schema_at(span: Span, message: Text) -> Diagnostic {
    Diagnostic::at(RuleId::Schema, span, message)
}

/// A table of a file, with where it sits.
#[derive(Clone, Copy)]
pub struct Record<'a, 'i> {
    pub file: FileId,
    /// Offset of the parsed text in the file (after a byte-order mark or front-matter line).
    pub base: usize,
    /// The table's span: the `[[header]]` of an array element, the file start for a root table.
    pub span: Span,
    pub table: &'a DeTable<'i>,
    /// The table's name for messages: `[[member]]`, `registry.toml`...
    pub name: &'a str,
}

impl<'a, 'i> Record<'a, 'i> {
    pub fn span_of(&self, v: &Spanned<DeValue<'_>>) -> Span {
        let r = v.span();
        Span::new(self.file, self.base + r.start..self.base + r.end)
    }

    fn get(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.table.get(key)
    }

    pub fn str(&self, key: &str) -> Option<Sp<String>> {
        let v = self.get(key)?;
        v.get_ref()
            .as_str()
            .map(|s| Sp::new(s.to_string(), self.span_of(v)))
    }

    pub fn date(&self, key: &str) -> Option<Sp<Date>> {
        let v = self.get(key)?;
        as_date(v.get_ref()).map(|d| Sp::new(d, self.span_of(v)))
    }

    pub fn time(&self, key: &str) -> Option<Sp<chrono::NaiveTime>> {
        let v = self.get(key)?;
        as_time(v.get_ref()).map(|t| Sp::new(t, self.span_of(v)))
    }

    pub fn int(&self, key: &str) -> Option<Sp<i64>> {
        let v = self.get(key)?;
        as_int(v.get_ref()).map(|n| Sp::new(n, self.span_of(v)))
    }

    /// A list of strings; elements of another type are left out (they were reported).
    pub fn str_list(&self, key: &str) -> Option<Sp<Vec<Sp<String>>>> {
        let v = self.get(key)?;
        let DeValue::Array(items) = v.get_ref() else {
            return None;
        };
        let list = items
            .iter()
            .filter_map(|item| {
                item.get_ref()
                    .as_str()
                    .map(|s| Sp::new(s.to_string(), self.span_of(item)))
            })
            .collect();
        Some(Sp::new(list, self.span_of(v)))
    }

    pub fn enumerated<T>(&self, key: &str, parse: fn(&str) -> Option<T>) -> Option<Sp<T>> {
        // The keyword is looked at where it lies: no copy of it.
        let v = self.get(key)?;
        parse(v.get_ref().as_str()?).map(|e| Sp::new(e, self.span_of(v)))
    }

    pub fn table(&self, key: &'a str) -> Option<Record<'a, 'i>> {
        let v = self.get(key)?;
        let DeValue::Table(t) = v.get_ref() else {
            return None;
        };
        Some(Record {
            file: self.file,
            base: self.base,
            span: self.span_of(v),
            table: t,
            name: key,
        })
    }

    /// The elements of an array of tables, each as a record.
    pub fn tables(&self, key: &'a str) -> Vec<Record<'a, 'i>> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| match item.get_ref() {
                DeValue::Table(t) => Some(Record {
                    file: self.file,
                    base: self.base,
                    span: self.span_of(item),
                    table: t,
                    name: key,
                }),
                _ => None,
            })
            .collect()
    }

    /// `[rules]`: the valid entries.
    pub fn rules(&self, key: &str) -> std::collections::BTreeMap<String, Sp<Level>> {
        let mut out = std::collections::BTreeMap::new();
        let Some(v) = self.get(key) else {
            return out;
        };
        let DeValue::Table(t) = v.get_ref() else {
            return out;
        };
        for (k, v) in t.iter() {
            let Some(level) = v.get_ref().as_str().and_then(|l| l.parse::<Level>().ok()) else {
                continue;
            };
            if RuleId::parse(k.get_ref()).is_some() {
                out.insert(k.get_ref().to_string(), Sp::new(level, self.span_of(v)));
            }
        }
        out
    }

    /// Reports a field required by the record's context (not by its table), when it is absent.
    pub fn require(&self, key: &str, why: Text, out: &mut Vec<Diagnostic>) {
        if self.get(key).is_none() {
            out.push(missing(self, key, Some(why)));
        }
    }

    /// Reports a field that the record's context does not allow, when it is present.
    pub fn forbid(&self, key: &str, why: Text, out: &mut Vec<Diagnostic>) {
        if let Some(v) = self.get(key) {
            out.push(Diagnostic::at(RuleId::Schema, self.span_of(v), why));
        }
    }
}

pub fn as_date(v: &DeValue<'_>) -> Option<Date> {
    match v {
        DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
            let d = dt.date?;
            Date::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
        }
        _ => None,
    }
}

/// A TOML local time (`10:00:00`), without a date or an offset.
pub fn as_time(v: &DeValue<'_>) -> Option<chrono::NaiveTime> {
    match v {
        DeValue::Datetime(dt) if dt.date.is_none() && dt.offset.is_none() => {
            let t = dt.time?;
            chrono::NaiveTime::from_hms_opt(
                u32::from(t.hour),
                u32::from(t.minute),
                u32::from(t.second.unwrap_or(0)),
            )
        }
        _ => None,
    }
}

fn as_int(v: &DeValue<'_>) -> Option<i64> {
    let n = v.as_integer()?;
    let digits = n.as_str();
    // Copied only to take out the `_` between digits, which few numbers have.
    let digits = match digits.contains('_') {
        true => std::borrow::Cow::Owned(digits.replace('_', "")),
        false => std::borrow::Cow::Borrowed(digits),
    };
    i64::from_str_radix(&digits, n.radix()).ok()
}

fn missing(rec: &Record<'_, '_>, key: &str, why: Option<Text>) -> Diagnostic {
    let name = rec.name;
    let d = schema_at(
        rec.span,
        t!(
            "`{name}` lacks the required field `{key}`",
            "`{name}` mangler det påkrevde feltet `{key}`"
        ),
    )
    .help(t!("add `{key} = ...`", "legg til `{key} = ...`"));
    match why {
        Some(why) => d.note(why),
        None => d,
    }
}

/// `"MM-DD"` → (month, day), valid in a leap year.
pub fn parse_month_day(s: &str) -> Option<(u32, u32)> {
    let (m, d) = s.split_once('-')?;
    if m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (m, d) = (m.parse().ok()?, d.parse().ok()?);
    Date::from_ymd_opt(2024, m, d).map(|_| (m, d))
}

/// The nearest of `candidates` to `word`, if it is near enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let len = word.chars().count();
    let limit = (len / 3).max(2);
    candidates
        // The distance is at least the difference in length; skipping those keeps a huge
        // word from costing its length times every candidate's.
        .filter(|c| c.chars().count().abs_diff(len) <= limit)
        .map(|c| (levenshtein(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_finds_typos_but_not_strangers() {
        let names = ["appointed", "appointed-by", "ended"];
        assert_eq!(
            nearest("apointed", names.iter().copied()),
            Some("appointed")
        );
        assert_eq!(nearest("zzzzzzzz", names.iter().copied()), None);
    }

    #[test]
    fn month_day_accepts_leap_day_and_rejects_nonsense() {
        assert_eq!(parse_month_day("02-10"), Some((2, 10)));
        assert_eq!(parse_month_day("02-29"), Some((2, 29)));
        assert_eq!(parse_month_day("02-30"), None);
        assert_eq!(parse_month_day("2-10"), None);
    }
}
