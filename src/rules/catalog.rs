//! What each rule is: its id, where it applies, its default level, and the texts that
//! `mandat rules`, `mandat explain` and the `= note:` of every diagnostic show.
//!
//! The mandate clauses are quoted in Norwegian as written; the source texts are in
//! shared/reference/ (M = the RHFs' mandate, S = Senja kommune's presentation).

use crate::i18n::StaticText;
use crate::registry::{Level, Profile};
use crate::rule_id::RuleId;

/// Which groups a rule applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applies {
    Every,
    Only(Profile),
}

/// A quoted clause of a source text.
#[derive(Clone, Copy, Debug)]
pub struct Clause {
    /// `M 2`, `S`, or a law's name.
    pub source: &'static str,
    /// The words, in Norwegian as written.
    pub text: &'static str,
}

#[derive(Clone, Copy, Debug)]
pub struct RuleInfo {
    pub id: RuleId,
    pub applies: Applies,
    pub default: Level,
    /// One line: what the rule checks.
    pub summary: StaticText,
    /// Why the rule exists.
    pub purpose: StaticText,
    pub clauses: &'static [Clause],
    /// What to do about a finding.
    pub fix: StaticText,
}

const fn s(en: &'static str, nb: &'static str) -> StaticText {
    StaticText { en, nb }
}

const M1_MEET: Clause = Clause {
    source: "M 1",
    text: "Referansegruppen skal møtes minst en gang i året.",
};
const M1_REPORT: Clause = Clause {
    source: "M 1",
    text: "Årsrapporten skal inneholde en del fra hver av de fire regionale representantene, som kort omtaler i hvilken grad senteret fungerer i egen region.",
};
const M1_FEEDBACK: Clause = Clause {
    source: "M 1",
    text: "samarbeide med senteret om årlig rapportering og gi tilbakemelding på senterets arbeid. Tilbakemeldingen skal være en integrert del av tjenestens årsrapport.",
};
const M2_FOUR: Clause = Clause {
    source: "M 2",
    text: "Referansegruppene skal ha ett medlem fra alle fire regioner, som skal representere spesialisthelsetjenesten i sin region.",
};
const M2_OTHER_HF: Clause = Clause {
    source: "M 2",
    text: "Medlemmet fra tjenestens egen region skal fortrinnsvis komme fra et annet helseforetak i regionen.",
};
const M2_SERVICE: Clause = Clause {
    source: "M 2",
    text: "Det nasjonale senteret skal være representert i referansegruppen, enten ved leder eller en annen representant fra senteret.",
};
const M2_USERS: Clause = Clause {
    source: "M 2",
    text: "Brukerorganisasjoner skal være representert i referansegruppene.",
};
const M2_CHAIR: Clause = Clause {
    source: "M 2",
    text: "Lederen for referansegruppen utpekes av helseforetaket som har ansvar for senteret.",
};
const M2_CHAIR_REGION: Clause = Clause {
    source: "M 2",
    text: "Lederen for referansegruppen skal ikke tilhøre regionen(e) der det nasjonale senteret er lokalisert.",
};
const M3_ONE: Clause = Clause {
    source: "M 3",
    text: "Referansegruppen skal kun ha ett medlem fra hvert regionalt helseforetak, vararepresentant er ikke nødvendig.",
};
const M3_REPLACE: Clause = Clause {
    source: "M 3",
    text: "Når et medlem av referansegruppen slutter, oppnevnes et nytt medlem.",
};
const M3_APPOINT: Clause = Clause {
    source: "M 3",
    text: "Hvert regionale helseforetak (RHF) oppnevner medlemmer til referansegruppene med forankring i egen region.",
};
const M3_WILLING: Clause = Clause {
    source: "M 3",
    text: "Foreslåtte medlemmer skal ha blitt forespurt og ha sagt seg villig til å delta i referansegruppen.",
};
const M3_LEADER: Clause = Clause {
    source: "M 3",
    text: "Medlemmer skal ha sagt seg villig til å ta på seg oppdraget og deltakelse i referansegruppen må være avklart med vedkommendes leder.",
};
const M3_NOTIFY: Clause = Clause {
    source: "M 3",
    text: "Det regionale helseforetaket oppnevner formelt nytt medlem og sender informasjon om oppnevningen til tjenesten, referansegruppen og de andre regionale helseforetakene.",
};
const S_DOCUMENTED: Clause = Clause {
    source: "S",
    text: "Dere har rett til å bli hørt og deres innspill vil bli dokumentert.",
};
const S_FORWARD: Clause = Clause {
    source: "S",
    text: "Vi oppsummerer innspillene og tar dem med videre til styringsgruppen og politisk nivå.",
};
const S_CONSTITUENCIES: Clause = Clause {
    source: "S",
    text: "Bidra med erfaringer og perspektiver fra egne miljøer (eldreråd, brukerråd, pårørende og interesseorganisasjoner).",
};
const S_MILESTONES: Clause = Clause {
    source: "S",
    text: "Vi møtes på sentrale milepæler i prosessen.",
};
const LDL_28: Clause = Clause {
    source: "likestillings- og diskrimineringsloven § 28 (i hovedtrekk)",
    text: "Når et offentlig organ oppnevner eller velger utvalg, styrer, råd mv. med fire eller flere medlemmer, skal hvert kjønn være representert med minst 40 prosent av medlemmene. I utvalg med to eller tre medlemmer skal begge kjønn være representert.",
};

