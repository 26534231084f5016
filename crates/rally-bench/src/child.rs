//! Runs a child process and measures its wall time and peak memory.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Instant;

/// What a finished child left behind.
pub struct Ran {
    /// Its exit code (`None` when a signal ended it).
    pub code: Option<i32>,
    /// Wall-clock seconds from spawn to exit.
    pub seconds: f64,
    /// Its peak resident memory in bytes, where the platform reports it.
    pub peak_bytes: Option<u64>,
    /// What it wrote on standard error.
    pub stderr: String,
}

/// Runs `cmd` to its end, standard output discarded, standard error kept.
pub fn run(cmd: &mut Command) -> std::io::Result<Ran> {
    let started = Instant::now();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut pipe = child.stderr.take().expect("standard error is piped");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = pipe.read_to_string(&mut text);
        text
    });
    let (code, peak_bytes) = wait(child)?;
    let seconds = started.elapsed().as_secs_f64();
    let stderr = reader.join().unwrap_or_default();
    Ok(Ran {
        code,
        seconds,
        peak_bytes,
        stderr,
    })
}

/// Waits for the child with `wait4`, which also gives its own resource usage.
#[cfg(unix)]
fn wait(child: std::process::Child) -> std::io::Result<(Option<i32>, Option<u64>)> {
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is plain old data, for which all zero bytes is a value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: both pointers are to live locals; `pid` is our own child,
        // which nothing else waits for (`child` is dropped without waiting).
        let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if got == pid {
            break;
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            return Err(error);
        }
    }
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    // Linux reports kibibytes, macOS bytes.
    let unit = if cfg!(target_os = "macos") { 1 } else { 1024 };
    Ok((code, Some(usage.ru_maxrss.max(0) as u64 * unit)))
}

/// Waits for the child; no memory figure off Unix.
#[cfg(not(unix))]
fn wait(mut child: std::process::Child) -> std::io::Result<(Option<i32>, Option<u64>)> {
    Ok((child.wait()?.code(), None))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn exit_code_stderr_and_memory_of_a_child() {
        let ran = run(Command::new("sh").args(["-c", "echo oops >&2; exit 3"])).unwrap();
        assert_eq!(ran.code, Some(3));
        assert_eq!(ran.stderr.trim(), "oops");
        assert!(ran.peak_bytes.unwrap() > 0);
    }
}
