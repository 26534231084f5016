//! The improvement of a programme for its courses: where the routing leaves
//! people squeezed out by seats, the suggested extra session (workshop,
//! weekday, slot, venue) is made real by moving one of the workshop's
//! sessions there (an unscheduled one first, else its least attended), when
//! H5–H7 allow it; everyone is re-routed and the move is kept when the total
//! penalty drops. Each move tried costs one unit of effort.

use crate::score;
use rally_assign::board::Board;
use rally_assign::search::Found;
use rally_assign::Suggestion;
use rally_model::Placement;
use rally_plan::programme::Programme;
use rally_search::{Budget, Options};

/// Placements tried per suggestion.
const TRIES: usize = 2;

/// The best programme's courses and what was moved to get there.
pub struct Improved<'m> {
    /// What each member may attend on the best programme.
    pub board: Board<'m>,
    /// The courses on that board.
    pub found: Found,
    /// Sessions moved, in the order they were.
    pub moved: Vec<usize>,
    /// The total penalty ([`score::total`]).
    pub total: i64,
}

impl Improved<'_> {
    /// The checker's total of `prog` with these courses (for the assert mode).
    fn checked(&self, prog: &Programme) -> i64 {
        score::checked(prog, &self.board, &self.found.courses)
    }
}

/// Routes everyone through `prog`, then moves sessions while it pays and the
/// budget lasts; `prog` ends as the best programme found.
/// The best penalty and certified headcount go to `options`' callbacks.
pub fn run<'m>(
    prog: &mut Programme<'_, 'm>,
    seed: u64,
    budget: &Budget,
    options: &Options,
) -> Improved<'m> {
    let model = prog.model();
    let progress = options.progress;
    let certified = |best: &Improved| {
        if let Some(c) = options.certified {
            c(score::certified(model, &best.board, &best.found.courses));
        }
    };
    let (board, found) = rally_assign::route(model, &prog.at, seed, budget, progress);
    let mut best = Improved {
        total: score::total(prog, &board, &found.courses),
        board,
        found,
        moved: Vec::new(),
    };
    certified(&best);
    debug_assert_eq!(
        best.total,
        best.checked(prog),
        "solve's score is the checker's"
    );
    loop {
        let suggestions = rally_assign::explain::suggestions(&best.board, &best.found.courses);
        let mut improved = false;
        'suggestions: for suggestion in &suggestions {
            for (session, at) in moves(prog, &best, suggestion) {
                if budget.exhausted() {
                    return best;
                }
                budget.spend(1);
                let better = try_move(prog, session, at, |prog| {
                    let (board, found) = rally_assign::route(model, &prog.at, seed, budget, None);
                    let total = score::total(prog, &board, &found.courses);
                    if total >= best.total {
                        return false;
                    }
                    best.moved.push(session);
                    best = Improved {
                        board,
                        found,
                        total,
                        moved: std::mem::take(&mut best.moved),
                    };
                    debug_assert_eq!(total, best.checked(prog), "solve's score is the checker's");
                    certified(&best);
                    if let Some(p) = progress {
                        p(total);
                    }
                    true
                });
                if better {
                    improved = true;
                    break 'suggestions;
                }
            }
        }
        if !improved {
            return best;
        }
    }
}

/// Moves `session` to `to` when it may go there and `keep` accepts the
/// programme so moved; otherwise puts it back where it was. Whether it moved.
pub(crate) fn try_move<'i, 'm>(
    prog: &mut Programme<'i, 'm>,
    session: usize,
    to: Placement,
    keep: impl FnOnce(&Programme<'i, 'm>) -> bool,
) -> bool {
    let from = prog.at[session];
    if from.is_some() {
        prog.remove(session);
    }
    if prog.can_place(session, to) {
        prog.place(session, to);
        if keep(prog) {
            return true;
        }
        prog.remove(session);
    }
    if let Some(from) = from {
        prog.place(session, from);
    }
    false
}

/// Candidate moves for a suggestion: the workshop's unscheduled sessions,
/// then its scheduled ones from the least attended, to free placements at
/// the suggested weekday, slot and venue.
fn moves(prog: &Programme, best: &Improved, s: &Suggestion) -> Vec<(usize, Placement)> {
    let instance = prog.instance;
    let model = instance.model;
    let (w, weekday, slot, venue) = s.place;
    let free: Vec<Placement> = instance.placements[w]
        .iter()
        .copied()
        .filter(|p| p.venue == venue && model.grid.slot_of(p.period) == slot)
        .filter(|p| model.grid.weekday(model.grid.day_of(p.period)) == weekday)
        .filter(|&p| prog.occupant(p).is_none())
        .take(TRIES)
        .collect();
    let attendance = |session: usize| {
        best.found
            .courses
            .iter()
            .flatten()
            .filter(|&&o| best.board.offers[o].session == session)
            .count()
    };
    first_to_move(prog, w, attendance, &free)
}

/// Workshop `w`'s session to move first (one not scheduled, else the least
/// attended by `attendance`), paired with each of the `free` placements.
pub(crate) fn first_to_move(
    prog: &Programme,
    w: usize,
    attendance: impl Fn(usize) -> usize,
    free: &[Placement],
) -> Vec<(usize, Placement)> {
    let workshop = &prog.model().workshops[w];
    let mut sessions: Vec<(usize, usize)> = (workshop.first_session
        ..workshop.first_session + workshop.n_sessions)
        .filter(|&x| prog.instance.is_free(x))
        .map(|x| (prog.at[x].map_or(0, |_| 1 + attendance(x)), x))
        .collect();
    sessions.sort_unstable();
    sessions
        .into_iter()
        .take(1)
        .flat_map(|(_, x)| free.iter().map(move |&p| (x, p)))
        .collect()
}
