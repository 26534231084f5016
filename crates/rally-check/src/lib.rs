#![warn(missing_docs)]
//! The judge of every plan (SPEC §6–§8): plain code, independent of the solvers.
//!
//! - `resolve`: the plan's fields resolved against the edition.
//! - [`rules`]: hard rules S1–S3, H1–H8, C1–C4, every violation listed.
//! - [`penalty`](mod@penalty): the terms of §7.
//! - [`certify`]: the exact certifiability search behind `coverage`.
//! - [`explain`]: why a member cannot be certified.
//! - [`changes`]: re-planning (SPEC §9): F1–F2, `moved`, `rerouted`.
//! - `report`: the JSON of §8 and the readable report.
//! - [`unscheduled`]: why a session is left unscheduled, as facts.
//!
//! It is also the one door in for an edition: [`load_edition`],
//! [`parse_edition`] and [`compile`] keep every rule of §4, pins included
//! (H1–H4 in the model, H5–H7 between pins here), so that what the solvers
//! and exporters are given is a whole valid edition.

pub mod certify;
pub mod changes;
pub mod explain;
pub mod penalty;
mod report;
mod resolve;
pub mod rules;
pub mod unscheduled;
pub mod what;

pub use certify::{reach, Reach};
pub use changes::Changes;
pub use penalty::Penalty;
pub use report::{MemberReport, Report};
pub use resolve::{Offer, OfferIndex, Resolved};
pub use rules::Violation;

use rally_model::calendar::parse_date;
use rally_model::replan::Replan;
use rally_model::types::Edition;
use rally_model::{InputError, LoadError, Model, Plan, Term};
use rayon::prelude::*;
use std::path::Path;

/// Checks a plan: violations, penalty, and every member's certifiability.
///
/// A plan is judged as given, even an invalid one (SPEC §7): a session on a
/// date that is not an opening day is scheduled there, and who may attend it
/// is judged by the availability rules on that date; every rule it breaks is
/// listed. A session of the edition missing from the plan counts as unscheduled.
pub fn check(model: &Model, plan: &Plan) -> Report {
    check_replan(model, plan, None)
}

/// Checks a plan, and with a published plan (SPEC §9) its changes too: F1–F2
/// among the violations, `moved` and `rerouted` in the penalty, and what
/// stands frozen left out of the rules of §6.
pub fn check_replan(model: &Model, plan: &Plan, replan: Option<&Replan>) -> Report {
    let dates = plan.sessions.iter().filter_map(|s| parse_date(&s.date));
    let extended = model.with_dates(dates);
    let judged = extended.as_ref().unwrap_or(model);
    let r = Resolved::new(judged, plan);
    let mut violations = rules::violations(judged, &model.grid, plan, &r);
    let changes = replan.map(|rp| {
        violations = changes::without_frozen(std::mem::take(&mut violations), plan, rp);
        violations.extend(changes::frozen_violations(model, plan, rp));
        Changes::new(model, plan, rp)
    });
    let index = OfferIndex::new(judged, &r.offers);
    let reaches = reaches_indexed(judged, &index);
    let unscheduled = model.sessions.len() - r.by_session.len();
    let mut penalty = penalty::programme_terms(model, unscheduled, &r);
    penalty[Term::Coverage] = coverage(model, &reaches);
    let outcomes = r.courses.as_ref().map(|courses| {
        let (terms, outcomes) = penalty::course_terms(model, &r, courses);
        for t in Term::COURSE {
            penalty[t] = terms[t];
        }
        outcomes
    });
    let members = (0..model.members.len())
        .into_par_iter()
        .map(|m| {
            let reach = reaches[m];
            let certified = outcomes.as_ref().is_some_and(|o| o[m].certified);
            let missing = model.theme_names(model.members[m].themes & !reach.best);
            let reasons = if reach.certifiable {
                Vec::new()
            } else {
                explain::reasons(judged, m, &index, reach)
            };
            let why = if reach.certifiable {
                if outcomes.is_some() && !certified {
                    "a course exists that validates all its themes, but the one planned does not"
                        .to_string()
                } else {
                    String::new()
                }
            } else {
                explain::words(judged, m, &reasons)
            };
            MemberReport {
                member: model.members[m].id.clone(),
                certifiable: reach.certifiable,
                certified,
                missing,
                why,
                reasons,
            }
        })
        .collect();
    if let Some(c) = &changes {
        let (moved, rerouted) = c.terms(model);
        penalty.replanning = true;
        penalty[Term::Moved] = moved;
        penalty[Term::Rerouted] = rerouted;
    }
    Report {
        valid: violations.is_empty(),
        changes,
        violations,
        penalty: penalty.with_total(),
        members,
    }
}

