//! Tests of the terminal tables: fitting, wrapping, colour.

use super::fit::Lines;
use super::*;

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

fn seats() -> (Vec<String>, Vec<Vec<String>>) {
    let header = strings(&["Role", "Region (RHF) / body", "Person, employer", "Status"]);
    let body = vec![
        strings(&[
            "regional",
            "Helse Nord",
            "Kari Nordmann\nUniversitetssykehuset Nord-Norge HF",
            "active",
        ]),
        strings(&[
            "user",
            "Funksjonshemmedes Fellesorganisasjon",
            "Ulla Dahl",
            "pending: awaiting consent",
        ]),
    ];
    (header, body)
}

#[test]
fn control_and_bidi_characters_from_the_registry_are_shown_escaped() {
    assert_eq!(
        escape_controls("Kari\u{1b}[31m Nordmann\u{202e}".to_string()),
        "Kari\\u{1b}[31m Nordmann\\u{202e}"
    );
    assert_eq!(
        escape_controls("Kari\nNordmann".to_string()),
        "Kari\nNordmann"
    );
}

#[test]
fn a_megabyte_cell_is_cut_and_the_table_is_fitted_in_linear_time() {
    static COLUMNS: [Column; 2] = [col("id", "Id", "Id"), col("name", "Name", "Navn")];
    let long = "ord ".repeat(250_000);
    let rows = Rows {
        columns: &COLUMNS,
        rows: vec![
            vec!["a".into(), long.clone()],
            vec!["b".into(), "x".repeat(1_000_000)],
        ],
    };
    let start = std::time::Instant::now();
    let table = rows.table(Lang::Nb);
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
    assert!(table.contains('…'), "{table}");
    assert!(table.len() < 4 * MAX_CELL_CHARS, "{}", table.len());
    assert_eq!(cut("æøå".repeat(200)).chars().count(), MAX_CELL_CHARS + 1);
    assert_eq!(cut("kort".into()), "kort");
}

#[test]
fn a_table_that_fits_breaks_no_word_and_stays_within_the_width() {
    let (header, body) = seats();
    let widths = fit(&header, &body, &[], 60).expect("the longest words fit in 60 columns");
    assert!(widths.iter().sum::<usize>() <= 60);
    assert!(widths[1] >= "Funksjonshemmedes".len());
    assert!(widths[2] >= "Universitetssykehuset".len());
    let text = render_with(header, body, &[], Some(&widths));
    for line in text.lines() {
        assert!(line.chars().count() <= 60 + GAP * 3, "too wide: {line}");
    }
    for word in [
        "Funksjonshemmedes",
        "Universitetssykehuset",
        "Nord-Norge HF",
    ] {
        assert!(text.contains(word), "{word} is broken in:\n{text}");
    }
}

#[test]
fn a_table_whose_longest_words_do_not_fit_gets_no_widths() {
    let (header, body) = seats();
    // regional + Fellesorganisasjon + Universitetssykehuset + awaiting = 55.
    assert_eq!(fit(&header, &body, &[], 54), None);
    assert!(fit(&header, &body, &[], 55).is_some());
}

#[test]
fn a_table_with_room_to_spare_keeps_each_line_whole() {
    let (header, body) = seats();
    let widths = fit(&header, &body, &[], 200).expect("fits");
    assert_eq!(widths, vec![8, 36, 35, 25]);
}

#[test]
fn the_predicted_height_is_the_height_comfy_table_renders() {
    let (header, body) = seats();
    for room in [55, 62, 75] {
        let widths = fit(&header, &body, &[], room).expect("fits");
        let text = render_with(header.clone(), body.clone(), &[], Some(&widths));
        // The header rule is the one line that no cell takes.
        let min: Vec<usize> = vec![0; widths.len()];
        let predicted = Lines::new(&header, &body, &[], &min, &widths).cost(&widths) / 1000 + 1;
        assert_eq!(text.lines().count(), predicted, "at {room}:\n{text}");
    }
}

