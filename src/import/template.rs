//! `mandat import template`: an empty workbook laid out for `import registry` (and, sheet by
//! sheet, `import members`), with a sheet that explains every column with an example.

use crate::i18n::{Lang, pick};

/// (Norwegian heading, English heading, what it holds in nb, in en, example).
const MEMBER_COLUMNS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "gruppe",
        "group",
        "gruppens id (bare når arket ikke heter som gruppen)",
        "the group's id (only when the sheet is not named after the group)",
        "nkt-ms",
    ),
    (
        "navn",
        "name",
        "fullt navn (påkrevd)",
        "full name (required)",
        "Kari Nordmann",
    ),
    (
        "rolle",
        "role",
        "regional, tjenesten, bruker, annen eller målgruppe (påkrevd)",
        "regional, service, user, other or constituency (required)",
        "regional",
    ),
    (
        "region",
        "region",
        "regional plass: regionen (id eller navn)",
        "regional seat: the region (id or name)",
        "Helse Nord RHF",
    ),
    (
        "arbeidsgiver",
        "employer",
        "organisasjon (id eller navn)",
        "organisation (id or name)",
        "Universitetssykehuset Nord-Norge HF",
    ),
    (
        "organisasjon",
        "organisation",
        "brukerplass: brukerorganisasjonen",
        "user seat: the user organisation",
        "ffo",
    ),
    (
        "målgruppe",
        "constituency",
        "målgruppeplass: en av gruppens målgrupper",
        "constituency seat: one of the group's constituencies",
        "eldreradet",
    ),
    ("foreslått", "proposed", "dato", "date", "01.11.2024"),
    ("samtykke", "consented", "dato", "date", "10.11.2024"),
    (
        "leder avklart",
        "leader-cleared",
        "dato",
        "date",
        "12.11.2024",
    ),
    ("oppnevnt", "appointed", "dato", "date", "01.01.2025"),
    (
        "oppnevnt av",
        "appointed-by",
        "RHF-et (id eller navn) eller organisasjonen",
        "the RHF (id or name) or organisation",
        "helse-nord",
    ),
    (
        "brev",
        "letter",
        "referanse til oppnevningsbrevet",
        "reference of the appointment letter",
        "2024/12345",
    ),
    ("kunngjort", "notified", "dato", "date", "05.01.2025"),
    ("funksjonstid til", "term-end", "dato", "date", "31.12.2026"),
    ("sluttet", "ended", "dato", "date", ""),
    (
        "e-post",
        "email",
        "privat: skrives aldri i rapporter",
        "private: never printed in reports",
        "",
    ),
    (
        "telefon",
        "phone",
        "privat: skrives aldri i rapporter",
        "private: never printed in reports",
        "",
    ),
    (
        "kjønn",
        "gender",
        "kvinne, mann eller annet",
        "female, male or other",
        "kvinne",
    ),
];

const GROUP_COLUMNS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "id",
        "id",
        "gruppens id: a-z, 0-9 og - (påkrevd)",
        "the group's id: a-z, 0-9 and - (required)",
        "nkt-ms",
    ),
    (
        "navn",
        "name",
        "gruppens navn (påkrevd)",
        "the group's name (required)",
        "Referansegruppen for NK MS",
    ),
    (
        "profil",
        "profile",
        "nasjonal tjeneste, kommunal rådgivende eller rådgivende (påkrevd)",
        "national-service, municipal-advisory or advisory (required)",
        "nasjonal tjeneste",
    ),
    (
        "tjeneste",
        "service",
        "nasjonal tjeneste: tjenestens navn",
        "national service: the service's name",
        "Nasjonal kompetansetjeneste for multippel sklerose",
    ),
    (
        "vert",
        "host",
        "nasjonal tjeneste: HF-et/HF-ene tjenesten ligger i, skilt med komma",
        "national service: the HF(s) hosting the service, separated by commas",
        "Helse Bergen HF",
    ),
    (
        "ansvarlig",
        "responsible",
        "nasjonal tjeneste: HF-et som har ansvaret",
        "national service: the responsible HF",
        "Helse Bergen HF",
    ),
    (
        "eier",
        "owner",
        "kommunal: kommunen",
        "municipal: the municipality",
        "",
    ),
    (
        "prosess",
        "process",
        "kommunal: prosessen",
        "municipal: the process",
        "",
    ),
    (
        "rapporterer til",
        "reports-to",
        "kommunal: hvor innspill tas",
        "municipal: where inputs are taken",
        "",
    ),
    (
        "målgrupper",
        "constituencies",
        "kommunal: målgruppenes id-er, skilt med komma",
        "municipal: the constituencies' ids, separated by commas",
        "",
    ),
    (
        "opprettet",
        "established",
        "dato (standard: i dag)",
        "date (default: today)",
        "01.05.2019",
    ),
];

pub fn sheets(lang: Lang) -> Vec<crate::output::xlsx::Sheet> {
    use crate::output::xlsx::{Cell, Sheet};
    let heading =
        |c: &(&'static str, &'static str, &str, &str, &str)| pick(lang, c.1, c.0).to_string();
    let mut help = Vec::new();
    for (sheet, cols) in [
        (pick(lang, "groups", "grupper"), GROUP_COLUMNS),
        (pick(lang, "members", "medlemmer"), MEMBER_COLUMNS),
    ] {
        for c in cols {
            help.push(vec![
                Cell::Text(sheet.to_string()),
                Cell::Text(heading(c)),
                Cell::Text(pick(lang, c.3, c.2).to_string()),
                Cell::Text(c.4.to_string()),
            ]);
        }
    }
    vec![
        Sheet {
            name: pick(lang, "groups", "grupper").into(),
            header: GROUP_COLUMNS.iter().map(heading).collect(),
            rows: Vec::new(),
        },
        Sheet {
            name: pick(lang, "members", "medlemmer").into(),
            header: MEMBER_COLUMNS.iter().map(heading).collect(),
            rows: Vec::new(),
        },
        Sheet {
            name: pick(lang, "help", "veiledning").into(),
            header: [
                pick(lang, "Sheet", "Ark"),
                pick(lang, "Column", "Kolonne"),
                pick(lang, "What it holds", "Hva den inneholder"),
                pick(lang, "Example", "Eksempel"),
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
            rows: help,
        },
    ]
}
