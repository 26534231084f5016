//! Validation (SPEC §4): every kind of bad input is named by its JSON path,
//! and every problem of an edition is reported, not only the first.

use crate::test_edition::{example, problems_with, set};
use serde_json::{json, Value};

/// Asserts that the example perturbed by `edit` has exactly the problems at `paths`.
fn bad(paths: &[&str], edit: impl FnOnce(&mut Value)) {
    assert_eq!(problems_with(edit), paths);
}

/// The message of the single problem of the example perturbed by `edit`.
fn message(edit: impl FnOnce(&mut Value)) -> String {
    let mut e = example();
    edit(&mut e);
    let errors = crate::parse_edition(&e.to_string()).expect_err("bad input");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors[0].message.clone()
}

#[test]
fn the_example_is_valid() {
    bad(&[], |_| {});
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    bad(
        &[
            "venues[0].capacity",
            "workshops[0].organisers[1]",
            "participants[0].profile",
        ],
        |e| {
            set(e, "/workshops/0/organisers/1", json!("pe78"));
            set(e, "/venues/0/capacity", json!(0));
            set(e, "/participants/0/profile", json!("nurse"));
        },
    );
}

#[test]
fn messages_say_what_is_wrong() {
    let m = message(|e| set(e, "/workshops/0/organisers/1", json!("pe78")));
    assert!(m.contains("unknown partner \"pe78\""), "{m}");
    let m = message(|e| set(e, "/venues/0/capacity", json!(0)));
    assert!(m.contains("at least 1"), "{m}");
}

#[test]
fn ids_have_a_format_and_are_unique_per_id_space() {
    bad(&["places[0].id"], |e| {
        set(e, "/places/0/id", json!("lycée"));
        set(e, "/groups/0/base", json!("lycée"));
        set(e, "/travel/0/between/1", json!("lycée"));
    });
    bad(&["territories[1].id"], |e| {
        set(e, "/territories/1", json!({"id": ""}))
    });
    bad(&["workshops[1].id"], |e| {
        set(e, "/workshops/1/id", json!("x".repeat(65)))
    });
    // Places and venues share one id space: the later one is the error.
    bad(&["venues[2].id"], |e| {
        set(
            e,
            "/venues/2",
            json!({"id": "lycee", "territory": "87", "capacity": 5}),
        )
    });
    // So do groups and participants.
    bad(&["participants[0].id"], |e| {
        set(e, "/participants/0/id", json!("g01"))
    });
    bad(&["partners[2].id"], |e| {
        set(e, "/partners/2", json!({"id": "admr", "kind": "other"}))
    });
    bad(&["calendar.slots[1].id"], |e| {
        set(e, "/calendar/slots/1/id", json!("morning"))
    });
    // Ids of different spaces may be equal.
    bad(&[], |e| {
        set(e, "/partners/2", json!({"id": "cm", "kind": "other"}));
        set(e, "/groups/0/id", json!("w01"));
    });
}

#[test]
fn every_reference_resolves() {
    bad(&["venues[1].territory"], |e| {
        set(e, "/venues/1/territory", json!("23"))
    });
    bad(&["travel[1].between[1]"], |e| {
        set(e, "/travel/1/between/1", json!("gueret"))
    });
    bad(&["workshops[0].venues[0]"], |e| {
        set(e, "/workshops/0/venues/0", json!("lycee"))
    });
    bad(&["workshops[1].themes[0]"], |e| {
        set(e, "/workshops/1/themes/0", json!("cooking"))
    });
    bad(&["workshops[0].territory"], |e| {
        set(e, "/workshops/0/territory", json!("23"))
    });
    bad(&["workshops[1].audience[0]"], |e| {
        set(e, "/workshops/1/audience", json!(["pupil"]))
    });
    bad(&["groups[0].base"], |e| {
        set(e, "/groups/0/base", json!("home"))
    });
    bad(&["participants[0].wishes[0]"], |e| {
        set(e, "/participants/0/wishes/0", json!("w03"))
    });
    bad(&["rules.certificate[1]"], |e| {
        set(e, "/rules/certificate", json!(["public", "carrer"]))
    });
    bad(&["partners[0].kind"], |e| {
        set(e, "/partners/0/kind", json!("charity"))
    });
}

