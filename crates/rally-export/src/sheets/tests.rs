use super::*;
use crate::files::{write_folder, Inputs};
use crate::i18n::{Lang, Texts};
use rally_model::types::*;
use rally_model::Term;

pub(super) fn example_edition() -> Edition {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/example/edition.json"
    );
    rally_model::load_edition(path.as_ref()).unwrap().edition
}

/// Writes the sheets of `e` to a new directory and reads them back.
fn round_trip(e: &Edition) -> Edition {
    let dir = tempfile::tempdir().unwrap();
    write_folder(dir.path(), &write(e), &Inputs::default(), false).unwrap();
    match read(dir.path()) {
        Ok((back, _)) => back,
        Err(errors) => panic!("{errors:?}"),
    }
}

/// An edition that uses every optional form the files allow.
pub(super) fn every_form() -> Edition {
    let mut e = template::example(&Texts::new(Lang::En));
    e.themes = Some(vec![
        Theme {
            id: "employers".into(),
            name: Some("Employers, \"work\"; situations".into()),
        },
        Theme {
            id: "realities".into(),
            name: None,
        },
    ]);
    e.calendar.weekdays = None;
    e.calendar.slots = Some(vec![
        Slot {
            id: "morning".into(),
            name: None,
            start: "09:00".into(),
            end: "12:00".into(),
        },
        Slot {
            id: "mon".into(),
            name: Some("Slot\nnamed like a weekday".into()),
            start: "13:00".into(),
            end: "14:00".into(),
        },
    ]);
    e.venues[0].availability = Some(Availability::default());
    e.partners[0].availability = Some(Availability {
        only: Some(vec![
            Rule::default(),
            Rule {
                slots: Some(vec!["mon".into()]),
                ..Rule::default()
            },
        ]),
        except: Some(vec![]),
    });
    e.partners.push(Partner {
        id: "pe87".into(),
        name: None,
        kind: "employment".into(),
        territory: None,
        parallel: None,
        max_per_day: None,
        availability: Some(Availability {
            only: None,
            except: Some(vec![Rule {
                from: Some("2016-03-20".into()),
                weekdays: Some(vec!["wed".into(), "fri".into()]),
                dates: Some(vec!["2016-03-02".into()]),
                ..Rule::default()
            }]),
        }),
    });
    e.workshops[0].sessions = None;
    e.workshops[0].venues = None;
    e.workshops[0].audience = None;
    e.workshops[0].availability = Some(Availability {
        only: Some(vec![Rule {
            to: Some("2016-03-25".into()),
            ..Rule::default()
        }]),
        except: None,
    });
    e.groups[0].certificate = Some(false);
    e.groups[0].themes = Some(vec!["employers".into(), "realities".into()]);
    e.participants[0].certificate = None;
    e.participants[0].wishes = vec![];
    e.rules = Rules {
        theme_sessions_per_week: Some(0),
        certificate: Some(vec!["realities".into()]),
        weights: Some(WeightOverrides(
            [(Term::Unscheduled, 5000), (Term::Underfill, 0)].into(),
        )),
    };
    e
}

#[test]
fn the_worked_example_comes_back_identical() {
    let e = example_edition();
    assert_eq!(round_trip(&e), e);
}

#[test]
fn every_optional_form_comes_back_identical() {
    let e = every_form();
    assert!(rally_model::validate::compile(e.clone()).is_ok());
    assert_eq!(round_trip(&e), e);
    let mut empty_weights = e.clone();
    empty_weights.rules.weights = Some(WeightOverrides::default());
    empty_weights.themes = None;
    empty_weights.calendar.slots = None;
    assert_eq!(round_trip(&empty_weights), empty_weights);
}

#[test]
fn fixture_editions_come_back_identical() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter(|p| !p.to_string_lossy().ends_with(".plan.json"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let Ok(e) = serde_json::from_str::<Edition>(&text) else {
            continue;
        };
        assert_eq!(round_trip(&e), e, "{}", path.display());
    }
}

#[test]
fn the_template_is_a_valid_edition_with_one_row_per_sheet() {
    for lang in [Lang::En, Lang::Fr] {
        let texts = Texts::new(lang);
        let dir = tempfile::tempdir().unwrap();
        let files = template(&texts);
        assert_eq!(files.len(), SHEETS.len());
        write_folder(dir.path(), &files, &Inputs::default(), false).unwrap();
        for f in &files {
            let lines = std::str::from_utf8(&f.bytes).unwrap().lines().count();
            let rows = match f.path.as_str() {
                "themes.csv" => 7,
                "slots.csv" => 2,
                _ => 1,
            };
            assert_eq!(lines, rows + 1, "{}", f.path);
        }
        let (edition, model) = import(dir.path()).unwrap();
        assert_eq!(edition, template::example(&texts));
        assert_eq!(model.sessions.len(), 2);
        let afternoon = &edition.calendar.slots.as_ref().unwrap()[1];
        let name = if lang == Lang::Fr {
            "Après-midi"
        } else {
            "Afternoon"
        };
        assert_eq!(afternoon.name.as_deref(), Some(name));
    }
}

