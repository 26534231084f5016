//! The total penalty of SPEC §7 on indices, for the search to compare plans
//! without writing them: the programme's linear terms as
//! [`Programme::cost`] keeps them, `coverage` from the checker's reach of
//! every member, and the course terms below. The tests hold it to the
//! checker's penalty of the same plan.

use rally_assign::board::Board;
use rally_check::penalty::{self, Penalty};
use rally_model::Model;
use rally_plan::programme::Programme;
use std::collections::BTreeMap;

/// The total penalty of a programme and the courses on it (board offers per member).
pub fn total(prog: &Programme, board: &Board, courses: &[Vec<usize>]) -> i64 {
    let model = board.model;
    prog.cost() + rally_check::coverage(model, &board.reach) + course_terms(board, courses)
}

/// The course terms of SPEC §7 (`uncertified`, `theme_missing`, `wish`, the
/// day terms, `travel_minute`, `underfill`), weighted, for courses given as
/// board offers per member: the checker's own rules, applied on indices.
pub fn course_terms(board: &Board, courses: &[Vec<usize>]) -> i64 {
    let model = board.model;
    let mut attending = vec![0u32; board.offers.len()];
    let mut total = 0i64;
    for (m, course) in courses.iter().enumerate() {
        for &o in course {
            attending[o] += model.members[m].headcount;
        }
        total = total.saturating_add(member_terms(board, m, course));
    }
    attending
        .iter()
        .enumerate()
        .fold(total, |t, (o, &n)| t.saturating_add(underfill(board, o, n)))
}

/// One member's course terms, weighted: all but `underfill`, which
/// belongs to the sessions ([`underfill`]).
pub fn member_terms(board: &Board, m: usize, course: &[usize]) -> i64 {
    let model = board.model;
    let themes = model.validated(course.iter().map(|&o| board.offers[o].workshop));
    let mut days: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for &o in course {
        let offer = &board.offers[o];
        days.entry(model.grid.day_of(offer.at.period))
            .or_default()
            .push((offer.start as usize, offer.at.venue));
    }
    let attends = |wk: usize| course.iter().any(|&o| board.offers[o].workshop == wk);
    let mut p = Penalty::default();
    penalty::member_terms(model, m, themes, attends, days.into_values(), &mut p);
    p.with_total().total
}

/// The weighted `underfill` of board offer `o` with `attending` people.
pub fn underfill(board: &Board, o: usize, attending: u32) -> i64 {
    penalty::underfill(board.model, board.offers[o].workshop, i64::from(attending))
}

/// The certified headcount of courses given as board offers per member.
pub fn certified(model: &Model, board: &Board, courses: &[Vec<usize>]) -> u64 {
    courses
        .iter()
        .enumerate()
        .filter(|(m, c)| {
            let member = &model.members[*m];
            let got = model.validated(c.iter().map(|&o| board.offers[o].workshop));
            member.certificate && member.certified_by(got)
        })
        .map(|(m, _)| u64::from(model.members[m].headcount))
        .sum()
}

/// The checker's total penalty of the same programme and courses, written as
/// a plan: what [`total`] must equal (asserted in debug builds, the assert mode).
pub fn checked(prog: &Programme, board: &Board, courses: &[Vec<usize>]) -> i64 {
    let model = board.model;
    let mut plan = rally_plan::to_plan(prog.instance, &prog.at);
    let sessions: Vec<Vec<usize>> = courses
        .iter()
        .map(|c| c.iter().map(|&o| board.offers[o].session).collect())
        .collect();
    plan.courses = Some(rally_assign::plan_courses(model, &sessions));
    rally_check::check(model, &plan).penalty.total
}
