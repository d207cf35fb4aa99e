//! Small registries built in the test: one minimal national-service group (`nat`) and one minimal
//! municipal-advisory group (`mun`) that validate clean on [`D`], and functions to tweak their
//! files. Each test changes one thing and looks at what the rules say.

use std::path::{Path, PathBuf};

use mandat::diagnostic::{Diagnostic, Severity};
use mandat::i18n::Lang;
use mandat::registry::{self, Scope};

/// The evaluation date the base registry is clean on.
pub const D: &str = "2026-06-15";

pub const REGISTRY: &str = r#"[registry]
name = "Testregister"
"#;

pub const ORGANISATIONS: &str = r#"[[region]]
id = "helse-sor-ost"
name = "Helse Sør-Øst RHF"

[[region]]
id = "helse-vest"
name = "Helse Vest RHF"

[[region]]
id = "helse-midt-norge"
name = "Helse Midt-Norge RHF"

[[region]]
id = "helse-nord"
name = "Helse Nord RHF"

[[organisation]]
id = "ous"
name = "Oslo universitetssykehus HF"
kind = "hf"
region = "helse-sor-ost"

[[organisation]]
id = "helse-bergen"
name = "Helse Bergen HF"
kind = "hf"
region = "helse-vest"

[[organisation]]
id = "helse-stavanger"
name = "Helse Stavanger HF"
kind = "hf"
region = "helse-vest"

[[organisation]]
id = "st-olavs"
name = "St. Olavs hospital HF"
kind = "hf"
region = "helse-midt-norge"

[[organisation]]
id = "unn"
name = "Universitetssykehuset Nord-Norge HF"
kind = "hf"
region = "helse-nord"

[[organisation]]
id = "sykehuspartner"
name = "Sykehuspartner HF"
kind = "joint-hf"

[[organisation]]
id = "ffo"
name = "Funksjonshemmedes Fellesorganisasjon"
kind = "user-organisation"

[[organisation]]
id = "senja-kommune"
name = "Senja kommune"
kind = "municipality"
region = "helse-nord"
"#;

/// People: (id, name, employer, gender).
pub const PEOPLE: &[(&str, &str, Option<&str>, &str)] = &[
    ("sara-sor", "Sara Sør", Some("ous"), "female"),
    ("vidar-vest", "Vidar Vest", Some("helse-stavanger"), "male"),
    ("mette-midt", "Mette Midt", Some("st-olavs"), "female"),
    ("nils-nord", "Nils Nord", Some("unn"), "male"),
    (
        "tone-tjeneste",
        "Tone Tjeneste",
        Some("helse-bergen"),
        "female",
    ),
    ("bjarne-bruker", "Bjarne Bruker", None, "male"),
    ("elsa-eldre", "Elsa Eldre", None, "female"),
    ("bernt-bruker", "Bernt Brukerråd", None, "male"),
    ("reserve-person", "Rita Reserve", Some("ous"), "female"),
];

pub const NAT_GROUP: &str = r#"name = "Referansegruppen for testtjenesten"
profile = "national-service"
service = "Nasjonal testtjeneste"
host = ["helse-bergen"]
responsible = "helse-bergen"
established = 2026-01-01

[[chair]]
person = "nils-nord"
designated-by = "helse-bergen"
from = 2026-01-01
"#;

fn member(person: &str, role: &str, extra: &str, by: &str) -> String {
    format!(
        "[[member]]\nperson = \"{person}\"\nrole = \"{role}\"\n{extra}proposed = 2025-11-01\nconsented = 2025-11-10\nleader-cleared = 2025-11-12\nappointed = 2026-01-01\nappointed-by = \"{by}\"\nnotified = 2026-01-05\n"
    )
}

pub fn nat_members() -> String {
    [
        member(
            "sara-sor",
            "regional",
            "region = \"helse-sor-ost\"\n",
            "helse-sor-ost",
        ),
        member(
            "vidar-vest",
            "regional",
            "region = \"helse-vest\"\n",
            "helse-vest",
        ),
        member(
            "mette-midt",
            "regional",
            "region = \"helse-midt-norge\"\n",
            "helse-midt-norge",
        ),
        member(
            "nils-nord",
            "regional",
            "region = \"helse-nord\"\n",
            "helse-nord",
        ),
        member("tone-tjeneste", "service", "", "helse-vest"),
        member(
            "bjarne-bruker",
            "user",
            "organisation = \"ffo\"\n",
            "helse-nord",
        ),
    ]
    .join("\n")
}

