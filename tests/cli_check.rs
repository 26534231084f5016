//! `rally check` from the outside (SPEC §8): exit codes, the JSON it prints,
//! and bad input refused with the path of the bad field and no output written.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/example")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn rally(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rally"))
        .args(args)
        .output()
        .expect("rally runs")
}

fn check_json(edition: &Path, plan: &Path) -> (i32, Value) {
    let out = rally(&[Path::new("check"), edition, plan, Path::new("--json")]);
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().expect("an exit code"), json)
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn write_json(dir: &Path, name: &str, value: &Value) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, value.to_string()).unwrap();
    path
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const TERMS: [&str; 13] = [
    "total",
    "unscheduled",
    "theme_week",
    "same_day",
    "daily_load",
    "coverage",
    "uncertified",
    "theme_missing",
    "wish",
    "group_day",
    "participant_day",
    "travel_minute",
    "underfill",
];

/// Asserts the shape of SPEC §8: keys, types, every member listed.
fn assert_report_shape(report: &Value, members: usize) {
    let keys: Vec<&str> = report
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["valid", "violations", "penalty", "members"]);
    assert!(report["valid"].is_boolean());
    for v in report["violations"].as_array().unwrap() {
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["rule", "sessions", "members", "message"]);
        assert!(v["sessions"].is_array() && v["members"].is_array() && v["message"].is_string());
    }
    let penalty = report["penalty"].as_object().unwrap();
    let keys: Vec<&str> = penalty.keys().map(String::as_str).collect();
    assert_eq!(keys, TERMS);
    assert!(penalty.values().all(Value::is_i64));
    let sum: i64 = TERMS[1..]
        .iter()
        .map(|t| penalty[*t].as_i64().unwrap())
        .sum();
    assert_eq!(penalty["total"].as_i64(), Some(sum));
    let list = report["members"].as_array().unwrap();
    assert_eq!(list.len(), members);
    for m in list {
        let keys: Vec<&str> = m.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["member", "certifiable", "certified", "missing", "why"]
        );
        assert!(m["certifiable"].is_boolean() && m["certified"].is_boolean());
        assert!(m["missing"].is_array() && m["why"].is_string());
    }
}

#[test]
fn the_worked_example_is_valid_and_scores_807() {
    let ex = examples();
    let (code, report) = check_json(&ex.join("edition.json"), &ex.join("plan.json"));
    assert_eq!(code, 0);
    assert_report_shape(&report, 2);
    let expected = read_json(&ex.join("expected.json"));
    assert_eq!(report["valid"], expected["valid"]);
    assert_eq!(report["penalty"], expected["penalty"]);
    assert_eq!(report["penalty"]["total"], 807);
    for m in report["members"].as_array().unwrap() {
        let id = m["member"].as_str().unwrap();
        assert_eq!(m["certified"], expected["certified"][id], "{id}");
        assert_eq!(m["certifiable"], true, "{id}");
    }
}

#[test]
fn the_readable_report_says_no_rule_is_broken_and_what_is_won() {
    let ex = examples();
    let out = rally(&[
        Path::new("check"),
        &ex.join("edition.json"),
        &ex.join("plan.json"),
        Path::new("--lang"),
        Path::new("en"),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..4],
        [
            "Nobody is left out: every certificate sought can be won.",
            "One session is under its minimum:",
            "  - w01/2 “A morning with a home helper” on Tuesday 8 March 2016: 1 of at least 4.",
            "No rule broken: the plan keeps every hard rule. \
             2 of 2 certificate(s) sought are won by the courses."
        ],
        "{text}"
    );
    assert!(text.contains("minutes of travel (travel_minute)"), "{text}");
    assert!(text.contains("807"), "{text}");
}

#[test]
fn the_readable_report_speaks_french_when_asked() {
    let ex = examples();
    let args = [
        Path::new("check"),
        &ex.join("edition.json"),
        &ex.join("plan.json"),
        Path::new("--lang"),
        Path::new("fr"),
    ];
    let text = String::from_utf8(rally(&args).stdout).unwrap();
    assert!(
        text.starts_with("Personne n’est laissé de côté : "),
        "{text}"
    );
    assert!(text.contains("\nAucune règle enfreinte : "), "{text}");
    assert!(text.contains("minutes de trajet (travel_minute)"), "{text}");
    let bad = rally(&[&args[..3], &[Path::new("--lang"), Path::new("de")]].concat());
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("use fr or en"));
}

#[test]
fn violations_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples();
    let mut plan = read_json(&ex.join("plan.json"));
    plan["sessions"][1]["capacity"] = 14.into();
    let plan = write_json(dir.path(), "plan.json", &plan);
    let (code, report) = check_json(&ex.join("edition.json"), &plan);
    assert_eq!(code, 1);
    assert_report_shape(&report, 2);
    assert_eq!(report["valid"], false);
    assert_eq!(report["violations"][0]["rule"], "S2");
    assert_eq!(report["violations"][0]["sessions"][0], "w01/2");
    // The penalty is still computed on the plan as given.
    assert_eq!(report["penalty"]["total"], 807);
}

