#![warn(missing_docs)]
//! The job rally model: the files of SPEC §4–§5, their validation, and the
//! compiled view (time grid, availability sets, travel times, sessions and
//! their feasible placements) that the checker and the solvers share.
//!
//! - [`types`]: the edition and plan files as serde types.
//! - [`load`]: reading JSON with the path of the first bad field.
//! - [`validate`]: every problem of an edition, then the compiled [`Model`].
//! - [`limits`]: the largest values an edition may hold.
//! - [`plan_refs`]: a plan's names checked against an edition.
//! - [`model`]: the compiled edition and its placement rules (H1–H4).
//! - `rules`: the rules of SPEC §6 that the checker and the solvers share.
//! - `terms`: the terms of the penalty and their weights (SPEC §7, §9).
//! - [`calendar`], `availability`, `travel`: time, availability, roads.
//! - [`replan`]: a published plan, the frozen date and attendance (SPEC §9).
//! - `error`: input errors named by JSON path.

mod availability;
pub mod calendar;
mod error;
pub mod limits;
pub mod load;
pub mod model;
pub mod placement;
pub mod plan_refs;
pub mod replan;
mod rules;
mod terms;
mod travel;
pub mod types;
pub mod validate;

pub use availability::PeriodSet;
pub use error::{InputError, LoadError};
pub use model::{Member, Model, Placement, ThemeSet, PROFILES};
pub use rules::Barrier;
pub use terms::{Term, Terms, Weights};
pub use types::{Edition, Plan};

use std::path::Path;

/// Parses and validates edition text: every rule of SPEC §4 but H5–H7
/// between pins, which `rally_check::parse_edition` (the door the tools
/// use) keeps too.
pub fn parse_edition(text: &str) -> Result<Model, Vec<InputError>> {
    let edition: Edition = load::parse_json(text, "").map_err(|e| vec![e])?;
    validate::compile(edition)
}

/// Reads, parses and validates an edition file (`-` for standard input).
pub fn load_edition(path: &Path) -> Result<Model, LoadError> {
    let text = load::read_source(path)?;
    parse_edition(&text).map_err(|errors| LoadError::Invalid {
        file: path.display().to_string(),
        errors,
    })
}

/// Reads and parses a plan file (`-` for standard input); paths start with `plan: `.
pub fn load_plan(path: &Path) -> Result<Plan, LoadError> {
    load::load_json(path, "plan: ")
}

#[cfg(test)]
pub(crate) mod test_edition;
