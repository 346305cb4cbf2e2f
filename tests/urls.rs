//! A published URL never breaks: aliases on every table, `urls.txt`, `build --previous`.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

fn rewrite(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join("data").join(file);
    let source = std::fs::read_to_string(&path).unwrap();
    assert!(source.contains(from), "{file} has no `{from}`");
    std::fs::write(&path, source.replace(from, to)).unwrap();
}

/// Renames institution MOJ to MJHR everywhere it is used; `aliases` is its new cell.
fn rename_ministry(root: &Path, aliases: &str) {
    std::fs::write(
        root.join("data/institutions.csv"),
        format!(
            "id,kind,acronym,name_en,name_ar,aliases\n\
             MJHR,ministry,MoJ,Ministry of Justice,وزارة العدل,{aliases}\n\
             NHRI,nhri,,Human Rights Commission,لجنة حقوق الإنسان,\n"
        ),
    )
    .unwrap();
    for file in ["recommendations.csv", "actions.csv", "status_updates.csv"] {
        let path = root.join("data").join(file);
        let source = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, source.replace(",MOJ,", ",MJHR,")).unwrap();
    }
}

#[test]
fn an_old_id_in_the_aliases_column_of_any_table_redirects_to_the_new_page() {
    let portal = fixture("minimal");
    rename_ministry(portal.path(), "MOJ");
    rewrite(
        portal.path(),
        "themes.csv",
        "id,parent,name_en,name_ar\ncivil,,",
        "id,parent,aliases,name_en,name_ar\ncivil,,civil-political,",
    );
    rewrite(
        portal.path(),
        "themes.csv",
        "torture,civil,",
        "torture,civil,,",
    );
    let out = portal.path().join("public");
    build(portal.path(), &out).expect("builds");
    for (old, new) in [
        ("en/institutions/moj/", "en/institutions/mjhr/"),
        ("ar/institutions/moj/", "ar/institutions/mjhr/"),
        ("en/themes/civil-political/", "en/themes/civil/"),
    ] {
        let page = std::fs::read_to_string(out.join(old).join("index.html")).unwrap();
        assert!(
            page.contains(&format!("https://fixture.example/portal/{new}")),
            "{old} should forward to {new}:\n{page}"
        );
        assert!(out.join(new).join("index.html").exists());
    }
    let redirects = std::fs::read_to_string(out.join("_redirects")).unwrap();
    assert!(
        redirects.contains("/portal/en/institutions/moj/ /portal/en/institutions/mjhr/ 301\n"),
        "{redirects}"
    );
    assert!(
        redirects.contains("/portal/ar/themes/civil-political/ /portal/ar/themes/civil/ 301\n"),
        "{redirects}"
    );
}

#[test]
fn an_alias_that_takes_another_rows_url_is_an_error() {
    let portal = fixture("minimal");
    rewrite(
        portal.path(),
        "institutions.csv",
        "id,kind,acronym,name_en,name_ar\nMOJ,ministry,MoJ,Ministry of Justice,وزارة العدل\nNHRI,nhri,,",
        "id,kind,acronym,name_en,name_ar,aliases\nMOJ,ministry,MoJ,Ministry of Justice,وزارة العدل,\nNHRI,nhri,,",
    );
    rewrite(
        portal.path(),
        "institutions.csv",
        "Human Rights Commission,لجنة حقوق الإنسان",
        "Human Rights Commission,لجنة حقوق الإنسان,moj",
    );
    let problems = diagnostics_of(build(portal.path(), &portal.path().join("public")));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].file, "data/institutions.csv");
    assert_eq!((problems[0].line, problems[0].column), (3, 6));
    assert!(
        problems[0].message.contains("same URL slug `moj` as `MOJ`"),
        "{}",
        problems[0].message
    );
}

#[test]
fn urls_txt_lists_every_page_once_sorted() {
    let portal = fixture("minimal");
    let out = portal.path().join("public");
    build(portal.path(), &out).expect("builds");
    let list = std::fs::read_to_string(out.join("urls.txt")).unwrap();
    let urls: Vec<&str> = list.lines().collect();
    let mut sorted = urls.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(urls, sorted, "sorted, each once");
    assert!(urls.contains(&"/") && urls.contains(&"/en/institutions/moj/"));
    assert!(
        urls.contains(&"/ar/recommendations/upr4-118-001/"),
        "aliases too"
    );
    assert!(
        !list.contains("404"),
        "the not-found page is not a URL to keep"
    );
    for url in &urls {
        let file = out.join(&url[1..]).join("index.html");
        assert!(
            file.exists(),
            "{url} is listed but {} is missing",
            file.display()
        );
    }
    let pages = read_tree(&out)
        .keys()
        .filter(|f| f.ends_with("index.html") && !f.starts_with("search/"))
        .count();
    assert_eq!(urls.len(), pages, "every page is listed");
}

