//! The model's validation names a problem by its JSON path
//! (`workshops[3].organisers[1]`); a team needs the sheet, the row and the
//! column instead (`workshops.csv, row 5, column D (organisers)`).

use super::read::Origins;
use super::{column_letter, SheetError};
use rally_model::InputError;

/// One step of a JSON path: a field name or a list index.
#[derive(Debug, PartialEq, Eq)]
enum Step<'a> {
    Field(&'a str),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = part.split_once('[').map_or((part, ""), |(n, r)| (n, r));
        if !name.is_empty() {
            out.push(Step::Field(name));
        }
        while let Some((index, after)) = rest.split_once(']') {
            if let Ok(i) = index.parse() {
                out.push(Step::Index(i));
            }
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    out
}

/// The sheet of a top-level list of the edition.
fn list_file(name: &str) -> Option<&'static str> {
    Some(match name {
        "themes" => "themes.csv",
        "territories" => "territories.csv",
        "places" => "places.csv",
        "venues" => "venues.csv",
        "travel" => "travel.csv",
        "partners" => "partners.csv",
        "workshops" => "workshops.csv",
        "groups" => "groups.csv",
        "participants" => "participants.csv",
        "pinned" => "pins.csv",
        _ => return None,
    })
}

/// The column of a field of an item (`capacity.min` is the `min` column …).
fn column(file: &str, rest: &[Step]) -> Option<&'static str> {
    let Some(Step::Field(field)) = rest.first() else {
        return None;
    };
    let next = rest.get(1);
    let col = match (*field, next) {
        ("capacity", Some(Step::Field("min"))) => "min",
        ("capacity", _) if file == "workshops.csv" => "max",
        ("between", Some(Step::Index(1))) => "to",
        ("between", _) => "from",
        (f, _) => super::sheet(file)?.columns.iter().find(|c| **c == f)?,
    };
    Some(col)
}

impl Origins {
    /// The sheet, row and column of a validation error.
    pub fn locate(&self, e: &InputError) -> SheetError {
        let steps = steps(&e.path);
        let (file, row, col) = self.place(&steps);
        let letter = col.and_then(|c| {
            let header = self.headers.get(file.unwrap_or_default())?;
            header.iter().position(|x| x == c).map(column_letter)
        });
        let message = if file.is_some() {
            e.message.clone()
        } else {
            e.to_string()
        };
        SheetError {
            file: file.unwrap_or_default().into(),
            workbook: false,
            row,
            letter,
            column: col.map(String::from),
            message,
        }
    }

    fn row(&self, file: &str, index: usize) -> Option<usize> {
        self.rows.get(file)?.get(index).copied()
    }

    fn place(&self, steps: &[Step]) -> (Option<&'static str>, Option<usize>, Option<&'static str>) {
        match steps {
            [Step::Field("calendar"), Step::Field("slots"), Step::Index(i), rest @ ..] => (
                Some("slots.csv"),
                self.row("slots.csv", *i),
                column("slots.csv", rest),
            ),
            [Step::Field("calendar"), Step::Field("slots"), ..] => (Some("slots.csv"), None, None),
            [Step::Field("calendar"), rest @ ..] => (
                Some("calendar.csv"),
                self.row("calendar.csv", 0),
                column("calendar.csv", rest),
            ),
            [Step::Field("rules"), Step::Field("weights"), Step::Field(w), ..] => {
                let key = format!("weights.{w}");
                (
                    Some("rules.csv"),
                    self.rules.get(&key).copied(),
                    Some("value"),
                )
            }
            [Step::Field("rules"), Step::Field(r), ..] => (
                Some("rules.csv"),
                self.rules.get(*r).copied(),
                Some("value"),
            ),
            [Step::Field(list), Step::Index(i), rest @ ..] => match list_file(list) {
                Some(file) => (Some(file), self.row(file, *i), column(file, rest)),
                None => (None, None, None),
            },
            [Step::Field(list), ..] => (list_file(list), None, None),
            _ => (None, None, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_into_fields_and_indices() {
        assert_eq!(
            steps("workshops[3].organisers[1]"),
            [
                Step::Field("workshops"),
                Step::Index(3),
                Step::Field("organisers"),
                Step::Index(1)
            ]
        );
        assert_eq!(
            steps("calendar.slots[0].start"),
            [
                Step::Field("calendar"),
                Step::Field("slots"),
                Step::Index(0),
                Step::Field("start")
            ]
        );
    }
}
