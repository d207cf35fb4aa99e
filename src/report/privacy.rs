//! Keeping e-mail addresses and phone numbers out of reports.
//!
//! A person's `email` and `phone` fields are simply left out of a view unless asked for. Free
//! text (names, minutes, report sections, input summaries) may also hold them, so it is redacted:
//! anything shaped like `name@domain.tld`, a `+` followed by 8 to 15 digits, or a Norwegian 8-digit
//! number written `12345678`, `12 34 56 78` or `123 45 678` (not part of a longer digit run).
//!
//! The shapes are matched on the text as a reader sees it, not as it is typed: HTML entities
//! (`&#64;`, `&commat;`, `&nbsp;`), a Markdown-escaped `\@`, and the spaces and dashes that Word
//! and Outlook paste (non-breaking and thin spaces, en dashes) are read as what they show, and
//! digit groups may be separated by a space, a dash or a dot (`+47-923-45-678`, `934.56.789`).
//! Dates (`2025-03-14`, `14.03.2025`) and letter references (`2019/2218`) are left alone.

use crate::i18n::{Lang, pick};

/// Replaces e-mail addresses and phone numbers in `text` with a marker.
pub fn redact(text: &str, lang: Lang) -> String {
    let email_mark = pick(lang, "[e-mail removed]", "[e-post fjernet]");
    let phone_mark = pick(lang, "[phone removed]", "[telefon fjernet]");
    let view = Normalised::of(text);
    let bytes = view.bytes.as_slice();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        let found = match email_at(bytes, i) {
            Some((start, end)) if start >= copied => Some((start, end, email_mark)),
            _ => phone_at(bytes, i).map(|end| (i, end, phone_mark)),
        };
        if let Some((start, end, mark)) = found {
            out.push_str(&text[view.origin(copied)..view.origin(start)]);
            out.push_str(mark);
            copied = end;
            i = end;
            continue;
        }
        i += 1;
    }
    out.push_str(&text[view.origin(copied)..]);
    out
}

/// The text as ASCII bytes a reader would see, one byte per shown character, each mapped back
/// to where it starts in the original. Characters that matter for nothing here (letters beyond
/// ASCII) become `\x01`, which no shape matches.
struct Normalised {
    bytes: Vec<u8>,
    /// Byte offset in the original of each byte of `bytes`, and the original's length last.
    starts: Vec<usize>,
}

/// Entities and escapes read as the character they show.
const ENTITIES: &[(&str, u8)] = &[
    ("&#64;", b'@'),
    ("&#x40;", b'@'),
    ("&#X40;", b'@'),
    ("&commat;", b'@'),
    ("\\@", b'@'),
    ("&#46;", b'.'),
    ("&period;", b'.'),
    ("&nbsp;", b' '),
    ("&#160;", b' '),
    ("&#xa0;", b' '),
    ("&#xA0;", b' '),
    ("&#43;", b'+'),
    ("&plus;", b'+'),
];

impl Normalised {
    fn of(text: &str) -> Normalised {
        let mut bytes = Vec::with_capacity(text.len());
        let mut starts = Vec::with_capacity(text.len() + 1);
        let mut rest = text;
        let mut at = 0;
        while let Some(c) = rest.chars().next() {
            let (shown, len) = match ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) {
                Some((e, b)) => (*b, e.len()),
                None => (Self::shown(c), c.len_utf8()),
            };
            bytes.push(shown);
            starts.push(at);
            at += len;
            rest = &rest[len..];
        }
        starts.push(at);
        Normalised { bytes, starts }
    }

    fn shown(c: char) -> u8 {
        match c {
            c if c.is_ascii() => c as u8,
            '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => b' ',
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe63}' | '\u{ff0d}' => b'-',
            '\u{ff20}' | '\u{fe6b}' => b'@',
            '\u{ff0e}' | '\u{2024}' => b'.',
            '\u{ff0b}' => b'+',
            _ => 0x01,
        }
    }

    /// The original byte offset of normalised byte `i` (the original's length past the end).
    fn origin(&self, i: usize) -> usize {
        self.starts[i]
    }
}

