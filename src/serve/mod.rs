//! The dev server: serves a built portal on 127.0.0.1 (or the address `--bind` names), and
//! never anything outside the output folder.

mod files;
mod http;
mod listen;
mod target;

use std::io::Read;
use std::net::{IpAddr, Ipv4Addr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};

pub use listen::Limits;

use files::Files;
use http::{Request, Response};

/// The address the dev server listens on unless `--bind` says otherwise.
pub const DEFAULT_BIND: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

/// Binds `address` on `port` (0 picks a free one).
pub fn bind(address: IpAddr, port: u16) -> Result<TcpListener> {
    TcpListener::bind((address, port)).with_context(|| {
        format!("cannot listen on {address}:{port}; is another server using it? try --port")
    })
}

/// Serves `dir` until the process ends. Blocks.
pub fn serve(dir: &Path, listener: TcpListener) -> Result<()> {
    let files = Files::new(dir)?;
    let handler = move |request: Request, stream: TcpStream| answer(&files, request, stream);
    listen::run(listener, Limits::default(), Arc::new(handler))
}

fn answer(files: &Files, request: Request, mut stream: TcpStream) {
    let head_only = request.method == "HEAD";
    let response = match request.method.as_str() {
        "GET" | "HEAD" => files.respond(&request),
        _ => Response::method_not_allowed(),
    };
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
