//! Writes a synthetic registry of N national-service groups, for benchmarks.
//!
//! `cargo run --release --example gen_registry -- --groups N --out DIR`
//!
//! Each group looks like one a coordinator keeps: seven people (one regional member resigned in
//! 2023 and was replaced), a chair who changed in 2024, two held meetings a year from 2021 with
//! real-looking minutes and inputs, a planned meeting next spring, and the annual report (four
//! regional sections and the feedback) for 2022–2025. The registry validates clean at
//! 2026-11-22, so a benchmark measures the work on a healthy registry. The output depends only on
//! N: the same N gives the same bytes.
//!
//! This is a development tool, not a user command.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

const REGIONS: [(&str, &str, &str); 4] = [
    ("helse-sor-ost", "Helse Sør-Øst RHF", "991324968"),
    ("helse-vest", "Helse Vest RHF", "983658725"),
    ("helse-midt-norge", "Helse Midt-Norge RHF", "983658776"),
    ("helse-nord", "Helse Nord RHF", "883658752"),
];

/// Five health trusts per region: (id, name).
const HFS: [[(&str, &str); 5]; 4] = [
    [
        ("ous", "Oslo universitetssykehus HF"),
        ("ahus", "Akershus universitetssykehus HF"),
        ("sykehuset-innlandet", "Sykehuset Innlandet HF"),
        ("vestre-viken", "Vestre Viken HF"),
        ("sykehuset-i-vestfold", "Sykehuset i Vestfold HF"),
    ],
    [
        ("helse-bergen", "Helse Bergen HF"),
        ("helse-stavanger", "Helse Stavanger HF"),
        ("helse-fonna", "Helse Fonna HF"),
        ("helse-forde", "Helse Førde HF"),
        ("sjukehusapoteka-vest", "Sjukehusapoteka Vest HF"),
    ],
    [
        ("st-olavs-hospital", "St. Olavs hospital HF"),
        ("helse-more-og-romsdal", "Helse Møre og Romsdal HF"),
        ("helse-nord-trondelag", "Helse Nord-Trøndelag HF"),
        (
            "sykehusapotekene-midt-norge",
            "Sykehusapotekene i Midt-Norge HF",
        ),
        ("hemit", "Helse Midt-Norge IT"),
    ],
    [
        ("unn", "Universitetssykehuset Nord-Norge HF"),
        ("nordlandssykehuset", "Nordlandssykehuset HF"),
        ("helgelandssykehuset", "Helgelandssykehuset HF"),
        ("finnmarkssykehuset", "Finnmarkssykehuset HF"),
        ("sykehusapotek-nord", "Sykehusapotek Nord HF"),
    ],
];

const USER_ORGS: [(&str, &str); 6] = [
    ("ffo", "Funksjonshemmedes Fellesorganisasjon (FFO)"),
    (
        "safo",
        "Samarbeidsforumet av funksjonshemmedes organisasjoner (SAFO)",
    ),
    ("ms-forbundet", "Multippel Sklerose Forbundet i Norge"),
    ("kreftforeningen", "Kreftforeningen"),
    ("norges-diabetesforbund", "Diabetesforbundet"),
    (
        "landsforeningen-for-hjerte-og-lungesyke",
        "Landsforeningen for hjerte- og lungesyke (LHL)",
    ),
];

const FIRST_F: [&str; 12] = [
    "kari", "ingrid", "anne", "marit", "silje", "hilde", "tone", "liv", "randi", "solveig",
    "ellen", "camilla",
];
const FIRST_M: [&str; 12] = [
    "ola", "per", "lars", "knut", "geir", "erik", "jon", "terje", "morten", "arild", "stig",
    "henrik",
];
const LAST: [&str; 16] = [
    "nordmann",
    "hansen",
    "johansen",
    "olsen",
    "larsen",
    "andersen",
    "pedersen",
    "nilsen",
    "kristiansen",
    "jensen",
    "karlsen",
    "berg",
    "haugen",
    "hagen",
    "johnsen",
    "dahl",
];

const SERVICES: [&str; 8] = [
    "Nasjonal kompetansetjeneste for",
    "Nasjonal behandlingstjeneste for",
    "Nasjonal kompetansetjeneste for",
    "Nasjonal behandlingstjeneste for",
    "Nasjonal kompetansetjeneste for",
    "Nasjonal behandlingstjeneste for",
    "Nasjonal kompetansetjeneste for",
    "Nasjonal behandlingstjeneste for",
];
const FIELDS: [&str; 10] = [
    "sjeldne muskelsykdommer",
    "barnekreft",
    "hørselshemming hos barn",
    "leddproteser",
    "spiseforstyrrelser",
    "trykkammerbehandling",
    "kompleks epilepsi",
    "habilitering av voksne",
    "inkontinens og bekkenbunnsykdom",
    "revmatologisk rehabilitering",
];

