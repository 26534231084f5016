//! Random availabilities (docs/formats.md#availability) for each kind of
//! entity: generous ones, which keep workshops schedulable and most members
//! certifiable, and the narrower ones of tight editions.

use rally_model::types::{Availability, Rule};
use rand::seq::{IndexedRandom, SliceRandom};
use rand::Rng;

use crate::month::{Month, SLOTS, WEEKDAYS};
use crate::Random;

fn weekdays(days: &[&str]) -> Rule {
    Rule {
        weekdays: Some(days.iter().map(|d| d.to_string()).collect()),
        ..Rule::default()
    }
}

fn slot(slot: &str) -> Rule {
    Rule {
        slots: Some(vec![slot.to_string()]),
        ..Rule::default()
    }
}

fn range(from: Option<String>, to: Option<String>) -> Rule {
    Rule {
        from,
        to,
        ..Rule::default()
    }
}

fn only(rules: Vec<Rule>) -> Option<Availability> {
    Some(Availability {
        only: Some(rules),
        except: None,
    })
}

fn except(rules: Vec<Rule>) -> Option<Availability> {
    Some(Availability {
        only: None,
        except: Some(rules),
    })
}

/// `k` distinct opening dates, in order.
fn some_dates(rng: &mut Random, month: &Month, k: usize) -> Rule {
    let mut dates: Vec<String> = month
        .days
        .choose_multiple(rng, k)
        .map(|d| d.date.clone())
        .collect();
    dates.sort();
    Rule {
        dates: Some(dates),
        ..Rule::default()
    }
}

/// `len` consecutive opening days, as a from–to range.
fn leave(rng: &mut Random, month: &Month, len: usize) -> Rule {
    let first = rng.random_range(0..=month.days.len() - len);
    range(
        Some(month.days[first].date.clone()),
        Some(month.days[first + len - 1].date.clone()),
    )
}

/// All weekdays but one.
fn four_days(rng: &mut Random) -> Rule {
    let mut days = WEEKDAYS.to_vec();
    days.remove(rng.random_range(0..days.len()));
    weekdays(&days)
}

fn one_weekday(rng: &mut Random) -> &'static str {
    WEEKDAYS.choose(rng).expect("weekdays")
}

/// A partner: most are always there; the others miss a half-day a week, a
/// weekday, a few dates or a few days of leave.
pub(crate) fn partner(rng: &mut Random, month: &Month) -> Option<Availability> {
    match rng.random_range(0..20) {
        0..=8 => None,
        9..=11 => except(vec![Rule {
            slots: Some(vec![SLOTS[1].into()]),
            ..weekdays(&[one_weekday(rng)])
        }]),
        12..=13 => only(vec![four_days(rng)]),
        14..=15 => {
            let k = rng.random_range(2..=3);
            except(vec![some_dates(rng, month, k)])
        }
        16..=17 => {
            let len = rng.random_range(3..=5);
            except(vec![leave(rng, month, len)])
        }
        18 => only(vec![slot(SLOTS[0])]),
        _ => Some(Availability {
            only: Some(vec![four_days(rng)]),
            except: Some(vec![some_dates(rng, month, 1)]),
        }),
    }
}

/// Some `k` weekdays, in order.
fn some_weekdays(rng: &mut Random, k: usize) -> Rule {
    let mut days: Vec<&str> = WEEKDAYS.choose_multiple(rng, k).copied().collect();
    days.sort_by_key(|d| WEEKDAYS.iter().position(|w| w == d));
    weekdays(&days)
}

/// A partner of a tight edition: seven in ten give the rally one to three
/// weekdays; the others are as in a generous edition.
pub(crate) fn busy_partner(rng: &mut Random, month: &Month) -> Option<Availability> {
    if rng.random_bool(0.7) {
        let k = rng.random_range(1..=3);
        only(vec![some_weekdays(rng, k)])
    } else {
        partner(rng, month)
    }
}

/// A venue outside the seat: sometimes closed a weekday or a few dates.
pub(crate) fn venue(rng: &mut Random, month: &Month) -> Option<Availability> {
    match rng.random_range(0..10) {
        0..=6 => None,
        7 => except(vec![weekdays(&[one_weekday(rng)])]),
        8 => {
            let k = rng.random_range(1..=3);
            except(vec![some_dates(rng, month, k)])
        }
        _ => except(vec![Rule {
            slots: Some(vec![SLOTS[1].into()]),
            ..weekdays(&["fri"])
        }]),
    }
}

