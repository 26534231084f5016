//! An edition as the CSV sheets a rally team keeps in a spreadsheet, and
//! back: [`write`] gives the sheets of an edition, [`read`] builds the
//! edition again (errors name the file, the row and the column), and
//! [`import`] validates it with the model's own rules, reporting those
//! errors against the sheets too. The round trip is exact: the sheets of an
//! edition read back into the same edition.
//!
//! The cells' syntax (lists, yes/no, availability) is in [`cell`]; the
//! sheets and their columns are in [`SHEETS`]; `docs/sheets.md` explains
//! them for the team.

pub mod cell;
mod locate;
mod read;
mod template;
mod write;

pub use read::read;
pub use template::template;
pub use write::write;

use rally_model::{Edition, Model};
use std::fmt;
use std::path::Path;

/// One sheet: its file name, its columns in order, the columns that must be
/// there, and whether the file itself must be there.
#[derive(Debug, Clone, Copy)]
pub struct Sheet {
    pub file: &'static str,
    pub columns: &'static [&'static str],
    pub required_columns: &'static [&'static str],
    pub required: bool,
}

/// Every sheet, in the order a team fills them in.
pub const SHEETS: [Sheet; 13] = [
    Sheet {
        file: "calendar.csv",
        columns: &["edition", "start", "end", "weekdays", "closed"],
        required_columns: &["start", "end"],
        required: true,
    },
    Sheet {
        file: "slots.csv",
        columns: &["id", "name", "start", "end"],
        required_columns: &["id", "start", "end"],
        required: false,
    },
    Sheet {
        file: "themes.csv",
        columns: &["id", "name"],
        required_columns: &["id"],
        required: false,
    },
    Sheet {
        file: "territories.csv",
        columns: &["id", "name"],
        required_columns: &["id"],
        required: true,
    },
    Sheet {
        file: "places.csv",
        columns: &["id", "name", "territory"],
        required_columns: &["id", "territory"],
        required: false,
    },
    Sheet {
        file: "venues.csv",
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
        columns: &["from", "to", "minutes"],
        required_columns: &["from", "to", "minutes"],
        required: false,
    },
    Sheet {
        file: "partners.csv",
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
        columns: &["session", "date", "slot", "venue"],
        required_columns: &["session", "date", "slot", "venue"],
        required: false,
    },
    Sheet {
        file: "rules.csv",
        columns: &["rule", "value"],
        required_columns: &["rule", "value"],
        required: false,
    },
];

/// The rows `rules.csv` may hold, besides one `weights.<term>` row per weight.
pub const RULES: [&str; 3] = ["theme_sessions_per_week", "certificate", "weights"];

/// A problem in the sheets: where (file, row as a spreadsheet numbers it,
/// column) and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetError {
    /// File name (`workshops.csv`); empty for the edition as a whole.
    pub file: String,
    /// Row number, the header being row 1.
    pub row: Option<usize>,
    /// Column letter and name, e.g. `D (organisers)`.
    pub column: Option<String>,
    pub message: String,
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut place = Vec::new();
        if !self.file.is_empty() {
            place.push(self.file.clone());
        }
        if let Some(row) = self.row {
            place.push(format!("row {row}"));
        }
        if let Some(column) = &self.column {
            place.push(format!("column {column}"));
        }
        if place.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", place.join(", "), self.message)
        }
    }
}

/// Reads the sheets of `dir` and validates the edition they make: the
/// edition and its compiled model, or every problem found, each named by
/// file, row and column.
pub fn import(dir: &Path) -> Result<(Edition, Model), Vec<SheetError>> {
    let (edition, origins) = read(dir)?;
    match rally_model::validate::compile(edition.clone()) {
        Ok(model) => {
            let clashes = rally_check::check_pins(&model);
            if clashes.is_empty() {
                Ok((edition, model))
            } else {
                Err(clashes.iter().map(|e| origins.locate(e)).collect())
            }
        }
        Err(errors) => Err(errors.iter().map(|e| origins.locate(e)).collect()),
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