pub const NAT_MEETING: &str = r#"+++
date = 2026-03-10
status = "held"
mode = "digital"
attendees = ["sara-sor", "vidar-vest", "mette-midt", "nils-nord", "tone-tjeneste", "bjarne-bruker"]

[[input]]
id = "ventetid"
by = "bjarne-bruker"
summary = "Lang ventetid"
status = "forwarded"
to = "tjenesten"
+++
# Referat

Gruppen gikk gjennom tjenestens arbeid.
"#;

pub const MUN_GROUP: &str = r#"name = "Referansegruppen i omstillingen"
profile = "municipal-advisory"
owner = "senja-kommune"
process = "Omstilling helse og omsorg"
reports-to = "styringsgruppen"
constituencies = ["eldreradet", "brukerradet"]
established = 2026-01-01

[[milestone]]
id = "m1"
name = "Oppstart"
date = 2026-03-12
"#;

pub const MUN_MEMBERS: &str = r#"[[member]]
person = "elsa-eldre"
role = "constituency"
constituency = "eldreradet"
consented = 2025-12-01
appointed = 2026-01-01
appointed-by = "senja-kommune"

[[member]]
person = "bernt-bruker"
role = "constituency"
constituency = "brukerradet"
consented = 2025-12-01
appointed = 2026-01-01
appointed-by = "senja-kommune"
"#;

pub const MUN_MEETING: &str = r#"+++
date = 2026-03-12
status = "held"
mode = "physical"
milestone = "m1"
attendees = ["elsa-eldre", "bernt-bruker"]

[[input]]
id = "informasjon"
summary = "Informer tidlig"
status = "forwarded"
to = "styringsgruppen"
+++
# Referat

Oppstartsmøte.
"#;

/// One diagnostic, resolved to what the contract's JSON shows, plus both messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub rule: String,
    pub severity: String,
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub group: Option<String>,
    pub en: String,
    pub nb: String,
    pub help_en: String,
}

impl Found {
    pub fn is(&self, rule: &str, severity: &str, group: Option<&str>, file: &str) -> bool {
        self.rule == rule
            && self.severity == severity
            && self.group.as_deref() == group
            && self.file == file
    }
}

/// A registry in a temporary folder.
pub struct Reg {
    dir: tempfile::TempDir,
}