fn docket_build(root: &Path, previous: impl AsRef<std::ffi::OsStr>) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_docket"))
        .env("CI", "true")
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(root.join("public"))
        .arg("--previous")
        .arg(previous)
        .output()
        .unwrap()
}

#[test]
fn build_previous_names_every_url_that_would_disappear_and_writes_nothing() {
    let portal = fixture("minimal");
    let out = portal.path().join("public");
    build(portal.path(), &out).expect("first build");
    let saved = portal.path().join("previous-urls.txt");
    std::fs::copy(out.join("urls.txt"), &saved).unwrap();
    let before = read_tree(&out);

    rename_ministry(portal.path(), "");
    let failed = docket_build(portal.path(), &saved);
    assert_eq!(failed.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(
        stderr.contains("2 published URLs of ")
            && stderr.contains(
                "\n  /ar/institutions/moj/ (an id of data/institutions.csv)\n  /en/institutions/moj/ (an id of data/institutions.csv)\n"
            )
            && stderr.contains("`aliases` column"),
        "{stderr}"
    );
    assert_eq!(
        read_tree(&out),
        before,
        "the previous site is left as it was"
    );

    rename_ministry(portal.path(), "MOJ");
    let passed = docket_build(portal.path(), &saved);
    assert!(
        passed.status.success(),
        "{}",
        String::from_utf8_lossy(&passed.stderr)
    );
}

#[test]
fn build_previous_with_a_missing_file_says_how_to_save_the_live_list() {
    let portal = fixture("minimal");
    let output = docket_build(portal.path(), portal.path().join("nowhere.txt"));
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("curl -fsSL https://your.site/urls.txt -o"),
        "{stderr}"
    );
    assert!(!portal.path().join("public").exists());
}

/// A web server on 127.0.0.1 that answers `/site/urls.txt` with `list`, `/page/urls.txt` with
/// an HTML page and anything else with 404, until the test ends.
fn serve_lists(list: String) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = Vec::new();
            let mut buffer = [0u8; 1024];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buffer[..n]),
                }
            }
            let request = String::from_utf8_lossy(&request);
            let path = request.split(' ').nth(1).unwrap_or("");
            let (status, body) = match path {
                "/site/urls.txt" => ("200 OK", list.clone()),
                "/page/urls.txt" => ("200 OK", "<!doctype html>\n<p>Not here</p>\n".to_string()),
                _ => ("404 Not Found", "gone".to_string()),
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    format!("http://{address}")
}

#[test]
fn build_previous_fetches_the_live_list_and_names_the_url_when_it_cannot() {
    let portal = fixture("minimal");
    let out = portal.path().join("public");
    build(portal.path(), &out).expect("first build");
    let site = serve_lists(std::fs::read_to_string(out.join("urls.txt")).unwrap());
    let before = read_tree(&out);

    rename_ministry(portal.path(), "");
    let failed = docket_build(portal.path(), format!("{site}/site/"));
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert_eq!(failed.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "2 published URLs of {site}/site/urls.txt would disappear"
        )) && stderr.contains("/en/institutions/moj/"),
        "{stderr}"
    );
    for (path, says) in [
        ("/missing/urls.txt", "the server answered 404"),
        (
            "/page/urls.txt",
            "this is not a urls.txt: line 1 is `<!doctype html>`",
        ),
    ] {
        let failed = docket_build(portal.path(), format!("{site}{path}"));
        let stderr = String::from_utf8_lossy(&failed.stderr);
        assert_eq!(failed.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "cannot fetch the previous URL list {site}{path}: {says}"
            )),
            "{stderr}"
        );
    }
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed = format!("http://{}/urls.txt", listener.local_addr().unwrap());
    drop(listener);
    let failed = docket_build(portal.path(), &closed);
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(
        stderr.contains(&format!("cannot fetch the previous URL list {closed}: ")),
        "{stderr}"
    );
    assert_eq!(
        read_tree(&out),
        before,
        "the previous site is left as it was"
    );

    rename_ministry(portal.path(), "MOJ");
    let passed = docket_build(portal.path(), format!("{site}/site/urls.txt"));
    assert!(
        passed.status.success(),
        "{}",
        String::from_utf8_lossy(&passed.stderr)
    );
}
