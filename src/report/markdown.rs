//! Markdown from the registry (minutes, report sections) inside reports.
//!
//! For HTML, [`to_html`] renders it with pulldown-cmark and sanitises the events: raw HTML (block
//! or inline) becomes text, so it is shown escaped and never runs; a link whose destination does
//! not start with `http://`, `https://`, `mailto:` or `#` is dropped (its text stays), so a
//! `javascript:` link cannot run; images become their alt text (the page stays self-contained).
//! Headings are shifted so that the body's top heading sits below the report's own.
//!
//! For Markdown output, [`shift_headings`] does the same shift on the source.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

fn level_num(l: HeadingLevel) -> usize {
    l as usize
}

fn level_of(n: usize) -> HeadingLevel {
    match n.clamp(1, 6) {
        1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// How many levels to add so that the body's top heading becomes `base`.
fn shift_for(src: &str, base: usize) -> usize {
    let top = Parser::new_ext(src, options())
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(level_num(level)),
            _ => None,
        })
        .min();
    top.map_or(0, |t| base.saturating_sub(t))
}

/// Whether a link destination is safe to keep.
pub fn safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["http://", "https://", "mailto:", "#"].iter().any(|p| cleaned.starts_with(p))
}

/// Renders Markdown as sanitised HTML, top heading at level `base`.
pub fn to_html(src: &str, base: usize) -> String {
    let shift = shift_for(src, base);
    let mut dropped_links: Vec<bool> = Vec::new();
    let events = Parser::new_ext(src, options()).filter_map(|e| match e {
        Event::Html(s) | Event::InlineHtml(s) => Some(Event::Text(s)),
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Start(Tag::Heading { level, id, classes, attrs }) => Some(Event::Start(Tag::Heading {
            level: level_of(level_num(level) + shift),
            id,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(level_of(level_num(level) + shift)))),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            let keep = safe_url(&dest_url);
            dropped_links.push(!keep);
            keep.then_some(Event::Start(Tag::Link { link_type, dest_url, title, id }))
        }
        Event::End(TagEnd::Link) => {
            let dropped = dropped_links.pop().unwrap_or(true);
            (!dropped).then_some(Event::End(TagEnd::Link))
        }
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        other => Some(other),
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

/// Shifts ATX headings (`# ...`) of Markdown source so that the top one is at level `base`.
pub fn shift_headings(src: &str, base: usize) -> String {
    let shift = shift_for(src, base);
    if shift == 0 {
        return src.to_string();
    }
    let mut inserts: Vec<(usize, usize)> = Vec::new();
    for (e, range) in Parser::new_ext(src, options()).into_offset_iter() {
        if let Event::Start(Tag::Heading { level, .. }) = e {
            let start = range.start;
            if let Some(off) = src[start..range.end].find('#') {
                let add = (level_num(level) + shift).min(6) - level_num(level);
                inserts.push((start + off, add));
            }
        }
    }
    let mut out = String::with_capacity(src.len() + inserts.len() * 2);
    let mut last = 0;
    for (at, add) in inserts {
        out.push_str(&src[last..at]);
        out.push_str(&"#".repeat(add));
        last = at;
    }
    out.push_str(&src[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_and_scripts_are_escaped() {
        let html = to_html("<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b>\n", 3);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b "), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
        assert!(html.contains("&lt;b onclick=&quot;x()&quot;&gt;"), "{html}");
    }

    #[test]
    fn unsafe_links_are_dropped_safe_kept() {
        let html = to_html("[a](javascript:alert(1)) [b](JaVa\tScript:x) [c](https://ok.no) [d](data:text/html,x)", 3);
        assert!(!html.to_lowercase().contains("javascript"), "{html}");
        assert!(!html.contains("data:"), "{html}");
        assert!(html.contains("<a href=\"https://ok.no\">c</a>"), "{html}");
        assert!(html.contains('a') && html.contains('d'));
    }

    #[test]
    fn headings_are_shifted() {
        assert!(to_html("# A\n\n## B\n", 3).contains("<h3>A</h3>\n<h4>B</h4>"));
        assert_eq!(shift_headings("# A\ntext\n## B\n", 4), "#### A\ntext\n##### B\n");
        assert_eq!(shift_headings("plain\n", 4), "plain\n");
        assert_eq!(shift_headings("```\n# not a heading\n```\n# H\n", 2), "```\n# not a heading\n```\n## H\n");
    }
}
