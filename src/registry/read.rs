//! Reading a parsed TOML table against a field table ([`super::schema`]).
//!
//! [`check`] reports every problem of a table at once: unknown fields (with the nearest known
//! name), wrong types, values outside their set, missing required fields. The typed getters of
//! [`Record`] then return only values of the right type and never report again.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::model::{Date, Level};
use super::schema::{Field, Ty};
use crate::diagnostic::{Diagnostic, shown};
use crate::i18n::Text;
use crate::rule_id::RuleId;
use crate::source::{FileId, Sp, Span};
use crate::t;

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
        let s = self.str(key)?;
        parse(&s.value).map(|v| Sp::new(v, s.span))
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
    i64::from_str_radix(&n.as_str().replace('_', ""), n.radix()).ok()
}

fn type_name(v: &DeValue<'_>) -> Text {
    match v {
        DeValue::String(_) => t!("a string", "en tekst"),
        DeValue::Integer(_) => t!("an integer", "et heltall"),
        DeValue::Float(_) => t!("a decimal number", "et desimaltall"),
        DeValue::Boolean(_) => t!("a boolean", "en sannhetsverdi"),
        DeValue::Datetime(d) if d.time.is_some() => {
            t!("a date with a time", "en dato med klokkeslett")
        }
        DeValue::Datetime(_) => t!("a date", "en dato"),
        DeValue::Array(_) => t!("a list", "en liste"),
        DeValue::Table(_) => t!("a table", "en tabell"),
    }
}

fn expected(ty: Ty, name: &str) -> Text {
    match ty {
        Ty::Str => t!("a string in quotes", "en tekst i anførselstegn"),
        Ty::OrgNumber => t!(
            "an organisation number of 9 digits in quotes",
            "et organisasjonsnummer på 9 sifre i anførselstegn"
        ),
        Ty::Date => t!(
            "a date like 2025-03-14 (without quotes)",
            "en dato som 2025-03-14 (uten anførselstegn)"
        ),
        Ty::Time => t!(
            "a time like 10:00:00 (without quotes)",
            "et klokkeslett som 10:00:00 (uten anførselstegn)"
        ),
        Ty::Count => t!("a whole number of 0 or more", "et heltall på 0 eller mer"),
        Ty::Year => t!("a year like 2025", "et årstall som 2025"),
        Ty::MonthDay => t!(
            "a month and day like \"02-10\"",
            "en måned og dag som \"02-10\""
        ),
        Ty::StrList => t!(
            "a list of strings like [\"a\", \"b\"]",
            "en liste med tekster som [\"a\", \"b\"]"
        ),
        Ty::Enum(values) => {
            let list = values.join(", ");
            t!("one of: {list}", "en av: {list}")
        }
        Ty::Table(_) | Ty::Rules => t!("a table [{name}]", "en tabell [{name}]"),
        Ty::Tables(_) => t!("tables written [[{name}]]", "tabeller skrevet [[{name}]]"),
    }
}

