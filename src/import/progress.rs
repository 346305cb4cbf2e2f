//! A count and percentage line on stderr while an import reads a large export, shown only on
//! a terminal (never when stderr is a file or a pipe, nor in CI), so that logs stay clean.

use std::io::{IsTerminal, Write};

/// Progress through `total` steps of one phase; redrawn at most once per percent.
pub(crate) struct Progress {
    label: &'static str,
    total: usize,
    done: usize,
    shown_percent: Option<usize>,
    on: bool,
}

impl Progress {
    /// Shown only for enough steps to be worth it, on a terminal.
    pub(crate) fn new(label: &'static str, total: usize) -> Progress {
        let on =
            total >= 1000 && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        Progress {
            label,
            total,
            done: 0,
            shown_percent: None,
            on,
        }
    }

    pub(crate) fn step(&mut self) {
        self.done += 1;
        if !self.on {
            return;
        }
        let percent = self.done * 100 / self.total.max(1);
        if self.shown_percent != Some(percent) {
            self.shown_percent = Some(percent);
            let mut err = std::io::stderr().lock();
            let _ = write!(
                err,
                "\r{}: {}/{} ({percent}%)",
                self.label, self.done, self.total
            );
            if self.done >= self.total {
                let _ = writeln!(err);
            }
        }
    }
}

impl Drop for Progress {
    /// Ends the line when the phase stopped early (rows left out, an error).
    fn drop(&mut self) {
        if self.on && self.shown_percent.is_some() && self.done < self.total {
            let _ = writeln!(std::io::stderr());
        }
    }
}
