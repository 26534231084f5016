//! Headless Chromium for the browser tests of the repository and of the desk
//! (included by `#[path]`): where it is, when a test may go without it, the
//! flags every run takes, and one run of it on a page.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub const CHROMIUM: &str = "/usr/bin/chromium";

/// The flags of every headless run: no sandbox (tests may run as root), no
/// GPU, nothing fetched from the network behind the test's back.
pub const FLAGS: [&str; 9] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
];

/// Chromium, or `None` (with a message) when the test may be skipped:
/// under CI it must be there.
pub fn chromium() -> Option<&'static Path> {
    if Path::new(CHROMIUM).exists() {
        return Some(Path::new(CHROMIUM));
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{CHROMIUM} is missing under CI: .ci/run must install it (apt-get install -y chromium)"
    );
    eprintln!("SKIPPED: {CHROMIUM} is absent (install it with apt-get install -y chromium)");
    None
}

/// Runs Chromium headless on `url` (a `file://` or `http://` address) with
/// `extra` arguments, in a profile of its own; its stdout.
pub fn browse(chromium: &Path, url: &str, extra: &[String]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(chromium)
        .args(FLAGS)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "chromium failed on {url}");
    String::from_utf8(out.stdout).unwrap()
}
