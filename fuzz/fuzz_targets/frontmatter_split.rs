//! Front-matter splitting on any text: no panic, and the ranges it returns lie in the text, in
//! order, on character boundaries, with the body running to the end.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mandat::registry::frontmatter::{Split, split};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let base = usize::from(data.first().copied().unwrap_or(0) % 4);
    match split(text, base) {
        Split::Parts { front, body } => {
            assert!(base <= front.start && front.start <= front.end);
            assert!(front.end <= body.start && body.start <= body.end);
            assert_eq!(body.end, base + text.len());
            assert!(text.get(front.start - base..front.end - base).is_some());
            assert!(text.get(body.start - base..body.end - base).is_some());
        }
        Split::Unterminated(open) => {
            assert!(text.get(open.start - base..open.end - base).is_some());
        }
        Split::Missing => {}
    }
});
