//! The letters the mandate asks for (cli.md, `mandat letter`; M 3): `request`, `appointment`,
//! `notification`, `constituted` and `reminder`.
//!
//! Each letter is a view ([`Letter`]) laid out by a Markdown template per kind and language
//! (`letter-<kind>.<lang>.md`, overridable in `<registry>/templates/` like the reports'); the
//! html is that Markdown in the `letter.html` shell, the docx that Markdown in Word. Names come
//! from the registry (organisations.toml, people/): the postal block holds names only, nothing
//! invented; e-mail and phone appear only with `include_contact`. Nothing here prints.

use std::path::Path;

use serde::Serialize;

use super::render::ReportFormat;
use super::{dates, labels, render};
use crate::i18n::{Lang, Text};
use crate::registry::{Date, Group, MeetingStatus, Profile, Registry, SectionKind, dec31};
use crate::t;
use seats::{member_of, person_block, person_view, seats};

mod seats;

/// Which letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// To PERSON: asked about time and interest, informed of the mandate (M 3)
    Request,
    /// From the appointing RHF to PERSON
    Appointment,
    /// From the appointing RHF to the service, the group and the other RHFs
    Notification,
    /// To the four RHFs when every seat is filled (M 3)
    Constituted,
    /// To the author due for a section of the annual report, or the feedback
    Reminder,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Request => "request",
            Kind::Appointment => "appointment",
            Kind::Notification => "notification",
            Kind::Constituted => "constituted",
            Kind::Reminder => "reminder",
        }
    }
}

/// What a letter is asked for.
#[derive(Clone, Debug)]
pub struct Request<'a> {
    pub kind: Kind,
    pub person: Option<&'a str>,
    pub year: Option<i32>,
    pub region: Option<&'a str>,
    /// The letter's date.
    pub date: Date,
    pub include_contact: bool,
    pub lang: Lang,
}

/// Why a letter cannot be written.
#[derive(Debug)]
pub enum Refusal {
    /// A bad or missing argument, or a thing that does not exist (exit 2).
    Usage(Text),
    /// `constituted` while seats are open (exit 1): the message and the open seats.
    OpenSeats(Text, Vec<String>),
}

/// An addressee or sender: a name and the organisation's name, as the registry has them.
#[derive(Clone, Debug, Serialize)]
pub struct Block {
    pub lines: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PersonView {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employer: Option<String>,
    /// The seat: «regional representant for Helse Nord RHF», «brukerrepresentant (FFO)».
    pub seat: String,
    /// A regional seat (its holder writes a section of the annual report).
    pub regional: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SeatView {
    pub seat: String,
    pub name: String,
    pub employer: String,
}

/// Everything a letter template reads.
#[derive(Clone, Debug, Serialize)]
pub struct Letter {
    pub kind: Kind,
    pub lang: &'static str,
    /// The letter's date in words; `date_iso` as written in files.
    pub date: String,
    pub date_iso: String,
    pub sender: Block,
    pub recipients: Vec<Block>,
    /// Copies: the other addressees of a notification.
    pub copies: Vec<Block>,
    pub group_name: String,
    pub group_short: String,
    pub national_service: bool,
    /// The service (national-service) or the process (municipal/advisory).
    pub service: String,
    pub responsible: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appointed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appointed_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_end: Option<String>,
    /// The appointment letter's reference, when recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// `constituted`: who sits in the group, by role.
    pub seats: Vec<SeatView>,
    pub chair: Option<String>,
    /// Planned meetings after the letter's date, in words.
    pub planned_meetings: Vec<String>,
    /// `reminder`: the report year, what is missing, the due date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    pub overdue: bool,
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Nb => "nb",
    }
}

fn need_person<'a>(req: &Request<'a>, g: &Group) -> Result<&'a str, Refusal> {
    let kind = req.kind.as_str();
    req.person.ok_or_else(|| {
        Refusal::Usage(t!(
            "the {kind} letter is to or about one person: give the person id after the group, e.g. `mandat letter {kind} {} kari-nordmann`",
            "brevet {kind} gjelder én person: oppgi personens id etter gruppen, f.eks. `mandat letter {kind} {} kari-nordmann`",
            g.id
        ))
    })
}

