//! What to write instead of a value a Norwegian user is likely to write: a Norwegian word for a
//! value of a fixed set (`kvinne` → `female`, `avholdt` → `held`), a date written the
//! Norwegian way (`20.12.2019` → `2019-12-20`), and typographic quotes around a value.
//!
//! One table of Norwegian words, keyed by the English value they mean; a word is offered only
//! when its English value belongs to the set being checked, so `annen` is `other` wherever
//! `other` is allowed.

use crate::i18n::Text;
use crate::t;

/// `(Norwegian word, English value)`, lower case. A word may appear for several fields.
const WORDS: &[(&str, &str)] = &[
    // gender
    ("kvinne", "female"),
    ("kvinnelig", "female"),
    ("kvinner", "female"),
    ("k", "female"),
    ("mann", "male"),
    ("mannlig", "male"),
    ("menn", "male"),
    ("m", "male"),
    ("annet", "other"),
    ("annen", "other"),
    ("andre", "other"),
    // meeting status
    ("planlagt", "planned"),
    ("avholdt", "held"),
    ("holdt", "held"),
    ("gjennomført", "held"),
    ("avlyst", "cancelled"),
    ("kansellert", "cancelled"),
    // meeting mode
    ("digitalt", "digital"),
    ("nettmøte", "digital"),
    ("videomøte", "digital"),
    ("teams", "digital"),
    ("fysisk", "physical"),
    ("fysisk møte", "physical"),
    ("fysisk oppmøte", "physical"),
    ("hybrid", "hybrid"),
    ("hybridmøte", "hybrid"),
    // role
    ("regionrepresentant", "regional"),
    ("regional representant", "regional"),
    ("region", "regional"),
    ("rhf", "regional"),
    ("tjenesten", "service"),
    ("tjeneste", "service"),
    ("tjenesterepresentant", "service"),
    ("bruker", "user"),
    ("brukerrepresentant", "user"),
    ("brukerrepresentanter", "user"),
    ("målgruppe", "constituency"),
    ("målgrupperepresentant", "constituency"),
    // input status
    ("åpen", "open"),
    ("åpent", "open"),
    ("videresendt", "forwarded"),
    ("sendt videre", "forwarded"),
    ("besvart", "answered"),
    ("lukket", "closed"),
    ("avsluttet", "closed"),
    // profile
    ("nasjonal tjeneste", "national-service"),
    ("nasjonal-tjeneste", "national-service"),
    ("nasjonale tjenester", "national-service"),
    ("kommunal", "municipal-advisory"),
    ("kommunalt", "municipal-advisory"),
    ("rådgivende", "advisory"),
    // language
    ("norsk", "nb"),
    ("bokmål", "nb"),
    ("no", "nb"),
    ("nob", "nb"),
    ("engelsk", "en"),
    // rule levels
    ("feil", "error"),
    ("advarsel", "warning"),
    ("av", "off"),
    ("skrudd av", "off"),
    // organisation kinds
    ("helseforetak", "hf"),
    ("privat sykehus", "private-hospital"),
    ("privat ideelt sykehus", "private-hospital"),
    ("felleseid hf", "joint-hf"),
    ("brukerorganisasjon", "user-organisation"),
    ("kommune", "municipality"),
    ("universitet", "university"),
];

/// The typographic quotes people type or paste around a value: “ ” „ ‘ ’ ‚ « » and the prime.
const TYPOGRAPHIC_QUOTES: &[char] = &[
    '\u{201c}', '\u{201d}', '\u{201e}', '\u{2018}', '\u{2019}', '\u{201a}', '\u{ab}', '\u{bb}',
    '\u{2032}', '\u{2033}',
];

/// The English value of `values` that the Norwegian word `found` means, if any: case, spacing
/// and typographic quotes around it ignored.
pub fn english_for(found: &str, values: &[&str]) -> Option<&'static str> {
    let word = strip_typographic_quotes(found).trim().to_lowercase();
    let word = word.split_whitespace().collect::<Vec<_>>().join(" ");
    WORDS
        .iter()
        .find(|(nb, en)| *nb == word && values.contains(en))
        .map(|(_, en)| *en)
}

/// Whether the text starts or ends with a typographic quote.
pub fn has_typographic_quotes(s: &str) -> bool {
    let s = s.trim();
    s.starts_with(TYPOGRAPHIC_QUOTES) || s.ends_with(TYPOGRAPHIC_QUOTES)
}

/// The text without typographic quotes at either end.
pub fn strip_typographic_quotes(s: &str) -> &str {
    s.trim().trim_matches(TYPOGRAPHIC_QUOTES)
}

/// The help for a value of a fixed set that was written another way, if there is one to give:
/// a Norwegian word, a value in typographic quotes, or a value in another case.
pub fn enum_help(found: &str, values: &[&str]) -> Option<Text> {
    if let Some(en) = english_for(found, values) {
        return Some(t!(
            "write `{en}`: the values are written in English",
            "skriv `{en}`: verdiene skrives på engelsk"
        ));
    }
    let bare = strip_typographic_quotes(found);
    if has_typographic_quotes(found) && values.contains(&bare) {
        return Some(quotes_help());
    }
    let lower = found.trim().to_lowercase();
    if lower != found && values.contains(&lower.as_str()) {
        return Some(t!("write `{lower}`", "skriv `{lower}`"));
    }
    None
}

