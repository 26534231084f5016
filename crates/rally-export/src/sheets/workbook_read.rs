//! Reading a workbook (`.xlsx`, `.xls`, `.ods`, with calamine): one sheet
//! per list, named as in [`SHEETS`] (`Ateliers`) or as its CSV file without
//! `.csv` (`workshops`), in any case, with or without accents; the sheet
//! `Instructions` is skipped. Each cell becomes the text a CSV would hold:
//! a real date `YYYY-MM-DD`, a time `HH:MM`, a whole number without
//! decimals, TRUE/FALSE `yes`/`no`. Then the sheets are read as CSV ones.

use super::cell::{fold, format_boolean};
use super::read::{build, table, Origins, Reading, Tables};
use super::{column_letter, Sheet, SheetError, SHEETS};
use calamine::{open_workbook_auto, Data, Range, Reader};
use rally_model::types::Edition;
use std::collections::BTreeMap;
use std::path::Path;

/// The name of the sheet of instructions, which the reader skips.
pub const INSTRUCTIONS: &str = "Instructions";

/// The sheet a workbook's sheet name stands for.
fn sheet_named(name: &str) -> Option<&'static Sheet> {
    let name = fold(name.trim());
    SHEETS
        .iter()
        .find(|s| fold(s.book) == name || s.file.strip_suffix(".csv") == Some(name.as_str()))
}

/// Reads every sheet of the workbook at `path` into an edition, or lists
/// every problem found, each named as a spreadsheet does (`Ateliers!D9`).
pub fn read(path: &Path) -> Result<(Edition, Origins), Vec<SheetError>> {
    let r = reading(path);
    if r.errors.is_empty() {
        Ok((r.edition, r.origins))
    } else {
        Err(r.errors)
    }
}

/// Reads every sheet of the workbook at `path`, with every problem found.
pub(super) fn reading(path: &Path) -> Reading {
    let mut book = match open_workbook_auto(path) {
        Ok(book) => book,
        Err(e) => {
            let error = SheetError {
                workbook: true,
                ..SheetError::of_file(
                    path.display().to_string(),
                    format!(
                        "cannot be read as a workbook ({e}); save it from the spreadsheet as \
                            .xlsx or .ods"
                    ),
                )
            };
            return build(&Tables::new(), vec![error], false);
        }
    };
    let mut whole = true;
    let mut errors = Vec::new();
    let mut tables = Tables::new();
    let mut seen: BTreeMap<&'static str, String> = BTreeMap::new();
    for name in book.sheet_names() {
        if fold(name.trim()) == fold(INSTRUCTIONS) {
            continue;
        }
        let Some(s) = sheet_named(&name) else {
            errors.push(SheetError {
                workbook: true,
                ..SheetError::of_file(
                    name.clone(),
                    format!(
                        "is not a sheet of an edition; rename it to one of {}, or delete it",
                        SHEETS.iter().map(|s| s.book).collect::<Vec<_>>().join(", ")
                    ),
                )
            });
            continue;
        };
        if let Some(first) = seen.insert(s.file, name.clone()) {
            errors.push(SheetError {
                workbook: true,
                ..SheetError::of_file(
                    name.clone(),
                    format!("is the sheet {first} again; keep one of the two"),
                )
            });
            continue;
        }
        match book.worksheet_range(&name) {
            Ok(range) => {
                let records = records(&range, s, &mut errors);
                match table(s, records, &mut errors) {
                    Some(t) => {
                        tables.insert(s.file, t);
                    }
                    None => whole = false,
                }
            }
            Err(e) => {
                whole = false;
                errors.push(SheetError::of_file(s.file, format!("cannot be read: {e}")))
            }
        }
    }
    for s in SHEETS
        .iter()
        .filter(|s| s.required && !seen.contains_key(s.file))
    {
        errors.push(SheetError::of_file(
            s.file,
            format!(
                "is missing; add a sheet named {} with the columns {} in its first row (rally \
                    import --template book.xlsx writes an example)",
                s.book,
                s.columns.join(", ")
            ),
        ));
    }
    let mut r = build(&tables, errors, whole);
    r.errors = r.errors.into_iter().map(SheetError::in_workbook).collect();
    r
}

