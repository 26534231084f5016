//! The desk in a real headless Chromium: the desk's script runs on the
//! programme (session cards open their session), the Plan page shows a run's
//! result (it follows the run through server-sent events), and screenshots
//! of the programme, a session, the people and the Plan page are saved for
//! the README (docs/desk-*.png). Skipped when Chromium is absent, except
//! under CI.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";

fn chromium() -> Option<&'static Path> {
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

/// Runs Chromium headless on `url` with `extra` arguments; its stdout.
fn browse(chromium: &Path, url: &str, extra: &[String]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
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

/// One HTTP/1.1 request; the status code and the whole answer.
fn request(addr: SocketAddr, method: &str, path: &str, form: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
        form.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    let text = String::from_utf8_lossy(&answer).to_string();
    (
        text.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0),
        text,
    )
}

fn wait_idle(addr: SocketAddr) {
    let started = Instant::now();
    while !request(addr, "GET", "/plan", "")
        .1
        .contains("data-running=\"false\"")
    {
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "the run never ended"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Saves a screenshot; `live` pages (an open event stream) are taken after 4 s.
fn screenshot(chromium: &Path, url: &str, name: &str, live: bool) {
    let shot = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../docs")
        .join(name);
    browse(
        chromium,
        url,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,1400".into(),
            if live {
                "--timeout=4000"
            } else {
                "--virtual-time-budget=1000"
            }
            .into(),
        ],
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n"),
        "{name} is a PNG image"
    );
    assert!(png.len() > 10_000, "{name} shows something");
}

#[test]
fn the_desk_works_in_a_browser_and_its_pictures_are_saved() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    std::fs::copy(
        fixtures.join("haute-vienne-2016.json"),
        dir.path().join("haute-vienne-2016.json"),
    )
    .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let config = rally_desk::Config::new(dir.path());
    std::thread::spawn(move || {
        rally_desk::serve(config, "127.0.0.1:0".parse().unwrap(), |a| {
            tx.send(a).unwrap()
        })
        .unwrap()
    });
    let addr = rx.recv().unwrap();
    let url = |path: &str| format!("http://{addr}{path}");
    let form = "file=haute-vienne-2016.json";
    assert_eq!(request(addr, "POST", "/edition/use", form).0, 303);
    assert_eq!(
        request(addr, "POST", "/plan/run", "kind=solve&seconds=20").0,
        303
    );
    wait_idle(addr);

    // The script makes every session card of the programme open its session.
    let grid = browse(
        chromium,
        &url("/v/1/site/territories/87.html"),
        &["--dump-dom".into(), "--virtual-time-budget=2000".into()],
    );
    assert!(grid.contains("<nav class=\"desk\""));
    let cards = grid.matches("class=\"session\" data-session=").count();
    let linked = grid.matches("role=\"link\"").count();
    assert!(
        cards > 10 && linked == cards,
        "{linked} of {cards} cards open their session"
    );

    // A run followed live: the page the browser built shows it running.
    assert_eq!(
        request(addr, "POST", "/plan/run", "kind=solve&seconds=600").0,
        303
    );
    let plan = browse(
        chromium,
        &url("/plan"),
        &["--dump-dom".into(), "--timeout=4000".into()],
    );
    assert!(
        plan.contains("<a href=\"/v/2\" id=\"result\">version 2</a>"),
        "{plan}"
    );
    screenshot(chromium, &url("/plan"), "desk-plan.png", true);
    request(addr, "POST", "/plan/stop", "");
    wait_idle(addr);

    screenshot(
        chromium,
        &url("/v/1/site/territories/87.html"),
        "desk-programme.png",
        false,
    );
    screenshot(
        chromium,
        &url("/v/1/session?id=w02%2F1"),
        "desk-session.png",
        false,
    );
    screenshot(
        chromium,
        &url("/v/1/people?show=uncertified"),
        "desk-people.png",
        false,
    );
}