/// «bruk vanlige anførselstegn (") rundt teksten».
pub fn quotes_help() -> Text {
    t!(
        "use plain quotes (\") around the text",
        "bruk vanlige anførselstegn (\") rundt teksten"
    )
}

/// `DD.MM.YYYY` (or `D.M.YYYY`, with `.`, `/` or `-` between) as the `YYYY-MM-DD` it means, if
/// that day exists; also a date in quotes or typographic quotes.
pub fn norwegian_date_to_iso(s: &str) -> Option<String> {
    let s = strip_typographic_quotes(s.trim().trim_matches('"').trim_matches('\''));
    let parts: Vec<&str> = s.split(['.', '/', '-']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(d) && all_digits(m) && all_digits(y)) || d.len() > 2 || m.len() > 2 {
        return None;
    }
    if y.len() != 4 {
        return None;
    }
    let date = chrono::NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    Some(date.format("%Y-%m-%d").to_string())
}

/// A date written in quotes, `"2019-12-20"` or `"20.12.2019"`: the bare `YYYY-MM-DD` to write.
pub fn quoted_date_to_iso(s: &str) -> Option<String> {
    let bare = strip_typographic_quotes(s.trim().trim_matches('"').trim_matches('\''));
    if chrono::NaiveDate::parse_from_str(bare, "%Y-%m-%d").is_ok() && bare.len() == 10 {
        return Some(bare.to_string());
    }
    norwegian_date_to_iso(bare)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::registry::schema::{GENDERS, MEETING_STATUSES, MODES, ROLES};

    #[test]
    fn norwegian_words_get_the_english_value_of_their_set() {
        assert_eq!(english_for("kvinne", GENDERS), Some("female"));
        assert_eq!(english_for("Mann", GENDERS), Some("male"));
        assert_eq!(english_for("avholdt", MEETING_STATUSES), Some("held"));
        assert_eq!(english_for("digitalt", MODES), Some("digital"));
        assert_eq!(english_for("regionrepresentant", ROLES), Some("regional"));
        assert_eq!(english_for("Brukerrepresentant", ROLES), Some("user"));
        assert_eq!(english_for("annen", ROLES), Some("other"));
        assert_eq!(english_for("annen", GENDERS), Some("other"));
        // A word is offered only for a set that holds its value.
        assert_eq!(english_for("avholdt", GENDERS), None);
        assert_eq!(english_for("tulleord", ROLES), None);
    }

    #[test]
    fn the_help_names_the_value_to_write() {
        let h = enum_help("kvinne", GENDERS).unwrap();
        assert_eq!(
            h.get(Lang::Nb),
            "skriv `female`: verdiene skrives på engelsk"
        );
        let h = enum_help("\u{201c}held\u{201d}", MEETING_STATUSES).unwrap();
        assert_eq!(
            h.get(Lang::Nb),
            "bruk vanlige anførselstegn (\") rundt teksten"
        );
        let h = enum_help("Held", MEETING_STATUSES).unwrap();
        assert_eq!(h.get(Lang::En), "write `held`");
        assert!(enum_help("zzz", MEETING_STATUSES).is_none());
    }

    #[test]
    fn norwegian_dates_get_the_exact_fix() {
        assert_eq!(
            norwegian_date_to_iso("20.12.2019").as_deref(),
            Some("2019-12-20")
        );
        assert_eq!(
            norwegian_date_to_iso("1.2.2024").as_deref(),
            Some("2024-02-01")
        );
        assert_eq!(
            norwegian_date_to_iso("20/12/2019").as_deref(),
            Some("2019-12-20")
        );
        assert_eq!(norwegian_date_to_iso("31.02.2019"), None);
        assert_eq!(norwegian_date_to_iso("2019-12-20"), None);
        assert_eq!(norwegian_date_to_iso("20.12.19"), None);
        assert_eq!(
            quoted_date_to_iso("\"2019-12-20\"").as_deref(),
            Some("2019-12-20")
        );
        assert_eq!(
            quoted_date_to_iso("\"20.12.2019\"").as_deref(),
            Some("2019-12-20")
        );
        assert_eq!(quoted_date_to_iso("\"i fjor\""), None);
    }

    #[test]
    fn typographic_quotes_are_recognised() {
        assert!(has_typographic_quotes("\u{201c}female\u{201d}"));
        assert!(has_typographic_quotes("\u{ab}female\u{bb}"));
        assert!(has_typographic_quotes("\u{2018}x\u{2019}"));
        assert!(!has_typographic_quotes("\"female\""));
        assert_eq!(strip_typographic_quotes(" \u{ab}nb\u{bb} "), "nb");
    }
}
