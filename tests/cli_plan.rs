//! `rally plan` from the outside (SPEC §8): the plan it writes is valid by
//! the checker with the checker's penalty, reproducible byte for byte, with a
//! summary on standard error; `--from` re-plans; bad input writes nothing.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

fn rally(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rally"))
        .args(args)
        .output()
        .expect("rally runs")
}

fn text(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Plans `edition` into `out` with extra arguments; the plan as JSON.
fn plan(edition: &Path, out: &Path, extra: &[&str]) -> (Output, Value) {
    let mut args = vec!["plan", text(edition), "-o", text(out)];
    args.extend_from_slice(extra);
    let output = rally(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let plan: Value = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    (output, plan)
}

/// The checker's verdict on a written plan: valid, and the same penalty.
fn judged(edition: &Path, out: &Path, plan: &Value) {
    let model = rally_model::load_edition(edition).unwrap();
    let parsed = rally_model::load_plan(out).unwrap();
    let report = rally_check::check(&model, &parsed);
    assert!(report.valid, "{:?}", report.violations);
    assert_eq!(
        plan["penalty"],
        serde_json::to_value(report.penalty.to_map()).unwrap()
    );
}

#[test]
fn plans_the_tiny_fixture_with_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.json");
    let edition = fixture("tiny.json");
    let (output, plan) = plan(&edition, &out, &[]);
    judged(&edition, &out, &plan);
    assert_eq!(plan["edition"], "Tiny rally — one week in Haute-Vienne");
    assert!(plan.get("courses").is_none());
    assert!(plan["sessions"].as_array().unwrap().len() == 4);
    assert!(plan["unscheduled"].as_array().unwrap().is_empty());
    let summary = String::from_utf8_lossy(&output.stderr);
    assert!(
        summary.contains("planned 4 sessions, 0 unscheduled"),
        "{summary}"
    );
    assert!(summary.contains("proven optimal"), "{summary}");
}

#[test]
fn same_seed_same_bytes_and_quiet_is_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let edition = fixture("haute-vienne-2016.json");
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    let (out, plan_a) = plan(&edition, &a, &["--seed", "9", "--quiet"]);
    assert!(out.stderr.is_empty());
    plan(&edition, &b, &["--seed", "9", "--quiet"]);
    judged(&edition, &a, &plan_a);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

#[test]
fn replanning_from_a_plan_moves_nothing_without_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let edition = fixture("haute-vienne-2016.json");
    let (first, second) = (dir.path().join("1.json"), dir.path().join("2.json"));
    plan(&edition, &first, &["--quiet"]);
    let (output, plan2) = plan(
        &edition,
        &second,
        &["--from", text(&first), "--time-limit", "30"],
    );
    judged(&edition, &second, &plan2);
    let summary = String::from_utf8_lossy(&output.stderr);
    assert!(summary.contains("0 session(s) moved"), "{summary}");
    let one: Value = serde_json::from_str(&std::fs::read_to_string(&first).unwrap()).unwrap();
    assert_eq!(one["sessions"], plan2["sessions"]);
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );
}

#[test]
fn bad_input_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.json");
    let bad = fixture("bad/duplicate-id.json");
    let output = rally(&["plan", text(&bad), "-o", text(&out)]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!out.exists());
    let output = rally(&[
        "plan",
        text(&fixture("tiny.json")),
        "-o",
        text(&out),
        "--time-limit",
        "-1",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!out.exists());
    let output = rally(&[
        "plan",
        text(&fixture("tiny.json")),
        "-o",
        text(&out),
        "--from",
        text(&bad),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!out.exists());
}
