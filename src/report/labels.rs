//! The fixed words of reports, in both languages: one table, so that a translation is a table
//! and not a hunt. Templates read them as `labels.<key>`.

use std::collections::BTreeMap;

use crate::i18n::{Lang, StaticText};
use crate::registry::{InputStatus, MeetingStatus, Mode, Role};

macro_rules! labels {
    ($($key:ident: $en:literal, $nb:literal;)*) => {
        /// Every label: key, English, Norwegian.
        pub const LABELS: &[(&str, StaticText)] = &[
            $((stringify!($key), StaticText { en: $en, nb: $nb }),)*
        ];
    };
}

labels! {
    annual_title: "Annual report", "Årsrapport";
    reference_group: "Reference group", "Referansegruppe";
    service: "Service", "Tjeneste";
    host: "Host", "Vertskap";
    responsible: "Responsible HF", "Ansvarlig helseforetak";
    owner: "Owner", "Eier";
    process: "Process", "Prosess";
    reports_to: "Reports to", "Rapporterer til";
    established: "Established", "Opprettet";
    dissolved: "Dissolved", "Avviklet";
    year: "Year", "År";
    composition: "Composition", "Sammensetning";
    chair: "Chair", "Leder";
    role: "Role", "Rolle";
    region: "Region", "Region";
    person: "Person", "Person";
    organisation: "Organisation", "Organisasjon";
    employer: "Employer", "Arbeidsgiver";
    from: "From", "Fra";
    to: "To", "Til";
    email: "E-mail", "E-post";
    phone: "Phone", "Telefon";
    vacancies: "Vacancies", "Ledige plasser";
    vacant: "vacant", "ledig";
    pending: "Pending appointments", "Oppnevninger under arbeid";
    proposed: "proposed", "foreslått";
    no_vacancies: "No vacancies.", "Ingen ledige plasser.";
    meetings: "Meetings", "Møter";
    no_meetings: "No meetings this year.", "Ingen møter dette året.";
    date: "Date", "Dato";
    mode: "Mode", "Form";
    status: "Status", "Status";
    location: "Location", "Sted";
    attended: "Attended", "Til stede";
    absent: "Absent", "Fravær";
    minutes: "Minutes", "Referat";
    no_minutes: "No minutes recorded.", "Referat mangler.";
    inputs: "Inputs", "Innspill";
    no_inputs: "No inputs.", "Ingen innspill.";
    input: "Input", "Innspill";
    raised_by: "Raised by", "Fra";
    meeting: "Meeting", "Møte";
    taken_to: "Taken to", "Tatt videre til";
    response: "Response", "Svar";
    milestone: "Milestone", "Milepæl";
    no_milestone: "Not tied to a milestone", "Ikke knyttet til en milepæl";
    feedback: "The group's feedback on the service", "Gruppens tilbakemelding på tjenesten";
    regional_sections: "Regional sections", "Regionale deler";
    missing: "Missing", "Mangler";
    missing_section: "The section is missing.", "Delen mangler.";
    should_write: "To be written by", "Skal skrives av";
    no_representative: "no regional representative this year", "ingen regional representant dette året";
    author: "Author", "Forfatter";
    submitted: "Submitted", "Levert";
    not_submitted: "not submitted", "ikke levert";
    not_submitted_yet: "Not submitted yet", "Ikke levert ennå";
    due: "Due", "Frist";
    compliance: "Compliance", "Etterlevelse av mandatet";
    period_in_year: "In the year", "I året";
    appointed: "Appointed", "Oppnevnt";
    term_end: "Term ends", "Funksjonstid til";
    days: "days", "dager";
    appendix: "Appendix for the coordinator", "Vedlegg for koordinator";
    appendix_note: "Rule ids and files, for whoever keeps the registry.", "Regel-id-er og filer, for den som fører registeret.";
    compliance_ok: "No rule of the mandate was broken.", "Ingen regler i mandatet ble brutt.";
    compliance_as_of: "Checked as of", "Kontrollert per";
    severity: "Severity", "Alvorlighet";
    rule: "Rule", "Regel";
    file: "File", "Fil";
    region_title: "Regional overview", "Regional oversikt";
    overview: "Overview", "Oversikt";
    group: "Group", "Gruppe";
    attendance: "Attended", "Oppmøte";
    terms_ending: "Terms ending within a year", "Funksjonstid som går ut innen et år";
    inputs_to_region: "Inputs taken to the RHF", "Innspill tatt videre til RHF-et";
    section_text: "The region's section", "Regionens del";
    groups: "Groups", "Grupper";
    no_groups: "No groups.", "Ingen grupper.";
    representative: "Representative", "Representant";
    section: "Section", "Del";
    representative_attended: "Representative attended", "Representanten var til stede";
    yes: "yes", "ja";
    no: "no", "nei";
    not_recorded: "not recorded", "ikke registrert";
    inputs_title: "Summary of inputs", "Oppsummering av innspill";
    since: "Since", "Fra og med";
    generated: "Generated", "Laget";
    total: "Total", "Sum";
    expenses_title: "Expenses", "Utgifter";
    travel_paid_by: "Travel and stay paid by", "Reise og opphold betales av";
    meeting_paid_by: "Meeting (rooms, food) paid by", "Møteutgifter (møterom, servering) betales av";
    payer: "Payer", "Betaler";
    trips: "Trips", "Reiser";
    basis: "Basis", "Grunnlag";
    basis_employer: "employer", "arbeidsgiver";
    basis_user: "user representative: the responsible HF pays", "brukerrepresentant: ansvarlig helseforetak betaler";
    basis_user_municipal: "represents users or a constituency: the owner pays", "representerer brukere eller et råd: eieren betaler";
    basis_digital: "digital meeting: no travel", "digitalt møte: ingen reise";
    basis_remote: "took part remotely: no travel", "deltok digitalt: ingen reise";
    basis_hybrid: "hybrid meeting: only if they came in person", "hybridmøte: bare hvis vedkommende møtte fysisk";
    basis_no_employer: "no employer recorded", "ingen arbeidsgiver registrert";
    no_held_meetings: "No meetings held this year.", "Ingen møter holdt dette året.";
}

