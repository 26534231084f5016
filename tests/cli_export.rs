//! `rally export` and `rally import` from the outside: files in, files out,
//! exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/example")
        .join(name)
}

fn rally(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rally"))
        .args(args)
        .output()
        .expect("rally runs")
}

fn p(s: &str) -> &Path {
    Path::new(s)
}

/// A temporary directory holding copies of the worked example.
fn example_dir() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let edition = dir.path().join("edition.json");
    let plan = dir.path().join("plan.json");
    std::fs::copy(example("edition.json"), &edition).unwrap();
    std::fs::copy(example("plan.json"), &plan).unwrap();
    (dir, edition, plan)
}

/// Every file under `dir` with its bytes, sorted by path.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn export_writes_every_hand_out_and_is_deterministic() {
    let (dir, edition, plan) = example_dir();
    let outs = ["html", "ics", "csv", "sheets"].map(|k| dir.path().join(format!("out-{k}")));
    let run = || {
        let o = rally(&[
            p("export"),
            &edition,
            &plan,
            p("--html"),
            &outs[0],
            p("--ics"),
            &outs[1],
            p("--csv"),
            &outs[2],
            p("--sheets"),
            &outs[3],
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        outs.iter().map(|d| tree(d)).collect::<Vec<_>>()
    };
    let first = run();
    let names = |i: usize| first[i].iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(0),
        [
            ".rally-written",
            "index.html",
            "members/g01.html",
            "members/u0001.html",
            "partners/admr.html",
            "partners/pe.html",
            "territories/87.html"
        ]
    );
    assert_eq!(
        names(1),
        [
            ".rally-written",
            "members/g01.ics",
            "members/u0001.ics",
            "partners/admr.ics",
            "partners/pe.ics"
        ]
    );
    assert_eq!(
        names(2),
        [
            ".rally-written",
            "attendance.csv",
            "certificates.csv",
            "sessions.csv",
            "uncertified.csv"
        ]
    );
    assert_eq!(names(3).len(), 14);
    assert_eq!(run(), first, "a second export gives the same bytes");
}

#[test]
fn sheets_exported_and_imported_back_give_the_same_edition() {
    let dir = tempfile::tempdir().unwrap();
    let edition = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/tiny.json");
    let edition = if edition.exists() {
        edition
    } else {
        example("edition.json")
    };
    let sheets = dir.path().join("sheets");
    let back = dir.path().join("back.json");
    assert!(rally(&[p("export"), &edition, p("--sheets"), &sheets])
        .status
        .success());
    let o = rally(&[p("import"), &sheets, p("-o"), &back]);
    assert!(o.status.success(), "{}", stderr(&o));
    let read = |f: &Path| -> rally_model::Edition {
        serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap()
    };
    assert_eq!(read(&back), read(&edition));
}

#[test]
fn generated_editions_survive_the_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    for seed in ["1", "7"] {
        let edition = dir.path().join(format!("gen-{seed}.json"));
        let sheets = dir.path().join(format!("sheets-{seed}"));
        let back = dir.path().join(format!("back-{seed}.json"));
        let o = rally(&[
            p("generate"),
            p("--territories"),
            p("2"),
            p("--seed"),
            p(seed),
            p("-o"),
            &edition,
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(rally(&[p("export"), &edition, p("--sheets"), &sheets])
            .status
            .success());
        let o = rally(&[p("import"), &sheets, p("-o"), &back]);
        assert!(o.status.success(), "{}", stderr(&o));
        let read = |f: &Path| -> rally_model::Edition {
            serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap()
        };
        assert_eq!(read(&back), read(&edition), "seed {seed}");
    }
}

#[test]
fn bad_input_exits_2_and_writes_nothing() {
    let (dir, edition, plan) = example_dir();
    let html = dir.path().join("html");
    let o = rally(&[p("export"), &edition, p("--html"), &html]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("PLAN"), "{}", stderr(&o));
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\"sessions\": 3}").unwrap();
    let o = rally(&[
        p("export"),
        &edition,
        &broken,
        p("--html"),
        &html,
        p("--csv"),
        &html,
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = rally(&[p("export"), &broken, &plan, p("--html"), &html]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!html.exists());
    let o = rally(&[p("export"), &edition, &plan]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn import_errors_name_file_row_and_column() {
    let (dir, edition, _) = example_dir();
    let sheets = dir.path().join("sheets");
    assert!(rally(&[p("export"), &edition, p("--sheets"), &sheets])
        .status
        .success());
    let workshops = sheets.join("workshops.csv");
    let text = std::fs::read_to_string(&workshops)
        .unwrap()
        .replace("admr; pe", "admr; pe78");
    std::fs::write(&workshops, text).unwrap();
    let out = dir.path().join("out.json");
    let o = rally(&[p("import"), &sheets, p("-o"), &out]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o)
            .contains("workshops.csv, row 2, column D (organisers): unknown partner \"pe78\""),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

#[test]
fn the_template_imports_and_is_never_written_over_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let sheets = dir.path().join("template");
    let o = rally(&[p("import"), p("--template"), &sheets]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = dir.path().join("edition.json");
    let o = rally(&[p("import"), &sheets, p("-o"), &out]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = rally(&[p("check"), &out, &example("plan.json")]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "the edition loads; the example plan is not for it"
    );
    let o = rally(&[p("import"), p("--template"), &sheets]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_workbook_exported_imports_back_and_is_never_written_over_unasked() {
    let (dir, edition, _) = example_dir();
    let book = dir.path().join("book.xlsx");
    let o = rally(&[p("export"), &edition, p("--workbook"), &book]);
    assert!(o.status.success(), "{}", stderr(&o));
    let back = dir.path().join("back.json");
    let o = rally(&[p("import"), &book, p("-o"), &back]);
    assert!(o.status.success(), "{}", stderr(&o));
    let read = |f: &Path| -> rally_model::Edition {
        serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap()
    };
    assert_eq!(read(&back), read(&edition));
    let before = std::fs::read(&book).unwrap();
    let o = rally(&[p("export"), &edition, p("--workbook"), &book]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&book).unwrap(), before);
    let o = rally(&[p("export"), &edition, p("--workbook"), &book, p("--force")]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn the_workbook_template_imports_and_is_never_written_over() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("modele.xlsx");
    let o = rally(&[p("import"), p("--template"), &book, p("--lang"), p("fr")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = dir.path().join("edition.json");
    let o = rally(&[p("import"), &book, p("-o"), &out]);
    assert!(o.status.success(), "{}", stderr(&o));
    let edition: rally_model::Edition =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(edition.themes.map(|t| t.len()), Some(7));
    assert_eq!(edition.calendar.slots.map(|s| s.len()), Some(2));
    let o = rally(&[p("import"), p("--template"), &book]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn sheets_saved_by_french_excel_import_with_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let sheets = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/french-excel");
    let out = dir.path().join("edition.json");
    let o = rally(&[p("import"), &sheets, p("-o"), &out]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = rally(&[p("plan"), &out, p("-o"), &dir.path().join("plan.json")]);
    assert!(o.status.success(), "{}", stderr(&o));
}
