//! The progress bar for large feedback files: on standard error, and only
//! when it is a terminal, so CI logs and pipes stay clean.
//!
//! Floor `main` (the binary): implements the library's `Progress`.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressStyle};

/// Files smaller than this are read too fast for a bar to help.
const MIN_BYTES: u64 = 32 * 1024 * 1024;

pub struct Bar {
    enabled: bool,
    bar: Mutex<Option<ProgressBar>>,
}

impl Bar {
    pub fn new() -> Self {
        Self {
            enabled: std::io::stderr().is_terminal(),
            bar: Mutex::new(None),
        }
    }
}

impl planlint::Progress for Bar {
    fn start(&self, path: &Path, bytes: u64) {
        if !self.enabled || bytes < MIN_BYTES {
            return;
        }
        let bar = ProgressBar::new(bytes);
        let style = ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style.progress_chars("=> "));
        let name = planlint::source::display_path(path);
        bar.set_message(planlint::text::sanitize::one_line(&name).into_owned());
        if let Ok(mut slot) = self.bar.lock() {
            *slot = Some(bar);
        }
    }

    fn advance(&self, read: u64) {
        if let Ok(slot) = self.bar.lock()
            && let Some(bar) = slot.as_ref()
        {
            bar.set_position(read);
        }
    }

    fn finish(&self) {
        if let Ok(mut slot) = self.bar.lock()
            && let Some(bar) = slot.take()
        {
            bar.finish_and_clear();
        }
    }
}
