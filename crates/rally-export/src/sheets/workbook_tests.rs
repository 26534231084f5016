//! Workbooks: written, read back, and their errors named as cells.

use super::tests::{every_form, example_edition};
use super::workbook_write::List;
use super::*;
use crate::i18n::{Lang, Texts};
use calamine::{open_workbook_auto, Data, Reader};
use std::io::Read;
use std::path::{Path, PathBuf};

fn en() -> Texts {
    Texts::new(Lang::En)
}

/// Writes the workbook of `e` into `dir` and returns its path.
fn saved(dir: &Path, name: &str, e: &Edition) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, workbook(e, &en()).unwrap()).unwrap();
    path
}

/// Every sheet of a workbook: its name and its cells, row by row.
fn cells(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book = open_workbook_auto(path).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range.rows().map(|r| r.to_vec()).collect();
            (name, rows)
        })
        .collect()
}

/// The XML of one sheet of a workbook (`xl/worksheets/sheetN.xml`).
fn sheet_xml(path: &Path, number: usize) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    zip.by_name(&format!("xl/worksheets/sheet{number}.xml"))
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn workbook_to_edition_to_workbook_is_identical() {
    let dir = tempfile::tempdir().unwrap();
    for (i, e) in [example_edition(), every_form()].iter().enumerate() {
        let first = saved(dir.path(), &format!("first-{i}.xlsx"), e);
        let (back, _) = read_workbook(&first).unwrap_or_else(|errors| panic!("{errors:?}"));
        assert_eq!(&back, e);
        let second = saved(dir.path(), &format!("second-{i}.xlsx"), &back);
        assert_eq!(cells(&first), cells(&second));
    }
    let (_, model) = import(&dir.path().join("first-0.xlsx")).unwrap();
    assert!(!model.sessions.is_empty());
}

