//! The dashboard (`/`) and what is due (`/due`).

use super::*;
use crate::serve::snapshot::Snapshot;

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
    let snap = match current(app).await {
        Ok(s) => s,
        Err(answer) => return answer,
    };
    if flash.is_none() && rejected.is_none() {
        return html(status, plain_dashboard(app, &snap).clone());
    }
    html(status, dashboard_html(app, &snap, flash, rejected))
}

/// The dashboard without a message or a refused form, rendered once for each snapshot.
pub(in crate::serve) fn plain_dashboard<'a>(app: &App, snap: &'a Snapshot) -> &'a String {
    snap.dashboard
        .get_or_init(|| dashboard_html(app, snap, None, None))
}

fn dashboard_html(
    app: &App,
    snap: &Snapshot,
    flash: Option<String>,
    rejected: Option<&Rejected>,
) -> String {
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
    render(app, "dashboard.html", &view)
}

/// `/due`: every open obligation of every group within 60 days, and every overdue one.
pub async fn due(State(app): State<Arc<App>>) -> Response {
    let snap = match current(&app).await {
        Ok(s) => s,
        Err(answer) => return answer,
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
