//! `mandat serve`: prints the address with its token, opens the browser, serves until stopped.

use std::net::SocketAddr;

use crate::cli::ServeArgs;
use crate::serve::{App, Config, random_token, router};

use super::{Env, Outcome};

pub fn run(args: &ServeArgs, env: &Env) -> anyhow::Result<Outcome> {
    let root = env.root()?;
    if !root.join("registry.toml").is_file() {
        return Err(crate::registry::LoadError::NotARegistry(root).into());
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(SocketAddr::new(args.bind, args.port)).await?;
        let addr = listener.local_addr()?;
        let host = match addr {
            SocketAddr::V6(a) => format!("[{}]:{}", a.ip(), a.port()),
            SocketAddr::V4(a) => a.to_string(),
        };
        let token = random_token()?;
        let cfg = Config {
            root,
            at: env.at_flag,
            lang: env.lang_flag,
            host: host.clone(),
            port: addr.port(),
            loopback: addr.ip().is_loopback(),
            allow_hosts: args.allow_hosts.clone(),
            git_commit: args.git_commit,
            token: token.clone(),
        };
        let app = App::new(cfg)?;
        // Loading starts now, while the browser opens.
        let ahead = app.clone();
        tokio::task::spawn_blocking(move || ahead.load_ahead());
        let url = format!("http://{host}/?token={token}");
        super::print(&format!("mandat serve: {url}\n"))?;
        if !args.no_open {
            open_browser(&url);
        }
        axum::serve(listener, router(app)).await?;
        Ok(Outcome::Ok)
    })
}

/// Opens the default browser where there is a display; quietly does nothing elsewhere.
fn open_browser(url: &str) {
    let has_display = cfg!(any(target_os = "macos", windows))
        || std::env::var_os("DISPLAY").is_some()
        || std::env::var_os("WAYLAND_DISPLAY").is_some();
    if !has_display {
        return;
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
