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
    /// The lines it prints after its first (one per rebuild).
    lines: std::sync::mpsc::Receiver<String>,
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
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                let _ = sender.send(line);
            }
        });
        Server {
            child,
            address,
            lines: receiver,
        }
    }

    /// Waits (at most 20 s) for the line the server prints when a rebuild is over.
    fn next_rebuild(&self) -> String {
        loop {
            let line = self
                .lines
                .recv_timeout(Duration::from_secs(20))
                .expect("no rebuild line within 20 s");
            if line.contains(" changed: ") {
                return line;
            }
        }
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
    // The newest idle connection is closed by the server's idle timeout, not kept forever.
    let mut newest = idle.pop().unwrap();
    newest
        .set_read_timeout(Some(Duration::from_secs(15)))
        .unwrap();
    let mut byte = [0u8; 1];
    assert!(
        matches!(newest.read(&mut byte), Ok(0)),
        "an idle connection was kept open for 15 s"
    );
    drop(idle);
    assert_eq!(server.get(b"/en/").0, 200);
}

/// Polls `path` until `done` holds for its body, for at most 20 s.
fn wait_for(server: &Server, path: &str, what: &str, done: impl Fn(&str) -> bool) -> String {
    let started = Instant::now();
    loop {
        let (_, body) = server.get(path.as_bytes());
        if done(&body) {
            return body;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{what}: not seen within 20 s; last response:\n{body}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn modified_times(
    dir: &std::path::Path,
) -> std::collections::BTreeMap<String, std::time::SystemTime> {
    read_tree(dir)
        .into_keys()
        .map(|path| {
            let time = std::fs::metadata(dir.join(&path))
                .unwrap()
                .modified()
                .unwrap();
            (path, time)
        })
        .collect()
}

/// Saves `file` the way editors do: a temporary file beside it, then a rename.
fn save(file: &std::path::Path, text: &str) {
    let scratch = file.with_file_name(".~lock.recommendations.csv#");
    std::fs::write(&scratch, "lock").unwrap();
    let temporary = file.with_extension("csv.tmp");
    std::fs::write(&temporary, text).unwrap();
    std::fs::rename(&temporary, file).unwrap();
    std::fs::remove_file(&scratch).unwrap();
}

#[test]
fn serve_rebuilds_on_save_reloads_pages_shows_problems_and_rewrites_only_touched_files() {
    let portal = fixture("minimal");
    let server = Server::start(portal.path());
    let page = "/en/recommendations/upr4-118-2/";
    assert!(
        server
            .get(page.as_bytes())
            .1
            .contains("Abolish the death penalty")
    );
    let public = portal.path().join("public");
    let (files_before, times_before) = (read_tree(&public), modified_times(&public));
    assert!(
        files_before.contains_key("search/en/manifest.json"),
        "the first build serves the search index"
    );

    let mut events = server.connect();
    events
        .write_all(b"GET /__docket/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    let mut hello = [0u8; 512];
    let n = events.read(&mut hello).unwrap();
    assert!(String::from_utf8_lossy(&hello[..n]).contains("text/event-stream"));

    // One cell changes.
    let csv = portal.path().join("data/recommendations.csv");
    let original = std::fs::read_to_string(&csv).unwrap();
    let edited = original.replace(
        "Abolish the death penalty, in law and in practice.",
        "Abolish capital punishment everywhere.",
    );
    assert_ne!(edited, original);
    save(&csv, &edited);
    let served = wait_for(&server, page, "the edited cell", |b| {
        b.contains("Abolish capital punishment everywhere.")
    });
    assert!(
        served.contains("/__docket/live.js"),
        "no reload script served"
    );
    let mut event = Vec::new();
    while !String::from_utf8_lossy(&event).contains("event: reload") {
        let n = events.read(&mut hello).expect("a reload event");
        assert!(n > 0, "the event stream closed");
        event.extend_from_slice(&hello[..n]);
    }

    // The rebuild's line comes once the search index has followed the pages: only then is
    // the tree complete. Only files whose contents changed were written; the built files
    // carry no script.
    server.next_rebuild();
    let (files_after, times_after) = (read_tree(&public), modified_times(&public));
    let mut rewritten = 0;
    for (path, bytes) in &files_after {
        if files_before.get(path) == Some(bytes) {
            assert_eq!(
                times_before[path], times_after[path],
                "{path} was rewritten unchanged"
            );
        } else {
            rewritten += 1;
        }
        if path.ends_with(".html") {
            assert!(
                !String::from_utf8_lossy(bytes).contains("__docket"),
                "{path} has the dev script"
            );
        }
    }
    assert!(
        rewritten > 0 && rewritten < files_after.len() / 2,
        "{rewritten} of {} rewritten",
        files_after.len()
    );
    assert_eq!(
        times_before["en/recommendations/upr4-118-1/index.html"],
        times_after["en/recommendations/upr4-118-1/index.html"]
    );

    // A broken reference: every page shows where, over the last good build.
    let broken = edited.replace("France,civil,,,MOJ,", "France,civil,,,NOPE,");
    assert_ne!(broken, edited);
    save(&csv, &broken);
    let shown = wait_for(&server, page, "the problems panel", |b| {
        b.contains("docket-problems")
    });
    assert!(shown.contains("data/recommendations.csv:3"), "{shown}");
    assert!(
        shown.contains("NOPE"),
        "the offending line is not shown: {shown}"
    );
    assert!(
        shown.contains("Abolish capital punishment everywhere."),
        "the last good build is gone"
    );
    assert!(server.get(b"/en/about/").1.contains("docket-problems"));

    // Fixed: the site is back, without the panel.
    save(&csv, &edited);
    wait_for(&server, page, "the fixed site", |b| {
        !b.contains("docket-problems") && b.contains("Abolish capital punishment everywhere.")
    });
}

/// The served folder, file for file, against a fresh `docket build` of the same portal at
/// the server's address.
fn assert_served_equals_a_fresh_build(server: &Server, portal: &std::path::Path) {
    let fresh = tempfile::tempdir().unwrap();
    let base_url = docket::WebUrl::parse(&format!("http://{}/", server.address)).unwrap();
    docket::build(&docket::BuildOptions {
        root: portal.to_path_buf(),
        output: fresh.path().join("site"),
        base_url: Some(base_url),
        force: false,
        as_of: None,
        progress: false,
        previous: None,
        timings: false,
    })
    .expect("a fresh build");
    let (served, built) = (
        read_tree(&portal.join("public")),
        read_tree(&fresh.path().join("site")),
    );
    let only = |a: &std::collections::BTreeMap<String, Vec<u8>>,
                b: &std::collections::BTreeMap<String, Vec<u8>>| {
        a.keys()
            .filter(|k| !b.contains_key(*k))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(only(&served, &built), Vec::<String>::new(), "only served");
    assert_eq!(only(&built, &served), Vec::<String>::new(), "only built");
    let differ: Vec<&String> = served.keys().filter(|k| served[*k] != built[*k]).collect();
    assert!(
        differ.is_empty(),
        "served differs from a fresh build: {differ:?}"
    );
}

#[test]
fn after_incremental_rebuilds_the_served_folder_equals_a_fresh_build() {
    let portal = fixture("minimal");
    let server = Server::start(portal.path());
    let csv = portal.path().join("data/recommendations.csv");
    let original = std::fs::read_to_string(&csv).unwrap();

    // One cell: only some pages are rendered again.
    let edited = original.replace(
        "Abolish the death penalty, in law and in practice.",
        "Abolish capital punishment everywhere.",
    );
    save(&csv, &edited);
    let line = server.next_rebuild();
    let (rendered, total) = rendered_of(&line);
    assert!(0 < rendered && rendered < total / 2, "{line}");
    // Pages that show no changed row were not even given a context.
    assert!(unseen_of(&line) > 0, "{line}");
    assert_served_equals_a_fresh_build(&server, portal.path());

    // A status update and an action: only the pages that show them are given a context, and
    // only their recommendations' list rows are rendered again. A term's name, and a
    // mechanism's acronym, which every one of its list rows shows: every page is fingerprinted
    // again and every row rendered again.
    for (table, from, to, derived) in [
        (
            "status_updates",
            "The Protocol was ratified.",
            "Ratified at last.",
            true,
        ),
        ("status_updates", ",implemented,", ",in-progress,", true),
        (
            "actions",
            "Draft the NPM bill",
            "Draft and pass the NPM bill",
            true,
        ),
        (
            "themes",
            "Civil and political rights",
            "Civil rights",
            false,
        ),
        (
            "actions",
            "Draft and pass the NPM bill",
            "Pass the NPM bill",
            true,
        ),
        ("mechanisms", "UPR,Universal", "EPU,Universal", false),
    ] {
        let file = portal.path().join(format!("data/{table}.csv"));
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains(from), "{table}");
        save(&file, &text.replacen(from, to, 1));
        let line = server.next_rebuild();
        assert_eq!(unseen_of(&line) > 0, derived, "{line}");
        assert_served_equals_a_fresh_build(&server, portal.path());
    }

    // A new row: its pages come, lists and counts change.
    let with_row = format!(
        "{edited}UPR4-118.3,A/HRC/52/11,118.3,supported,France,civil,,,MOJ,,,,Protect journalists.,\n"
    );
    save(&csv, &with_row);
    server.next_rebuild();
    assert!(
        portal
            .path()
            .join("public/en/recommendations/upr4-118-3/index.html")
            .exists()
    );
    assert_served_equals_a_fresh_build(&server, portal.path());

    // A content page edited, then the data as it was: the new row's pages go.
    let about = portal.path().join("content/about.en.md");
    let text = std::fs::read_to_string(&about).unwrap();
    std::fs::write(&about, format!("{text}\nOne more paragraph.\n")).unwrap();
    server.next_rebuild();
    save(&csv, &original);
    server.next_rebuild();
    assert!(
        !portal
            .path()
            .join("public/en/recommendations/upr4-118-3")
            .join("index.html")
            .exists()
    );
    assert_served_equals_a_fresh_build(&server, portal.path());
}

#[test]
fn a_folder_made_after_the_server_started_is_watched() {
    let portal = fixture("minimal");
    let server = Server::start(portal.path());
    // The portal's own static files go over the theme's.
    let folder = portal.path().join("static");
    std::fs::create_dir(&folder).unwrap();
    server.next_rebuild();
    for text in ["first version", "second version"] {
        std::fs::write(folder.join("note.txt"), text).unwrap();
        wait_for(&server, "/static/note.txt", text, |body| {
            body.contains(text)
        });
    }
    assert_served_equals_a_fresh_build(&server, portal.path());
}

/// "…: rendered 12 of 80 pages (50 unseen: …); …" → 50.
fn unseen_of(line: &str) -> usize {
    let rest = line.split(" pages (").nth(1).expect("an unseen count");
    rest.split(' ').next().unwrap().parse().unwrap()
}

/// "data/x.csv changed: rendered 12 of 80 pages; …" → (12, 80).
fn rendered_of(line: &str) -> (usize, usize) {
    let rest = line.split("rendered ").nth(1).expect("a rendered count");
    let mut words = rest.split(' ');
    let rendered = words.next().unwrap().parse().unwrap();
    assert_eq!(words.next(), Some("of"));
    let total = words.next().unwrap().parse().unwrap();
    (rendered, total)
}