#[test]
fn reference_lists_hold_no_duplicates() {
    bad(&["workshops[0].organisers[1]"], |e| {
        set(e, "/workshops/0/organisers/1", json!("admr"))
    });
    bad(&["workshops[0].themes[1]"], |e| {
        set(e, "/workshops/0/themes/1", json!("realities"))
    });
    bad(&["participants[0].wishes[1]"], |e| {
        set(e, "/participants/0/wishes/1", json!("w01"))
    });
    bad(&["workshops[1].audience[1]"], |e| {
        set(e, "/workshops/1/audience", json!(["student", "student"]))
    });
    // Not a list of references: repeated weekdays are harmless.
    bad(&[], |e| {
        set(
            e,
            "/calendar/weekdays",
            json!(["mon", "tue", "mon", "wed", "thu", "fri"]),
        )
    });
}

#[test]
fn lists_the_spec_names_are_not_empty_when_given() {
    for (pointer, path) in [
        ("/calendar/weekdays", "calendar.weekdays"),
        ("/themes", "themes"),
        ("/workshops/0/themes", "workshops[0].themes"),
        ("/workshops/0/organisers", "workshops[0].organisers"),
        ("/workshops/1/venues", "workshops[1].venues"),
        ("/workshops/1/audience", "workshops[1].audience"),
        ("/groups/0/themes", "groups[0].themes"),
        ("/participants/0/themes", "participants[0].themes"),
        ("/rules/certificate", "rules.certificate"),
        ("/venues/0/availability", "venues[0].availability.only"),
        (
            "/partners/1/availability/only/0/weekdays",
            "partners[1].availability.only[0].weekdays",
        ),
    ] {
        let empty = if path.ends_with("only") {
            json!({"only": []})
        } else {
            json!([])
        };
        let found = problems_with(|e| set(e, pointer, empty));
        // Emptied themes leave every theme reference unknown too.
        assert_eq!(
            found.first().map(String::as_str),
            Some(path),
            "{pointer}: {found:?}"
        );
        if pointer != "/themes" {
            assert_eq!(found.len(), 1, "{pointer}: {found:?}");
        }
    }
    bad(
        &[
            "calendar.slots",
            "partners[1].availability.only[0].slots[0]",
        ],
        |e| {
            set(e, "/calendar/slots", json!([]));
            set(
                e,
                "/partners/1/availability/only/0/slots",
                json!(["morning"]),
            );
            set(e, "/pinned", json!([]));
        },
    );
}

#[test]
fn availability_rules_are_checked() {
    bad(&["groups[0].availability.except[0]"], |e| {
        set(
            e,
            "/groups/0/availability/except",
            json!([{"from": "2016-03-09", "to": "2016-03-08"}]),
        )
    });
    bad(&["groups[0].availability.only[0].weekdays[1]"], |e| {
        set(
            e,
            "/groups/0/availability/only/0/weekdays/1",
            json!("thursday"),
        )
    });
    bad(&["venues[1].availability.except[0].slots[0]"], |e| {
        set(
            e,
            "/venues/1/availability",
            json!({"except": [{"slots": ["evening"]}]}),
        )
    });
    bad(&["venues[1].availability.except[0].dates[0]"], |e| {
        set(
            e,
            "/venues/1/availability",
            json!({"except": [{"dates": ["2016-02-30"]}]}),
        )
    });
    // Dates and ranges may reach outside the calendar.
    bad(&[], |e| {
        set(
            e,
            "/venues/1/availability",
            json!({"only": [{"from": "2015-01-01", "to": "2017-01-01"},
                            {"dates": ["2020-01-01"]}]}),
        )
    });
}

