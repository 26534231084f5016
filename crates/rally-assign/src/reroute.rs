//! Courses when re-planning a published plan (SPEC §9): what has run stays
//! (OLD_PLAN's courses up to the frozen date, or the attendance), every
//! member keeps the rest of its course where the new programme still allows
//! it, and the search of [`crate::search`] starts from there on what is left
//! (themes not yet validated, days not yet used, sessions after DATE) with
//! `rerouted` in every course's cost: members with nothing (new ones) are
//! routed, and a course changes only where the penalty drops by more than
//! the changes cost (someone certified, a theme validated, a seat freed for
//! a late registration by moving someone to another session).

use crate::board::{Board, Previous};
use crate::search::{self, Start};
use crate::{headcount, AssignOutcome, Options};
use rally_check::changes::without_frozen;
#[cfg(debug_assertions)]
use rally_check::Penalty;
use rally_check::{Changes, Report, Resolved};
use rally_model::replan::{standings, Replan, Standing};
use rally_model::types::Course;
use rally_model::{Model, Plan, ThemeSet};
use std::collections::{BTreeSet, HashMap};

/// Rounds of dropping sessions that break C1–C4 before giving up on a course.
const ROUNDS: usize = 12;

/// Assigns courses on the programme of `plan`, staying close to `replan`:
/// the search starts from the courses kept and, apart, from nothing (every
/// course after DATE routed anew, `rerouted` priced); the checker's total,
/// `moved` and `rerouted` included, picks the better (the kept one on a tie).
pub fn reroute(model: &Model, plan: &Plan, replan: &Replan, options: &Options) -> AssignOutcome {
    reroute_from(model, plan, replan, options, &[Start::Kept, Start::Scratch])
}

/// As [`reroute`], with the searches started from each of `starts` (at
/// least one); the first wins a tie.
pub fn reroute_from(
    model: &Model,
    plan: &Plan,
    replan: &Replan,
    options: &Options,
    starts: &[Start],
) -> AssignOutcome {
    let mut programme = crate::programme_only(plan);
    programme.courses = Some(Vec::new());
    let ctx = Context::new(model, &programme, replan);
    let mut courses: Vec<Vec<String>> = (0..model.members.len()).map(|m| ctx.kept(m)).collect();
    ctx.make_feasible(&mut courses);
    let ran: Vec<Vec<String>> = courses
        .iter()
        .map(|c| c.iter().filter(|s| ctx.ran(s)).cloned().collect())
        .collect();
    let residual = ctx.residual(&ran);
    let mut board = Board::with_offers(&residual, ctx.offers_left(&residual));
    ctx.start_from(&mut board, &courses, &ran);
    // The assert mode: the checker's total of what ran alone, against which
    // the search's score of its courses is held (see `Context::judged`).
    #[cfg(debug_assertions)]
    let past = (
        rally_check::check_replan(model, &ctx.plan(&ran), Some(replan)).penalty,
        search::objective(&board, &vec![Vec::new(); model.members.len()]),
    );
    let mut best: Option<(Plan, Report, Vec<Vec<String>>)> = None;
    for &start in starts {
        let found = search::run_from(
            &board,
            start,
            options.seed,
            &options.budget,
            options.progress,
        );
        let mut courses: Vec<Vec<String>> = ran.clone();
        for (m, list) in found.courses.iter().enumerate() {
            courses[m].extend(
                list.iter()
                    .map(|&o| model.sessions[board.offers[o].session].id.clone()),
            );
        }
        #[cfg(debug_assertions)]
        ctx.judged(&courses, &found, &past);
        ctx.make_feasible(&mut courses);
        let out = ctx.plan(&courses);
        let report = rally_check::check_replan(model, &out, Some(replan));
        if best
            .as_ref()
            .is_none_or(|(_, r, _)| report.penalty.total < r.penalty.total)
        {
            best = Some((out, report, courses));
        }
    }
    let (mut out, mut report, courses) = best.expect("a start");
    // OLD_PLAN's own bytes when nothing differs; changes count only after
    // DATE, so the courses are compared too (a missed session that ran).
    let same = out.courses == replan.old.courses && same_programme(&out, &replan.old);
    if same && Changes::new(model, &out, replan).is_empty() {
        out = replan.old.clone();
        report = rally_check::check_replan(model, &out, Some(replan));
    }
    if out.penalty.is_none() {
        out.penalty = Some(report.penalty.to_map());
    }
    let full = Board::new(model, &out);
    let offer_of: HashMap<usize, usize> = full
        .offers
        .iter()
        .enumerate()
        .map(|(i, o)| (o.session, i))
        .collect();
    let chosen: Vec<Vec<usize>> = courses
        .iter()
        .map(|c| {
            c.iter()
                .filter_map(|s| model.session(s).and_then(|x| offer_of.get(&x).copied()))
                .collect()
        })
        .collect();
    let (left_out, suggestions) = crate::explain::left_out(&full, &report, &chosen);
    let wanting = headcount(model, |m| model.members[m].certificate);
    AssignOutcome {
        plan: out,
        penalty: report.penalty,
        programme_valid: rally_check::check_replan(
            model,
            &crate::programme_only(plan),
            Some(replan),
        )
        .valid,
        certified: headcount(model, |m| report.members[m].certified),
        upper_bound: wanting.people(),
        wanting,
        optimal: false,
        left_out,
        suggestions,
        elapsed: options.budget.elapsed(),
    }
}

