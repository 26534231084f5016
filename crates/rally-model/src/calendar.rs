//! Time (SPEC §2): opening days, slots, periods and weeks.

use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::HashMap;

/// Weekday names as the files write them, Monday first.
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Parses `YYYY-MM-DD` strictly.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Parses `HH:MM` (00:00–23:59) into minutes after midnight.
pub fn parse_hhmm(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    if b.len() != 5
        || b[2] != b':'
        || !s[..2]
            .bytes()
            .chain(s[3..].bytes())
            .all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let (h, m): (u32, u32) = (s[..2].parse().ok()?, s[3..].parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// Formats minutes after midnight as `HH:MM`.
pub fn format_hhmm(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The index (0 = Monday) of a weekday name.
pub fn weekday_index(name: &str) -> Option<usize> {
    WEEKDAYS.iter().position(|w| *w == name)
}

/// A slot of the day, in minutes after midnight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotTime {
    /// The slot's id.
    pub id: String,
    /// Start, minutes after midnight.
    pub start: u32,
    /// End, minutes after midnight.
    pub end: u32,
}

impl SlotTime {
    /// Length of the slot in minutes.
    pub fn len(&self) -> u32 {
        self.end - self.start
    }

    /// True for a slot of no length (never built by validation).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// The compiled calendar: opening days × slots = periods, grouped in weeks.
#[derive(Debug, Clone)]
pub struct Grid {
    /// Opening days in date order.
    pub days: Vec<NaiveDate>,
    /// Slots sorted by start time.
    pub slots: Vec<SlotTime>,
    /// For each day, its week (index into `weeks`).
    pub day_week: Vec<usize>,
    /// The Monday of each week that holds an opening day, in order.
    pub weeks: Vec<NaiveDate>,
    day_index: HashMap<NaiveDate, usize>,
    slot_index: HashMap<String, usize>,
}

impl Grid {
    /// Builds the grid from checked calendar values.
    pub fn new(
        start: NaiveDate,
        end: NaiveDate,
        weekdays: &[usize],
        closed: &[NaiveDate],
        mut slots: Vec<SlotTime>,
    ) -> Grid {
        slots.sort_by_key(|s| s.start);
        let days: Vec<NaiveDate> = start
            .iter_days()
            .take_while(|d| *d <= end)
            .filter(|d| weekdays.contains(&(d.weekday().num_days_from_monday() as usize)))
            .filter(|d| !closed.contains(d))
            .collect();
        Grid::from_days(days, slots)
    }

    /// The grid of these days (in date order) and slots (sorted by start).
    fn from_days(days: Vec<NaiveDate>, slots: Vec<SlotTime>) -> Grid {
        let mut weeks: Vec<NaiveDate> = Vec::new();
        let mut day_week = Vec::with_capacity(days.len());
        for d in &days {
            let monday = d.week(Weekday::Mon).first_day();
            if weeks.last() != Some(&monday) {
                weeks.push(monday);
            }
            day_week.push(weeks.len() - 1);
        }
        let day_index = days.iter().enumerate().map(|(i, d)| (*d, i)).collect();
        let slot_index = slots
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        Grid {
            days,
            slots,
            day_week,
            weeks,
            day_index,
            slot_index,
        }
    }

    /// This grid with `extra` dates added as days (the slots unchanged): the
    /// grid on which a plan that uses dates off the calendar is judged (SPEC §7).
    pub fn with_days(&self, extra: &[NaiveDate]) -> Grid {
        let mut days: Vec<NaiveDate> = self.days.iter().chain(extra).copied().collect();
        days.sort_unstable();
        days.dedup();
        Grid::from_days(days, self.slots.clone())
    }

    /// Number of periods (opening days × slots).
    pub fn n_periods(&self) -> usize {
        self.days.len() * self.slots.len()
    }

    /// The period of a day and a slot.
    pub fn period(&self, day: usize, slot: usize) -> usize {
        day * self.slots.len() + slot
    }

    /// The opening day of a period.
    pub fn day_of(&self, period: usize) -> usize {
        period / self.slots.len()
    }

    /// The slot of a period.
    pub fn slot_of(&self, period: usize) -> usize {
        period % self.slots.len()
    }

    /// The slot times of a period.
    pub fn slot_time(&self, period: usize) -> &SlotTime {
        &self.slots[self.slot_of(period)]
    }

    /// The week of a period.
    pub fn week_of(&self, period: usize) -> usize {
        self.day_week[self.day_of(period)]
    }

    /// The index of an opening day, if the date is one.
    pub fn day(&self, date: NaiveDate) -> Option<usize> {
        self.day_index.get(&date).copied()
    }

    /// The index of a slot id.
    pub fn slot(&self, id: &str) -> Option<usize> {
        self.slot_index.get(id).copied()
    }

    /// The week a date falls in, if that week holds an opening day.
    pub fn week_of_date(&self, date: NaiveDate) -> Option<usize> {
        let monday = date.week(Weekday::Mon).first_day();
        self.weeks.iter().position(|w| *w == monday)
    }

    /// The weekday (0 = Monday) of an opening day.
    pub fn weekday(&self, day: usize) -> usize {
        self.days[day].weekday().num_days_from_monday() as usize
    }

    /// A short human label of a period: `Tue 2016-03-01 morning`.
    pub fn label(&self, period: usize) -> String {
        let d = self.day_of(period);
        let wd = WEEKDAYS[self.weekday(d)];
        let mut wd = wd.to_string();
        wd[..1].make_ascii_uppercase();
        format!(
            "{wd} {} {}",
            self.days[d],
            self.slots[self.slot_of(period)].id
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn two_slots() -> Vec<SlotTime> {
        vec![
            SlotTime {
                id: "afternoon".into(),
                start: 840,
                end: 1020,
            },
            SlotTime {
                id: "morning".into(),
                start: 540,
                end: 720,
            },
        ]
    }

    #[test]
    fn opening_days_skip_weekends_and_closed_days() {
        let g = Grid::new(
            date("2016-03-01"),
            date("2016-03-11"),
            &[0, 1, 2, 3, 4],
            &[date("2016-03-04")],
            two_slots(),
        );
        assert_eq!(g.days.len(), 8);
        assert_eq!(g.day(date("2016-03-04")), None);
        assert_eq!(g.day(date("2016-03-05")), None);
        assert_eq!(g.day(date("2016-03-07")), Some(3));
        assert_eq!(g.n_periods(), 16);
    }

    #[test]
    fn weeks_run_monday_to_sunday() {
        let g = Grid::new(
            date("2016-03-01"),
            date("2016-03-14"),
            &[0, 1, 2, 3, 4],
            &[],
            two_slots(),
        );
        assert_eq!(
            g.weeks,
            vec![date("2016-02-29"), date("2016-03-07"), date("2016-03-14")]
        );
        assert_eq!(g.day_week[g.day(date("2016-03-04")).unwrap()], 0);
        assert_eq!(g.day_week[g.day(date("2016-03-07")).unwrap()], 1);
        assert_eq!(g.week_of_date(date("2016-03-06")), Some(0));
        assert_eq!(g.week_of_date(date("2016-03-21")), None);
    }

    #[test]
    fn periods_order_by_date_then_slot_start() {
        let g = Grid::new(
            date("2016-03-01"),
            date("2016-03-02"),
            &[1, 2],
            &[],
            two_slots(),
        );
        assert_eq!(g.slots[0].id, "morning");
        assert_eq!(g.label(0), "Tue 2016-03-01 morning");
        assert_eq!(g.label(3), "Wed 2016-03-02 afternoon");
        assert_eq!((g.day_of(3), g.slot_of(3)), (1, 1));
    }

    #[test]
    fn strict_parsing_of_dates_and_times() {
        assert!(parse_date("2016-3-1").is_none());
        assert!(parse_date("2016-02-30").is_none());
        assert_eq!(parse_hhmm("09:30"), Some(570));
        assert!(parse_hhmm("9:30").is_none());
        assert!(parse_hhmm("24:00").is_none());
        assert_eq!(format_hhmm(570), "09:30");
    }
}
