//! Splitting a Markdown file into TOML front matter and body, by hand, keeping byte offsets.
//!
//! The front matter starts with a first line that is exactly `+++` and ends at the next line
//! that is exactly `+++` (a trailing `\r` is allowed on both). Everything after is the body.

use std::ops::Range;

#[derive(Debug, PartialEq, Eq)]
pub enum Split {
    /// Byte ranges of the front matter (between the delimiter lines) and the body.
    Parts {
        front: Range<usize>,
        body: Range<usize>,
    },
    /// The first line is not `+++`.
    Missing,
    /// The opening `+++` has no closing line; the range is the opening line.
    Unterminated(Range<usize>),
}

fn is_delimiter(line: &str) -> bool {
    line.strip_suffix('\r').unwrap_or(line) == "+++"
}

/// The offset of the first line break in `text` at or after `from` (the memchr crate's SIMD
/// search: `str::find` with a char went byte by byte through 8 at a time, 1.5% of `validate`'s
/// instructions with the line search of [`body_is_empty`]).
fn line_break(text: &str, from: usize) -> Option<usize> {
    memchr::memchr(b'\n', &text.as_bytes()[from..]).map(|i| from + i)
}

/// Splits `text`, whose first byte sits at offset `base` of the file.
pub fn split(text: &str, base: usize) -> Split {
    let first_end = line_break(text, 0);
    let first = &text[..first_end.unwrap_or(text.len())];
    if !is_delimiter(first) {
        return Split::Missing;
    }
    let Some(first_end) = first_end else {
        return Split::Unterminated(base..base + first.len());
    };
    let front_start = first_end + 1;
    // Candidates for the closing line: the start of the front matter, then each `+++` right
    // after a line break. Searching for the substring skips over the lines between (going line
    // by line was 3% of `validate`'s instructions).
    let mut candidate = Some(front_start);
    while let Some(pos) = candidate {
        let end = line_break(text, pos).unwrap_or(text.len());
        if is_delimiter(&text[pos..end]) {
            let body_start = (end + 1).min(text.len());
            return Split::Parts {
                front: base + front_start..base + pos,
                body: base + body_start..base + text.len(),
            };
        }
        candidate = text
            .get(pos..)
            .and_then(|rest| find_ascii(rest, "\n+++", 1))
            .map(|i| pos + i + 1);
    }
    Split::Unterminated(base..base + first.len())
}

/// The byte offset of a TOML file's first key: the first line, from `start`, that is neither
/// blank, nor a comment, nor a table header. `None` when there is none.
pub fn first_key(text: &str, start: usize) -> Option<usize> {
    let mut at = start;
    for line in text.get(start..)?.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if !(trimmed.trim().is_empty() || trimmed.starts_with('#') || trimmed.starts_with('[')) {
            return Some(at + indent);
        }
        at += line.len();
    }
    None
}

/// Whether a Markdown body is empty in the sense of `minutes-recorded` (rules.md, second
/// round): after removing HTML comments (`<!-- ... -->`; one left open runs to the end), it holds
/// nothing but ATX headings (lines starting with `#`) and white space. Such minutes are not yet
/// written, and such a report section or feedback counts as missing.
pub fn body_is_empty(body: &str) -> bool {
    let no_text = |l: &str| {
        let l = l.trim_start();
        l.trim().is_empty() || l.starts_with('#')
    };
    // Line by line up to the first `<`, before which no comment can have begun: most minutes
    // have text in their first lines. A line cut off there that has text has it whatever
    // follows (a line break and a `\r` are white space to `no_text`).
    let comment_at = memchr::memchr(b'<', body.as_bytes());
    let before = &body[..comment_at.unwrap_or(body.len())];
    let mut start = 0;
    while start <= before.len() {
        let end = line_break(before, start).unwrap_or(before.len());
        if !no_text(&before[start..end]) {
            return false;
        }
        start = end + 1;
    }
    // Each piece outside the comments on its own: a comment counts as a line break. No copy of
    // the body is made, and the first line with text ends the search.
    comment_at.is_none() || outside_comments(body).all(|piece| piece.lines().all(no_text))
}

/// A Markdown body without its HTML comments (`<!-- ... -->`; one left open runs to the end),
/// each replaced by a line break: what a reader of a report is shown, never the guidance a
/// template or a kickoff stub keeps in comments.
pub fn without_comments(body: &str) -> String {
    let mut text = String::new();
    for (i, piece) in outside_comments(body).enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(piece);
    }
    text
}

