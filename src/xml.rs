//! Escaping text for XML: the one escaper of the JUnit report and the Word letters.
//!
//! (HTML and Markdown have escapers of their own: their rules differ.)

/// Where the escaped text goes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Xml {
    /// Character data: `&`, `<`, `>` escaped, a carriage return kept as `&#13;` (a parser would
    /// turn it into a line feed), a character XML 1.0 cannot hold shown as U+FFFD.
    Text,
    /// An attribute value in double quotes: as [`Xml::Text`], and `"` escaped, line feeds and tabs
    /// kept as references (a parser would turn them into spaces).
    Attribute,
    /// The text of a run in a Word document (`<w:t>`): `&`, `<`, `>` and `"` escaped, tabs and
    /// line feeds kept, carriage returns and the characters XML 1.0 cannot hold left out.
    WordRun,
}

/// A character XML 1.0 cannot hold at all (a control character other than tab, line feed and
/// carriage return, U+FFFE, U+FFFF).
fn is_forbidden(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// `s` escaped for the place `to`.
pub fn escape(s: &str, to: Xml) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if to != Xml::Text => out.push_str("&quot;"),
            '\n' if to == Xml::Attribute => out.push_str("&#10;"),
            '\t' if to == Xml::Attribute => out.push_str("&#9;"),
            '\r' if to == Xml::WordRun => {}
            '\r' => out.push_str("&#13;"),
            c if is_forbidden(c) && to == Xml::WordRun => {}
            c if is_forbidden(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_characters_xml_cannot_hold() {
        assert_eq!(
            escape("a < b && c > \"d\"\r\n", Xml::Text),
            "a &lt; b &amp;&amp; c &gt; \"d\"&#13;\n"
        );
        assert_eq!(
            escape("\"x\"\n\ty", Xml::Attribute),
            "&quot;x&quot;&#10;&#9;y"
        );
        assert_eq!(
            escape("nul\0bell\u{7}", Xml::Text),
            "nul\u{fffd}bell\u{fffd}"
        );
        assert_eq!(escape("\u{ffff}", Xml::Attribute), "\u{fffd}");
    }

    #[test]
    fn a_word_run_leaves_out_what_xml_cannot_hold() {
        assert_eq!(
            escape("1 & 2 <x> \"q\"\t\r\0\u{ffff}end\n", Xml::WordRun),
            "1 &amp; 2 &lt;x&gt; &quot;q&quot;\tend\n"
        );
    }
}