fn main() {
    let (groups, out) = match parse_args() {
        Ok(v) => v,
        Err(e) => {
            eprintln!("{e}\nusage: gen_registry --groups N --out DIR");
            std::process::exit(2);
        }
    };
    if out.join("registry.toml").exists() {
        eprintln!(
            "{} already holds a registry; choose an empty folder",
            out.display()
        );
        std::process::exit(2);
    }
    let bytes = generate(groups, &out).unwrap_or_else(|e| {
        eprintln!("cannot write {}: {e}", out.display());
        std::process::exit(2);
    });
    println!("wrote {groups} groups, {bytes} bytes, to {}", out.display());
}

fn parse_args() -> Result<(usize, PathBuf), String> {
    let mut groups = None;
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--groups" => groups = args.next().and_then(|n| n.parse().ok()),
            "--out" => out = args.next().map(PathBuf::from),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok((
        groups.ok_or("--groups N is required")?,
        out.ok_or("--out DIR is required")?,
    ))
}

/// Writes the registry and returns how many bytes it holds.
pub fn generate(groups: usize, out: &Path) -> std::io::Result<u64> {
    let mut w = Writer {
        root: out.to_path_buf(),
        bytes: 0,
    };
    w.file(
        "registry.toml",
        "# Syntetisk register for ytelsesmåling (examples/gen_registry.rs).\n\n[registry]\nname = \"Syntetisk register\"\nlanguage = \"nb\"\nhistory-from = 2022-01-01\n",
    )?;
    w.file("organisations.toml", &organisations())?;
    let mut person_no = 0usize;
    for i in 0..groups {
        group(&mut w, i, &mut person_no)?;
    }
    Ok(w.bytes)
}

struct Writer {
    root: PathBuf,
    bytes: u64,
}

impl Writer {
    fn file(&mut self, rel: &str, text: &str) -> std::io::Result<()> {
        let path = self.root.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(path, text)?;
        self.bytes += text.len() as u64;
        Ok(())
    }
}

fn organisations() -> String {
    let mut s = String::from("# Regioner og organisasjoner.\n\n");
    for (id, name, org) in REGIONS {
        let _ = writeln!(
            s,
            "[[region]]\nid = \"{id}\"\nname = \"{name}\"\norg-number = \"{org}\"\n"
        );
    }
    for (r, hfs) in HFS.iter().enumerate() {
        for (id, name) in hfs {
            let region = REGIONS[r].0;
            let _ = writeln!(
                s,
                "[[organisation]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"hf\"\nregion = \"{region}\"\n"
            );
        }
    }
    for (id, name) in USER_ORGS {
        let _ = writeln!(
            s,
            "[[organisation]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"user-organisation\"\n"
        );
    }
    s
}

/// One of the group's people.
struct Person {
    id: String,
    name: String,
}

