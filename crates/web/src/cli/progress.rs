//! Progress of a long command: a bar on a terminal, plain lines otherwise
//! (a log file or CI would fill with a redrawn bar). Work of unknown length
//! (one `VACUUM INTO`, an integrity check) gets a spinner with the time
//! spent, and a line when it ends.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};

pub struct Progress {
    bar: Option<ProgressBar>,
    plain: Mutex<Plain>,
    rows: AtomicU64,
}

struct Plain {
    total: u64,
    done: u64,
    unit: &'static str,
    started: Option<Instant>,
    next_line: u64,
}

impl Progress {
    /// A bar when stderr is a terminal, lines otherwise.
    pub fn for_stderr() -> Progress {
        let bar = std::io::stderr().is_terminal().then(ProgressBar::hidden);
        Progress::new(bar)
    }

    /// Plain lines only, as in a pipe.
    pub fn plain() -> Progress {
        Progress::new(None)
    }

    fn new(bar: Option<ProgressBar>) -> Progress {
        let plain = Plain { total: 0, done: 0, unit: "", started: None, next_line: 0 };
        Progress { bar, plain: Mutex::new(plain), rows: AtomicU64::new(0) }
    }

    pub fn start(&self, total: u64, unit: &'static str) {
        if let Some(bar) = &self.bar {
            bar.set_length(total);
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template(
                "{bar:40} {pos}/{len} {msg} · {elapsed_precise} · eta {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.set_message(unit);
        }
        let mut plain = self.plain.lock().unwrap_or_else(|e| e.into_inner());
        *plain = Plain { total, done: 0, unit, started: Some(Instant::now()), next_line: 0 };
    }

    /// `n` more units done, which wrote `rows` rows.
    pub fn advance(&self, n: u64, rows: u64) {
        self.rows.fetch_add(rows, Ordering::Relaxed);
        if let Some(bar) = &self.bar {
            bar.inc(n);
            return;
        }
        let mut plain = self.plain.lock().unwrap_or_else(|e| e.into_inner());
        plain.done += n;
        // A line at every tenth of the way.
        let tenth = (plain.total / 10).max(1);
        if plain.done >= plain.next_line {
            eprintln!(
                "{}/{} {} · {} rows/s",
                plain.done,
                plain.total,
                plain.unit,
                self.rate(plain.started)
            );
            plain.next_line = (plain.done / tenth + 1) * tenth;
        }
    }

    pub fn rows(&self) -> u64 {
        self.rows.load(Ordering::Relaxed)
    }

    /// Rows per second since `start`.
    pub fn rows_per_second(&self) -> u64 {
        let started = self.plain.lock().unwrap_or_else(|e| e.into_inner()).started;
        self.rate(started)
    }

    fn rate(&self, started: Option<Instant>) -> u64 {
        let seconds = started.map_or(0.0, |s| s.elapsed().as_secs_f64());
        if seconds <= 0.0 { 0 } else { (self.rows() as f64 / seconds) as u64 }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// A step of unknown length: a spinner on a terminal, a line at the start
/// and one at the end otherwise.
pub struct Working {
    spinner: Option<ProgressBar>,
    what: String,
    started: Instant,
}

impl Working {
    pub fn start(what: impl Into<String>) -> Working {
        let what = what.into();
        let spinner = std::io::stderr().is_terminal().then(|| {
            let spinner = ProgressBar::new_spinner();
            let style = ProgressStyle::with_template("{spinner} {msg} · {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner());
            spinner.set_style(style);
            spinner.set_message(what.clone());
            spinner.enable_steady_tick(std::time::Duration::from_millis(120));
            spinner
        });
        if spinner.is_none() {
            eprintln!("{what}…");
        }
        Working { spinner, what, started: Instant::now() }
    }

    pub fn done(self) {
        if let Some(spinner) = &self.spinner {
            spinner.finish_and_clear();
        }
        eprintln!("{}: done in {:.1} s", self.what, self.started.elapsed().as_secs_f64());
    }
}
