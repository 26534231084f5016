//! The search on one part: construction, relocation of single sessions, then
//! large neighbourhoods (a territory, a territory's fortnight, a partner's
//! sessions) freed and re-placed by the exact model, then coverage repair.
//! Small parts are solved by the exact model whole, which proves optimality.
//! Anytime: it stops when its budget is spent (one unit per neighbourhood
//! re-placed, the exact model limited by nodes) or cut short by the clock,
//! with the best programme so far.

use crate::construct::{self, Needs};
use crate::coverage::{self, Cohort};
use crate::instance::Instance;
use crate::mip;
use crate::parts::Part;
use crate::programme::Programme;
use rally_model::Placement;
use rally_search::{Budget, Progress};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;

/// Binaries up to which a whole part goes to the exact model.
const WHOLE_PART_LIMIT: usize = 1500;
/// Binaries up to which a neighbourhood goes to the exact model.
const NEIGHBOURHOOD_LIMIT: usize = 600;
/// Branch-and-bound nodes for a solve of the whole part.
const WHOLE_NODES: u64 = 2000;
/// Branch-and-bound nodes for a solve of a neighbourhood.
const NEIGHBOURHOOD_NODES: u64 = 200;

/// The programme of a part and what is known of its optimum.
pub struct Solved {
    /// Where each of the part's placed sessions is.
    pub placed: BTreeMap<usize, Placement>,
    /// A lower bound on the part's penalty.
    pub lower_bound: Option<i64>,
    /// The part's penalty as the search keeps it, incrementally (asserted
    /// against the checker's in debug builds).
    pub cost: i64,
}

/// The search's view of a part: the programme and its full cost.
struct State<'i, 'm> {
    prog: Programme<'i, 'm>,
    coverage: i64,
}

impl State<'_, '_> {
    fn total(&self) -> i64 {
        self.prog.cost() + self.coverage
    }
}

