//! The TOML parser's messages in both languages, and what to write instead.
//!
//! The parser (toml, with toml_parser and toml_datetime underneath) speaks English: a
//! description, then `, expected ` and what it expected (`` `]` ``, `newline`, `literal
//! string`...). [`message`] keeps the English as it is and puts each part into Norwegian from
//! the tables below; [`help`] looks at the line that failed and says what to write, with the
//! Norwegian user's usual slips in mind (typographic quotes, `20.12.2019`, an unquoted word).

use super::value_hint;
use crate::i18n::Text;
use crate::t;

mod help;

use help::strip_comment;
pub use help::{drop_repeats, help, line_at, widen};

/// The parser's descriptions, `(English, Norwegian)`.
#[rustfmt::skip]
const DESCRIPTIONS: &[(&str, &str)] = &[
    ("`_` may only go between digits", "`_` kan bare stå mellom sifre"),
    ("carriage return must be followed by newline", "vognretur (CR) må følges av linjeskift"),
    ("extra `=`", "en `=` for mye"),
    ("extra assignment between key-value pairs", "en tilordning for mye mellom nøkkel–verdi-parene"),
    ("extra comma in array", "et komma for mye i listen"),
    ("extra comma in inline table", "et komma for mye i innebygd tabell"),
    ("integers with a radix cannot be signed", "heltall med grunntall kan ikke ha fortegn"),
    ("invalid comment character", "ugyldig tegn i kommentar"),
    ("invalid inline table element", "ugyldig element i innebygd tabell"),
    ("invalid key-value pair", "ugyldig nøkkel–verdi-par"),
    ("invalid unquoted key", "ugyldig nøkkel uten anførselstegn"),
    ("invalid value", "ugyldig verdi"),
    ("key with no value", "nøkkel uten verdi"),
    ("keys cannot be multi-line basic strings", "nøkler kan ikke være tekst over flere linjer"),
    ("keys cannot be multi-line literal strings", "nøkler kan ikke være tekst over flere linjer"),
    ("missing array opening", "listen mangler `[`"),
    ("missing assignment between key-value pairs", "mangler `=` mellom nøkkel og verdi"),
    ("missing comma between array elements", "mangler komma mellom elementene i listen"),
    ("missing comma between key-value pairs", "mangler komma mellom nøkkel–verdi-parene"),
    ("missing comment start", "kommentaren mangler `#`"),
    ("missing escaped value", "mangler tegnet etter `\\`"),
    ("missing inline table opening", "innebygd tabell mangler `{`"),
    ("missing key for inline table element", "mangler nøkkel for element i innebygd tabell"),
    ("missing opening quote", "mangler åpnende anførselstegn"),
    ("missing table open", "tabelloverskriften mangler `[`"),
    ("missing value for key", "nøkkelen mangler verdi"),
    ("missing value", "mangler verdi"),
    ("radix must be lowercase", "grunntallsprefikset må skrives med små bokstaver"),
    ("redundant integer number prefix", "overflødig prefiks på heltallet"),
    ("redundant numeric sign", "overflødig fortegn"),
    ("string values must be quoted", "tekst må stå i anførselstegn"),
    ("too few unicode value digits", "for få sifre i unicode-verdien"),
    ("unclosed array table", "tabelloverskriften `[[...]]` er ikke lukket"),
    ("unclosed array", "listen er ikke lukket"),
    ("unclosed inline table", "den innebygde tabellen er ikke lukket"),
    ("unclosed table", "tabelloverskriften `[...]` er ikke lukket"),
    ("unexpected `=` in array", "uventet `=` i listen"),
    ("unexpected content between comment and newline", "uventet innhold mellom kommentar og linjeskift"),
    ("unexpected content", "uventet innhold"),
    ("unexpected key or value", "uventet nøkkel eller verdi"),
    ("unexpected leading zero", "uventet null først i tallet"),
    ("unexpected sign", "uventet fortegn"),
    ("unquoted keys cannot be empty", "nøkler uten anførselstegn kan ikke være tomme"),
    ("invalid basic string", "teksten i anførselstegn er ikke lukket eller har ugyldige tegn"),
    ("invalid multi-line basic string", "teksten over flere linjer er ikke lukket eller har ugyldige tegn"),
    ("invalid literal string", "teksten i apostrofer er ikke lukket eller har ugyldige tegn"),
    ("invalid multi-line literal string", "teksten over flere linjer i apostrofer er ikke lukket eller har ugyldige tegn"),
    ("invalid string", "ugyldig tekst"),
    ("invalid boolean", "ugyldig sannhetsverdi"),
    ("invalid date-time", "ugyldig dato eller tid"),
    ("invalid float", "ugyldig desimaltall"),
    ("invalid integer number", "ugyldig heltall"),
    ("invalid hexadecimal number", "ugyldig heksadesimalt tall"),
    ("invalid octal number", "ugyldig oktalt tall"),
    ("invalid binary number", "ugyldig binært tall"),
    ("invalid datetime", "ugyldig dato eller tid"),
    ("duplicate key", "nøkkelen finnes allerede"),
    ("recursion limit", "verdiene er nøstet for dypt til å kunne leses"),
    ("cannot recurse further; max recursion depth met", "verdiene er nøstet for dypt til å kunne leses"),
];

