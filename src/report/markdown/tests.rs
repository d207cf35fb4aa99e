//! Tests of Markdown from the registry in reports: sanitised HTML, escaped text, images and
//! reference definitions.

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

/// What a Markdown viewer makes of `md`, with nothing sanitised.
fn viewed(md: &str) -> String {
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(md, options()));
    out
}

#[test]
fn escaped_text_shows_exactly_the_text() {
    for s in [
        "<img src=x onerror=alert(1)>",
        "![](https://evil/p.png)",
        "[klikk](javascript:alert(1))",
        "**x** _y_ `z` ~~s~~ a|b",
        "# Heading",
        "- item",
        "+ item",
        "---",
        "===",
        "&amp; &#65; \\*",
        "[x]: javascript:alert(1)",
        "<https://example.no>",
    ] {
        let md = escape_text(s);
        let html = viewed(&md);
        let shown = html
            .trim_end()
            .strip_prefix("<p>")
            .and_then(|h| h.strip_suffix("</p>"))
            .unwrap_or_else(|| panic!("{s:?} gave {html:?}"));
        let plain = shown
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&");
        assert_eq!(plain, s, "{s:?} as {md:?} shows {html:?}");
    }
}

#[test]
fn escaping_keeps_ordinary_text_as_it_is() {
    for s in [
        "Kari Nordmann",
        "Helse Sør-Øst RHF",
        "3. desember 2026",
        "kari_nordmann@example.no",
        "+47 900 00 105",
        "Helse & omsorg",
        "#1 på lista",
        "C++ (2019-2026): 83 prosent!",
    ] {
        assert_eq!(escape_text(s), s);
    }
}

#[test]
fn line_breaks_in_a_value_become_spaces() {
    let md = escape_text("Kari\n# Overskrift\r\n\r\n| a | b |");
    assert_eq!(md, "Kari # Overskrift \\| a \\| b \\|");
    assert!(!viewed(&format!("x {md}")).contains("<h1>"));
}

#[test]
fn markdown_output_shows_images_as_their_alt_text() {
    let md = for_markdown(
        "Se ![piksel](https://tracker/pixel.png) og ![a][ref] og ![b][].\n\n[ref]: https://tracker/p2.png\n[b]: https://tracker/p3.png\n",
        3,
    );
    assert_eq!(md, "Se piksel og a og b.\n\n");
    assert!(!viewed(&md).contains("<img"));
}

#[test]
fn markdown_output_removes_every_reference_definition() {
    let md = for_markdown(
        "[klikk][js] [ok][good] [kort] [lit][nowhere]\n\n[js]: javascript:alert(1)\n[good]: https://ok.no \"Tittel\"\n[kort]: #top\n[js]: javascript:alert(2)\n> [q]: javascript:alert(3)\n",
        3,
    );
    assert_eq!(
        md,
        "klikk [ok](https://ok.no \"Tittel\") [kort](#top) \\[lit]\\[nowhere]\n\n> \n"
    );
    assert!(!md.contains("javascript"), "{md}");
    // Brackets left as text cannot be made a link by a definition elsewhere in the report.
    let joined = format!("{md}\n[nowhere]: javascript:alert(4)\n[lit]: https://x\n");
    let html = viewed(&joined);
    assert!(html.contains("[lit][nowhere]"), "{html}");
    assert!(
        !html.contains("javascript") && !html.contains("https://x\""),
        "{html}"
    );
}

#[test]
fn text_from_an_unsafe_link_or_an_image_stays_text() {
    let md = for_markdown(
        "[\\<b\\> \\*x\\*](javascript:y) ![\\[a\\](https://e)](p.png)\n",
        3,
    );
    assert_eq!(md, "\\<b\\> \\*x\\* \\[a\\](https://e)\n");
    let html = viewed(&md);
    assert!(!html.contains("<b>") && !html.contains("<a") && !html.contains("<em>"));
}

#[test]
fn a_message_keeps_its_code_spans() {
    assert_eq!(
        escape_message("innspill `kurs` fra møtet <b>"),
        "innspill `kurs` fra møtet \\<b\\>"
    );
    assert_eq!(escape_message("`a` *b* `c`"), "`a` \\*b\\* `c`");
    assert_eq!(escape_message("odd ` *x*"), "odd \\` \\*x\\*");
    assert_eq!(escape_message("empty `` [x](y)"), "empty \\`\\` \\[x\\](y)");
    assert!(!viewed(&escape_message("`<img src=x>` ![a](b)")).contains("<img"));
}
