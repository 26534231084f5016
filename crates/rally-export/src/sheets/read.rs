//! Reading sheets into an edition: the sheets' shape (files, headers,
//! cells) is checked here; what the edition means is checked by the
//! model's validation ([`super::import`]). A folder of CSV files and a
//! workbook ([`super::workbook_read`]) both give [`Table`]s, which one
//! [`Builder`] turns into an edition.

use super::cell;
use super::{column_letter, sheet, Sheet, SheetError, RULES, SHEETS};
use rally_model::types::*;
use rally_model::Term;
use std::collections::BTreeMap;
use std::path::Path;

/// Where each part of the edition came from, to name the cell of an error
/// that the model's validation finds.
#[derive(Debug, Clone, Default)]
pub struct Origins {
    /// The header of each file read.
    pub(super) headers: BTreeMap<&'static str, Vec<String>>,
    /// The spreadsheet row of each item of each sheet, in order.
    pub(super) rows: BTreeMap<&'static str, Vec<usize>>,
    /// The row of each `rules.csv` entry.
    pub(super) rules: BTreeMap<String, usize>,
}

/// A sheet as read: its header (lowercase names) and its non-blank rows.
pub(super) struct Table {
    sheet: &'static Sheet,
    header: Vec<String>,
    /// (spreadsheet row number, cells).
    rows: Vec<(usize, Vec<String>)>,
}

/// The sheets read, by file name.
pub(super) type Tables = BTreeMap<&'static str, Table>;

/// What reading the sheets gave: the edition, where its parts came from,
/// the problems found, and whether every sheet was read whole (its header
/// and shape right), so that the model's validation can look at it too.
pub(super) struct Reading {
    pub edition: Edition,
    pub origins: Origins,
    pub errors: Vec<SheetError>,
    pub whole: bool,
}

impl Reading {
    fn result(self) -> Result<(Edition, Origins), Vec<SheetError>> {
        if self.errors.is_empty() {
            Ok((self.edition, self.origins))
        } else {
            Err(self.errors)
        }
    }
}

/// Reads every sheet of `dir` into an edition, or lists every problem found.
pub fn read(dir: &Path) -> Result<(Edition, Origins), Vec<SheetError>> {
    reading(dir).result()
}

/// Reads every sheet of `dir`, with every problem found.
pub(super) fn reading(dir: &Path) -> Reading {
    let mut errors = Vec::new();
    let mut whole = true;
    let mut tables = Tables::new();
    match std::fs::read_dir(dir) {
        Ok(entries) => {
            let mut names: Vec<String> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            for name in names.iter().filter(|n| is_workbook_name(n)) {
                errors.push(SheetError::of_file(
                    name.clone(),
                    format!(
                        "is a workbook, and this folder is read as CSV sheets: import the \
                            workbook itself (rally import {} -o EDITION), or save each sheet of \
                            it as CSV here, or move it out of {}",
                        dir.join(name).display(),
                        dir.display()
                    ),
                ));
            }
            names.retain(|n| n.to_ascii_lowercase().ends_with(".csv"));
            for name in names {
                if sheet(&name).is_none() {
                    errors.push(SheetError::of_file(
                        name.clone(),
                        format!(
                            "is not a sheet of an edition; rename it to one of {}, or move it \
                                out of {}",
                            SHEETS.iter().map(|s| s.file).collect::<Vec<_>>().join(", "),
                            dir.display()
                        ),
                    ));
                }
            }
        }
        Err(e) => {
            let error = SheetError::of_file(
                dir.display().to_string(),
                format!("cannot read the directory: {e}"),
            );
            return build(&Tables::new(), vec![error], false);
        }
    }
    for s in SHEETS.iter() {
        let path = dir.join(s.file);
        if path.exists() {
            let t = load(&path, s, &mut errors).and_then(|r| table(s, r, &mut errors));
            match t {
                Some(t) => {
                    tables.insert(s.file, t);
                }
                None => whole = false,
            }
        } else if s.required {
            whole = false;
            errors.push(SheetError::of_file(
                s.file,
                format!(
                    "is missing; add it with the columns {} (rally import --template DIR writes \
                        an example)",
                    s.columns.join(",")
                ),
            ));
        }
    }
    build(&tables, errors, whole)
}

