//! The terms of the penalty (SPEC §7, and §9 for re-planning), named once.

use serde::{Deserialize, Serialize};
use std::ops::{Index, IndexMut};

/// A term of the penalty. [`Term::ALL`] lists the terms of SPEC §7 in its
/// order; [`Term::REPLAN`] the two that re-planning adds (SPEC §9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Term {
    /// Per unscheduled session.
    Unscheduled,
    /// Per missing session of a theme in a territory's week.
    ThemeWeek,
    /// Per pair of sessions of one workshop on one date.
    SameDay,
    /// Per session over a territory's even share of a day.
    DailyLoad,
    /// × headcount, per member wanting a certificate no course can give.
    Coverage,
    /// × headcount, per member wanting a certificate its course does not give.
    Uncertified,
    /// × headcount, per theme such a member's course does not validate.
    ThemeMissing,
    /// Per wished workshop not attended.
    Wish,
    /// Per date a group attends.
    GroupDay,
    /// Per date a participant attends.
    ParticipantDay,
    /// Per minute of travel.
    TravelMinute,
    /// Per seat short of a workshop's minimum.
    Underfill,
    /// Per session moved from the published plan (SPEC §9, with `--from`).
    Moved,
    /// Per session added to or removed from a member's course (SPEC §9, with `--from`).
    Rerouted,
}

/// How many terms there are, re-planning ones included.
const COUNT: usize = 14;

impl Term {
    /// The terms of SPEC §7, in its order (those of `check --json`).
    pub const ALL: [Term; 12] = [
        Term::Unscheduled,
        Term::ThemeWeek,
        Term::SameDay,
        Term::DailyLoad,
        Term::Coverage,
        Term::Uncertified,
        Term::ThemeMissing,
        Term::Wish,
        Term::GroupDay,
        Term::ParticipantDay,
        Term::TravelMinute,
        Term::Underfill,
    ];

    /// The programme terms of SPEC §7: computed without courses.
    pub const PROGRAMME: [Term; 5] = [
        Term::Unscheduled,
        Term::ThemeWeek,
        Term::SameDay,
        Term::DailyLoad,
        Term::Coverage,
    ];

    /// The course terms of SPEC §7: computed only where the plan has courses.
    pub const COURSE: [Term; 7] = [
        Term::Uncertified,
        Term::ThemeMissing,
        Term::Wish,
        Term::GroupDay,
        Term::ParticipantDay,
        Term::TravelMinute,
        Term::Underfill,
    ];

    /// The terms re-planning adds (SPEC §9), present only with `--from`.
    pub const REPLAN: [Term; 2] = [Term::Moved, Term::Rerouted];

    /// Every term: [`Term::ALL`] then [`Term::REPLAN`].
    pub const EVERY: [Term; COUNT] = [
        Term::Unscheduled,
        Term::ThemeWeek,
        Term::SameDay,
        Term::DailyLoad,
        Term::Coverage,
        Term::Uncertified,
        Term::ThemeMissing,
        Term::Wish,
        Term::GroupDay,
        Term::ParticipantDay,
        Term::TravelMinute,
        Term::Underfill,
        Term::Moved,
        Term::Rerouted,
    ];

    /// The name of the term in files and reports (`travel_minute`).
    pub fn name(self) -> &'static str {
        match self {
            Term::Unscheduled => "unscheduled",
            Term::ThemeWeek => "theme_week",
            Term::SameDay => "same_day",
            Term::DailyLoad => "daily_load",
            Term::Coverage => "coverage",
            Term::Uncertified => "uncertified",
            Term::ThemeMissing => "theme_missing",
            Term::Wish => "wish",
            Term::GroupDay => "group_day",
            Term::ParticipantDay => "participant_day",
            Term::TravelMinute => "travel_minute",
            Term::Underfill => "underfill",
            Term::Moved => "moved",
            Term::Rerouted => "rerouted",
        }
    }

    /// The term of a name; `None` for a name that is not a term.
    pub fn from_name(name: &str) -> Option<Term> {
        Term::EVERY.into_iter().find(|t| t.name() == name)
    }

    /// The names of every term, for messages (`unscheduled, theme_week, …`).
    pub fn names() -> String {
        Term::EVERY.map(Term::name).join(", ")
    }

    /// The default weight (SPEC §7 and §9, in brackets there).
    pub fn default_weight(self) -> i64 {
        match self {
            Term::Unscheduled => 10000,
            Term::ThemeWeek => 100,
            Term::SameDay => 20,
            Term::DailyLoad => 2,
            Term::Coverage => 200,
            Term::Uncertified => 1000,
            Term::ThemeMissing => 100,
            Term::Wish => 10,
            Term::GroupDay => 30,
            Term::ParticipantDay => 10,
            Term::TravelMinute => 1,
            Term::Underfill => 5,
            Term::Moved => 300,
            Term::Rerouted => 40,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for Term {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One value per term (a weight, a penalty), indexed by [`Term`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Terms<T>([T; COUNT]);

impl<T: Default> Default for Terms<T> {
    fn default() -> Self {
        Terms(std::array::from_fn(|_| T::default()))
    }
}

impl<T> Terms<T> {
    /// The values given by `f` for each term.
    pub fn from_fn(mut f: impl FnMut(Term) -> T) -> Terms<T> {
        Terms(Term::EVERY.map(&mut f))
    }

    /// Each term with its value, in the order of [`Term::EVERY`].
    pub fn iter(&self) -> impl Iterator<Item = (Term, &T)> {
        Term::EVERY.into_iter().zip(self.0.iter())
    }
}

impl<T> Index<Term> for Terms<T> {
    type Output = T;
    fn index(&self, t: Term) -> &T {
        &self.0[t.index()]
    }
}

impl<T> IndexMut<Term> for Terms<T> {
    fn index_mut(&mut self, t: Term) -> &mut T {
        &mut self.0[t.index()]
    }
}

/// The weights of SPEC §7 and §9, with `rules.weights` applied.
pub type Weights = Terms<i64>;

impl Weights {
    /// The default weights.
    pub fn defaults() -> Weights {
        Terms::from_fn(Term::default_weight)
    }
}

impl Terms<i64> {
    /// Adds `value` to a term, saturating instead of wrapping.
    pub fn add(&mut self, t: Term, value: i64) {
        self[t] = self[t].saturating_add(value);
    }

    /// The sum of every term, saturating instead of wrapping.
    pub fn sum(&self) -> i64 {
        self.0.iter().fold(0i64, |a, &b| a.saturating_add(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_has_its_place_and_its_name_back() {
        for (i, t) in Term::EVERY.into_iter().enumerate() {
            assert_eq!(t.index(), i);
            assert_eq!(Term::from_name(t.name()), Some(t));
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.name()));
        }
        assert_eq!(Term::ALL[..], Term::EVERY[..Term::ALL.len()]);
        assert_eq!(
            [&Term::PROGRAMME[..], &Term::COURSE[..]].concat(),
            Term::ALL
        );
        assert_eq!(Term::from_name("travel"), None);
    }

    #[test]
    fn sums_saturate() {
        let mut p = Terms::<i64>::default();
        p.add(Term::Wish, i64::MAX);
        p.add(Term::Wish, 5);
        p.add(Term::Underfill, 7);
        assert_eq!((p[Term::Wish], p.sum()), (i64::MAX, i64::MAX));
    }
}
