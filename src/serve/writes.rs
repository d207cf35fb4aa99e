//! The writes: one form a command. A form's fields are the command's long flags without the
//! dashes (web.md); they become the command's own arguments and go through the command's own
//! `*_step` function and [`crate::edit::apply()`], so the files are what the command line
//! writes.

use std::sync::Arc;

use super::{App, auth, json, pages, plain, wants_json};
use crate::cli::{
    AppointArgs, ChairArgs, ConsentArgs, EditOptions, EndArgs, MeetingNewArgs, NotifyArgs,
    PersonAddArgs, ProposeArgs,
};
use crate::commands::writing::{Busy, Session};
use crate::commands::{chair, meeting, person, seat};
use crate::edit::{Applied, Mode, Status, Step};
use crate::i18n::Lang;
use crate::registry::is_valid_id;
use crate::t;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

pub use super::forms::{Done, Failure, Fields, GROUP_ACTIONS, Rejected};
use form::Form_;
use git::git_commit;

mod form;
mod git;

fn no_edit() -> EditOptions {
    EditOptions {
        dry_run: false,
        force: false,
    }
}

/// Runs one write on the current files, under the lock, as the command line would.
pub fn perform(app: &App, action: &str, group: &str, fields: &Fields) -> Result<Done, Failure> {
    let lang = app.lang();
    let f = Form_ { f: fields, lang };
    let env = app.env();
    let g = group.to_string();
    let prepared = match action {
        "propose" => {
            let Some(role) = f.word("role")? else {
                return Err(f.missing("role"));
            };
            let args = ProposeArgs {
                group: g,
                person: f.req("person")?,
                role,
                region: f.opt("region"),
                organisation: f.opt("organisation"),
                constituency: f.opt("constituency"),
                date: f.date("date")?,
                edit: no_edit(),
            };
            seat::propose_step(&args, &env)
        }
        "consent" => {
            let args = ConsentArgs {
                group: g,
                person: f.req("person")?,
                date: f.date("date")?,
                leader_cleared: f.date("leader-cleared")?,
                edit: no_edit(),
            };
            seat::consent_step(&args, &env)
        }
        "appoint" => {
            let args = AppointArgs {
                group: g,
                person: f.req("person")?,
                by: f.req("by")?,
                date: f.date("date")?,
                role: f.word("role")?,
                region: f.opt("region"),
                organisation: f.opt("organisation"),
                constituency: f.opt("constituency"),
                letter: f.opt("letter"),
                term_end: f.date("term-end")?,
                replaces: f.opt("replaces"),
                consented: f.date("consented")?,
                leader_cleared: f.date("leader-cleared")?,
                edit: no_edit(),
            };
            seat::appoint_step(&args, &env)
        }
        "notify" => {
            let args = NotifyArgs {
                group: g,
                person: f.req("person")?,
                date: f.date("date")?,
                edit: no_edit(),
            };
            seat::notify_step(&args, &env)
        }
        "end" => {
            let args = EndArgs {
                group: g,
                person: f.req("person")?,
                date: f.req_date("date")?,
                reason: f.opt("reason"),
                edit: no_edit(),
            };
            seat::end_step(&args, &env)
        }
        "chair" => {
            let args = ChairArgs {
                group: g,
                person: f.req("person")?,
                by: f.req("by")?,
                date: f.date("date")?,
                edit: no_edit(),
            };
            chair::run_step(&args, &env)
        }
        "meeting" => {
            let args = MeetingNewArgs {
                group: g,
                date: f.req_date("date")?,
                mode: f.word("mode")?.unwrap_or(crate::registry::Mode::Digital),
                status: f
                    .word("status")?
                    .unwrap_or(crate::registry::MeetingStatus::Planned),
                milestone: f.opt("milestone"),
                start: f.time("start")?,
                end: f.time("end")?,
                link: f.opt("link"),
                edit: no_edit(),
            };
            meeting::new_step(&args, &env)
        }
        "kickoff" => {
            let Some(year) = f.opt("year") else {
                return Err(f.missing("year"));
            };
            let year = year.parse::<i32>().map_err(|_| {
                Failure::Bad(
                    t!(
                        "`year` must be a year such as 2026, not `{year}`",
                        "`year` må være et år som 2026, ikke `{year}`"
                    )
                    .get(lang)
                    .to_string(),
                )
            })?;
            let args = crate::cli::KickoffArgs {
                group: g,
                year,
                edit: no_edit(),
            };
            let kickoff =
                crate::commands::report::kickoff_step(&args, &env).map_err(|e| error(e, lang))?;
            let notes: Vec<String> = kickoff
                .notes
                .iter()
                .map(|n| n.get(lang).to_string())
                .collect();
            let mut done = match kickoff.step {
                Some(step) => finish(app, kickoff.session, step, lang)?,
                None => Done {
                    changed: Vec::new(),
                    message: kickoff.nothing.get(lang).to_string(),
                },
            };
            for n in notes {
                done.message.push_str("; ");
                done.message.push_str(&n);
            }
            return Ok(done);
        }
        "people" => {
            let args = PersonAddArgs {
                id: f.opt("id"),
                name: f.req("name")?,
                employer: f.opt("employer"),
                email: f.opt("email"),
                phone: f.opt("phone"),
                gender: f.word("gender")?,
                edit: no_edit(),
            };
            person::add_step(&args, &env)
        }
        _ => unreachable!("the routes check the action"),
    };
    let (session, step) = prepared.map_err(|e| error(e, lang))?;
    finish(app, session, step, lang)
}