fn sheets_dir(e: &Edition) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_folder(dir.path(), &write(e), &Inputs::default(), false).unwrap();
    dir
}

fn errors_of(dir: &tempfile::TempDir) -> Vec<String> {
    match import(dir.path()) {
        Ok(_) => panic!("accepted"),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn validation_errors_name_the_file_row_and_column() {
    let mut e = example_edition();
    e.workshops[1].organisers.push("pe78".into());
    e.participants[0].max_travel = Some(0);
    e.rules.weights = Some(WeightOverrides::default());
    let dir = sheets_dir(&e);
    let errors = errors_of(&dir);
    assert!(
        errors.iter().any(
            |m| m.starts_with("workshops.csv, row 3, column D (organisers): ")
                && m.contains("pe78")
        ),
        "{errors:?}"
    );
}

#[test]
fn cell_errors_name_the_file_row_and_column() {
    let dir = sheets_dir(&example_edition());
    let path = dir.path().join("venues.csv");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace(",30,", ",thirty,");
    std::fs::write(&path, text).unwrap();
    let path = dir.path().join("groups.csv");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("only: tue,thu", "tuesdays");
    std::fs::write(&path, text).unwrap();
    let errors = errors_of(&dir);
    assert!(
        errors.iter().any(|m| m.starts_with(
            "venues.csv, row 2, column D (capacity): \"thirty\" is not a whole number"
        )),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|m| m.starts_with("groups.csv, row 2, column K (availability): ")),
        "{errors:?}"
    );
}

#[test]
fn shape_errors_name_the_file() {
    let dir = sheets_dir(&example_edition());
    std::fs::remove_file(dir.path().join("territories.csv")).unwrap();
    std::fs::write(dir.path().join("partner.csv"), "id\n").unwrap();
    std::fs::write(
        dir.path().join("places.csv"),
        "id,name,territory,colour\nx,X,87,red\n",
    )
    .unwrap();
    let errors = errors_of(&dir);
    assert!(
        errors
            .iter()
            .any(|m| m.starts_with("territories.csv: is missing")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|m| m.starts_with("partner.csv: is not a sheet")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|m| m.starts_with("places.csv, row 1, column D (colour): unknown column")),
        "{errors:?}"
    );
}

#[test]
fn spreadsheet_exports_with_a_bom_and_semicolons_are_read() {
    let e = example_edition();
    let dir = sheets_dir(&e);
    let path = dir.path().join("territories.csv");
    std::fs::write(&path, "\u{feff}ID;Name\n87;Haute-Vienne\n;\n").unwrap();
    let (back, _) = read(dir.path()).unwrap();
    assert_eq!(back, e);
}

#[test]
fn column_letters_go_past_z() {
    assert_eq!(column_letter(0), "A");
    assert_eq!(column_letter(25), "Z");
    assert_eq!(column_letter(26), "AA");
}

/// The sheets of `e` in a new directory, as French Excel saves them by
/// default: `;` between cells, Windows-1252, `oui`/`non`.
fn french_excel(e: &Edition) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in write(e) {
        let text = std::str::from_utf8(&f.bytes).unwrap();
        let mut rows = Vec::new();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        for r in reader.records() {
            let cells: Vec<String> = r
                .unwrap()
                .iter()
                .map(|c| match c {
                    "yes" => "oui".to_string(),
                    "no" => "non".to_string(),
                    c => c.to_string(),
                })
                .collect();
            rows.push(cells);
        }
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(Vec::new());
        for r in rows {
            w.write_record(&r).unwrap();
        }
        let utf8 = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(&utf8);
        assert!(!lossy);
        std::fs::write(dir.path().join(&f.path), bytes).unwrap();
    }
    dir
}

#[test]
fn french_excel_csv_reads_back_the_same_edition() {
    let mut e = example_edition();
    e.groups[0].name = Some("Lycée Léon-Blum, 1re année".into());
    e.groups[0].certificate = Some(false);
    let dir = french_excel(&e);
    let groups = std::fs::read(dir.path().join("groups.csv")).unwrap();
    assert!(
        std::str::from_utf8(&groups).is_err(),
        "the fixture is Windows-1252"
    );
    assert!(groups.contains(&b';'));
    let (back, _) = read(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        back.groups[0].name.as_deref(),
        Some("Lycée Léon-Blum, 1re année")
    );
    assert_eq!(back, e);
}

