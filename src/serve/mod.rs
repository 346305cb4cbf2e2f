//! The dev server: builds the portal, serves it on 127.0.0.1 (or the address `--bind`
//! names) and never anything outside the output folder, rebuilds when a file changes, and
//! reloads the open pages or shows them the problems.

mod files;
mod http;
mod listen;
mod live;
mod overlay;
mod row_diff;
mod session;
mod sync;
mod target;
mod watch;

use std::io::Read;
use std::net::{IpAddr, Ipv4Addr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};

pub use listen::Limits;

use crate::build::BuildOptions;
use files::Files;
use http::{Request, Response};
use live::Live;

/// The address the dev server listens on unless `--bind` says otherwise.
pub const DEFAULT_BIND: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

/// Binds `address` on `port` (0 picks a free one).
pub fn bind(address: IpAddr, port: u16) -> Result<TcpListener> {
    TcpListener::bind((address, port)).with_context(|| {
        format!("cannot listen on {address}:{port}; is another server using it? try --port")
    })
}

/// Serves the files of `dir` as they are (no build, no reload) until the process ends.
pub fn serve(dir: &Path, listener: TcpListener) -> Result<()> {
    let files = Files::new(dir)?;
    let handler = move |request: Request, stream: TcpStream| answer(&files, None, request, stream);
    listen::run(listener, Limits::default(), Arc::new(handler))
}

/// `docket serve`: builds into `options.output`, serves it on `listener`, and rebuilds on
/// every change under `options.root` until the process ends. `on_ready` is called once the
/// first build is done (with or without problems) and the server is answering.
pub fn serve_portal(
    options: BuildOptions,
    listener: TcpListener,
    on_ready: impl FnOnce(),
) -> Result<()> {
    let live = Arc::new(Live::default());
    let mut session = session::Session::new(options.clone());
    session.rebuild(&[], &live)?;
    if !session.has_built() {
        // Nothing good to show yet: the problems page answers until there is.
        crate::output::prepare_output(session.output(), &options.root, options.force)?;
    }
    let files = Files::new(session.output())?;
    let mut watcher = watch::PortalWatcher::new(&options.root, session.output())?;
    let server_live = live.clone();
    let handler = move |request: Request, stream: TcpStream| {
        answer(&files, Some(&server_live), request, stream)
    };
    std::thread::Builder::new()
        .name("docket-serve".into())
        .spawn(move || listen::run(listener, Limits::default(), Arc::new(handler)))
        .context("cannot start the server")?;
    on_ready();
    while let Some(changed) = watcher.next_change() {
        session.rebuild(&changed, &live)?;
    }
    Ok(())
}

fn answer(files: &Files, live: Option<&Live>, request: Request, stream: TcpStream) {
    let head_only = request.method == "HEAD";
    if request.method != "GET" && !head_only {
        return send(stream, Response::method_not_allowed(), head_only);
    }
    let Some(live) = live else {
        return send(stream, files.respond(&request), head_only);
    };
    let path = request.target.split(['?', '#']).next().unwrap_or("/");
    let stream = match live.respond(path, stream) {
        Ok(()) => return,
        Err(stream) => stream,
    };
    if let Some(page) = live.fallback_page() {
        let page = live.inject(&page).into_bytes();
        let response = Response::new(200, "OK", "text/html; charset=utf-8", page);
        return send(stream, response, head_only);
    }
    let mut response = files.respond(&request);
    let is_html = response
        .headers
        .iter()
        .any(|(name, value)| *name == "Content-Type" && value.starts_with("text/html"));
    if is_html {
        response.body = live
            .inject(&String::from_utf8_lossy(&response.body))
            .into_bytes();
    }
    send(stream, response, head_only);
}

fn send(mut stream: TcpStream, response: Response, head_only: bool) {
    if response.write_to(&mut stream, head_only).is_ok() {
        finish(stream);
    }
}

/// Closes once the client has the response: unread request bytes (a body sent with a POST)
/// would otherwise make the close a reset that can lose the response.
fn finish(mut stream: TcpStream) {
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
    let mut sink = [0u8; 4096];
    for _ in 0..16 {
        match stream.read(&mut sink) {
            Ok(n) if n > 0 => {}
            _ => return,
        }
    }
}