fn not_member(g: &Group, person: &str) -> Refusal {
    let gid = &g.id;
    Refusal::Usage(t!(
        "{person} has no seat in {gid}, proposed or appointed; record the proposal first with `mandat propose`",
        "{person} har ingen plass i {gid}, verken foreslått eller oppnevnt; registrer forslaget først med `mandat propose`"
    ))
}

/// Builds a letter, or says why it cannot be written.
pub fn build(reg: &Registry, g: &Group, req: &Request<'_>) -> Result<Letter, Refusal> {
    let lang = req.lang;
    let name = g.name.as_ref().map_or(g.id.clone(), |n| n.value.clone());
    let national = g.profile() == Some(Profile::NationalService);
    let service = if national {
        g.service.as_ref().map_or(name.clone(), |s| s.value.clone())
    } else {
        g.process.as_ref().map_or(name.clone(), |s| s.value.clone())
    };
    let responsible_id = g
        .responsible
        .as_ref()
        .or(g.owner.as_ref())
        .map(|r| r.value.clone());
    let responsible = responsible_id
        .as_deref()
        .map(|r| reg.org_name(r).to_string())
        .unwrap_or_default();
    let service_block = Block {
        lines: [service.clone(), responsible.clone()]
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect(),
    };
    let planned_meetings: Vec<String> = {
        let mut ms: Vec<_> = g
            .meetings
            .iter()
            .filter(|m| m.status() == Some(MeetingStatus::Planned))
            .filter_map(|m| m.day().filter(|d| *d >= req.date).map(|d| (d, m)))
            .collect();
        ms.sort_by_key(|(d, _)| *d);
        ms.into_iter()
            .map(|(d, m)| {
                let mode = m
                    .mode
                    .as_ref()
                    .map(|x| labels::mode(x.value, lang).to_lowercase());
                let place = m
                    .location
                    .as_ref()
                    .map(|l| super::privacy::redact(&l.value, lang));
                let mut s = dates::long(d, lang);
                let extra: Vec<String> = mode.into_iter().chain(place).collect();
                if !extra.is_empty() {
                    s.push_str(&format!(" ({})", extra.join(", ")));
                }
                s
            })
            .collect()
    };
    let mut letter = Letter {
        kind: req.kind,
        lang: lang_code(lang),
        date: dates::long(req.date, lang),
        date_iso: super::iso(req.date),
        sender: service_block.clone(),
        recipients: Vec::new(),
        copies: Vec::new(),
        group_name: name.clone(),
        group_short: g
            .short_name
            .as_ref()
            .map_or(name.clone(), |s| s.value.clone()),
        national_service: national,
        service: service.clone(),
        responsible,
        person: None,
        appointed: None,
        appointed_by: None,
        term_end: None,
        reference: None,
        seats: Vec::new(),
        chair: g.chair_on(req.date).map(|c| reg.person_name(c).to_string()),
        planned_meetings,
        year: None,
        missing: None,
        due: None,
        overdue: false,
    };
    let rhf_block = |id: &str| Block {
        lines: vec![reg.region_name(id).to_string()],
    };
    match req.kind {
        Kind::Request => {
            let pid = need_person(req, g)?;
            let m = member_of(g, pid).ok_or_else(|| not_member(g, pid))?;
            let p = person_view(reg, m, req.include_contact, lang);
            letter.recipients.push(person_block(&p));
            letter.person = Some(p);
        }
        Kind::Appointment | Kind::Notification => {
            let pid = need_person(req, g)?;
            let m = member_of(g, pid).ok_or_else(|| not_member(g, pid))?;
            let (Some(appointed), Some(by)) = (&m.appointed, &m.appointed_by) else {
                let gid = &g.id;
                return Err(Refusal::Usage(t!(
                    "{pid} is not appointed to {gid} yet; record the appointment first with `mandat appoint`",
                    "{pid} er ikke oppnevnt i {gid} ennå; registrer oppnevningen først med `mandat appoint`"
                )));
            };
            let by_name = if reg.region(&by.value).is_some() {
                reg.region_name(&by.value).to_string()
            } else {
                reg.org_name(&by.value).to_string()
            };
            letter.sender = Block {
                lines: vec![by_name.clone()],
            };
            letter.appointed = Some(dates::long(appointed.value, lang));
            letter.appointed_by = Some(by_name);
            letter.term_end = m.term_end.as_ref().map(|t| dates::long(t.value, lang));
            letter.reference = m.letter.as_ref().map(|l| l.value.clone());
            let p = person_view(reg, m, req.include_contact, lang);
            if req.kind == Kind::Appointment {
                letter.recipients.push(person_block(&p));
            } else {
                letter.recipients.push(service_block.clone());
                letter.recipients.push(Block {
                    lines: vec![name.clone()],
                });
                if national {
                    for r in reg.regions.iter().filter(|r| r.id.value != by.value) {
                        letter.recipients.push(rhf_block(r.id.as_str()));
                    }
                }
            }
            letter.person = Some(p);
        }
        Kind::Constituted => {
            if !national {
                let gid = &g.id;
                return Err(Refusal::Usage(t!(
                    "the constituted letter goes to the four RHFs about a national-service group; {gid} is not one",
                    "brevet constituted går til de fire RHF-ene om en gruppe for en nasjonal tjeneste; {gid} er ikke en slik gruppe"
                )));
            }
            let all = seats(reg, g, req.date, lang);
            let open: Vec<String> = all
                .iter()
                .filter(|(_, m)| m.is_none())
                .map(|(s, _)| s.clone())
                .collect();
            if !open.is_empty() || all.is_empty() {
                let gid = &g.id;
                let n = open.len();
                let text = if n == 1 {
                    t!(
                        "{gid} is not fully appointed: one seat has no active member; the letter is written when every seat is filled",
                        "{gid} er ikke ferdig oppnevnt: én plass har ikke noe aktivt medlem; brevet skrives når alle plassene er besatt"
                    )
                } else {
                    t!(
                        "{gid} is not fully appointed: {n} seats have no active member; the letter is written when every seat is filled",
                        "{gid} er ikke ferdig oppnevnt: {n} plasser har ikke noe aktivt medlem; brevet skrives når alle plassene er besatt"
                    )
                };
                return Err(Refusal::OpenSeats(text, open));
            }
            for (label, m) in all {
                let Some(m) = m else { continue };
                let id = m.person_id().unwrap_or("");
                letter.seats.push(SeatView {
                    seat: label,
                    name: reg.person_name(id).to_string(),
                    employer: reg
                        .person_employer(id)
                        .map(|e| reg.org_name(e).to_string())
                        .unwrap_or_default(),
                });
            }
            letter.recipients = reg
                .regions
                .iter()
                .map(|r| rhf_block(r.id.as_str()))
                .collect();
        }
        Kind::Reminder => {
            let year = req
                .year
                .unwrap_or_else(|| reg.config.current_report_year(req.date));
            let (kind, author) = match req.region {
                Some(r) => {
                    if let Some(text) = reg.unknown_region(r) {
                        return Err(Refusal::Usage(text));
                    }
                    (
                        SectionKind::Regional(r.to_string()),
                        g.section_author(r, year).and_then(|m| m.person_id()),
                    )
                }
                None => (SectionKind::Feedback, g.chair_on(dec31(year))),
            };
            if !national {
                let gid = &g.id;
                return Err(Refusal::Usage(t!(
                    "{gid} writes no annual report sections; the reminder is for national-service groups",
                    "{gid} skriver ingen deler av en årsrapport; påminnelsen gjelder grupper for nasjonale tjenester"
                )));
            }
            if g.section(year, &kind).is_some() {
                return Err(Refusal::Usage(t!(
                    "nothing to remind of: that part of the annual report {year} is delivered",
                    "ingenting å minne om: den delen av årsrapporten {year} er levert"
                )));
            }
            let Some(author) = author else {
                return Err(Refusal::Usage(match kind {
                    SectionKind::Regional(_) => t!(
                        "nobody is due to write that section of the annual report {year}: nobody held the region's seat that year",
                        "ingen skal skrive den delen av årsrapporten {year}: ingen hadde regionplassen det året"
                    ),
                    SectionKind::Feedback => t!(
                        "nobody is due to write the feedback for {year}: the group had no chair on 31 December {year}",
                        "ingen skal skrive tilbakemeldingen for {year}: gruppen hadde ingen leder 31. desember {year}"
                    ),
                }));
            };
            let m = member_of(g, author);
            let p = match m {
                Some(m) => person_view(reg, m, req.include_contact, lang),
                None => PersonView {
                    name: reg.person_name(author).to_string(),
                    employer: reg
                        .person_employer(author)
                        .map(|e| reg.org_name(e).to_string()),
                    seat: String::new(),
                    regional: false,
                    email: None,
                    phone: None,
                },
            };
            letter.recipients.push(person_block(&p));
            letter.person = Some(p);
            let due = reg.config.report_due(year);
            letter.year = Some(year);
            letter.due = Some(dates::long(due, lang));
            letter.overdue = due < req.date;
            letter.missing = Some(match (&kind, lang) {
                (SectionKind::Regional(r), Lang::Nb) => format!(
                    "delen fra {} til årsrapporten for {year}",
                    reg.region_name(r)
                ),
                (SectionKind::Regional(r), Lang::En) => format!(
                    "the section from {} for the annual report {year}",
                    reg.region_name(r)
                ),
                (SectionKind::Feedback, Lang::Nb) => {
                    format!("gruppens tilbakemelding på tjenesten til årsrapporten for {year}")
                }
                (SectionKind::Feedback, Lang::En) => {
                    format!("the group's feedback on the service for the annual report {year}")
                }
            });
        }
    }
    Ok(letter)
}

