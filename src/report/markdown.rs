//! Markdown from the registry (minutes, report sections) inside reports.
//!
//! For HTML, [`to_html`] renders it with pulldown-cmark and sanitises the events: raw HTML (block
//! or inline) becomes text, so it is shown escaped and never runs; a link whose destination does
//! not start with `http://`, `https://`, `mailto:` or `#` is dropped (its text stays), so a
//! `javascript:` link cannot run; images become their alt text (the page stays self-contained).
//! Headings are shifted so that the body's top heading sits below the report's own.
//!
//! For Markdown output, [`for_markdown`] does the same on the source: headings shifted, raw
//! HTML escaped, unsafe links reduced to their text.

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
    ["http://", "https://", "mailto:", "#"]
        .iter()
        .any(|p| cleaned.starts_with(p))
}

/// Renders Markdown as sanitised HTML, top heading at level `base`.
pub fn to_html(src: &str, base: usize) -> String {
    let shift = shift_for(src, base);
    let mut dropped_links: Vec<bool> = Vec::new();
    let events = Parser::new_ext(src, options()).filter_map(|e| match e {
        Event::Html(s) | Event::InlineHtml(s) => Some(Event::Text(s)),
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Some(Event::Start(Tag::Heading {
            level: level_of(level_num(level) + shift),
            id,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(level_of(
            level_num(level) + shift,
        )))),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let keep = safe_url(&dest_url);
            dropped_links.push(!keep);
            keep.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
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

/// Markdown source as a Markdown report shows it: ATX headings (`# ...`) shifted so that the
/// top one is at level `base`; raw HTML escaped (`<` → `&lt;`), so that a Markdown viewer shows
/// it instead of running it; a link with an unsafe destination replaced by its text.
pub fn for_markdown(src: &str, base: usize) -> String {
    let shift = shift_for(src, base);
    // (start, end, replacement): insertions have start == end.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut unsafe_link: Option<(std::ops::Range<usize>, String, usize)> = None;
    for (e, range) in Parser::new_ext(src, options()).into_offset_iter() {
        if let Some((_, text, depth)) = &mut unsafe_link {
            match e {
                Event::Text(t) | Event::Code(t) => text.push_str(&t),
                Event::Html(t) | Event::InlineHtml(t) => text.push_str(&escape_html(&t)),
                Event::Start(Tag::Link { .. }) => *depth += 1,
                Event::End(TagEnd::Link) if *depth > 0 => *depth -= 1,
                Event::End(TagEnd::Link) => {
                    if let Some((r, text, _)) = unsafe_link.take() {
                        edits.push((r.start, r.end, text));
                    }
                }
                _ => {}
            }
            continue;
        }
        match e {
            Event::Start(Tag::Heading { level, .. }) if shift > 0 => {
                if let Some(off) = src[range.start..range.end].find('#') {
                    let add = (level_num(level) + shift).min(6) - level_num(level);
                    edits.push((range.start + off, range.start + off, "#".repeat(add)));
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                edits.push((range.start, range.end, escape_html(&src[range.clone()])));
            }
            Event::Start(Tag::Link { dest_url, .. }) if !safe_url(&dest_url) => {
                unsafe_link = Some((range, String::new(), 0));
            }
            _ => {}
        }
    }
    edits.sort_by_key(|(s, e, _)| (*s, *e));
    let mut out = String::with_capacity(src.len());
    let mut last = 0;
    for (start, end, text) in edits {
        if start < last {
            continue;
        }
        out.push_str(&src[last..start]);
        out.push_str(&text);
        last = end;
    }
    out.push_str(&src[last..]);
    out
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_and_scripts_are_escaped() {
        let html = to_html(
            "<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b>\n",
            3,
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b "), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(
            html.contains("&lt;b onclick=\"x()\"&gt;bold&lt;/b&gt;"),
            "{html}"
        );
    }

    #[test]
    fn unsafe_links_are_dropped_safe_kept() {
        let html = to_html(
            "[a](javascript:alert(1)) [b](JaVa\tScript:x) [c](https://ok.no) [d](data:text/html,x)",
            3,
        );
        assert!(!html.to_lowercase().contains("javascript"), "{html}");
        assert!(!html.contains("data:"), "{html}");
        assert!(html.contains("<a href=\"https://ok.no\">c</a>"), "{html}");
        assert!(html.contains('a') && html.contains('d'));
    }

    #[test]
    fn headings_are_shifted() {
        assert!(to_html("# A\n\n## B\n", 3).contains("<h3>A</h3>\n<h4>B</h4>"));
        assert_eq!(
            for_markdown("# A\ntext\n## B\n", 4),
            "#### A\ntext\n##### B\n"
        );
        assert_eq!(for_markdown("plain\n", 4), "plain\n");
        assert_eq!(
            for_markdown("```\n# not a heading\n```\n# H\n", 2),
            "```\n# not a heading\n```\n## H\n"
        );
    }

    #[test]
    fn markdown_output_neutralises_html_and_unsafe_links() {
        let md = for_markdown(
            "<script>x()</script>\n\nA <b>b</b> [c](javascript:y()) [d](https://ok.no)\n",
            3,
        );
        assert_eq!(
            md,
            "&lt;script&gt;x()&lt;/script&gt;\n\nA &lt;b&gt;b&lt;/b&gt; c [d](https://ok.no)\n"
        );
    }
}
