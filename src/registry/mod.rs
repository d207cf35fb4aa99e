//! Loading the registry: the serde-free walk over the folder, spans, and the typed model.
//!
//! Files → [`load`] → [`Registry`] plus the `syntax`, `schema` and file-level diagnostics found
//! while reading. Nothing here judges the mandate; that is [`crate::rules`].
//!
//! - `load`: what to load and in which order;
//! - `files` and [`one_file`]: the file store (disk, overlay, folder by folder by `prefetch`,
//!   size and link limits, files that are not files, UTF-8);
//! - `parallel`: the whole registry loaded on every core, and `shift`, which numbers what each
//!   thread loaded after the files before it;
//! - `parse`: TOML and front matter into tables; `build/`: one builder per file kind, with the
//!   guards that cannot be switched off;
//! - `other_files`: the `pii` walk over the other files (their text, their names, large exports).

mod build;
mod files;
pub mod frontmatter;
pub mod lifecycle;
pub mod load;
pub mod model;
pub mod obligations;
pub mod one_file;
mod other_files;
mod parallel;
mod parse;
pub mod parser_text;
mod prefetch;
pub mod read;
pub mod schema;
mod shift;
pub mod value_hint;

pub use lifecycle::{Stage, Vacancy, add_days, dec31, jan1};
pub use load::{
    BeforeFolder, LoadError, Loaded, Overlay, Scope, find_root, load, load_watched, load_with,
};
pub use model::*;
pub use obligations::{Obligation, ObligationKind};
pub use parallel::threads;

/// The contract's id form: 1 to 64 characters of `a-z`, `0-9` and `-`, starting with a letter.
pub fn is_valid_id(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.as_bytes()[0].is_ascii_lowercase()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Why `s` is not an id, for a note under a diagnostic: the first thing wrong with it, naming
/// a character by its code point, since a look-alike (a Cyrillic `а` for a Latin `a`) cannot be
/// seen. `None` for a valid id.
pub fn why_not_an_id(s: &str) -> Option<crate::i18n::Text> {
    use crate::t;
    let len = s.chars().count();
    let bad = s
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
    Some(match (s.chars().next(), bad) {
        (None, _) => t!("an id cannot be empty", "en id kan ikke være tom"),
        (_, Some((at, c))) => {
            let (code, pos) = (
                format!("U+{:04X}", u32::from(c)),
                s[..at].chars().count() + 1,
            );
            let shown = crate::source::shown(&c.to_string());
            if c.is_ascii_uppercase() {
                t!(
                    "character {pos}, `{shown}`, is a capital letter; ids are written in lower case",
                    "tegn {pos}, `{shown}`, er en stor bokstav; id-er skrives med små bokstaver"
                )
            } else if c.is_alphabetic() && !c.is_ascii() {
                t!(
                    "character {pos}, `{shown}` ({code}), is not one of the Latin letters a-z, though it may look like one",
                    "tegn {pos}, `{shown}` ({code}), er ikke en av de latinske bokstavene a-z, selv om det kan ligne"
                )
            } else {
                t!(
                    "character {pos}, `{shown}` ({code}), is not allowed; an id holds only a-z, 0-9 and -",
                    "tegn {pos}, `{shown}` ({code}), er ikke tillatt; en id har bare a-z, 0-9 og -"
                )
            }
        }
        (Some(first), None) if !first.is_ascii_lowercase() => t!(
            "an id starts with a letter, not `{first}`",
            "en id starter med en bokstav, ikke `{first}`"
        ),
        _ if len > 64 => t!(
            "an id has at most 64 characters, not {len}",
            "en id har høyst 64 tegn, ikke {len}"
        ),
        _ => return None,
    })
}

/// Derives an id from a name: lower-case, `æ→ae ø→o å→a é→e`, every other run of
/// non-`[a-z0-9]` becomes `-`. May return a string that is still not a valid id (e.g. one
/// that starts with a digit); callers check with [`is_valid_id`].
pub fn id_from_name(name: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in name.to_lowercase().chars() {
        let mapped = match c {
            'æ' => "ae",
            'ø' => "o",
            'å' => "a",
            'é' => "e",
            c if c.is_ascii_lowercase() || c.is_ascii_digit() => {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(c);
                continue;
            }
            _ => {
                dash = true;
                continue;
            }
        };
        if dash && !out.is_empty() {
            out.push('-');
        }
        dash = false;
        out.push_str(mapped);
    }
    out.truncate(64);
    out.trim_end_matches('-').to_string()
}

/// A meeting file stem `YYYY-MM-DD[-slug]` → its date and slug.
pub fn parse_meeting_stem(stem: &str) -> Option<(Date, Option<&str>)> {
    // Read by hand: parsing with a format string and formatting back (to refuse `2025-3-14`)
    // was 2% of `validate`'s instructions.
    let b = stem.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        b.get(range)?.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let year = i32::try_from(digits(0..4)?).ok()?;
    let date = chrono::NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)?;
    match &stem[10..] {
        "" => Some((date, None)),
        rest => {
            let slug = rest.strip_prefix('-')?;
            let ok = !slug.is_empty()
                && slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            ok.then_some((date, Some(slug)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_contract() {
        assert!(is_valid_id("helse-nord"));
        assert!(is_valid_id("a1"));
        assert!(!is_valid_id("Helse-nord"));
        assert!(!is_valid_id("1abc"));
        assert!(!is_valid_id("a b"));
        assert!(!is_valid_id("../x"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id(&"a".repeat(65)));
    }

    #[test]
    fn ids_from_names_transliterate() {
        assert_eq!(id_from_name("Kari Nordmann"), "kari-nordmann");
        assert_eq!(id_from_name("Bjørn Ærlig-Åsen"), "bjorn-aerlig-asen");
        assert_eq!(id_from_name("  René  O'Brien "), "rene-o-brien");
    }

    #[test]
    fn meeting_stems() {
        let d = chrono::NaiveDate::from_ymd_opt(2025, 3, 14).unwrap();
        assert_eq!(parse_meeting_stem("2025-03-14"), Some((d, None)));
        assert_eq!(parse_meeting_stem("2025-03-14-var"), Some((d, Some("var"))));
        assert_eq!(parse_meeting_stem("2025-02-30"), None);
        assert_eq!(parse_meeting_stem("2025-3-14"), None);
        assert_eq!(parse_meeting_stem("2025-03-14_x"), None);
        assert_eq!(parse_meeting_stem("referat"), None);
        assert_eq!(parse_meeting_stem("2025-03-1"), None);
        assert_eq!(parse_meeting_stem("2025-03-1x"), None);
        assert_eq!(parse_meeting_stem("+025-03-14"), None);
        assert_eq!(parse_meeting_stem("2025-13-01"), None);
        assert_eq!(parse_meeting_stem("2025-00-10"), None);
        assert_eq!(
            parse_meeting_stem("2024-02-29"),
            Some((chrono::NaiveDate::from_ymd_opt(2024, 2, 29).unwrap(), None))
        );
        assert_eq!(parse_meeting_stem("2025-03-14-"), None);
        assert_eq!(parse_meeting_stem("2025-03-14-Vår"), None);
        assert_eq!(parse_meeting_stem("2025-03-14æ"), None);
        assert_eq!(parse_meeting_stem("ææææ-03-14"), None);
    }
}
