//! Re-planning a published plan (SPEC §9) from the outside, on the bundled
//! edition and a plan from `rally solve`: each scenario edits the edition,
//! re-plans with `--from`, and judges the result with `rally check --from`.

use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const WEEK1_END: &str = "2016-03-04";
const WEEK2_END: &str = "2016-03-11";

fn rally(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rally"))
        .args(args)
        .output()
        .expect("rally runs")
}

fn ok(o: &Output) -> String {
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(o.status.success(), "{err}");
    err
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

fn fixture() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/haute-vienne-2016.json"
    ))
}

fn read(p: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).expect("file")).expect("JSON")
}

fn write(dir: &Path, name: &str, v: &Value) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, serde_json::to_string_pretty(v).expect("JSON")).expect("write");
    p
}

/// The bundled edition solved once for every test: (directory, plan path).
fn base() -> &'static (tempfile::TempDir, PathBuf) {
    static BASE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    BASE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tmp");
        let plan = dir.path().join("published.json");
        ok(&rally(&[
            "solve",
            s(fixture()),
            "-o",
            s(&plan),
            "--quiet",
            "--effort",
            "300",
        ]));
        (dir, plan)
    })
}

fn published() -> Value {
    read(&base().1)
}

/// The edition with `edit` applied, written into `dir`.
fn edited(dir: &Path, edit: impl FnOnce(&mut Value)) -> PathBuf {
    let mut e = read(fixture());
    edit(&mut e);
    write(dir, "edition.json", &e)
}

/// `rally solve EDITION --from published [extra]`: the plan and the changes.
fn resolve(dir: &Path, edition: &Path, extra: &[&str]) -> (Value, Value) {
    resolve_from(dir, edition, &base().1, extra)
}

/// `rally solve EDITION --from OLD [extra]`: the plan and the changes.
fn resolve_from(dir: &Path, edition: &Path, old: &Path, extra: &[&str]) -> (Value, Value) {
    let out = dir.join("replanned.json");
    let changes = dir.join("changes.json");
    let mut args = vec!["solve", s(edition), "-o", s(&out), "--from", s(old)];
    args.extend(["--changes", s(&changes), "--quiet"]);
    args.extend(extra);
    ok(&rally(&args));
    (read(&out), read(&changes))
}

/// `rally check EDITION PLAN --json --from published [extra]`: (exit code, report).
fn check(edition: &Path, plan: &Value, dir: &Path, extra: &[&str]) -> (i32, Value) {
    check_from(edition, plan, dir, &base().1, extra)
}

/// `rally check EDITION PLAN --json --from OLD [extra]`: (exit code, report).
fn check_from(
    edition: &Path,
    plan: &Value,
    dir: &Path,
    old: &Path,
    extra: &[&str],
) -> (i32, Value) {
    let p = write(dir, "judged.json", plan);
    let mut args = vec!["check", s(edition), s(&p), "--json", "--from", s(old)];
    args.extend(extra);
    let o = rally(&args);
    let code = o.status.code().expect("exit code");
    assert!(code < 2, "{}", String::from_utf8_lossy(&o.stderr));
    (code, serde_json::from_slice(&o.stdout).expect("report"))
}

/// Asserts the re-plan valid by the checker with `--from`, and its moved and
/// rerouted terms those of the changes file; returns the report.
fn judged(edition: &Path, plan: &Value, changes: &Value, dir: &Path, extra: &[&str]) -> Value {
    judged_from(edition, plan, changes, dir, &base().1, extra)
}

/// [`judged`] against the published plan `old`.
fn judged_from(
    edition: &Path,
    plan: &Value,
    changes: &Value,
    dir: &Path,
    old: &Path,
    extra: &[&str],
) -> Value {
    let (code, report) = check_from(edition, plan, dir, old, extra);
    assert_eq!(code, 0, "{:#}", report["violations"]);
    let moved = changes["moved"].as_array().expect("moved").len() as i64;
    let rerouted: i64 = changes["rerouted"]
        .as_array()
        .expect("rerouted")
        .iter()
        .map(|r| {
            (r["added"].as_array().unwrap().len() + r["removed"].as_array().unwrap().len()) as i64
        })
        .sum();
    assert_eq!(report["penalty"]["moved"], json!(300 * moved));
    assert_eq!(report["penalty"]["rerouted"], json!(40 * rerouted));
    assert_eq!(plan["penalty"]["total"], report["penalty"]["total"]);
    report
}

