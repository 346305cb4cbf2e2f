//! Embeds `themes/default` into the binary: the built-in theme every portal is built with.

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("themes/default is readable")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    // A directory's mtime changes when an entry is added or removed: watch every one of them.
    println!("cargo:rerun-if-changed={}", dir.display());
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let theme = root.join("themes/default");
    let mut found = Vec::new();
    files(&theme, &mut found);
    let mut code = String::from("&[\n");
    for path in found {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .strip_prefix(&theme)
            .expect("below the theme")
            .to_string_lossy()
            .replace('\\', "/");
        code.push_str(&format!(
            "    ({name:?}, include_bytes!({:?}).as_slice()),\n",
            path.display().to_string()
        ));
    }
    code.push_str("]\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("default_theme.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
