//! The pages: the dashboard, a group, what is due, the reports. Each is a view (plain data)
//! rendered by a minijinja template, with the same words as the command line and the reports.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::forms::{Failure, Rejected};
use super::{App, html, plain};
use crate::cli::ReportFormat;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Lang, pick};
use crate::registry::obligations::{Obligation, ObligationKind};
use crate::registry::{
    Date, Group, LoadError, Member, Profile, Registry, Role, Scope, SectionKind, Stage, is_valid_id,
};
use crate::report::labels;

use crate::source::SourceFile;

pub const TEMPLATES: &[(&str, &str)] = &[
    ("layout.html", include_str!("templates/layout.html")),
    ("dashboard.html", include_str!("templates/dashboard.html")),
    ("group.html", include_str!("templates/group.html")),
    ("due.html", include_str!("templates/due.html")),
    ("reports.html", include_str!("templates/reports.html")),
    ("message.html", include_str!("templates/message.html")),
    ("forms.html", include_str!("templates/forms.html")),
    (
        "people_form.html",
        include_str!("templates/people_form.html"),
    ),
];

const STYLE: &str = include_str!("templates/style.css");

/// What is due within this many days is shown on the dashboard.
pub const DUE_WITHIN_DAYS: i64 = 60;

/// The kinds of downloadable documents: `/reports/<kind>/<subject>/<file>`. A new kind (the
/// letters) is one more entry here and one more arm in [`report_bytes`].
pub const REPORTS: &[&str] = &["annual", "region", "inputs"];

/// The formats of every report, as `mandat report --format` names them.
const FORMATS: &[(&str, ReportFormat)] = &[
    ("html", ReportFormat::Html),
    ("md", ReportFormat::Md),
    ("docx", ReportFormat::Docx),
    ("json", ReportFormat::Json),
];

fn render<S: Serialize>(app: &App, name: &str, view: &S) -> String {
    let t = app
        .templates
        .get_template(name)
        .expect("every template is added at start");
    let value =
        crate::report::render::to_value(serde_json::to_value(view).expect("views serialise"));
    t.render(value)
        .unwrap_or_else(|e| format!("<!DOCTYPE html><title>error</title><p>{e}</p>"))
}

fn ymd(d: Date) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The page's frame: language, title, the words of the navigation.
#[derive(Serialize)]
struct Frame {
    lang: &'static str,
    title: String,
    registry: String,
    today: String,
    nav: Nav,
    csrf: String,
    flash: Option<String>,
}

#[derive(Serialize)]
struct Nav {
    overview: &'static str,
    due: &'static str,
    reports: &'static str,
}

fn frame(app: &App, lang: Lang, title: String, registry_name: Option<&str>) -> Frame {
    Frame {
        lang: match lang {
            Lang::En => "en",
            Lang::Nb => "nb",
        },
        title,
        registry: registry_name.unwrap_or("mandat").to_string(),
        today: ymd(app.today()),
        nav: Nav {
            overview: pick(lang, "Overview", "Oversikt"),
            due: pick(lang, "Due", "Frister"),
            reports: pick(lang, "Reports", "Rapporter"),
        },
        csrf: app.csrf.clone(),
        flash: None,
    }
}

/// The word for a seat's stage, as `status` says it.
pub fn stage_word(s: Stage, lang: Lang) -> &'static str {
    match s {
        Stage::Proposed => pick(lang, "proposed", "foreslått"),
        Stage::Consented => pick(lang, "consented", "har sagt ja"),
        Stage::Cleared => pick(lang, "cleared with leader", "avklart med leder"),
        Stage::Appointed => pick(lang, "appointed", "oppnevnt"),
        Stage::Notified => pick(lang, "appointed and announced", "oppnevnt og kunngjort"),
        Stage::Ended => pick(lang, "ended", "avsluttet"),
    }
}

fn kind_word(k: ObligationKind, lang: Lang) -> &'static str {
    match k {
        ObligationKind::ReportSection => pick(lang, "report section", "rapportdel"),
        ObligationKind::Feedback => pick(
            lang,
            "feedback on the report",
            "tilbakemelding på rapporten",
        ),
        ObligationKind::Meeting => pick(lang, "yearly meeting", "årlig møte"),
        ObligationKind::MilestoneMeeting => pick(lang, "milestone meeting", "møte før milepæl"),
        ObligationKind::TermEnd => pick(lang, "term ends", "perioden går ut"),
        ObligationKind::Notification => {
            pick(lang, "announce the appointment", "kunngjør oppnevningen")
        }
        ObligationKind::Vacancy => pick(lang, "vacant seat", "ledig plass"),
        ObligationKind::Input => pick(lang, "answer an input", "svar på innspill"),
    }
}

#[derive(Serialize)]
struct Due {
    group: String,
    group_name: String,
    kind: &'static str,
    due: String,
    overdue: bool,
    what: String,
}

fn due_row(reg: &Registry, g: &Group, o: &Obligation, at: Date, lang: Lang) -> Due {
    let mut what = Vec::new();
    if let Some(r) = &o.region {
        what.push(reg.region_name(r).to_string());
    }
    if let Some(y) = o.year {
        what.push(y.to_string());
    }
    for p in [&o.who, &o.person].into_iter().flatten() {
        what.push(reg.person_name(p).to_string());
    }
    if let Some(m) = &o.milestone {
        what.push(m.clone());
    }
    if let Some(i) = &o.input {
        what.push(i.clone());
    }
    Due {
        group: g.id.clone(),
        group_name: group_name(g),
        kind: kind_word(o.kind, lang),
        due: ymd(o.due),
        overdue: o.is_overdue(at),
        what: what.join(", "),
    }
}

