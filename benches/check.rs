//! Benchmarks of `rally_check::check` on generated editions of 1, 12 and 101
//! départements, with an empty programme (every session unscheduled) and a
//! full one (built greedily, see [`greedy`]).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use rally_model::{Model, Plan};
use std::hint::black_box;
use std::time::Duration;

/// Test support: plans that the checker judges valid, built without a solver.
mod greedy {
    use rally_model::types::Unscheduled;
    use rally_model::{Model, Placement, Plan};

    /// Sessions already placed: what H5–H7 need to know.
    struct Board<'a> {
        model: &'a Model,
        /// Venue × period taken (H5).
        venue_taken: Vec<bool>,
        /// For each partner, its placed sessions as (period, venue, start, end).
        partner: Vec<Vec<(usize, usize, u32, u32)>>,
    }

    impl<'a> Board<'a> {
        fn new(model: &'a Model) -> Self {
            Board {
                model,
                venue_taken: vec![false; model.venues.len() * model.grid.n_periods()],
                partner: vec![Vec::new(); model.partners.len()],
            }
        }

        /// Whether a session of `workshop` may go at `at` next to those placed
        /// (H5 venue, H6 parallel and daily limits, H7 travel).
        fn fits(&self, workshop: usize, at: Placement) -> bool {
            let m = self.model;
            if self.venue_taken[at.venue * m.grid.n_periods() + at.period] {
                return false;
            }
            let (start, end) = m.times_in(workshop, at.period);
            let day = m.grid.day_of(at.period);
            m.workshops[workshop].organisers.iter().all(|&o| {
                let p = &m.partners[o];
                let same_day: Vec<_> = self.partner[o]
                    .iter()
                    .filter(|s| m.grid.day_of(s.0) == day)
                    .collect();
                let in_period = same_day.iter().filter(|s| s.0 == at.period).count();
                let h6 = (in_period as u32) < p.parallel && (same_day.len() as u32) < p.max_per_day;
                let h7 = p.parallel != 1
                    || same_day.iter().all(|&&(q, v, s, e)| {
                        let road = |a, b| m.venue_travel(a, b);
                        if q < at.period {
                            road(v, at.venue).is_some_and(|t| e + t <= start)
                        } else {
                            road(at.venue, v).is_some_and(|t| end + t <= s)
                        }
                    });
                h6 && h7
            })
        }

        fn place(&mut self, workshop: usize, at: Placement) {
            let m = self.model;
            self.venue_taken[at.venue * m.grid.n_periods() + at.period] = true;
            let (start, end) = m.times_in(workshop, at.period);
            for &o in &m.workshops[workshop].organisers {
                self.partner[o].push((at.period, at.venue, start, end));
            }
        }
    }

    /// Pinned sessions where pinned, then every other session on its first
    /// feasible placement (H1–H4) that keeps H5–H7; none left: unscheduled.
    pub fn full_programme(model: &Model) -> Plan {
        let mut board = Board::new(model);
        let mut at: Vec<Option<Placement>> = vec![None; model.sessions.len()];
        for pin in &model.pins {
            board.place(model.sessions[pin.session].workshop, pin.at);
            at[pin.session] = Some(pin.at);
        }
        for (w, workshop) in model.workshops.iter().enumerate() {
            let feasible = model.feasible_placements(w);
            let sessions = workshop.first_session..workshop.first_session + workshop.n_sessions;
            for s in sessions {
                if at[s].is_some() {
                    continue;
                }
                if let Some(&p) = feasible.iter().find(|&&p| board.fits(w, p)) {
                    board.place(w, p);
                    at[s] = Some(p);
                }
            }
        }
        let mut plan = Plan::default();
        for (s, placed) in at.into_iter().enumerate() {
            match placed {
                Some(p) => plan.sessions.push(model.planned_session(s, p)),
                None => plan.unscheduled.push(Unscheduled {
                    id: model.sessions[s].id.clone(),
                    reason: "no placement keeps H1–H7".into(),
                }),
            }
        }
        plan
    }

    /// Every session unscheduled.
    pub fn empty_programme(model: &Model) -> Plan {
        Plan {
            unscheduled: model
                .sessions
                .iter()
                .map(|s| Unscheduled {
                    id: s.id.clone(),
                    reason: "not planned".into(),
                })
                .collect(),
            ..Plan::default()
        }
    }
}

fn edition(territories: usize) -> Model {
    rally_model::parse_edition(&rally_generate::generate_json(territories, 1))
        .expect("a generated edition is valid")
}

fn bench_check(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    for territories in [1, 12, 101] {
        let model = edition(territories);
        let programmes = [
            ("empty", greedy::empty_programme(&model)),
            ("full", greedy::full_programme(&model)),
        ];
        for (name, plan) in &programmes {
            let report = rally_check::check(&model, plan);
            assert!(
                report.violations.iter().all(|v| v.rule == "H8"),
                "{name} programme of {territories}: {:?}",
                report.violations.first()
            );
            group.bench_with_input(
                BenchmarkId::new(*name, territories),
                &(&model, plan),
                |b, (model, plan): &(&Model, &Plan)| {
                    b.iter(|| black_box(rally_check::check(model, plan)))
                },
            );
        }
    }
    group.finish();
}

criterion_group!(benches, bench_check);
criterion_main!(benches);