/// What the parser expected, `(English, Norwegian)`; a literal (`` `]` ``) stays as it is.
#[rustfmt::skip]
const EXPECTED: &[(&str, &str)] = &[
    ("nothing", "ingenting mer"),
    ("newline", "linjeskift"),
    ("key", "en nøkkel"),
    ("value", "en verdi"),
    ("basic string", "tekst i anførselstegn"),
    ("literal string", "tekst i anførselstegn"),
    ("multi-line basic string", "tekst over flere linjer"),
    ("unquoted string", "en nøkkel uten anførselstegn"),
    ("letters", "bokstaver"),
    ("numbers", "tall"),
    ("digits", "sifre"),
    ("characters", "tegn"),
    ("printable characters", "synlige tegn"),
    ("non-double-quote visible characters", "synlige tegn unntatt `\"`"),
    ("non-single-quote characters", "tegn unntatt `'`"),
    ("non-single-quote visible characters", "synlige tegn unntatt `'`"),
    ("unicode hexadecimal value", "en heksadesimal unicode-verdi"),
    ("etc", "osv."),
];

/// The TOML value types the parser names, `(English, Norwegian)`.
#[rustfmt::skip]
const TYPES: &[(&str, &str)] = &[
    ("inline table", "innebygd tabell"),
    ("array", "liste"),
    ("table", "tabell"),
    ("string", "tekst"),
    ("integer", "heltall"),
    ("float", "desimaltall"),
    ("boolean", "sannhetsverdi"),
    ("datetime", "dato"),
];