fn is_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"._%+-".contains(&b)
}

fn is_domain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'.' || b == b'-'
}

/// An e-mail address whose `@` is at `i`: its byte range. Spaces around the `@` are allowed
/// (`kari @ example.no`), as a reader still sees an address.
fn email_at(bytes: &[u8], i: usize) -> Option<(usize, usize)> {
    if bytes[i] != b'@' {
        return None;
    }
    let mut start = i;
    while start > 0 && bytes[start - 1] == b' ' {
        start -= 1;
    }
    let local_end = start;
    while start > 0 && is_local(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = i + 1;
    while end < bytes.len() && bytes[end] == b' ' {
        end += 1;
    }
    let domain_start = end;
    while end < bytes.len() && is_domain(bytes[end]) {
        end += 1;
    }
    while end > domain_start && bytes[end - 1] == b'.' {
        end -= 1;
    }
    let domain = &bytes[domain_start..end];
    let ok = start < local_end && domain.contains(&b'.') && !domain.starts_with(b".");
    ok.then_some((start, end))
}

fn is_separator(b: u8) -> bool {
    matches!(b, b' ' | b'-' | b'.')
}

/// A phone number starting at `i`: its end.
fn phone_at(bytes: &[u8], i: usize) -> Option<usize> {
    let prev_digit = i > 0 && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'+');
    if prev_digit {
        return None;
    }
    if bytes[i] == b'+' {
        let (end, digits) = digit_run(bytes, i + 1);
        return (8..=15).contains(&digits).then_some(end);
    }
    if !bytes[i].is_ascii_digit() {
        return None;
    }
    // Groups of digits separated by one space, dash or dot, the same between every group:
    // 8, 2-2-2-2 or 3-2-3.
    let mut groups = Vec::new();
    let mut separator = None;
    let mut j = i;
    loop {
        let start = j;
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        groups.push(j - start);
        let next = bytes.get(j).copied().filter(|&b| is_separator(b));
        if let Some(sep) = next
            && separator.is_none_or(|s| s == sep)
            && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
            && groups.len() < 4
        {
            separator = Some(sep);
            j += 1;
            continue;
        }
        break;
    }
    for (pattern, len) in [(&[8][..], 1), (&[2, 2, 2, 2][..], 4), (&[3, 2, 3][..], 3)] {
        if groups.len() >= len && groups[..len] == *pattern {
            let end = i + pattern.iter().sum::<usize>() + len - 1;
            let next_digit = end < bytes.len() && bytes[end].is_ascii_digit();
            // `12.03.2025` is a date and `2025-03-14` too; neither matches these shapes, but a
            // group followed by more digits after a separator is part of something longer.
            let runs_on = end + 1 < bytes.len()
                && bytes[end] == separator.unwrap_or(0)
                && bytes[end + 1].is_ascii_digit();
            if !next_digit && !runs_on {
                return Some(end);
            }
        }
    }
    None
}

