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

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd, html};

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
/// it instead of running it; a link with an unsafe destination replaced by its text; an image
/// replaced by its alt text (no remote image is fetched when the report is opened).
///
/// Reference links that stay are written inline (`[text](dest "title")`) and every reference
/// definition is removed, as is any `[` left as plain text escaped: a report joins many bodies
/// into one document, where a definition from one body could otherwise give a link or an image
/// to the brackets of another.
pub fn for_markdown(src: &str, base: usize) -> String {
    let shift = shift_for(src, base);
    // (start, end, replacement): insertions have start == end.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    // A link or image being replaced by its text: (range, text so far, nested links).
    let mut replaced: Option<(std::ops::Range<usize>, String, usize)> = None;
    // Reference links being written inline: (range, end of the last child, `](dest "title")`).
    let mut inlined: Vec<(std::ops::Range<usize>, usize, String)> = Vec::new();
    let mut in_code_block = false;
    let mut parser = Parser::new_ext(src, options()).into_offset_iter();
    for (e, range) in &mut parser {
        if let Some((_, text, depth)) = &mut replaced {
            match e {
                Event::Text(t) | Event::Code(t) => text.push_str(&t),
                Event::Html(t) | Event::InlineHtml(t) => text.push_str(&t),
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                Event::Start(Tag::Link { .. } | Tag::Image { .. }) => *depth += 1,
                Event::End(TagEnd::Link | TagEnd::Image) if *depth > 0 => *depth -= 1,
                Event::End(TagEnd::Link | TagEnd::Image) => {
                    if let Some((r, text, _)) = replaced.take() {
                        edits.push((r.start, r.end, escape_text(&text)));
                    }
                }
                _ => {}
            }
            continue;
        }
        if let Some((_, child_end, _)) = inlined.last_mut()
            && !matches!(e, Event::Start(Tag::Link { .. }) | Event::End(TagEnd::Link))
        {
            *child_end = (*child_end).max(range.end);
        }
        match e {
            Event::Start(Tag::Heading { level, .. }) if shift > 0 => {
                if let Some(off) = src[range.start..range.end].find('#') {
                    let add = (level_num(level) + shift).min(6) - level_num(level);
                    edits.push((range.start + off, range.start + off, "#".repeat(add)));
                }
            }
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Html(_) | Event::InlineHtml(_) => {
                edits.push((range.start, range.end, escape_html(&src[range.clone()])));
            }
            // Brackets the parser left as text: escaped, so that no definition elsewhere in the
            // report can make a link or an image of them. Only a verbatim stretch of source is
            // touched; its first character may be escaped already.
            Event::Text(t) if !in_code_block && src[range.clone()] == *t => {
                let before = src[..range.start]
                    .bytes()
                    .rev()
                    .take_while(|b| *b == b'\\')
                    .count();
                for (i, c) in t.char_indices() {
                    if c == '[' && !(i == 0 && before % 2 == 1) {
                        edits.push((range.start + i, range.start + i, "\\".to_string()));
                    }
                }
            }
            Event::Start(Tag::Image { link_type, .. }) => {
                replaced = Some((extend_collapsed(src, link_type, range), String::new(), 0));
            }
            Event::Start(Tag::Link { dest_url, .. }) if !safe_url(&dest_url) => {
                replaced = Some((range, String::new(), 0));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) if matches!(
                link_type,
                LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut
            ) =>
            {
                let range = extend_collapsed(src, link_type, range);
                inlined.push((
                    range.clone(),
                    range.start + 1,
                    inline_destination(&dest_url, &title),
                ));
            }
            Event::End(TagEnd::Link) => {
                if let Some((r, child_end, dest)) = inlined.pop() {
                    edits.push((child_end, r.end, dest));
                }
            }
            _ => {}
        }
    }
    for (_, def) in parser.reference_definitions().iter() {
        edits.push(definition_removal(src, &def.span));
    }
    let out = apply(src, edits);
    remove_definitions(out)
}

/// The edit that removes a reference definition: with its line break when it fills its line.
fn definition_removal(src: &str, span: &std::ops::Range<usize>) -> (usize, usize, String) {
    let line_start = span.start == 0 || src[..span.start].ends_with('\n');
    let end = if line_start && src[span.end..].starts_with('\n') {
        span.end + 1
    } else {
        span.end
    };
    (span.start, end, String::new())
}

