//! Answers requests with the files of one folder, and never with anything outside it.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::http::{Request, Response};
use super::target::{self, BadTarget};

/// The built site being served.
pub struct Files {
    /// Canonical, so that a resolved file can be checked to lie inside it.
    root: PathBuf,
}

impl Files {
    pub fn new(dir: &Path) -> Result<Files> {
        let root = dir
            .canonicalize()
            .with_context(|| format!("cannot serve {}", dir.display()))?;
        Ok(Files { root })
    }

    /// The response to a GET or HEAD request.
    pub fn respond(&self, request: &Request) -> Response {
        let site_path = match target::decode(&request.target) {
            Ok(path) => path,
            Err(BadTarget::Malformed) => return Response::bad_request(),
            Err(BadTarget::Traversal) => return self.not_found(),
        };
        let candidate = site_path
            .segments
            .iter()
            .fold(self.root.clone(), |path, segment| path.join(segment));
        // Symlinks are resolved first: a link that points out of the folder is not served.
        let Some(found) = candidate
            .canonicalize()
            .ok()
            .filter(|p| p.starts_with(&self.root))
        else {
            return self.not_found();
        };
        let file = if found.is_dir() {
            if !site_path.trailing_slash {
                let path = request.target.split(['?', '#']).next().unwrap_or("/");
                return Response::redirect(format!("{path}/"));
            }
            found.join("index.html")
        } else {
            found
        };
        let inside = file
            .canonicalize()
            .ok()
            .filter(|p| p.starts_with(&self.root) && p.is_file());
        match inside.and_then(|p| std::fs::read(&p).ok()) {
            Some(body) => Response::new(200, "OK", content_type(&file), body),
            None => self.not_found(),
        }
    }

    /// The site's own 404 page when it has one.
    pub fn not_found(&self) -> Response {
        match std::fs::read(self.root.join("404.html")) {
            Ok(body) => Response::new(404, "Not Found", "text/html; charset=utf-8", body),
            Err(_) => Response::text(404, "Not Found", "not found"),
        }
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}