fn schema_at(span: Span, message: Text) -> Diagnostic {
    Diagnostic::at(RuleId::Schema, span, message)
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

/// Checks a table against its fields, and the tables inside it, reporting every problem.
pub fn check(rec: &Record<'_, '_>, fields: &[Field], out: &mut Vec<Diagnostic>) {
    for (key, value) in rec.table.iter() {
        let key_name = key.get_ref();
        let key_span = {
            let r = key.span();
            Span::new(rec.file, rec.base + r.start..rec.base + r.end)
        };
        let Some(field) = fields.iter().find(|f| f.name == key_name.as_ref()) else {
            out.push(unknown_field(key_name, key_span, rec.name, fields));
            continue;
        };
        check_value(rec, field, value, out);
    }
    for field in fields.iter().filter(|f| f.required) {
        if rec.table.get(field.name).is_none() {
            out.push(missing(rec, field.name, None));
        }
    }
}

fn unknown_field(key: &str, span: Span, table: &str, fields: &[Field]) -> Diagnostic {
    let near = nearest(key, fields.iter().map(|f| f.name));
    let key = shown(key);
    let d = schema_at(
        span,
        t!(
            "unknown field `{key}` in `{table}`",
            "ukjent felt `{key}` i `{table}`"
        ),
    );
    match near {
        Some(near) => d.help(t!("did you mean `{near}`?", "mente du `{near}`?")),
        None => {
            let known = fields.iter().map(|f| f.name).collect::<Vec<_>>().join(", ");
            d.help(t!(
                "the known fields are: {known}",
                "kjente felt er: {known}"
            ))
        }
    }
}

fn check_value(
    rec: &Record<'_, '_>,
    field: &Field,
    value: &Spanned<DeValue<'_>>,
    out: &mut Vec<Diagnostic>,
) {
    let span = rec.span_of(value);
    let name = field.name;
    let v = value.get_ref();
    let wrong = |out: &mut Vec<Diagnostic>| {
        let want = expected(field.ty, name);
        let found = type_name(v);
        let (want_en, want_nb, found_en, found_nb) = (&want.en, &want.nb, &found.en, &found.nb);
        out.push(
            schema_at(
                span,
                t!(
                    "`{name}` must be {want_en}, found {found_en}",
                    "`{name}` må være {want_nb}, fant {found_nb}"
                ),
            )
            .help(example_help(field.ty, name, v)),
        );
    };
    match field.ty {
        Ty::Str => {
            if !v.is_str() {
                wrong(out);
            }
        }
        Ty::OrgNumber => match v.as_str() {
            Some(s) if s.len() == 9 && s.bytes().all(|b| b.is_ascii_digit()) => {}
            Some(s) => out.push(
                schema_at(
                    span,
                    t!(
                        "organisation number `{s}` is not 9 digits",
                        "organisasjonsnummeret `{s}` er ikke 9 sifre",
                        s = shown(s)
                    ),
                )
                .help(t!(
                    "write the nine digits without spaces, e.g. \"983974899\"",
                    "skriv de ni sifrene uten mellomrom, f.eks. \"983974899\""
                )),
            ),
            None => wrong(out),
        },
        Ty::Time => {
            if as_time(v).is_none() {
                wrong(out);
            }
        }
        Ty::Date => match v {
            // An invalid calendar date was reported by the parser already.
            DeValue::Datetime(dt) if dt.date.is_none() && dt.time.is_none() => {}
            _ if as_date(v).is_some() => {}
            _ => wrong(out),
        },
        Ty::Count => match as_int(v) {
            Some(n) if n >= 0 => {}
            None if v.as_integer().is_some() => out.push(too_large(span, name)),
            Some(n) => out.push(
                schema_at(
                    span,
                    t!(
                        "`{name}` must be 0 or more, not {n}",
                        "`{name}` må være 0 eller mer, ikke {n}"
                    ),
                )
                .help(t!(
                    "write a whole number of 0 or more",
                    "skriv et heltall på 0 eller mer"
                )),
            ),
            _ => wrong(out),
        },
        Ty::Year => match as_int(v) {
            Some(n) if (1900..=9999).contains(&n) => {}
            None if v.as_integer().is_some() => out.push(too_large(span, name)),
            Some(n) => out.push(
                schema_at(
                    span,
                    t!(
                        "`{name}` must be a year from 1900 to 9999, not {n}",
                        "`{name}` må være et år fra 1900 til 9999, ikke {n}"
                    ),
                )
                .help(t!(
                    "write the year with four digits, like 2025",
                    "skriv året med fire sifre, som 2025"
                )),
            ),
            _ => wrong(out),
        },
        Ty::MonthDay => match v.as_str() {
            Some(s) if parse_month_day(s).is_some() => {}
            _ => wrong(out),
        },
        Ty::StrList => match v {
            DeValue::Array(items) => {
                for item in items.iter() {
                    if !item.get_ref().is_str() {
                        let found = type_name(item.get_ref());
                        let (found_en, found_nb) = (&found.en, &found.nb);
                        out.push(schema_at(
                            rec.span_of(item),
                            t!(
                                "`{name}` must hold only strings, found {found_en}",
                                "`{name}` kan bare inneholde tekster, fant {found_nb}"
                            ),
                        ));
                    }
                }
            }
            _ => wrong(out),
        },
        Ty::Enum(values) => match v.as_str() {
            Some(s) if values.contains(&s) => {}
            Some(s) => {
                let list = values.join(", ");
                let d = schema_at(
                    span,
                    t!(
                        "`{s}` is not a valid `{name}`; expected one of: {list}",
                        "`{s}` er ikke en gyldig `{name}`; forventet en av: {list}",
                        s = shown(s)
                    ),
                );
                let hint = super::value_hint::enum_help(s, values);
                out.push(match (hint, nearest(s, values.iter().copied())) {
                    (Some(hint), _) => d.help(hint),
                    (None, Some(near)) => {
                        d.help(t!("did you mean `{near}`?", "mente du `{near}`?"))
                    }
                    (None, None) => d,
                });
            }
            None => wrong(out),
        },
        Ty::Table(fields) => match v {
            DeValue::Table(t) => {
                let inner = Record {
                    file: rec.file,
                    base: rec.base,
                    span,
                    table: t,
                    name,
                };
                check(&inner, fields, out);
            }
            _ => wrong(out),
        },
        Ty::Tables(fields) => match v {
            DeValue::Array(items) => {
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::Table(t) => {
                            let inner = Record {
                                file: rec.file,
                                base: rec.base,
                                span: rec.span_of(item),
                                table: t,
                                name,
                            };
                            check(&inner, fields, out);
                        }
                        other => {
                            let found = type_name(other);
                            let (found_en, found_nb) = (&found.en, &found.nb);
                            out.push(schema_at(
                                rec.span_of(item),
                                t!(
                                    "`{name}` must hold tables, found {found_en}",
                                    "`{name}` kan bare inneholde tabeller, fant {found_nb}"
                                ),
                            ));
                        }
                    }
                }
            }
            _ => wrong(out),
        },
        Ty::Rules => match v {
            DeValue::Table(t) => check_rules(rec, t, out),
            _ => wrong(out),
        },
    }
}