/// The cells of a sheet as text, row by row from `A1`.
fn records(range: &Range<Data>, s: &Sheet, errors: &mut Vec<SheetError>) -> Vec<Vec<String>> {
    let Some((last_row, last_col)) = range.end() else {
        return Vec::new();
    };
    let mut header: Vec<String> = Vec::new();
    (0..=last_row)
        .map(|r| {
            let row: Vec<String> = (0..=last_col)
                .map(|c| {
                    let cell = range.get_value((r, c)).unwrap_or(&Data::Empty);
                    text(cell).unwrap_or_else(|message| {
                        let name = header.get(c as usize).filter(|h| !h.is_empty());
                        errors.push(SheetError {
                            row: Some(r as usize + 1),
                            letter: Some(column_letter(c as usize)),
                            column: name.cloned(),
                            ..SheetError::of_file(s.file, message)
                        });
                        String::new()
                    })
                })
                .collect();
            if r == 0 {
                header = row.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
            }
            row
        })
        .collect()
}

/// The text of a cell, as a CSV would hold it.
fn text(cell: &Data) -> Result<String, String> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => format_boolean(*b),
        Data::DateTime(d) => {
            let (y, mo, day, h, mi, _, _) = d.to_ymd_hms_milli();
            let value = d.as_f64();
            if d.is_duration() || (0.0..1.0).contains(&value) {
                let minutes = (value * 1440.0).round() as u64;
                format!("{:02}:{:02}", minutes / 60, minutes % 60)
            } else if value.fract() == 0.0 {
                format!("{y:04}-{mo:02}-{day:02}")
            } else {
                format!("{y:04}-{mo:02}-{day:02} {h:02}:{mi:02}")
            }
        }
        Data::DateTimeIso(s) => iso_date_time(s),
        Data::DurationIso(s) => iso_duration(s).unwrap_or_else(|| s.clone()),
        Data::Error(e) => {
            return Err(format!(
                "holds the spreadsheet error {e}; write a value instead of the formula"
            ))
        }
    })
}

/// `2016-03-01T00:00:00` as `2016-03-01`, `09:00:00` as `09:00`.
fn iso_date_time(s: &str) -> String {
    let (date, time) = match s.split_once('T') {
        Some(parts) => parts,
        None if s.contains(':') => ("", s),
        None => (s, ""),
    };
    let hhmm = time.get(..5).unwrap_or(time);
    let midnight = time.trim_end_matches(['0', ':', '.']).is_empty();
    match (date.is_empty(), midnight) {
        (false, true) => date.to_string(),
        (true, _) => hhmm.to_string(),
        (false, false) => format!("{date} {hhmm}"),
    }
}

/// An OpenDocument time (`PT09H30M00S`) as `09:30`.
fn iso_duration(s: &str) -> Option<String> {
    let rest = s.strip_prefix("PT")?;
    let (hours, rest) = rest.split_once('H')?;
    let (minutes, _) = rest.split_once('M')?;
    Some(format!(
        "{:02}:{:02}",
        hours.parse::<u32>().ok()?,
        minutes.parse::<u32>().ok()?
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_in_french_or_as_the_csv_file() {
        assert_eq!(
            sheet_named("Ateliers").map(|s| s.file),
            Some("workshops.csv")
        );
        assert_eq!(
            sheet_named("seances fixees").map(|s| s.file),
            Some("pins.csv")
        );
        assert_eq!(
            sheet_named("Workshops").map(|s| s.file),
            Some("workshops.csv")
        );
        assert!(sheet_named("Feuil1").is_none());
    }

    #[test]
    fn cells_read_as_text() {
        assert_eq!(text(&Data::Float(30.0)).unwrap(), "30");
        assert_eq!(text(&Data::Float(2.5)).unwrap(), "2.5");
        assert_eq!(text(&Data::Bool(true)).unwrap(), "yes");
        assert_eq!(iso_date_time("2016-03-01T00:00:00"), "2016-03-01");
        assert_eq!(iso_date_time("2016-03-01"), "2016-03-01");
        assert_eq!(iso_date_time("09:30:00"), "09:30");
        assert_eq!(iso_duration("PT09H30M00S").as_deref(), Some("09:30"));
        let date =
            calamine::ExcelDateTime::new(42430.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(text(&Data::DateTime(date)).unwrap(), "2016-03-01");
        let time =
            calamine::ExcelDateTime::new(0.375, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(text(&Data::DateTime(time)).unwrap(), "09:00");
        assert!(text(&Data::Error(calamine::CellErrorType::NA)).is_err());
    }
}
