//! The Norwegian texts of the command line: one line per command and per argument, keyed by
//! the command's path (`""` is `mandat` itself, `"report annual"` a subcommand) and the
//! argument's id (the field name in src/cli.rs). `"*"` holds the arguments every command
//! shares. The test in `tests.rs` fails for any command or argument of src/cli.rs missing here.

/// `(path, about, long about)`. `help` is clap's own `help` subcommand, at every level.
#[rustfmt::skip]
pub(super) static COMMANDS: &[(&str, &str, Option<&str>)] = &[
    (
        "",
        "Hold norske referansegrupper i tråd med mandatet",
        Some(
            "mandat kontrollerer, endrer og lager rapporter fra et git-register over \
             referansegrupper: grupper, personer, oppnevninger, referater og årsrapportbidrag \
             som TOML- og Markdown-filer.",
        ),
    ),
    ("help", "Vis denne hjelpen eller hjelpen til de gitte kommandoene", None),
    ("init", "Opprett et nytt register med de regionale helseforetakene, helseforetakene og sykehusene", None),
    ("validate", "Kontroller registeret mot alle regler og meld alle feil på én gang", None),
    ("rules", "List alle regler: id, standardnivå per profil og hva regelen kontrollerer", None),
    ("explain", "Forklar en regel: hva den kontrollerer, hvorfor, mandatteksten den håndhever og hvordan feilen rettes", None),
    ("person", "Personer: `person add`", None),
    ("person add", "Legg til en person; id-en lages av navnet når den ikke er gitt", None),
    ("group", "Grupper: `group new`", None),
    ("group new", "Opprett en gruppemappe med group.toml og en tom members.toml", None),
    ("propose", "Registrer at tjenesten foreslår en person til en plass", None),
    ("consent", "Registrer at den foreslåtte personen har sagt ja (og når lederen avklarte det)", None),
    ("appoint", "Oppnevn en foreslått person, eller opprett og oppnevn en plass i ett steg", None),
    ("notify", "Registrer at oppnevningen er kunngjort, og skriv ut kunngjøringen", None),
    ("end", "Avslutt et medlems plass", None),
    ("chair", "Utpek lederen fra en dato; forrige ledertid avsluttes dagen før", None),
    ("meeting", "Møter: `meeting new`", None),
    ("meeting new", "Lag referatfilen fra en mal, med de aktive medlemmene oppført som forventet til stede", None),
    ("status", "En tabell per gruppe: plasser, ledige plasser, lederen og de neste fristene", None),
    ("list", "Tabeller over registeret per --at: grupper, personer, medlemmer eller møter", None),
    ("report", "Rapporter: en gruppes årsrapport, en regions oversikt, en gruppes innspill", None),
    ("report annual", "Gruppens bidrag til tjenestens årsrapport for et år", None),
    ("report region", "For ett RHF: hver gruppe der det har eller skal ha en plass", None),
    ("report inputs", "Sammendraget av en gruppes innspill til organet den rapporterer til", None),
    ("expenses", "Hvem som dekker reise, opphold og møtene i en gruppe et år", None),
    ("calendar", "En iCalendar-fil med møter, rapportfrister og slutten på funksjonstider", None),
    ("schema", "JSON-skjemaer for hver filtype, for redigeringsprogrammer (Taplo / Even Better TOML)", None),
    ("completions", "Skriv ut et skript for autofullføring i skallet", None),
    ("manpage", "Skriv ut manualsiden (roff), eller skriv én side per kommando med --out", None),
    ("import", "Regneark inn: `import members`, `import registry`, `import template`", None),
    ("import members", "Les en medlemsliste (.csv, .xlsx eller .ods) og skriv personene og plassene den har", None),
    ("import registry", "Les en arbeidsbok med ett ark per gruppe (eller en gruppekolonne) inn i registeret", None),
    ("import template", "Skriv en tom arbeidsbok satt opp for `import members` og `import registry`", None),
    ("site", "Skriv gruppenes offentlige nettsted til en mappe", None),
];

