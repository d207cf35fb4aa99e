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
    ("layout.html", include_str!("../templates/layout.html")),
    (
        "dashboard.html",
        include_str!("../templates/dashboard.html"),
    ),
    ("group.html", include_str!("../templates/group.html")),
    ("due.html", include_str!("../templates/due.html")),
    ("reports.html", include_str!("../templates/reports.html")),
    ("message.html", include_str!("../templates/message.html")),
    ("forms.html", include_str!("../templates/forms.html")),
    (
        "people_form.html",
        include_str!("../templates/people_form.html"),
    ),
];

const STYLE: &str = include_str!("../templates/style.css");

/// What is due within this many days is shown on the dashboard.
pub const DUE_WITHIN_DAYS: i64 = 60;

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

mod dashboard;
pub(super) use dashboard::plain_dashboard;
mod downloads;
mod group;
mod words;

use words::words;

pub use dashboard::{dashboard, dashboard_page, due};
pub use downloads::{report_file, reports};
pub use group::{group, group_page};

/// The registry as loaded now (off the async threads), or the page that says why it cannot be.
async fn current(app: &Arc<App>) -> Result<Arc<super::snapshot::Snapshot>, Response> {
    let a = app.clone();
    match tokio::task::spawn_blocking(move || snapshot(&a)).await {
        Ok(Ok(s)) => Ok(s),
        Ok(Err(e)) => Err(load_failed(app, &e)),
        Err(e) => Err(plain(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string())),
    }
}

fn snapshot(app: &App) -> Result<Arc<super::snapshot::Snapshot>, LoadError> {
    app.snapshot.get(&app.cfg.root, app.today())
}
