//! An edition as the sheets a rally team keeps in a spreadsheet, and back:
//! a folder of CSV files or a workbook (`.xlsx`, `.ods`). [`write()`] gives
//! the CSV sheets of an edition and [`workbook`] its workbook; [`read`] and
//! [`read_workbook`] build the edition again (errors name the sheet, the
//! row and the column), and [`import`] validates it with the model's own
//! rules, reporting those errors against the sheets too. The round trip is
//! exact: the sheets of an edition read back into the same edition.
//!
//! The sheets and their columns are described once, in [`SHEETS`], for CSV
//! files and workbooks alike; the cells' syntax (lists, yes/no,
//! availability) is in [`cell`]; `docs/sheets.md` explains them for the team.

pub mod cell;
mod locate;
mod read;
mod slot_names;
mod template;
mod workbook_read;
mod workbook_write;
mod write;

pub use read::{is_workbook_name, read};
pub use template::{template, workbook_template};
pub use workbook_read::{read as read_workbook, INSTRUCTIONS};
pub use workbook_write::workbook;
pub use write::write;

use rally_model::{Edition, Model};
use std::fmt;
use std::path::Path;

/// One sheet: its file name, its name in a workbook, its columns in order,
/// the columns that must be there, and whether the sheet itself must be there.
#[derive(Debug, Clone, Copy)]
pub struct Sheet {
    /// Its CSV file name, e.g. `workshops.csv`.
    pub file: &'static str,
    /// The sheet's name in a workbook (French, whatever the language).
    pub book: &'static str,
    /// Its columns, in order.
    pub columns: &'static [&'static str],
    /// Columns that must be there.
    pub required_columns: &'static [&'static str],
    /// Whether the sheet must be there.
    pub required: bool,
}

/// Every sheet, in the order a team fills them in.
pub const SHEETS: [Sheet; 13] = [
    Sheet {
        file: "calendar.csv",
        book: "Calendrier",
        columns: &["edition", "start", "end", "weekdays", "closed"],
        required_columns: &["start", "end"],
        required: true,
    },
    Sheet {
        file: "slots.csv",
        book: "Créneaux",
        columns: &["id", "name", "start", "end"],
        required_columns: &["id", "start", "end"],
        required: false,
    },
    Sheet {
        file: "themes.csv",
        book: "Thèmes",
        columns: &["id", "name"],
        required_columns: &["id"],
        required: false,
    },
    Sheet {
        file: "territories.csv",
        book: "Territoires",
        columns: &["id", "name"],
        required_columns: &["id"],
        required: true,
    },
    Sheet {
        file: "places.csv",
        book: "Lieux",
        columns: &["id", "name", "territory"],
        required_columns: &["id", "territory"],
        required: false,
    },
    Sheet {
        file: "venues.csv",
        book: "Salles",
        columns: &[
            "id",
            "name",
            "territory",
            "capacity",
            "features",
            "availability",
        ],
        required_columns: &["id", "territory", "capacity"],
        required: false,
    },
    Sheet {
        file: "travel.csv",
        book: "Trajets",
        columns: &["from", "to", "minutes"],
        required_columns: &["from", "to", "minutes"],
        required: false,
    },
    Sheet {
        file: "partners.csv",
        book: "Partenaires",
        columns: &[
            "id",
            "name",
            "kind",
            "territory",
            "parallel",
            "max_per_day",
            "availability",
        ],
        required_columns: &["id", "kind"],
        required: false,
    },
    Sheet {
        file: "workshops.csv",
        book: "Ateliers",
        columns: &[
            "id",
            "title",
            "themes",
            "organisers",
            "sessions",
            "duration",
            "min",
            "max",
            "venues",
            "needs",
            "territory",
            "audience",
            "availability",
        ],
        required_columns: &["id", "themes", "organisers", "min", "max"],
        required: false,
    },
    Sheet {
        file: "groups.csv",
        book: "Groupes",
        columns: &[
            "id",
            "name",
            "profile",
            "size",
            "territory",
            "base",
            "max_per_day",
            "max_days",
            "themes",
            "certificate",
            "availability",
        ],
        required_columns: &["id", "size"],
        required: false,
    },
    Sheet {
        file: "participants.csv",
        book: "Participants",
        columns: &[
            "id",
            "name",
            "profile",
            "territory",
            "base",
            "max_travel",
            "max_per_day",
            "wishes",
            "themes",
            "certificate",
            "availability",
        ],
        required_columns: &["id", "profile"],
        required: false,
    },
    Sheet {
        file: "pins.csv",
        book: "Séances fixées",
        columns: &["session", "date", "slot", "venue"],
        required_columns: &["session", "date", "slot", "venue"],
        required: false,
    },
    Sheet {
        file: "rules.csv",
        book: "Règles",
        columns: &["rule", "value"],
        required_columns: &["rule", "value"],
        required: false,
    },
];

