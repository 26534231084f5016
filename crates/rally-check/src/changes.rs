//! What a re-plan changes against the published plan (SPEC §9), counted once
//! here: the `moved` and `rerouted` terms, the frozen rules F1–F2, the
//! `--changes` file, the summaries and the exports all read [`Changes`].

use crate::rules::Violation;
use crate::what::What;
use rally_model::replan::{standings, Replan, Standing};
use rally_model::{Model, Plan, Term};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A session whose date, slot or venue changed, or that was (un)scheduled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Moved {
    /// The session's id.
    pub session: String,
    /// Its workshop's id.
    pub workshop: String,
    /// Its workshop's title.
    pub title: String,
    /// Where it stood in the published plan.
    pub old: Standing,
    /// `Unscheduled` also when the edition no longer has the session.
    pub new: Standing,
    /// The edition no longer has this session.
    pub dropped: bool,
    /// Organisers (partner ids) who run it.
    pub partners: Vec<String>,
    /// Members whose course (old or new) holds it: whom to tell.
    pub members: Vec<String>,
}

/// A member whose course gained or lost sessions after the frozen date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rerouted {
    /// The member's id.
    pub member: String,
    /// Its name.
    pub name: String,
    /// Sessions added to its course.
    pub added: Vec<String>,
    /// Sessions taken out of its course.
    pub removed: Vec<String>,
    /// The edition no longer has this member.
    pub dropped: bool,
}

impl Rerouted {
    /// Sessions added or removed: what `rerouted` counts for this member.
    pub fn count(&self) -> usize {
        self.added.len() + self.removed.len()
    }
}

/// A partner to phone: the moved sessions it organises.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Affected {
    /// The partner's id.
    pub partner: String,
    /// Its name.
    pub name: String,
    /// The moved sessions it organises.
    pub sessions: Vec<String>,
}

/// Every change of a plan against the published one, after the frozen date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// The date up to which the plan is frozen, if any.
    pub frozen_until: Option<String>,
    /// Sessions moved, added or taken out.
    pub moved: Vec<Moved>,
    /// Members whose courses changed.
    pub rerouted: Vec<Rerouted>,
    /// Partners whose sessions moved.
    pub partners: Vec<Affected>,
    /// Sessions of the published plan the edition no longer has.
    pub dropped_sessions: Vec<String>,
    /// Members of the published plan the edition no longer has.
    pub dropped_members: Vec<String>,
}

impl Changes {
    /// Compares `plan` with the published plan of `replan`.
    ///
    /// A session of OLD_PLAN that had not run (unscheduled, or dated after
    /// DATE) is moved when its standing differs in `plan` (absent counts as
    /// unscheduled, as in §7). Courses are compared only when both plans have
    /// them: a member is rerouted once per session, not dated on or before
    /// DATE in the plan that lists it, that one course has and the other lacks.
    pub fn new(model: &Model, plan: &Plan, replan: &Replan) -> Changes {
        let old = standings(&replan.old);
        let new = standings(plan);
        let mut ids: Vec<&str> = old.keys().copied().collect();
        ids.sort_by_key(|id| (model.session(id).unwrap_or(usize::MAX), *id));
        let mut moved = Vec::new();
        for id in ids {
            let before = &old[id];
            if replan.is_frozen_date(before.date()) {
                continue;
            }
            let session = model.session(id);
            let after = match session {
                Some(_) => new.get(id).cloned().unwrap_or(Standing::Unscheduled),
                None => Standing::Unscheduled,
            };
            if *before == after {
                continue;
            }
            let workshop = session.map(|s| model.workshop_of(s));
            moved.push(Moved {
                session: id.to_string(),
                workshop: workshop.map_or_else(
                    || id.split('/').next().unwrap_or(id).to_string(),
                    |w| w.id.clone(),
                ),
                title: workshop.map_or(String::new(), |w| w.title.clone()),
                old: before.clone(),
                new: after,
                dropped: session.is_none(),
                partners: workshop.map_or(Vec::new(), |w| {
                    w.organisers
                        .iter()
                        .map(|&o| model.partners[o].id.clone())
                        .collect()
                }),
                members: attendees(id, &replan.old, plan),
            });
        }
        let rerouted = match (&replan.old.courses, &plan.courses) {
            (Some(_), Some(_)) => rerouted(model, plan, replan, &old, &new),
            _ => Vec::new(),
        };
        let mut by_partner: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for m in &moved {
            for p in &m.partners {
                by_partner.entry(p).or_default().push(m.session.clone());
            }
        }
        let partners = by_partner
            .into_iter()
            .map(|(p, sessions)| Affected {
                partner: p.to_string(),
                name: model
                    .partner(p)
                    .map_or(String::new(), |i| model.partners[i].name.clone()),
                sessions,
            })
            .collect();
        Changes {
            frozen_until: replan.frozen_until.map(|d| d.to_string()),
            moved,
            rerouted,
            partners,
            dropped_sessions: replan.dropped_sessions.clone(),
            dropped_members: replan.dropped_members.clone(),
        }
    }

    /// Members rerouted, each once per session added or removed.
    pub fn rerouted_count(&self) -> usize {
        self.rerouted.iter().map(Rerouted::count).sum()
    }