/// Builds the edition of the sheets read, adding the cells' errors to
/// `errors` (those found while reading the sheets).
pub(super) fn build(tables: &Tables, errors: Vec<SheetError>, whole: bool) -> Reading {
    let mut b = Builder {
        errors,
        origins: Origins::default(),
    };
    for (file, t) in tables {
        b.origins.headers.insert(file, t.header.clone());
        b.origins
            .rows
            .insert(file, t.rows.iter().map(|(n, _)| *n).collect());
    }
    let edition = b.edition(tables);
    Reading {
        edition,
        origins: b.origins,
        errors: b.errors,
        whole,
    }
}

/// Whether a file name is a workbook's (`.xlsx`, `.xls`, `.ods`), not
/// Excel's lock file (`~$book.xlsx`).
pub fn is_workbook_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".xlsx", ".xlsm", ".xls", ".ods"]
        .iter()
        .any(|e| lower.ends_with(e))
        && !lower.starts_with("~$")
}

/// The text of a sheet: UTF-8 (a leading BOM is skipped), else Windows-1252,
/// the encoding French Excel writes its default CSV in.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// Reads the records of one CSV file: UTF-8 or Windows-1252, `,` or `;`
/// between cells (whichever the header uses).
fn load(path: &Path, s: &'static Sheet, errors: &mut Vec<SheetError>) -> Option<Vec<Vec<String>>> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            errors.push(SheetError::of_file(s.file, format!("cannot read: {e}")));
            return None;
        }
    };
    let text = decode(&bytes);
    let bytes = text.as_bytes();
    let first_line = bytes.split(|&c| c == b'\n').next().unwrap_or_default();
    let delimiter = if !first_line.contains(&b',') && first_line.contains(&b';') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut records = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        match rec {
            Ok(r) => records.push(r.iter().map(String::from).collect::<Vec<_>>()),
            Err(e) => {
                errors.push(SheetError {
                    row: Some(i + 1),
                    ..SheetError::of_file(s.file, format!("cannot be read as CSV: {e}"))
                });
                return None;
            }
        }
    }
    Some(records)
}

/// A sheet from its rows of cells, the first naming known columns; `None`
/// (with the errors) when its header or a cell outside the named columns is
/// wrong.
pub(super) fn table(
    s: &'static Sheet,
    records: Vec<Vec<String>>,
    errors: &mut Vec<SheetError>,
) -> Option<Table> {
    let err = |row: usize, letter: String, column: Option<&str>, message: String| SheetError {
        row: Some(row),
        letter: Some(letter),
        column: column.map(String::from),
        ..SheetError::of_file(s.file, message)
    };
    let Some(header) = records.first() else {
        errors.push(SheetError::of_file(
            s.file,
            format!(
                "is empty; its first row must name the columns: {}",
                s.columns.join(",")
            ),
        ));
        return None;
    };
    let header: Vec<String> = header
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let before = errors.len();
    for (i, h) in header.iter().enumerate() {
        if h.is_empty() {
            continue;
        }
        if !s.columns.contains(&h.as_str()) {
            errors.push(err(
                1,
                column_letter(i),
                Some(h),
                format!(
                    "unknown column \"{h}\"; the columns of {} are {}",
                    s.file,
                    s.columns.join(", ")
                ),
            ));
        } else if header[..i].contains(h) {
            errors.push(err(
                1,
                column_letter(i),
                Some(h),
                format!("column \"{h}\" appears twice; keep one"),
            ));
        }
    }
    for c in s.required_columns {
        if !header.iter().any(|h| h == c) {
            errors.push(SheetError {
                row: Some(1),
                ..SheetError::of_file(
                    s.file,
                    format!("the column \"{c}\" is missing; add it to the first row"),
                )
            });
        }
    }
    let mut rows = Vec::new();
    for (i, cells) in records.iter().enumerate().skip(1) {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        for (k, c) in cells.iter().enumerate().skip(header.len()) {
            if !c.trim().is_empty() {
                errors.push(err(
                    i + 1,
                    column_letter(k),
                    None,
                    format!(
                        "\"{c}\" lies beyond the last named column; name the column in the \
                        first row or move the value"
                    ),
                ));
            }
        }
        for (k, h) in header.iter().enumerate() {
            if h.is_empty() && cells.get(k).is_some_and(|c| !c.trim().is_empty()) {
                errors.push(err(
                    i + 1,
                    column_letter(k),
                    None,
                    "lies in a column with no name; name the column in the first row or clear \
                        the cell"
                        .into(),
                ));
            }
        }
        rows.push((i + 1, cells.clone()));
    }
    (errors.len() == before).then_some(Table {
        sheet: s,
        header,
        rows,
    })
}