/// Whether two plans have the same sessions, each where it was, and the same unscheduled ones.
fn same_programme(a: &Plan, b: &Plan) -> bool {
    standings(a) == standings(b)
}

/// The new programme and the published plan, side by side.
struct Context<'a> {
    model: &'a Model,
    replan: &'a Replan,
    programme: &'a Plan,
    /// The new programme's sessions by id.
    now: HashMap<&'a str, Standing>,
    /// OLD_PLAN's sessions by id.
    before: HashMap<&'a str, Standing>,
    /// OLD_PLAN's course of each member, by member id.
    old_courses: HashMap<&'a str, &'a Course>,
    /// Index of each scheduled session in the programme (period order).
    order: HashMap<&'a str, usize>,
}

impl<'a> Context<'a> {
    fn new(model: &'a Model, programme: &'a Plan, replan: &'a Replan) -> Context<'a> {
        let mut old_courses = HashMap::new();
        for c in replan.old.courses.iter().flatten() {
            old_courses.entry(c.member.as_str()).or_insert(c);
        }
        Context {
            model,
            replan,
            programme,
            now: standings(programme),
            before: standings(&replan.old),
            old_courses,
            order: programme
                .sessions
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.as_str(), i))
                .collect(),
        }
    }

    /// Whether a session is scheduled in the new programme on or before DATE.
    fn ran(&self, session: &str) -> bool {
        self.replan
            .is_frozen_date(self.now.get(session).and_then(Standing::date))
    }

    /// Whether the new programme schedules a session.
    fn scheduled(&self, session: &str) -> bool {
        matches!(self.now.get(session), Some(Standing::Placed { .. }))
    }

    /// What a member keeps: what it attended up to DATE, then the rest of its
    /// OLD_PLAN course that the programme still schedules after DATE.
    fn kept(&self, m: usize) -> Vec<String> {
        let id = self.model.members[m].id.as_str();
        let mut out: Vec<String> = self
            .replan
            .frozen_course(id)
            .into_iter()
            .filter(|s| self.scheduled(s))
            .collect();
        for s in self
            .old_courses
            .get(id)
            .map_or(&[][..], |c| &c.sessions[..])
        {
            let was_run = self
                .replan
                .is_frozen_date(self.before.get(s.as_str()).and_then(Standing::date));
            if !was_run && self.scheduled(s) && !self.ran(s) && !out.contains(s) {
                out.push(s.clone());
            }
        }
        out
    }

    fn themes(&self, course: &[String]) -> ThemeSet {
        course
            .iter()
            .filter_map(|s| self.model.session(s))
            .fold(0, |t, s| t | self.model.workshop_of(s).themes)
    }

    /// The edition as the re-routing search sees it: a member needs only
    /// the themes it has not validated in the sessions that ran, the wishes
    /// it has not attended and the days it has left.
    fn residual(&self, ran: &[Vec<String>]) -> Model {
        let model = self.model;
        let mut rm = model.clone();
        for (member, course) in rm.members.iter_mut().zip(ran) {
            let sessions: Vec<usize> = course.iter().filter_map(|s| model.session(s)).collect();
            member.themes &= !self.themes(course);
            member
                .wishes
                .retain(|w| !sessions.iter().any(|&s| model.sessions[s].workshop == *w));
            let days: BTreeSet<_> = course
                .iter()
                .filter_map(|s| self.now.get(s.as_str()).and_then(Standing::date))
                .collect();
            member.max_days = member.max_days.map(|d| d.saturating_sub(days.len() as u32));
            if member.max_days == Some(0) {
                member.available.clear();
            }
        }
        rm
    }

    /// The programme's offers after DATE.
    fn offers_left(&self, residual: &Model) -> Vec<rally_check::Offer> {
        Resolved::new(residual, self.programme)
            .offers
            .into_iter()
            .filter(|o| !self.ran(&self.model.sessions[o.session].id))
            .collect()
    }

    /// Where the search starts: each member's published course after DATE
    /// and what it keeps of it, as offers; a member may attend what it keeps,
    /// and no second session of a workshop it attended.
    fn start_from(&self, board: &mut Board, courses: &[Vec<String>], ran: &[Vec<String>]) {
        let offer_of: HashMap<&str, usize> = board
            .offers
            .iter()
            .enumerate()
            .map(|(i, o)| (self.model.sessions[o.session].id.as_str(), i))
            .collect();
        let offers = |list: &mut dyn Iterator<Item = &String>| -> Vec<usize> {
            let mut out: Vec<usize> = list
                .filter_map(|s| offer_of.get(s.as_str()).copied())
                .collect();
            out.sort_unstable();
            out.dedup();
            out
        };
        let mut previous = Previous::default();
        for (m, course) in courses.iter().enumerate() {
            let id = self.model.members[m].id.as_str();
            let old = self
                .old_courses
                .get(id)
                .map_or(&[][..], |c| &c.sessions[..]);
            previous.old.push(offers(&mut old.iter()));
            let kept = offers(&mut course.iter());
            let attended: Vec<usize> = ran[m]
                .iter()
                .filter_map(|s| self.model.session(s))
                .map(|s| self.model.sessions[s].workshop)
                .collect();
            let usable = &mut board.usable[m];
            usable.retain(|&o| !attended.contains(&board.offers[o].workshop));
            usable.extend(&kept);
            usable.sort_unstable();
            usable.dedup();
            previous.kept.push(kept);
        }
        board.previous = Some(previous);
    }

    /// Drops sessions that break C1–C4 from the courses, never one that ran:
    /// for seats, the last listed attendees; otherwise the last session named.
    fn make_feasible(&self, courses: &mut [Vec<String>]) {
        for round in 0..ROUNDS {
            let mut plan = self.programme.clone();
            plan.courses = Some(self.write(courses));
            let r = Resolved::new(self.model, &plan);
            let found = rally_check::rules::violations(self.model, &self.model.grid, &plan, &r);
            let found: Vec<_> = without_frozen(found, &plan, self.replan)
                .into_iter()
                .filter(|v| v.rule.starts_with('C'))
                .collect();
            if found.is_empty() {
                return;
            }
            for v in found {
                let members: Vec<usize> = v
                    .members
                    .iter()
                    .filter_map(|m| self.model.member(m))
                    .collect();
                if v.rule == "C3" {
                    self.free_seats(courses, &v.sessions[0], &members);
                    continue;
                }
                for m in members {
                    let named: Vec<&String> = if v.sessions.is_empty() {
                        courses[m].iter().collect()
                    } else {
                        v.sessions.iter().collect()
                    };
                    let movable: Vec<String> = named
                        .into_iter()
                        .filter(|s| !self.ran(s))
                        .cloned()
                        .collect();
                    // Late rounds drop every session named, so that the loop ends.
                    let drop: Vec<String> = if round + 2 >= ROUNDS {
                        movable
                    } else {
                        movable.last().cloned().into_iter().collect()
                    };
                    courses[m].retain(|s| !drop.contains(s));
                }
            }
        }
    }

    /// Removes a session from the last of its attendees until its seats hold them.
    fn free_seats(&self, courses: &mut [Vec<String>], session: &str, members: &[usize]) {
        if self.ran(session) {
            return;
        }
        let Some(s) = self.model.session(session) else {
            return;
        };
        let venue = match self.now.get(session) {
            Some(Standing::Placed { venue, .. }) => self.model.venue(venue),
            _ => None,
        };
        let Some(venue) = venue else { return };
        let cap = self
            .model
            .capacity_at(self.model.sessions[s].workshop, venue);
        let mut taken: u32 = members
            .iter()
            .map(|&m| self.model.members[m].headcount)
            .sum();
        for &m in members.iter().rev() {
            if taken <= cap {
                break;
            }
            courses[m].retain(|x| x != session);
            taken -= self.model.members[m].headcount;
        }
    }

    /// The new programme with these courses, without a penalty.
    fn plan(&self, courses: &[Vec<String>]) -> Plan {
        let mut out = self.programme.clone();
        out.courses = Some(self.write(courses));
        out.penalty = None;
        out
    }

    /// The assert mode: what the search's score of its courses adds to that
    /// of nothing after DATE is what the checker's total (`moved` and
    /// `rerouted` included) adds to that of the courses of what ran alone
    /// (`past`: that total, and the search's score of empty courses). The
    /// search works on the residual edition, so the two differ by terms
    /// only the past sets.
    #[cfg(debug_assertions)]
    fn judged(&self, courses: &[Vec<String>], found: &search::Found, past: &(Penalty, i64)) {
        let total =
            rally_check::check_replan(self.model, &self.plan(courses), Some(self.replan)).penalty;
        debug_assert_eq!(
            total.total - past.0.total,
            found.objective - past.1,
            "the re-plan's search score differs from the checker's: {total:?} against \
             what ran alone {:?}",
            past.0
        );
    }

    /// The plan's courses: a member whose sessions are OLD_PLAN's keeps its
    /// entry byte for byte; the others list what ran, then the rest in
    /// period order.
    fn write(&self, courses: &[Vec<String>]) -> Vec<Course> {
        let mut out = Vec::new();
        for (m, course) in courses.iter().enumerate() {
            let id = &self.model.members[m].id;
            match self.old_courses.get(id.as_str()) {
                Some(old) if set(&old.sessions) == set(course) => out.push((*old).clone()),
                _ if course.is_empty() => {}
                _ => {
                    let mut sessions = course.clone();
                    sessions.sort_by_key(|s| self.order.get(s.as_str()).copied());
                    out.push(Course {
                        member: id.clone(),
                        sessions,
                    });
                }
            }
        }
        out
    }
}

fn set(list: &[String]) -> BTreeSet<&str> {
    list.iter().map(String::as_str).collect()
}