/// An integer that TOML can write but a 64-bit number cannot hold.
fn too_large(span: Span, name: &str) -> Diagnostic {
    schema_at(
        span,
        t!(
            "`{name}` is too large a number to be read",
            "`{name}` er et for stort tall til å kunne leses"
        ),
    )
    .help(t!("write a smaller number", "skriv et mindre tall"))
}

fn check_rules(rec: &Record<'_, '_>, t: &toml::de::DeTable<'_>, out: &mut Vec<Diagnostic>) {
    for (key, value) in t.iter() {
        let id = key.get_ref();
        if RuleId::parse(id).is_none() {
            let r = key.span();
            let span = Span::new(rec.file, rec.base + r.start..rec.base + r.end);
            let d = schema_at(
                span,
                t!(
                    "unknown rule `{id}` in [rules]",
                    "ukjent regel `{id}` i [rules]",
                    id = shown(id)
                ),
            );
            out.push(match nearest(id, RuleId::ALL.iter().map(|r| r.as_str())) {
                Some(near) => d.help(t!("did you mean `{near}`?", "mente du `{near}`?")),
                None => d.help(t!(
                    "`mandat rules` lists every rule",
                    "`mandat rules` viser alle reglene"
                )),
            });
            continue;
        }
        let field = Field {
            name: "rules",
            ty: Ty::Enum(super::schema::LEVELS),
            required: false,
            doc: "",
        };
        check_value(rec, &field, value, out);
    }
}

/// A hint that shows the right way to write a value of this type.
fn example_help(ty: Ty, name: &str, found: &DeValue<'_>) -> Text {
    match (ty, found) {
        (Ty::Date, DeValue::String(s)) => match super::value_hint::quoted_date_to_iso(s) {
            Some(iso) => t!(
                "write the date without quotes: `{name} = {iso}`",
                "skriv datoen uten anførselstegn: `{name} = {iso}`"
            ),
            None => t!(
                "write the date without quotes, as YYYY-MM-DD: `{name} = 2025-03-14`",
                "skriv datoen uten anførselstegn, som ÅÅÅÅ-MM-DD: `{name} = 2025-03-14`"
            ),
        },
        (Ty::Date, _) => t!(
            "write it as `{name} = 2025-03-14`",
            "skriv det som `{name} = 2025-03-14`"
        ),
        (Ty::Time, _) => t!(
            "write it as `{name} = 10:00:00`",
            "skriv det som `{name} = 10:00:00`"
        ),
        (Ty::Str, DeValue::Table(_)) => t!(
            "`{name}` takes one value, not a table: `{name} = \"...\"`",
            "`{name}` tar én verdi, ikke en tabell: `{name} = \"...\"`"
        ),
        (Ty::Str, _) => t!(
            "write it in quotes: `{name} = \"...\"`",
            "skriv det i anførselstegn: `{name} = \"...\"`"
        ),
        (Ty::StrList, DeValue::String(s)) => t!(
            "write a list, even of one: `{name} = [\"{s}\"]`",
            "skriv en liste, også med ett element: `{name} = [\"{s}\"]`"
        ),
        (Ty::Tables(_), _) => t!(
            "write each entry under its own `[[{name}]]` header",
            "skriv hver oppføring under sin egen `[[{name}]]`-overskrift"
        ),
        _ => {
            let want = expected(ty, name);
            let (want_en, want_nb) = (&want.en, &want.nb);
            t!("write {want_en}", "skriv {want_nb}")
        }
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