/// The pieces of a Markdown body between its HTML comments, in order; one more piece than there
/// are comments.
fn outside_comments(body: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(body);
    std::iter::from_fn(move || {
        let now = rest?;
        let Some(open) = find_ascii(now, "<!--", 0) else {
            rest = None;
            return Some(now);
        };
        // The comment's own text: CommonMark allows `<!-->` and `<!--->` as whole comments.
        let after = &now[open + 4..];
        let short = ["->", ">"].into_iter().find(|e| after.starts_with(e));
        rest = Some(match (short, find_ascii(after, "-->", 2)) {
            (Some(e), _) => &after[e.len()..],
            (None, Some(close)) => &after[close + 3..],
            (None, None) => "",
        });
        Some(&now[..open])
    })
}

/// Where the ASCII string `needle` first occurs in `hay`, found by looking for its byte at
/// index `rare` (one seldom in the text) with `memchr`: `str::find` with a string runs the
/// two-way search, which took 3% of `validate`'s instructions on these short texts.
fn find_ascii(hay: &str, needle: &str, rare: usize) -> Option<usize> {
    debug_assert!(needle.is_ascii());
    let key = needle.as_bytes()[rare];
    let mut from = 0;
    while let Some(i) = memchr::memchr(key, &hay.as_bytes()[from..]) {
        let hit = from + i;
        if let Some(start) = hit.checked_sub(rare)
            && hay.as_bytes()[start..].starts_with(needle.as_bytes())
        {
            return Some(start);
        }
        // The key is one ASCII byte: the next byte starts a character.
        from = hit + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `body_is_empty` must answer, the long way: the body without its comments, line by
    /// line.
    fn empty_by_lines(body: &str) -> bool {
        without_comments(body)
            .lines()
            .map(str::trim_start)
            .all(|l| l.trim().is_empty() || l.starts_with('#'))
    }

    proptest::proptest! {
        #[test]
        fn the_quick_look_at_a_body_agrees_with_the_long_way(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    "[ a#\r\n<>!-]{0,6}",
                    proptest::strategy::Just("<!--".to_string()),
                    proptest::strategy::Just("-->".to_string()),
                    proptest::strategy::Just("\n# A\n".to_string()),
                ],
                0..10,
            )
        ) {
            let body = parts.concat();
            proptest::prop_assert_eq!(body_is_empty(&body), empty_by_lines(&body), "{:?}", body);
        }
    }

    #[test]
    fn comments_are_taken_out_of_what_a_report_shows() {
        assert_eq!(
            without_comments("# Helse Nord\n<!-- skriv her -->\nTekst.\n<!-- uavsluttet"),
            "# Helse Nord\n\n\nTekst.\n\n"
        );
        assert_eq!(without_comments("Ingen kommentar."), "Ingen kommentar.");
    }

    #[test]
    fn the_first_key_skips_comments_blank_lines_and_headers() {
        assert_eq!(first_key("name = 1\n", 0), Some(0));
        assert_eq!(first_key("# c\n\n  name = 1\n", 0), Some(7));
        assert_eq!(first_key("\u{feff}# c\nname = 1\n", 3), Some(7));
        assert_eq!(first_key("# only\n[[chair]]\nperson = 1\n", 0), Some(17));
        assert_eq!(first_key("# nothing\n", 0), None);
    }

    #[test]
    fn finding_by_the_rare_byte_finds_what_str_find_finds() {
        let hays = [
            "",
            "+++",
            "a\n+++",
            "\n++\n+++\n",
            "æø\n+++å",
            "<!- <!-- -->",
            "--> -->",
        ];
        for hay in hays {
            for (needle, rare) in [("\n+++", 1), ("<!--", 0), ("-->", 2)] {
                assert_eq!(
                    find_ascii(hay, needle, rare),
                    hay.find(needle),
                    "{hay:?} {needle:?}"
                );
            }
        }
    }

    /// Judging piece by piece is judging the text without comments line by line.
    #[test]
    fn emptiness_is_judged_as_on_the_text_without_comments() {
        for body in [
            "",
            "Tekst",
            "<!-- a -->",
            "# A <!-- b --> tekst",
            "tekst <!-- b --> # A",
            "<!-->tekst",
            "<!--->\n# A",
            "<!-- uavsluttet\ntekst",
            "  <!-- a -->  \n\t# B\n<!-- c -->x<!-- d -->",
            "a-->b<!--c",
            "Tekst\n<!-- a -->",
            "# A\n\n  tekst <!-- b",
            "# A\n<!-- b\ntekst\n-->\n## C\n",
            "# A\r\n\r\n<!-- b -->\r\n",
            "# A\n1 < 2\n",
            "# A <!-- b -->\ntekst",
            "  \n# A <!-- b\n-->",
            "\n\n",
            "tekst<",
            "<",
        ] {
            assert_eq!(body_is_empty(body), empty_by_lines(body), "{body:?}");
        }
    }

    #[test]
    fn a_body_of_headings_comments_and_space_is_empty() {
        assert!(body_is_empty(""));
        assert!(body_is_empty("\n  \n"));
        assert!(body_is_empty(
            "# Referat\n\n## 1. Saksliste\n<!-- skriv her -->\n"
        ));
        assert!(body_is_empty(
            "<!--\nflere linjer\n# ikke en overskrift\n-->\n## 2.\n"
        ));
        assert!(body_is_empty("# Tittel\n<!-- aldri lukket\nTekst\n"));
        assert!(body_is_empty("<!-->\n<!--->\n"));
        assert!(!body_is_empty("# Referat\nVi drøftet saken.\n"));
        assert!(!body_is_empty(
            "<!-- veiledning -->Tekst etter kommentaren\n"
        ));
        assert!(!body_is_empty("#Referat er ikke\n- et punkt\n"));
    }
    use proptest::prelude::*;

    /// The plain reading of the rule, line by line, to check [`split`] against.
    fn split_slowly(text: &str, base: usize) -> Split {
        let mut lines = text.split_inclusive('\n');
        let Some(first) = lines
            .next()
            .filter(|l| is_delimiter(l.trim_end_matches('\n')))
        else {
            return Split::Missing;
        };
        let opening = base..base + first.trim_end_matches('\n').len();
        if !first.ends_with('\n') {
            return Split::Unterminated(opening);
        }
        let mut pos = first.len();
        for line in lines {
            if is_delimiter(line.trim_end_matches('\n')) {
                return Split::Parts {
                    front: base + first.len()..base + pos,
                    body: base + pos + line.len()..base + text.len(),
                };
            }
            pos += line.len();
        }
        // A file ending in a line break ends with an empty line, which is not a delimiter.
        Split::Unterminated(opening)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn agrees_with_reading_line_by_line(
            parts in prop::collection::vec(
                prop_oneof![
                    4 => Just("+++"),
                    4 => Just("\n"),
                    2 => Just("a = 1"),
                    1 => Just("\r"),
                    1 => Just("+"),
                    1 => Just(" "),
                    1 => Just("æ"),
                ],
                0..16,
            ),
            base in 0usize..5,
        ) {
            let text = parts.concat();
            prop_assert_eq!(split(&text, base), split_slowly(&text, base), "{:?}", text);
        }

        #[test]
        fn finds_what_str_find_finds(
            parts in prop::collection::vec(
                prop_oneof![Just("<"), Just("!"), Just("-"), Just(">"), Just("\n"), Just("+"), Just("æ")],
                0..24,
            ),
        ) {
            let hay = parts.concat();
            for (needle, rare) in [("\n+++", 1), ("<!--", 0), ("-->", 2), ("<!--", 1)] {
                prop_assert_eq!(find_ascii(&hay, needle, rare), hay.find(needle), "{:?}", hay);
            }
        }
    }

    #[test]
    fn splits_with_lf_and_crlf() {
        let t = "+++\ndate = 1\n+++\n# Body\n+++\n";
        assert_eq!(
            split(t, 0),
            Split::Parts {
                front: 4..13,
                body: 17..t.len()
            }
        );
        let t = "+++\r\na = 1\r\n+++\r\nbody";
        let Split::Parts { front, body } = split(t, 3) else {
            panic!()
        };
        assert_eq!(&t[front.start - 3..front.end - 3], "a = 1\r\n");
        assert_eq!(&t[body.start - 3..body.end - 3], "body");
    }

    #[test]
    fn reports_missing_and_unterminated() {
        assert_eq!(split("# no front matter\n", 0), Split::Missing);
        assert_eq!(split("", 0), Split::Missing);
        assert_eq!(split("+++\na = 1\n", 0), Split::Unterminated(0..3));
        assert_eq!(split("+++", 0), Split::Unterminated(0..3));
        assert_eq!(split("++++\n+++\n", 0), Split::Missing);
    }

    #[test]
    fn closing_line_at_end_of_file_without_newline() {
        let t = "+++\na = 1\n+++";
        assert_eq!(
            split(t, 0),
            Split::Parts {
                front: 4..10,
                body: 13..13
            }
        );
    }
}
