//! SIGINT, SIGTERM and SIGHUP: nothing half-written is left behind. A signal
//! removes every temporary file and folder being written (beside the
//! outputs), keeps any output from being moved into place after it, and
//! exits with code 130: each output is then as it was before, or whole.

/// Installs the handler (first thing in `main`).
pub fn install() {
    let handler = || {
        rally_export::files::abandon();
        eprintln!("rally: interrupted; no output was left half-written");
        std::process::exit(130);
    };
    if let Err(e) = ctrlc::set_handler(handler) {
        eprintln!("rally: warning: signals are not handled ({e})");
    }
}