#[test]
fn names_keep_their_width_and_ids_break_after_a_hyphen_first() {
    let header = strings(&["Id", "Name", "Chair"]);
    let body = vec![
        strings(&[
            "nkt-solide-svulster-barn",
            "Referansegruppen for Nasjonal kompetansetjeneste for solide svulster hos barn",
            "Solveig Nygaard",
        ]),
        strings(&["frbt-stamcelle", "Referansegruppen", "Erik Myhre"]),
    ];
    let gives = [Give::Id, Give::Text, Give::Name];
    let widths = fit(&header, &body, &gives, 50).expect("fits");
    assert!(widths[2] >= "Solveig Nygaard".len(), "{widths:?}");
    assert!(widths[0] < "nkt-solide-svulster-barn".len(), "{widths:?}");
    assert!(widths.iter().sum::<usize>() <= 50, "{widths:?}");
    // Without the hints the id keeps its width and the name wraps.
    let plain = fit(&header, &body, &[], 50).expect("fits");
    assert_eq!(plain[0], "nkt-solide-svulster-barn".len(), "{plain:?}");
    assert!(plain[2] < "Solveig Nygaard".len(), "{plain:?}");
}

#[test]
fn an_id_breaks_after_hyphens_and_at_spaces_only() {
    assert_eq!(
        break_id("nkt-solide-svulster-barn", 12),
        "nkt-solide-\nsvulster-\nbarn"
    );
    assert_eq!(break_id("frbt-stamcelle", 14), "frbt-stamcelle");
    assert_eq!(
        break_id("Senja omstilling-helse", 12),
        "Senja\nomstilling-\nhelse"
    );
    // A piece longer than the line stays whole.
    assert_eq!(
        break_id("a-stamcelletransplantasjon", 5),
        "a-\nstamcelletransplantasjon"
    );
}

#[test]
fn wrap_breaks_at_spaces_and_keeps_an_abbreviation_with_its_word() {
    let text =
        "Chair: Anders Holm, since 2023-01-01, designated by Universitetssykehuset Nord-Norge HF";
    let wrapped = wrap("", "  ", text, 70);
    assert_eq!(
        wrapped,
        "Chair: Anders Holm, since 2023-01-01, designated by\n  Universitetssykehuset Nord-Norge HF\n"
    );
    assert_eq!(wrap("- ", "  ", "short", 70), "- short\n");
}

#[test]
fn only_short_capitals_are_glued() {
    assert_eq!(
        keep_tail("Helse Bergen HF".into()),
        format!("Helse Bergen{GLUE}HF")
    );
    assert_eq!(keep_tail("Morten Aas".into()), "Morten Aas");
    assert_eq!(keep_tail("HF".into()), "HF");
}

fn visible(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('\x1b') {
        out.push_str(&rest[..at]);
        let end = rest[at..].find('m').map_or(rest.len(), |m| at + m + 1);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn a_toned_row_is_coloured_and_aligned_as_the_plain_table() {
    let (header, body) = seats();
    let plain = render(header.clone(), body.clone(), &[], &[]);
    let toned = render(header, body, &[], &[Some(Tone::Alarm), Some(Tone::Warn)]);
    assert_eq!(visible(&toned), plain);
    assert!(toned.contains("\x1b[31mregional\x1b[39m"), "{toned:?}");
    assert!(toned.contains("\x1b[33mUlla Dahl\x1b[39m"), "{toned:?}");
    assert!(!toned.contains("38;5"), "{toned:?}");
    // The colour ends before the padding, and no line ends in a coloured space.
    assert!(!toned.contains(" \x1b[39m"), "{toned:?}");
    assert!(!plain.contains('\x1b'));
}

#[test]
fn plain_codes_moves_the_padding_out_of_the_colour() {
    assert_eq!(
        plain_codes("\x1b[38;5;1mledig  \x1b[39m  x"),
        "\x1b[31mledig\x1b[39m    x"
    );
    assert_eq!(plain_codes("aktiv"), "aktiv");
}