/// Builds the edition, gathering every cell error.
struct Builder {
    errors: Vec<SheetError>,
    origins: Origins,
}

/// One row of a table.
struct Row<'t> {
    table: &'t Table,
    number: usize,
    cells: &'t [String],
}

impl Row<'_> {
    fn raw(&self, col: &str) -> &str {
        self.table
            .header
            .iter()
            .position(|h| h == col)
            .and_then(|i| self.cells.get(i))
            .map_or("", String::as_str)
    }

    fn error(&self, errors: &mut Vec<SheetError>, col: &str, message: String) {
        let letter = self.table.header.iter().position(|h| h == col);
        errors.push(SheetError {
            row: Some(self.number),
            letter: letter.map(column_letter),
            column: Some(col.into()),
            ..SheetError::of_file(self.table.sheet.file, message)
        });
    }

    /// Free text (a name, a title), as written; `None` when blank.
    fn text(&self, col: &str) -> Option<String> {
        let t = self.raw(col);
        (!t.trim().is_empty()).then(|| t.to_string())
    }

    fn opt(&self, col: &str) -> Option<String> {
        let t = self.raw(col).trim();
        (!t.is_empty()).then(|| t.to_string())
    }

    fn required(&self, errors: &mut Vec<SheetError>, col: &str) -> String {
        let t = self.raw(col).trim();
        if t.is_empty() {
            self.error(errors, col, format!("is empty; write {}", what(col)));
        }
        t.to_string()
    }

    fn number(&self, errors: &mut Vec<SheetError>, col: &str) -> u32 {
        let t = self.required(errors, col);
        if t.is_empty() {
            return 0;
        }
        cell::number(&t).unwrap_or_else(|m| {
            self.error(errors, col, m);
            0
        })
    }

    fn opt_number(&self, errors: &mut Vec<SheetError>, col: &str) -> Option<u32> {
        let t = self.opt(col)?;
        cell::number(&t)
            .map_err(|m| self.error(errors, col, m))
            .ok()
    }

    fn list(&self, col: &str) -> Vec<String> {
        cell::list(self.raw(col))
    }

    fn opt_list(&self, col: &str) -> Option<Vec<String>> {
        self.opt(col).map(|t| cell::list(&t))
    }

    fn required_list(&self, errors: &mut Vec<SheetError>, col: &str) -> Vec<String> {
        self.required(errors, col);
        self.list(col)
    }

    fn opt_bool(&self, errors: &mut Vec<SheetError>, col: &str) -> Option<bool> {
        let t = self.opt(col)?;
        cell::boolean(&t)
            .map_err(|m| self.error(errors, col, m))
            .ok()
    }

    fn availability(&self, errors: &mut Vec<SheetError>) -> Option<Availability> {
        cell::availability(self.raw("availability")).unwrap_or_else(|m| {
            self.error(errors, "availability", m);
            None
        })
    }
}

/// What a required cell holds, for the message of an empty one.
fn what(col: &str) -> &'static str {
    match col {
        "id" => "an id (1 to 64 letters without accents, digits, '.', '_' or '-')",
        "territory" => "a territory id from territories.csv",
        "capacity" | "min" | "max" => "a whole number of seats",
        "kind" => {
            "one of home-care-service, training, employment, association, authority, health, other"
        }
        "themes" => "theme ids separated by ; (e.g. realities; conditions)",
        "organisers" => "partner ids separated by ; (e.g. admr87; pe87)",
        "size" => "the number of people in the group",
        "profile" => "one of student, job-seeker, retraining, employee, adviser",
        "from" | "to" => "a place or venue id",
        "minutes" => "whole minutes of travel",
        "session" => "a session id, e.g. w01/1",
        "date" => "a date YYYY-MM-DD or JJ/MM/AAAA",
        "slot" => "a slot id or name, e.g. morning",
        "venue" => "a venue id from venues.csv",
        "rule" => "one of theme_sessions_per_week, certificate, weights, weights.<term>",
        "value" => "the rule's value",
        _ => "a value",
    }
}

