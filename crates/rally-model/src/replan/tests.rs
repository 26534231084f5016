use super::*;
use crate::test_edition::example;
use serde_json::json;

fn model() -> Model {
    crate::parse_edition(&example().to_string()).expect("the example is valid")
}

/// w01/1 ran on Thu 3 March (g01 and u0001), w02/1 comes on Tue 8 March (u0001).
fn published() -> Plan {
    serde_json::from_value(json!({
        "sessions": [
            {"id": "w01/1", "workshop": "w01", "date": "2016-03-03", "slot": "morning",
             "start": "09:00", "end": "11:30", "venue": "cm", "capacity": 15},
            {"id": "w02/1", "workshop": "w02", "date": "2016-03-08", "slot": "morning",
             "start": "09:00", "end": "12:00", "venue": "mde", "capacity": 12}],
        "unscheduled": [{"id": "w01/2", "reason": "r"}, {"id": "w99/1", "reason": "gone"}],
        "courses": [{"member": "g01", "sessions": ["w01/1"]},
                    {"member": "u0001", "sessions": ["w01/1", "w02/1"]},
                    {"member": "u0999", "sessions": ["w02/1"]}]
    }))
    .expect("a plan")
}

fn replan(m: &Model) -> Replan {
    let date = parse_frozen_until(m, "2016-03-07").expect("in the calendar");
    Replan::new(m, published(), Some(date), None)
}

fn load(m: &Model, rp: &Replan, name: &str, text: &str) -> Result<Attendance, Vec<InputError>> {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    load_attendance(&path, m, rp).map_err(|e| e.errors())
}

#[test]
fn what_the_edition_no_longer_has_is_dropped() {
    let m = model();
    let rp = replan(&m);
    assert_eq!(rp.dropped_sessions, ["w99/1"]);
    assert_eq!(rp.dropped_members, ["u0999"]);
}

#[test]
fn the_frozen_date_lies_in_the_calendar() {
    let m = model();
    assert!(parse_frozen_until(&m, "2016-03-11").is_ok());
    let e = parse_frozen_until(&m, "2016-03-12").unwrap_err();
    assert_eq!(e.path, "--frozen-until");
    assert!(e
        .message
        .contains("outside the calendar (2016-03-01 to 2016-03-11)"));
    assert!(parse_frozen_until(&m, "8 March").is_err());
}

#[test]
fn frozen_courses_follow_the_attendance_where_it_is_recorded() {
    let m = model();
    let mut rp = replan(&m);
    assert_eq!(rp.frozen_course("u0001"), ["w01/1"]);
    let csv = "\u{feff}session;membre;Présent\nw01/1;u0001;non\nw01/1;g01;X\n";
    rp.attended = Some(load(&m, &rp, "a.csv", csv).expect("a valid sheet"));
    assert!(rp.frozen_course("u0001").is_empty());
    assert_eq!(rp.frozen_course("g01"), ["w01/1"]);
    let frozen: Vec<&str> = rp.frozen_sessions(&m).map(|s| s.id.as_str()).collect();
    assert_eq!(frozen, ["w01/1"]);
}

#[test]
fn attendance_errors_name_the_row_and_column_or_the_json_path() {
    let m = model();
    let rp = replan(&m);
    let csv =
        "\u{feff}session,member,present\nw01/1,nobody,yes\nw01/1,u0001,maybe\nw02/1,u0001,yes\n";
    let errors = load(&m, &rp, "a.csv", csv).unwrap_err();
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "row 3, column C (present)",
            "row 2, column B (member)",
            "row 4, column A (session)"
        ]
    );
    assert!(errors[2].message.contains("after --frozen-until"));
    // A blank sheet of a session still to come is not an error.
    assert!(load(&m, &rp, "b.csv", "session,member,present\nw02/1,u0001,\n").is_ok());
    let bad = json!({"attended": [{"session": "w01/2", "members": ["g01"]}]}).to_string();
    let errors = load(&m, &rp, "c.json", &bad).unwrap_err();
    assert_eq!(errors[0].path, "attended[0].session");
    assert!(errors[0].message.contains("unscheduled in OLD_PLAN"));
    let errors = load(&m, &rp, "d.json", r#"{"attended": [{"session": 1}]}"#).unwrap_err();
    assert!(
        errors[0].path.starts_with("attended[0].session"),
        "{errors:?}"
    );
    let errors = load(&m, &rp, "e.csv", "who,when\n").unwrap_err();
    assert_eq!(errors[0].path, "row 1");
}

#[test]
fn present_cells_in_english_and_french() {
    for yes in ["yes", "Oui", "x", "X", " y "] {
        assert_eq!(parse_present(yes), Some(true), "{yes}");
    }
    for no in ["no", "NON", "", "  "] {
        assert_eq!(parse_present(no), Some(false), "{no}");
    }
    assert_eq!(parse_present("maybe"), None);
    assert_eq!(column_name(0), "A");
    assert_eq!(column_name(25), "Z");
    assert_eq!(column_name(26), "AA");
}
