//! The fixed words of the public site, in both languages: one table, read by the templates as
//! `labels.<key>`.

use std::collections::BTreeMap;

use crate::i18n::{Lang, StaticText};

macro_rules! labels {
    ($($key:ident: $en:literal, $nb:literal;)*) => {
        /// Every label: key, English, Norwegian.
        pub const LABELS: &[(&str, StaticText)] = &[
            $((stringify!($key), StaticText { en: $en, nb: $nb }),)*
        ];
    };
}

labels! {
    skip: "Skip to content", "Gå til innholdet";
    site_title: "Reference groups", "Referansegrupper";
    home: "All reference groups", "Alle referansegrupper";
    breadcrumb: "Breadcrumb", "Brødsmulesti";
    updated: "Last updated", "Sist oppdatert";
    national_service: "National services", "Nasjonale tjenester";
    municipal_advisory: "Municipal processes", "Kommunale prosesser";
    other_groups: "Other groups", "Andre grupper";
    groups_caption: "Reference groups, their chair and status", "Referansegruppene, leder og status";
    group: "Group", "Gruppe";
    service: "Service", "Tjeneste";
    process: "Process", "Prosess";
    owner: "Owner", "Eier";
    host: "Host", "Vertskap";
    reports_to: "Reports to", "Rapporterer til";
    established: "Established", "Opprettet";
    dissolved: "Dissolved", "Avviklet";
    status: "Status", "Status";
    complete: "complete", "komplett";
    vacant_seats: "vacant seats", "ledige plasser";
    no_chair: "no chair", "mangler leder";
    chair: "Chair", "Leder";
    chair_marker: "chair", "leder";
    chair_since: "since", "siden";
    no_chair_now: "The group has no chair at present.", "Gruppen har ingen leder nå.";
    members: "Members", "Medlemmer";
    members_caption: "Members of", "Medlemmer av";
    as_of: "as of", "per";
    seat: "Seat", "Plass";
    name: "Name", "Navn";
    organisation: "Employer or organisation", "Arbeidsgiver eller organisasjon";
    since: "Member since", "Medlem siden";
    vacant: "Vacant", "Ledig";
    vacant_since: "vacant since", "ledig siden";
    not_represented: "not represented", "ikke representert";
    former_members: "Former members", "Tidligere medlemmer";
    former_chairs: "Former chairs", "Tidligere ledere";
    no_former: "No former members.", "Ingen tidligere medlemmer.";
    period: "Period", "Periode";
    meetings: "Meetings", "Møter";
    meetings_held: "Meetings held", "Holdte møter";
    meetings_planned: "Planned meetings", "Planlagte møter";
    no_meetings_held: "No meetings held yet.", "Ingen møter holdt ennå.";
    no_meetings_planned: "No meetings planned.", "Ingen møter planlagt.";
    date: "Date", "Dato";
    mode: "Mode", "Møteform";
    minutes: "Minutes", "Referater";
    minutes_of: "Minutes of", "Referat fra";
    no_minutes: "No minutes written.", "Ikke skrevet referat.";
    mandate: "Mandate", "Mandat";
    mandate_full: "The full mandate", "Hele mandatet";
    milestones: "Milestones", "Milepæler";
    constituencies: "Represented", "Representerer";
    regions: "Regional health authorities", "Regionale helseforetak";
    region_intro: "Every reference group of a national service where this regional health authority holds a seat, and who holds it.", "Alle referansegrupper for nasjonale tjenester der dette regionale helseforetaket har en plass, og hvem som har den.";
    region_caption: "Seats of", "Plassene til";
    representative: "Representative", "Representant";
    no_region_groups: "No reference group of a national service is published here.", "Ingen referansegruppe for en nasjonal tjeneste er publisert her.";
    no_groups: "No groups.", "Ingen grupper.";
    embed_note: "Member table for embedding", "Medlemstabell til innbygging";
    data_json: "The same data as JSON", "De samme dataene som JSON";
    generated_by: "Made with mandat from the registry", "Laget med mandat fra registeret";
    mandate_title: "The mandate of reference groups", "Mandatet for referansegrupper";
    seat_service: "The service", "Tjenesten";
    seat_user: "User representative", "Brukerrepresentant";
    seat_other: "Other member", "Annet medlem";
    seat_regional: "Regional representative", "Regional representant";
    mandate_short_national: "The reference group helps the service work according to its mandate and be equally available to health personnel and users across the country. It meets at least once a year and gives feedback that is part of the service's annual report. It is not a board: the regional health authorities and the hosting health trust answer for finances and operations. Each of the four regional health authorities appoints one member.", "Referansegruppen skal bidra til at tjenesten drives i tråd med vedtatt mandat, og at innholdet er likeverdig tilgjengelig for helsepersonell og brukere i hele landet. Den møtes minst én gang i året og gir en tilbakemelding som er en del av tjenestens årsrapport. Den er ikke et styre: ansvaret for økonomi og drift ligger hos de regionale helseforetakene og helseforetaket der tjenesten er lokalisert. Hvert av de fire regionale helseforetakene oppnevner ett medlem.";
    mandate_short_municipal: "An advisory group that gives input, perspectives and experience to the process at its milestones. It does not decide: its input is documented and taken to the steering group and the political level.", "En rådgivende gruppe som gir innspill, perspektiver og erfaringer inn i prosessen ved sentrale milepæler. Gruppen fatter ikke vedtak: innspillene dokumenteres og tas med videre til styringsgruppen og politisk nivå.";
    mandate_in_norwegian: "The mandate is published in Norwegian.", "Mandatet er publisert på norsk.";
    mandate_national_title: "Reference groups of national services", "Referansegrupper for nasjonale tjenester";
    mandate_municipal_title: "Reference groups in municipal processes", "Referansegrupper i kommunale prosesser";
    main_nav: "Site", "Nettstedet";
}

/// The labels in one language, for templates.
pub fn for_lang(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    LABELS.iter().map(|(k, t)| (*k, t.get(lang))).collect()
}

/// One label by key; the key itself when there is none (a template typo shows, never panics).
pub fn get(key: &'static str, lang: Lang) -> &'static str {
    LABELS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, t)| t.get(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_both_languages_written() {
        let mut keys: Vec<&str> = LABELS.iter().map(|(k, _)| *k).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(n, keys.len());
        assert!(
            LABELS
                .iter()
                .all(|(_, t)| !t.en.is_empty() && !t.nb.is_empty())
        );
    }
}
