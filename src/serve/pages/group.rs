//! A group's page (`/groups/<id>`): seats, chair, meetings, reports, letters, diagnostics and
//! the forms for every step.

use super::*;

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
    /// (who, submitted on, delivered, the stem of the reminder letter while it is missing)
    parts: Vec<(String, String, bool, Option<String>)>,
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
                        s.is_none().then(|| format!("{y}-{}", r.id.value)),
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
                // A reminder is for national-service groups only, as `mandat letter` says.
                (national && fb.is_none()).then(|| y.to_string()),
            ));
            SectionView {
                year: y,
                due: ymd(due),
                overdue: due < at,
                parts,
            }
        })
        .collect();
    let letters = super::downloads::letters(reg, g, at, lang);
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
    let forms: BTreeMap<&str, FormView> = crate::serve::forms::GROUP_ACTIONS
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
        "letters": letters,
        "report_years": report_years,
        "formats": super::downloads::FORMATS.iter().map(|f| f.0).collect::<Vec<_>>(),
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
