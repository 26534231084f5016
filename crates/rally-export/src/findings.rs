//! What matters first, for the index, `rally check` and the summaries: the
//! people left out (who, why, what would fix it), the sessions left
//! unscheduled and the sessions under their minimum.

use crate::view::Programme;
use rally_model::ThemeSet;
use std::fmt::Write;

/// Why a member who seeks a certificate does not get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeftOut {
    /// No course within the programme can certify it; the checker's reason.
    Cannot { missing: ThemeSet, why: String },
    /// Its course misses these themes, though a course exists that would not.
    Course { missing: ThemeSet },
    /// The plan has no courses yet.
    NoCourse,
}

/// A session whose attendance is below its workshop's minimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Underfilled {
    /// Index in [`Programme::sessions`].
    pub scheduled: usize,
    pub taken: u32,
    pub min: u32,
}

/// The findings of a programme, in the order people need them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Findings {
    /// Members who seek a certificate.
    pub sought: usize,
    /// Of these, those certified by their courses.
    pub certified: usize,
    /// Of these, those some course within the programme would certify.
    pub certifiable: usize,
    /// Members left out (member index, why), in edition order.
    pub left_out: Vec<(usize, LeftOut)>,
    /// Sessions under their minimum (only when the plan has courses).
    pub underfilled: Vec<Underfilled>,
}

impl Findings {
    /// Reads the findings off a checked programme.
    pub fn new(p: &Programme) -> Findings {
        let model = p.model;
        let mut f = Findings {
            sought: 0,
            certified: 0,
            certifiable: 0,
            left_out: Vec::new(),
            underfilled: Vec::new(),
        };
        for (m, member) in model.members.iter().enumerate() {
            if !member.certificate {
                continue;
            }
            let verdict = &p.report.members[m];
            f.sought += 1;
            f.certifiable += usize::from(verdict.certifiable);
            if verdict.certified {
                f.certified += 1;
                continue;
            }
            let why = if !verdict.certifiable {
                let missing = verdict
                    .missing
                    .iter()
                    .filter_map(|id| model.themes.iter().position(|t| t == id))
                    .fold(0, |acc, t| acc | 1 << t);
                LeftOut::Cannot {
                    missing,
                    why: verdict.why.clone(),
                }
            } else if p.has_courses() {
                LeftOut::Course {
                    missing: member.themes & !p.validated(m),
                }
            } else {
                LeftOut::NoCourse
            };
            f.left_out.push((m, why));
        }
        if p.has_courses() {
            for (i, s) in p.sessions.iter().enumerate() {
                let min = model.workshops[s.workshop].min;
                let taken = p.taken(s);
                if taken < min {
                    f.underfilled.push(Underfilled {
                        scheduled: i,
                        taken,
                        min,
                    });
                }
            }
        }
        f
    }
}

/// The line saying how many certificates are won, or can be.
pub fn certified_line(p: &Programme, f: &Findings) -> String {
    if p.has_courses() {
        p.texts.with(
            "certified-count",
            &[
                ("certified", f.certified.into()),
                ("sought", f.sought.into()),
            ],
        )
    } else {
        p.texts.with(
            "certified-no-courses",
            &[
                ("certifiable", f.certifiable.into()),
                ("sought", f.sought.into()),
            ],
        )
    }
}

/// Why a member is left out and what would fix it, as two sentences.
pub fn left_out_reason(p: &Programme, why: &LeftOut) -> (String, String) {
    let t = &p.texts;
    match why {
        LeftOut::Cannot { missing, why } => {
            let mut reason = t.get("left-out-cannot");
            if !why.is_empty() {
                let _ = write!(reason, " ({why})");
            }
            let themes = p.theme_names(*missing);
            (reason, t.with("fix-cannot", &[("themes", themes.into())]))
        }
        LeftOut::Course { missing } => (
            t.with(
                "left-out-course",
                &[("themes", p.theme_names(*missing).into())],
            ),
            t.get("fix-course"),
        ),
        LeftOut::NoCourse => (t.get("left-out-no-course"), t.get("fix-course")),
    }
}

/// The title of an unscheduled session's workshop, empty when unknown.
pub fn unscheduled_title<'a>(p: &'a Programme, id: &str) -> &'a str {
    p.model
        .session(id)
        .map(|s| p.model.workshop_of(s).title.as_str())
        .unwrap_or("")
}

/// A session under its minimum, in words.
pub fn underfilled_line(p: &Programme, u: &Underfilled) -> String {
    let s = &p.sessions[u.scheduled];
    p.texts.with(
        "underfilled-line",
        &[
            ("session", p.session_id(s).into()),
            ("title", p.title(s).into()),
            ("date", p.texts.date(p.date(s)).into()),
            ("taken", u.taken.into()),
            ("min", u.min.into()),
        ],
    )
}

