//! The committed fixtures: every bad edition is refused with the error its
//! README names, and the good ones validate.

use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `(file, path)` for every line "- `file`: `path` — …" of fixtures/bad/README.md.
fn expected() -> Vec<(String, String)> {
    read(fixtures().join("bad/README.md"))
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
fn every_bad_edition_names_its_error() {
    let listed = expected();
    let mut files: Vec<String> = std::fs::read_dir(fixtures().join("bad"))
        .expect("fixtures/bad")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".json"))
        .collect();
    files.sort();
    let mut named: Vec<String> = listed.iter().map(|(f, _)| f.clone()).collect();
    named.sort();
    assert_eq!(
        files, named,
        "every bad edition is listed in the README, once"
    );
    for (file, path) in listed {
        let result = rally_model::parse_edition(&read(fixtures().join("bad").join(&file)));
        if file == "pins-clash.json" {
            assert!(result.is_ok(), "{file}: the model accepts each pin alone");
            continue;
        }
        let errors = result.err().unwrap_or_else(|| panic!("{file} is accepted"));
        let found: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(errors.len(), 1, "{file}: one error, got {found:#?}");
        assert_eq!(errors[0].path, path, "{file}: {found:#?}");
    }
}

#[test]
fn good_fixtures_validate() {
    for file in ["haute-vienne-2016.json", "tiny.json"] {
        if let Err(errors) = rally_model::parse_edition(&read(fixtures().join(file))) {
            panic!("{file}: {errors:#?}");
        }
    }
}

#[test]
fn tiny_plan_names_every_session_once() {
    let model = rally_model::parse_edition(&read(fixtures().join("tiny.json"))).expect("valid");
    let plan: rally_model::Plan =
        rally_model::load::parse_json(&read(fixtures().join("tiny.plan.json")), "plan: ")
            .expect("a plan");
    let mut ids: Vec<&str> = plan.sessions.iter().map(|s| s.id.as_str()).collect();
    ids.extend(plan.unscheduled.iter().map(|s| s.id.as_str()));
    ids.sort();
    let mut all: Vec<&str> = model.sessions.iter().map(|s| s.id.as_str()).collect();
    all.sort();
    assert_eq!(ids, all);
    for s in &plan.sessions {
        let w = model.workshop(&s.workshop).expect("workshop");
        let v = model.venue(&s.venue).expect("venue");
        assert_eq!(s.capacity, model.capacity_at(w, v), "{}", s.id);
    }
}