fn lookup(table: &[(&str, &'static str)], en: &str) -> Option<&'static str> {
    table.iter().find(|(e, _)| *e == en).map(|(_, nb)| *nb)
}

/// The parser's message `msg` about `value` (the text it points at) on `line`, in both
/// languages. A Norwegian date or typographic quotes are named as what they are rather than as
/// the parser saw them (`20.12.2019` is an «invalid float» to it).
pub fn message(msg: &str, value: &str, line: &str) -> Text {
    let written = line
        .split_once('=')
        .map_or("", |(_, v)| strip_comment(v.trim()));
    if value_hint::has_typographic_quotes(written) {
        return t!(
            "`{written}` is in typographic quotes, which TOML does not read",
            "`{written}` står i typografiske anførselstegn, som TOML ikke kan lese"
        );
    }
    if value_hint::norwegian_date_to_iso(written).is_some() {
        return t!(
            "`{written}` is not a date TOML can read: dates are written YYYY-MM-DD",
            "`{written}` er ikke en dato TOML kan lese: datoer skrives ÅÅÅÅ-MM-DD"
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid date, expected ") {
        return invalid_date(rest, value);
    }
    if matches!(
        msg,
        "recursion limit" | "cannot recurse further; max recursion depth met"
    ) {
        return t!(
            "values are nested too deeply to be read",
            "verdiene er nøstet for dypt til å kunne leses"
        );
    }
    let nb = norwegian(msg);
    t!("invalid TOML: {msg}", "ugyldig TOML: {nb}")
}

/// `invalid date, expected day between 01 and 28` and its kin.
fn invalid_date(rest: &str, value: &str) -> Text {
    let words: Vec<&str> = rest.split(' ').collect();
    if let [unit @ ("day" | "month"), "between", low, "and", high] = words.as_slice() {
        let (en_unit, nb_unit) = if *unit == "day" {
            ("the day", "dagen")
        } else {
            ("the month", "måneden")
        };
        return t!(
            "`{value}` is not a date that exists: {en_unit} must be between {low} and {high}",
            "`{value}` er ikke en dato som finnes: {nb_unit} må være mellom {low} og {high}"
        );
    }
    if rest == "a four-digit year (YYYY)" {
        return t!(
            "`{value}` is not a date: the year must have four digits (YYYY-MM-DD)",
            "`{value}` er ikke en dato: året må ha fire sifre (ÅÅÅÅ-MM-DD)"
        );
    }
    let nb = norwegian_datetime_part(rest);
    t!(
        "invalid date: expected {rest}",
        "ugyldig dato: forventet {nb}"
    )
}

fn norwegian_datetime_part(s: &str) -> String {
    let words: Vec<&str> = s.split(' ').collect();
    match words.as_slice() {
        [unit, "between", low, "and", high] => {
            let nb = match *unit {
                "hour" | "hours" => "timen",
                "minute" | "minutes" => "minuttet",
                "second" => "sekundet",
                "day" => "dagen",
                "month" => "måneden",
                other => other,
            };
            format!("{nb} mellom {low} og {high}")
        }
        _ => match s {
            "a two-digit day (DD)" => "en dag med to sifre (DD)".into(),
            "a two-digit month (MM)" => "en måned med to sifre (MM)".into(),
            "a two-digit hour (HH)" => "en time med to sifre (TT)".into(),
            "a two-digit minute (MM)" => "et minutt med to sifre (MM)".into(),
            "a two-digit second (SS)" => "et sekund med to sifre (SS)".into(),
            other => other.to_string(),
        },
    }
}

/// Why a file cannot be edited, in Norwegian: the parser's message (toml_edit speaks as the
/// parser does), or the front matter's two faults as the editor words them.
pub fn reason_nb(why: &str) -> String {
    match why {
        "it has no front matter (a first line `+++`)" => {
            "den har ingen front matter (en første linje `+++`)".to_string()
        }
        "its front matter is never closed by a line `+++`" => {
            "front matter blir aldri avsluttet med en linje `+++`".to_string()
        }
        other => norwegian(other),
    }
}

/// The parser's English message in Norwegian, part by part; a part without a translation is
/// kept as it is.
fn norwegian(msg: &str) -> String {
    let (desc, expected) = match msg.split_once(", expected ") {
        Some((d, e)) => (d, Some(e)),
        None => (msg, None),
    };
    let mut out = match lookup(DESCRIPTIONS, desc) {
        Some(nb) => nb.to_string(),
        None => match desc
            .strip_prefix("cannot extend value of type ")
            .and_then(|r| r.strip_suffix(" with a dotted key"))
        {
            Some(ty) => format!(
                "en verdi av typen {} kan ikke utvides med en nøkkel med punktum",
                lookup(TYPES, ty).unwrap_or(ty)
            ),
            None => desc.to_string(),
        },
    };
    // «expected literal string» after «must be quoted» says the same thing twice.
    let expected = expected.filter(|_| desc != "string values must be quoted");
    if let Some(expected) = expected {
        if desc == "invalid date-time" {
            out.push_str(&format!(", forventet {}", expected_date_time(expected)));
            return out;
        }
        let items: Vec<String> = expected
            .split(", ")
            .map(|item| lookup(EXPECTED, item).map_or_else(|| item.to_string(), String::from))
            .collect();
        out.push_str(", forventet ");
        out.push_str(&join_or(&items));
    }
    out
}

/// `a, b eller c`.
fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} eller {last}", init.join(", ")),
    }
}

fn expected_date_time(expected: &str) -> String {
    match expected {
        "`T` between date and time" => "`T` mellom dato og tid".to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn parse_messages(src: &str) -> Vec<(String, String)> {
        let (_, errors) = toml::de::DeTable::parse_recoverable(src);
        errors
            .into_iter()
            .map(|e| {
                let r = e.span().unwrap_or(0..0);
                let start = src[..r.start].rfind('\n').map_or(0, |i| i + 1);
                let end = src[r.start..].find('\n').map_or(src.len(), |i| r.start + i);
                (e.message().trim().to_string(), src[start..end].to_string())
            })
            .collect()
    }

    fn nb(src: &str) -> (String, String) {
        let (msg, line) = parse_messages(src).remove(0);
        let value = line.split_once('=').map_or("", |(_, v)| v.trim());
        (
            message(&msg, value, &line).get(Lang::Nb).to_string(),
            help(&msg, &line).get(Lang::Nb).to_string(),
        )
    }

    #[test]
    fn typographic_quotes_get_plain_ones() {
        let (m, h) = nb("gender = \u{201c}female\u{201d}\n");
        assert_eq!(
            m,
            "`\u{201c}female\u{201d}` står i typografiske anførselstegn, som TOML ikke kan lese"
        );
        assert_eq!(
            h,
            "bruk vanlige anførselstegn (\") rundt teksten: `gender = \"female\"`"
        );
        let (_, h) = nb("name = \u{ab}Kari\u{bb}\n");
        assert!(h.starts_with("bruk vanlige anførselstegn"), "{h}");
    }

    #[test]
    fn a_norwegian_date_gets_the_exact_fix() {
        let (m, h) = nb("date = 20.12.2019\n");
        assert_eq!(
            m,
            "`20.12.2019` er ikke en dato TOML kan lese: datoer skrives ÅÅÅÅ-MM-DD"
        );
        assert_eq!(
            h,
            "skriv datoen som ÅÅÅÅ-MM-DD, uten anførselstegn: `date = 2019-12-20`"
        );
    }

    #[test]
    fn common_slips_in_norwegian_with_a_fix() {
        let (m, h) = nb("name = Kari Nordmann\n");
        assert_eq!(m, "ugyldig TOML: tekst må stå i anførselstegn");
        assert_eq!(
            h,
            "skriv teksten i anførselstegn: `name = \"Kari Nordmann\"`"
        );
        let (m, h) = nb("[[member]\nx = 1\n");
        assert_eq!(
            m,
            "ugyldig TOML: tabelloverskriften `[[...]]` er ikke lukket, forventet `]`"
        );
        assert_eq!(h, "lukk overskriften: `[[member]]`");
        let (m, _) = nb("a = 1\na = 2\n");
        assert_eq!(m, "ugyldig TOML: nøkkelen finnes allerede");
        let (m, _) = nb("a = \"x\" b\n");
        assert_eq!(
            m,
            "ugyldig TOML: uventet nøkkel eller verdi, forventet linjeskift eller `#`"
        );
        let (m, _) = nb("a = 1\na.b = 2\n");
        assert!(
            m.contains("en verdi av typen heltall kan ikke utvides"),
            "{m}"
        );
        let (m, _) = nb("date = 2024-13-01\n");
        assert_eq!(
            m,
            "`2024-13-01` er ikke en dato som finnes: måneden må være mellom 01 og 12"
        );
    }

    #[test]
    fn every_description_the_parser_gives_in_these_cases_is_translated() {
        for src in [
            "name = \"Kari\n",
            "name = 'Kari\n",
            "a\n",
            "a = [1, 2\n",
            "a = {x = 1\n",
            "a = 01\n",
            "a = \"\\q\"\n",
            "a = 1__0\n",
            "a = tru\n",
            "date = 2024-12-01x\n",
            "[registry\n",
            "a = [1,,2]\n",
            "= 1\n",
        ] {
            for (msg, line) in parse_messages(src) {
                let value = line.split_once('=').map_or("", |(_, v)| v.trim());
                let m = message(&msg, value, &line);
                let desc = msg
                    .split_once(", expected ")
                    .map_or(msg.as_str(), |(d, _)| d);
                assert!(
                    !m.nb.contains(desc),
                    "{src:?}: `{desc}` not translated: {}",
                    m.nb
                );
                assert!(!help(&msg, &line).nb.contains("docs/"), "{src:?}");
            }
        }
    }

    #[test]
    fn edit_refusals_get_the_parser_s_words_in_norwegian() {
        assert_eq!(
            reason_nb("string values must be quoted, expected literal string"),
            "tekst må stå i anførselstegn"
        );
        assert!(reason_nb("it has no front matter (a first line `+++`)").starts_with("den har"));
    }

    proptest::proptest! {
        /// Whatever the text and wherever the parser points, the translation and the fix are
        /// found without a panic, and the widened range stays on the line.
        #[test]
        fn any_text_and_place_is_handled(text in "\\PC{0,80}", at in 0usize..100, len in 0usize..20) {
            let start = (0..=at.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            let end = (start..=(start + len).min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(start);
            let r = widen(&text, start..end);
            proptest::prop_assert!(r.start <= r.end && r.end <= text.len());
            let line = line_at(&text, start);
            let _ = message(&text, line, line);
            let _ = help(&text, line);
            let _ = reason_nb(&text);
        }
    }

    #[test]
    fn english_keeps_the_parser_s_words() {
        let (msg, _) = parse_messages("a = 1\na = 2\n").remove(0);
        assert_eq!(message(&msg, "", "a = 2").en, "invalid TOML: duplicate key");
    }
}
