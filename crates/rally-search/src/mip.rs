//! The MIP backend, chosen in this one place for the exact models of `plan`
//! and `assign`: microlp (pure Rust) by default, HiGHS on one thread with the
//! `highs` feature. Both
//! stop on a count of branch-and-bound nodes, which is work and not time, so
//! a solve gives the same answer on any machine; the budget's deadline only
//! caps it (and is then recorded as a cut).

use crate::Budget;
use good_lp::solvers::Solution as _;
use good_lp::{Constraint, Expression, ProblemVariables, Variable};
use std::collections::HashMap;

/// Which way the objective goes.
#[derive(Debug, Clone, Copy)]
pub enum Sense {
    /// The lowest objective.
    Minimise,
    /// The highest objective.
    Maximise,
}

/// The values of a solved model and whether they are proven optimal.
pub struct Solved {
    values: HashMap<Variable, f64>,
    /// Whether the solver proved the values optimal.
    pub optimal: bool,
}

impl Solved {
    /// The value of a variable of the model.
    pub fn value(&self, v: Variable) -> f64 {
        self.values.value(v)
    }
}

/// Solves a model within `nodes` branch-and-bound nodes and the budget's
/// deadline; `None` when no solution was found.
pub fn solve(
    vars: ProblemVariables,
    sense: Sense,
    objective: Expression,
    constraints: Vec<Constraint>,
    nodes: u64,
    budget: &Budget,
) -> Option<Solved> {
    let order: Vec<Variable> = vars.iter_variables_with_def().map(|(v, _)| v).collect();
    let seconds = budget.remaining().map(|d| d.as_secs_f64());
    if seconds == Some(0.0) {
        budget.mark_cut();
        return None;
    }
    let unsolved = match sense {
        Sense::Minimise => vars.minimise(objective),
        Sense::Maximise => vars.maximise(objective),
    };
    run(unsolved, constraints, &order, nodes, seconds, budget)
}

#[cfg(not(feature = "highs"))]
fn run(
    unsolved: good_lp::variable::UnsolvedProblem,
    constraints: Vec<Constraint>,
    order: &[Variable],
    nodes: u64,
    seconds: Option<f64>,
    budget: &Budget,
) -> Option<Solved> {
    use good_lp::SolverModel;
    use microlp::TerminationReason;
    let mut problem = unsolved.using(good_lp::microlp);
    for c in constraints {
        problem.add_constraint(c);
    }
    let mut options = microlp::SolveOptions::default();
    options.node_limit = Some(nodes);
    options.time_limit = seconds.map(std::time::Duration::from_secs_f64);
    let outcome = problem.as_inner().solve_with(options).ok()?;
    if outcome.termination_reason() == TerminationReason::TimeLimit {
        budget.mark_cut();
    }
    let solution = outcome.into_solution().ok()?;
    let optimal = solution.termination_reason() == TerminationReason::ProvenOptimal;
    let values = order
        .iter()
        .zip(solution.iter())
        .map(|(&v, (_, x))| (v, x))
        .collect();
    Some(Solved { values, optimal })
}

#[cfg(feature = "highs")]
fn run(
    unsolved: good_lp::variable::UnsolvedProblem,
    constraints: Vec<Constraint>,
    order: &[Variable],
    nodes: u64,
    seconds: Option<f64>,
    budget: &Budget,
) -> Option<Solved> {
    use good_lp::{SolutionStatus, SolverModel};
    let mut problem = unsolved
        .using(good_lp::highs)
        .set_threads(1)
        .set_option("mip_max_nodes", i32::try_from(nodes).unwrap_or(i32::MAX));
    if let Some(s) = seconds {
        problem = problem.set_time_limit(s);
    }
    problem.set_verbose(false);
    for c in constraints {
        problem.add_constraint(c);
    }
    let solution = problem.solve().ok()?;
    let optimal = matches!(solution.status(), SolutionStatus::Optimal);
    if !optimal && budget.remaining().is_some_and(|d| d.is_zero()) {
        budget.mark_cut();
    }
    let values = order.iter().map(|&v| (v, solution.value(v))).collect();
    Some(Solved { values, optimal })
}