impl Reg {
    /// An empty folder: nothing written yet.
    pub fn empty() -> Reg {
        Reg {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    /// The registry with both groups, clean on [`D`].
    pub fn new() -> Reg {
        let r = Reg::empty();
        r.write("registry.toml", REGISTRY);
        r.write("organisations.toml", ORGANISATIONS);
        for (id, name, employer, gender) in PEOPLE {
            let employer = employer.map_or(String::new(), |e| format!("employer = \"{e}\"\n"));
            r.write(
                &format!("people/{id}.toml"),
                &format!("name = \"{name}\"\n{employer}gender = \"{gender}\"\n"),
            );
        }
        r.write("groups/nat/group.toml", NAT_GROUP);
        r.write("groups/nat/members.toml", &nat_members());
        r.write("groups/nat/meetings/2026-03-10.md", NAT_MEETING);
        r.write("groups/mun/group.toml", MUN_GROUP);
        r.write("groups/mun/members.toml", MUN_MEMBERS);
        r.write("groups/mun/meetings/2026-03-12-oppstart.md", MUN_MEETING);
        r
    }

    /// A copy of registry-example/.
    pub fn example() -> Reg {
        let r = Reg::empty();
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("registry-example");
        for entry in walkdir::WalkDir::new(&src) {
            let entry = entry.expect("walk registry-example");
            let rel = entry.path().strip_prefix(&src).unwrap();
            let to = r.path().join(rel);
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(entry.path(), &to).unwrap();
            }
        }
        r
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self, rel: &str) -> PathBuf {
        self.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) -> &Reg {
        let p = self.file(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.file(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Replaces the one occurrence of `from` in a file (the test fails when there is none).
    pub fn replace(&self, rel: &str, from: &str, to: &str) -> &Reg {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, &text.replacen(from, to, 1))
    }

    pub fn append(&self, rel: &str, text: &str) -> &Reg {
        let old = self.read(rel);
        self.write(rel, &format!("{old}\n{text}"))
    }

    pub fn remove(&self, rel: &str) -> &Reg {
        std::fs::remove_file(self.file(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        self
    }

    /// Loads and checks the whole registry as of `at`.
    pub fn diagnostics(&self, at: &str) -> (Vec<Diagnostic>, mandat::registry::Registry) {
        let loaded = registry::load(self.path(), &Scope::All).expect("the registry loads");
        let at = at.parse().expect("a date");
        let diags = mandat::rules::check(&loaded.registry, at, loaded.diagnostics);
        (diags, loaded.registry)
    }

    /// Every diagnostic on `at`, resolved.
    pub fn check(&self, at: &str) -> Vec<Found> {
        let (diags, reg) = self.diagnostics(at);
        diags
            .iter()
            .map(|d| {
                let l = d.locate(&reg.files);
                Found {
                    rule: d.rule.as_str().to_string(),
                    severity: match d.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                    }
                    .to_string(),
                    file: l.file.to_string(),
                    line: l.line,
                    column: l.column,
                    group: d.group.clone(),
                    en: d.message.get(Lang::En).to_string(),
                    nb: d.message.get(Lang::Nb).to_string(),
                    help_en: d.help.get(Lang::En).to_string(),
                }
            })
            .collect()
    }

    /// The diagnostics of one rule on `at`.
    pub fn rule(&self, rule: &str, at: &str) -> Vec<Found> {
        self.check(at)
            .into_iter()
            .filter(|f| f.rule == rule)
            .collect()
    }

    /// Fails with the whole list when anything is reported on `at`.
    pub fn assert_clean(&self, at: &str) {
        let found = self.check(at);
        assert!(
            found.is_empty(),
            "expected no diagnostics on {at}, got:\n{found:#?}"
        );
    }

    /// The human rendering on `at`.
    pub fn human(&self, at: &str, lang: Lang) -> String {
        let (diags, reg) = self.diagnostics(at);
        let opts = mandat::diagnostic::RenderOptions {
            lang,
            color: false,
            width: None,
        };
        mandat::diagnostic::human::render(&diags, &reg.files, opts)
    }

    /// The JSON rendering on `at`.
    pub fn json(&self, at: &str, lang: Lang) -> String {
        let (diags, reg) = self.diagnostics(at);
        let summary = mandat::diagnostic::Summary::of(&diags, reg.files.len());
        mandat::diagnostic::json::render(&diags, &reg.files, summary, lang)
    }
}

/// The 1-based line of the first occurrence of `needle` in `text`, and its column.
pub fn position(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, column)
}

/// Asserts that exactly one diagnostic of `rule` is reported on `at` and returns it.
#[track_caller]
pub fn one(reg: &Reg, rule: &str, at: &str) -> Found {
    let found = reg.rule(rule, at);
    assert_eq!(
        found.len(),
        1,
        "expected one {rule} diagnostic on {at}, got:\n{found:#?}"
    );
    found.into_iter().next().unwrap()
}

/// Asserts a diagnostic's place: file and the position of `needle` in that file.
#[track_caller]
pub fn at_value(reg: &Reg, f: &Found, file: &str, needle: &str) {
    assert_eq!(f.file, file, "{f:#?}");
    let (line, column) = position(&reg.read(file), needle);
    assert_eq!(
        (f.line, f.column),
        (Some(line), Some(column)),
        "{f:#?} should point at {needle:?}"
    );
}

/// Asserts a diagnostic points at the start of a file.
#[track_caller]
pub fn at_file_start(f: &Found, file: &str) {
    assert_eq!(f.file, file, "{f:#?}");
    assert_eq!((f.line, f.column), (Some(1), Some(1)), "{f:#?}");
}

/// The 1-based line and column of the `n`th (0-based) occurrence of `needle`.
pub fn nth_position(text: &str, needle: &str, n: usize) -> (usize, usize) {
    let at = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("occurrence {n} of {needle:?} not found"))
        .0;
    let before = &text[..at];
    (
        before.matches('\n').count() + 1,
        before.rsplit('\n').next().unwrap().chars().count() + 1,
    )
}

/// Asserts a diagnostic points at the `n`th `[[member]]` entry (0-based) of a group's members.toml.
#[track_caller]
pub fn at_member(reg: &Reg, f: &Found, group: &str, n: usize) {
    let file = format!("groups/{group}/members.toml");
    assert_eq!(f.file, file, "{f:#?}");
    let (line, column) = nth_position(&reg.read(&file), "[[member]]", n);
    assert_eq!(
        (f.line, f.column),
        (Some(line), Some(column)),
        "{f:#?} should point at member {n}"
    );
}

/// A valid fødselsnummer (or, with `d_number`, a D-number) for 1 January 1990, computed with the
/// control digits of rules.md.
pub fn identity_number(d_number: bool) -> String {
    let date = if d_number { "410190" } else { "010190" };
    (100..1000)
        .map(|i| format!("{date}{i}"))
        .find_map(|nine| {
            let d: Vec<u32> = nine.bytes().map(|b| u32::from(b - b'0')).collect();
            let w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
            let s1: u32 = w1.iter().zip(&d).map(|(w, x)| w * x).sum();
            let k1 = (11 - s1 % 11) % 11;
            if k1 == 10 {
                return None;
            }
            let mut ten = d.clone();
            ten.push(k1);
            let w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
            let s2: u32 = w2.iter().zip(&ten).map(|(w, x)| w * x).sum();
            let k2 = match 11 - s2 % 11 {
                11 => 0,
                10 => return None,
                k => k,
            };
            Some(format!("{nine}{k1}{k2}"))
        })
        .expect("a valid number exists")
}

/// Makes the national group and its members date from 2025 (established 2025-01-01, appointed
/// 2025-01-01) with a held meeting in 2025, so that 2025 is a year the annual rules check.
pub fn nat_since_2025(reg: &Reg) {
    let members = nat_members()
        .replace("2025-11-", "2024-11-")
        .replace("2026-01-0", "2025-01-0");
    reg.write("groups/nat/members.toml", &members);
    reg.replace(
        "groups/nat/group.toml",
        "established = 2026-01-01",
        "established = 2025-01-01",
    );
    reg.replace(
        "groups/nat/group.toml",
        "from = 2026-01-01",
        "from = 2025-01-01",
    );
    reg.write(
        "groups/nat/meetings/2025-05-20.md",
        &NAT_MEETING.replace("2026-03-10", "2025-05-20"),
    );
}

/// Writes every report section and the feedback of a year for the national group, each by the
/// region's member.
pub fn nat_reports(reg: &Reg, year: i32) {
    for (region, author) in [
        ("helse-sor-ost", "sara-sor"),
        ("helse-vest", "vidar-vest"),
        ("helse-midt-norge", "mette-midt"),
        ("helse-nord", "nils-nord"),
    ] {
        reg.write(
            &format!("groups/nat/reports/{year}/{region}.md"),
            &format!("+++\nyear = {year}\nregion = \"{region}\"\nauthor = \"{author}\"\n+++\nTjenesten fungerer godt i regionen.\n"),
        );
    }
    reg.write(
        &format!("groups/nat/reports/{year}/feedback.md"),
        &format!("+++\nyear = {year}\nauthor = \"nils-nord\"\n+++\nTilbakemelding fra gruppen.\n"),
    );
}

/// Rewrites the `n`th (0-based) `[[member]]` entry of a group's members.toml.
pub fn edit_member(reg: &Reg, group: &str, n: usize, edit: impl FnOnce(&str) -> String) {
    let file = format!("groups/{group}/members.toml");
    let text = reg.read(&file);
    let mut starts: Vec<usize> = text.match_indices("[[member]]").map(|(i, _)| i).collect();
    starts.push(text.len());
    let (a, b) = (starts[n], starts[n + 1]);
    let new = format!("{}{}{}", &text[..a], edit(&text[a..b]), &text[b..]);
    reg.write(&file, &new);
}

/// Removes the `n`th (0-based) `[[member]]` entry of a group's members.toml.
pub fn remove_member(reg: &Reg, group: &str, n: usize) {
    edit_member(reg, group, n, |_| String::new());
}

/// The index of the first `[[member]]` entry of `person` in a group's members.toml.
pub fn member_index(reg: &Reg, group: &str, person: &str) -> usize {
    reg.read(&format!("groups/{group}/members.toml"))
        .split("[[member]]")
        .skip(1)
        .position(|e| e.contains(&format!("person = \"{person}\"")))
        .unwrap_or_else(|| panic!("{person} is not a member of {group}"))
}