    /// The two terms of SPEC §9, weighted.
    pub fn terms(&self, model: &Model) -> (i64, i64) {
        (
            model.weights[Term::Moved].saturating_mul(self.moved.len() as i64),
            model.weights[Term::Rerouted].saturating_mul(self.rerouted_count() as i64),
        )
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.moved.is_empty() && self.rerouted.is_empty()
    }
}

fn rerouted(
    model: &Model,
    plan: &Plan,
    replan: &Replan,
    old: &HashMap<&str, Standing>,
    new: &HashMap<&str, Standing>,
) -> Vec<Rerouted> {
    let after = |list: &[String], st: &HashMap<&str, Standing>| -> BTreeSet<String> {
        list.iter()
            .filter(|s| !replan.is_frozen_date(st.get(s.as_str()).and_then(Standing::date)))
            .cloned()
            .collect()
    };
    let course_map = |p: &Plan| -> BTreeMap<String, Vec<String>> {
        let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for c in p.courses.iter().flatten() {
            out.entry(c.member.clone())
                .or_insert_with(|| c.sessions.clone());
        }
        out
    };
    let (before, now) = (course_map(&replan.old), course_map(plan));
    let mut members: Vec<&String> = before.keys().chain(now.keys()).collect();
    members.sort_by_key(|m| (model.member(m).unwrap_or(usize::MAX), m.as_str()));
    members.dedup();
    let mut out = Vec::new();
    for m in members {
        let a = after(before.get(m).map_or(&[][..], |c| &c[..]), old);
        let b = after(now.get(m).map_or(&[][..], |c| &c[..]), new);
        if a == b {
            continue;
        }
        let index = model.member(m);
        out.push(Rerouted {
            member: m.clone(),
            name: index.map_or(String::new(), |i| model.members[i].name.clone()),
            added: ordered(model, b.difference(&a)),
            removed: ordered(model, a.difference(&b)),
            dropped: index.is_none(),
        });
    }
    out
}

/// Members whose course lists a session in either plan, each once.
fn attendees(session: &str, old: &Plan, new: &Plan) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in old.courses.iter().chain(&new.courses).flatten() {
        if c.sessions.iter().any(|s| s == session) && !out.contains(&c.member) {
            out.push(c.member.clone());
        }
    }
    out
}

/// Session ids in edition order.
fn ordered<'a>(model: &Model, ids: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut v: Vec<String> = ids.cloned().collect();
    v.sort_by_key(|id| (model.session(id).unwrap_or(usize::MAX), id.clone()));
    v
}

/// F1 and F2 (SPEC §9): what ran stands as it ran.
pub fn frozen_violations(model: &Model, plan: &Plan, replan: &Replan) -> Vec<Violation> {
    let Some(date) = replan.frozen_until else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let old = standings(&replan.old);
    let new = standings(plan);
    for s in &model.sessions {
        let id = s.id.as_str();
        let (a, b) = (old.get(id), new.get(id));
        let frozen = [a, b]
            .iter()
            .any(|x| replan.is_frozen_date(x.and_then(Standing::date)));
        if !frozen || a == b {
            continue;
        }
        let what = What::Frozen {
            session: id.to_string(),
            old: a.cloned(),
            new: b.cloned(),
            date,
        };
        out.push(Violation {
            rule: "F1".into(),
            sessions: vec![id.to_string()],
            members: vec![],
            message: what.english(model),
            what,
        });
    }
    let Some(courses) = &plan.courses else {
        return out;
    };
    let given: HashMap<&str, &Vec<String>> = courses
        .iter()
        .rev()
        .map(|c| (c.member.as_str(), &c.sessions))
        .collect();
    for (mi, m) in model.members.iter().enumerate() {
        let ran: BTreeSet<String> = given
            .get(m.id.as_str())
            .into_iter()
            .flat_map(|c| c.iter())
            .filter(|s| replan.is_frozen_date(new.get(s.as_str()).and_then(Standing::date)))
            .cloned()
            .collect();
        let expected: BTreeSet<String> = replan
            .frozen_course(&m.id)
            .into_iter()
            .filter(|s| model.session(s).is_some())
            .collect();
        if ran == expected {
            continue;
        }
        let extra: Vec<String> = ran.difference(&expected).cloned().collect();
        let lacking: Vec<String> = expected.difference(&ran).cloned().collect();
        let sessions = extra.iter().chain(&lacking).cloned().collect();
        let what = What::FrozenCourse {
            member: mi,
            extra,
            lacking,
            date,
            attended: replan.attended.is_some(),
        };
        out.push(Violation {
            rule: "F2".into(),
            sessions,
            members: vec![m.id.clone()],
            message: what.english(model),
            what,
        });
    }
    out
}

/// The violations the rules of §6 still judge: not one whose sessions all
/// stand, dated on or before DATE, where OLD_PLAN had them (what has happened
/// is not judged again). Shape rules (S1–S3) always apply.
pub fn without_frozen(violations: Vec<Violation>, plan: &Plan, replan: &Replan) -> Vec<Violation> {
    if replan.frozen_until.is_none() {
        return violations;
    }
    let (old, new) = (standings(&replan.old), standings(plan));
    let ran = |s: &String| {
        let st = new.get(s.as_str());
        replan.is_frozen_date(st.and_then(Standing::date)) && st == old.get(s.as_str())
    };
    violations
        .into_iter()
        .filter(|v| v.rule.starts_with('S') || v.sessions.is_empty() || !v.sessions.iter().all(ran))
        .collect()
}
