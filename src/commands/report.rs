//! `mandat report annual|region|inputs`: build a report's view, lay it out, write it.

use std::collections::BTreeSet;
use std::io::IsTerminal;

use anyhow::bail;

use super::{Env, Outcome, print};
use crate::cli::{
    AnnualArgs, InputsArgs, KickoffArgs, RegionArgs, ReportCommand, ReportFormat, ReportOutput,
};
use crate::i18n::Lang;
use crate::registry::{self, Group, Loaded, Scope};
use crate::report::{self, Options, annual, inputs, region, render};
use crate::{rules, t};

pub fn run(cmd: &ReportCommand, env: &Env) -> anyhow::Result<Outcome> {
    match cmd {
        ReportCommand::Annual(args) => run_annual(args, env),
        ReportCommand::Region(args) => run_region(args, env),
        ReportCommand::Inputs(args) => run_inputs(args, env),
        ReportCommand::Kickoff(args) => run_kickoff(args, env),
    }
}

/// Checks that a year is one a report can be about.
pub fn check_year(year: i32, env: &Env) -> anyhow::Result<()> {
    if !(1900..=2200).contains(&year) {
        let lang = env.lang;
        bail!(
            "{}",
            t!(
                "--year {year} is out of range; give a year such as 2025",
                "--year {year} er utenfor gyldig område; oppgi et år som 2025"
            )
            .get(lang)
        );
    }
    Ok(())
}

/// Loads one group (and the people it names).
pub fn load_group(env: &Env, id: &str) -> anyhow::Result<(std::path::PathBuf, Loaded)> {
    let root = env.root()?;
    let loaded = registry::load(&root, &Scope::Groups(BTreeSet::from([id.to_string()])))?;
    Ok((root, loaded))
}

fn group<'a>(loaded: &'a Loaded, id: &str) -> anyhow::Result<&'a Group> {
    loaded
        .registry
        .group(id)
        .ok_or_else(|| crate::registry::LoadError::UnknownGroup(id.to_string()).into())
}

fn options(env: &Env, reg: &registry::Registry, out: &ReportOutput) -> Options {
    Options {
        lang: env.lang_of(Some(reg)),
        at: env.at,
        include_contact: out.include_contact,
    }
}

fn run_annual(args: &AnnualArgs, env: &Env) -> anyhow::Result<Outcome> {
    check_year(args.year, env)?;
    let (root, loaded) = load_group(env, &args.group)?;
    let opts = options(env, &loaded.registry, &args.out);
    check_output(&root, &args.out, opts.lang)?;
    let day = report::as_of(args.year, opts.at);
    let diagnostics = rules::check(&loaded.registry, day, loaded.diagnostics.clone());
    let g = group(&loaded, &args.group)?;
    let view = annual::build(&loaded.registry, g, args.year, diagnostics, opts);
    let view = with_details(&view, &args.out)?;
    let bytes = render::render("annual", args.out.format, &view, &root, opts.lang)?;
    write(&root, &bytes, &args.out, opts.lang)
}

fn run_region(args: &RegionArgs, env: &Env) -> anyhow::Result<Outcome> {
    check_year(args.year, env)?;
    let root = env.root()?;
    let loaded = registry::load(&root, &Scope::All)?;
    let reg = &loaded.registry;
    if let Some(text) = reg.unknown_region(&args.region) {
        bail!("{}", text.get(env.lang_of(Some(reg))));
    }
    let opts = options(env, reg, &args.out);
    check_output(&root, &args.out, opts.lang)?;
    let view = region::build(reg, &args.region, args.year, opts);
    if args.out.format == ReportFormat::Xlsx {
        let path = crate::output::xlsx::need_output(args.out.output.as_deref(), opts.lang)?;
        crate::output::refuse_registry_file(&root, path, opts.lang)?;
        crate::output::xlsx::save(
            path,
            &crate::output::sheets::region(&view, opts.lang),
            opts.lang,
        )?;
        return Ok(Outcome::Ok);
    }
    let view = with_details(&view, &args.out)?;
    let bytes = render::render("region", args.out.format, &view, &root, opts.lang)?;
    write(&root, &bytes, &args.out, opts.lang)
}

fn run_inputs(args: &InputsArgs, env: &Env) -> anyhow::Result<Outcome> {
    let (root, loaded) = load_group(env, &args.group)?;
    let g = group(&loaded, &args.group)?;
    if let Some(ms) = &args.milestone
        && !g
            .milestones
            .iter()
            .any(|m| m.id.as_ref().is_some_and(|i| i.value == *ms))
    {
        let known: Vec<&str> = g
            .milestones
            .iter()
            .filter_map(|m| m.id.as_ref())
            .map(|i| i.as_str())
            .collect();
        let known = if known.is_empty() {
            "-".to_string()
        } else {
            known.join(", ")
        };
        let id = &g.id;
        bail!(
            "{}",
            t!(
                "group `{id}` has no milestone `{ms}`; its milestones are: {known}",
                "gruppen `{id}` har ingen milepæl `{ms}`; milepælene er: {known}"
            )
            .get(env.lang_of(Some(&loaded.registry)))
        );
    }
    let opts = options(env, &loaded.registry, &args.out);
    check_output(&root, &args.out, opts.lang)?;
    let view = inputs::build(
        &loaded.registry,
        g,
        args.since,
        args.milestone.as_deref(),
        opts,
    );
    let bytes = render::render("inputs", args.out.format, &view, &root, opts.lang)?;
    write(&root, &bytes, &args.out, opts.lang)
}