/// A workshop: most run any time; a few only in the mornings, from the second
/// week on, or not on a given weekday.
pub(crate) fn workshop(rng: &mut Random, month: &Month) -> Option<Availability> {
    match rng.random_range(0..20) {
        0..=15 => None,
        16 => only(vec![slot(SLOTS[0])]),
        17 => only(vec![range(Some(month.week_bounds(1).0), None)]),
        _ => except(vec![weekdays(&[one_weekday(rng)])]),
    }
}

/// A school class: set days of the week, or out on a work placement one week.
pub(crate) fn school_class(rng: &mut Random, month: &Month) -> Option<Availability> {
    match rng.random_range(0..5) {
        0..=1 => only(vec![weekdays(&["tue", "thu"])]),
        2 => only(vec![weekdays(&["mon", "tue", "thu", "fri"])]),
        3 => {
            let (from, to) = month.week_bounds(rng.random_range(0..month.weeks()));
            except(vec![range(Some(from), Some(to)), weekdays(&["wed"])])
        }
        _ => except(vec![Rule {
            slots: Some(vec![SLOTS[1].into()]),
            ..weekdays(&["wed", "fri"])
        }]),
    }
}

/// An insertion group: free most days.
pub(crate) fn insertion_group(rng: &mut Random) -> Option<Availability> {
    if rng.random_bool(0.5) {
        only(vec![weekdays(&["mon", "tue", "wed", "thu"])])
    } else {
        None
    }
}

/// A participant: every kind of rule (weekdays, dates, ranges, slots), each
/// leaving at least two weeks' worth of half-days.
pub(crate) fn participant(rng: &mut Random, month: &Month) -> Option<Availability> {
    match rng.random_range(0..20) {
        0..=7 => None,
        8..=9 => {
            let mut days = WEEKDAYS.to_vec();
            days.shuffle(rng);
            days.truncate(rng.random_range(3..=4));
            days.sort_by_key(|d| WEEKDAYS.iter().position(|w| w == d));
            only(vec![weekdays(&days)])
        }
        10..=11 => {
            let k = rng.random_range(2..=4);
            except(vec![some_dates(rng, month, k)])
        }
        12 => only(vec![range(Some(month.week_bounds(1).0), None)]),
        13 => only(vec![range(None, Some(month.week_bounds(2).1))]),
        14 => only(vec![range(
            Some(month.week_bounds(0).0),
            Some(month.week_bounds(2).1),
        )]),
        15 => only(vec![slot(SLOTS[rng.random_range(0..2)])]),
        16..=17 => except(vec![Rule {
            slots: Some(vec![SLOTS[rng.random_range(0..2)].into()]),
            ..weekdays(&[one_weekday(rng)])
        }]),
        18 => {
            let len = rng.random_range(3..=5);
            except(vec![leave(rng, month, len)])
        }
        _ => Some(Availability {
            only: Some(vec![weekdays(&["mon", "tue", "thu", "fri"])]),
            except: Some(vec![some_dates(rng, month, 2)]),
        }),
    }
}

/// A participant of a tight edition: two in three can only come one
/// weekday, the mornings of two weekdays, or during two weeks; the others are
/// as in a generous edition.
pub(crate) fn busy_participant(rng: &mut Random, month: &Month) -> Option<Availability> {
    match rng.random_range(0..9) {
        0..=1 => only(vec![some_weekdays(rng, 1)]),
        2..=3 => only(vec![Rule {
            slots: Some(vec![SLOTS[0].into()]),
            ..some_weekdays(rng, 2)
        }]),
        4..=5 => {
            let first = rng.random_range(0..month.weeks() - 1);
            only(vec![range(
                Some(month.week_bounds(first).0),
                Some(month.week_bounds(first + 1).1),
            )])
        }
        _ => participant(rng, month),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn availabilities_leave_enough_periods() {
        let mut rng = Random::seed_from_u64(7);
        let month = Month::pick(&mut rng);
        for _ in 0..500 {
            let free = |a: Option<Availability>| month.free(a.as_ref()).count_ones();
            assert!(free(partner(&mut rng, &month)) >= 18);
            assert!(free(venue(&mut rng, &month)) >= 30);
            assert!(free(workshop(&mut rng, &month)) >= 18);
            assert!(free(school_class(&mut rng, &month)) >= 14);
            assert!(free(insertion_group(&mut rng)) >= 28);
            assert!(free(participant(&mut rng, &month)) >= 18);
            assert!(free(busy_partner(&mut rng, &month)) >= 6);
            assert!(free(busy_participant(&mut rng, &month)) >= 6);
        }
    }
}
