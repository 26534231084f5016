//! How to run a search.

use crate::Budget;
use rally_model::replan::Replan;

/// How to run `plan`, `assign` or `solve` (SPEC §8–§9).
#[derive(Default, Clone)]
pub struct Options<'a> {
    /// Seeds every random choice: same seed, input and effort, same plan.
    pub seed: u64,
    /// When to stop (time limit, effort, cancel flag).
    pub budget: Budget,
    /// The published plan to stay close to, what has run and who came
    /// (`--from`, `--frozen-until`, `--attended`, SPEC §9).
    pub previous: Option<&'a Replan>,
    /// Called with the best penalty found so far.
    pub progress: Option<&'a (dyn Fn(i64) + Sync)>,
    /// Called with the certified headcount of the best plan so far, by the
    /// searches that hold courses (`solve`, once everyone is routed).
    pub certified: Option<&'a (dyn Fn(u64) + Sync)>,
}
