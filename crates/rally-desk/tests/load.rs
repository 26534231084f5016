//! A bounded load test, ignored by default (it reports figures, it asserts
//! no timing): 200 concurrent page views on 127.0.0.1 while a solve runs.
//!
//! `cargo test -p rally-desk --test load -- --ignored --nocapture`

mod support;

use std::time::{Duration, Instant};
use support::{fixture, request, serve, text, wait_idle};

const VIEWS: usize = 200;

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

#[test]
#[ignore = "a load test: run it by hand for its figures"]
fn two_hundred_page_views_during_a_solve() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("haute-vienne-2016.json"),
        dir.path().join("edition.json"),
    )
    .unwrap();
    let addr = serve(dir.path());
    assert_eq!(
        request(addr, "POST", "/plan/run", "kind=solve&seconds=20").0,
        303
    );
    wait_idle(addr);
    assert_eq!(
        request(addr, "POST", "/plan/run", "kind=solve&seconds=600").0,
        303
    );
    let pages = [
        "/edition",
        "/plan",
        "/v/1/site/territories/87.html",
        "/v/1/people",
        "/v/1/site/index.html",
        "/v/1/session?id=w02%2F1",
    ];
    let started = Instant::now();
    let views: Vec<_> = (0..VIEWS)
        .map(|i| {
            let page = pages[i % pages.len()];
            std::thread::spawn(move || {
                let t = Instant::now();
                let (status, _) = request(addr, "GET", page, "");
                (page, status, t.elapsed())
            })
        })
        .collect();
    let results: Vec<_> = views.into_iter().map(|v| v.join().unwrap()).collect();
    let wall = started.elapsed();
    let still_running =
        text(&request(addr, "GET", "/plan", "").1).contains("data-running=\"true\"");
    request(addr, "POST", "/plan/stop", "");
    wait_idle(addr);
    let errors: Vec<_> = results.iter().filter(|r| r.1 != 200).collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(still_running, "the solve ran during the whole load");
    let mut all: Vec<Duration> = results.iter().map(|r| r.2).collect();
    all.sort();
    println!(
        "{VIEWS} concurrent page views during a solve: 0 errors, {:.2} s in all, latency p50 \
            {:.0} ms, p95 {:.0} ms, max {:.0} ms",
        wall.as_secs_f64(),
        percentile(&all, 0.5),
        percentile(&all, 0.95),
        percentile(&all, 1.0)
    );
    for page in pages {
        let mut these: Vec<Duration> = results
            .iter()
            .filter(|r| r.0 == page)
            .map(|r| r.2)
            .collect();
        these.sort();
        println!(
            "  {page}: {} views, p50 {:.0} ms, max {:.0} ms",
            these.len(),
            percentile(&these, 0.5),
            percentile(&these, 1.0)
        );
    }
}
