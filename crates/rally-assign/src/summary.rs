//! The summary `rally assign` and `rally solve` print on standard error.

use crate::{AssignOutcome, Headcount};
use rally_check::Penalty;
use std::fmt::Write;

/// How many left-out members the summary names one by one.
const NAMED: usize = 10;

impl AssignOutcome {
    /// Headcount certified against what was wanted and the upper bound, the
    /// course terms, who is left out and why, and the sessions that would help.
    pub fn summary(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "certified {} in {:.2} s",
            people(&self.certified, &self.wanting),
            self.elapsed.as_secs_f64()
        );
        let bound = if self.optimal {
            "proven optimal".to_string()
        } else {
            format!("upper bound {}", self.upper_bound)
        };
        let _ = writeln!(
            s,
            "certified headcount {} of {} wanting a certificate ({bound})",
            self.certified.people(),
            self.wanting.people()
        );
        let _ = writeln!(s, "{}", penalty_line(&self.penalty));
        let (uncertifiable, squeezed): (Vec<_>, Vec<_>) =
            self.left_out.iter().partition(|l| !l.certifiable);
        if !self.left_out.is_empty() {
            let heads = |v: &[&crate::LeftOut]| v.iter().map(|l| l.headcount as u64).sum::<u64>();
            let _ = writeln!(
                s,
                "left out: {} member(s), {} people: {} uncertifiable whatever the seats ({} people), {} squeezed out by seats ({} people)",
                self.left_out.len(),
                heads(&self.left_out.iter().collect::<Vec<_>>()),
                uncertifiable.len(),
                heads(&uncertifiable),
                squeezed.len(),
                heads(&squeezed)
            );
            for l in self.left_out.iter().take(NAMED) {
                let _ = writeln!(s, "  - {} ({}): {}", l.member, whom(l), l.why);
            }
            if self.left_out.len() > NAMED {
                let _ = writeln!(
                    s,
                    "  … and {} more (see `rally check`)",
                    self.left_out.len() - NAMED
                );
            }
        }
        for suggestion in &self.suggestions {
            let _ = writeln!(s, "  * {suggestion}");
        }
        s
    }
}

fn whom(l: &crate::LeftOut) -> String {
    if l.is_group {
        format!("group of {}", l.headcount)
    } else {
        "participant".to_string()
    }
}

/// `certified 170/175 participants and 6/7 groups (98/112 pupils)`.
fn people(got: &Headcount, of: &Headcount) -> String {
    format!(
        "{}/{} participants and {}/{} groups ({}/{} pupils)",
        got.participants, of.participants, got.groups, of.groups, got.pupils, of.pupils
    )
}

/// `penalty 123: unscheduled 0 … underfill 5`.
pub fn penalty_line(p: &Penalty) -> String {
    let mut s = format!("penalty {}:", p.total);
    for (name, value) in p.terms() {
        let _ = write!(s, " {name} {value}");
    }
    s
}
