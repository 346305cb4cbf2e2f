//! The bad-input catalogue: every case breaks the fixture portal in one way, runs the real
//! binary, and proves that `build` and `check` exit 1 with the problem at its exact
//! `file:line:column`, a help line under it, no panic, and the previous output byte-identical.

#[path = "bad_input/cases.rs"]
mod cases;
mod common;

use std::path::Path;
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One way of breaking the fixture.
enum Change {
    /// Replaces the first occurrence of the text in the file (which must contain it).
    Replace(&'static str, &'static str, String),
    /// Writes the file with these bytes.
    Write(&'static str, Vec<u8>),
    /// Appends text to the file.
    Append(&'static str, &'static str),
    /// Replaces the path with a symbolic link to a file or folder outside the portal.
    LinkOutside(&'static str),
}

struct Case {
    name: &'static str,
    changes: Vec<Change>,
    /// Where the problem is: `file:line:column`, or `file` for a whole-file problem.
    at: &'static str,
    /// A part of the message.
    message: &'static str,
    /// A part of the help line under it.
    help: &'static str,
}

fn case(
    name: &'static str,
    change: Change,
    at: &'static str,
    message: &'static str,
    help: &'static str,
) -> Case {
    Case {
        name,
        changes: vec![change],
        at,
        message,
        help,
    }
}

fn replace(file: &'static str, from: &'static str, to: impl Into<String>) -> Change {
    Change::Replace(file, from, to.into())
}

fn write(file: &'static str, bytes: impl Into<Vec<u8>>) -> Change {
    Change::Write(file, bytes.into())
}

fn catalogue() -> Vec<Case> {
    let mut all = cases::config_cases();
    all.extend(cases::url_cases());
    all.extend(cases::cell_cases());
    all.extend(cases::file_kind_cases());
    all.extend(cases::structure_cases());
    all.extend(cases::value_cases());
    all.extend(cases::content_cases());
    all.extend(cases::path_cases());
    all
}

fn apply(root: &Path, outside: &Path, change: &Change) {
    match change {
        Change::Replace(file, from, to) => {
            let path = root.join(file);
            let text = std::fs::read_to_string(&path).expect("fixture file");
            assert!(text.contains(from), "{file} does not contain {from:?}");
            std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
        }
        Change::Write(file, bytes) => {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).expect("mkdir");
            std::fs::write(path, bytes).expect("write");
        }
        Change::Append(file, text) => {
            let path = root.join(file);
            let mut bytes = std::fs::read(&path).expect("fixture file");
            bytes.extend(text.as_bytes());
            std::fs::write(path, bytes).expect("write");
        }
        #[cfg(unix)]
        Change::LinkOutside(file) => {
            let path = root.join(file);
            let target = outside.join(path.file_name().unwrap());
            if path.is_dir() {
                std::fs::remove_dir_all(&path).expect("remove");
            } else if path.exists() {
                std::fs::remove_file(&path).expect("remove");
            }
            std::fs::create_dir_all(path.parent().unwrap()).expect("mkdir");
            std::os::unix::fs::symlink(target, path).expect("symlink");
        }
        #[cfg(not(unix))]
        Change::LinkOutside(_) => unreachable!("symlink cases run on unix only"),
    }
}

/// Files and folders outside the portal that the link cases point at.
fn outside_files(dir: &Path) {
    let page = "+++\ntitle = \"Secret\"\n+++\nNot part of the portal.\n";
    std::fs::write(dir.join("secret.en.md"), page).unwrap();
    std::fs::write(
        dir.join("themes.csv"),
        "id,parent,name_en,name_ar\ncivil,,Civil,\ntorture,civil,Torture,\n",
    )
    .unwrap();
    std::fs::write(dir.join("extra.css"), "body{}").unwrap();
    for folder in ["static", "templates"] {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
        std::fs::write(dir.join(folder).join("page.html"), "secret").unwrap();
    }
}

/// Runs the case; returns what went wrong, if anything.
fn run_case(case: &Case, previous: &Path) -> Result<(), String> {
    let portal = common::fixture("minimal");
    let outside = tempfile::tempdir().unwrap();
    outside_files(outside.path());
    for change in &case.changes {
        apply(portal.path(), outside.path(), change);
    }
    let output = portal.path().join("public");
    common::copy_dir(previous, &output);
    let before = common::read_tree(&output);
    for command in ["build", "check"] {
        // The one-line format: each problem's place and message on one line, its help below.
        let mut args = vec![command, "--format", "short", "--root"];
        let root = portal.path().to_str().unwrap();
        args.push(root);
        let output_arg = output.to_str().unwrap();
        if command == "build" {
            args.extend(["--output", output_arg]);
        }
        let run = Command::new(env!("CARGO_BIN_EXE_docket"))
            .args(&args)
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .expect("run docket");
        let stderr = String::from_utf8_lossy(&run.stderr);
        if run.status.code() != Some(1) {
            return Err(format!("{command}: exit {:?}\n{stderr}", run.status.code()));
        }
        if stderr.contains("panicked") {
            return Err(format!("{command} panicked:\n{stderr}"));
        }
        let lines: Vec<&str> = stderr.lines().collect();
        let found = lines.iter().enumerate().find(|(_, line)| {
            let at_end = line
                .strip_prefix(case.at)
                .is_some_and(|rest| case.at.ends_with(':') || rest.starts_with(": error: "));
            at_end && line.contains(case.message)
        });
        let Some((index, _)) = found else {
            return Err(format!(
                "{command}: no problem at `{}` saying {:?}:\n{stderr}",
                case.at, case.message
            ));
        };
        let help = lines.get(index + 1).copied().unwrap_or_default();
        if !(help.starts_with("  help: ") && help.contains(case.help)) {
            return Err(format!(
                "{command}: the line under the problem is not a help line with {:?}:\n{stderr}",
                case.help
            ));
        }
    }
    if common::read_tree(&output) != before {
        return Err("the failed build changed the previous output".into());
    }
    Ok(())
}

#[test]
fn every_bad_input_exits_1_at_its_exact_place_with_help_and_loses_nothing() {
    let cases = catalogue();
    assert!(cases.len() >= 60, "the catalogue has {} cases", cases.len());
    let good = common::fixture("minimal");
    let previous = good.path().join("previous");
    common::build(good.path(), &previous).expect("the fixture builds");
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                while let Some(case) = cases.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if let Err(why) = run_case(case, &previous) {
                        failures
                            .lock()
                            .unwrap()
                            .push(format!("[{}] {why}", case.name));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn the_base_url_flag_takes_only_web_addresses() {
    let portal = common::fixture("minimal");
    let output = portal.path().join("public");
    for bad in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "file:///tmp/",
        "http://",
        "/x/",
        "https://x.example/?a=1",
    ] {
        let run = Command::new(env!("CARGO_BIN_EXE_docket"))
            .args(["build", "--root"])
            .arg(portal.path())
            .arg("--output")
            .arg(&output)
            .args(["--base-url", bad])
            .output()
            .expect("run docket");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(!run.status.success(), "{bad} was accepted");
        assert!(
            stderr.contains("--base-url") && stderr.contains("help: "),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(!output.exists(), "nothing is written for {bad}");
    }
}