#[test]
fn a_plan_without_courses_is_certified_by_no_one() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples();
    let mut plan = read_json(&ex.join("plan.json"));
    plan.as_object_mut().unwrap().remove("courses");
    let plan = write_json(dir.path(), "plan.json", &plan);
    let (code, report) = check_json(&ex.join("edition.json"), &plan);
    assert_eq!(code, 0);
    assert_report_shape(&report, 2);
    for m in report["members"].as_array().unwrap() {
        assert_eq!(
            (&m["certifiable"], &m["certified"]),
            (&true.into(), &false.into())
        );
    }
}

#[test]
fn the_plan_may_come_from_standard_input() {
    let ex = examples();
    let mut child = Command::new(env!("CARGO_BIN_EXE_rally"))
        .arg("check")
        .arg(ex.join("edition.json"))
        .args(["-", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let plan = std::fs::read(ex.join("plan.json")).unwrap();
    child.stdin.take().unwrap().write_all(&plan).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["penalty"]["total"], 807);
}

#[test]
fn a_bad_edition_exits_2_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples();
    let mut edition = read_json(&ex.join("edition.json"));
    edition["workshops"][0]["organisers"][1] = "pe78".into();
    edition["venues"][1]["capacity"] = 0.into();
    let edition = write_json(dir.path(), "edition.json", &edition);
    let out = rally(&[Path::new("check"), &edition, &ex.join("plan.json")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(err.contains("workshops[0].organisers[1]"), "{err}");
    assert!(err.contains("unknown partner \"pe78\""), "{err}");
    assert!(err.contains("venues[1].capacity"), "{err}");
}

#[test]
fn a_plan_of_the_wrong_shape_exits_2_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples();
    let mut plan = read_json(&ex.join("plan.json"));
    plan["sessions"][0]["capacity"] = "15".into();
    let wrong_type = write_json(dir.path(), "type.json", &plan);
    let mut plan = read_json(&ex.join("plan.json"));
    plan.as_object_mut().unwrap().remove("unscheduled");
    let missing = write_json(dir.path(), "missing.json", &plan);
    let not_json = dir.path().join("text.json");
    std::fs::write(&not_json, "{\"sessions\": [").unwrap();
    for (plan, path) in [
        (wrong_type, "plan: sessions[0].capacity"),
        (missing, "plan: unscheduled"),
        (not_json, "plan: line 1"),
    ] {
        let out = rally(&[Path::new("check"), &ex.join("edition.json"), &plan]);
        assert_eq!(out.status.code(), Some(2), "{}", plan.display());
        assert!(out.stdout.is_empty());
        assert!(stderr(&out).contains(path), "{}", stderr(&out));
    }
}

#[test]
fn a_missing_file_exits_2() {
    let ex = examples();
    let out = rally(&[
        Path::new("check"),
        &ex.join("no-such-edition.json"),
        &ex.join("plan.json"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-edition.json"));
}

/// `(file, path)` for every line "- `file`: `path` — …" of fixtures/bad/README.md.
fn bad_fixtures() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string(fixtures().join("bad/README.md")).unwrap();
    readme
        .lines()
        .filter_map(|line| {
            let mut quoted = line.strip_prefix("- `")?.split('`');
            let file = quoted.next()?.to_string();
            let path = quoted.nth(1)?.to_string();
            Some((file, path))
        })
        .collect()
}

#[test]
fn every_bad_fixture_exits_2_naming_its_path_and_writes_nothing() {
    if !fixtures().join("bad/README.md").exists() {
        return;
    }
    let listed = bad_fixtures();
    assert!(listed.len() >= 10, "{listed:?}");
    let dir = tempfile::tempdir().unwrap();
    let plan = examples().join("plan.json");
    for (file, path) in listed {
        let edition = fixtures().join("bad").join(&file);
        let out = rally(&[Path::new("check"), &edition, &plan]);
        assert_eq!(out.status.code(), Some(2), "{file}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{file}");
        assert!(stderr(&out).contains(&path), "{file}: {}", stderr(&out));
        let output = dir.path().join(format!("{file}.plan.json"));
        let out = rally(&[Path::new("plan"), &edition, Path::new("-o"), &output]);
        assert_eq!(out.status.code(), Some(2), "{file}: {}", stderr(&out));
        assert!(stderr(&out).contains(&path), "{file}: {}", stderr(&out));
        assert!(
            !output.exists(),
            "{file}: rally plan wrote {}",
            output.display()
        );
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn broken_rules_read_in_french_while_the_json_stays_english() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples();
    let mut plan = read_json(&ex.join("plan.json"));
    // w01/1 moved to Friday 4 March, a closed day; u0001 sent to w01 twice.
    plan["sessions"][0]["date"] = "2016-03-04".into();
    plan["courses"][1]["sessions"] = serde_json::json!(["w01/1", "w01/2", "w02/1"]);
    let plan = write_json(dir.path(), "plan.json", &plan);
    let edition = ex.join("edition.json");
    let (code, report) = check_json(&edition, &plan);
    assert_eq!(code, 1);
    let messages: Vec<&str> = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["message"].as_str().unwrap())
        .collect();
    assert!(messages.contains(&"session w01/1: 2016-03-04 is not an opening day of the rally"));
    assert!(messages.contains(&"u0001 attends workshop w01 2 times"));
    let fr = rally(&[
        Path::new("check"),
        &edition,
        &plan,
        Path::new("--lang"),
        Path::new("fr"),
    ]);
    assert_eq!(fr.status.code(), Some(1));
    let text = String::from_utf8(fr.stdout).unwrap();
    assert!(
        text.contains("est placée le vendredi 4 mars 2016, qui n’est pas un jour d’ouverture"),
        "{text}"
    );
    assert!(
        text.contains("u0001 suit l’atelier « A morning with a home helper » 2 fois"),
        "{text}"
    );
    for english in &messages {
        assert!(
            !text.contains(english),
            "{english} left in English:\n{text}"
        );
    }
}

/// `rally plan` on the worked example changed by `edit`, then `check` in
/// French and English: the plan, and the texts.
fn planned_and_checked(dir: &Path, edit: impl Fn(&mut Value)) -> (PathBuf, PathBuf, Value) {
    let mut edition = read_json(&examples().join("edition.json"));
    edit(&mut edition);
    let edition = write_json(dir, "edition.json", &edition);
    let plan = dir.join("plan.json");
    let out = rally(&[
        Path::new("plan"),
        &edition,
        Path::new("-o"),
        &plan,
        Path::new("--effort"),
        Path::new("50"),
        Path::new("--quiet"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json = read_json(&plan);
    (edition, plan, json)
}

/// `check`'s text in `lang`.
fn check_text(edition: &Path, plan: &Path, lang: &str) -> String {
    let out = rally(&[
        Path::new("check"),
        edition,
        plan,
        Path::new("--lang"),
        Path::new(lang),
    ]);
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn unscheduled_reasons_read_in_french_while_the_plan_keeps_the_english() {
    // ADMR free on Mondays, Wednesdays and Fridays only, France Travail on
    // Tuesdays and Thursdays: w01, which they run together, has no day.
    let dir = tempfile::tempdir().unwrap();
    let (edition, plan, json) = planned_and_checked(dir.path(), |e| {
        e["partners"][0]["availability"] =
            serde_json::json!({"only": [{"weekdays": ["mon", "wed", "fri"]}]});
        e.as_object_mut().unwrap().remove("pinned");
    });
    let english = "organisers admr and pe are never free together";
    assert_eq!(
        json["unscheduled"],
        serde_json::json!([
            {"id": "w01/1", "reason": english},
            {"id": "w01/2", "reason": english}
        ])
    );
    let fr = check_text(&edition, &plan, "fr");
    assert!(
        fr.contains(
            "  - w01/2 « A morning with a home helper » : ADMR Haute-Vienne et France Travail \
             Limoges, qui l’organisent ensemble, ne sont jamais libres en même temps\n"
        ),
        "{fr}"
    );
    assert!(!fr.contains(english), "{fr}");
    let en = check_text(&edition, &plan, "en");
    assert!(
        en.contains(
            "w01/2 “A morning with a home helper”: ADMR Haute-Vienne and France Travail \
             Limoges, who run it together, are never free at the same time"
        ),
        "{en}"
    );
    // A reason the checker does not derive (written by hand) is shown as it is.
    let mut json = json;
    json["unscheduled"][1]["reason"] = "the hall is being painted".into();
    let plan = write_json(dir.path(), "painted.json", &json);
    let fr = check_text(&edition, &plan, "fr");
    assert!(
        fr.contains("w01/2 « A morning with a home helper » : the hall is being painted"),
        "{fr}"
    );
    assert!(fr.contains("w01/1 « A morning with a home helper » : ADMR Haute-Vienne"));
}

#[test]
fn what_holds_an_unscheduled_session_reads_in_french_with_names() {
    // Nine sessions of w01, which only Limoges may host on the 8 half-days
    // France Travail works: one is left out, every placement held.
    let dir = tempfile::tempdir().unwrap();
    let (edition, plan, json) = planned_and_checked(dir.path(), |e| {
        e["workshops"][0]["sessions"] = 9.into();
    });
    let reason = json["unscheduled"][0]["reason"].as_str().unwrap();
    assert!(
        reason.starts_with("every one of its 8 possible placements is held: venue cm is taken"),
        "{reason}"
    );
    let fr = check_text(&edition, &plan, "fr");
    let line = fr
        .lines()
        .find(|l| l.contains("possibilités (jour, créneau, lieu)"))
        .unwrap_or_else(|| panic!("no reason in\n{fr}"));
    assert!(
        line.contains(
            "chacune de ses 8 possibilités (jour, créneau, lieu) est prise : Cité des métiers, \
             Limoges est déjà occupé par w01/"
        ),
        "{line}"
    );
    assert!(!line.contains(" cm ") && !line.contains("held"), "{line}");
}