/// The readable report of `rally check`: what matters first (people left
/// out, unscheduled sessions, sessions under their minimum), then the
/// rules broken, then the penalty in words.
pub fn check_text(p: &Programme) -> String {
    let t = &p.texts;
    let r = &p.report;
    let f = Findings::new(p);
    let mut s = String::new();
    let verdict = if r.valid {
        t.labelled(&t.get("verdict-ok"), &t.get("verdict-ok-detail"))
    } else {
        let n = r.violations.len();
        let detail = t.with("verdict-broken-detail", &[("n", n.into())]);
        t.labelled(&t.get("verdict-broken"), &detail)
    };
    let _ = writeln!(s, "{verdict}\n{}", certified_line(p, &f));
    if f.left_out.is_empty() {
        let _ = writeln!(s, "\n{}", t.get("left-out-none"));
    } else {
        let n = f.left_out.len();
        let _ = writeln!(s, "\n{}", t.with("left-out-intro", &[("n", n.into())]));
        for (m, why) in &f.left_out {
            let member = &p.model.members[*m];
            let (reason, fix) = left_out_reason(p, why);
            let who = format!("{} ({})", member.name, member.id);
            let _ = writeln!(s, "  - {}", t.labelled(&who, &reason));
            let _ = writeln!(s, "    {fix}");
        }
    }
    if !p.unscheduled.is_empty() {
        let n = p.unscheduled.len();
        let _ = writeln!(s, "\n{}", t.with("unscheduled-intro", &[("n", n.into())]));
        for u in &p.unscheduled {
            let title = unscheduled_title(p, &u.id);
            let who = format!("{} “{title}”", u.id);
            let _ = writeln!(s, "  - {}", t.labelled(&who, &u.reason));
        }
    }
    if !f.underfilled.is_empty() {
        let _ = writeln!(s, "\n{}", t.get("underfilled-title"));
        for u in &f.underfilled {
            let _ = writeln!(s, "  - {}", underfilled_line(p, u));
        }
    }
    for (rule, list) in violations_by_rule(p) {
        let title = t.name_or("rule", &rule, "");
        let n = list.len();
        let args = [
            ("rule", rule.as_str().into()),
            ("title", title.into()),
            ("n", n.into()),
        ];
        let _ = writeln!(s, "\n{}", t.with("violations-rule", &args));
        for message in list {
            let _ = writeln!(s, "  - {message}");
        }
    }
    let _ = writeln!(s, "\n{}", t.get("penalty-title"));
    let mut rows: Vec<(String, i64)> = r
        .penalty
        .terms()
        .iter()
        .map(|(name, value)| (term_name(p, name), *value))
        .collect();
    rows.push((t.get("term-total"), r.penalty.total));
    let width = rows
        .iter()
        .map(|(n, _)| n.chars().count())
        .max()
        .unwrap_or(0);
    for (name, value) in rows {
        let _ = writeln!(s, "  {name:<width$}{value:>10}");
    }
    let _ = writeln!(
        s,
        "\n{}",
        t.with(
            "counts",
            &[
                ("scheduled", p.sessions.len().into()),
                ("unscheduled", p.unscheduled.len().into()),
                ("members", p.model.members.len().into()),
            ]
        )
    );
    s
}

/// A penalty term in words, with its id: `minutes de trajet (travel_minute)`.
pub fn term_name(p: &Programme, id: &str) -> String {
    format!("{} ({id})", p.texts.name_or("term", id, id))
}

/// The violations' messages grouped by rule, rules in the SPEC's order.
pub fn violations_by_rule(p: &Programme) -> Vec<(String, Vec<String>)> {
    let order = |rule: &str| {
        let family = match rule.chars().next() {
            Some('S') => 0,
            Some('H') => 1,
            Some('C') => 2,
            _ => 3,
        };
        (
            family,
            rule.get(1..)
                .and_then(|n| n.parse::<u32>().ok())
                .unwrap_or(0),
        )
    };
    let mut groups: std::collections::BTreeMap<_, (String, Vec<String>)> = Default::default();
    for v in &p.report.violations {
        groups
            .entry(order(&v.rule))
            .or_insert_with(|| (v.rule.clone(), Vec::new()))
            .1
            .push(v.message.clone());
    }
    groups.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn example() -> (rally_model::Model, rally_model::Plan) {
        crate::worked_example()
    }

    #[test]
    fn a_course_that_falls_short_leaves_its_member_out_with_the_themes() {
        let (model, mut plan) = example();
        let g01 = model.member("g01").unwrap();
        let courses = plan.courses.as_mut().unwrap();
        let course = courses.iter_mut().find(|c| c.member == "g01").unwrap();
        course.sessions.retain(|s| s != "w02/1");
        let p = Programme::new(&model, &plan).in_language(Lang::Fr);
        let f = Findings::new(&p);
        assert_eq!((f.sought, f.certified), (2, 1));
        let (m, why) = &f.left_out[0];
        assert_eq!(*m, g01);
        let LeftOut::Course { missing } = why else {
            panic!("{why:?}")
        };
        assert_ne!(*missing, 0);
        let text = check_text(&p);
        let first: Vec<&str> = text.lines().take(4).collect();
        assert_eq!(
            first[0],
            "Aucune règle enfreinte : le plan respecte toutes les règles impératives."
        );
        assert!(
            first[1].starts_with("1 attestation(s) obtenue(s)"),
            "{text}"
        );
        assert!(
            first[3].starts_with("Un membre qui demande une attestation"),
            "{text}"
        );
        assert!(
            text.contains("refaire les parcours (rally assign)"),
            "{text}"
        );
    }

    #[test]
    fn without_courses_everyone_waits_for_one_and_nothing_is_underfilled() {
        let (model, mut plan) = example();
        plan.courses = None;
        let p = Programme::new(&model, &plan);
        let f = Findings::new(&p);
        assert_eq!(f.certifiable, 2);
        assert!(f.left_out.iter().all(|(_, w)| *w == LeftOut::NoCourse));
        assert!(f.underfilled.is_empty());
        assert!(check_text(&p).contains("2 of 2 certificate(s) sought can be won"));
    }

    #[test]
    fn sessions_under_their_minimum_are_named() {
        let (mut model, plan) = example();
        for w in &mut model.workshops {
            w.min = 11;
        }
        let p = Programme::new(&model, &plan);
        let f = Findings::new(&p);
        let ids: Vec<&str> = f
            .underfilled
            .iter()
            .map(|u| p.session_id(&p.sessions[u.scheduled]))
            .collect();
        assert_eq!(ids, ["w01/1", "w01/2"]);
        assert!(check_text(&p).contains("w01/2 “"), "{}", check_text(&p));
    }
}