/// `(path, argument id, help)`. `*` only for what means the same in every command: the global
/// options, clap's own flags and the options of every command that writes.
#[rustfmt::skip]
pub(super) static ARGS: &[(&str, &str, &str)] = &[
    // Every command.
    ("*", "registry", "Registerets rotmappe; standard: nærmeste mappe oppover som har registry.toml"),
    ("*", "at", "Vurder registeret slik det er på denne datoen (ÅÅÅÅ-MM-DD) i stedet for i dag"),
    ("*", "lang", "Språket i meldinger og rapporter; standard: registerets språk, ellers en"),
    ("*", "color", "Farger i terminalen; NO_COLOR respekteres"),
    ("*", "help", "Vis hjelpen"),
    ("*", "version", "Vis versjonen"),
    ("*", "dry_run", "Vis endringen som unified diff uten å skrive noe"),
    ("*", "force", "Skriv selv om endringen gir nye feil"),
    // init
    ("init", "dir", "Mappen registeret skal opprettes i"),
    ("init", "name", "Registerets navn"),
    // validate
    ("validate", "format", "Utdataformat; standard: human, eller github når GITHUB_ACTIONS=true (github: arbeidsflytkommandoer for GitHub Actions; sarif: SARIF 2.1.0 for kodeskanning; junit: JUnit XML for GitLabs testrapport)"),
    ("validate", "deny_warnings", "La advarsler feile (avslutningskode 1)"),
    ("validate", "groups", "Kontroller bare denne gruppen (kan gjentas)"),
    // explain
    ("explain", "rule", "Regelens id, f.eks. one-member-per-rhf"),
    // person add
    ("person add", "id", "Personens id (standard: laget av navnet, f.eks. kari-nordmann)"),
    ("person add", "name", "Fullt navn"),
    ("person add", "employer", "Arbeidsgiver: en organisasjons-id fra organisations.toml"),
    ("person add", "email", "E-postadresse (privat: skrives aldri i rapporter)"),
    ("person add", "phone", "Telefonnummer (privat: skrives aldri i rapporter)"),
    ("person add", "gender", "Kjønn, brukes bare av regelen gender-balance"),
    // group new
    ("group new", "id", "Gruppens id, også navnet på mappen"),
    ("group new", "name", "Gruppens fulle navn"),
    ("group new", "profile", "national-service eller municipal-advisory"),
    ("group new", "service", "national-service: tjenestens navn"),
    ("group new", "hosts", "national-service: et HF der tjenesten er lokalisert (kan gjentas)"),
    ("group new", "responsible", "national-service: HF-et som har ansvaret for tjenesten"),
    ("group new", "owner", "municipal-advisory: kommunen som eier prosessen"),
    ("group new", "process", "municipal-advisory: prosessen gruppen gir råd i"),
    ("group new", "reports_to", "municipal-advisory: hvor innspillene tas inn"),
    ("group new", "constituencies", "municipal-advisory: en målgruppe-id (kan gjentas)"),
    ("group new", "established", "Dagen gruppen ble opprettet (standard: --at, ellers i dag)"),
    // propose
    ("propose", "group", "Gruppens id"),
    ("propose", "person", "Personens id"),
    ("propose", "role", "Plassens rolle"),
    ("propose", "region", "regional: regionen som representeres"),
    ("propose", "organisation", "user: brukerorganisasjonen; other/constituency: organet som representeres"),
    ("propose", "constituency", "constituency: en av gruppens målgrupper"),
    ("propose", "date", "Dagen for forslaget (standard: --at, ellers i dag)"),
    // consent
    ("consent", "group", "Gruppens id"),
    ("consent", "person", "Personens id"),
    ("consent", "date", "Dagen personen sa ja (standard: --at, ellers i dag)"),
    ("consent", "leader_cleared", "Dagen personens leder avklarte deltakelsen"),
    // appoint
    ("appoint", "group", "Gruppens id"),
    ("appoint", "person", "Personens id"),
    ("appoint", "by", "Hvem som oppnevner: RHF-et (region-id) for national-service, ellers en organisasjons-id"),
    ("appoint", "date", "Dagen for oppnevningen (standard: --at, ellers i dag)"),
    ("appoint", "role", "Opprett og oppnevn en plass i ett steg: plassens rolle"),
    ("appoint", "region", "Med --role regional: regionen som representeres"),
    ("appoint", "organisation", "Med --role: organisasjonen som representeres"),
    ("appoint", "constituency", "Med --role constituency: målgruppen"),
    ("appoint", "letter", "Referansen til oppnevningsbrevet"),
    ("appoint", "term_end", "Planlagt siste dag i funksjonstiden"),
    ("appoint", "replaces", "Avslutt dette medlemmets plass dagen før"),
    ("appoint", "consented", "Dagen personen sa ja til å delta"),
    ("appoint", "leader_cleared", "Dagen personens leder avklarte deltakelsen"),
    // notify
    ("notify", "group", "Gruppens id"),
    ("notify", "person", "Personens id"),
    ("notify", "date", "Dagen kunngjøringen ble sendt (standard: --at, ellers i dag)"),
    // end
    ("end", "group", "Gruppens id"),
    ("end", "person", "Personens id"),
    ("end", "date", "Medlemmets siste dag"),
    ("end", "reason", "Hvorfor plassen avsluttes"),
    // chair
    ("chair", "group", "Gruppens id"),
    ("chair", "person", "Personens id"),
    ("chair", "by", "HF-et som utpeker lederen (det ansvarlige HF-et)"),
    ("chair", "date", "Første dag som leder (standard: --at, ellers i dag)"),
    // meeting new
    ("meeting new", "group", "Gruppens id"),
    ("meeting new", "date", "Møtets dato"),
    ("meeting new", "mode", "Hvordan møtet holdes"),
    ("meeting new", "status", "planned, eller held/cancelled når et tidligere møte registreres"),
    ("meeting new", "milestone", "municipal-advisory: milepælen møtet gjelder"),
    // status
    ("status", "group", "Bare denne gruppen (standard: alle grupper)"),
    // list
    ("list", "what", "Hva som skal listes"),
    ("list", "group", "Bare denne gruppen"),
    ("list", "format", "Utdataformat"),
    // report annual / region / inputs
    ("report annual", "group", "Gruppens id"),
    ("report inputs", "group", "Gruppens id"),
    ("report annual", "year", "Året rapporten gjelder"),
    ("report region", "region", "Regionens id, f.eks. helse-nord"),
    ("report region", "year", "Året rapporten gjelder"),
    ("report inputs", "since", "Bare innspill fra møter på eller etter denne datoen"),
    ("report inputs", "milestone", "Bare innspill fra møter som gjaldt denne milepælen"),
    ("report annual", "format", "Utdataformat"),
    ("report region", "format", "Utdataformat"),
    ("report inputs", "format", "Utdataformat"),
    ("report annual", "output", "Skriv til denne filen i stedet for til standard utdata"),
    ("report region", "output", "Skriv til denne filen i stedet for til standard utdata"),
    ("report inputs", "output", "Skriv til denne filen i stedet for til standard utdata"),
    ("report annual", "include_contact", "Vis e-postadresser og telefonnumre (utelatt som standard)"),
    ("report region", "include_contact", "Vis e-postadresser og telefonnumre (utelatt som standard)"),
    ("report inputs", "include_contact", "Vis e-postadresser og telefonnumre (utelatt som standard)"),
    // expenses
    ("expenses", "group", "Gruppens id"),
    ("expenses", "year", "Året"),
    ("expenses", "format", "Utdataformat"),
    // calendar
    ("calendar", "groups", "Bare disse gruppene; standard: alle grupper"),
    ("calendar", "output", "Skriv til denne filen i stedet for til standard utdata"),
    // schema
    ("schema", "kind", "Bare denne filtypen; standard: alle typer"),
    ("schema", "out", "Skriv <type>.schema.json-filer i denne mappen i stedet for å skrive dem ut"),
    ("schema", "taplo", "Skriv skjemaene i registerets .schemas/-mappe og, hvis den mangler, en .taplo.toml som knytter registerets filer til dem (det `mandat init` gjør for et nytt register)"),
    // completions
    ("completions", "shell", "Skallet: bash, zsh, fish, powershell eller elvish"),
    // manpage
    ("manpage", "out", "Skriv mandat.1 og én side per kommando (mandat-validate.1, ...) i denne mappen"),
    ("list", "excel", "Med --format csv: for Excel i Norge (`;` mellom cellene, byte-order mark for UTF-8)"),
    ("list", "output", "Skriv til denne filen i stedet for til standard utdata (kreves av --format xlsx)"),
    ("expenses", "excel", "Med --format csv: for Excel i Norge (`;` mellom cellene, byte-order mark for UTF-8)"),
    ("expenses", "output", "Skriv til denne filen i stedet for til standard utdata (kreves av --format xlsx)"),
    ("import members", "file", "Filen: .csv (komma, semikolon eller tabulator; UTF-8 eller Windows-1252), .xlsx eller .ods"),
    ("import members", "group", "Gruppen medlemmene hører til"),
    ("import members", "sheet", "Arket som skal leses (standard: det første)"),
    ("import registry", "file", "Arbeidsboken: .xlsx eller .ods (en .csv med gruppekolonne virker også)"),
    ("import template", "output", "Filen som skal skrives, for eksempel mal.xlsx"),
    ("site", "out", "Mappen nettstedet skrives til (opprettes om den mangler; avvises om den har andre filer)"),
    ("site", "groups", "Bare denne gruppen (kan gjentas); standard: alle grupper"),
    ("site", "include_minutes", "Publiser referatene fra avholdte møter på gruppesidene"),
];

/// Placeholders of values in help and usage: `(English, Norwegian)`.
#[rustfmt::skip]
pub(super) static VALUE_NAMES: &[(&str, &str)] = &[
    ("DIR", "MAPPE"),
    ("DATE", "DATO"),
    ("D", "DATO"),
    ("LANG", "SPRÅK"),
    ("COLOR", "FARGE"),
    ("NAME", "NAVN"),
    ("TEXT", "TEKST"),
    ("FILE", "FIL"),
    ("GROUP", "GRUPPE"),
    ("GROUPS", "GRUPPER"),
    ("RULE", "REGEL"),
    ("ROLE", "ROLLE"),
    ("YEAR", "ÅR"),
    ("KIND", "TYPE"),
    ("SHELL", "SKALL"),
    ("WHAT", "HVA"),
    ("APPOINTER", "OPPNEVNER"),
    ("E", "E-POST"),
    ("G", "KJØNN"),
    ("C", "MÅLGRUPPE"),
    ("M", "FORM"),
    ("R", "REGION"),
    ("MODE", "FORM"),
];