/// The certifiability search for every member, in parallel. A member of a
/// territory only searches the offers at venues of its territory (C1 bars
/// the others), so large editions cost about one territory per member.
pub fn reaches(model: &Model, offers: &[Offer]) -> Vec<Reach> {
    reaches_indexed(model, &OfferIndex::new(model, offers))
}

fn reaches_indexed(model: &Model, index: &OfferIndex) -> Vec<Reach> {
    (0..model.members.len())
        .into_par_iter()
        .map(|m| certify::reach(model, m, index.for_member(model, m)))
        .collect()
}

/// The `coverage` term from every member's reach.
pub fn coverage(model: &Model, reaches: &[Reach]) -> i64 {
    model
        .members
        .iter()
        .zip(reaches)
        .filter(|(m, r)| m.certificate && !r.certifiable)
        .map(|(m, _)| model.weights[Term::Coverage].saturating_mul(i64::from(m.headcount)))
        .fold(0, i64::saturating_add)
}

/// The penalty alone (what solvers report; the same code as [`check`]).
pub fn penalty(model: &Model, plan: &Plan) -> Penalty {
    check(model, plan).penalty
}

/// Validates and compiles an edition, pins included, or every problem.
pub fn compile(edition: Edition) -> Result<Model, Vec<InputError>> {
    let model = rally_model::validate::compile(edition)?;
    match check_pins(&model) {
        clashes if clashes.is_empty() => Ok(model),
        clashes => Err(clashes),
    }
}

/// Parses, validates and compiles edition text, pins included.
pub fn parse_edition(text: &str) -> Result<Model, Vec<InputError>> {
    let edition: Edition = rally_model::load::parse_json(text, "").map_err(|e| vec![e])?;
    compile(edition)
}

/// Reads an edition file (`-` for standard input) through [`parse_edition`].
pub fn load_edition(path: &Path) -> Result<Model, LoadError> {
    let text = rally_model::load::read_source(path)?;
    parse_edition(&text).map_err(|errors| LoadError::Invalid {
        file: path.display().to_string(),
        errors,
    })
}

/// Pins must keep H5–H7 together (SPEC §4): the clashes as input errors,
/// each named by the later pin involved (`pinned[1]`).
pub fn check_pins(model: &Model) -> Vec<InputError> {
    let plan = pins_as_plan(model);
    let r = Resolved::new(model, &plan);
    let placed: Vec<_> = r
        .placed
        .iter()
        .filter_map(|p| Some((p, p.placement(model)?)))
        .collect();
    let mut clashes = Vec::new();
    let mut by_venue: std::collections::BTreeMap<_, Vec<&resolve::Placed>> = Default::default();
    for (p, at) in &placed {
        by_venue.entry(*at).or_default().push(p);
    }
    for (at, ps) in by_venue.into_iter().filter(|(_, ps)| ps.len() > 1) {
        let ids: Vec<String> = ps.iter().map(|p| p.id.clone()).collect();
        let message = format!(
            "sessions {} are pinned to venue {} on {} (H5)",
            ids.join(", "),
            model.venues[at.venue].id,
            model.grid.label(at.period)
        );
        clashes.push((ps.iter().map(|p| p.entry).max().unwrap_or(0), message));
    }
    let mut partner = Vec::new();
    rules::partner_load(model, &placed, &mut partner);
    for x in partner {
        // The pins are the plan's sessions, in pin order: the entry is the pin's index.
        let last = r
            .placed
            .iter()
            .filter(|p| x.sessions.contains(&p.id))
            .map(|p| p.entry)
            .max()
            .unwrap_or(0);
        clashes.push((last, format!("{} ({})", x.message, x.rule)));
    }
    clashes.sort();
    clashes
        .into_iter()
        .map(|(pin, m)| {
            InputError::new(
                format!("pinned[{pin}]"),
                format!("{m}; move or remove one of these pins"),
            )
        })
        .collect()
}

/// A plan that holds the pinned sessions only.
fn pins_as_plan(model: &Model) -> Plan {
    let sessions = model
        .pins
        .iter()
        .map(|pin| model.planned_session(pin.session, pin.at))
        .collect();
    Plan {
        sessions,
        ..Plan::default()
    }
}
