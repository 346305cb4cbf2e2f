//! Live reload: a tiny script and a Server-Sent Events stream, added by the dev server to
//! the HTML it sends. The built files never contain them.

use std::io::Write;
use std::net::TcpStream;
use std::sync::Mutex;
use std::time::Duration;

use super::http::Response;

/// Where the dev server's own files live; no portal page can have this path.
pub const PREFIX: &str = "/__docket/";
const SCRIPT: &str = include_str!("live.js");
const STYLE: &str = include_str!("live.css");
/// Open pages beyond this many lose live reload (the oldest first).
const MAX_LISTENERS: usize = 64;

/// What every open page must know: the build generation and the current problems.
#[derive(Default)]
pub struct Live {
    state: Mutex<State>,
    listeners: Mutex<Vec<TcpStream>>,
}

#[derive(Default)]
struct State {
    generation: u64,
    /// The problems panel while the portal does not build.
    panel: Option<String>,
    /// The page to show when there has never been a good build.
    fallback_page: Option<String>,
}

impl Live {
    /// A new build (or new problems): remember them and tell every open page to reload.
    pub fn publish(&self, panel: Option<String>, fallback_page: Option<String>) {
        let generation = {
            let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            state.generation += 1;
            state.panel = panel;
            state.fallback_page = fallback_page;
            state.generation
        };
        let event = format!("event: reload\ndata: {generation}\n\n");
        let mut listeners = self.listeners.lock().unwrap_or_else(|e| e.into_inner());
        listeners.retain_mut(|stream| stream.write_all(event.as_bytes()).is_ok());
    }

    /// The page shown for every HTML request when nothing has built yet.
    pub fn fallback_page(&self) -> Option<String> {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.fallback_page.clone()
    }

    /// Answers a request for one of the dev server's own paths, or gives the stream back
    /// when it is not one. An event stream keeps its connection.
    pub fn respond(&self, path: &str, mut stream: TcpStream) -> Result<(), TcpStream> {
        let response = match path.strip_prefix(PREFIX) {
            Some("live.js") => {
                Response::new(200, "OK", "text/javascript; charset=utf-8", SCRIPT.into())
            }
            Some("live.css") => Response::new(200, "OK", "text/css; charset=utf-8", STYLE.into()),
            Some("events") => {
                self.listen(stream);
                return Ok(());
            }
            _ => return Err(stream),
        };
        let _ = response.write_to(&mut stream, false);
        Ok(())
    }

    fn listen(&self, mut stream: TcpStream) {
        let generation = {
            let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            state.generation
        };
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\n\r\nretry: 1000\nevent: hello\ndata: {generation}\n\n"
        );
        let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
        if stream.write_all(head.as_bytes()).is_err() {
            return;
        }
        let mut listeners = self.listeners.lock().unwrap_or_else(|e| e.into_inner());
        if listeners.len() >= MAX_LISTENERS {
            listeners.remove(0);
        }
        listeners.push(stream);
    }

    /// `html` with the reload script and, while there are problems, the panel added.
    pub fn inject(&self, html: &str) -> String {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let head = format!(
            "<script src=\"{PREFIX}live.js?generation={}\" defer></script><link rel=\"stylesheet\" href=\"{PREFIX}live.css\">",
            state.generation
        );
        let mut out = String::with_capacity(html.len() + head.len());
        let (before_head_end, rest) = match html.find("</head>") {
            Some(at) => html.split_at(at),
            None => ("", html),
        };
        out.push_str(before_head_end);
        out.push_str(&head);
        match (&state.panel, body_start(rest)) {
            (Some(panel), Some(at)) => {
                out.push_str(&rest[..at]);
                out.push_str(panel);
                out.push_str(&rest[at..]);
            }
            _ => out.push_str(rest),
        }
        out
    }
}

/// Just after the `<body ...>` tag.
fn body_start(html: &str) -> Option<usize> {
    let open = html.find("<body")?;
    Some(open + html[open..].find('>')? + 1)
}