fn sessions_by_id(plan: &Value) -> BTreeMap<String, Value> {
    plan["sessions"]
        .as_array()
        .expect("sessions")
        .iter()
        .map(|x| (x["id"].as_str().unwrap().to_string(), x.clone()))
        .collect()
}

fn courses_by_member(plan: &Value) -> BTreeMap<String, Value> {
    plan["courses"]
        .as_array()
        .expect("courses")
        .iter()
        .map(|c| (c["member"].as_str().unwrap().to_string(), c.clone()))
        .collect()
}

fn rerouted_members(changes: &Value) -> BTreeSet<String> {
    changes["rerouted"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["member"].as_str().unwrap().to_string())
        .collect()
}

/// Every rerouted member `reached` does not name (a change did not reach it)
/// was moved to make room: it gave up a session another rerouted member took.
fn moved_only_to_make_room(changes: &Value, reached: impl Fn(&Value) -> bool) {
    let rerouted = changes["rerouted"].as_array().expect("rerouted");
    let taken: Vec<(&str, &str)> = rerouted
        .iter()
        .flat_map(|r| {
            let m = r["member"].as_str().unwrap();
            r["added"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |x| (m, x.as_str().unwrap()))
        })
        .collect();
    for r in rerouted.iter().filter(|r| !reached(r)) {
        let m = r["member"].as_str().unwrap();
        let gave_up = r["removed"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| taken.iter().any(|&(o, t)| o != m && Some(t) == x.as_str()));
        assert!(gave_up, "{r:#}");
    }
}

/// What ran stands, and every member the changes do not name keeps its
/// course entry as it was, byte for byte.
fn kept_what_was_not_changed(old: &Value, new: &Value, changes: &Value, frozen_until: &str) {
    let (before, after) = (sessions_by_id(old), sessions_by_id(new));
    for (id, x) in &before {
        if x["date"].as_str().unwrap() <= frozen_until {
            assert_eq!(after.get(id), Some(x), "{id} ran and must stand");
        }
    }
    let rerouted = rerouted_members(changes);
    let (a, b) = (courses_by_member(old), courses_by_member(new));
    for (m, c) in &a {
        if !rerouted.contains(m) {
            assert_eq!(
                serde_json::to_string(&b[m]).unwrap(),
                serde_json::to_string(c).unwrap()
            );
        }
    }
}

