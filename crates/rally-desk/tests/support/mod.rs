//! What the desk's tests over a real socket share (the browser test and the
//! load test): a desk served on 127.0.0.1 over a workspace, plain HTTP/1.1
//! requests to it, and waiting for its run to end.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};

/// A file of the repository's fixtures.
pub fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(name)
}

/// Serves the desk over `dir` on a free port of 127.0.0.1, on a thread of
/// its own for the rest of the test; its address.
pub fn serve(dir: &Path) -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    let config = rally_desk::Config::new(dir);
    std::thread::spawn(move || {
        rally_desk::serve(config, "127.0.0.1:0".parse().unwrap(), |a| {
            tx.send(a).unwrap()
        })
        .unwrap()
    });
    rx.recv().unwrap()
}

/// One HTTP/1.1 request (a form for POST); the status code and the whole
/// answer, head and body.
pub fn request(addr: SocketAddr, method: &str, path: &str, form: &str) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
        form.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    let status = std::str::from_utf8(answer.get(9..12).unwrap_or_default())
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, answer)
}

/// The answer's text.
pub fn text(answer: &[u8]) -> String {
    String::from_utf8_lossy(answer).into_owned()
}

/// Polls the Plan page until no run is going on.
pub fn wait_idle(addr: SocketAddr) {
    let started = Instant::now();
    while !text(&request(addr, "GET", "/plan", "").1).contains("data-running=\"false\"") {
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "the run never ended"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}