/// The labels in one language, for templates.
pub fn for_lang(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    LABELS.iter().map(|(k, t)| (*k, t.get(lang))).collect()
}

/// The words of a role (one table: [`crate::keywords`]).
pub fn role(role: Role, lang: Lang) -> &'static str {
    role.title(lang)
}

/// The words of a meeting status (one table: [`crate::keywords`]).
pub fn meeting_status(s: MeetingStatus, lang: Lang) -> &'static str {
    s.word(lang)
}

/// The words of a mode (one table: [`crate::keywords`]).
pub fn mode(m: Mode, lang: Lang) -> &'static str {
    m.word(lang)
}

/// The words of a input status (one table: [`crate::keywords`]).
pub fn input_status(s: InputStatus, lang: Lang) -> &'static str {
    s.word(lang)
}

/// The known constituencies (målgrupper) by id: their names as a reader writes them.
const CONSTITUENCIES: &[(&str, StaticText)] = &[
    (
        "eldreradet",
        StaticText {
            en: "the council for the elderly",
            nb: "eldrerådet",
        },
    ),
    (
        "brukerradet",
        StaticText {
            en: "the user council",
            nb: "brukerrådet",
        },
    ),
    (
        "parorende",
        StaticText {
            en: "next of kin",
            nb: "pårørende",
        },
    ),
    (
        "interesseorganisasjoner",
        StaticText {
            en: "interest organisations",
            nb: "interesseorganisasjoner",
        },
    ),
    (
        "ungdomsradet",
        StaticText {
            en: "the youth council",
            nb: "ungdomsrådet",
        },
    ),
    (
        "radet-for-personer-med-funksjonsnedsettelse",
        StaticText {
            en: "the council for persons with disabilities",
            nb: "rådet for personer med funksjonsnedsettelse",
        },
    ),
    (
        "pasienter",
        StaticText {
            en: "patients",
            nb: "pasienter",
        },
    ),
    (
        "brukere",
        StaticText {
            en: "users",
            nb: "brukere",
        },
    ),
    (
        "ansatte",
        StaticText {
            en: "employees",
            nb: "ansatte",
        },
    ),
    (
        "tillitsvalgte",
        StaticText {
            en: "union representatives",
            nb: "tillitsvalgte",
        },
    ),
];

/// A constituency's display name: from the table, else the id with its hyphens as spaces.
pub fn constituency(id: &str, lang: Lang) -> String {
    CONSTITUENCIES
        .iter()
        .find(|(k, _)| *k == id)
        .map_or_else(|| id.replace('-', " "), |(_, t)| t.get(lang).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique() {
        let mut keys: Vec<&str> = LABELS.iter().map(|(k, _)| *k).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(n, keys.len());
    }
}

#[cfg(test)]
mod constituency_tests {
    use super::*;

    #[test]
    fn constituencies_read_as_words_in_both_languages() {
        assert_eq!(constituency("parorende", Lang::Nb), "pårørende");
        assert_eq!(constituency("parorende", Lang::En), "next of kin");
        assert_eq!(constituency("nye-brukere", Lang::Nb), "nye brukere");
    }
}