/// Lays a letter out in `format` (json is the view; md, html and docx come from its Markdown).
pub fn render(
    letter: &Letter,
    format: ReportFormat,
    root: &Path,
    lang: Lang,
) -> anyhow::Result<Vec<u8>> {
    let md_name = format!("letter-{}.{}.md", letter.kind.as_str(), letter.lang);
    match format {
        ReportFormat::Xlsx => anyhow::bail!(
            "{}",
            crate::t!(
                "a letter is md, html, docx or json, not a spreadsheet",
                "et brev er md, html, docx eller json, ikke et regneark"
            )
            .get(lang)
        ),
        ReportFormat::Json => {
            let mut s = serde_json::to_string_pretty(letter)?;
            s.push('\n');
            Ok(s.into_bytes())
        }
        ReportFormat::Md => Ok(render::template(&md_name, letter, root, lang)?.into_bytes()),
        ReportFormat::Docx => {
            super::docx::from_markdown(&render::template(&md_name, letter, root, lang)?)
        }
        ReportFormat::Html => {
            let md = render::template(&md_name, letter, root, lang)?;
            let body = super::markdown::to_html(&md, 1);
            #[derive(Serialize)]
            struct Shell<'a> {
                lang: &'a str,
                title: String,
                body: String,
            }
            let title = md
                .lines()
                .find_map(|l| l.strip_prefix("# "))
                .map(super::markdown::plain_text)
                .unwrap_or_default();
            let html = render::template(
                "letter.html",
                &Shell {
                    lang: letter.lang,
                    title,
                    body,
                },
                root,
                lang,
            )?;
            Ok(html.into_bytes())
        }
    }
}