/// Plans one part.
pub fn solve_part(
    instance: &Instance,
    part: &Part,
    index: usize,
    seed: u64,
    budget: &Budget,
    best: &Progress,
) -> Solved {
    let model = instance.model;
    let mut rng =
        ChaCha8Rng::seed_from_u64(seed ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let cohorts = coverage::cohorts(model, &part.members);
    let mut prog = Programme::new(instance, &part.sessions, &part.territories);
    construct::greedy(&mut prog, &cohorts, &mut rng);
    let mut state = State {
        coverage: coverage_of(&prog, &cohorts),
        prog,
    };
    best.report(index, state.total());
    let out_of_time = || budget.late();
    relocate(&mut state, &cohorts, &mut rng, &out_of_time);
    best.report(index, state.total());
    let linear_bound = crate::bound::linear(instance, part);
    let mut proven = None;
    let free: Vec<usize> = part
        .sessions
        .iter()
        .copied()
        .filter(|&s| instance.is_free(s))
        .collect();
    if state.prog.cost() > linear_bound && !out_of_time() {
        if binaries(instance, &free) <= WHOLE_PART_LIMIT {
            proven = whole(&mut state, &free, &cohorts, budget);
        } else {
            neighbourhoods(&mut state, part, &cohorts, &mut rng, budget, best, index);
        }
    }
    if state.coverage > 0 {
        crate::repair::repair_coverage(&mut state.prog, &cohorts, &out_of_time);
        state.coverage = coverage_of(&state.prog, &cohorts);
    }
    let offers = coverage::offers(&state.prog);
    let ok = coverage::certifiable(model, &cohorts, &offers);
    let suspects = cohorts
        .iter()
        .zip(&ok)
        .filter(|(_, ok)| !**ok)
        .map(|(c, _)| c);
    let bound =
        (linear_bound + crate::bound::coverage(instance, part, suspects)).max(proven.unwrap_or(0));
    best.report(index, state.total());
    let placed = part
        .sessions
        .iter()
        .filter_map(|&s| state.prog.at[s].map(|at| (s, at)))
        .collect();
    Solved {
        placed,
        lower_bound: Some(bound),
        cost: state.total(),
    }
}

/// The exact coverage term of a programme.
fn coverage_of(prog: &Programme, cohorts: &[Cohort]) -> i64 {
    let offers = coverage::offers(prog);
    coverage::cost(
        cohorts,
        &coverage::certifiable(prog.model(), cohorts, &offers),
    )
}

/// Binaries of the exact model for these sessions with nothing else placed (an upper estimate).
fn binaries(instance: &Instance, sessions: &[usize]) -> usize {
    let mut workshops: Vec<usize> = sessions
        .iter()
        .map(|&s| instance.model.sessions[s].workshop)
        .collect();
    workshops.dedup();
    workshops
        .iter()
        .map(|&w| instance.placements[w].len())
        .sum()
}

/// Moves single sessions to their best placement while that lowers the
/// linear terms without raising coverage.
fn relocate(
    state: &mut State,
    cohorts: &[Cohort],
    rng: &mut ChaCha8Rng,
    out_of_time: &dyn Fn() -> bool,
) {
    let mut order: Vec<usize> = state
        .prog
        .sessions
        .iter()
        .copied()
        .filter(|&s| state.prog.instance.is_free(s))
        .collect();
    order.shuffle(rng);
    loop {
        let mut improved = false;
        let needs = Needs::new(&state.prog, cohorts);
        for &s in &order {
            if out_of_time() {
                return;
            }
            let prog = &mut state.prog;
            let old = prog.at[s];
            let before = old.map_or(0, |_| prog.delta_remove(s));
            if old.is_some() {
                prog.remove(s);
            }
            match construct::best_placement(prog, &needs, s) {
                Some((d, at)) if before + d < 0 || (old.is_none() && d < 0) => {
                    prog.place(s, at);
                    improved = true;
                }
                _ => {
                    if let Some(at) = old {
                        prog.place(s, at);
                    }
                }
            }
        }
        if !improved {
            break;
        }
    }
    state.coverage = coverage_of(&state.prog, cohorts);
}

/// The whole part through the exact model; its bound when proven optimal.
fn whole(state: &mut State, free: &[usize], cohorts: &[Cohort], budget: &Budget) -> Option<i64> {
    budget.spend(1);
    let (mut candidate, optimal, relaxed) = resolve(state, free, cohorts, budget, WHOLE_NODES)?;
    let bound = (optimal && state.prog.instance.previous.iter().all(Option::is_none))
        .then(|| candidate.prog.cost() + relaxed);
    if candidate.coverage > relaxed {
        // The model's coverage is a necessary condition only: mend what it let through.
        let out_of_time = || budget.late();
        crate::repair::repair_coverage(&mut candidate.prog, cohorts, &out_of_time);
        candidate.coverage = coverage_of(&candidate.prog, cohorts);
    }
    if candidate.total() < state.total() {
        *state = candidate;
    }
    bound
}

/// Frees `free` and re-places them with the exact model: the new state,
/// whether proven optimal, and the coverage the model itself counted.
fn resolve<'i, 'm>(
    state: &State<'i, 'm>,
    free: &[usize],
    cohorts: &[Cohort],
    budget: &Budget,
    nodes: u64,
) -> Option<(State<'i, 'm>, bool, i64)> {
    let mut prog = state.prog.clone();
    for &s in free {
        if prog.at[s].is_some() {
            prog.remove(s);
        }
    }
    if budget.late() {
        return None;
    }
    let outcome = mip::solve(&prog, free, cohorts, nodes, budget)?;
    for (s, at) in outcome.placed {
        if prog.can_place(s, at) {
            prog.place(s, at);
        }
    }
    let coverage = coverage_of(&prog, cohorts);
    Some((State { prog, coverage }, outcome.optimal, outcome.coverage))
}

/// Large neighbourhoods re-placed by the exact model until none improves or time runs out.
fn neighbourhoods(
    state: &mut State,
    part: &Part,
    cohorts: &[Cohort],
    rng: &mut ChaCha8Rng,
    budget: &Budget,
    best: &Progress,
    index: usize,
) {
    let instance = state.prog.instance;
    let model = instance.model;
    let mut hoods: Vec<Vec<usize>> = Vec::new();
    let territory_of = |s: usize, prog: &Programme| -> Option<usize> {
        prog.at[s]
            .map(|at| model.venues[at.venue].territory)
            .or_else(|| {
                instance.placements[model.sessions[s].workshop]
                    .first()
                    .map(|p| model.venues[p.venue].territory)
            })
    };
    for &tau in &part.territories {
        let weeks = model.grid.weeks.len();
        for k in 0..weeks.saturating_sub(1).max(1) {
            let hood: Vec<usize> = part
                .sessions
                .iter()
                .copied()
                .filter(|&s| instance.is_free(s) && territory_of(s, &state.prog) == Some(tau))
                .filter(|&s| {
                    state.prog.at[s]
                        .is_none_or(|at| (k..k + 2).contains(&model.grid.week_of(at.period)))
                })
                .collect();
            hoods.push(hood);
        }
    }
    for o in 0..model.partners.len() {
        let hood: Vec<usize> = part
            .sessions
            .iter()
            .copied()
            .filter(|&s| instance.is_free(s) && model.workshop_of(s).organisers.contains(&o))
            .collect();
        if hood.len() > 1 {
            hoods.push(hood);
        }
    }
    hoods.retain(|h| !h.is_empty() && binaries(instance, h) <= NEIGHBOURHOOD_LIMIT);
    hoods.shuffle(rng);
    let mut stale = 0;
    let mut i = 0;
    while stale < hoods.len() && !hoods.is_empty() {
        if budget.exhausted() {
            return;
        }
        let hood = &hoods[i % hoods.len()];
        i += 1;
        budget.spend(1);
        match resolve(state, hood, cohorts, budget, NEIGHBOURHOOD_NODES) {
            Some((candidate, _, _)) if candidate.total() < state.total() => {
                *state = candidate;
                best.report(index, state.total());
                stale = 0;
            }
            _ => stale += 1,
        }
    }
}
