//! The summaries `plan`, `assign` and `solve` print on standard error, in
//! the language of `--lang`: what matters first (people left out, sessions
//! unscheduled or under their minimum, the verdict next to the certificates
//! won: `rally_export::findings`), then the figures of the search.

use rally_export::findings::{self, Findings};
use rally_export::{Lang, Programme, Texts};
use rally_model::replan::Replan;
use rally_model::{Model, Plan};
use std::fmt::Write;
use std::time::Duration;

/// The written plan, checked, told in `lang`.
pub fn programme<'a>(
    model: &'a Model,
    plan: &Plan,
    replan: Option<&Replan>,
    lang: Lang,
) -> Programme<'a> {
    Programme::new_from(model, plan, replan).in_language(lang)
}

/// What matters first, each list cut short for large editions.
fn first(p: &Programme) -> String {
    findings::what_matters(p, &Findings::new(p), findings::SUMMARY_LIST)
}

/// Seconds with two decimals.
fn seconds(t: &Texts, d: Duration) -> String {
    t.decimal(d.as_secs_f64(), 2)
}

/// The gap of `total` to the lower bound `bound`, in percent, one decimal.
fn gap(t: &Texts, total: i64, bound: i64) -> String {
    t.decimal(100.0 * (total - bound) as f64 / total.max(1) as f64, 1)
}

/// The summary of `rally plan`.
pub fn plan(p: &Programme, o: &rally_plan::PlanOutcome) -> String {
    let t = &p.texts;
    let mut s = first(p);
    let args = [
        ("sessions", o.plan.sessions.len().into()),
        ("unscheduled", o.plan.unscheduled.len().into()),
        ("seconds", seconds(t, o.elapsed).into()),
    ];
    let _ = writeln!(s, "{}", t.with("sum-planned", &args));
    let _ = writeln!(s, "{}", findings::penalty_line(p));
    let total = p.report.penalty.total;
    let _ = writeln!(
        s,
        "{}",
        match (o.optimal, o.lower_bound) {
            (true, _) => t.get("sum-optimal"),
            (false, Some(b)) => t.with(
                "sum-best-bound",
                &[("bound", b.into()), ("gap", gap(t, total, b).into())]
            ),
            (false, None) => t.get("sum-best"),
        }
    );
    s
}

/// The summary of `rally assign`, and of `rally solve` before its own lines:
/// what matters first, the sessions that would certify more, the
/// certificates won against the bound, the penalty.
pub fn assigned(p: &Programme, o: &rally_assign::AssignOutcome) -> String {
    let t = &p.texts;
    let mut s = first(p);
    if !o.suggestions.is_empty() {
        let _ = writeln!(s, "{}", t.get("sum-suggestions"));
        for x in &o.suggestions {
            let _ = writeln!(s, "  * {}", suggestion(p, x));
        }
    }
    let (got, of) = (&o.certified, &o.wanting);
    let args = [
        ("participants", got.participants.into()),
        ("wanting-participants", of.participants.into()),
        ("groups", got.groups.into()),
        ("wanting-groups", of.groups.into()),
        ("pupils", got.pupils.into()),
        ("wanting-pupils", of.pupils.into()),
        ("seconds", seconds(t, o.elapsed).into()),
    ];
    let _ = writeln!(s, "{}", t.with("sum-certified", &args));
    let bound = if o.optimal {
        t.get("sum-optimal")
    } else {
        t.with("sum-upper-bound", &[("n", o.upper_bound.into())])
    };
    let args = [
        ("got", got.people().into()),
        ("wanting", of.people().into()),
        ("bound", bound.into()),
    ];
    let _ = writeln!(s, "{}", t.with("sum-headcount", &args));
    let _ = writeln!(s, "{}", findings::penalty_line(p));
    s
}

/// One more session that would certify more, in words.
fn suggestion(p: &Programme, x: &rally_assign::Suggestion) -> String {
    let t = &p.texts;
    let (w, weekday, slot, venue) = x.place;
    let mut whom = Vec::new();
    if x.participants > 0 {
        whom.push(t.with("sum-participants", &[("n", x.participants.into())]));
    }
    if x.groups > 0 {
        whom.push(t.with("sum-groups", &[("n", x.groups.into())]));
    }
    let whom = match whom.as_slice() {
        [a, b] => t.with("sum-and", &[("a", a.into()), ("b", b.into())]),
        _ => whom.concat(),
    };
    let workshop = &p.model.workshops[w];
    t.with(
        "sum-suggestion",
        &[
            ("workshop", workshop.id.as_str().into()),
            ("title", workshop.title.as_str().into()),
            ("weekday", t.weekday(weekday).into()),
            (
                "slot",
                rally_export::view::lower_first(&p.slot_name(slot)).into(),
            ),
            ("venue", p.venue(venue).1.into()),
            ("whom", whom.into()),
        ],
    )
}

/// The lines `rally solve` adds: the programme's penalty before courses,
/// the sessions moved, the total against the lower bound.
pub fn solved(p: &Programme, o: &rally_solve::SolveOutcome) -> String {
    let t = &p.texts;
    let mut s = assigned(p, &o.assigned);
    let cap = findings::SUMMARY_LIST;
    let list = o
        .moved
        .iter()
        .take(cap)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    let moved = match o.moved.len() {
        0 => t.get("sum-none"),
        n if n > cap => t.with(
            "why-more",
            &[("list", list.into()), ("n", (n - cap).into())],
        ),
        _ => list,
    };
    let args = [
        ("penalty", o.programme_penalty.total.into()),
        ("moved", moved.into()),
        ("seconds", seconds(t, o.elapsed).into()),
    ];
    let _ = writeln!(s, "{}", t.with("sum-solve", &args));
    let total = p.report.penalty.total;
    let line = match o.lower_bound {
        Some(b) if b >= total => t.with("sum-total-optimal", &[("total", total.into())]),
        Some(b) => t.with(
            "sum-total-bound",
            &[
                ("total", total.into()),
                ("bound", b.into()),
                ("gap", gap(t, total, b).into()),
            ],
        ),
        None => t.with("sum-total-no-bound", &[("total", total.into())]),
    };
    let _ = writeln!(s, "{line}");
    s
}