/// The rows `rules.csv` may hold, besides one `weights.<term>` row per weight.
pub const RULES: [&str; 3] = ["theme_sessions_per_week", "certificate", "weights"];

/// A problem in the sheets: where (file or sheet, row as a spreadsheet
/// numbers it, column) and what to do about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SheetError {
    /// File name (`workshops.csv`), or the sheet's name in a workbook
    /// (`Ateliers`); empty for the edition as a whole.
    pub file: String,
    /// Whether `file` is a sheet of a workbook: the place then reads as a
    /// spreadsheet's reference, `Ateliers!D9`.
    pub workbook: bool,
    /// Row number, the header being row 1.
    pub row: Option<usize>,
    /// Column letter, e.g. `D`.
    pub letter: Option<String>,
    /// Column name, e.g. `organisers`.
    pub column: Option<String>,
    /// What is wrong, and the fix.
    pub message: String,
}

impl SheetError {
    /// The error of a whole file (or sheet).
    fn of_file(file: impl Into<String>, message: String) -> SheetError {
        SheetError {
            file: file.into(),
            message,
            ..SheetError::default()
        }
    }

    /// The same error, placed in the workbook's sheet of its CSV file.
    fn in_workbook(mut self) -> SheetError {
        if let Some(s) = sheet(&self.file) {
            self.file = s.book.into();
            self.workbook = true;
        }
        self
    }

    /// Where the error is, as a spreadsheet says it: `workshops.csv, row 9,
    /// column D (organisers)`, or `Ateliers!D9 (organisers)` in a workbook.
    pub fn place(&self) -> String {
        let mut place = Vec::new();
        if self.workbook && self.row.is_some() && self.letter.is_some() {
            let reference = format!(
                "{}!{}{}",
                self.file,
                self.letter.as_deref().unwrap_or_default(),
                self.row.unwrap_or_default()
            );
            return match &self.column {
                Some(name) => format!("{reference} ({name})"),
                None => reference,
            };
        }
        if !self.file.is_empty() {
            place.push(self.file.clone());
        }
        if let Some(row) = self.row {
            place.push(format!("row {row}"));
        }
        match (&self.letter, &self.column) {
            (Some(l), Some(n)) => place.push(format!("column {l} ({n})")),
            (Some(l), None) => place.push(format!("column {l}")),
            (None, Some(n)) => place.push(format!("column {n}")),
            (None, None) => {}
        }
        place.join(", ")
    }
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = self.place();
        if place.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{place}: {}", self.message)
        }
    }
}

/// Whether `path` is a workbook to read, rather than a folder of CSV sheets.
pub fn is_workbook(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy());
    !path.is_dir() && name.is_some_and(|n| is_workbook_name(&n))
}

/// Reads the sheets at `path` (a folder of CSV files, or a workbook) and
/// validates the edition they make: the edition and its compiled model, or
/// every problem found, each named by sheet, row and column.
pub fn import(path: &Path) -> Result<(Edition, Model), Vec<SheetError>> {
    let workbook = is_workbook(path);
    if path.is_file() && !workbook {
        return Err(vec![SheetError::of_file(
            path.display().to_string(),
            "is neither a folder of CSV sheets nor a workbook (.xlsx, .xls, .ods); give the \
                folder that holds it, or a workbook"
                .into(),
        )]);
    }
    let reading = if workbook {
        workbook_read::reading(path)
    } else {
        read::reading(path)
    };
    let read::Reading {
        edition,
        origins,
        mut errors,
        whole,
    } = reading;
    if !whole {
        return Err(errors);
    }
    let locate = |e: &rally_model::InputError| {
        let error = origins.locate(e);
        if workbook {
            error.in_workbook()
        } else {
            error
        }
    };
    // The model's rules are checked even when some cells are wrong, so that
    // every problem comes in one pass; a cell already reported is not
    // reported again for what its wrong value became.
    let mut add = |found: Vec<SheetError>| {
        for f in found {
            let same = |e: &SheetError| (&e.file, e.row, &e.column) == (&f.file, f.row, &f.column);
            if !errors.iter().any(same) {
                errors.push(f);
            }
        }
    };
    let model = match rally_check::compile(edition.clone()) {
        Ok(model) => Some(model),
        Err(invalid) => {
            add(invalid.iter().map(locate).collect());
            None
        }
    };
    match model {
        Some(model) if errors.is_empty() => Ok((edition, model)),
        _ => Err(errors),
    }
}

/// The sheet of a file name.
fn sheet(file: &str) -> Option<&'static Sheet> {
    SHEETS.iter().find(|s| s.file == file)
}

/// Spreadsheet column letter of a 0-based index: A … Z, AA …
fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        out.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod workbook_tests;
