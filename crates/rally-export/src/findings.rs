//! What matters first, for the index, `rally check` and the summaries: the
//! people left out (who, why, what would fix it), the sessions left
//! unscheduled and the sessions under their minimum, then the verdict next
//! to the certificates won.

use crate::view::Programme;
use rally_check::certify::barrier;
use rally_model::ThemeSet;
use std::fmt::Write;

/// How many entries of each list `rally check`'s text names.
pub const CHECK_LIST: usize = 50;

/// How many entries of each list a summary of `plan`, `assign` or `solve` names.
pub const SUMMARY_LIST: usize = 10;

/// Why a member who seeks a certificate does not get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeftOut {
    /// No course within the programme can certify member `member`: the
    /// checker's reasons are in the report.
    Cannot {
        /// The member's index.
        member: usize,
        /// The themes its course does not validate.
        missing: ThemeSet,
    },
    /// Its course misses these themes, though a course exists that would not
    /// (the other members ignored); of these, `full` are the themes whose
    /// every session it could attend is full.
    Course {
        /// The themes its course does not validate.
        missing: ThemeSet,
        /// Those of them whose every reachable session is full.
        full: ThemeSet,
    },
    /// The plan has no courses yet.
    NoCourse,
}

/// A session whose attendance is below its workshop's minimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Underfilled {
    /// Index in [`Programme::sessions`].
    pub scheduled: usize,
    /// Seats taken (headcount).
    pub taken: u32,
    /// The workshop's minimum.
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
    /// Their headcount (a group counts its people).
    pub left_out_people: u64,
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
            left_out_people: 0,
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
                LeftOut::Cannot { member: m, missing }
            } else if p.has_courses() {
                let missing = member.themes & !p.validated(m);
                LeftOut::Course {
                    missing,
                    full: full_themes(p, m, missing),
                }
            } else {
                LeftOut::NoCourse
            };
            f.left_out_people += u64::from(member.headcount);
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