fn group_name(g: &Group) -> String {
    g.name
        .as_ref()
        .map_or_else(|| g.id.clone(), |n| n.value.clone())
}

fn profile_word(p: Option<Profile>, lang: Lang) -> &'static str {
    p.map_or("", |p| p.word(lang))
}

/// The regions without an active regional member (national services), or the constituencies
/// without an active member (municipal groups), on `at`.
fn vacancies(reg: &Registry, g: &Group, at: Date) -> Vec<String> {
    match g.profile() {
        Some(Profile::NationalService) => reg
            .regions
            .iter()
            .filter(|r| g.regional_vacancy(reg, r.id.as_str(), at).is_some())
            .map(|r| r.id.value.clone())
            .collect(),
        Some(Profile::MunicipalAdvisory) => g
            .constituencies
            .iter()
            .filter(|c| {
                !g.active_on(at)
                    .any(|m| m.constituency.as_ref().is_some_and(|k| k.value == c.value))
            })
            .map(|c| c.value.clone())
            .collect(),
        // An advisory body has no seat the mandate requires (format.md).
        Some(Profile::Advisory) | None => Vec::new(),
    }
}

#[derive(Serialize)]
struct Row {
    id: String,
    name: String,
    profile: &'static str,
    complete: bool,
    vacant: usize,
    no_chair: bool,
    errors: usize,
    warnings: usize,
    status: String,
    due: Vec<Due>,
}

#[derive(Serialize)]
struct Dashboard {
    frame: Frame,
    words: BTreeMap<&'static str, &'static str>,
    rows: Vec<Row>,
    totals: BTreeMap<&'static str, usize>,
    people_form: PeopleForm,
}

#[derive(Serialize, Default)]
pub struct PeopleForm {
    values: BTreeMap<String, String>,
    error: Option<FormError>,
    genders: Vec<(&'static str, &'static str)>,
    orgs: Vec<(String, String)>,
    group: Option<String>,
}

#[derive(Serialize)]
struct FormError {
    message: String,
    status: u16,
    items: Vec<DiagView>,
}

fn form_error(f: &Failure, lang: Lang) -> FormError {
    let items = match f {
        Failure::Refused { errors, files, .. } => diag_views(errors, files, lang),
        _ => Vec::new(),
    };
    FormError {
        message: f.message().to_string(),
        status: f.status().as_u16(),
        items,
    }
}

#[derive(Serialize)]
struct DiagView {
    rule: &'static str,
    severity: &'static str,
    message: String,
    place: String,
    summary: &'static str,
    fix: &'static str,
}

fn diag_views(diags: &[Diagnostic], files: &[SourceFile], lang: Lang) -> Vec<DiagView> {
    diags
        .iter()
        .map(|d| {
            let l = d.locate(files);
            let info = &crate::rules::rule(d.rule).meta;
            DiagView {
                rule: d.rule.as_str(),
                severity: match d.severity {
                    Severity::Error => "error",
                    _ => "warning",
                },
                message: d.message.get(lang).to_string(),
                place: match l.line {
                    Some(line) => format!("{}:{line}", l.file),
                    None => l.file.to_string(),
                },
                summary: info.summary.get(lang),
                fix: info.fix.get(lang),
            }
        })
        .collect()
}

fn people_form(
    reg: &Registry,
    lang: Lang,
    rejected: Option<&Rejected>,
    group: Option<&str>,
) -> PeopleForm {
    let mine = rejected.filter(|r| r.action == "people");
    PeopleForm {
        values: mine.map(|r| r.fields.clone()).unwrap_or_default(),
        error: mine.map(|r| form_error(&r.failure, lang)),
        genders: vec![
            ("", ""),
            ("female", pick(lang, "female", "kvinne")),
            ("male", pick(lang, "male", "mann")),
            ("other", pick(lang, "other", "annet")),
        ],
        orgs: reg
            .organisations
            .iter()
            .map(|o| {
                let id = o.id.value.clone();
                let name = reg.org_name(&id).to_string();
                (id, name)
            })
            .collect(),
        group: group.map(str::to_string),
    }
}

#[derive(Deserialize)]
pub struct Flash {
    done: Option<u64>,
}

fn load_failed(app: &App, e: &LoadError) -> Response {
    let lang = app.lang();
    let status = match e {
        LoadError::UnknownGroup(_) => StatusCode::NOT_FOUND,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    message_page(app, status, e.text().get(lang))
}

fn message_page(app: &App, status: StatusCode, text: &str) -> Response {
    let lang = app.lang();
    let title = status.canonical_reason().unwrap_or("").to_string();
    let view = serde_json::json!({
        "frame": frame(app, lang, format!("{} {title}", status.as_u16()), None),
        "status": status.as_u16(),
        "text": text,
    });
    html(status, render(app, "message.html", &view))
}

/// 404 for any other path.
pub async fn not_found(State(app): State<Arc<App>>) -> Response {
    let lang = app.lang();
    message_page(
        &app,
        StatusCode::NOT_FOUND,
        pick(lang, "There is no such page.", "Denne siden finnes ikke."),
    )
}

/// 400 for an id that cannot be one (`..`, `/`, NUL, too long): told before any file is read.
pub fn bad_id(app: &App, id: &str) -> Response {
    let lang = app.lang();
    let shown: String = id.chars().take(80).collect();
    let shown = crate::source::shown(&shown);
    let text = crate::t!(
        "`{shown}` is not a valid id: use 1 to 64 characters a-z, 0-9 and -, starting with a letter",
        "`{shown}` er ikke en gyldig id: bruk 1 til 64 tegn a-z, 0-9 og -, og start med en bokstav"
    );
    message_page(app, StatusCode::BAD_REQUEST, text.get(lang))
}

/// `/style.css`: the one stylesheet.
pub async fn style() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        STYLE,
    )
        .into_response()
}