use Applies::{Every, Only};
use Level::{Error, Warning};
use Profile::{MunicipalAdvisory as Municipal, NationalService as National};

pub static RULES: [RuleInfo; 24] = [
    RuleInfo {
        id: RuleId::Syntax,
        applies: Every,
        default: Error,
        summary: s(
            "a file is not valid UTF-8 or not valid TOML, or a .md file lacks its +++ front matter",
            "en fil er ikke gyldig UTF-8 eller gyldig TOML, eller en .md-fil mangler front matter mellom +++",
        ),
        purpose: s(
            "mandat can only check what it can read. A file it cannot read hides every other problem in it.",
            "mandat kan bare kontrollere det den kan lese. En fil som ikke kan leses, skjuler alle andre feil i den.",
        ),
        clauses: &[],
        fix: s(
            "Open the file at the place shown and correct the TOML there: quotes around text, `=` between key and value, one `+++` line before and one after the front matter of a .md file. Save files as UTF-8.",
            "Åpne filen der feilen er vist og rett TOML-en: anførselstegn rundt tekst, `=` mellom nøkkel og verdi, en linje `+++` før og en etter front matter i en .md-fil. Lagre filer som UTF-8.",
        ),
    },
    RuleInfo {
        id: RuleId::Schema,
        applies: Every,
        default: Error,
        summary: s(
            "a required field is missing, a value has the wrong type or is outside its set, a field is unknown, or a date is invalid",
            "et påkrevd felt mangler, en verdi har feil type eller er utenfor de lovlige verdiene, et felt er ukjent, eller en dato er ugyldig",
        ),
        purpose: s(
            "Every file kind has a fixed set of fields (`mandat schema` gives them). A misspelt field is silently ignored by people but not by the rules, so it is reported with the nearest known name.",
            "Hver filtype har et fast sett med felt (`mandat schema` viser dem). Et feilstavet felt blir lett oversett, så det meldes med det nærmeste kjente navnet.",
        ),
        clauses: &[],
        fix: s(
            "Add the missing field, correct the value's type (dates without quotes, text in quotes, lists in brackets) or rename the field as suggested.",
            "Legg til feltet som mangler, rett verdiens type (datoer uten anførselstegn, tekst i anførselstegn, lister i hakeparenteser) eller gi feltet det foreslåtte navnet.",
        ),
    },
    RuleInfo {
        id: RuleId::Ids,
        applies: Every,
        default: Error,
        summary: s(
            "an id has the wrong form, a file or folder name differs from its id, or two entities share one id",
            "en id har feil form, et fil- eller mappenavn avviker fra id-en, eller to enheter har samme id",
        ),
        purpose: s(
            "Ids tie the files together: a person's file name is their id, a group's folder is its id, a meeting's file name starts with its date. An id is 1 to 64 characters of a-z, 0-9 and -, starting with a letter.",
            "Id-er binder filene sammen: en persons filnavn er id-en, en gruppes mappe er id-en, et møtes filnavn starter med datoen. En id er 1 til 64 tegn av a-z, 0-9 og -, og starter med en bokstav.",
        ),
        clauses: &[],
        fix: s(
            "Rename the file or folder, or correct the id, so that they agree; use only lower-case letters, digits and hyphens.",
            "Gi filen eller mappen nytt navn, eller rett id-en, slik at de stemmer overens; bruk bare små bokstaver, sifre og bindestrek.",
        ),
    },
    RuleInfo {
        id: RuleId::References,
        applies: Every,
        default: Error,
        summary: s(
            "a reference to an unknown region, organisation, person, milestone or constituency, or to an organisation of the wrong kind",
            "en henvisning til en ukjent region, organisasjon, person, milepæl eller gruppe, eller til en organisasjon av feil type",
        ),
        purpose: s(
            "A reference that points nowhere cannot be checked against the mandate: the rules need to know a member's employer, region and organisation.",
            "En henvisning som ikke peker noe sted, kan ikke kontrolleres mot mandatet: reglene må kjenne et medlems arbeidsgiver, region og organisasjon.",
        ),
        clauses: &[],
        fix: s(
            "Correct the id, or add the missing entity: a person with `mandat person add`, an organisation or region in organisations.toml.",
            "Rett id-en, eller legg til det som mangler: en person med `mandat person add`, en organisasjon eller region i organisations.toml.",
        ),
    },
    RuleInfo {
        id: RuleId::Dates,
        applies: Every,
        default: Error,
        summary: s(
            "dates out of order (proposed, consented, leader-cleared, appointed, ended, term-end; chair terms; established and dissolved), or a held meeting dated in the future",
            "datoer i feil rekkefølge (foreslått, samtykke, avklart med leder, oppnevnt, avsluttet, funksjonstid; ledervervet; opprettet og nedlagt), eller et avholdt møte med dato fram i tid",
        ),
        purpose: s(
            "The appointment steps happen in order: proposed, then consent, then appointment; a seat ends after it began. Dates out of order are almost always typing errors.",
            "Oppnevningen skjer i rekkefølge: forslag, så samtykke, så oppnevning; et verv slutter etter at det begynte. Datoer i feil rekkefølge er nesten alltid skrivefeil.",
        ),
        clauses: &[],
        fix: s(
            "Correct the date that is wrong. A meeting that has not happened yet has status \"planned\".",
            "Rett datoen som er feil. Et møte som ikke er holdt ennå, har status \"planned\".",
        ),
    },
    RuleInfo {
        id: RuleId::Pii,
        applies: Every,
        default: Error,
        summary: s(
            "a Norwegian national identity number (fødselsnummer or D-number) appears in a file",
            "et fødselsnummer eller D-nummer står i en fil",
        ),
        purpose: s(
            "The registry is kept in git and shared widely. A national identity number must never be stored there; once committed it stays in the history.",
            "Registeret ligger i git og deles bredt. Et fødselsnummer skal aldri lagres der; når det først er lagt inn, blir det liggende i historikken.",
        ),
        clauses: &[],
        fix: s(
            "Remove the number. If it was committed, ask whoever runs the repository to remove it from the git history as well.",
            "Fjern nummeret. Hvis det er lagt inn i git, be den som drifter depotet om å fjerne det fra historikken også.",
        ),
    },
    RuleInfo {
        id: RuleId::AppointmentProcess,
        applies: Every,
        default: Error,
        summary: s(
            "an active member lacks consent, leader clearance or an appointing body, or was appointed by the wrong RHF",
            "et aktivt medlem mangler samtykke, avklaring med leder eller hvem som oppnevnte, eller er oppnevnt av feil RHF",
        ),
        purpose: s(
            "A member must have been asked and be willing, their leader must have cleared it, and the RHF of the region they represent (for a service member: of their employer's region) appoints them formally.",
            "Et medlem skal være forespurt og villig, lederen skal ha avklart deltakelsen, og RHF-et i regionen medlemmet representerer (for tjenestens representant: arbeidsgiverens region) oppnevner formelt.",
        ),
        clauses: &[M3_APPOINT, M3_WILLING, M3_LEADER],
        fix: s(
            "Record the missing step with its date (`mandat consent GROUP PERSON --date D --leader-cleared D`), or correct `appointed-by` to the right region.",
            "Registrer steget som mangler med dato (`mandat consent GRUPPE PERSON --date D --leader-cleared D`), eller rett `appointed-by` til riktig region.",
        ),
    },
    RuleInfo {
        id: RuleId::MinutesRecorded,
        applies: Every,
        default: Error,
        summary: s(
            "a held meeting has no attendees or no minutes",
            "et avholdt møte mangler deltakere eller referat",
        ),
        purpose: s(
            "What the group says must be documented: who took part, and what was discussed and advised.",
            "Det gruppen sier, skal dokumenteres: hvem som deltok, og hva som ble drøftet og gitt som råd.",
        ),
        clauses: &[S_DOCUMENTED],
        fix: s(
            "List the attendees in `attendees` and write the minutes below the front matter.",
            "Før opp deltakerne i `attendees` og skriv referatet under front matter.",
        ),
    },
    RuleInfo {
        id: RuleId::MeetingStatus,
        applies: Every,
        default: Warning,
        summary: s(
            "a meeting is still planned but its date has passed",
            "et møte står fortsatt som planlagt, men datoen er passert",
        ),
        purpose: s(
            "A planned meeting in the past was either held (and its minutes are missing) or cancelled.",
            "Et planlagt møte i fortiden ble enten holdt (og referatet mangler) eller avlyst.",
        ),
        clauses: &[],
        fix: s(
            "Set `status = \"held\"` and write the minutes, or `status = \"cancelled\"`.",
            "Sett `status = \"held\"` og skriv referatet, eller `status = \"cancelled\"`.",
        ),
    },
    RuleInfo {
        id: RuleId::MinutesAttendance,
        applies: Every,
        default: Warning,
        summary: s(
            "an attendee or absentee was not an active member of the group on the meeting date",
            "en deltaker eller et fravær gjelder en som ikke var aktivt medlem av gruppen på møtedatoen",
        ),
        purpose: s(
            "Attendance lists are used for the annual report and for expenses; someone listed who was not a member is usually a wrong id or a missing appointment.",
            "Deltakerlister brukes i årsrapporten og for utgifter; en som står oppført uten å være medlem, er som regel en feil id eller en oppnevning som mangler.",
        ),
        clauses: &[],
        fix: s(
            "Correct the person id, record the member's appointment, or move guests to the minutes' text.",
            "Rett person-id-en, registrer oppnevningen, eller nevn gjester i referatteksten i stedet.",
        ),
    },
    RuleInfo {
        id: RuleId::InputFollowedUp,
        applies: Every,
        default: Warning,
        summary: s(
            "an input is still open long after its meeting, or was forwarded without saying where",
            "et innspill står fortsatt åpent lenge etter møtet, eller er sendt videre uten at det står hvor",
        ),
        purpose: s(
            "Inputs are to be summarised and taken on; an input left open is one nobody followed up.",
            "Innspill skal oppsummeres og tas videre; et innspill som blir stående åpent, er ikke fulgt opp.",
        ),
        clauses: &[S_FORWARD],
        fix: s(
            "Set the input's `status` to forwarded, answered or closed, with `to` and `response` where they apply.",
            "Sett innspillets `status` til forwarded, answered eller closed, med `to` og `response` der det passer.",
        ),
    },
    RuleInfo {
        id: RuleId::TermExpiry,
        applies: Every,
        default: Warning,
        summary: s(
            "an active member's term has run out, or runs out within 60 days",
            "funksjonstiden til et aktivt medlem er utløpt eller utløper innen 60 dager",
        ),
        purpose: s(
            "A term that ends needs a decision in time: renew it, or appoint a successor.",
            "En funksjonstid som går ut, trenger en beslutning i tide: forleng den, eller oppnevn en etterfølger.",
        ),
        clauses: &[M3_REPLACE],
        fix: s(
            "Renew the term (a new `term-end`), or end the seat and appoint a successor with `mandat appoint --replaces`.",
            "Forleng funksjonstiden (ny `term-end`), eller avslutt vervet og oppnevn en etterfølger med `mandat appoint --replaces`.",
        ),
    },
    RuleInfo {
        id: RuleId::GenderBalance,
        applies: Every,
        default: Warning,
        summary: s(
            "women or men are under 40 % of the active members (with 2 or 3 members: one gender is missing)",
            "kvinner eller menn utgjør under 40 % av de aktive medlemmene (med 2 eller 3 medlemmer: ett kjønn mangler)",
        ),
        purpose: s(
            "Public bodies appointing committees must balance genders. The rule applies only when every active member's gender is recorded.",
            "Offentlige organer som oppnevner utvalg, skal sørge for kjønnsbalanse. Regelen gjelder bare når kjønn er registrert for alle aktive medlemmer.",
        ),
        clauses: &[LDL_28],
        fix: s(
            "Consider gender balance at the next appointment, or set the rule's level in [rules] if the law does not apply to the group.",
            "Ta hensyn til kjønnsbalansen ved neste oppnevning, eller sett regelens nivå i [rules] hvis loven ikke gjelder gruppen.",
        ),
    },
    RuleInfo {
        id: RuleId::OneMemberPerRhf,
        applies: Only(National),
        default: Error,
        summary: s(
            "a region has no active regional member (a vacancy), or more than one",
            "en region mangler et aktivt regionalt medlem (ledig plass), eller har flere enn ett",
        ),
        purpose: s(
            "The group has exactly one member from each of the four regions. An empty seat is a warning during the grace period (vacancy-grace-days) after the previous member left, an error after.",
            "Gruppen har nøyaktig ett medlem fra hver av de fire regionene. En ledig plass er en advarsel i fristen (vacancy-grace-days) etter at forrige medlem sluttet, og en feil etterpå.",
        ),
        clauses: &[M2_FOUR, M3_ONE, M3_REPLACE],
        fix: s(
            "Appoint a member for the region (`mandat propose`, `consent`, `appoint`), or end the extra seat with `mandat end`.",
            "Oppnevn et medlem for regionen (`mandat propose`, `consent`, `appoint`), eller avslutt det ekstra vervet med `mandat end`.",
        ),
    },
    RuleInfo {
        id: RuleId::HostRegionOtherHf,
        applies: Only(National),
        default: Warning,
        summary: s(
            "the regional member of a host region is employed by the HF that hosts the service",
            "det regionale medlemmet fra vertsregionen er ansatt i helseforetaket der tjenesten ligger",
        ),
        purpose: s(
            "The member from the service's own region should preferably come from another HF in the region, so that the group sees the service from outside.",
            "Medlemmet fra tjenestens egen region bør komme fra et annet helseforetak i regionen, slik at gruppen ser tjenesten utenfra.",
        ),
        clauses: &[M2_OTHER_HF],
        fix: s(
            "At the next appointment, propose someone from another HF in the region; or keep the member and set the rule to \"off\" for the group with a comment saying why.",
            "Foreslå noen fra et annet helseforetak i regionen ved neste oppnevning; eller behold medlemmet og sett regelen til \"off\" for gruppen med en kommentar om hvorfor.",
        ),
    },
    RuleInfo {
        id: RuleId::ServiceRepresented,
        applies: Only(National),
        default: Error,
        summary: s(
            "no active member represents the service, or its representative is not employed by a host HF",
            "ingen aktive medlemmer representerer tjenesten, eller representanten er ikke ansatt i et vertsforetak",
        ),
        purpose: s(
            "The national service itself sits in its reference group, through its leader or another representative.",
            "Den nasjonale tjenesten skal selv være med i referansegruppen, ved leder eller en annen representant.",
        ),
        clauses: &[M2_SERVICE],
        fix: s(
            "Appoint a `service` member employed at the service's host HF.",
            "Oppnevn et `service`-medlem som er ansatt ved tjenestens vertsforetak.",
        ),
    },
    RuleInfo {
        id: RuleId::UserRepresented,
        applies: Only(National),
        default: Error,
        summary: s(
            "no active member represents a user organisation",
            "ingen aktive medlemmer representerer en brukerorganisasjon",
        ),
        purpose: s(
            "User organisations are represented in every reference group; the service asks the regional user committees for proposals.",
            "Brukerorganisasjoner skal være representert i alle referansegrupper; tjenesten ber de regionale brukerutvalgene om forslag.",
        ),
        clauses: &[M2_USERS],
        fix: s(
            "Appoint a `user` member with the `organisation` they represent.",
            "Oppnevn et `user`-medlem med `organisation` for organisasjonen de representerer.",
        ),
    },
    RuleInfo {
        id: RuleId::ChairDesignated,
        applies: Only(National),
        default: Error,
        summary: s(
            "the group has no chair (or several) on the date, the chair was not designated by the responsible HF, or the chair is not an active member",
            "gruppen har ingen leder (eller flere) på datoen, lederen er ikke utpekt av det ansvarlige helseforetaket, eller lederen er ikke aktivt medlem",
        ),
        purpose: s(
            "The HF responsible for the service designates the chair, among the group's members. No chair is a warning during the grace period after the group was established or the previous chair's term ended.",
            "Helseforetaket som har ansvar for tjenesten, utpeker lederen blant gruppens medlemmer. Uten leder er det en advarsel i fristen etter at gruppen ble opprettet eller forrige leders periode sluttet.",
        ),
        clauses: &[M2_CHAIR],
        fix: s(
            "Designate a chair with `mandat chair GROUP PERSON --by RESPONSIBLE-HF --date D`.",
            "Utpek en leder med `mandat chair GRUPPE PERSON --by ANSVARLIG-HF --date D`.",
        ),
    },
    RuleInfo {
        id: RuleId::ChairOutsideHostRegion,
        applies: Only(National),
        default: Error,
        summary: s(
            "the chair is not a regional member from a region outside the host region(s)",
            "lederen er ikke et regionalt medlem fra en region utenfor vertsregionen(e)",
        ),
        purpose: s(
            "The chair must not belong to the region (or regions) where the service is located, so the group is led from outside.",
            "Lederen skal ikke tilhøre regionen (eller regionene) der tjenesten er lokalisert, slik at gruppen ledes utenfra.",
        ),
        clauses: &[M2_CHAIR_REGION],
        fix: s(
            "Designate as chair the regional member of a region that does not host the service.",
            "Utpek som leder det regionale medlemmet fra en region som ikke er vertsregion for tjenesten.",
        ),
    },
    RuleInfo {
        id: RuleId::AnnualMeeting,
        applies: Only(National),
        default: Error,
        summary: s(
            "a past year has no held meeting; in the current year, none is held or planned",
            "et tidligere år har ingen avholdte møter; i inneværende år er ingen holdt eller planlagt",
        ),
        purpose: s(
            "The group meets at least once a year. Every full calendar year of the group's life is checked (from history-from, if set); the current year is a warning until a meeting is held or planned.",
            "Gruppen møtes minst én gang i året. Hvert hele kalenderår i gruppens levetid kontrolleres (fra history-from, hvis satt); inneværende år gir en advarsel til et møte er holdt eller planlagt.",
        ),
        clauses: &[M1_MEET],
        fix: s(
            "Plan a meeting with `mandat meeting new GROUP --date D`; record a held meeting's minutes; or, for a year that cannot be mended, add a [[waiver]] with the reason.",
            "Planlegg et møte med `mandat meeting new GRUPPE --date D`; registrer referatet fra et avholdt møte; eller, for et år som ikke kan rettes, legg til et [[waiver]] med begrunnelse.",
        ),
    },
    RuleInfo {
        id: RuleId::AnnualReport,
        applies: Only(National),
        default: Error,
        summary: s(
            "a past year's annual report lacks a regional section or the group's feedback, or a section's author was not that region's member",
            "årsrapporten for et tidligere år mangler en regional del eller gruppens tilbakemelding, eller en del er skrevet av en som ikke var regionens medlem",
        ),
        purpose: s(
            "Each year's annual report holds a part from each of the four regional representatives and the group's feedback. Missing parts are warnings until the due date (report-due, 10 February by default) and errors after.",
            "Hvert års årsrapport har en del fra hver av de fire regionale representantene og gruppens tilbakemelding. Deler som mangler, er advarsler fram til fristen (report-due, 10. februar som standard) og feil etterpå.",
        ),
        clauses: &[M1_REPORT, M1_FEEDBACK],
        fix: s(
            "Add reports/<year>/<region-id>.md (front matter: year, region, author) for each region, and reports/<year>/feedback.md.",
            "Legg til reports/<år>/<region-id>.md (front matter: year, region, author) for hver region, og reports/<år>/feedback.md.",
        ),
    },
    RuleInfo {
        id: RuleId::AppointmentNotified,
        applies: Only(National),
        default: Warning,
        summary: s(
            "a member appointed more than 30 days ago has no record that the appointment was announced",
            "et medlem oppnevnt for mer enn 30 dager siden mangler registrering av at oppnevningen er kunngjort",
        ),
        purpose: s(
            "The appointing RHF informs the service, the group and the other RHFs of each appointment.",
            "RHF-et som oppnevner, informerer tjenesten, referansegruppen og de andre RHF-ene om hver oppnevning.",
        ),
        clauses: &[M3_NOTIFY],
        fix: s(
            "Send the announcement and record it with `mandat notify GROUP PERSON --date D`.",
            "Send kunngjøringen og registrer den med `mandat notify GRUPPE PERSON --date D`.",
        ),
    },
    RuleInfo {
        id: RuleId::ConstituenciesRepresented,
        applies: Only(Municipal),
        default: Error,
        summary: s(
            "a constituency of the group has no active member",
            "en av gruppens grupper (eldreråd, brukerråd ...) har ikke noe aktivt medlem",
        ),
        purpose: s(
            "A municipal reference group brings in the experience of each constituency it lists: the council for the elderly, the user council, next of kin, interest organisations.",
            "En kommunal referansegruppe henter inn erfaringene til hver gruppe den lister: eldreråd, brukerråd, pårørende og interesseorganisasjoner.",
        ),
        clauses: &[S_CONSTITUENCIES],
        fix: s(
            "Appoint a `constituency` member for it, or remove it from `constituencies`.",
            "Oppnevn et `constituency`-medlem for den, eller fjern den fra `constituencies`.",
        ),
    },
    RuleInfo {
        id: RuleId::MilestoneMeeting,
        applies: Only(Municipal),
        default: Error,
        summary: s(
            "a milestone that has passed has no held meeting",
            "en milepæl som er passert, har ikke noe avholdt møte",
        ),
        purpose: s(
            "The group meets at the central milestones of the process; each passed milestone has a held meeting that names it.",
            "Gruppen møtes ved sentrale milepæler i prosessen; hver passert milepæl har et avholdt møte som viser til den.",
        ),
        clauses: &[S_MILESTONES],
        fix: s(
            "Record the meeting held for the milestone (`milestone = \"<id>\"` in its front matter), or move the milestone's date.",
            "Registrer møtet som ble holdt for milepælen (`milestone = \"<id>\"` i front matter), eller flytt milepælens dato.",
        ),
    },
];

/// The catalog entry of a rule.
pub fn info(id: RuleId) -> &'static RuleInfo {
    RULES
        .iter()
        .find(|r| r.id == id)
        .expect("every rule id has a catalog entry")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_lists_every_rule_once_in_order() {
        let ids: Vec<RuleId> = RULES.iter().map(|r| r.id).collect();
        assert_eq!(ids, RuleId::ALL.to_vec());
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        for r in &RULES {
            for t in [r.summary, r.purpose, r.fix] {
                assert!(
                    !t.en.trim().is_empty() && !t.nb.trim().is_empty(),
                    "{}",
                    r.id
                );
                assert_ne!(t.en, t.nb, "{}: untranslated text", r.id);
            }
        }
    }
}
