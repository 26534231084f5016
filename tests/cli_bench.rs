//! `rally bench` on a tiny grid: one row per edition whose figures are the
//! edition's and the checker's, the peer's figures and ratios, the outputs.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn rally(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rally"))
        .args(args)
        .output()
        .expect("rally runs")
}

fn text(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn json(p: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// The total penalty `rally check --json` gives a plan.
fn checked_total(edition: &Path, plan: &Path) -> i64 {
    let o = rally(&["check", text(edition), text(plan), "--json"]);
    let report: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["valid"], true, "{report}");
    report["penalty"]["total"].as_i64().unwrap()
}

#[test]
fn a_tiny_grid_gives_the_checkers_figures_and_the_peers_ratios() {
    let dir = tempfile::tempdir().unwrap();
    let (out, peer) = (dir.path().join("out"), dir.path().join("peer"));
    std::fs::create_dir(&peer).unwrap();
    // The peer: a plan for the first edition, and a CSV with a worse run of
    // it and a run of an edition the grid does not have.
    let first = dir.path().join("first.json");
    let generated = rally(&[
        "generate",
        "--territories",
        "1",
        "--seed",
        "1",
        "--profile",
        "tight",
        "-o",
        text(&first),
    ]);
    assert!(generated.status.success());
    let peer_plan = peer.join("tight-1-1.json");
    let planned = rally(&["plan", text(&first), "-o", text(&peer_plan), "--quiet"]);
    assert!(planned.status.success());
    let peer_total = checked_total(&first, &peer_plan);
    let csv = format!("edition,total\ntight-1-1,{}\nother,5\n", peer_total + 1000);
    std::fs::write(peer.join("runs.csv"), csv).unwrap();

    let o = rally(&[
        "bench",
        "--territories",
        "1",
        "--seeds",
        "1..2",
        "--profiles",
        "tight",
        "--command",
        "plan",
        "--time-limit",
        "5",
        "--peer",
        text(&peer),
        "-o",
        text(&out),
    ]);
    let log = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{log}");
    assert!(log.contains("tight-1-2:"), "{log}");

    let mut table = csv::Reader::from_path(out.join("bench.csv")).unwrap();
    let headers = table.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = table.records().map(Result::unwrap).collect();
    let names: Vec<&str> = rows.iter().map(|r| &r[col("edition")]).collect();
    assert_eq!(names, ["tight-1-1", "tight-1-2"]);
    for row in &rows {
        let name = &row[col("edition")];
        let edition = out.join("editions").join(format!("{name}.json"));
        let plan = out.join("plans").join(format!("{name}.json"));
        let e = json(&edition);
        let sessions: u64 = e["workshops"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["sessions"].as_u64().unwrap_or(1))
            .sum();
        assert_eq!(row[col("sessions")], sessions.to_string());
        let members =
            e["groups"].as_array().unwrap().len() + e["participants"].as_array().unwrap().len();
        assert_eq!(row[col("members")], members.to_string());
        assert_eq!(&row[col("valid")], "true");
        let total = checked_total(&edition, &plan);
        assert_eq!(row[col("total")], total.to_string());
        assert_eq!(&row[col("profile")], "tight");
        assert!(row[col("seconds")].parse::<f64>().unwrap() > 0.0);
    }
    // The peer's best run of the first edition is its plan; the second has none.
    let ours: f64 = rows[0][col("total")].parse().unwrap();
    assert_eq!(rows[0][col("peer_total")], peer_total.to_string());
    let ratio: f64 = rows[0][col("ratio")].parse().unwrap();
    assert!((ratio - ours / peer_total as f64).abs() < 1e-3, "{ratio}");
    assert!(rows[0][col("peer_certified")].parse::<u64>().is_ok());
    assert_eq!(&rows[1][col("peer_total")], "");

    let md = std::fs::read_to_string(out.join("bench.md")).unwrap();
    assert!(md.contains("| edition | profile |"), "{md}");
    assert_eq!(
        md.lines().filter(|l| l.starts_with("| tight-1-")).count(),
        2
    );
    let svg = std::fs::read_to_string(out.join("bench.svg")).unwrap();
    assert!(svg.starts_with("<svg"), "{svg}");
    assert!(svg.matches("<circle").count() >= 2, "{svg}");
}

#[test]
fn a_bad_grid_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = rally(&["bench", "--territories", "0", "-o", text(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--territories"));
    assert!(!out.exists());
    let o = rally(&["bench", "--seeds", "5..2", "-o", text(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("5..2"));
}
