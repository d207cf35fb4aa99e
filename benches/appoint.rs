//! How long `mandat appoint` takes on registries of 100, 1,000 and 10,000 groups.
//!
//! An edit touches one group, so its cost should hardly grow with the registry: it reads
//! registry.toml, organisations.toml, the group and the people it references, and lists the
//! groups folder, nothing more. Each sample appoints a proposed member with `--replaces` (the
//! full command: lock, scoped load, pre-write check, atomic write) on a members.toml that is
//! restored before every sample.
//!
//! Run with `cargo bench --bench appoint`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use mandat::cli::{AppointArgs, ColorChoice, Command, EditOptions, Global};
use mandat::registry::Date;

fn main() {
    divan::main();
}

const REGIONS: [(&str, &str); 4] = [
    ("helse-sor-ost", "ous"),
    ("helse-vest", "helse-stavanger"),
    ("helse-midt-norge", "st-olavs"),
    ("helse-nord", "unn"),
];

/// A registry of `n` national-service groups with full seats; group 0 also has a proposed
/// member for Helse Nord, ready to be appointed.
fn build(root: &Path, n: usize) -> String {
    fs::create_dir_all(root.join("people")).unwrap();
    fs::write(
        root.join("registry.toml"),
        "[registry]\nname = \"Bench\"\nlanguage = \"en\"\nhistory-from = 2026-01-01\n",
    )
    .unwrap();
    let mut orgs = String::new();
    for (r, hf) in REGIONS {
        let _ = write!(
            orgs,
            "[[region]]\nid = \"{r}\"\nname = \"{r} RHF\"\n\n[[organisation]]\nid = \"{hf}\"\nname = \"{hf} HF\"\nkind = \"hf\"\nregion = \"{r}\"\n\n"
        );
    }
    orgs.push_str("[[organisation]]\nid = \"helse-bergen\"\nname = \"Helse Bergen HF\"\nkind = \"hf\"\nregion = \"helse-vest\"\n\n");
    orgs.push_str("[[organisation]]\nid = \"ffo\"\nname = \"FFO\"\nkind = \"user-organisation\"\n");
    fs::write(root.join("organisations.toml"), orgs).unwrap();
    let person = |id: &str, employer: &str, gender: &str| {
        fs::write(
            root.join(format!("people/{id}.toml")),
            format!("name = \"{id}\"\nemployer = \"{employer}\"\ngender = \"{gender}\"\n"),
        )
        .unwrap();
    };
    for (i, (_, hf)) in REGIONS.iter().enumerate() {
        person(
            &format!("regional-{i}"),
            hf,
            if i % 2 == 0 { "female" } else { "male" },
        );
    }
    person("service-0", "helse-bergen", "female");
    person("user-0", "helse-bergen", "male");
    person("new-member", "unn", "male");
    let mut target = String::new();
    for g in 0..n {
        let dir = root.join(format!("groups/g{g:05}"));
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join("group.toml"),
            "name = \"Group\"\nprofile = \"national-service\"\nservice = \"Service\"\nhost = [\"helse-bergen\"]\nresponsible = \"helse-bergen\"\nestablished = 2026-01-01\n\n[[chair]]\nperson = \"regional-0\"\ndesignated-by = \"helse-bergen\"\nfrom = 2026-01-01\n",
        )
        .unwrap();
        let mut m = String::from("# Members.\n");
        let seat = |m: &mut String, p: &str, role: &str, extra: &str, by: &str| {
            let _ = write!(
                m,
                "\n[[member]]\nperson = \"{p}\"\nrole = \"{role}\"\n{extra}consented = 2026-01-01\nleader-cleared = 2026-01-01\nappointed = 2026-01-02\nappointed-by = \"{by}\"\nnotified = 2026-01-03\n"
            );
        };
        for (i, (r, _)) in REGIONS.iter().enumerate() {
            seat(
                &mut m,
                &format!("regional-{i}"),
                "regional",
                &format!("region = \"{r}\"\n"),
                r,
            );
        }
        seat(&mut m, "service-0", "service", "", "helse-vest");
        seat(
            &mut m,
            "user-0",
            "user",
            "organisation = \"ffo\"\n",
            "helse-vest",
        );
        if g == 0 {
            m.push_str("\n[[member]]\nperson = \"new-member\"\nrole = \"regional\"\nregion = \"helse-nord\"\nproposed = 2026-02-01\nconsented = 2026-02-02\nleader-cleared = 2026-02-03\n");
            target = m.clone();
        }
        fs::write(dir.join("members.toml"), m).unwrap();
    }
    target
}

fn appoint(root: &Path) {
    let global = Global {
        registry: Some(PathBuf::from(root)),
        at: Date::from_ymd_opt(2026, 3, 1),
        lang: None,
        color: ColorChoice::Never,
    };
    let args = AppointArgs {
        group: "g00000".into(),
        person: "new-member".into(),
        by: "helse-nord".into(),
        date: Date::from_ymd_opt(2026, 3, 1),
        role: None,
        region: None,
        organisation: None,
        constituency: None,
        letter: None,
        term_end: None,
        replaces: Some("regional-3".into()),
        consented: None,
        leader_cleared: None,
        edit: EditOptions {
            dry_run: false,
            force: false,
        },
    };
    let env = mandat::commands::Env::new(&global);
    let outcome = mandat::commands::run(Command::Appoint(args), &env).expect("appoint runs");
    assert_eq!(
        outcome,
        mandat::commands::Outcome::Ok,
        "appoint was refused"
    );
}

#[divan::bench(args = [100, 1_000, 10_000], sample_count = 20, sample_size = 1)]
fn appoint_replacing_a_member(bencher: divan::Bencher, groups: usize) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let original = build(&root, groups);
    let members = root.join("groups/g00000/members.toml");
    bencher
        .with_inputs(|| fs::write(&members, &original).unwrap())
        .bench_local_values(|()| appoint(&root));
}