/// `report kickoff`: the year's stubs, written through the edit machinery; existing files kept.
fn run_kickoff(args: &KickoffArgs, env: &Env) -> anyhow::Result<Outcome> {
    let kickoff = kickoff_step(args, env)?;
    let lang = kickoff.session.lang;
    for n in &kickoff.notes {
        print(&format!("{}\n", n.get(lang)))?;
    }
    match kickoff.step {
        Some(step) => kickoff.session.finish(step, args.edit, env),
        None => {
            print(&format!("{}\n", kickoff.nothing.get(lang)))?;
            Ok(Outcome::Ok)
        }
    }
}

/// What `report kickoff` would do: the change (`None` when every stub exists already), the notes
/// on what is kept or cannot be written, and what to say when there is nothing to write. The
/// command line prints it; the web application answers with it.
pub struct Kickoff {
    pub session: super::writing::Session,
    pub step: Option<crate::edit::Step>,
    pub notes: Vec<crate::i18n::Text>,
    pub nothing: crate::i18n::Text,
}

/// Computes `report kickoff` under the registry's lock (see [`Kickoff`]).
pub fn kickoff_step(args: &KickoffArgs, env: &Env) -> anyhow::Result<Kickoff> {
    check_year(args.year, env)?;
    let s = super::writing::Session::open(env, &[&args.group], &[])?;
    let (lang, year, gid) = (s.lang, args.year, args.group.as_str());
    let g = group(&s.before, gid)?;
    if g.profile() != Some(registry::Profile::NationalService) {
        return Err(super::writing::bad(
            lang,
            t!(
                "report kickoff is for national-service groups; {gid} has no regional sections or feedback to start",
                "report kickoff gjelder grupper for nasjonale tjenester; {gid} har ingen regionale deler eller tilbakemelding å starte"
            ),
        ));
    }
    let stubs = report::kickoff::stubs(s.reg(), g, year, lang);
    let mut kept = Vec::new();
    let mut written = Vec::new();
    let mut plan_changes = Vec::new();
    for stub in stubs {
        if s.root.join(&stub.rel).exists() {
            kept.push(stub.rel);
        } else {
            written.push(stub.rel.clone());
            plan_changes.push(stub);
        }
    }
    let mut notes = Vec::new();
    for k in &kept {
        notes.push(t!(
            "kept {k} (it exists already)",
            "beholdt {k} (den finnes allerede)"
        ));
    }
    if g.chair_on(crate::registry::dec31(year)).is_none() {
        let rel = report::kickoff::feedback_rel(g, year);
        notes.push(t!(
            "not written: {rel}, the group has no chair on 31 December {year} to write it",
            "ikke skrevet: {rel}, gruppen har ingen leder 31. desember {year} som kan skrive den"
        ));
    }
    for r in &s.reg().regions {
        let r = r.id.as_str();
        if g.section_author(r, year).is_none() {
            let name = s.reg().region_name(r);
            notes.push(t!(
                "no section for {name}: nobody held its regional seat in {year}",
                "ingen del for {name}: ingen hadde regionplassen i {year}"
            ));
        }
    }
    let nothing = t!(
        "nothing to write: every stub of {gid}'s annual report {year} exists already",
        "ingenting å skrive: alle utkastene til årsrapporten {year} for {gid} finnes allerede"
    );
    let step = (!plan_changes.is_empty()).then(|| {
        let n = written.len();
        let files = written.join(", ");
        let mut plan = crate::edit::Plan::new(t!(
            "started {gid}'s annual report {year}: wrote {n} stub files ({files})",
            "startet årsrapporten {year} for {gid}: skrev {n} utkastfiler ({files})"
        ));
        for stub in plan_changes {
            plan = plan.change(stub.rel, None, stub.text);
        }
        crate::edit::Step::Change(plan)
    });
    Ok(Kickoff {
        session: s,
        step,
        notes,
        nothing,
    })
}

/// The view, with `details` set for the templates when `--details` asks for the coordinator's
/// appendix (the json stays the view itself).
fn with_details<T: serde::Serialize>(
    view: &T,
    out: &ReportOutput,
) -> anyhow::Result<serde_json::Value> {
    let mut v = serde_json::to_value(view)?;
    if out.details
        && out.format != ReportFormat::Json
        && let Some(o) = v.as_object_mut()
    {
        o.insert("details".to_string(), serde_json::Value::Bool(true));
    }
    Ok(v)
}

/// `-o FILE` never overwrites a file the registry reads (cli.md): see
/// [`crate::output::refuse_registry_file`], the one check every `-o` goes through.
pub fn check_output(root: &std::path::Path, out: &ReportOutput, lang: Lang) -> anyhow::Result<()> {
    match &out.output {
        Some(path) => crate::output::refuse_registry_file(root, path, lang),
        None => Ok(()),
    }
}

/// Writes a report to `-o FILE` or standard output (a `.docx` never to a terminal).
pub fn write(
    root: &std::path::Path,
    bytes: &[u8],
    out: &ReportOutput,
    lang: Lang,
) -> anyhow::Result<Outcome> {
    match &out.output {
        Some(path) => super::output::write_output(root, path, bytes, lang)?,
        None if out.format == ReportFormat::Docx => {
            if std::io::stdout().is_terminal() {
                bail!(
                    "{}",
                    t!(
                        "a .docx file is binary; write it to a file with -o FILE.docx",
                        "en .docx-fil er binær; skriv den til en fil med -o FIL.docx"
                    )
                    .get(lang)
                );
            }
            use std::io::Write;
            // docx text was masked before it was packed (report::docx::from_markdown).
            let mut o = std::io::stdout().lock();
            match o.write_all(bytes).and_then(|()| o.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other?,
            }
        }
        None => print(&String::from_utf8_lossy(bytes))?,
    }
    Ok(Outcome::Ok)
}