fn error(e: anyhow::Error, lang: Lang) -> Failure {
    if let Some(b) = e.downcast_ref::<Busy>() {
        return Failure::Busy(b.0.clone());
    }
    match e.downcast_ref::<crate::registry::LoadError>() {
        Some(l) => Failure::Bad(l.text().get(lang).to_string()),
        None => Failure::Bad(format!("{e:#}")),
    }
}

fn finish(app: &App, s: Session, step: Step, lang: Lang) -> Result<Done, Failure> {
    let applied: Applied = s.apply(step, Mode::default()).map_err(|e| error(e, lang))?;
    match applied.status {
        Status::Unchanged => Ok(Done {
            changed: Vec::new(),
            message: crate::i18n::pick(lang, "nothing to change", "ingenting å endre").into(),
        }),
        Status::Refused => {
            let mut message = applied
                .refusal
                .as_ref()
                .map(|t| t.get(lang).to_string())
                .unwrap_or_default();
            // The command line says "shown above" and offers --force; here the errors are
            // listed below the message, and a form has no --force.
            message = message
                .replace(
                    "shown above; fix the cause, or pass --force to write it anyway",
                    "listed below; nothing was written",
                )
                .replace(
                    "vist over; rett årsaken, eller bruk --force for å skrive likevel",
                    "vist under; ingenting ble skrevet",
                );
            Err(Failure::Refused {
                message,
                errors: applied.new_errors,
                files: applied.files,
            })
        }
        Status::Done => {
            let message = applied.message.get(lang).to_string();
            if app.cfg.git_commit {
                git_commit(&s.root, &applied.changed, &applied.message, lang);
            }
            drop(s);
            Ok(Done {
                changed: applied.changed,
                message,
            })
        }
    }
}

async fn run(
    app: Arc<App>,
    action: String,
    group: String,
    fields: Fields,
) -> Result<Done, Failure> {
    let a = app.clone();
    tokio::task::spawn_blocking(move || perform(&a, &action, &group, &fields))
        .await
        .unwrap_or_else(|e| Err(Failure::Bad(format!("internal error: {e}"))))
}

/// Checks the `csrf` field of a form (a request with the token header needs none).
fn csrf_ok(app: &App, headers: &HeaderMap, fields: &Fields) -> bool {
    auth::header_token(app, headers) || fields.get("csrf").is_some_and(|c| auth::same(c, &app.csrf))
}

fn forbidden_csrf(app: &App) -> Response {
    plain(
        StatusCode::FORBIDDEN,
        crate::i18n::pick(
            app.lang(),
            "403 Forbidden: the form's csrf field is missing or out of date; reload the page and send the form again",
            "403 Forbudt: skjemaets csrf-felt mangler eller er utdatert; last siden på nytt og send skjemaet igjen",
        ),
    )
}

