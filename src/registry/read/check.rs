//! [`check`]: every problem of a table against its field table, reported at once.

use toml::Spanned;
use toml::de::DeValue;

use super::{Record, as_date, as_int, as_time, missing, nearest, parse_month_day, schema_at};
use crate::diagnostic::{Diagnostic, shown};
use crate::i18n::Text;
use crate::registry::schema::{Field, Ty};
use crate::rule_id::RuleId;
use crate::source::Span;
use crate::t;

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
                let hint = crate::registry::value_hint::enum_help(s, values);
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
            ty: Ty::Enum(crate::registry::schema::LEVELS),
            required: false,
            doc: "",
        };
        check_value(rec, &field, value, out);
    }
}

/// A hint that shows the right way to write a value of this type.
fn example_help(ty: Ty, name: &str, found: &DeValue<'_>) -> Text {
    match (ty, found) {
        (Ty::Date, DeValue::String(s)) => {
            match crate::registry::value_hint::quoted_date_to_iso(s) {
                Some(iso) => t!(
                    "write the date without quotes: `{name} = {iso}`",
                    "skriv datoen uten anførselstegn: `{name} = {iso}`"
                ),
                None => t!(
                    "write the date without quotes, as YYYY-MM-DD: `{name} = 2025-03-14`",
                    "skriv datoen uten anførselstegn, som ÅÅÅÅ-MM-DD: `{name} = 2025-03-14`"
                ),
            }
        }
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
