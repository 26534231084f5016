//! Availability rules (SPEC §3) evaluated once into a set of periods.

use crate::calendar::Grid;
use chrono::NaiveDate;
use fixedbitset::FixedBitSet;

/// A set of periods, one bit each.
pub type PeriodSet = FixedBitSet;

/// A checked availability rule: `None` fields match everything.
#[derive(Debug, Clone, Default)]
pub struct CheckedRule {
    /// These dates only.
    pub dates: Option<Vec<NaiveDate>>,
    /// From this date on.
    pub from: Option<NaiveDate>,
    /// Up to this date.
    pub to: Option<NaiveDate>,
    /// These weekdays only (0 = Monday).
    pub weekdays: Option<Vec<usize>>,
    /// These slot ids only.
    pub slots: Option<Vec<String>>,
}

impl CheckedRule {
    fn matches(&self, grid: &Grid, period: usize) -> bool {
        let day = grid.day_of(period);
        let date = grid.days[day];
        self.dates.as_ref().is_none_or(|d| d.contains(&date))
            && self.from.is_none_or(|f| date >= f)
            && self.to.is_none_or(|t| date <= t)
            && self
                .weekdays
                .as_ref()
                .is_none_or(|w| w.contains(&grid.weekday(day)))
            && self
                .slots
                .as_ref()
                .is_none_or(|s| s.iter().any(|id| *id == grid.slot_time(period).id))
    }
}

/// A checked availability: `only` (none = always) minus `except`.
#[derive(Debug, Clone, Default)]
pub struct CheckedAvailability {
    /// When present, the periods one of these rules matches.
    pub only: Option<Vec<CheckedRule>>,
    /// Periods one of these rules matches are taken out.
    pub except: Vec<CheckedRule>,
}

impl CheckedAvailability {
    /// The periods in which the entity is available.
    pub fn periods(&self, grid: &Grid) -> PeriodSet {
        let n = grid.n_periods();
        let mut set = PeriodSet::with_capacity(n);
        for p in 0..n {
            let allowed = self
                .only
                .as_ref()
                .is_none_or(|o| o.iter().any(|r| r.matches(grid, p)));
            if allowed && !self.except.iter().any(|r| r.matches(grid, p)) {
                set.insert(p);
            }
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{parse_date, SlotTime};

    fn grid() -> Grid {
        let slots = vec![
            SlotTime {
                id: "morning".into(),
                start: 540,
                end: 720,
            },
            SlotTime {
                id: "afternoon".into(),
                start: 840,
                end: 1020,
            },
        ];
        // Tue 1 March to Mon 7 March 2016, weekdays only: 1,2,3,4,7 → 10 periods.
        Grid::new(
            parse_date("2016-03-01").unwrap(),
            parse_date("2016-03-07").unwrap(),
            &[0, 1, 2, 3, 4],
            &[],
            slots,
        )
    }

    fn list(set: &PeriodSet) -> Vec<usize> {
        set.ones().collect()
    }

    #[test]
    fn missing_availability_is_always() {
        let g = grid();
        assert_eq!(
            list(&CheckedAvailability::default().periods(&g)),
            (0..10).collect::<Vec<_>>()
        );
    }

    #[test]
    fn only_weekdays_except_an_afternoon() {
        let g = grid();
        let a = CheckedAvailability {
            only: Some(vec![CheckedRule {
                weekdays: Some(vec![1, 3]),
                ..Default::default()
            }]),
            except: vec![CheckedRule {
                weekdays: Some(vec![3]),
                slots: Some(vec!["afternoon".into()]),
                ..Default::default()
            }],
        };
        // Tue 1 (periods 0, 1) and Thu 3 morning (period 4).
        assert_eq!(list(&a.periods(&g)), vec![0, 1, 4]);
    }

    #[test]
    fn date_ranges_are_inclusive_and_may_be_open() {
        let g = grid();
        let a = CheckedAvailability {
            only: Some(vec![CheckedRule {
                from: parse_date("2016-03-03"),
                ..Default::default()
            }]),
            except: vec![CheckedRule {
                dates: Some(vec![parse_date("2016-03-07").unwrap()]),
                ..Default::default()
            }],
        };
        assert_eq!(list(&a.periods(&g)), vec![4, 5, 6, 7]);
        let b = CheckedAvailability {
            only: Some(vec![
                CheckedRule {
                    to: parse_date("2016-03-01"),
                    ..Default::default()
                },
                CheckedRule::default(),
            ]),
            except: vec![],
        };
        assert_eq!(
            b.periods(&g).count_ones(..),
            10,
            "an empty rule matches every period"
        );
    }
}
