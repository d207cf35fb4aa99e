//! `mandat serve`: the registry as a small local web application (web.md, «`mandat serve`»).
//!
//! Every page is rendered on the server from minijinja templates and works without
//! JavaScript. Every write goes through the same functions as the command line
//! (`commands::*::*_step` and [`crate::edit::apply()`]) under the registry's lock, so the files
//! are byte for byte what the command line writes. The registry is held in memory for the
//! dashboard and reloaded when a cheap stamp of the files on disk changes; a group page loads
//! its group afresh, so neither is ever stale.

mod auth;
mod forms;
mod pages;
mod snapshot;
mod writes;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::i18n::Lang;
use crate::registry::Date;

/// How the server was started.
#[derive(Clone, Debug)]
pub struct Config {
    pub root: PathBuf,
    /// `--at`: the day the pages and the writes take as today (else the local date).
    pub at: Option<Date>,
    /// `--lang`, else the registry's language.
    pub lang: Option<Lang>,
    /// The `HOST:PORT` printed in the first line.
    pub host: String,
    pub port: u16,
    /// Listening on a loopback address: `localhost:PORT` is accepted too.
    pub loopback: bool,
    pub allow_hosts: Vec<String>,
    pub git_commit: bool,
    pub token: String,
}

/// The largest form body accepted; a bigger one is refused with 413.
pub const BODY_LIMIT: usize = 64 * 1024;

/// The server's state, shared by every request.
pub struct App {
    pub cfg: Config,
    /// The hidden `csrf` field every form carries: random per start, never in a URL.
    csrf: String,
    snapshot: snapshot::Cache,
    flash: Mutex<BTreeMap<u64, String>>,
    next_flash: AtomicU64,
    templates: minijinja::Environment<'static>,
}

impl App {
    pub fn new(cfg: Config) -> anyhow::Result<Arc<App>> {
        let mut templates = minijinja::Environment::new();
        for (name, text) in pages::TEMPLATES {
            templates.add_template(name, text)?;
        }
        Ok(Arc::new(App {
            cfg,
            csrf: random_token()?,
            snapshot: snapshot::Cache::default(),
            flash: Mutex::new(BTreeMap::new()),
            next_flash: AtomicU64::new(1),
            templates,
        }))
    }

    /// Loads and checks the whole registry and renders the dashboard ahead of the first
    /// request, which then waits for this instead of starting its own: the browser's first page
    /// comes sooner. What goes wrong is left for that request to report.
    pub fn load_ahead(&self) {
        if let Ok(snap) = self.snapshot.get(&self.cfg.root, self.today()) {
            pages::plain_dashboard(self, &snap);
        }
    }

    /// Today as the server sees it.
    pub fn today(&self) -> Date {
        self.cfg
            .at
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// The language: `--lang`, else registry.toml's, else English.
    pub fn lang(&self) -> Lang {
        self.env().lang
    }

    /// What a command runs in, for the same registry, so that writes go through the same
    /// functions; resolved anew for each request (without `--at`, the date is today's).
    pub fn env(&self) -> crate::commands::Env {
        crate::commands::Env::new(&crate::cli::Global {
            registry: Some(self.cfg.root.clone()),
            at: self.cfg.at,
            lang: self.cfg.lang,
            color: crate::cli::ColorChoice::Never,
        })
    }

    /// Keeps a message for the page a successful write redirects to; returns its number.
    fn flash(&self, message: String) -> u64 {
        let n = self.next_flash.fetch_add(1, Ordering::Relaxed);
        let mut f = self.flash.lock().unwrap_or_else(|e| e.into_inner());
        f.insert(n, message);
        // Only the latest few are kept: a message is shown once, right after the redirect.
        while f.len() > 64 {
            f.pop_first();
        }
        n
    }

    fn take_flash(&self, n: u64) -> Option<String> {
        let mut f = self.flash.lock().unwrap_or_else(|e| e.into_inner());
        f.remove(&n)
    }
}

/// A random token of 43 characters of `A-Z a-z 0-9 _ -` (256 bits).
pub fn random_token() -> anyhow::Result<String> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bytes = [0u8; 43];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no random numbers: {e}"))?;
    Ok(bytes
        .iter()
        .map(|b| ALPHABET[(*b & 63) as usize] as char)
        .collect())
}

/// Every route of web.md. Reports are one route per kind (see `pages::downloads::REPORTS`), so a new
/// kind of document (letters) is one more entry there.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(pages::dashboard))
        .route("/due", get(pages::due))
        .route("/style.css", get(pages::style))
        .route("/groups/{id}", get(pages::group))
        .route("/groups/{id}/{action}", post(writes::group_write))
        .route("/people", post(writes::people))
        .route("/reports", get(pages::reports))
        .route("/reports/{kind}/{subject}/{file}", get(pages::report_file))
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            auth::guard,
        ))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(app)
}

/// Whether the client asked for the JSON answer.
fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
}

/// An HTML page, every identity number masked.
fn html(status: StatusCode, page: String) -> Response {
    let page = crate::pii_scan::mask(&page).into_owned();
    let mut r = (status, page).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    security_headers(h);
    r
}

/// A JSON answer, every identity number masked.
fn json(status: StatusCode, value: &serde_json::Value) -> Response {
    let text = serde_json::to_string_pretty(value).expect("json serialises");
    let text = crate::pii_scan::mask(&text).into_owned();
    let mut r = (status, text).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    security_headers(h);
    r
}

fn security_headers(h: &mut HeaderMap) {
    // Nothing is loaded from elsewhere, no script runs, no page may be framed by another site.
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // The token never leaves for another site in a Referer; not `no-referrer`, with which
    // browsers send `Origin: null` on a form POST, which the Origin check refuses.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

/// A plain answer in the user's language (401, 403, 404, 413).
fn plain(status: StatusCode, text: &str) -> Response {
    let mut r = Response::new(Body::from(format!("{text}\n")));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    security_headers(r.headers_mut());
    r
}
