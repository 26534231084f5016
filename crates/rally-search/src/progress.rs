//! The best penalty of parts solved apart, reported as one sum.

use std::sync::Mutex;

/// Keeps each part's best value and calls the callback with their sum
/// whenever one improves. Parts never reported count as 0.
pub struct Progress<'a> {
    callback: Option<&'a (dyn Fn(i64) + Sync)>,
    parts: Mutex<Vec<i64>>,
}

impl<'a> Progress<'a> {
    /// Progress over `parts` parts, reported to `callback` (nothing without one).
    pub fn new(callback: Option<&'a (dyn Fn(i64) + Sync)>, parts: usize) -> Progress<'a> {
        Progress {
            callback,
            parts: Mutex::new(vec![0; parts]),
        }
    }

    /// Sets the value of `part` and reports the sum.
    pub fn report(&self, part: usize, value: i64) {
        let Some(callback) = self.callback else {
            return;
        };
        let total = {
            let mut parts = self.parts.lock().unwrap_or_else(|e| e.into_inner());
            if part >= parts.len() {
                parts.resize(part + 1, 0);
            }
            parts[part] = value;
            parts.iter().fold(0i64, |a, &b| a.saturating_add(b))
        };
        callback(total);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicI64, Ordering};

    #[test]
    fn the_sum_of_each_parts_latest_value_is_reported() {
        let last = AtomicI64::new(-1);
        let show = |v: i64| last.store(v, Ordering::Relaxed);
        let p = Progress::new(Some(&show), 2);
        p.report(0, 10);
        assert_eq!(last.load(Ordering::Relaxed), 10);
        p.report(1, 5);
        p.report(0, 7);
        assert_eq!(last.load(Ordering::Relaxed), 12);
    }
}