/// Digits from `i`, single separators (space, dash, dot) allowed between them: (end, number of
/// digits).
fn digit_run(bytes: &[u8], mut i: usize) -> (usize, usize) {
    let mut digits = 0;
    let mut end = i;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            digits += 1;
            i += 1;
            end = i;
        } else if is_separator(bytes[i])
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            && digits > 0
        {
            i += 1;
        } else {
            break;
        }
    }
    (end, digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_addresses_and_numbers() {
        let t =
            "Kontakt kari@example.no eller +47 900 00 000, 91 23 45 67, 912 34 567 og 91234567.";
        assert_eq!(
            redact(t, Lang::En),
            "Kontakt [e-mail removed] eller [phone removed], [phone removed], [phone removed] og [phone removed]."
        );
    }

    #[test]
    fn removes_what_office_programs_paste_and_entities_hide() {
        let t = "Ring +47\u{a0}912\u{a0}34\u{a0}567 eller +47-923-45-678, 934.56.789, 912\u{2009}34\u{2009}567; skriv kari&#64;example.no, ola\\@example.no, per&commat;example.no, a @ example.no.";
        assert_eq!(
            redact(t, Lang::Nb),
            "Ring [telefon fjernet] eller [telefon fjernet], [telefon fjernet], [telefon fjernet]; skriv [e-post fjernet], [e-post fjernet], [e-post fjernet], [e-post fjernet]."
        );
    }

    #[test]
    fn keeps_dates_with_dots_and_dashes_and_year_ranges() {
        let t =
            "Møte 14.03.2025 og 2025-03-14, perioden 2025–2030, kl. 10.00–15.00, sak 12.345.678.9.";
        assert_eq!(redact(t, Lang::Nb), t);
    }

    /// Every generated shape of a phone number or an address is removed, whatever separators
    /// and entities it is written with, and nothing of it is left.
    mod generated {
        use super::*;
        use proptest::prelude::*;

        fn separator() -> impl Strategy<Value = &'static str> {
            prop_oneof![
                Just(" "),
                Just("\u{a0}"),
                Just("\u{2009}"),
                Just("\u{202f}"),
                Just("-"),
                Just("\u{2013}"),
                Just("."),
                Just("&nbsp;"),
            ]
        }

        fn phone() -> impl Strategy<Value = String> {
            (
                prop_oneof![Just(""), Just("+47 "), Just("+47"), Just("&#43;47 ")],
                "[49][0-9]{7}",
                prop_oneof![Just(vec![8]), Just(vec![2, 2, 2, 2]), Just(vec![3, 2, 3])],
                separator(),
            )
                .prop_map(|(prefix, digits, groups, sep)| {
                    let mut out = prefix.to_string();
                    let mut at = 0;
                    for (k, g) in groups.iter().enumerate() {
                        if k > 0 {
                            out.push_str(sep);
                        }
                        out.push_str(&digits[at..at + g]);
                        at += g;
                    }
                    out
                })
        }

        fn email() -> impl Strategy<Value = String> {
            (
                "[a-z][a-z0-9.]{0,8}[a-z]",
                prop_oneof![
                    Just("@"),
                    Just("&#64;"),
                    Just("&#x40;"),
                    Just("&commat;"),
                    Just("\\@")
                ],
                "[a-z]{2,8}",
                prop_oneof![Just("no"), Just("com"), Just("org")],
            )
                .prop_map(|(local, at, domain, tld)| format!("{local}{at}{domain}.{tld}"))
        }

        proptest! {
            #[test]
            fn phone_numbers_are_removed(p in phone(), before in "[A-Za-zæøå ]{0,10}", after in "[A-Za-zæøå ,]{0,10}") {
                let out = redact(&format!("{before} {p} {after}"), Lang::En);
                prop_assert!(out.contains("[phone removed]"), "{out}");
                let digits: String = out.chars().filter(char::is_ascii_digit).collect();
                prop_assert!(digits.is_empty(), "{out}");
            }

            #[test]
            fn addresses_are_removed(e in email(), before in "[A-Za-zæøå ]{0,10}") {
                let out = redact(&format!("{before} {e}, takk"), Lang::En);
                prop_assert!(out.contains("[e-mail removed]"), "{out}");
                prop_assert!(!out.contains('@') && !out.contains("&#") && !out.contains("&commat"), "{out}");
            }
        }
    }

    #[test]
    fn keeps_dates_references_and_years() {
        let t = "Møtet 2025-03-14, brev 2019/2218, år 2025, sak 123456789, @here og a@b.";
        assert_eq!(redact(t, Lang::Nb), t);
    }
}
