//! Downloads: the list of reports (`/reports`) and every report and letter in every format
//! (`/reports/<kind>/<subject>/<file>`), by the same functions as `mandat report` and
//! `mandat letter`.

use super::*;

/// The kinds of downloadable documents: `/reports/<kind>/<subject>/<file>`, each read by
/// [`Doc::parse`]: the reports, and the letters of `mandat letter` as `letter-<kind>`.
pub const REPORTS: &[&str] = &[
    "annual",
    "region",
    "inputs",
    "letter-request",
    "letter-appointment",
    "letter-notification",
    "letter-constituted",
    "letter-reminder",
];

/// The formats of every report, as `mandat report --format` names them.
pub(super) const FORMATS: &[(&str, ReportFormat)] = &[
    ("html", ReportFormat::Html),
    ("md", ReportFormat::Md),
    ("docx", ReportFormat::Docx),
    ("json", ReportFormat::Json),
];

/// `/reports`: every report of every group and region, in every format.
pub async fn reports(State(app): State<Arc<App>>) -> Response {
    let snap = match current(&app).await {
        Ok(s) => s,
        Err(answer) => return answer,
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

/// A document to download, read from its kind and its file name without the extension.
#[derive(Debug, PartialEq, Eq)]
enum Doc {
    /// `annual/<group>/<year>`
    Annual(i32),
    /// `region/<region>/<year>`
    Region(i32),
    /// `inputs/<group>/inputs`
    Inputs,
    /// `letter-request|appointment|notification/<group>/<person>`,
    /// `letter-constituted/<group>/constituted`, `letter-reminder/<group>/<year>` (the feedback)
    /// and `letter-reminder/<group>/<year>-<region>` (a region's section).
    Letter {
        kind: letter::Kind,
        person: Option<String>,
        year: Option<i32>,
        region: Option<String>,
    },
}

use crate::report::letter;

fn report_year(s: &str) -> Option<i32> {
    s.parse::<i32>()
        .ok()
        .filter(|y| (1900..=2200).contains(y) && s.len() == 4)
}

impl Doc {
    fn parse(kind: &str, stem: &str) -> Option<Doc> {
        let letter = |kind, person: Option<&str>, year, region: Option<&str>| {
            Some(Doc::Letter {
                kind,
                person: person.map(str::to_string),
                year,
                region: region.map(str::to_string),
            })
        };
        match kind {
            "annual" => report_year(stem).map(Doc::Annual),
            "region" => report_year(stem).map(Doc::Region),
            "inputs" => (stem == "inputs").then_some(Doc::Inputs),
            "letter-request" | "letter-appointment" | "letter-notification" => {
                let k = match kind {
                    "letter-request" => letter::Kind::Request,
                    "letter-appointment" => letter::Kind::Appointment,
                    _ => letter::Kind::Notification,
                };
                is_valid_id(stem).then_some(())?;
                letter(k, Some(stem), None, None)
            }
            "letter-constituted" => {
                (stem == "constituted").then_some(())?;
                letter(letter::Kind::Constituted, None, None, None)
            }
            "letter-reminder" => match stem.split_once('-') {
                None => letter(letter::Kind::Reminder, None, Some(report_year(stem)?), None),
                Some((y, region)) => {
                    is_valid_id(region).then_some(())?;
                    letter(
                        letter::Kind::Reminder,
                        None,
                        Some(report_year(y)?),
                        Some(region),
                    )
                }
            },
            _ => None,
        }
    }
}

/// `/reports/<kind>/<subject>/<file>`: a report or a letter (see [`Doc`]), as a download.
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
    let Some(doc) = Doc::parse(&kind, stem) else {
        return not_found(State(app)).await;
    };
    let a = app.clone();
    let s = subject.clone();
    let bytes = tokio::task::spawn_blocking(move || doc_bytes(&a, &doc, &s, format)).await;
    let bytes = match bytes {
        Ok(Ok(b)) => b,
        Ok(Err(ReportError::Load(e))) => return load_failed(&app, &e),
        Ok(Err(ReportError::NotFound)) => return not_found(State(app)).await,
        Ok(Err(ReportError::Refused(text))) => {
            return message_page(&app, StatusCode::NOT_FOUND, &text);
        }
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
    // The stem again only where it says more than the kind (a year, a person, a region).
    let name = if kind == stem || kind.ends_with(&format!("-{stem}")) {
        format!("{kind}-{subject}.{ext}")
    } else {
        format!("{kind}-{subject}-{stem}.{ext}")
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
    /// The letter cannot be written (as `mandat letter` refuses it), in the registry's language.
    Refused(String),
    Other(anyhow::Error),
}

/// A document's bytes, by the same functions as `mandat report` and `mandat letter`.
fn doc_bytes(
    app: &App,
    doc: &Doc,
    subject: &str,
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
    let load_group = || {
        crate::registry::load(root, &Scope::Groups([subject.to_string()].into()))
            .map_err(ReportError::Load)
    };
    let out = match doc {
        Doc::Annual(y) => {
            let loaded = load_group()?;
            let day = report::as_of(*y, opts.at);
            let diags = crate::rules::check(&loaded.registry, day, loaded.diagnostics.clone());
            let g = loaded
                .registry
                .group(subject)
                .ok_or(ReportError::NotFound)?;
            let view = annual::build(&loaded.registry, g, *y, diags, opts);
            render::render("annual", format, &view, root, lang)
        }
        Doc::Region(y) => {
            let snap = snapshot(app).map_err(ReportError::Load)?;
            if snap.registry.region(subject).is_none() {
                return Err(ReportError::NotFound);
            }
            let view = region::build(&snap.registry, subject, *y, opts);
            render::render("region", format, &view, root, lang)
        }
        Doc::Inputs => {
            let loaded = load_group()?;
            let g = loaded
                .registry
                .group(subject)
                .ok_or(ReportError::NotFound)?;
            let view = inputs::build(&loaded.registry, g, None, None, opts);
            render::render("inputs", format, &view, root, lang)
        }
        Doc::Letter {
            kind,
            person,
            year,
            region,
        } => {
            let loaded = load_group()?;
            let reg = &loaded.registry;
            let g = reg.group(subject).ok_or(ReportError::NotFound)?;
            if person.as_deref().is_some_and(|p| reg.person(p).is_none()) {
                return Err(ReportError::NotFound);
            }
            let req = letter::Request {
                kind: *kind,
                person: person.as_deref(),
                year: *year,
                region: region.as_deref(),
                date: opts.at,
                include_contact: false,
                lang,
            };
            let built = letter::build(reg, g, &req).map_err(|why| {
                ReportError::Refused(match why {
                    letter::Refusal::Usage(text) => text.get(lang).to_string(),
                    letter::Refusal::OpenSeats(text, open) => {
                        format!("{} {}", text.get(lang), open.join("; "))
                    }
                })
            })?;
            letter::render(&built, format, root, lang)
        }
    };
    out.map_err(ReportError::Other)
}

/// The letters of a group to download (`/reports/letter-<kind>/<group>/<stem>.<format>`): per
/// person, the request, the appointment and the notification where they apply.
#[derive(Serialize)]
pub(super) struct LettersView {
    people: Vec<PersonLetters>,
    /// Whether every seat is filled, so that the letter that the group is appointed can be sent.
    constituted: bool,
}

#[derive(Serialize)]
struct PersonLetters {
    person: String,
    stem: String,
    /// `[request, appointment, notification]`: whether each can be written now.
    kinds: [bool; 3],
}

/// The letters of `g` to download: for each seat not ended, the request to its person, and once
/// appointed the appointment and the notification; the letter that the group is appointed when
/// every seat is filled (as `mandat letter constituted` would write it).
pub(super) fn letters(reg: &Registry, g: &Group, at: Date, lang: Lang) -> LettersView {
    use crate::report::letter::{self, Kind};
    let mut people = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for m in &g.members {
        let stage = m.stage(at);
        // A person without a file has no letter (the page's findings say why).
        let Some(pid) = m.person_id().filter(|p| reg.person(p).is_some()) else {
            continue;
        };
        if stage == Stage::Ended || !seen.insert(pid) {
            continue;
        }
        let appointed = matches!(stage, Stage::Appointed | Stage::Notified);
        people.push(PersonLetters {
            person: reg.person_name(pid).to_string(),
            stem: pid.to_string(),
            kinds: [true, appointed, appointed],
        });
    }
    let constituted = letter::Request {
        kind: Kind::Constituted,
        person: None,
        year: None,
        region: None,
        date: at,
        include_contact: false,
        lang,
    };
    LettersView {
        people,
        constituted: letter::build(reg, g, &constituted).is_ok(),
    }
}
