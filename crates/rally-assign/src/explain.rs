//! Who is left out and why: members the checker finds uncertifiable whatever
//! the seats (its `why`), and members squeezed out by seats, with the full
//! sessions their best course would need. Those sessions, counted by
//! workshop, weekday, slot and venue, say which extra session would help.

use crate::board::Board;
use crate::course::{self, Ctx, Leeway};
use crate::search::Assignment;
use rally_check::Report;
use rally_model::Term;
use std::collections::BTreeMap;
use std::fmt;

/// A member that wants a certificate and does not get one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The member's id.
    pub member: String,
    /// A group rather than a participant.
    pub is_group: bool,
    /// People it stands for.
    pub headcount: u32,
    /// False when no course could certify it even with every seat free.
    pub certifiable: bool,
    /// The checker's reasons, or the full sessions it would need.
    pub why: String,
}

/// One more session of a workshop at a weekday, slot and venue, and whom it
/// would let in (at most its seats).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The same by index, for the solvers: workshop, weekday (0 = Monday),
    /// slot of the calendar, venue.
    pub place: Where,
    /// The workshop's id.
    pub workshop: String,
    /// The weekday's name.
    pub weekday: String,
    /// The slot's id.
    pub slot: String,
    /// The venue's name.
    pub venue: String,
    /// Participants it would certify.
    pub participants: u64,
    /// Groups it would certify.
    pub groups: u64,
}

impl fmt::Display for Suggestion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut whom = Vec::new();
        if self.participants > 0 {
            whom.push(plural(self.participants, "participant"));
        }
        if self.groups > 0 {
            whom.push(plural(self.groups, "group"));
        }
        write!(
            f,
            "one more session of {} on a {} {} at {} would certify up to {} more",
            self.workshop,
            self.weekday,
            self.slot,
            self.venue,
            whom.join(" and ")
        )
    }
}

fn plural(n: u64, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Workshop, weekday, slot and venue of a wanted session.
pub type Where = (usize, usize, usize, usize);
/// Participants and groups that want it, and its seats.
type Whom = (u64, u64, u32);

/// Suggestions kept, best first.
const MAX_SUGGESTIONS: usize = 5;

/// Members left uncertified with their reasons, and the extra sessions that would help most.
pub fn left_out(
    board: &Board,
    report: &Report,
    courses: &[Vec<usize>],
) -> (Vec<LeftOut>, Vec<Suggestion>) {
    let model = board.model;
    let mut out = Vec::new();
    let (wanted, squeezed) = squeezed(board, courses, |m| report.members[m].certified);
    for (m, member) in model.members.iter().enumerate() {
        let r = &report.members[m];
        if !member.certificate || r.certified {
            continue;
        }
        let why = if !r.certifiable {
            r.why.clone()
        } else {
            match squeezed.get(&m) {
                Some(names) if !names.is_empty() => format!(
                    "squeezed out by seats: its best course needs {}, which are full",
                    names.join(", ")
                ),
                _ => "squeezed out by seats: the sessions it needs are taken".to_string(),
            }
        };
        out.push(LeftOut {
            member: member.id.clone(),
            is_group: member.is_group,
            headcount: member.headcount,
            certifiable: r.certifiable,
            why,
        });
    }
    (out, best(model, wanted))
}

/// The extra sessions that would help most, from the courses alone (board
/// offer indices per member), without the checker's report.
pub fn suggestions(board: &Board, courses: &[Vec<usize>]) -> Vec<Suggestion> {
    let model = board.model;
    let certified = |m: usize| {
        let got = model.validated(courses[m].iter().map(|&o| board.offers[o].workshop));
        model.members[m].certified_by(got)
    };
    best(model, squeezed(board, courses, certified).0)
}

/// Members left out on seats: the full sessions each one's best course
/// would need (by name) and, counted by place, those sessions.
fn squeezed(
    board: &Board,
    courses: &[Vec<usize>],
    certified: impl Fn(usize) -> bool,
) -> (BTreeMap<Where, Whom>, BTreeMap<usize, Vec<String>>) {
    let model = board.model;
    let mut wanted: BTreeMap<Where, Whom> = BTreeMap::new();
    let mut squeezed = BTreeMap::new();
    for part in board.parts() {
        let ctx = Ctx { board, part: &part };
        let mut a = Assignment::new(&ctx);
        for (lm, &m) in part.members.iter().enumerate() {
            let local = courses[m]
                .iter()
                .map(|o| part.offers.binary_search(o).expect("offer of the part"));
            a.put(&ctx, lm, local.collect());
        }
        for (lm, &m) in part.members.iter().enumerate() {
            let member = &model.members[m];
            if !member.certificate || certified(m) || !board.reach[m].certifiable {
                continue;
            }
            let old = a.take(&ctx, lm);
            let overbook = model.weights[Term::Uncertified] * member.headcount as i64 / 4 + 1;
            let rule = Leeway {
                forbidden: &[],
                overbook: Some(overbook),
                partial: false,
            };
            let relaxed = course::best(&ctx, lm, &a.load, rule);
            let full: Vec<usize> = relaxed
                .offers
                .iter()
                .copied()
                .filter(|&o| a.load[o] + member.headcount > ctx.capacity(o))
                .collect();
            for &o in &full {
                let offer = ctx.offer(o);
                let key = (
                    offer.workshop,
                    model.grid.weekday(ctx.day(o)),
                    model.grid.slot_of(offer.at.period),
                    offer.at.venue,
                );
                let e = wanted.entry(key).or_insert((0, 0, offer.capacity));
                if member.is_group {
                    e.1 += 1;
                } else {
                    e.0 += 1;
                }
            }
            let names: Vec<String> = full
                .iter()
                .map(|&o| {
                    format!(
                        "{} ({})",
                        model.sessions[ctx.offer(o).session].id,
                        model.grid.label(ctx.offer(o).at.period)
                    )
                })
                .collect();
            squeezed.insert(m, names);
            a.put(&ctx, lm, old);
        }
    }
    (wanted, squeezed)
}

/// The best suggestions of the wanted places, best first.
fn best(model: &rally_model::Model, wanted: BTreeMap<Where, Whom>) -> Vec<Suggestion> {
    let mut suggestions: Vec<Suggestion> = wanted
        .into_iter()
        .map(
            |((w, weekday, slot, venue), (participants, groups, seats))| {
                let groups = groups.min(1);
                let participants = participants.min(seats as u64);
                Suggestion {
                    place: (w, weekday, slot, venue),
                    workshop: model.workshops[w].id.clone(),
                    weekday: weekday_name(weekday),
                    slot: model.grid.slots[slot].id.clone(),
                    venue: model.venues[venue].name.clone(),
                    participants,
                    groups,
                }
            },
        )
        .collect();
    suggestions.sort_by_key(|s| std::cmp::Reverse(s.participants + 24 * s.groups));
    suggestions.truncate(MAX_SUGGESTIONS);
    suggestions
}

/// The English name of a weekday (0 = Monday).
pub(crate) fn weekday_name(i: usize) -> String {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ][i]
        .to_string()
}
