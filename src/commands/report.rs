//! `mandat report annual|region|inputs`: build a report's view, lay it out, write it.

use std::collections::BTreeSet;
use std::io::IsTerminal;

use anyhow::bail;

use super::{Outcome, evaluation_date, language, print, registry_root};
use crate::cli::{
    AnnualArgs, Global, InputsArgs, RegionArgs, ReportCommand, ReportFormat, ReportOutput,
};
use crate::i18n::Lang;
use crate::registry::{self, Group, Loaded, Scope};
use crate::report::{self, Options, annual, inputs, region, render};
use crate::{rules, t};

pub fn run(cmd: &ReportCommand, global: &Global) -> anyhow::Result<Outcome> {
    match cmd {
        ReportCommand::Annual(args) => run_annual(args, global),
        ReportCommand::Region(args) => run_region(args, global),
        ReportCommand::Inputs(args) => run_inputs(args, global),
    }
}

/// Checks that a year is one a report can be about.
pub fn check_year(year: i32, global: &Global) -> anyhow::Result<()> {
    if !(1900..=2200).contains(&year) {
        let lang = super::lang_unloaded(global);
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
pub fn load_group(global: &Global, id: &str) -> anyhow::Result<(std::path::PathBuf, Loaded)> {
    let root = registry_root(global)?;
    let loaded = registry::load(&root, &Scope::Groups(BTreeSet::from([id.to_string()])))?;
    Ok((root, loaded))
}

fn group<'a>(loaded: &'a Loaded, id: &str) -> anyhow::Result<&'a Group> {
    loaded
        .registry
        .group(id)
        .ok_or_else(|| crate::registry::LoadError::UnknownGroup(id.to_string()).into())
}

fn options(global: &Global, reg: &registry::Registry, out: &ReportOutput) -> Options {
    Options {
        lang: language(global, Some(reg)),
        at: evaluation_date(global),
        include_contact: out.include_contact,
    }
}

fn run_annual(args: &AnnualArgs, global: &Global) -> anyhow::Result<Outcome> {
    check_year(args.year, global)?;
    let (root, loaded) = load_group(global, &args.group)?;
    let opts = options(global, &loaded.registry, &args.out);
    let day = report::as_of(args.year, opts.at);
    let diagnostics = rules::check(&loaded.registry, day, loaded.diagnostics.clone());
    let g = group(&loaded, &args.group)?;
    let view = annual::build(&loaded.registry, g, args.year, diagnostics, opts);
    let bytes = render::render("annual", args.out.format, &view, &root, opts.lang)?;
    write(&root, &bytes, &args.out, opts.lang)
}

fn run_region(args: &RegionArgs, global: &Global) -> anyhow::Result<Outcome> {
    check_year(args.year, global)?;
    let root = registry_root(global)?;
    let loaded = registry::load(&root, &Scope::All)?;
    let reg = &loaded.registry;
    if reg.region(&args.region).is_none() {
        let known = reg
            .regions
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let region = &args.region;
        bail!(
            "{}",
            t!(
                "no region `{region}` in organisations.toml; the regions are: {known}",
                "ingen region `{region}` i organisations.toml; regionene er: {known}"
            )
            .get(language(global, Some(reg)))
        );
    }
    let opts = options(global, reg, &args.out);
    let view = region::build(reg, &args.region, args.year, opts);
    let bytes = render::render("region", args.out.format, &view, &root, opts.lang)?;
    write(&root, &bytes, &args.out, opts.lang)
}

fn run_inputs(args: &InputsArgs, global: &Global) -> anyhow::Result<Outcome> {
    let (root, loaded) = load_group(global, &args.group)?;
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
            .get(language(global, Some(&loaded.registry)))
        );
    }
    let opts = options(global, &loaded.registry, &args.out);
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