#[test]
fn the_calendar_is_checked() {
    bad(&["calendar.end"], |e| {
        set(e, "/calendar/end", json!("2016-02-28"))
    });
    bad(&["calendar.start"], |e| {
        set(e, "/calendar/start", json!("2016-3-1"))
    });
    bad(&["calendar.closed[1]"], |e| {
        set(e, "/calendar/closed/1", json!("2016-03-12"))
    });
    // Saturday 5 March alone: no opening day.
    bad(&["calendar"], |e| {
        set(
            e,
            "/calendar",
            json!({"start": "2016-03-05", "end": "2016-03-05"}),
        );
        set(e, "/pinned", json!([]));
    });
    bad(&["calendar.weekdays[0]"], |e| {
        set(e, "/calendar/weekdays", json!(["lun"]))
    });
}

#[test]
fn slots_are_times_that_may_touch_but_not_overlap() {
    let slot = |start: &str, end: &str| json!({"id": "afternoon", "start": start, "end": end});
    bad(&["calendar.slots[1]"], |e| {
        set(e, "/calendar/slots/1", slot("11:00", "13:00"))
    });
    bad(&["calendar.slots[1]"], |e| {
        set(e, "/calendar/slots/1", slot("14:00", "14:00"))
    });
    bad(&["calendar.slots[1].start"], |e| {
        set(e, "/calendar/slots/1", slot("2pm", "17:00"))
    });
    bad(&["calendar.slots[1].end"], |e| {
        set(e, "/calendar/slots/1", slot("14:00", "24:00"))
    });
    bad(&[], |e| set(e, "/calendar/slots/1", slot("12:00", "15:00")));
}

#[test]
fn counts_are_at_least_one_and_min_at_most_max() {
    for (pointer, path) in [
        ("/workshops/0/sessions", "workshops[0].sessions"),
        ("/workshops/0/duration", "workshops[0].duration"),
        ("/workshops/1/capacity/min", "workshops[1].capacity.min"),
        ("/groups/0/size", "groups[0].size"),
        ("/groups/0/max_days", "groups[0].max_days"),
        ("/groups/0/max_per_day", "groups[0].max_per_day"),
        ("/participants/0/max_per_day", "participants[0].max_per_day"),
        ("/partners/0/parallel", "partners[0].parallel"),
        ("/partners/0/max_per_day", "partners[0].max_per_day"),
    ] {
        let found = problems_with(|e| {
            set(e, pointer, json!(0));
            set(e, "/pinned", json!([]));
        });
        assert_eq!(found, [path], "{pointer}");
    }
    // Sizes that would exhaust memory are refused.
    bad(&["workshops[1].sessions"], |e| {
        set(e, "/workshops/1/sessions", json!(u32::MAX))
    });
    bad(&["calendar.end"], |e| {
        set(e, "/calendar/end", json!("9999-12-31"))
    });
    bad(&["workshops[1].capacity"], |e| {
        set(e, "/workshops/1/capacity", json!({"min": 13, "max": 12}))
    });
    // Minutes and weights may be 0.
    bad(&[], |e| {
        set(e, "/travel/0/minutes", json!(0));
        set(e, "/participants/0/max_travel", json!(0));
        set(e, "/rules/theme_sessions_per_week", json!(0));
        set(e, "/rules/weights/unscheduled", json!(0));
    });
}

#[test]
fn numbers_must_be_whole_json_integers() {
    for (pointer, bad_value, path) in [
        ("/venues/0/capacity", json!(30.0), "venues[0].capacity"),
        ("/venues/0/capacity", json!("30"), "venues[0].capacity"),
        ("/travel/1/minutes", json!(-1), "travel[1].minutes"),
        (
            "/workshops/0/sessions",
            json!(true),
            "workshops[0].sessions",
        ),
        ("/rules/weights/wish", json!(2.5), "rules.weights.wish"),
    ] {
        let found = problems_with(|e| set(e, pointer, bad_value));
        assert_eq!(found, [path], "{pointer}");
    }
}