fn snapshot(app: &App) -> Result<Arc<super::snapshot::Snapshot>, LoadError> {
    app.snapshot.get(&app.cfg.root, app.today())
}

/// `/`: every group with its status and what is due within 60 days.
pub async fn dashboard(State(app): State<Arc<App>>, Query(q): Query<Flash>) -> Response {
    let flash = q.done.and_then(|n| app.take_flash(n));
    dashboard_page(&app, flash, None, StatusCode::OK).await
}

pub async fn dashboard_page(
    app: &Arc<App>,
    flash: Option<String>,
    rejected: Option<&Rejected>,
    status: StatusCode,
) -> Response {
    let a = app.clone();
    let snap = match tokio::task::spawn_blocking(move || snapshot(&a)).await {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => return load_failed(app, &e),
        Err(e) => return plain(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    };
    let plain_page = flash.is_none() && rejected.is_none();
    if plain_page && let Some(page) = snap.dashboard.get() {
        return html(status, page.clone());
    }
    let lang = app.lang();
    let reg = &snap.registry;
    let at = snap.at;
    let horizon = crate::registry::lifecycle::add_days(at, DUE_WITHIN_DAYS);
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for d in &snap.diagnostics {
        if let Some(g) = d.group.as_deref() {
            let c = counts.entry(g).or_default();
            match d.severity {
                Severity::Error => c.0 += 1,
                _ => c.1 += 1,
            }
        }
    }
    let mut rows: Vec<Row> = reg
        .groups
        .iter()
        .map(|g| {
            let vacant = vacancies(reg, g, at).len();
            let no_chair = g.exists_on(at) && g.chair_on(at).is_none();
            let (errors, warnings) = counts.get(g.id.as_str()).copied().unwrap_or_default();
            let mut status = Vec::new();
            if vacant > 0 {
                status.push(match vacant {
                    1 => pick(lang, "1 vacant seat", "1 ledig plass").to_string(),
                    n => match lang {
                        Lang::En => format!("{n} vacant seats"),
                        Lang::Nb => format!("{n} ledige plasser"),
                    },
                });
            }
            if no_chair {
                status.push(pick(lang, "no chair", "mangler leder").to_string());
            }
            let complete = status.is_empty();
            if complete {
                status.push(pick(lang, "complete", "komplett").to_string());
            }
            let due = reg
                .obligations(g, at)
                .iter()
                .filter(|o| o.due <= horizon)
                .map(|o| due_row(reg, g, o, at, lang))
                .collect();
            Row {
                id: g.id.clone(),
                name: group_name(g),
                profile: profile_word(g.profile(), lang),
                complete,
                vacant,
                no_chair,
                errors,
                warnings,
                status: status.join(", "),
                due,
            }
        })
        .collect();
    rows.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    let mut totals = BTreeMap::new();
    totals.insert("groups", rows.len());
    totals.insert("complete", rows.iter().filter(|r| r.complete).count());
    totals.insert("errors", rows.iter().map(|r| r.errors).sum());
    totals.insert("due", rows.iter().map(|r| r.due.len()).sum());
    let reg_name = reg.config.name.as_ref().map(|n| n.value.as_str());
    let mut f = frame(
        app,
        lang,
        pick(lang, "Overview", "Oversikt").into(),
        reg_name,
    );
    f.flash = flash;
    let view = Dashboard {
        frame: f,
        words: words(lang),
        rows,
        totals,
        people_form: people_form(reg, lang, rejected, None),
    };
    let page = render(app, "dashboard.html", &view);
    if plain_page {
        let _ = snap.dashboard.set(page.clone());
    }
    html(status, page)
}

/// The fixed words of the pages, as `words.<key>` in the templates.
fn words(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    const W: &[(&str, &str, &str)] = &[
        ("group", "Group", "Gruppe"),
        ("service", "Service", "Tjeneste"),
        ("responsible", "Responsible HF", "Ansvarlig helseforetak"),
        ("owner", "Owner", "Eier"),
        ("groups", "groups", "grupper"),
        ("profile", "Profile", "Profil"),
        ("status", "Status", "Status"),
        ("errors", "Errors", "Feil"),
        ("warnings", "Warnings", "Advarsler"),
        ("due_soon", "Due within 60 days", "Frist innen 60 dager"),
        ("nothing_due", "nothing due", "ingen frister"),
        ("overdue", "overdue", "forfalt"),
        ("complete", "complete", "komplette"),
        ("seats", "Seats", "Plasser"),
        ("region", "Region", "Region"),
        ("person", "Person", "Person"),
        ("employer", "Employer", "Arbeidsgiver"),
        ("stage", "Stage", "Steg"),
        ("since", "Since", "Fra"),
        ("role", "Role", "Rolle"),
        ("vacant", "vacant", "ledig"),
        ("other_seats", "Other seats", "Andre plasser"),
        ("chair", "Chair", "Leder"),
        ("no_chair", "no chair", "mangler leder"),
        ("chairs", "Chairs", "Ledere"),
        ("from", "From", "Fra"),
        ("to", "To", "Til"),
        ("by", "Designated by", "Utpekt av"),
        ("meetings", "Meetings", "Møter"),
        (
            "no_meetings",
            "No meetings recorded.",
            "Ingen møter registrert.",
        ),
        ("date", "Date", "Dato"),
        ("mode", "Mode", "Form"),
        ("reports", "Reports", "Rapporter"),
        ("year", "Year", "År"),
        ("due", "Due", "Frist"),
        ("section", "Section", "Del"),
        ("submitted", "submitted", "levert"),
        ("missing", "missing", "mangler"),
        ("author", "Author", "Forfatter"),
        ("download", "Download", "Last ned"),
        ("diagnostics", "Findings", "Funn"),
        (
            "no_diagnostics",
            "No errors or warnings.",
            "Ingen feil eller advarsler.",
        ),
        ("why", "What it checks", "Hva regelen sjekker"),
        ("fix", "What to do", "Hva du gjør"),
        ("what_due", "What is due", "Frister"),
        ("kind", "What", "Hva"),
        ("about", "About", "Gjelder"),
        ("steps", "Steps", "Steg"),
        ("submit", "Save", "Lagre"),
        ("optional", "optional", "valgfritt"),
        ("error_title", "Not saved", "Ikke lagret"),
        ("none", "(none)", "(ingen)"),
        ("f_end", "End a seat", "Avslutt en plass"),
        ("f_propose", "Propose a member", "Foreslå et medlem"),
        (
            "f_consent",
            "Record consent and the leader's clearance",
            "Registrer samtykke og lederavklaring",
        ),
        ("f_appoint", "Appoint", "Oppnevn"),
        (
            "f_notify",
            "Record the announcement",
            "Registrer kunngjøringen",
        ),
        ("f_chair", "Designate the chair", "Utpek leder"),
        ("f_meeting", "Record a meeting", "Registrer et møte"),
        ("f_kickoff", "Start the annual report", "Start årsrapporten"),
        (
            "kickoff_hint",
            "Writes a draft for each regional representative and the feedback, with the year's facts; existing files are kept.",
            "Skriver et utkast for hver regionrepresentant og tilbakemeldingen, med årets fakta; filer som finnes, beholdes.",
        ),
        ("l_year", "Year", "År"),
        ("l_start", "Starts (HH:MM)", "Starter (TT:MM)"),
        ("l_end", "Ends (HH:MM)", "Slutter (TT:MM)"),
        ("l_link", "Video link", "Videolenke"),
        ("f_people", "Add a person", "Legg til en person"),
        ("l_person", "Person", "Person"),
        (
            "l_person_id",
            "Person id (people/ID.toml)",
            "Person-id (people/ID.toml)",
        ),
        ("l_date", "Date", "Dato"),
        ("l_last_day", "Last day", "Siste dag"),
        ("l_reason", "Reason", "Årsak"),
        ("l_role", "Role", "Rolle"),
        ("l_region", "Region (RHF)", "Region (RHF)"),
        (
            "l_organisation",
            "Organisation (user seats)",
            "Organisasjon (brukerplasser)",
        ),
        ("l_constituency", "Constituency", "Målgruppe"),
        ("l_consent_date", "Agreed to serve on", "Sa ja"),
        (
            "l_leader_cleared",
            "Cleared with their leader on",
            "Avklart med leder",
        ),
        ("l_by", "Appointed by", "Oppnevnt av"),
        (
            "l_chair_by",
            "Designated by (the responsible HF)",
            "Utpekt av (ansvarlig helseforetak)",
        ),
        ("l_replaces", "Replaces", "Erstatter"),
        ("l_letter", "Letter reference", "Brevreferanse"),
        ("l_term_end", "Term ends", "Perioden slutter"),
        ("l_consented", "Agreed to serve on", "Sa ja"),
        ("l_mode", "Mode", "Form"),
        ("l_status", "Status", "Status"),
        ("l_milestone", "Milestone", "Milepæl"),
        ("l_announced", "Announced on", "Kunngjort"),
        (
            "l_id",
            "Id (from the name when empty)",
            "Id (fra navnet når tomt)",
        ),
        ("l_name", "Name", "Navn"),
        ("l_employer", "Employer", "Arbeidsgiver"),
        ("l_email", "E-mail", "E-post"),
        ("l_phone", "Phone", "Telefon"),
        ("l_gender", "Gender", "Kjønn"),
        ("all_groups", "All groups", "Alle grupper"),
        ("annual", "Annual report", "Årsrapport"),
        ("region_report", "Region report", "Regionrapport"),
        ("inputs", "Inputs", "Innspill"),
        (
            "letters_none",
            "Letters are not available in this version.",
            "Brev finnes ikke i denne versjonen.",
        ),
        ("regions", "Regions", "Regioner"),
    ];
    W.iter()
        .map(|(k, en, nb)| (*k, pick(lang, en, nb)))
        .collect()
}

/// `/due`: every open obligation of every group within 60 days, and every overdue one.
pub async fn due(State(app): State<Arc<App>>) -> Response {
    let a = app.clone();
    let snap = match tokio::task::spawn_blocking(move || snapshot(&a)).await {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => return load_failed(&app, &e),
        Err(e) => return plain(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    };
    let lang = app.lang();
    let reg = &snap.registry;
    let horizon = crate::registry::lifecycle::add_days(snap.at, DUE_WITHIN_DAYS);
    let mut rows: Vec<(Date, String, Due)> = Vec::new();
    for g in &reg.groups {
        for o in reg.obligations(g, snap.at) {
            if o.due <= horizon {
                rows.push((o.due, g.id.clone(), due_row(reg, g, &o, snap.at, lang)));
            }
        }
    }
    rows.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    let reg_name = reg.config.name.as_ref().map(|n| n.value.as_str());
    let view = serde_json::json!({
        "frame": frame(&app, lang, pick(lang, "Due within 60 days", "Frister innen 60 dager").into(), reg_name),
        "words": words(lang),
        "rows": rows.into_iter().map(|r| r.2).collect::<Vec<_>>(),
    });
    html(StatusCode::OK, render(&app, "due.html", &view))
}

/// `/groups/<id>`.
pub async fn group(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    Query(q): Query<Flash>,
) -> Response {
    if !is_valid_id(&id) {
        return bad_id(&app, &id);
    }
    let flash = q.done.and_then(|n| app.take_flash(n));
    group_page(&app, &id, flash, None, StatusCode::OK).await
}

#[derive(Serialize)]
struct SeatView {
    role: String,
    region: String,
    person: String,
    person_id: String,
    employer: String,
    stage: &'static str,
    stage_id: &'static str,
    since: String,
    term_end: String,
    vacant: bool,
}

#[derive(Serialize)]
struct Option_ {
    value: String,
    label: String,
}

fn opt(value: impl Into<String>, label: impl Into<String>) -> Option_ {
    Option_ {
        value: value.into(),
        label: label.into(),
    }
}

#[derive(Serialize)]
struct SectionView {
    year: i32,
    due: String,
    overdue: bool,
    parts: Vec<(String, String, bool)>,
}

#[derive(Serialize)]
struct FormView {
    action: &'static str,
    values: BTreeMap<String, String>,
    error: Option<FormError>,
}

/// The group page; `rejected` is a form to show again with its errors and what was typed.
pub async fn group_page(
    app: &Arc<App>,
    id: &str,
    flash: Option<String>,
    rejected: Option<&Rejected>,
    status: StatusCode,
) -> Response {
    let (a, gid) = (app.clone(), id.to_string());
    let loaded = tokio::task::spawn_blocking(move || {
        crate::registry::load(&a.cfg.root, &Scope::Groups([gid].into()))
    })
    .await;
    let loaded = match loaded {
        Ok(Ok(l)) => l,
        Ok(Err(e)) => return load_failed(app, &e),
        Err(e) => return plain(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    };
    let lang = app.lang();
    let at = app.today();
    let reg = &loaded.registry;
    let Some(g) = reg.group(id) else {
        return load_failed(app, &LoadError::UnknownGroup(id.to_string()));
    };
    let diags: Vec<Diagnostic> = crate::rules::check(reg, at, loaded.diagnostics.clone())
        .into_iter()
        .filter(|d| d.group.as_deref() == Some(id))
        .collect();
    let person = |pid: &str| reg.person_name(pid).to_string();
    let employer = |pid: &str| {
        reg.person(pid)
            .and_then(|p| p.employer.as_ref())
            .map(|e| reg.org_name(&e.value).to_string())
            .unwrap_or_default()
    };
    let seat = |m: &Member, region: String| {
        let pid = m.person_id().unwrap_or("").to_string();
        let stage = m.stage(at);
        SeatView {
            role: m
                .role()
                .map(|r| labels::role(r, lang).to_string())
                .unwrap_or_default(),
            region,
            person: person(&pid),
            employer: employer(&pid),
            person_id: pid,
            stage: stage_word(stage, lang),
            stage_id: stage.as_str(),
            since: m
                .appointed
                .as_ref()
                .or(m.proposed.as_ref())
                .map(|d| ymd(d.value))
                .unwrap_or_default(),
            term_end: m
                .term_end
                .as_ref()
                .map(|d| ymd(d.value))
                .unwrap_or_default(),
            vacant: false,
        }
    };
    let current = |m: &&Member| m.stage(at) != Stage::Ended;
    let national = g.profile() == Some(Profile::NationalService);
    let mut regional = Vec::new();
    if national {
        for r in &reg.regions {
            let name = reg.region_name(r.id.as_str()).to_string();
            let seats: Vec<&Member> = g
                .members
                .iter()
                .filter(current)
                .filter(|m| {
                    m.role() == Some(Role::Regional) && m.region_id() == Some(r.id.as_str())
                })
                .collect();
            if !seats.iter().any(|m| m.stage(at).is_active()) {
                regional.push(SeatView {
                    role: labels::role(Role::Regional, lang).to_string(),
                    region: name.clone(),
                    person: String::new(),
                    person_id: String::new(),
                    employer: String::new(),
                    stage: pick(lang, "vacant", "ledig"),
                    stage_id: "vacant",
                    since: String::new(),
                    term_end: String::new(),
                    vacant: true,
                });
            }
            for m in seats {
                regional.push(seat(m, name.clone()));
            }
        }
    }
    let others: Vec<SeatView> = g
        .members
        .iter()
        .filter(current)
        .filter(|m| !national || m.role() != Some(Role::Regional))
        .map(|m| {
            let place = m
                .region_id()
                .map(|r| reg.region_name(r).to_string())
                .or_else(|| {
                    m.organisation
                        .as_ref()
                        .map(|o| reg.org_name(&o.value).to_string())
                })
                .or_else(|| m.constituency.as_ref().map(|c| c.value.clone()))
                .unwrap_or_default();
            seat(m, place)
        })
        .collect();
    let chairs: Vec<BTreeMap<&str, String>> = g
        .chairs
        .iter()
        .rev()
        .map(|c| {
            let mut m = BTreeMap::new();
            let pid = c.person.as_ref().map_or("", |p| p.as_str());
            m.insert("person", person(pid));
            m.insert(
                "by",
                c.designated_by
                    .as_ref()
                    .map(|b| reg.org_name(&b.value).to_string())
                    .unwrap_or_default(),
            );
            m.insert(
                "from",
                c.from.as_ref().map(|d| ymd(d.value)).unwrap_or_default(),
            );
            m.insert(
                "to",
                c.to.as_ref().map(|d| ymd(d.value)).unwrap_or_default(),
            );
            m
        })
        .collect();
    let chair = g.chair_on(at).map(&person);
    let mut meetings: Vec<BTreeMap<&str, String>> = g
        .meetings
        .iter()
        .map(|m| {
            let mut v = BTreeMap::new();
            v.insert("date", m.day().map(ymd).unwrap_or_else(|| m.stem.clone()));
            v.insert(
                "status",
                m.status()
                    .map(|s| labels::meeting_status(s, lang).to_string())
                    .unwrap_or_default(),
            );
            v.insert(
                "mode",
                m.mode
                    .as_ref()
                    .map(|x| labels::mode(x.value, lang).to_string())
                    .unwrap_or_default(),
            );
            v
        })
        .collect();
    meetings.sort_by(|a, b| b["date"].cmp(&a["date"]));
    // Report sections per year: the years the rules check, and the current one.
    let mut years = g.checked_years(&reg.config, at);
    let this = reg.config.current_report_year(at);
    if !years.contains(&this) && g.exists_on(at) {
        years.push(this);
    }
    let sections: Vec<SectionView> = years
        .iter()
        .rev()
        .map(|&y| {
            let due = reg.config.report_due(y);
            let mut parts = Vec::new();
            if national {
                for r in &reg.regions {
                    let s = g.section(y, &SectionKind::Regional(r.id.value.clone()));
                    parts.push((
                        reg.region_name(r.id.as_str()).to_string(),
                        s.and_then(|s| s.submitted.as_ref())
                            .map(|d| ymd(d.value))
                            .unwrap_or_default(),
                        s.is_some(),
                    ));
                }
            }
            let fb = g.section(y, &SectionKind::Feedback);
            parts.push((
                pick(lang, "Feedback", "Tilbakemelding").to_string(),
                fb.and_then(|s| s.submitted.as_ref())
                    .map(|d| ymd(d.value))
                    .unwrap_or_default(),
                fb.is_some(),
            ));
            SectionView {
                year: y,
                due: ymd(due),
                overdue: due < at,
                parts,
            }
        })
        .collect();
    let due: Vec<Due> = reg
        .obligations(g, at)
        .iter()
        .map(|o| due_row(reg, g, o, at, lang))
        .collect();
    // Choices for the forms.
    let members_where = |f: &dyn Fn(Stage) -> bool| -> Vec<Option_> {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for m in g.members.iter().filter(|m| f(m.stage(at))) {
            if let Some(p) = m.person_id()
                && !seen.contains(&p)
            {
                seen.push(p);
                out.push(opt(p, format!("{} ({p})", person(p))));
            }
        }
        out
    };
    let active = members_where(&|s| s.is_active());
    let pending = members_where(&|s| s.is_pending());
    let regions: Vec<Option_> = reg
        .regions
        .iter()
        .map(|r| {
            opt(
                r.id.value.clone(),
                reg.region_name(r.id.as_str()).to_string(),
            )
        })
        .collect();
    let roles: Vec<Option_> = [
        Role::Regional,
        Role::Service,
        Role::User,
        Role::Other,
        Role::Constituency,
    ]
    .into_iter()
    .map(|r| opt(r.as_str(), labels::role(r, lang)))
    .collect();
    let modes: Vec<Option_> = [
        ("digital", crate::registry::Mode::Digital),
        ("physical", crate::registry::Mode::Physical),
        ("hybrid", crate::registry::Mode::Hybrid),
    ]
    .into_iter()
    .map(|(k, m)| opt(k, labels::mode(m, lang)))
    .collect();
    let statuses: Vec<Option_> = [
        ("planned", crate::registry::MeetingStatus::Planned),
        ("held", crate::registry::MeetingStatus::Held),
        ("cancelled", crate::registry::MeetingStatus::Cancelled),
    ]
    .into_iter()
    .map(|(k, s)| opt(k, labels::meeting_status(s, lang)))
    .collect();
    let milestones: Vec<Option_> = g
        .milestones
        .iter()
        .filter_map(|m| m.id.as_ref())
        .map(|i| opt(i.value.clone(), i.value.clone()))
        .collect();
    let constituencies: Vec<Option_> = g
        .constituencies
        .iter()
        .map(|c| opt(c.value.clone(), c.value.clone()))
        .collect();
    // Sensible defaults: today, the region of the first vacant regional seat, the RHF of the
    // first pending regional proposal, the HF responsible for the service.
    let today = ymd(at);
    let first_vacant = reg
        .regions
        .iter()
        .find(|r| g.regional_vacancy(reg, r.id.as_str(), at).is_some())
        .map(|r| r.id.value.clone());
    let pending_region = g
        .members
        .iter()
        .filter(|m| m.stage(at).is_pending() && m.role() == Some(Role::Regional))
        .find_map(|m| m.region_id().map(str::to_string));
    let pending_person = g
        .members
        .iter()
        .filter(|m| m.stage(at).is_pending())
        .find_map(|m| m.person_id().map(str::to_string));
    let chair_by = g
        .responsible
        .as_ref()
        .or(g.owner.as_ref())
        .map(|o| o.value.clone())
        .unwrap_or_default();
    let defaults = |action: &str| -> BTreeMap<String, String> {
        let mut v = BTreeMap::new();
        let mut put = |k: &str, val: String| {
            v.insert(k.to_string(), val);
        };
        match action {
            "end" => put("date", today.clone()),
            "propose" => {
                put("date", today.clone());
                if national {
                    put("role", "regional".into());
                    put("region", first_vacant.clone().unwrap_or_default());
                } else if g.profile() == Some(Profile::MunicipalAdvisory) {
                    put("role", "constituency".into());
                }
            }
            "consent" => {
                put("date", today.clone());
                put("leader-cleared", today.clone());
                put("person", pending_person.clone().unwrap_or_default());
            }
            "appoint" => {
                put("date", today.clone());
                put("person", pending_person.clone().unwrap_or_default());
                let by = pending_region
                    .clone()
                    .or_else(|| first_vacant.clone())
                    .or_else(|| g.owner.as_ref().map(|o| o.value.clone()))
                    .unwrap_or_default();
                put("by", by);
            }
            "notify" => {
                put("date", today.clone());
                let unannounced = g
                    .members
                    .iter()
                    .find(|m| m.stage(at) == Stage::Appointed)
                    .and_then(|m| m.person_id().map(str::to_string));
                put("person", unannounced.unwrap_or_default());
            }
            "chair" => {
                put("date", today.clone());
                put("by", chair_by.clone());
            }
            "meeting" => {
                put("date", today.clone());
                put("mode", "digital".into());
                put("status", "planned".into());
            }
            "kickoff" => {
                // The report due next: last year's until its due date, then this year's.
                put("year", reg.config.current_report_year(at).to_string());
            }
            _ => {}
        }
        v
    };
    let forms: BTreeMap<&str, FormView> = super::forms::GROUP_ACTIONS
        .iter()
        .map(|&action| {
            let mine = rejected.filter(|r| r.action == action);
            let view = FormView {
                action,
                values: mine.map_or_else(|| defaults(action), |r| r.fields.clone()),
                error: mine.map(|r| form_error(&r.failure, lang)),
            };
            (action, view)
        })
        .collect();
    let appointers: Vec<Option_> = if national {
        regions
            .iter()
            .map(|o| opt(o.value.clone(), o.label.clone()))
            .collect()
    } else {
        reg.organisations
            .iter()
            .map(|o| opt(o.id.value.clone(), reg.org_name(o.id.as_str()).to_string()))
            .collect()
    };
    let hfs: Vec<Option_> = reg
        .organisations
        .iter()
        .map(|o| opt(o.id.value.clone(), reg.org_name(o.id.as_str()).to_string()))
        .collect();
    let report_years: Vec<i32> = years.iter().rev().copied().collect();
    let mut f = frame(app, lang, group_name(g), None);
    f.flash = flash;
    let view = serde_json::json!({
        "frame": f,
        "words": words(lang),
        "group": {
            "id": g.id, "name": group_name(g), "profile": profile_word(g.profile(), lang),
            "national": national,
            "service": g.service.as_ref().map(|s| s.value.clone()),
            "responsible": g.responsible.as_ref().map(|o| reg.org_name(&o.value).to_string()),
            "owner": g.owner.as_ref().map(|o| reg.org_name(&o.value).to_string()),
        },
        "regional": regional,
        "others": others,
        "chair": chair,
        "chairs": chairs,
        "meetings": meetings,
        "sections": sections,
        "report_years": report_years,
        "formats": FORMATS.iter().map(|f| f.0).collect::<Vec<_>>(),
        "diagnostics": diag_views(&diags, &reg.files, lang),
        "due": due,
        "forms": forms,
        "choices": {
            "active": active, "pending": pending, "regions": regions, "roles": roles,
            "modes": modes, "statuses": statuses, "milestones": milestones,
            "constituencies": constituencies, "appointers": appointers, "hfs": hfs,
        },
        "people_form": people_form(reg, lang, rejected, Some(id)),
    });
    html(status, render(app, "group.html", &view))
}

/// `/reports`: every report of every group and region, in every format.
pub async fn reports(State(app): State<Arc<App>>) -> Response {
    let a = app.clone();
    let snap = match tokio::task::spawn_blocking(move || snapshot(&a)).await {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => return load_failed(&app, &e),
        Err(e) => return plain(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    };
    let lang = app.lang();
    let reg = &snap.registry;
    let at = snap.at;
    let this = reg.config.current_report_year(at);
    let groups: Vec<serde_json::Value> = reg
        .groups
        .iter()
        .map(|g| {
            let mut years = g.checked_years(&reg.config, at);
            if !years.contains(&this) && g.exists_on(at) {
                years.push(this);
            }
            years.reverse();
            serde_json::json!({"id": g.id, "name": group_name(g), "years": years})
        })
        .collect();
    let first = reg
        .groups
        .iter()
        .filter_map(|g| g.established())
        .map(|d| chrono::Datelike::year(&d))
        .min()
        .unwrap_or(this);
    let region_years: Vec<i32> = (first.max(this - 4)..=this).rev().collect();
    let regions: Vec<serde_json::Value> = reg
        .regions
        .iter()
        .map(|r| serde_json::json!({"id": r.id.value, "name": reg.region_name(r.id.as_str())}))
        .collect();
    let reg_name = reg.config.name.as_ref().map(|n| n.value.as_str());
    let view = serde_json::json!({
        "frame": frame(&app, lang, pick(lang, "Reports", "Rapporter").into(), reg_name),
        "words": words(lang),
        "groups": groups,
        "regions": regions,
        "region_years": region_years,
        "formats": FORMATS.iter().map(|f| f.0).collect::<Vec<_>>(),
    });
    html(StatusCode::OK, render(&app, "reports.html", &view))
}

/// `/reports/<kind>/<subject>/<file>`: `annual/<group>/<year>.<ext>`,
/// `region/<region>/<year>.<ext>`, `inputs/<group>/inputs.<ext>`.
pub async fn report_file(
    State(app): State<Arc<App>>,
    Path((kind, subject, file)): Path<(String, String, String)>,
) -> Response {
    if !REPORTS.contains(&kind.as_str()) {
        return not_found(State(app)).await;
    }
    if !is_valid_id(&subject) {
        return bad_id(&app, &subject);
    }
    let Some((stem, ext)) = file.rsplit_once('.') else {
        return not_found(State(app)).await;
    };
    let Some(&(ext, format)) = FORMATS.iter().find(|f| f.0 == ext) else {
        return not_found(State(app)).await;
    };
    let year = match kind.as_str() {
        "inputs" if stem == "inputs" => None,
        "inputs" => return not_found(State(app)).await,
        _ => match stem.parse::<i32>() {
            Ok(y) if (1900..=2200).contains(&y) => Some(y),
            _ => return not_found(State(app)).await,
        },
    };
    let a = app.clone();
    let (k, s) = (kind.clone(), subject.clone());
    let bytes = tokio::task::spawn_blocking(move || report_bytes(&a, &k, &s, year, format)).await;
    let bytes = match bytes {
        Ok(Ok(b)) => b,
        Ok(Err(ReportError::Load(e))) => return load_failed(&app, &e),
        Ok(Err(ReportError::NotFound)) => return not_found(State(app)).await,
        Ok(Err(ReportError::Other(e))) => {
            return plain(StatusCode::INTERNAL_SERVER_ERROR, &format!("{e:#}"));
        }
        Err(e) => return plain(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    };
    let bytes = match format {
        ReportFormat::Docx | ReportFormat::Xlsx => bytes,
        _ => crate::pii_scan::mask(&String::from_utf8_lossy(&bytes))
            .into_owned()
            .into_bytes(),
    };
    let mime = match format {
        ReportFormat::Html => "text/html; charset=utf-8",
        ReportFormat::Md => "text/markdown; charset=utf-8",
        ReportFormat::Json => "application/json",
        ReportFormat::Docx => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
        ReportFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };
    let name = match year {
        Some(y) => format!("{kind}-{subject}-{y}.{ext}"),
        None => format!("{kind}-{subject}.{ext}"),
    };
    let mut r = bytes.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

enum ReportError {
    Load(LoadError),
    NotFound,
    Other(anyhow::Error),
}

/// A report's bytes, by the same functions as `mandat report`.
fn report_bytes(
    app: &App,
    kind: &str,
    subject: &str,
    year: Option<i32>,
    format: ReportFormat,
) -> Result<Vec<u8>, ReportError> {
    use crate::report::{self, Options, annual, inputs, region, render};
    let root = &app.cfg.root;
    let lang = app.lang();
    let opts = Options {
        lang,
        at: app.today(),
        include_contact: false,
    };
    let group_scope = || Scope::Groups([subject.to_string()].into());
    let out = match (kind, year) {
        ("annual", Some(y)) => {
            let loaded = crate::registry::load(root, &group_scope()).map_err(ReportError::Load)?;
            let day = report::as_of(y, opts.at);
            let diags = crate::rules::check(&loaded.registry, day, loaded.diagnostics.clone());
            let g = loaded
                .registry
                .group(subject)
                .ok_or(ReportError::NotFound)?;
            let view = annual::build(&loaded.registry, g, y, diags, opts);
            render::render("annual", format, &view, root, lang)
        }
        ("region", Some(y)) => {
            let snap = snapshot(app).map_err(ReportError::Load)?;
            if snap.registry.region(subject).is_none() {
                return Err(ReportError::NotFound);
            }
            let view = region::build(&snap.registry, subject, y, opts);
            render::render("region", format, &view, root, lang)
        }
        ("inputs", None) => {
            let loaded = crate::registry::load(root, &group_scope()).map_err(ReportError::Load)?;
            let g = loaded
                .registry
                .group(subject)
                .ok_or(ReportError::NotFound)?;
            let view = inputs::build(&loaded.registry, g, None, None, opts);
            render::render("inputs", format, &view, root, lang)
        }
        _ => return Err(ReportError::NotFound),
    };
    out.map_err(ReportError::Other)
}
