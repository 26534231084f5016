//! Benchmarks of `rally_plan::plan` on generated editions of 1, 12 and 101
//! départements (seed 1). Each size first prints, once, the penalty, the lower
//! bound and whether the plan is proven optimal.
//!
//! `cargo bench --bench plan` (add `-- 101` for the largest size alone). For a
//! single large run with its time and memory:
//! `rally generate --territories 101 --seed 1 -o big.json &&
//!  /usr/bin/time -v rally plan big.json -o big.plan.json`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use rally_plan::{plan, Options};
use std::hint::black_box;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("plan");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for territories in [1usize, 12, 101] {
        let text = rally_generate::generate_json(territories, 1);
        let model = rally_model::parse_edition(&text).expect("generated editions are valid");
        let opts = Options::default();
        let first = plan(&model, &opts);
        eprintln!(
            "{territories} département(s): {} sessions, penalty {}, lower bound {:?}, {} in \
                {:.2} s",
            model.sessions.len(),
            first.penalty.total,
            first.lower_bound,
            if first.optimal {
                "proven optimal"
            } else {
                "best found"
            },
            first.elapsed.as_secs_f64()
        );
        group.bench_with_input(BenchmarkId::from_parameter(territories), &model, |b, m| {
            b.iter(|| black_box(plan(m, &opts).penalty.total))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
