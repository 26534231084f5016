//! SIGINT, SIGTERM and SIGHUP. During a search (`plan`, `assign`, `solve`),
//! the first signal stops it: the best plan found so far is written whole,
//! as at the time limit, and the summary says it was cancelled. Otherwise,
//! or at a second signal, nothing half-written is left behind: every
//! temporary file and folder being written (beside the outputs) is removed,
//! no output is moved into place after it, and rally exits with code 130;
//! each output is then as it was before, or whole.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

/// Whether a search is running (and a signal should stop it, not rally).
static SEARCHING: AtomicBool = AtomicBool::new(false);

/// The flag that stops every search with its best plan so far.
pub fn cancel_flag() -> Arc<AtomicBool> {
    static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();
    FLAG.get_or_init(Arc::default).clone()
}

/// Runs a search; a signal meanwhile cancels it rather than rally.
pub fn searching<T>(search: impl FnOnce() -> T) -> T {
    SEARCHING.store(true, Ordering::SeqCst);
    let out = search();
    SEARCHING.store(false, Ordering::SeqCst);
    out
}

/// What a signal does.
#[derive(Debug, PartialEq, Eq)]
enum Action {
    /// Stop the search; its best plan is written.
    Cancel,
    /// Remove what is being written and exit with 130.
    Abort,
}

/// The first signal during a search cancels it; any other aborts.
fn decide(searching: bool, cancelled_before: bool) -> Action {
    if searching && !cancelled_before {
        Action::Cancel
    } else {
        Action::Abort
    }
}

/// Installs the handler (first thing in `main`).
pub fn install() {
    let handler = || {
        let before = cancel_flag().swap(true, Ordering::SeqCst);
        match decide(SEARCHING.load(Ordering::SeqCst), before) {
            Action::Cancel => {
                eprintln!("rally: interrupted; writing the best plan so far (again to abort)");
            }
            Action::Abort => {
                rally_export::files::abandon();
                eprintln!("rally: interrupted; no output was left half-written");
                std::process::exit(130);
            }
        }
    };
    if let Err(e) = ctrlc::set_handler(handler) {
        eprintln!("rally: warning: signals are not handled ({e})");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_signal_during_a_search_spares_rally() {
        assert_eq!(decide(true, false), Action::Cancel);
        assert_eq!(decide(true, true), Action::Abort);
        assert_eq!(decide(false, false), Action::Abort);
    }
}