#[test]
fn sheets_in_order_with_frozen_styled_headers_and_drop_downs() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), "book.xlsx", &example_edition());
    let names: Vec<String> = cells(&path).into_iter().map(|(n, _)| n).collect();
    let mut expected = vec![INSTRUCTIONS.to_string()];
    expected.extend(SHEETS.iter().map(|s| s.book.to_string()));
    assert_eq!(names, expected);
    let n = |file: &str| 2 + SHEETS.iter().position(|s| s.file == file).unwrap();
    let workshops = sheet_xml(&path, n("workshops.csv"));
    assert!(workshops.contains(r#"state="frozen""#), "{workshops}");
    assert!(workshops.contains("<dataValidation"));
    assert!(workshops.contains("'Partenaires'!$A$2:$A$1000"));
    assert!(workshops.contains("<col "));
    let partners = sheet_xml(&path, n("partners.csv"));
    assert!(partners.contains(r#""home-care-service,training,employment"#));
    let participants = sheet_xml(&path, n("participants.csv"));
    assert!(participants.contains(r#""student,job-seeker,retraining,employee,adviser""#));
}

/// The drop-downs of a sheet's XML: the column each covers (by name) and
/// its source (`"a,b"` for a fixed list, `'Sheet'!$A$2:$A$9` for a range).
fn drop_downs(xml: &str, s: &Sheet) -> Vec<(String, String)> {
    xml.split("<dataValidation ")
        .skip(1)
        .map(|v| {
            let sqref = v.split("sqref=\"").nth(1).unwrap();
            let letters: String = sqref
                .chars()
                .take_while(|c| c.is_ascii_uppercase())
                .collect();
            let col = (0..s.columns.len())
                .find(|&c| column_letter(c) == letters)
                .unwrap_or_else(|| panic!("{} has no column {letters}", s.book));
            let source = v.split("<formula1>").nth(1).unwrap();
            let source = source.split("</formula1>").next().unwrap();
            (s.columns[col].to_string(), source.replace("&apos;", "'"))
        })
        .collect()
}

#[test]
fn every_column_of_ids_kinds_profiles_weekdays_slots_or_themes_has_a_drop_down() {
    let dir = tempfile::tempdir().unwrap();
    let e = every_form();
    let path = saved(dir.path(), "book.xlsx", &e);
    let book = cells(&path);
    let instructions = &book[0].1;
    // A range of the instructions sheet, read back as the values it offers.
    let offered = |source: &str| -> Vec<String> {
        let range = source.strip_prefix(&format!("'{INSTRUCTIONS}'!$")).unwrap();
        let (col, rows) = range.split_once('$').unwrap();
        let last: usize = rows.rsplit('$').next().unwrap().parse().unwrap();
        let c = (0..30).find(|&c| column_letter(c) == col).unwrap();
        (1..last).map(|r| instructions[r][c].to_string()).collect()
    };
    let mut found = Vec::new();
    for (i, s) in SHEETS.iter().enumerate() {
        for (col, source) in drop_downs(&sheet_xml(&path, i + 2), s) {
            if source.starts_with(&format!("'{INSTRUCTIONS}'!")) {
                let list = match (s.file, col.as_str()) {
                    ("pins.csv", _) => List::Sessions,
                    ("rules.csv", _) => List::Rules,
                    ("workshops.csv", _) => List::Features,
                    _ => List::Nodes,
                };
                assert_eq!(offered(&source), list.values(&e), "{} {col}", s.file);
            }
            found.push(format!("{}:{col}", s.file.trim_end_matches(".csv")));
        }
    }
    let expected = [
        "calendar:weekdays",
        "places:territory",
        "venues:territory",
        "travel:from",
        "travel:to",
        "partners:kind",
        "partners:territory",
        "workshops:themes",
        "workshops:organisers",
        "workshops:venues",
        "workshops:needs",
        "workshops:territory",
        "workshops:audience",
        "groups:profile",
        "groups:territory",
        "groups:base",
        "groups:themes",
        "groups:certificate",
        "participants:profile",
        "participants:territory",
        "participants:base",
        "participants:wishes",
        "participants:themes",
        "participants:certificate",
        "pins:session",
        "pins:slot",
        "pins:venue",
        "rules:rule",
    ];
    assert_eq!(found, expected);
    // What the lists hold, for this edition.
    assert!(List::Nodes.values(&e).iter().any(|n| e.venues[0].id == *n));
    assert!(List::Rules
        .values(&e)
        .contains(&"weights.travel_minute".to_string()));
    assert!(List::Sessions.values(&e).iter().all(|s| s.contains('/')));
}

#[test]
fn the_instructions_list_every_column_with_its_allowed_values() {
    for lang in [Lang::En, Lang::Fr] {
        let texts = Texts::new(lang);
        let e = example_edition();
        for s in SHEETS.iter() {
            for col in s.columns {
                let text = workbook_write::describe(&e, s, col, &texts);
                assert!(
                    !text.starts_with("book-"),
                    "{lang} {} {col}: {text}",
                    s.file
                );
            }
        }
        let workshops = SHEETS.iter().find(|s| s.file == "partners.csv").unwrap();
        let kind = workbook_write::describe(&e, workshops, "kind", &texts);
        assert!(kind.contains("home-care-service, training"), "{kind}");
    }
}

#[test]
fn the_workbook_template_imports_as_the_example() {
    let dir = tempfile::tempdir().unwrap();
    let texts = Texts::new(Lang::Fr);
    let path = dir.path().join("template.xlsx");
    std::fs::write(&path, workbook_template(&texts).unwrap()).unwrap();
    let (edition, _) = import(&path).unwrap_or_else(|errors| panic!("{errors:?}"));
    assert_eq!(edition, template::example(&texts));
    assert_eq!(edition.themes.as_ref().map(Vec::len), Some(7));
    let sheets = cells(&path);
    let ateliers = sheets.iter().find(|(n, _)| n == "Ateliers").unwrap();
    assert_eq!(ateliers.1.len(), 2, "a header and one example row");
}

/// A workbook with one sheet per (name, rows of text cells).
fn handmade(dir: &Path, sheets: &[(&str, &[&[&str]])]) -> PathBuf {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if let Ok(n) = cell.parse::<f64>() {
                    ws.write_number(r as u32, c as u16, n).unwrap();
                } else {
                    ws.write_string(r as u32, c as u16, *cell).unwrap();
                }
            }
        }
    }
    let path = dir.join("handmade.xlsx");
    book.save(&path).unwrap();
    path
}

#[test]
fn real_dates_and_times_are_read_as_text_would_be() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    let time = rust_xlsxwriter::Format::new().set_num_format("hh:mm");
    let ws = book.add_worksheet();
    ws.set_name("Calendrier").unwrap();
    ws.write_row(0, 0, ["start", "end"]).unwrap();
    let day = |d| rust_xlsxwriter::ExcelDateTime::from_ymd(2016, 3, d).unwrap();
    ws.write_date_with_format(1, 0, day(1), &date).unwrap();
    ws.write_date_with_format(1, 1, day(4), &date).unwrap();
    let ws = book.add_worksheet();
    ws.set_name("Créneaux").unwrap();
    ws.write_row(0, 0, ["id", "start", "end"]).unwrap();
    ws.write_string(1, 0, "am").unwrap();
    let hm = |h, m| rust_xlsxwriter::ExcelDateTime::from_hms(h, m, 0).unwrap();
    ws.write_datetime_with_format(1, 1, hm(9, 0), &time)
        .unwrap();
    ws.write_datetime_with_format(1, 2, hm(12, 30), &time)
        .unwrap();
    let ws = book.add_worksheet();
    ws.set_name("territories").unwrap();
    ws.write_row(0, 0, ["id"]).unwrap();
    ws.write_number(1, 0, 87).unwrap();
    let path = dir.path().join("dates.xlsx");
    book.save(&path).unwrap();
    let (e, _) = read_workbook(&path).unwrap_or_else(|errors| panic!("{errors:?}"));
    assert_eq!(
        (e.calendar.start.as_str(), e.calendar.end.as_str()),
        ("2016-03-01", "2016-03-04")
    );
    let slot = &e.calendar.slots.unwrap()[0];
    assert_eq!((slot.start.as_str(), slot.end.as_str()), ("09:00", "12:30"));
    assert_eq!(e.territories[0].id, "87");
}

#[test]
fn errors_name_the_cell_as_a_spreadsheet_does() {
    let dir = tempfile::tempdir().unwrap();
    let path = handmade(
        dir.path(),
        &[
            (
                "Calendrier",
                &[&["start", "end"], &["2016-03-01", "2016-03-04"]],
            ),
            ("Territoires", &[&["id"], &["87"]]),
            (
                "Salles",
                &[&["id", "territory", "capacity"], &["cm", "87", "thirty"]],
            ),
            ("Feuil1", &[&["x"]]),
        ],
    );
    let errors: Vec<String> = import(&path)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("Salles!C2 (capacity): \"thirty\" is not a whole number")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("Feuil1: is not a sheet")),
        "{errors:?}"
    );
    let path = handmade(
        dir.path(),
        &[
            (
                "Calendrier",
                &[&["start", "end"], &["2016-03-01", "2016-03-04"]],
            ),
            ("Territoires", &[&["id"], &["87"]]),
            ("Lieux", &[&["id", "territory"], &["lycee", "78"]]),
        ],
    );
    let errors: Vec<String> = import(&path)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("Lieux!B2 (territory): ")),
        "{errors:?}"
    );
    let missing = handmade(dir.path(), &[("Territoires", &[&["id"], &["87"]])]);
    let errors: Vec<String> = import(&missing)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("Calendrier: is missing")),
        "{errors:?}"
    );
}