#[test]
fn a_partner_withdraws_a_workshop_two_weeks_in() {
    let dir = tempfile::tempdir().expect("tmp");
    let old = published();
    // The workshop with the most sessions still to come.
    let mut later: BTreeMap<String, usize> = BTreeMap::new();
    for x in old["sessions"].as_array().unwrap() {
        if x["date"].as_str().unwrap() > WEEK2_END {
            *later
                .entry(x["workshop"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
    }
    let (w, _) = later
        .iter()
        .max_by_key(|(_, n)| **n)
        .expect("sessions after week 2");
    let edition = edited(dir.path(), |e| {
        for x in e["workshops"].as_array_mut().unwrap() {
            if x["id"] == json!(w) {
                x["availability"] = json!({"except": [{"from": "2016-03-12"}]});
            }
        }
    });
    let (new, changes) = resolve(dir.path(), &edition, &["--frozen-until", WEEK2_END]);
    judged(
        &edition,
        &new,
        &changes,
        dir.path(),
        &["--frozen-until", WEEK2_END],
    );
    let moved = changes["moved"].as_array().unwrap();
    assert!(!moved.is_empty());
    assert!(
        moved.iter().all(|m| m["workshop"] == json!(w)),
        "{moved:#?}"
    );
    kept_what_was_not_changed(&old, &new, &changes, WEEK2_END);
    // Who lost a session of the workshop is re-routed (its other sessions
    // may change too, where that pays); anyone else only made room.
    let prefix = format!("{w}/");
    moved_only_to_make_room(&changes, |r| {
        r["removed"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x.as_str().unwrap().starts_with(&prefix))
    });
}

#[test]
fn a_venue_closed_for_the_second_week_moves_only_its_sessions() {
    let dir = tempfile::tempdir().expect("tmp");
    let old = published();
    let in_week2 = |x: &Value| {
        let d = x["date"].as_str().unwrap();
        d > WEEK1_END && d <= WEEK2_END
    };
    let mut at: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for x in old["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| in_week2(x))
    {
        at.entry(x["venue"].as_str().unwrap().to_string())
            .or_default()
            .insert(x["id"].as_str().unwrap().to_string());
    }
    let (venue, hosted) = at
        .iter()
        .max_by_key(|(_, s)| s.len())
        .expect("a busy venue");
    let edition = edited(dir.path(), |e| {
        for x in e["venues"].as_array_mut().unwrap() {
            if x["id"] == json!(venue) {
                x["availability"] = json!({"except": [{"from": "2016-03-07", "to": WEEK2_END}]});
            }
        }
    });
    let (new, changes) = resolve(dir.path(), &edition, &["--frozen-until", WEEK1_END]);
    judged(
        &edition,
        &new,
        &changes,
        dir.path(),
        &["--frozen-until", WEEK1_END],
    );
    let moved: BTreeSet<String> = changes["moved"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["session"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        &moved, hosted,
        "exactly the sessions of {venue} in week 2 move"
    );
    kept_what_was_not_changed(&old, &new, &changes, WEEK1_END);
}

#[test]
fn late_registrations_get_courses_and_the_others_only_make_room() {
    let dir = tempfile::tempdir().expect("tmp");
    let old = published();
    let edition = edited(dir.path(), with_late_registrations);
    let (new, changes) = resolve(dir.path(), &edition, &["--frozen-until", WEEK1_END]);
    let report = judged(
        &edition,
        &new,
        &changes,
        dir.path(),
        &["--frozen-until", WEEK1_END],
    );
    assert!(changes["moved"].as_array().unwrap().is_empty());
    moved_only_to_make_room(&changes, is_late);
    kept_what_was_not_changed(&old, &new, &changes, WEEK1_END);
    let certified = report["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| {
            m["member"].as_str().unwrap().starts_with("late") && m["certified"] == json!(true)
        })
        .count();
    assert!(
        certified >= 10,
        "only {certified} of 20 late registrations certified"
    );
}

fn is_late(r: &Value) -> bool {
    r["member"].as_str().unwrap().starts_with("late")
}

/// The edition with twenty late registrations: copies of its first twenty participants.
fn with_late_registrations(e: &mut Value) {
    let people = e["participants"].as_array_mut().unwrap();
    let late: Vec<Value> = people[..20]
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut p = p.clone();
            p["id"] = json!(format!("late{:02}", i + 1));
            p
        })
        .collect();
    people.extend(late);
}

#[test]
fn late_registrations_on_a_tight_edition_take_what_pays() {
    // The generator's default (tight) profile: seats are short, so the late
    // registrations get partial courses and seats others give up for them,
    // wherever the penalty with `rerouted` drops.
    let dir = tempfile::tempdir().expect("tmp");
    let (first, old) = (dir.path().join("first.json"), dir.path().join("old.json"));
    ok(&rally(&[
        "generate",
        "--territories",
        "1",
        "--seed",
        "2",
        "-o",
        s(&first),
    ]));
    ok(&rally(&[
        "solve",
        s(&first),
        "-o",
        s(&old),
        "--quiet",
        "--effort",
        "300",
    ]));
    let mut e = read(&first);
    with_late_registrations(&mut e);
    let edition = write(dir.path(), "edition.json", &e);
    // The rally has run its first five days of sessions.
    let dates: BTreeSet<String> = sessions_by_id(&read(&old))
        .values()
        .map(|x| x["date"].as_str().unwrap().to_string())
        .collect();
    let frozen = dates.iter().nth(4).expect("five days of sessions").clone();
    let extra = ["--frozen-until", frozen.as_str()];
    let (new, changes) = resolve_from(dir.path(), &edition, &old, &extra);
    let report = judged_from(&edition, &new, &changes, dir.path(), &old, &extra);
    let (_, unchanged) = check_from(&edition, &read(&old), dir.path(), &old, &extra);
    assert!(
        report["penalty"]["total"].as_i64() < unchanged["penalty"]["total"].as_i64(),
        "the changes pay: {} against {} for the published plan as it is",
        report["penalty"],
        unchanged["penalty"]
    );
    let routed = courses_by_member(&new)
        .keys()
        .filter(|m| m.starts_with("late"))
        .count();
    assert!(routed > 0, "no late registration got a course");
    assert!(changes["moved"].as_array().unwrap().is_empty());
    moved_only_to_make_room(&changes, is_late);
    kept_what_was_not_changed(&read(&old), &new, &changes, &frozen);
}

/// The attendance of the sessions up to `until`: their planned attendees, less `missed`.
fn attendance(old: &Value, until: &str, missed: &BTreeMap<String, String>) -> Value {
    let mut by_session: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let dates: BTreeMap<String, String> = sessions_by_id(old)
        .into_iter()
        .map(|(id, x)| (id, x["date"].as_str().unwrap().to_string()))
        .collect();
    for (m, c) in courses_by_member(old) {
        for x in c["sessions"].as_array().unwrap() {
            let x = x.as_str().unwrap().to_string();
            if dates[&x].as_str() <= until && missed.get(&m) != Some(&x) {
                by_session.entry(x).or_default().push(m.clone());
            }
        }
    }
    let list: Vec<Value> = by_session
        .into_iter()
        .map(|(session, members)| json!({"session": session, "members": members}))
        .collect();
    json!({ "attended": list })
}

/// Fifteen certified participants, each with one session up to week 2 to miss.
fn fifteen_absent(old: &Value) -> BTreeMap<String, String> {
    let dates: BTreeMap<String, String> = sessions_by_id(old)
        .into_iter()
        .map(|(id, x)| (id, x["date"].as_str().unwrap().to_string()))
        .collect();
    courses_by_member(old)
        .into_iter()
        .filter(|(m, _)| m.starts_with('u'))
        .filter_map(|(m, c)| {
            let first = c["sessions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .find(|x| dates[x].as_str() <= WEEK2_END)?;
            Some((m, first))
        })
        .take(15)
        .collect()
}

#[test]
fn people_who_missed_a_session_are_routed_to_a_later_one() {
    let dir = tempfile::tempdir().expect("tmp");
    let old = published();
    let missed = fifteen_absent(&old);
    assert_eq!(missed.len(), 15);
    let file = write(
        dir.path(),
        "attended.json",
        &attendance(&old, WEEK2_END, &missed),
    );
    let extra = ["--frozen-until", WEEK2_END, "--attended", s(&file)];
    let (new, changes) = resolve(dir.path(), fixture(), &extra);
    let report = judged(fixture(), &new, &changes, dir.path(), &extra);
    let courses = courses_by_member(&new);
    for (m, x) in &missed {
        // No entry: nothing left to attend (a course of one session, missed).
        let Some(c) = courses.get(m) else { continue };
        let c = c["sessions"].as_array().unwrap();
        assert!(!c.contains(&json!(x)), "{m} missed {x}");
    }
    let members: BTreeMap<String, &Value> = report["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["member"].as_str().unwrap().to_string(), m))
        .collect();
    let recovered = missed
        .keys()
        .filter(|m| members[*m]["certified"] == json!(true))
        .count();
    assert!(recovered >= 10, "only {recovered} of 15 certified again");
    // The same plan judged without the attendance breaks F2 for each of them.
    let (code, r) = check(fixture(), &new, dir.path(), &["--frozen-until", WEEK2_END]);
    assert_eq!(code, 1);
    let f2: BTreeSet<&str> = r["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["rule"] == json!("F2"))
        .map(|v| v["members"][0].as_str().unwrap())
        .collect();
    assert_eq!(f2, missed.keys().map(String::as_str).collect());
}

#[test]
fn a_missed_session_leaves_the_course_even_when_nothing_else_can_change() {
    // Everything has run: nothing after DATE may change, yet the courses
    // follow the sign-in sheets.
    let dir = tempfile::tempdir().expect("tmp");
    let old = published();
    let last = read(fixture())["calendar"]["end"]
        .as_str()
        .unwrap()
        .to_string();
    let missed: BTreeMap<String, String> = fifteen_absent(&old).into_iter().take(1).collect();
    let file = write(
        dir.path(),
        "attended.json",
        &attendance(&old, &last, &missed),
    );
    let extra = ["--frozen-until", last.as_str(), "--attended", s(&file)];
    let (new, changes) = resolve(dir.path(), fixture(), &extra);
    judged(fixture(), &new, &changes, dir.path(), &extra);
    let (m, x) = missed.first_key_value().unwrap();
    let course = courses_by_member(&new)
        .get(m)
        .cloned()
        .unwrap_or(json!({"sessions": []}));
    assert!(!course["sessions"].as_array().unwrap().contains(&json!(x)));
    assert_ne!(new["courses"], old["courses"]);
}

#[test]
fn no_change_and_no_date_change_nothing_and_give_the_same_bytes() {
    let dir = tempfile::tempdir().expect("tmp");
    let published = &base().1;
    let out = dir.path().join("again.json");
    let err = ok(&rally(&[
        "solve",
        s(fixture()),
        "-o",
        s(&out),
        "--from",
        s(published),
    ]));
    assert!(
        err.contains("0 session(s) moved, 0 member(s) rerouted"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(published).unwrap()
    );
    let args = [
        "assign",
        s(fixture()),
        s(published),
        "-o",
        s(&out),
        "--from",
        s(published),
    ];
    ok(&rally(&[&args[..], &["--quiet"]].concat()));
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(published).unwrap()
    );
    let programme = dir.path().join("programme.json");
    ok(&rally(&[
        "plan",
        s(fixture()),
        "-o",
        s(&programme),
        "--quiet",
    ]));
    let args = [
        "plan",
        s(fixture()),
        "-o",
        s(&out),
        "--from",
        s(&programme),
        "--quiet",
    ];
    ok(&rally(&args));
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(&programme).unwrap()
    );
}

#[test]
fn check_reports_f1_and_f2() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut plan = published();
    let frozen = ["--frozen-until", WEEK2_END];
    let (code, r) = check(fixture(), &plan, dir.path(), &frozen);
    assert_eq!(code, 0, "{:#}", r["violations"]);
    assert_eq!(r["penalty"]["moved"], json!(0));
    // A session that ran moves to another slot of its day; a member drops one it attended.
    let sessions = plan["sessions"].as_array_mut().unwrap();
    let ran = sessions
        .iter_mut()
        .find(|x| x["date"].as_str().unwrap() <= WEEK2_END)
        .unwrap();
    let id = ran["id"].as_str().unwrap().to_string();
    let slot = if ran["slot"] == json!("morning") {
        "afternoon"
    } else {
        "morning"
    };
    ran["slot"] = json!(slot);
    let dates: BTreeMap<String, String> = sessions_by_id(&published())
        .into_iter()
        .map(|(id, x)| (id, x["date"].as_str().unwrap().to_string()))
        .collect();
    let course = plan["courses"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| {
            c["sessions"].as_array().unwrap().iter().any(|x| {
                let x = x.as_str().unwrap();
                x != id && dates[x].as_str() <= WEEK2_END
            })
        })
        .unwrap();
    let member = course["member"].as_str().unwrap().to_string();
    let list = course["sessions"].as_array_mut().unwrap();
    let at = list
        .iter()
        .position(|x| x.as_str().unwrap() != id && dates[x.as_str().unwrap()].as_str() <= WEEK2_END)
        .unwrap();
    list.remove(at);
    let (code, r) = check(fixture(), &plan, dir.path(), &frozen);
    assert_eq!(code, 1);
    let rules: Vec<(&str, &Value)> = r["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["rule"].as_str().unwrap(), v))
        .collect();
    assert!(rules
        .iter()
        .any(|(rule, v)| *rule == "F1" && v["sessions"] == json!([id])));
    assert!(rules
        .iter()
        .any(|(rule, v)| *rule == "F2" && v["members"] == json!([member])));
    // Without a frozen date nothing is frozen: the same plan is a change, not a violation.
    let (_, r) = check(fixture(), &plan, dir.path(), &[]);
    assert!(r["violations"]
        .as_array()
        .unwrap()
        .iter()
        .all(|v| v["rule"] != json!("F1")));
    assert_eq!(r["penalty"]["moved"], json!(300));
    assert_eq!(r["penalty"]["rerouted"], json!(40));
    let text = rally(&[
        "check",
        s(fixture()),
        s(&dir.path().join("judged.json")),
        "--from",
        s(&base().1),
    ]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("moved") && text.contains("rerouted"),
        "{text}"
    );
    // Their weights are set in rules.weights like the others.
    let weighted = edited(dir.path(), |e| {
        e["rules"]["weights"] = json!({"moved": 7, "rerouted": 3});
    });
    let (_, r) = check(&weighted, &plan, dir.path(), &[]);
    assert_eq!(
        (&r["penalty"]["moved"], &r["penalty"]["rerouted"]),
        (&json!(7), &json!(3))
    );
}

#[test]
fn bad_replanning_input_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("out.json");
    let published = s(&base().1);
    let run = |extra: &[&str]| {
        let mut args = vec!["solve", s(fixture()), "-o", s(&out), "--from", published];
        args.extend(extra);
        let o = rally(&args);
        assert_eq!(o.status.code(), Some(2), "{extra:?}");
        assert!(!out.exists());
        String::from_utf8_lossy(&o.stderr).to_string()
    };
    let err = run(&["--frozen-until", "2017-01-01"]);
    assert!(
        err.contains("--frozen-until") && err.contains("outside the calendar"),
        "{err}"
    );
    let write_csv = |name: &str, rows: &[&str]| {
        let p = dir.path().join(name);
        let mut text = "session,member,present\n".to_string();
        for r in rows {
            text.push_str(r);
            text.push('\n');
        }
        std::fs::write(&p, text).unwrap();
        p
    };
    let old = published_sessions_up_to(WEEK2_END);
    let ran = &old[0];
    let unknown = write_csv("a.csv", &[&format!("{ran},nobody,yes")]);
    let err = run(&["--frozen-until", WEEK2_END, "--attended", s(&unknown)]);
    assert!(
        err.contains("row 2, column B (member)") && err.contains("nobody"),
        "{err}"
    );
    let maybe = write_csv("b.csv", &[&format!("{ran},u0001,maybe")]);
    let err = run(&["--frozen-until", WEEK2_END, "--attended", s(&maybe)]);
    assert!(err.contains("row 2, column C (present)"), "{err}");
    let stranger = write_csv("c.csv", &["w99/1,u0001,yes"]);
    let err = run(&["--frozen-until", WEEK2_END, "--attended", s(&stranger)]);
    assert!(err.contains("not in OLD_PLAN"), "{err}");
    let json_file = write(
        dir.path(),
        "d.json",
        &json!({"attended": [{"session": ran, "members": ["ghost"]}]}),
    );
    let err = run(&["--frozen-until", WEEK2_END, "--attended", s(&json_file)]);
    assert!(err.contains("attended[0].members[0]"), "{err}");
    let err = run(&["--changes", s(&out)]);
    assert!(err.contains("--changes") && err.contains("(-o)"), "{err}");
    let o = rally(&[
        "solve",
        s(fixture()),
        "-o",
        s(&out),
        "--frozen-until",
        WEEK2_END,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!out.exists());
}

fn published_sessions_up_to(date: &str) -> Vec<String> {
    sessions_by_id(&published())
        .into_iter()
        .filter(|(_, x)| x["date"].as_str().unwrap() <= date)
        .map(|(id, _)| id)
        .collect()
}

#[test]
fn sign_in_sheets_filled_by_hand_come_back_as_attendance() {
    let dir = tempfile::tempdir().expect("tmp");
    let tables = dir.path().join("tables");
    ok(&rally(&[
        "export",
        s(fixture()),
        s(&base().1),
        "--csv",
        s(&tables),
    ]));
    let mut reader = csv::Reader::from_path(tables.join("attendance.csv")).expect("sheet");
    let head = reader.headers().unwrap().clone();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let (cs, cm, cp) = (col("session"), col("member"), col("present"));
    let ran: BTreeSet<String> = published_sessions_up_to(WEEK2_END).into_iter().collect();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&head).unwrap();
    let marks = ["yes", "oui", "x", "YES", "no", "non", ""];
    let mut expected: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (i, row) in reader.records().enumerate() {
        let mut row: Vec<String> = row.unwrap().iter().map(str::to_string).collect();
        assert_eq!(row[cp], "", "the sheet comes with an empty present column");
        if ran.contains(&row[cs]) {
            let mark = marks[i % marks.len()];
            row[cp] = mark.to_string();
            let who = expected.entry(row[cs].clone()).or_default();
            if i % marks.len() < 4 {
                who.push(row[cm].clone());
            }
        }
        w.write_record(&row).unwrap();
    }
    let filled = dir.path().join("filled.csv");
    std::fs::write(&filled, w.into_inner().unwrap()).unwrap();
    let list: Vec<Value> = expected
        .into_iter()
        .map(|(session, members)| json!({"session": session, "members": members}))
        .collect();
    let as_json = write(dir.path(), "attended.json", &json!({ "attended": list }));
    let plan_with = |file: &Path, name: &str| {
        let out = dir.path().join(name);
        let args = [
            "assign",
            s(fixture()),
            s(&base().1),
            "-o",
            s(&out),
            "--from",
            s(&base().1),
        ];
        ok(&rally(
            &[
                &args[..],
                &[
                    "--frozen-until",
                    WEEK2_END,
                    "--attended",
                    s(file),
                    "--quiet",
                ],
            ]
            .concat(),
        ));
        std::fs::read(out).unwrap()
    };
    let from_csv = plan_with(&filled, "from-csv.json");
    assert_eq!(from_csv, plan_with(&as_json, "from-json.json"));
    let plan: Value = serde_json::from_slice(&from_csv).unwrap();
    let (code, r) = check(
        fixture(),
        &plan,
        dir.path(),
        &["--frozen-until", WEEK2_END, "--attended", s(&filled)],
    );
    assert_eq!(code, 0, "{:#}", r["violations"]);
}

/// (UID, SEQUENCE, STATUS) of every event of a calendar, read by a second parser.
fn events(path: &Path) -> Vec<(String, String, String)> {
    let text = std::fs::read(path).expect("calendar");
    let mut out = Vec::new();
    for cal in ical::IcalParser::new(std::io::BufReader::new(&text[..])) {
        for e in cal.expect("a second parser reads it").events {
            let get = |name: &str| {
                e.properties
                    .iter()
                    .find(|p| p.name == name)
                    .and_then(|p| p.value.clone())
                    .unwrap_or_default()
            };
            out.push((get("UID"), get("SEQUENCE"), get("STATUS")));
        }
    }
    out
}

#[test]
fn calendars_from_the_published_plan_update_what_people_imported() {
    let dir = tempfile::tempdir().expect("tmp");
    let old = published();
    let later: BTreeSet<String> = sessions_by_id(&old)
        .into_iter()
        .filter(|(_, x)| x["date"].as_str().unwrap() > WEEK2_END)
        .map(|(id, _)| id)
        .collect();
    // The first participant with a session after week 2, and that session's workshop.
    let (member, w) = courses_by_member(&old)
        .into_iter()
        .filter(|(m, _)| m.starts_with('u'))
        .find_map(|(m, c)| {
            let x = c["sessions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .find(|x| later.contains(x))?;
            Some((m, x.split('/').next().unwrap().to_string()))
        })
        .expect("a participant with a session after week 2");
    let edition = edited(dir.path(), |e| {
        for x in e["workshops"].as_array_mut().unwrap() {
            if x["id"] == json!(w) {
                x["availability"] = json!({"except": [{"from": "2016-03-12"}]});
            }
        }
    });
    let (new, changes) = resolve(dir.path(), &edition, &["--frozen-until", WEEK2_END]);
    let plan = write(dir.path(), "new.json", &new);
    let (before, after) = (dir.path().join("ics-before"), dir.path().join("ics-after"));
    ok(&rally(&[
        "export",
        s(fixture()),
        s(&base().1),
        "--ics",
        s(&before),
    ]));
    let args = [
        "export",
        s(&edition),
        s(&plan),
        "--ics",
        s(&after),
        "--from",
        s(&base().1),
    ];
    ok(&rally(&args));
    let file = format!("members/{member}.ics");
    let (a, b) = (events(&before.join(&file)), events(&after.join(&file)));
    let uids = |list: &[(String, String, String)]| -> BTreeSet<String> {
        list.iter().map(|e| e.0.clone()).collect()
    };
    assert!(
        uids(&a).is_subset(&uids(&b)),
        "every imported event is still there, same UID"
    );
    let moved: BTreeSet<String> = changes["moved"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["session"].as_str().unwrap().to_string())
        .collect();
    let r = changes["rerouted"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["member"] == json!(member));
    let removed: Vec<String> = r
        .map(|r| {
            r["removed"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default();
    assert!(!removed.is_empty(), "{member} lost a session of {w}");
    for (uid, seq, status) in &b {
        let session = uid.split('.').next().unwrap();
        if removed.iter().any(|x| x == session) {
            assert_eq!((seq.as_str(), status.as_str()), ("1", "CANCELLED"), "{uid}");
        } else if moved.contains(session) {
            assert_eq!(seq, "1");
        } else {
            assert_eq!((seq.as_str(), status.as_str()), ("", ""), "{uid}");
        }
    }
}
