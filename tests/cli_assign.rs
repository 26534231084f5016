//! `rally assign` and `rally solve` from the outside: the plans they write
//! are valid by the checker with the checker's penalty, the programme given
//! to `assign` is kept, bad input writes nothing, and the same seed gives the
//! same plan.

use rally_model::Plan;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn rally(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rally"))
        .args(args)
        .output()
        .expect("rally runs")
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
        .display()
        .to_string()
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// The written plan, checked: valid, and its penalty is the checker's.
fn checked(edition: &str, plan: &Path) -> (Plan, rally_check::Report) {
    let model = rally_model::load_edition(Path::new(edition)).expect("edition");
    let plan = rally_model::load_plan(plan).expect("plan written");
    let report = rally_check::check(&model, &plan);
    assert!(report.valid, "{:#?}", report.violations);
    assert_eq!(plan.penalty, Some(report.penalty.to_map()));
    assert!(plan.courses.is_some());
    (plan, report)
}

#[test]
fn assign_keeps_the_programme_and_certifies_the_tiny_edition() {
    let dir = tempfile::tempdir().expect("tmp");
    let out: PathBuf = dir.path().join("out.json");
    let o = rally(&[
        "assign",
        &fixture("tiny.json"),
        &fixture("tiny.plan.json"),
        "-o",
        s(&out),
        "--quiet",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (plan, report) = checked(&fixture("tiny.json"), &out);
    let given = rally_model::load_plan(Path::new(&fixture("tiny.plan.json"))).expect("plan");
    assert_eq!(plan.sessions, given.sessions);
    assert_eq!(plan.unscheduled, given.unscheduled);
    assert!(report.members.iter().all(|m| m.certified || !m.certifiable));
}

#[test]
fn solve_writes_a_valid_plan_and_says_what_it_certified() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("out.json");
    let o = rally(&[
        "solve",
        &fixture("haute-vienne-2016.json"),
        "-o",
        s(&out),
        "--time-limit",
        "20",
        "--effort",
        "300",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let summary = String::from_utf8_lossy(&o.stderr);
    assert!(summary.contains("certified headcount"), "{summary}");
    assert!(summary.contains("penalty"), "{summary}");
    checked(&fixture("haute-vienne-2016.json"), &out);
}

#[test]
fn same_seed_same_plan() {
    let dir = tempfile::tempdir().expect("tmp");
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    for out in [&a, &b] {
        let o = rally(&[
            "assign",
            &fixture("tiny.json"),
            &fixture("tiny.plan.json"),
            "-o",
            s(out),
            "--quiet",
            "--seed",
            "7",
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let (x, y) = (std::fs::read(&a).expect("a"), std::fs::read(&b).expect("b"));
    assert_eq!(x, y);
}

#[test]
fn an_invalid_programme_is_assigned_with_a_warning() {
    // w1/2 moved onto w1/1's date and slot: the same organisers twice at once.
    let dir = tempfile::tempdir().expect("tmp");
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("tiny.plan.json")).unwrap()).unwrap();
    plan["sessions"][1]["date"] = plan["sessions"][0]["date"].clone();
    let (input, out) = (dir.path().join("in.json"), dir.path().join("out.json"));
    std::fs::write(&input, plan.to_string()).unwrap();
    let o = rally(&["assign", &fixture("tiny.json"), s(&input), "-o", s(&out)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("warning"));
    assert!(out.exists());
}

#[test]
fn a_plan_for_another_edition_is_refused() {
    // tiny.plan.json names sessions and venues haute-vienne-2016.json does not have.
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("out.json");
    let o = rally(&[
        "assign",
        &fixture("haute-vienne-2016.json"),
        &fixture("tiny.plan.json"),
        "-o",
        s(&out),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("plan: sessions[0].id"));
    assert!(!out.exists());
}

#[test]
fn bad_input_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("out.json");
    let not_json = fixture("bad/not-json.json");
    let (tiny, tiny_plan) = (fixture("tiny.json"), fixture("tiny.plan.json"));
    let duplicate = fixture("bad/duplicate-id.json");
    let cases: Vec<Vec<&str>> = vec![
        vec!["assign", &not_json, &not_json, "-o", s(&out)],
        vec!["assign", &tiny, &not_json, "-o", s(&out)],
        vec![
            "assign",
            &tiny,
            &tiny_plan,
            "-o",
            s(&out),
            "--time-limit",
            "-1",
        ],
        vec!["solve", &not_json, "-o", s(&out)],
        vec!["solve", &duplicate, "-o", s(&out)],
    ];
    for args in cases {
        let o = rally(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(!out.exists(), "{args:?}");
    }
}
