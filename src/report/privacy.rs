//! Keeping e-mail addresses and phone numbers out of reports.
//!
//! A person's `email` and `phone` fields are simply left out of a view unless asked for. Free
//! text (minutes, report sections, input summaries) may also hold them, so it is redacted:
//! anything shaped like `name@domain.tld`, a `+` followed by 8 to 15 digits (single spaces
//! allowed), or a Norwegian 8-digit number written `12345678`, `12 34 56 78` or `123 45 678`
//! (not part of a longer digit run). Dates (`2025-03-14`) and letter references (`2019/2218`)
//! are left alone.

use crate::i18n::{Lang, pick};

/// Replaces e-mail addresses and phone numbers in `text` with a marker.
pub fn redact(text: &str, lang: Lang) -> String {
    let email_mark = pick(lang, "[e-mail removed]", "[e-post fjernet]");
    let phone_mark = pick(lang, "[phone removed]", "[telefon fjernet]");
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        if let Some((start, end)) = email_at(bytes, i)
            && start >= copied
        {
            out.push_str(&text[copied..start]);
            out.push_str(email_mark);
            copied = end;
            i = end;
            continue;
        }
        if let Some(end) = phone_at(bytes, i) {
            out.push_str(&text[copied..i]);
            out.push_str(phone_mark);
            copied = end;
            i = end;
            continue;
        }
        i += 1;
    }
    out.push_str(&text[copied..]);
    out
}

fn is_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"._%+-".contains(&b)
}

fn is_domain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'.' || b == b'-'
}

/// An e-mail address whose `@` is at `i`: its byte range.
fn email_at(bytes: &[u8], i: usize) -> Option<(usize, usize)> {
    if bytes[i] != b'@' {
        return None;
    }
    let mut start = i;
    while start > 0 && is_local(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = i + 1;
    while end < bytes.len() && is_domain(bytes[end]) {
        end += 1;
    }
    while end > i + 1 && bytes[end - 1] == b'.' {
        end -= 1;
    }
    let domain = &bytes[i + 1..end];
    let ok = start < i && domain.contains(&b'.') && !domain.starts_with(b".");
    ok.then_some((start, end))
}

/// A phone number starting at `i`: its end.
fn phone_at(bytes: &[u8], i: usize) -> Option<usize> {
    let prev_digit = i > 0 && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'+');
    if prev_digit {
        return None;
    }
    if bytes[i] == b'+' {
        let (end, digits) = digit_run(bytes, i + 1, true);
        return (8..=15).contains(&digits).then_some(end);
    }
    if !bytes[i].is_ascii_digit() {
        return None;
    }
    // Groups of digits separated by single spaces: 8, 2-2-2-2 or 3-2-3.
    let mut groups = Vec::new();
    let mut j = i;
    loop {
        let start = j;
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        groups.push(j - start);
        if j + 1 < bytes.len()
            && bytes[j] == b' '
            && bytes[j + 1].is_ascii_digit()
            && groups.len() < 4
        {
            j += 1;
            continue;
        }
        break;
    }
    for (pattern, len) in [(&[8][..], 1), (&[2, 2, 2, 2][..], 4), (&[3, 2, 3][..], 3)] {
        if groups.len() >= len && groups[..len] == *pattern {
            let end = i + pattern.iter().sum::<usize>() + len - 1;
            let next_digit = end < bytes.len() && bytes[end].is_ascii_digit();
            if !next_digit {
                return Some(end);
            }
        }
    }
    None
}

/// Digits from `i`, single spaces allowed between them: (end, number of digits).
fn digit_run(bytes: &[u8], mut i: usize, spaces: bool) -> (usize, usize) {
    let mut digits = 0;
    let mut end = i;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            digits += 1;
            i += 1;
            end = i;
        } else if spaces
            && bytes[i] == b' '
            && i + 1 < bytes.len()
            && bytes[i + 1].is_ascii_digit()
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
    fn keeps_dates_references_and_years() {
        let t = "Møtet 2025-03-14, brev 2019/2218, år 2025, sak 123456789, @here og a@b.";
        assert_eq!(redact(t, Lang::Nb), t);
    }
}