/// The range of a collapsed reference (`[text][]`), whose `[]` the parser leaves out of it.
fn extend_collapsed(
    src: &str,
    link_type: LinkType,
    range: std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    if link_type == LinkType::Collapsed && src[range.end..].starts_with("[]") {
        range.start..range.end + 2
    } else {
        range
    }
}

/// `](dest "title")`: the end of an inline link; the destination without angle brackets (a
/// space as `%20`, brackets and backslashes escaped), so the report has no raw `<`.
fn inline_destination(dest: &str, title: &str) -> String {
    let mut out = String::from("](");
    for c in dest.chars() {
        match c {
            '<' | '>' | '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' ' => out.push_str("%20"),
            c if c.is_control() => {}
            _ => out.push(c),
        }
    }
    if !title.is_empty() {
        out.push_str(" \"");
        for c in title.chars() {
            match c {
                '"' | '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                '\r' | '\n' => out.push(' '),
                _ => out.push(c),
            }
        }
        out.push('"');
    }
    out.push(')');
    out
}

/// Applies non-overlapping edits (start, end, replacement); an edit inside an earlier one is
/// left out.
fn apply(src: &str, mut edits: Vec<(usize, usize, String)>) -> String {
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

/// Removes the reference definitions the parser keeps: the first of each label. A second
/// definition of the same label only shows after the first is gone, hence the rounds; after
/// [`DEFINITION_ROUNDS`] what is left cannot be used anyway, since no reference is left to use
/// it (every reference was written inline and every other `[` escaped).
fn remove_definitions(mut md: String) -> String {
    for _ in 0..DEFINITION_ROUNDS {
        let mut parser = Parser::new_ext(&md, options());
        for _ in &mut parser {}
        let spans: Vec<(usize, usize, String)> = parser
            .reference_definitions()
            .iter()
            .map(|(_, d)| definition_removal(&md, &d.span))
            .collect();
        if spans.is_empty() {
            break;
        }
        md = apply(&md, spans);
    }
    md
}

const DEFINITION_ROUNDS: usize = 16;

/// Plain text (a name, a title, a free-text field) as Markdown that shows exactly that text:
/// line breaks become spaces, and a backslash goes before every character that could start
/// Markdown inline (`` \ ` * [ ] < > | ~ ``, `_` where it could emphasise, `&` where it could
/// start an entity) and before `#`, `-`, `+` or `=` at the start where they could make a
/// heading, a list item or a rule. So a value cannot add a heading, a link, an image, emphasis,
/// raw HTML or a table cell to a report. An ordered-list number at the start (`3. desember`) is
/// left as it is: at the start of a line it could at most show the same text as a numbered item.
pub fn escape_text(s: &str) -> String {
    escape_from(&one_line(s), true)
}

/// A program's message as Markdown: like [`escape_text`], except that its `` `…` `` (the ids a
/// message quotes) stay code spans. Text inside a code span is shown as it is, so nothing in it
/// is live; a message with an odd number of backticks, or an empty pair, is escaped whole.
pub fn escape_message(s: &str) -> String {
    let line = one_line(s);
    let parts: Vec<&str> = line.split('`').collect();
    if parts.len() < 3
        || parts.len().is_multiple_of(2)
        || parts.iter().skip(1).step_by(2).any(|p| p.trim().is_empty())
    {
        return escape_from(&line, true);
    }
    let mut out = String::with_capacity(line.len() + 8);
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 {
            out.push('`');
            out.push_str(part);
            out.push('`');
        } else {
            out.push_str(&escape_from(part, i == 0));
        }
    }
    out
}

/// Line breaks (and the blank lines between them) as one space.
fn one_line(s: &str) -> String {
    s.split(['\r', '\n'])
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// [`escape_text`] of one line; `start`: whether `s` begins the value.
fn escape_from(s: &str, start: bool) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
            '#' => start && i == 0 && next.is_none_or(|n| n == ' ' || n == '\t' || n == '#'),
            '-' | '+' | '=' => {
                start && i == 0 && next.is_none_or(|n| n == ' ' || n == '\t' || n == c)
            }
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The text a line of Markdown shows (escapes resolved, emphasis and links reduced to their
/// words), for a title.
pub fn plain_text(line: &str) -> String {
    let mut out = String::new();
    for e in Parser::new_ext(line, options()) {
        match e {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_string()
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests;
