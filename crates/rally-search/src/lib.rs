//! What every search of rally shares, written once.
//!
//! - [`Budget`]: when to stop: the deadline of `--time-limit`, the work units of
//!   `--effort` (SPEC §8), and a cancel flag a signal handler may raise.
//! - [`Options`]: how to run `plan`, `assign` or `solve` (seed, limits, progress).
//! - [`Progress`]: the best penalty of parts solved apart, reported as one sum.
//! - [`mip`]: the one place that chooses the MIP backend (microlp, or HiGHS with
//!   the `highs` feature).
//!
//! ```
//! use rally_search::Budget;
//! use std::time::Duration;
//!
//! let budget = Budget::new(Some(Duration::from_secs(60)), Some(10));
//! assert!(!budget.exhausted());
//! budget.spend(10);
//! assert!(budget.exhausted());
//! ```
#![warn(missing_docs)]

mod budget;
pub mod mip;
mod options;
mod progress;

pub use budget::{Budget, MAX_TIME_LIMIT};
pub use options::Options;
pub use progress::Progress;
