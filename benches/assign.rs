//! Benchmarks of `rally_assign::assign` (on a greedily built programme) and
//! `rally_solve::solve` on generated editions of 1, 12 and 101 départements
//! (seed 1). Each size first prints, once, the certified headcount against
//! the upper bound and the time.
//!
//! `cargo bench --bench assign` (add `-- assign/101` or `-- solve/12` for one
//! case). For a single large run with its time and memory:
//! `rally generate --territories 101 --seed 1 -o big.json &&
//!  /usr/bin/time -v rally solve big.json -o big.plan.json --time-limit 60`.

#[path = "../crates/rally-assign/tests/support/mod.rs"]
mod support;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use rally_assign::{assign, AssignOutcome, Options};
use rally_search::Budget;
use rally_solve::solve;
use std::hint::black_box;
use std::time::Duration;

const SIZES: [usize; 3] = [1, 12, 101];

/// The time limit of a run for a size: its speed target.
fn limit(territories: usize) -> Duration {
    Duration::from_secs(match territories {
        1 => 2,
        12 => 10,
        _ => 60,
    })
}

fn line(what: &str, territories: usize, o: &AssignOutcome) {
    eprintln!(
        "{what} {territories} département(s): certified {} of {} wanting (upper bound {}, {:.2}% \
            of it) in {:.2} s",
        o.certified.people(),
        o.wanting.people(),
        o.upper_bound,
        100.0 * o.certified.people() as f64 / o.upper_bound.max(1) as f64,
        o.elapsed.as_secs_f64()
    );
}

fn bench_assign(c: &mut Criterion) {
    let mut group = c.benchmark_group("assign");
    group.sample_size(10);
    for territories in SIZES {
        let text = rally_generate::generate_json(territories, 1);
        let model = rally_model::parse_edition(&text).expect("generated editions are valid");
        let programme = support::greedy_programme(&model);
        let opts = || Options {
            seed: 1,
            budget: Budget::new(Some(limit(territories)), None),
            ..Options::default()
        };
        line("assign", territories, &assign(&model, &programme, &opts()));
        group.bench_with_input(BenchmarkId::from_parameter(territories), &model, |b, m| {
            b.iter(|| black_box(assign(m, &programme, &opts()).penalty.total))
        });
    }
    group.finish();
}

fn bench_solve(c: &mut Criterion) {
    let mut group = c.benchmark_group("solve");
    group.sample_size(10);
    for territories in SIZES {
        let text = rally_generate::generate_json(territories, 1);
        let model = rally_model::parse_edition(&text).expect("generated editions are valid");
        let opts = || Options {
            seed: 1,
            budget: Budget::new(Some(limit(territories)), None),
            ..Options::default()
        };
        let first = solve(&model, &opts());
        line("solve", territories, &first.assigned);
        group.bench_with_input(BenchmarkId::from_parameter(territories), &model, |b, m| {
            b.iter(|| black_box(solve(m, &opts()).assigned.penalty.total))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_assign, bench_solve);
criterion_main!(benches);