fn person(
    w: &mut Writer,
    no: &mut usize,
    female: bool,
    employer: Option<&str>,
) -> std::io::Result<Person> {
    let n = *no;
    *no += 1;
    let first = if female {
        FIRST_F[n % 12]
    } else {
        FIRST_M[n % 12]
    };
    let last = LAST[(n / 12) % 16];
    let id = format!("{first}-{last}-{n}");
    let name = format!("{} {}", capitalise(first), capitalise(last));
    let mut s = format!("name = \"{name}\"\n");
    if let Some(e) = employer {
        let _ = writeln!(s, "employer = \"{e}\"");
    }
    let _ = writeln!(s, "email = \"{id}@example.no\"");
    let _ = writeln!(
        s,
        "phone = \"+47 9{:02} {:02} {:03}\"",
        n % 100,
        (n / 100) % 100,
        n % 1000
    );
    let _ = writeln!(s, "gender = \"{}\"", if female { "female" } else { "male" });
    w.file(&format!("people/{id}.toml"), &s)?;
    Ok(Person { id, name })
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn group(w: &mut Writer, i: usize, no: &mut usize) -> std::io::Result<()> {
    let gid = format!("rg-{i:05}");
    let host_region = i % 4;
    let (host, host_name) = HFS[host_region][i % 5];
    let field = FIELDS[i % FIELDS.len()];
    let service = format!("{} {field}", SERVICES[i % SERVICES.len()]);
    // Regional members, one per region; the host region's member comes from another HF.
    let mut regional = Vec::new();
    for (r, hfs) in HFS.iter().enumerate() {
        let hf = if r == host_region {
            hfs[(i + 1) % 5].0
        } else {
            hfs[(i + r) % 5].0
        };
        regional.push(person(w, no, r.is_multiple_of(2), Some(hf))?);
    }
    let service_member = person(w, no, false, Some(host))?;
    let user_member = person(w, no, true, None)?;
    // The member of the region after the host region resigned in mid-2023 and was replaced.
    let replaced_region = (host_region + 1) % 4;
    let replacement_hf = HFS[replaced_region][(i + 3) % 5].0;
    let replacement = person(
        w,
        no,
        replaced_region.is_multiple_of(2),
        Some(replacement_hf),
    )?;
    let chair_region = (host_region + 2) % 4;
    let user_org = USER_ORGS[i % USER_ORGS.len()].0;

    let g = format!(
        "name = \"Referansegruppen for {service}\"\nprofile = \"national-service\"\nservice = \"{service}\"\nhost = [\"{host}\"]\nresponsible = \"{host}\"\nestablished = 2021-03-01\n\n\
         # {host_name} utpeker lederen. Lederen kan ikke komme fra vertsregionen.\n\
         [[chair]]\nperson = \"{first}\"\ndesignated-by = \"{host}\"\nfrom = 2021-03-01\nto = 2023-12-31\n\n\
         [[chair]]\nperson = \"{second}\"\ndesignated-by = \"{host}\"\nfrom = 2024-01-01\n",
        first = regional[chair_region].id,
        second = regional[(host_region + 3) % 4].id,
    );
    w.file(&format!("groups/{gid}/group.toml"), &g)?;

    let mut m = format!("# Medlemmer av referansegruppen for {service}.\n\n");
    for (r, p) in regional.iter().enumerate() {
        let region = REGIONS[r].0;
        let letter = 1000 + i * 7 + r;
        let _ = write!(
            m,
            "[[member]]\nperson = \"{}\"\nrole = \"regional\"\nregion = \"{region}\"\nproposed = 2020-12-01\nconsented = 2021-01-10\nleader-cleared = 2021-01-12\nappointed = 2021-02-15\nappointed-by = \"{region}\"\nletter = \"2021/{letter}\"\nnotified = 2021-02-20\n",
            p.id
        );
        if r == replaced_region {
            m.push_str("ended = 2023-06-30\nend-reason = \"Gikk over i ny stilling\"\n");
        }
        m.push('\n');
    }
    let replaced = REGIONS[replaced_region].0;
    let _ = write!(
        m,
        "# Erstatter {old}.\n[[member]]\nperson = \"{new}\"\nrole = \"regional\"\nregion = \"{replaced}\"\nproposed = 2023-05-02\nconsented = 2023-05-20\nleader-cleared = 2023-05-22\nappointed = 2023-07-01\nappointed-by = \"{replaced}\"\nletter = \"2023/{l}\"\nnotified = 2023-07-05\n\n",
        old = regional[replaced_region].name,
        new = replacement.id,
        l = 2000 + i,
    );
    let host_rhf = REGIONS[host_region].0;
    let _ = write!(
        m,
        "[[member]]\nperson = \"{}\"\nrole = \"service\"\nconsented = 2021-01-10\nleader-cleared = 2021-01-11\nappointed = 2021-02-15\nappointed-by = \"{host_rhf}\"\nnotified = 2021-02-20\n\n",
        service_member.id
    );
    let _ = write!(
        m,
        "[[member]]\nperson = \"{}\"\nrole = \"user\"\norganisation = \"{user_org}\"\nproposed = 2020-12-01\nconsented = 2021-01-14\nappointed = 2021-02-15\nappointed-by = \"{host_rhf}\"\nnotified = 2021-02-20\n",
        user_member.id
    );
    w.file(&format!("groups/{gid}/members.toml"), &m)?;

    // Who sat for each region in a year: before July 2023 the first member, after the replacement.
    let member_of = |r: usize, after_replacement: bool| -> &Person {
        if r == replaced_region && after_replacement {
            &replacement
        } else {
            &regional[r]
        }
    };
    for year in 2021..=2026 {
        for (month_day, place) in [("04-15", "digitalt"), ("10-20", "i Bergen")] {
            let after = year > 2023 || (year == 2023 && month_day == "10-20");
            let attendees: Vec<&str> = (0..4)
                .map(|r| member_of(r, after).id.as_str())
                .chain([service_member.id.as_str(), user_member.id.as_str()])
                .collect();
            let chair = if year >= 2024 {
                member_of((host_region + 3) % 4, after)
            } else {
                member_of(chair_region, after)
            };
            let text = minutes(year, month_day, place, &attendees, chair, &service, i);
            w.file(
                &format!("groups/{gid}/meetings/{year}-{month_day}.md"),
                &text,
            )?;
        }
    }
    w.file(
        &format!("groups/{gid}/meetings/2027-04-15.md"),
        "+++\ndate = 2027-04-15\nstatus = \"planned\"\nmode = \"digital\"\n+++\n# Møte i referansegruppen\n\nSakliste kommer.\n",
    )?;

    for year in 2022..=2025 {
        let after = year >= 2023;
        for (r, (region, region_name, _)) in REGIONS.iter().enumerate() {
            let author = member_of(r, after);
            let text = format!(
                "+++\nyear = {year}\nregion = \"{region}\"\nauthor = \"{}\"\nsubmitted = {}-01-2{}\n+++\n## {region_name}\n\n\
                 {} har i {year} fulgt opp tjenestens anbefalinger i de regionale fagnettverkene. Tjenesten har svart\n\
                 raskt på henvendelser fra regionen, og fagdagene har hatt god deltakelse fra helseforetakene.\n\n\
                 Regionen ønsker mer veiledning om pasientforløp for pasienter som bor langt fra sykehus, og\n\
                 bedre tall for regionen i tjenestens årsrapport.\n",
                author.id,
                year + 1,
                r,
                region_name.trim_end_matches(" RHF"),
            );
            w.file(&format!("groups/{gid}/reports/{year}/{region}.md"), &text)?;
        }
        let chair = if year >= 2024 {
            member_of((host_region + 3) % 4, after)
        } else {
            member_of(chair_region, after)
        };
        let text = format!(
            "+++\nyear = {year}\nauthor = \"{}\"\nsubmitted = {}-02-05\n+++\n## Referansegruppens tilbakemelding for {year}\n\n\
             Gruppen holdt to møter i {year}, ledet av {}. Gruppen mener tjenesten har:\n\n\
             - fulgt opp gruppens råd om regionale tall og henvisning,\n\
             - vært tilgjengelig for fagmiljøene i alle regioner,\n\
             - formidlet ny kunnskap gjennom fagdager og e-læring.\n\n\
             Gruppen ber tjenesten prioritere likeverdig tilbud i hele landet det kommende året.\n",
            chair.id,
            year + 1,
            chair.name,
        );
        w.file(&format!("groups/{gid}/reports/{year}/feedback.md"), &text)?;
    }
    Ok(())
}

fn minutes(
    year: i32,
    month_day: &str,
    place: &str,
    attendees: &[&str],
    chair: &Person,
    service: &str,
    i: usize,
) -> String {
    let list = attendees
        .iter()
        .map(|a| format!("\"{a}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let mode = if place == "digitalt" {
        "digital"
    } else {
        "hybrid"
    };
    let by = attendees[(i + year as usize) % 4];
    format!(
        "+++\ndate = {year}-{month_day}\nstatus = \"held\"\nmode = \"{mode}\"\nattendees = [{list}]\n\n\
         [[input]]\nid = \"i1\"\nby = \"{by}\"\nsummary = \"Lang ventetid på utredning i regionen\"\nstatus = \"answered\"\nto = \"tjenesten\"\n\
         response = \"Tjenesten tar det opp i neste møte med fagnettverket.\"\n\n\
         [[input]]\nid = \"i2\"\nsummary = \"Behov for oppdatert e-læring for sykepleiere\"\nstatus = \"closed\"\n\
         response = \"Ny versjon ble publisert i høst.\"\n+++\n\
         # Referat fra møte i referansegruppen {year}-{month_day}\n\n\
         Møtet ble holdt {place} og ledet av {chair}. Alle medlemmene var til stede.\n\n\
         **Sak 1: Status fra tjenesten.** {service} orienterte om aktiviteten siden forrige møte:\n\
         fagdager, revidert e-læring og arbeid med nasjonale anbefalinger.\n\n\
         **Sak 2: Innspill fra regionene.** Representantene meldte om ventetid på utredning og om\n\
         behov for bedre informasjon til fastleger. Tjenesten følger opp.\n\n\
         **Sak 3: Årsrapport.** Gruppen gikk gjennom fristene for årsrapporten og fordelte arbeidet.\n\n\
         **Råd:** Tjenesten bør publisere regionale tall slik at regionene kan følge utviklingen.\n",
        chair = chair.name,
    )
}