#[test]
fn a_workbook_in_a_csv_folder_says_how_to_import_it() {
    let dir = tempfile::tempdir().unwrap();
    write_folder(
        dir.path(),
        &write(&example_edition()),
        &Inputs::default(),
        false,
    )
    .unwrap();
    std::fs::write(dir.path().join("participants.xlsx"), b"PK\x03\x04").unwrap();
    let errors = read(dir.path()).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].file, "participants.xlsx");
    assert!(errors[0].message.contains("save each sheet of it as CSV"));
}

#[test]
fn the_french_excel_fixture_imports_with_no_error() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/french-excel");
    let calendar = std::fs::read(format!("{dir}/calendar.csv")).unwrap();
    assert!(std::str::from_utf8(&calendar).is_err(), "Windows-1252");
    let (e, _) = import(dir.as_ref()).unwrap_or_else(|e| panic!("{e:?}"));
    let c = &e.calendar;
    assert_eq!(
        (c.start.as_str(), c.end.as_str()),
        ("2025-05-05", "2025-05-23")
    );
    let weekdays: Vec<&str> = c.weekdays.iter().flatten().map(String::as_str).collect();
    assert_eq!(weekdays, ["mon", "tue", "wed", "thu", "fri"]);
    assert_eq!(c.closed, ["2025-05-08"]);
    assert_eq!(e.pinned[0].date, "2025-05-06");
    assert_eq!(e.pinned[0].slot, "morning");
    assert_eq!(e.groups[0].certificate, Some(true));
    assert_eq!(e.participants[0].certificate, Some(true));
    assert_eq!(e.participants[1].certificate, Some(false));
    let rule = |a: &Option<Availability>, only: bool| {
        let a = a.clone().unwrap();
        if only { a.only } else { a.except }.unwrap()[0].clone()
    };
    let venue = rule(&e.venues[0].availability, false);
    assert_eq!(venue.weekdays, Some(vec!["wed".to_string()]));
    assert_eq!(venue.slots, Some(vec!["afternoon".to_string()]));
    let partner = rule(&e.partners[0].availability, false);
    assert_eq!(partner.from.as_deref(), Some("2025-05-12"));
    assert_eq!(partner.to.as_deref(), Some("2025-05-16"));
    let late = rule(&e.participants[1].availability, true);
    assert_eq!(late.slots, Some(vec!["afternoon".to_string()]));
    let away = rule(&e.participants[0].availability, false);
    assert_eq!(away.dates, Some(vec!["2025-05-19".to_string()]));
}

#[test]
fn slot_names_match_the_editions_slots_and_ids_stay() {
    let mut e = example_edition();
    e.calendar.slots = Some(vec![
        Slot {
            id: "am".into(),
            name: Some("Matinée".into()),
            start: "09:00".into(),
            end: "12:00".into(),
        },
        Slot {
            id: "matin".into(),
            name: Some("Début".into()),
            start: "13:00".into(),
            end: "14:00".into(),
        },
    ]);
    e.pinned.clear();
    let dir = sheets_dir(&e);
    let pins = "session,date,slot,venue\nw01/1,01/03/2016,MATINEE,x\nw01/2,2016-03-02,matin,x\n";
    std::fs::write(dir.path().join("pins.csv"), pins).unwrap();
    let (back, _) = read(dir.path()).unwrap();
    assert_eq!(back.pinned[0].slot, "am");
    assert_eq!(back.pinned[0].date, "2016-03-01");
    assert_eq!(back.pinned[1].slot, "matin", "an id is kept");
}

#[test]
fn every_problem_of_every_sheet_comes_in_one_pass() {
    let e = example_edition();
    let dir = sheets_dir(&e);
    let venues = dir.path().join("venues.csv");
    let text = std::fs::read_to_string(&venues).unwrap();
    let capacity = e.venues[0].capacity.to_string();
    let text = text.replacen(&format!(",{capacity},"), ",thirty,", 1);
    std::fs::write(&venues, text).unwrap();
    let workshops = dir.path().join("workshops.csv");
    let text = std::fs::read_to_string(&workshops).unwrap();
    let organiser = &e.workshops[0].organisers[0];
    std::fs::write(&workshops, text.replacen(organiser.as_str(), "nobody", 1)).unwrap();
    let errors: Vec<String> = import(dir.path())
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors
            .iter()
            .any(|m| m.contains("\"thirty\" is not a whole number")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|m| m.starts_with("workshops.csv, row 2")),
        "{errors:?}"
    );
    assert!(
        !errors
            .iter()
            .any(|m| m.starts_with("venues.csv, row 2, column") && m.contains("at least")),
        "a wrong cell is not reported twice: {errors:?}"
    );
}