#[test]
fn unknown_and_missing_fields_are_named() {
    bad(&["workshops[1].colour"], |e| {
        set(e, "/workshops/1/colour", json!("red"))
    });
    bad(&["rules.weights.travel"], |e| {
        set(e, "/rules/weights/travel", json!(1))
    });
    bad(&["venues[1].capacity"], |e| {
        e["venues"][1].as_object_mut().unwrap().remove("capacity");
    });
    bad(&["calendar.end"], |e| {
        e["calendar"].as_object_mut().unwrap().remove("end");
    });
    bad(&["territories"], |e| {
        e.as_object_mut().unwrap().remove("territories");
    });
    bad(&["(top level)"], |e| *e = json!("an edition"));
}

#[test]
fn travel_names_exactly_two_nodes_and_may_loop() {
    bad(&["travel[0].between"], |e| {
        set(e, "/travel/0/between", json!(["cm", "lycee", "mde"]))
    });
    bad(&[], |e| {
        set(
            e,
            "/travel/2",
            json!({"between": ["cm", "cm"], "minutes": 5}),
        );
        set(
            e,
            "/travel/3",
            json!({"between": ["lycee", "cm"], "minutes": 99}),
        );
    });
}

#[test]
fn territories_are_required() {
    bad(
        &[
            "territories",
            "places[0].territory",
            "venues[0].territory",
            "venues[1].territory",
            "partners[0].territory",
            "partners[1].territory",
            "workshops[0].territory",
            "groups[0].territory",
            "participants[0].territory",
        ],
        |e| set(e, "/territories", json!([])),
    );
}

#[test]
fn pins_keep_h1_to_h4_and_name_a_session_once() {
    bad(&["pinned[0].session"], |e| {
        set(e, "/pinned/0/session", json!("w01/3"))
    });
    bad(&["pinned[1].session"], |e| {
        set(
            e,
            "/pinned/1",
            json!({"session": "w01/1", "date": "2016-03-08", "slot": "morning", "venue": "cm"}),
        )
    });
    bad(&["pinned[0].date"], |e| {
        set(e, "/pinned/0/date", json!("2016-03-14"))
    });
    bad(&["pinned[0].date"], |e| {
        set(e, "/pinned/0/date", json!("2016-03-04"))
    });
    bad(&["pinned[0].slot"], |e| {
        set(e, "/pinned/0/slot", json!("evening"))
    });
    bad(&["pinned[0].venue"], |e| {
        set(e, "/pinned/0/venue", json!("lycee"))
    });
    // H2: pe is not available on Wednesdays.
    bad(&["pinned[0]"], |e| {
        set(e, "/pinned/0/date", json!("2016-03-02"))
    });
    // H3: w01 runs at cm only.
    let m = message(|e| set(e, "/pinned/0/venue", json!("mde")));
    assert!(m.contains("H3") && m.contains("w01/1"), "{m}");
}

#[test]
fn themes_may_be_replaced_and_default_to_the_seven() {
    let model = crate::test_edition::model_with(|_| {});
    assert_eq!(model.themes.len(), 7);
    assert_eq!(model.themes[0], "employers");
    bad(&[], |e| {
        set(
            e,
            "/themes",
            json!([{"id": "realities"}, {"id": "conditions"}, {"id": "x"}]),
        );
        set(e, "/workshops/1/themes", json!(["x"]));
    });
    bad(&["themes"], |e| {
        let many: Vec<Value> = (0..65).map(|i| json!({"id": format!("t{i}")})).collect();
        set(e, "/themes", json!(many));
        set(e, "/workshops/0/themes", json!(["t1"]));
        set(e, "/workshops/1/themes", json!(["t2"]));
    });
}