fn bad_form(app: &App, e: FormRejection) -> Response {
    let lang = app.lang();
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return plain(
            StatusCode::PAYLOAD_TOO_LARGE,
            crate::i18n::pick(
                lang,
                "413 Payload Too Large: a form may send at most 64 KiB",
                "413 For stor forespørsel: et skjema kan sende høyst 64 KiB",
            ),
        );
    }
    plain(
        StatusCode::BAD_REQUEST,
        &format!(
            "400 {}: {e}",
            crate::i18n::pick(lang, "Bad request", "Ugyldig forespørsel")
        ),
    )
}

fn answer_json(result: &Result<Done, Failure>, lang: Lang) -> Response {
    match result {
        Ok(done) => json(
            StatusCode::OK,
            &serde_json::json!({
                "ok": true, "changed": done.changed, "errors": [], "message": done.message,
            }),
        ),
        Err(f) => {
            let errors = match f {
                Failure::Refused { errors, files, .. } => {
                    crate::diagnostic::json::values(errors, files, lang)
                }
                _ => Vec::new(),
            };
            json(
                f.status(),
                &serde_json::json!({
                    "ok": false, "changed": [], "errors": errors, "message": f.message(),
                }),
            )
        }
    }
}

fn see_other(location: &str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, location.to_string())],
    )
        .into_response()
}

/// `POST /groups/<id>/<action>`.
pub async fn group_write(
    State(app): State<Arc<App>>,
    Path((id, action)): Path<(String, String)>,
    headers: HeaderMap,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    if !GROUP_ACTIONS.contains(&action.as_str()) {
        return pages::not_found(State(app)).await;
    }
    let lang = app.lang();
    if !is_valid_id(&id) {
        return pages::bad_id(&app, &id);
    }
    let fields: Fields = match form {
        Ok(Form(pairs)) => pairs.into_iter().collect(),
        Err(e) => return bad_form(&app, e),
    };
    if !csrf_ok(&app, &headers, &fields) {
        return forbidden_csrf(&app);
    }
    let result = run(app.clone(), action.clone(), id.clone(), fields.clone()).await;
    if wants_json(&headers) {
        return answer_json(&result, lang);
    }
    match result {
        Ok(done) => {
            let n = app.flash(done.message);
            see_other(&format!("/groups/{id}?done={n}"))
        }
        Err(failure) => {
            let status = failure.status();
            let rejected = Rejected {
                action,
                fields,
                failure,
            };
            pages::group_page(&app, &id, None, Some(&rejected), status).await
        }
    }
}

/// `POST /people`: `mandat person add`. Back to the group page named by the hidden `group`
/// field when there is one, else to the dashboard.
pub async fn people(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let lang = app.lang();
    let fields: Fields = match form {
        Ok(Form(pairs)) => pairs.into_iter().collect(),
        Err(e) => return bad_form(&app, e),
    };
    if !csrf_ok(&app, &headers, &fields) {
        return forbidden_csrf(&app);
    }
    let back = fields.get("group").filter(|g| is_valid_id(g)).cloned();
    let result = run(app.clone(), "people".into(), String::new(), fields.clone()).await;
    if wants_json(&headers) {
        return answer_json(&result, lang);
    }
    match (result, back) {
        (Ok(done), Some(g)) => {
            let n = app.flash(done.message);
            see_other(&format!("/groups/{g}?done={n}"))
        }
        (Ok(done), None) => {
            let n = app.flash(done.message);
            see_other(&format!("/?done={n}"))
        }
        (Err(failure), Some(g)) => {
            let status = failure.status();
            let rejected = Rejected {
                action: "people".into(),
                fields,
                failure,
            };
            pages::group_page(&app, &g, None, Some(&rejected), status).await
        }
        (Err(failure), None) => {
            let status = failure.status();
            let rejected = Rejected {
                action: "people".into(),
                fields,
                failure,
            };
            pages::dashboard_page(&app, None, Some(&rejected), status).await
        }
    }
}
