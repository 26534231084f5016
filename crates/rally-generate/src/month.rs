//! The rally's month: its calendar, its opening days, and the periods an
//! availability leaves free, as a bit mask (bit `2 × day + slot`).

use chrono::{Datelike, NaiveDate};
use rally_model::types::{Availability, Calendar, Rule};
use rand::seq::IndexedRandom;

use crate::Random;

/// The two slots of every opening day, in order (the default slots of SPEC §2).
pub(crate) const SLOTS: [&str; 2] = ["morning", "afternoon"];

/// Weekday ids, Monday first.
pub(crate) const WEEKDAYS: [&str; 5] = ["mon", "tue", "wed", "thu", "fri"];

/// Four weeks of weekdays, each with its public holidays.
const MONTHS: [(&str, &str, &[&str]); 3] = [
    ("2026-03-30", "2026-04-24", &["2026-04-06"]),
    ("2027-03-08", "2027-04-02", &["2027-03-29"]),
    ("2025-04-07", "2025-05-02", &["2025-04-21", "2025-05-01"]),
];

/// An opening day.
pub(crate) struct Day {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// 0 for Monday.
    pub weekday: usize,
    /// Index of its calendar week in the month, from 0.
    pub week: usize,
}

/// The calendar of a generated edition and its opening days.
pub(crate) struct Month {
    pub calendar: Calendar,
    pub year: i32,
    pub days: Vec<Day>,
}

impl Month {
    /// One of four-week months with a public holiday, picked at random.
    pub fn pick(rng: &mut Random) -> Month {
        let &(start, end, closed) = MONTHS.choose(rng).expect("months are listed");
        let parse = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("valid date");
        let (first, last) = (parse(start), parse(end));
        let days = first
            .iter_days()
            .take_while(|d| *d <= last)
            .filter(|d| d.weekday().num_days_from_monday() < 5)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .filter(|d| !closed.contains(&d.as_str()))
            .map(|date| {
                let day = parse(&date);
                Day {
                    weekday: day.weekday().num_days_from_monday() as usize,
                    week: ((day - first).num_days() / 7) as usize,
                    date,
                }
            })
            .collect();
        Month {
            calendar: Calendar {
                start: start.into(),
                end: end.into(),
                weekdays: None,
                closed: closed.iter().map(|d| d.to_string()).collect(),
                slots: None,
            },
            year: first.year(),
            days,
        }
    }

    /// Number of calendar weeks.
    pub fn weeks(&self) -> usize {
        self.days.last().map_or(0, |d| d.week + 1)
    }

    /// The first and last opening dates of a week.
    pub fn week_bounds(&self, week: usize) -> (String, String) {
        let mut days = self.days.iter().filter(|d| d.week == week);
        let first = days.next().expect("every week has an opening day");
        let last = days.next_back().unwrap_or(first);
        (first.date.clone(), last.date.clone())
    }

    /// Every period.
    pub fn all(&self) -> u64 {
        (1u64 << (2 * self.days.len())) - 1
    }

    /// The periods of a week.
    pub fn week(&self, week: usize) -> u64 {
        self.select(|d, _| d.week == week)
    }

    /// The periods an availability leaves free (SPEC §3).
    pub fn free(&self, a: Option<&Availability>) -> u64 {
        let Some(a) = a else { return self.all() };
        self.select(|day, slot| {
            let matches = |r: &Rule| rule_matches(r, day, slot);
            a.only.as_ref().is_none_or(|o| o.iter().any(matches))
                && !a.except.iter().flatten().any(matches)
        })
    }

    /// Number of days with a free period in `mask`.
    pub fn free_days(&self, mask: u64) -> u32 {
        (0..self.days.len())
            .filter(|d| mask >> (2 * d) & 0b11 != 0)
            .count() as u32
    }

    fn select(&self, keep: impl Fn(&Day, usize) -> bool) -> u64 {
        let mut mask = 0;
        for (i, day) in self.days.iter().enumerate() {
            for slot in 0..SLOTS.len() {
                if keep(day, slot) {
                    mask |= 1 << (2 * i + slot);
                }
            }
        }
        mask
    }
}

fn rule_matches(r: &Rule, day: &Day, slot: usize) -> bool {
    r.dates.as_ref().is_none_or(|d| d.contains(&day.date))
        && r.from.as_ref().is_none_or(|f| day.date >= *f)
        && r.to.as_ref().is_none_or(|t| day.date <= *t)
        && r.weekdays
            .as_ref()
            .is_none_or(|w| w.iter().any(|x| x == WEEKDAYS[day.weekday]))
        && r.slots
            .as_ref()
            .is_none_or(|s| s.iter().any(|x| x == SLOTS[slot]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn months_have_four_weeks_and_a_holiday_off() {
        for seed in 0..20 {
            let m = Month::pick(&mut Random::seed_from_u64(seed));
            assert_eq!(m.weeks(), 4);
            assert!((18..=19).contains(&m.days.len()));
            assert!(m
                .calendar
                .closed
                .iter()
                .all(|c| m.days.iter().all(|d| d.date != *c)));
        }
    }

    #[test]
    fn free_periods_follow_the_rules() {
        let m = Month::pick(&mut Random::seed_from_u64(1));
        let a = Availability {
            only: Some(vec![Rule {
                weekdays: Some(vec!["tue".into()]),
                ..Rule::default()
            }]),
            except: Some(vec![Rule {
                slots: Some(vec!["afternoon".into()]),
                ..Rule::default()
            }]),
        };
        let free = m.free(Some(&a));
        let tuesdays = m.days.iter().filter(|d| d.weekday == 1).count() as u32;
        assert_eq!(free.count_ones(), tuesdays);
        assert_eq!(m.free(None).count_ones() as usize, 2 * m.days.len());
    }
}