/// The rows of a sheet (none when the file is absent).
fn rows<'t>(tables: &'t Tables, file: &str) -> Vec<Row<'t>> {
    tables.get(file).map_or(Vec::new(), |t| {
        t.rows
            .iter()
            .map(|(number, cells)| Row {
                table: t,
                number: *number,
                cells,
            })
            .collect()
    })
}

impl Builder {
    fn edition(&mut self, tables: &Tables) -> Edition {
        let calendar_rows = rows(tables, "calendar.csv");
        let (name, calendar) = self.calendar(tables, &calendar_rows);
        let e = &mut self.errors;
        let themes: Vec<Theme> = rows(tables, "themes.csv")
            .iter()
            .map(|r| Theme {
                id: r.required(e, "id"),
                name: r.text("name"),
            })
            .collect();
        let territories = rows(tables, "territories.csv")
            .iter()
            .map(|r| Territory {
                id: r.required(e, "id"),
                name: r.text("name"),
            })
            .collect();
        let places = rows(tables, "places.csv")
            .iter()
            .map(|r| Place {
                id: r.required(e, "id"),
                name: r.text("name"),
                territory: r.required(e, "territory"),
            })
            .collect();
        let venues = rows(tables, "venues.csv")
            .iter()
            .map(|r| Venue {
                id: r.required(e, "id"),
                name: r.text("name"),
                territory: r.required(e, "territory"),
                capacity: r.number(e, "capacity"),
                features: r.list("features"),
                availability: r.availability(e),
            })
            .collect();
        let travel = rows(tables, "travel.csv")
            .iter()
            .map(|r| Travel {
                between: vec![r.required(e, "from"), r.required(e, "to")],
                minutes: r.number(e, "minutes"),
            })
            .collect();
        let partners = rows(tables, "partners.csv")
            .iter()
            .map(|r| Partner {
                id: r.required(e, "id"),
                name: r.text("name"),
                kind: r.required(e, "kind"),
                territory: r.opt("territory"),
                parallel: r.opt_number(e, "parallel"),
                max_per_day: r.opt_number(e, "max_per_day"),
                availability: r.availability(e),
            })
            .collect();
        let workshops = rows(tables, "workshops.csv")
            .iter()
            .map(|r| Workshop {
                id: r.required(e, "id"),
                title: r.text("title"),
                themes: r.required_list(e, "themes"),
                organisers: r.required_list(e, "organisers"),
                sessions: r.opt_number(e, "sessions"),
                duration: r.opt_number(e, "duration"),
                capacity: Capacity {
                    min: r.number(e, "min"),
                    max: r.number(e, "max"),
                },
                venues: r.opt_list("venues"),
                needs: r.list("needs"),
                territory: r.opt("territory"),
                audience: r.opt_list("audience"),
                availability: r.availability(e),
            })
            .collect();
        let groups = rows(tables, "groups.csv")
            .iter()
            .map(|r| Group {
                id: r.required(e, "id"),
                name: r.text("name"),
                profile: r.opt("profile"),
                size: r.number(e, "size"),
                territory: r.opt("territory"),
                base: r.opt("base"),
                max_per_day: r.opt_number(e, "max_per_day"),
                max_days: r.opt_number(e, "max_days"),
                themes: r.opt_list("themes"),
                certificate: r.opt_bool(e, "certificate"),
                availability: r.availability(e),
            })
            .collect();
        let participants = rows(tables, "participants.csv")
            .iter()
            .map(|r| Participant {
                id: r.required(e, "id"),
                name: r.text("name"),
                profile: r.required(e, "profile"),
                territory: r.opt("territory"),
                base: r.opt("base"),
                max_travel: r.opt_number(e, "max_travel"),
                max_per_day: r.opt_number(e, "max_per_day"),
                wishes: r.list("wishes"),
                themes: r.opt_list("themes"),
                certificate: r.opt_bool(e, "certificate"),
                availability: r.availability(e),
            })
            .collect();
        let pinned = rows(tables, "pins.csv")
            .iter()
            .map(|r| Pin {
                session: r.required(e, "session"),
                date: cell::date(&r.required(e, "date")),
                slot: r.required(e, "slot"),
                venue: r.required(e, "venue"),
            })
            .collect();
        let rules = self.rules(tables);
        let mut edition = Edition {
            edition: name,
            calendar,
            themes: (!themes.is_empty()).then_some(themes),
            territories,
            places,
            venues,
            travel,
            partners,
            workshops,
            groups,
            participants,
            pinned,
            rules,
        };
        super::slot_names::resolve(&mut edition);
        edition
    }

