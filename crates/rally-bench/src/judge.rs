//! The checker's verdict on a plan (`rally check --json`), and the bounds a
//! solver's summary states.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

use crate::edition::Size;
use crate::BenchError;

/// What the checker says of one plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// No hard violation.
    pub valid: bool,
    /// The penalty by term, in the checker's order, `total` first.
    pub penalty: Vec<(String, i64)>,
    /// Headcount of the members its courses certify.
    pub certified: u64,
}

impl Verdict {
    /// The value of one term (or `total`), 0 when the checker has no such term.
    pub fn term(&self, name: &str) -> i64 {
        self.penalty
            .iter()
            .find(|(n, _)| n == name)
            .map_or(0, |(_, v)| *v)
    }
}

/// Runs `rally check EDITION PLAN --json` and reads its report.
pub fn check(
    rally: &Path,
    edition: &Path,
    plan: &Path,
    size: &Size,
) -> Result<Verdict, BenchError> {
    let out = Command::new(rally)
        .arg("check")
        .arg(edition)
        .arg(plan)
        .arg("--json")
        .output()
        .map_err(|e| BenchError::Spawn(rally.display().to_string(), e))?;
    if !matches!(out.status.code(), Some(0 | 1)) {
        return Err(BenchError::Failed {
            what: format!("rally check {} {}", edition.display(), plan.display()),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        });
    }
    let report: Value = serde_json::from_slice(&out.stdout).map_err(|e| BenchError::Failed {
        what: format!(
            "rally check {} {} --json",
            edition.display(),
            plan.display()
        ),
        stderr: format!("not JSON: {e}"),
    })?;
    Ok(read_report(&report, size))
}

/// The verdict in a check report (docs/formats.md#check-report).
pub fn read_report(report: &Value, size: &Size) -> Verdict {
    let mut penalty: Vec<(String, i64)> = report["penalty"]
        .as_object()
        .map(|terms| {
            terms
                .iter()
                .map(|(name, v)| (name.clone(), v.as_i64().unwrap_or(0)))
                .collect()
        })
        .unwrap_or_default();
    penalty.sort_by_key(|(name, _)| name != "total");
    let certified = report["members"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|m| m["certified"].as_bool() == Some(true))
        .filter_map(|m| size.headcount.get(m["member"].as_str()?))
        .sum();
    Verdict {
        valid: report["valid"].as_bool() == Some(true),
        penalty,
        certified,
    }
}

/// The bounds a solver's summary states, when it states them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bounds {
    /// A lower bound on the penalty (`lower bound N`).
    pub lower: Option<i64>,
    /// The gap to it in percent (`gap X%`).
    pub gap: Option<f64>,
    /// An upper bound on the certified headcount (`upper bound N`).
    pub headcount: Option<u64>,
    /// The summary says the plan is proven optimal.
    pub optimal: bool,
}

/// Reads the last `lower bound`, `gap` and `upper bound` a summary mentions.
pub fn bounds(summary: &str) -> Bounds {
    Bounds {
        lower: number_after(summary, "lower bound "),
        gap: number_after(summary, "gap "),
        headcount: number_after(summary, "upper bound "),
        optimal: summary.contains("proven optimal"),
    }
}

/// The number written right after the last `label` in `text`.
fn number_after<T: std::str::FromStr>(text: &str, label: &str) -> Option<T> {
    text.rmatch_indices(label).find_map(|(at, _)| {
        let rest = &text[at + label.len()..];
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
            .unwrap_or(rest.len());
        rest[..end].trim_end_matches('.').parse().ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_read_from_a_summary() {
        let b = bounds(
            "penalty 4200: coverage 4000\nbest found (lower bound 3900, gap 7.1%)\n\
             certified headcount 250 of 280 wanting a certificate (upper bound 266)\n",
        );
        assert_eq!(b.lower, Some(3900));
        assert_eq!(b.gap, Some(7.1));
        assert_eq!(b.headcount, Some(266));
        assert!(!b.optimal);
        assert_eq!(
            bounds("proven optimal\n"),
            Bounds {
                optimal: true,
                ..Bounds::default()
            }
        );
    }

    #[test]
    fn a_report_gives_total_first_and_the_certified_headcount() {
        let size = crate::edition::size(&serde_json::json!({
            "groups": [{"id": "g", "size": 12}], "participants": [{"id": "u"}]
        }));
        let report = serde_json::json!({
            "valid": true,
            "penalty": {"unscheduled": 0, "travel_minute": 30, "total": 30},
            "members": [{"member": "g", "certified": true}, {"member": "u", "certified": false}]
        });
        let v = read_report(&report, &size);
        assert!(v.valid);
        assert_eq!(v.penalty[0], ("total".to_string(), 30));
        assert_eq!(v.term("travel_minute"), 30);
        assert_eq!(v.certified, 12);
    }
}
