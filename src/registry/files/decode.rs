//! Bytes read from a file into text: UTF-8, UTF-16 as Windows tools save it, U+FFFD for what is
//! neither.

/// The text of bytes read from a file, with U+FFFD for bytes that are not UTF-8; UTF-16 text
/// (as Windows tools save it) is decoded, so that the `pii` rule sees its digits.
pub(in crate::registry) fn lossy_text(bytes: Vec<u8>) -> String {
    if let Some(text) = utf16_text(&bytes) {
        return text;
    }
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

/// The text of UTF-16 bytes: with a byte-order mark, or without one when every other byte is
/// zero (text in the Latin alphabet). `None` for anything else.
pub(super) fn utf16_text(bytes: &[u8]) -> Option<String> {
    let (little, body) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        // Text in UTF-8 never starts with a zero byte: most files are ruled out by two bytes.
        [a, b, ..]
            if bytes.len() >= 4 && bytes.len().is_multiple_of(2) && ((*a == 0) != (*b == 0)) =>
        {
            let zeros = |parity: usize| {
                bytes
                    .iter()
                    .skip(parity)
                    .step_by(2)
                    .filter(|b| **b == 0)
                    .count()
            };
            let (even, odd, half) = (zeros(0), zeros(1), bytes.len() / 2);
            if odd == half && even == 0 {
                (true, bytes)
            } else if even == half && odd == 0 {
                (false, bytes)
            } else {
                return None;
            }
        }
        _ => return None,
    };
    let units = body.chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}