    fn calendar(&mut self, tables: &Tables, calendar_rows: &[Row]) -> (Option<String>, Calendar) {
        let e = &mut self.errors;
        if calendar_rows.len() > 1 {
            calendar_rows[1].error(
                e,
                "start",
                "calendar.csv holds one row below its header; remove the extra rows".into(),
            );
        }
        let slots: Vec<Slot> = rows(tables, "slots.csv")
            .iter()
            .map(|r| Slot {
                id: r.required(e, "id"),
                name: r.text("name"),
                start: r.required(e, "start"),
                end: r.required(e, "end"),
            })
            .collect();
        let slots = (!slots.is_empty()).then_some(slots);
        let Some(r) = calendar_rows.first() else {
            if tables.contains_key("calendar.csv") {
                e.push(SheetError {
                    row: Some(2),
                    ..SheetError::of_file(
                        "calendar.csv",
                        "is empty; write the rally's start and end dates (YYYY-MM-DD) in row 2"
                            .into(),
                    )
                });
            }
            let calendar = Calendar {
                start: String::new(),
                end: String::new(),
                weekdays: None,
                closed: Vec::new(),
                slots,
            };
            return (None, calendar);
        };
        let weekdays = r
            .opt_list("weekdays")
            .map(|days| days.iter().map(|d| cell::weekday_or_as_is(d)).collect());
        let calendar = Calendar {
            start: cell::date(&r.required(e, "start")),
            end: cell::date(&r.required(e, "end")),
            weekdays,
            closed: r.list("closed").iter().map(|d| cell::date(d)).collect(),
            slots,
        };
        (r.text("edition"), calendar)
    }

    fn rules(&mut self, tables: &Tables) -> Rules {
        let mut rules = Rules::default();
        let rows = rows(tables, "rules.csv");
        let e = &mut self.errors;
        for r in &rows {
            let key = r.required(e, "rule").to_ascii_lowercase();
            if key.is_empty() {
                continue;
            }
            if let Some(first) = self.origins.rules.get(&key) {
                r.error(
                    e,
                    "rule",
                    format!("\"{key}\" is already set in row {first}; keep one of the two rows"),
                );
                continue;
            }
            self.origins.rules.insert(key.clone(), r.number);
            let weight = key.strip_prefix("weights.");
            match key.as_str() {
                "theme_sessions_per_week" => {
                    rules.theme_sessions_per_week = Some(r.number(e, "value"))
                }
                "certificate" => rules.certificate = Some(r.required_list(e, "value")),
                "weights" => {
                    if r.opt("value").is_some() {
                        r.error(
                            e,
                            "value",
                            "the weights row takes no value; set each weight in \
                            its own row, e.g. weights.unscheduled,10000"
                                .into(),
                        );
                    }
                    rules.weights.get_or_insert_with(Default::default);
                }
                _ if weight.and_then(Term::from_name).is_some() => {
                    let term = weight.and_then(Term::from_name).expect("a term");
                    let value = r.number(e, "value");
                    let w = rules.weights.get_or_insert_with(Default::default);
                    w.0.insert(term, value);
                }
                _ => r.error(
                    e,
                    "rule",
                    format!(
                        "unknown rule \"{key}\"; use one of {}, or weights.<term> with a term \
                            among {}",
                        RULES.join(", "),
                        Term::names()
                    ),
                ),
            }
        }
        rules
    }
}