/// The themes of `missing` whose every session member `m` could attend
/// (no barrier of the checker's) has no seat left for it.
fn full_themes(p: &Programme, m: usize, missing: ThemeSet) -> ThemeSet {
    let model = p.model;
    let headcount = model.members[m].headcount;
    let mut open: ThemeSet = 0;
    for s in &p.sessions {
        let themes = model.workshops[s.workshop].themes & missing & !open;
        if themes != 0
            && p.taken(s) + headcount <= s.capacity
            && barrier(model, m, &s.offer()).is_none()
        {
            open |= themes;
        }
    }
    missing & !open
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
        LeftOut::Cannot { member, missing } => {
            let mut reason = t.get("left-out-cannot");
            let why = crate::reasons::words(p, *member, &p.report.members[*member].reasons);
            if !why.is_empty() {
                let _ = write!(reason, " ({why})");
            }
            let themes = p.theme_names(*missing);
            (reason, t.with("fix-cannot", &[("themes", themes.into())]))
        }
        LeftOut::Course { missing, full: 0 } => (
            t.with(
                "left-out-course",
                &[("themes", p.theme_names(*missing).into())],
            ),
            t.get("fix-course"),
        ),
        LeftOut::Course { missing, full } => {
            let args = [
                ("themes", p.theme_names(*missing).into()),
                ("full", p.theme_names(*full).into()),
            ];
            (t.with("left-out-seats", &args), t.with("fix-seats", &args))
        }
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

/// A member as people name it: `Inès H. (01-u0002)`.
pub fn member_name(p: &Programme, m: usize) -> String {
    let member = &p.model.members[m];
    format!("{} ({})", member.name, member.id)
}

/// What matters first, as text: the people left out (how many, who, why,
/// what would fix it), the sessions unscheduled with their reasons, those
/// under their minimum, then the verdict next to the certificates won.
/// Each list names at most `cap` entries and counts the rest.
pub fn what_matters(p: &Programme, f: &Findings, cap: usize) -> String {
    let t = &p.texts;
    let mut s = String::new();
    // Without courses, only who no course can certify is left out by the programme.
    let listed: Vec<&(usize, LeftOut)> = f
        .left_out
        .iter()
        .filter(|(_, why)| *why != LeftOut::NoCourse)
        .collect();
    if listed.is_empty() {
        let _ = writeln!(s, "{}", t.get("left-out-none"));
    } else {
        let people: u64 = listed
            .iter()
            .map(|(m, _)| u64::from(p.model.members[*m].headcount))
            .sum();
        let intro = if p.has_courses() {
            "left-out-intro"
        } else {
            "left-out-intro-programme"
        };
        let args = [("n", listed.len().into()), ("people", people.into())];
        let _ = writeln!(s, "{}", t.with(intro, &args));
        for (m, why) in listed.iter().take(cap) {
            let (reason, fix) = left_out_reason(p, why);
            let who = format!("{}, {}", member_name(p, *m), p.member_kind(*m));
            let _ = writeln!(s, "  - {}", t.labelled(&who, &reason));
            let _ = writeln!(s, "    {fix}");
        }
        more(&mut s, p, listed.len(), cap);
    }
    if !p.unscheduled.is_empty() {
        let n = p.unscheduled.len();
        let _ = writeln!(s, "{}", t.with("unscheduled-intro", &[("n", n.into())]));
        for u in p.unscheduled.iter().take(cap) {
            let title = unscheduled_title(p, &u.id);
            let who = format!("{} {}", u.id, t.with("quoted", &[("text", title.into())]));
            let _ = writeln!(s, "  - {}", t.labelled(&who, &p.unscheduled_reason(u)));
        }
        more(&mut s, p, n, cap);
    }
    if !f.underfilled.is_empty() {
        let n = f.underfilled.len();
        let _ = writeln!(s, "{}", t.with("underfilled-intro", &[("n", n.into())]));
        for u in f.underfilled.iter().take(cap) {
            let _ = writeln!(s, "  - {}", underfilled_line(p, u));
        }
        more(&mut s, p, n, cap);
    }
    let _ = writeln!(s, "{} {}", verdict_line(p), certified_line(p, f));
    s
}

/// `… and 12 more`, when a list of `n` was cut at `cap`.
fn more(s: &mut String, p: &Programme, n: usize, cap: usize) {
    if n > cap {
        let _ = writeln!(
            s,
            "  {}",
            p.texts.with("list-more", &[("n", (n - cap).into())])
        );
    }
}

/// "No rule broken: the plan keeps every hard rule." (never a bare "valid"),
/// or how many rules are broken.
pub fn verdict_line(p: &Programme) -> String {
    let t = &p.texts;
    if p.report.valid {
        t.labelled(&t.get("verdict-ok"), &t.get("verdict-ok-detail"))
    } else {
        let n = p.report.violations.len();
        let detail = t.with("verdict-broken-detail", &[("n", n.into())]);
        t.labelled(&t.get("verdict-broken"), &detail)
    }
}

/// The readable report of `rally check`: what matters first (people left
/// out, unscheduled sessions, sessions under their minimum, the verdict),
/// then the rules broken, then the penalty in words.
pub fn check_text(p: &Programme) -> String {
    let t = &p.texts;
    let r = &p.report;
    let f = Findings::new(p);
    let mut s = what_matters(p, &f, CHECK_LIST);
    for (rule, list) in violations_by_rule(p) {
        let title = t.name_or("rule", &rule, "");
        let n = list.len();
        let args = [
            ("rule", rule.as_str().into()),
            ("title", title.into()),
            ("n", n.into()),
        ];
        let _ = writeln!(s, "\n{}", t.with("violations-rule", &args));
        for message in list.iter().take(CHECK_LIST) {
            let _ = writeln!(s, "  - {message}");
        }
        more(&mut s, p, n, CHECK_LIST);
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

/// The penalty on one line, its terms that are not zero in words:
/// `penalty 2200: people no course can certify 2200`.
pub fn penalty_line(p: &Programme) -> String {
    let t = &p.texts;
    let terms: Vec<String> = p
        .report
        .penalty
        .terms()
        .iter()
        .filter(|(_, value)| *value != 0)
        .map(|(name, value)| {
            let name = t.name_or("term", name, name);
            t.with(
                "sum-term",
                &[("name", name.into()), ("value", (*value).into())],
            )
        })
        .collect();
    let total = p.report.penalty.total;
    t.with(
        "sum-penalty",
        &[("total", total.into()), ("terms", terms.join(", ").into())],
    )
}

/// A penalty term in words, with its id: `minutes de trajet (travel_minute)`.
pub fn term_name(p: &Programme, id: &str) -> String {
    format!("{} ({id})", p.texts.name_or("term", id, id))
}

/// The violations in words grouped by rule, rules in the SPEC's order.
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
            .push(crate::violations::words(p, v));
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
        let LeftOut::Course { missing, .. } = why else {
            panic!("{why:?}")
        };
        assert_ne!(*missing, 0);
        let text = check_text(&p);
        let first: Vec<&str> = text.lines().take(4).collect();
        let people = model.members[g01].headcount;
        assert_eq!(
            first[0],
            format!(
                "Un membre qui demande une attestation ne l’obtient pas ({people} personnes) :"
            )
        );
        let name = &model.members[g01].name;
        assert!(
            first[1].starts_with(&format!("  - {name} (g01), groupe de {people}")),
            "{text}"
        );
        assert!(first[1].contains("leur parcours laisse de côté"), "{text}");
        assert!(first[2].trim().starts_with("pour y remédier :"), "{text}");
        // Then the sessions under their minimum, then the verdict.
        assert!(text
            .lines()
            .nth(3)
            .unwrap()
            .ends_with("sous leur minimum :"));
        let verdict = text.lines().take_while(|l| !l.is_empty()).last();
        assert_eq!(
            verdict.unwrap(),
            "Aucune règle enfreinte : le plan respecte toutes les règles impératives. \
             1 attestation(s) obtenue(s) par les parcours sur 2 demandée(s)."
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
        let text = check_text(&p);
        let first: Vec<&str> = text.lines().take(2).collect();
        assert_eq!(
            first[0],
            "Nobody is left out: every certificate sought can be won."
        );
        assert!(
            first[1].ends_with(
                "2 of 2 certificate(s) sought can be won with this programme (no courses yet)."
            ),
            "{text}"
        );
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
        let short = what_matters(&p, &f, 1);
        assert!(
            short.contains("2 sessions are under their minimum:"),
            "{short}"
        );
        assert!(short.contains("  - w01/1 “"), "{short}");
        assert!(!short.contains("w01/2 “"), "{short}");
        assert!(short.contains("… and 1 more"), "{short}");
    }

    #[test]
    fn a_member_whose_sessions_are_full_is_told_to_add_seats() {
        let (model, mut plan) = example();
        let g01 = model.member("g01").unwrap();
        let courses = plan.courses.as_mut().unwrap();
        let course = courses.iter_mut().find(|c| c.member == "g01").unwrap();
        course.sessions.retain(|s| s != "w02/1");
        let p = Programme::new(&model, &plan);
        let Some((_, LeftOut::Course { missing, full })) =
            Findings::new(&p).left_out.first().cloned()
        else {
            panic!("g01 is left out by its course")
        };
        // w02/1 keeps its seats for g01: nothing it misses is full.
        assert_eq!(full, 0);
        // With 10 seats, w02/1 holds u0001 and has no room left for g01's 10.
        let mut tight = model.clone();
        tight.workshops[1].max = 10;
        let p = Programme::new(&tight, &plan);
        let f = Findings::new(&p);
        let (m, LeftOut::Course { full, .. }) = &f.left_out[0] else {
            panic!("{:?}", f.left_out)
        };
        assert_eq!((*m, *full), (g01, missing));
        let (reason, fix) = left_out_reason(&p, &f.left_out[0].1);
        assert!(reason.contains("they could attend are full"), "{reason}");
        assert!(fix.starts_with("to fix: add a session of"), "{fix}");
    }
}
