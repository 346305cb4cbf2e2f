//! `docket serve` against 127.0.0.1: hostile request lines, methods, traversal and many
//! half-open connections, each bounded in count and time.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// A `docket serve` process, stopped when dropped.
struct Server {
    child: Child,
    address: SocketAddr,
}

impl Server {
    fn start(root: &std::path::Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_docket"))
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .env_remove("SOURCE_DATE_EPOCH")
            .env("CI", "true")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start docket serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let address = loop {
            let line = lines
                .next()
                .expect("docket serve ended before serving")
                .expect("read stdout");
            if let Some(rest) = line.split(" at http://").nth(1) {
                break rest.split('/').next().unwrap().parse().expect("address");
            }
        };
        // Keep reading stdout so that the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, address }
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(self.address).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        stream
    }

    /// Sends `raw` as it is and returns the whole response.
    fn send(&self, raw: &[u8]) -> Vec<u8> {
        let mut stream = self.connect();
        stream.write_all(raw).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("a response");
        response
    }

    fn get(&self, target: &[u8]) -> (u16, String) {
        let mut raw = b"GET ".to_vec();
        raw.extend_from_slice(target);
        raw.extend_from_slice(b" HTTP/1.1\r\nHost: localhost\r\n\r\n");
        let response = String::from_utf8_lossy(&self.send(&raw)).into_owned();
        (status_of(&response), response)
    }

    fn threads(&self) -> usize {
        std::fs::read_dir(format!("/proc/{}/task", self.child.id()))
            .expect("/proc/PID/task")
            .count()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn status_of(response: &str) -> u16 {
    response
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP response: {response:?}"))
}

#[test]
fn pages_are_served_with_the_sites_policy_and_a_redirect_for_folders() {
    let portal = fixture("minimal");
    let server = Server::start(portal.path());
    let (status, page) = server.get(b"/en/");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Content-Security-Policy: default-src 'self'"));
    assert!(page.contains("X-Content-Type-Options: nosniff"));
    let (status, redirect) = server.get(b"/en?x=1");
    assert_eq!(status, 301);
    assert!(redirect.contains("Location: /en/\r\n"), "{redirect}");
    let (status, missing) = server.get(b"/en/nothing-here/");
    assert_eq!(status, 404);
    assert!(missing.contains("<h1>Page not found</h1>"));
}

#[test]
fn malformed_percent_encoding_gets_400_and_the_server_lives_on() {
    let portal = fixture("minimal");
    let server = Server::start(portal.path());
    for target in [
        "/%aé".as_bytes(),
        b"/%",
        b"/en/%zz/",
        b"/%c3",
        b"/%ff%fe",
        b"/%00",
        b"/a%0d%0aSet-Cookie:%20x",
        b"*",
    ] {
        let (status, response) = server.get(target);
        assert_eq!(
            status,
            400,
            "{} -> {response}",
            String::from_utf8_lossy(target)
        );
    }
    for raw in [
        &b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\r\n\r\n"[..],
        b"GET\r\n\r\n",
        b"GET / HTTP/9\r\n\r\n",
    ] {
        let response = String::from_utf8_lossy(&server.send(raw)).into_owned();
        assert_eq!(status_of(&response), 400, "{raw:?}");
    }
    assert_eq!(server.get(b"/en/").0, 200);
}

#[test]
fn traversal_in_every_encoding_never_leaves_the_output_folder() {
    let portal = fixture("minimal");
    let secret = "SECRET-OUTSIDE-THE-SITE";
    std::fs::write(portal.path().join("secret.txt"), secret).unwrap();
    let server = Server::start(portal.path());
    // Links inside the output folder that point out of it.
    let public = portal.path().join("public");
    std::os::unix::fs::symlink(portal.path().join("secret.txt"), public.join("leak.txt")).unwrap();
    std::os::unix::fs::symlink(portal.path(), public.join("portal")).unwrap();
    for target in [
        "/../secret.txt",
        "/en/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/.%2e/secret.txt",
        "/en%2f..%2f..%2fsecret.txt",
        "/..%2fsecret.txt",
        "/..\\secret.txt",
        "/%5c..%5csecret.txt",
        "/%252e%252e/secret.txt",
        "/%25252e%25252e/secret.txt",
        "//../secret.txt",
        "/./../secret.txt",
        "/leak.txt",
        "/portal/secret.txt",
        "/portal/config.toml",
        "/C:/secret.txt",
    ] {
        let (status, response) = server.get(target.as_bytes());
        assert!(
            status == 400 || status == 404,
            "{target} -> {status}: {response}"
        );
        assert!(!response.contains(secret), "{target} leaked the secret");
        assert!(
            !response.contains("base_url"),
            "{target} leaked config.toml"
        );
    }
}

#[test]
fn only_get_and_head_are_allowed() {
    let portal = fixture("minimal");
    let server = Server::start(portal.path());
    for method in [
        "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "BREW",
    ] {
        let raw =
            format!("{method} /en/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello");
        let response = String::from_utf8_lossy(&server.send(raw.as_bytes())).into_owned();
        assert_eq!(status_of(&response), 405, "{method}: {response}");
        assert!(response.contains("Allow: GET, HEAD\r\n"), "{method}");
    }
    let head = server.send(b"HEAD /en/ HTTP/1.1\r\nHost: localhost\r\n\r\n");
    let head = String::from_utf8(head).unwrap();
    assert_eq!(status_of(&head), 200);
    assert!(head.ends_with("\r\n\r\n"), "HEAD sent a body: {head}");
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length: "))
        .unwrap()
        .parse()
        .unwrap();
    assert!(length > 0);
}

#[test]
fn a_thousand_half_open_connections_neither_stall_the_server_nor_add_threads() {
    let portal = fixture("minimal");
    let server = Server::start(portal.path());
    assert_eq!(server.get(b"/en/").0, 200);
    let threads_before = server.threads();
    let mut idle = Vec::with_capacity(1000);
    for n in 0..1000 {
        let mut stream = TcpStream::connect(server.address).expect("connect");
        // Half send an unfinished head, half nothing at all.
        if n % 2 == 0 {
            stream.write_all(b"GET /en/ HTTP/1.1\r\nHost: loc").unwrap();
        }
        idle.push(stream);
    }
    let asked = Instant::now();
    let (status, _) = server.get(b"/en/");
    let waited = asked.elapsed();
    assert_eq!(status, 200);
    assert!(waited < Duration::from_secs(1), "answered after {waited:?}");
    let threads_after = server.threads();
    assert!(
        threads_after <= threads_before,
        "{threads_before} threads before, {threads_after} with 1,000 open connections"
    );
    drop(idle);
    assert_eq!(server.get(b"/en/").0, 200);
}
