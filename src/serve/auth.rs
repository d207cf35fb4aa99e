//! Who may ask: the Host must be ours (no DNS rebinding), the token must come with the request
//! (`?token=`, its cookie or `X-Mandat-Token`), and a POST must not come from another site.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use super::{App, plain};
use crate::i18n::pick;

pub const COOKIE: &str = "mandat_token";
pub const HEADER: &str = "x-mandat-token";

/// Whether the request carries the token in the `X-Mandat-Token` header (a script's request,
/// which needs no `csrf` field).
pub fn header_token(app: &App, headers: &HeaderMap) -> bool {
    headers
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| same(t, &app.cfg.token))
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

fn allowed_host(app: &App, host: &str) -> bool {
    let cfg = &app.cfg;
    let host = host.to_ascii_lowercase();
    if host == cfg.host.to_ascii_lowercase() {
        return true;
    }
    if cfg.loopback && host == format!("localhost:{}", cfg.port) {
        return true;
    }
    cfg.allow_hosts.iter().any(|name| {
        let name = name.to_ascii_lowercase();
        host == name
            || host
                .strip_prefix(&name)
                .and_then(|rest| rest.strip_prefix(':'))
                .is_some_and(|port| !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// A POST from a page of another site: its `Origin` is not one of our hosts, or the browser
/// says it is cross-site.
fn foreign_origin(app: &App, headers: &HeaderMap) -> bool {
    if headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == "cross-site")
    {
        return true;
    }
    match headers.get(header::ORIGIN).map(|v| v.to_str()) {
        None => false,
        Some(Err(_)) => true,
        Some(Ok(origin)) => {
            let host = origin
                .strip_prefix("http://")
                .or_else(|| origin.strip_prefix("https://"));
            !host.is_some_and(|h| allowed_host(app, h))
        }
    }
}

fn cookie_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|kv| kv.trim().strip_prefix(COOKIE)?.strip_prefix('='))
}

fn query_token(query: Option<&str>) -> Option<&str> {
    query?.split('&').find_map(|kv| kv.strip_prefix("token="))
}

/// The middleware in front of every route.
pub async fn guard(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let lang = app.lang();
    let headers = req.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .or_else(|| req.uri().authority().map(|a| a.as_str()));
    if !host.is_some_and(|h| allowed_host(&app, h)) {
        return plain(
            StatusCode::FORBIDDEN,
            pick(
                lang,
                "403 Forbidden: this server answers only under the address it printed when it started",
                "403 Forbudt: denne serveren svarer bare på adressen den skrev ut da den startet",
            ),
        );
    }
    let token = &app.cfg.token;
    let from_query = query_token(req.uri().query()).is_some_and(|t| same(t, token));
    let ok = from_query
        || header_token(&app, headers)
        || cookie_token(headers).is_some_and(|t| same(t, token));
    if !ok {
        return plain(
            StatusCode::UNAUTHORIZED,
            pick(
                lang,
                "401 Unauthorized: open the address mandat serve printed when it started (it ends with ?token=...)",
                "401 Ikke autorisert: åpne adressen mandat serve skrev ut da den startet (den slutter med ?token=...)",
            ),
        );
    }
    if req.method() == Method::POST && foreign_origin(&app, headers) {
        return plain(
            StatusCode::FORBIDDEN,
            pick(
                lang,
                "403 Forbidden: a change must come from this application's own pages",
                "403 Forbudt: en endring må komme fra programmets egne sider",
            ),
        );
    }
    let mut res = next.run(req).await;
    if from_query {
        let cookie = format!("{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/");
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_whole() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "ab"));
    }

    #[test]
    fn the_token_is_found_in_query_and_cookie() {
        assert_eq!(query_token(Some("a=1&token=xyz")), Some("xyz"));
        assert_eq!(query_token(None), None);
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("other=1; mandat_token=abc"),
        );
        assert_eq!(cookie_token(&h), Some("abc"));
    }
}
