//! The MIP backend, chosen in this one place: microlp (pure Rust) by
//! default, HiGHS on one thread with the `highs` feature.

use good_lp::variable::UnsolvedProblem;
use std::time::Duration;

/// The solver model of the backend in use.
#[cfg(not(feature = "highs"))]
pub type Backend = good_lp::solvers::microlp::MicroLpProblem;
/// The solver model of the backend in use.
#[cfg(feature = "highs")]
pub type Backend = good_lp::solvers::highs::HighsProblem;

/// The problem handed to the backend, stopped after `limit`.
#[cfg(not(feature = "highs"))]
pub fn backend(problem: UnsolvedProblem, limit: Duration) -> Backend {
    use good_lp::WithTimeLimit;
    problem
        .using(good_lp::microlp)
        .with_time_limit(limit.as_secs_f64())
}

/// The problem handed to the backend, stopped after `limit`.
#[cfg(feature = "highs")]
pub fn backend(problem: UnsolvedProblem, limit: Duration) -> Backend {
    let mut p = problem
        .using(good_lp::highs)
        .set_threads(1)
        .set_time_limit(limit.as_secs_f64());
    p.set_verbose(false);
    p
}
