//! The result of a check: the JSON of SPEC §8 and a readable report.

use crate::penalty::Penalty;
use crate::rules::Violation;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// What `rally check --json` prints.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// No hard rule is broken.
    pub valid: bool,
    /// Every broken hard rule.
    pub violations: Vec<Violation>,
    /// The penalty, by term.
    pub penalty: Penalty,
    /// Every member, certified or not, and why.
    pub members: Vec<MemberReport>,
    /// With a published plan (SPEC §9): what changed against it.
    #[serde(skip)]
    pub changes: Option<crate::Changes>,
}

/// One member's certifiability and, when it cannot be certified, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberReport {
    /// The member's id.
    pub member: String,
    /// Some course could certify it with every seat free.
    pub certifiable: bool,
    /// Its course certifies it.
    pub certified: bool,
    /// Themes its course does not validate.
    pub missing: Vec<String>,
    /// Why it cannot be certified, in English; empty when it can.
    pub why: String,
    /// The reasons behind `why`, as data, for outputs in other languages.
    #[serde(skip)]
    pub reasons: Vec<crate::explain::Reason>,
}

impl Report {
    /// Headcount certified by the plan's courses, of the members wanting a
    /// certificate.
    pub fn certified_headcount(&self, model: &rally_model::Model) -> u64 {
        model
            .members
            .iter()
            .zip(&self.members)
            .filter(|(m, r)| m.certificate && r.certified)
            .map(|(m, _)| u64::from(m.headcount))
            .sum()
    }

    /// The report as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report serializes")
    }

    /// A readable report: violations grouped by rule, the penalty table, and
    /// the members that cannot be certified with their reasons.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let verdict = if self.valid { "VALID" } else { "INVALID" };
        let _ = writeln!(
            s,
            "Plan is {verdict}: {} hard violation(s).",
            self.violations.len()
        );
        let mut by_rule: BTreeMap<(u8, u8), (&str, Vec<&Violation>)> = BTreeMap::new();
        for x in &self.violations {
            let key = crate::rules::rule_rank(&x.rule);
            by_rule
                .entry(key)
                .or_insert((&x.rule, Vec::new()))
                .1
                .push(x);
        }
        for (rule, list) in by_rule.values() {
            let _ = writeln!(
                s,
                "\n{rule} ({}) — {} violation(s)",
                rule_title(rule),
                list.len()
            );
            for x in list {
                let _ = writeln!(s, "  - {}", x.message);
            }
        }
        let _ = writeln!(s, "\nPenalty");
        for (name, value) in self.penalty.terms() {
            let _ = writeln!(s, "  {name:<16}{value:>10}");
        }
        let _ = writeln!(s, "  {:<16}{:>10}", "total", self.penalty.total);
        let total = self.members.len();
        let certifiable = self.members.iter().filter(|m| m.certifiable).count();
        let certified = self.members.iter().filter(|m| m.certified).count();
        let _ = writeln!(
            s,
            "\nMembers: {total}; certifiable {certifiable}; certified by their \
            courses {certified}."
        );
        let left: Vec<&MemberReport> = self.members.iter().filter(|m| !m.certifiable).collect();
        if !left.is_empty() {
            let _ = writeln!(s, "\nMembers who cannot be certified ({}):", left.len());
            for m in left {
                let _ = writeln!(
                    s,
                    "  - {}: missing {}. {}",
                    m.member,
                    m.missing.join(", "),
                    m.why
                );
            }
        }
        s
    }
}

fn rule_title(rule: &str) -> &'static str {
    match rule {
        "S1" => "every session exactly once",
        "S2" => "session fields as the edition gives them",
        "S3" => "courses name members and scheduled sessions",
        "H1" => "opening day and slot",
        "H2" => "availability of workshop, organisers, venue",
        "H3" => "venue allowed, equipped, in territory, large enough",
        "H4" => "session fits its slot",
        "H5" => "one session per venue and period",
        "H6" => "partner's parallel and daily limits",
        "H7" => "partner's travel between venues",
        "H8" => "pinned sessions",
        "C1" => "member's availability, audience, territory",
        "C2" => "member's period, day, workshop and day-count limits",
        "C3" => "seats",
        "C4" => "member's travel",
        "F1" => "what has run stands where it ran",
        "F2" => "courses up to the frozen date are what was attended",
        _ => "",
    }
}
