//! The identity-number scanner: finds Norwegian national identity numbers (fødselsnummer and
//! D-number) in text, and masks them. Ground floor: the `pii` rule, the loader, the renderers
//! and every output that prints registry text use it; it imports nothing of ours.
//!
//! An identity number is 11 digits, not part of a longer run of digits, whose first six digits
//! are a date (day + 40 for a D-number) and whose two control digits are valid (rules.md).

use std::borrow::Cow;

/// Byte offsets of the identity numbers in `text`: runs of exactly 11 digits that pass
/// [`is_identity_number`].
///
/// Every file of the registry goes through here, so it looks at one byte in eleven where it
/// can: when the byte 10 places ahead is not a digit, no run of 11 digits can start at or
/// before it, and the search jumps past it.
pub fn find(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // Invariant: `i` is not inside a run of digits (it is 0 or follows a non-digit), and every
    // run that starts before `i` has been looked at.
    let mut i = 0;
    while i + 11 <= bytes.len() {
        if !bytes[i + 10].is_ascii_digit() {
            i += 11;
            continue;
        }
        // The run holding byte i + 10 starts at or after `i`, by the invariant.
        let mut start = i + 10;
        while start > i && bytes[start - 1].is_ascii_digit() {
            start -= 1;
        }
        let mut end = i + 11;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
        if end - start == 11 && is_identity_number(&bytes[start..end]) {
            found.push(start);
        }
        i = end + 1;
    }
    found
}

/// Whether 11 ASCII digits form a valid fødselsnummer or D-number.
pub fn is_identity_number(digits: &[u8]) -> bool {
    let d: Vec<u32> = digits.iter().map(|b| u32::from(b - b'0')).collect();
    if d.len() != 11 {
        return false;
    }
    let mut day = d[0] * 10 + d[1];
    if day > 40 {
        day -= 40;
    }
    let month = d[2] * 10 + d[3];
    let yy = d[4] * 10 + d[5];
    let is_date = [1900, 2000]
        .iter()
        .any(|c| chrono::NaiveDate::from_ymd_opt((c + yy) as i32, month, day).is_some());
    if !is_date {
        return false;
    }
    let w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    let s1: u32 = w1.iter().zip(&d).map(|(w, x)| w * x).sum();
    if (s1 + d[9]) % 11 > 3 {
        return false;
    }
    let w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let s2: u32 = w2.iter().zip(&d).map(|(w, x)| w * x).sum();
    let k2 = match 11 - s2 % 11 {
        11 => 0,
        10 => return false,
        k => k,
    };
    k2 == d[10]
}

/// `text` with every identity number masked as its first six digits and `*****` (rules.md, «No
/// identity number leaves the tool»). Borrows when there is nothing to mask.
pub fn mask(text: &str) -> Cow<'_, str> {
    let found = find(text);
    if found.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for start in found {
        out.push_str(&text[last..start + 6]);
        out.push_str("*****");
        last = start + 11;
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a valid number from a date and an individual number, by the classic rule.
    pub fn make(date: &str, individual: &str) -> String {
        let mut d: Vec<u32> = format!("{date}{individual}")
            .bytes()
            .map(|b| u32::from(b - b'0'))
            .collect();
        let w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
        let k1 = (11 - w1.iter().zip(&d).map(|(w, x)| w * x).sum::<u32>() % 11) % 11;
        d.push(k1);
        let w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        let k2 = (11 - w2.iter().zip(&d).map(|(w, x)| w * x).sum::<u32>() % 11) % 11;
        d.push(k2);
        d.iter().map(|x| char::from(b'0' + *x as u8)).collect()
    }

    #[test]
    fn finds_valid_numbers_alone_but_not_in_longer_runs() {
        let n = (100..200)
            .map(|i| make("010190", &i.to_string()))
            .find(|n| n.len() == 11 && is_identity_number(n.as_bytes()))
            .unwrap();
        assert_eq!(find(&format!("fnr: {n}.")), vec![5]);
        assert!(find(&format!("1{n}")).is_empty());
        assert!(find(&format!("{n}1")).is_empty());
    }

    /// The plain scan `find` must agree with: every maximal run of exactly 11 digits.
    fn find_slowly(text: &str) -> Vec<usize> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 11 && is_identity_number(&bytes[start..i]) {
                found.push(start);
            }
        }
        found
    }

    proptest::proptest! {
        #[test]
        fn the_skipping_search_finds_what_the_plain_scan_finds(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just(make("010190", "123")),
                    proptest::strategy::Just(make("410190", "456")),
                    "[0-9]{0,13}",
                    "[ a-z.-]{0,12}",
                ],
                0..12,
            )
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(find(&text), find_slowly(&text));
        }
    }

    #[test]
    fn mask_keeps_six_digits_and_leaves_other_numbers_alone() {
        let n = (100..200)
            .map(|i| make("010190", &i.to_string()))
            .find(|n| n.len() == 11 && is_identity_number(n.as_bytes()))
            .unwrap();
        assert_eq!(
            mask(&format!("fnr {n}, tlf 12345678")),
            "fnr 010190*****, tlf 12345678"
        );
        assert_eq!(mask(&format!("{n}{n}")), format!("{n}{n}"));
        assert!(matches!(mask("ingen nummer"), Cow::Borrowed(_)));
    }

    #[test]
    fn d_numbers_add_forty_to_the_day() {
        let n = (100..200)
            .map(|i| make("410190", &i.to_string()))
            .find(|n| n.len() == 11 && is_identity_number(n.as_bytes()))
            .unwrap();
        assert!(is_identity_number(n.as_bytes()));
    }

    #[test]
    fn rejects_impossible_dates_and_bad_control_digits() {
        assert!(!is_identity_number(b"32019012345"));
        assert!(!is_identity_number(b"01139012345"));
        assert!(!is_identity_number(b"12345678901"));
        assert!(!is_identity_number(b"00000000000"));
    }
}
