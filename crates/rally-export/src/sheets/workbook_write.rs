//! An edition as a workbook (`.xlsx`, with rust_xlsxwriter): a sheet of
//! instructions, then one sheet per list of [`SHEETS`], with the same
//! columns and cells as the CSV sheets. Header rows are frozen and styled
//! (required columns darker), columns sized to their contents, numbers
//! and dates written as such, and drop-down lists (data validation) offer
//! the ids, kinds, profiles, weekdays, slots and themes a cell may hold.

use super::workbook_read::INSTRUCTIONS;
use super::write::rows;
use super::{Sheet, SHEETS};
use crate::i18n::Texts;
use rally_model::calendar::{parse_date, WEEKDAYS};
use rally_model::model::{DEFAULT_THEMES, PARTNER_KINDS, PROFILES};
use rally_model::types::Edition;
use rally_model::Term;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, ExcelDateTime, Format, FormatBorder, Formula,
    Workbook, Worksheet, XlsxError,
};

/// The last row (0-based) that drop-down lists cover.
const LAST_ROW: u32 = 999;

/// The values a cell may take, for its drop-down list.
enum Choices {
    /// A fixed list.
    List(Vec<String>),
    /// The ids of another sheet (its column A), kept up to date as the
    /// team adds rows there.
    Ids(&'static str),
    /// One of the [`LISTS`] the instructions sheet holds.
    Listed(List),
}

/// The lists the instructions sheet holds, one a column from [`LIST_COLUMN`],
/// for the drop-downs whose values are not the column A of one sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum List {
    /// Ids of places and venues (where a road starts or ends, a base).
    Nodes,
    /// Ids of the edition's sessions (`w01/1`), for pins.
    Sessions,
    /// The rules `rules.csv` may set, one weight a row.
    Rules,
    /// The features venues offer, for a workshop's needs.
    Features,
}

/// The lists in the order of their columns.
pub(super) const LISTS: [List; 4] = [List::Nodes, List::Sessions, List::Rules, List::Features];

/// The first column of the lists on the instructions sheet (F).
pub(super) const LIST_COLUMN: u16 = 5;

impl List {
    /// The column of the list on the instructions sheet.
    pub(super) fn column(self) -> u16 {
        LIST_COLUMN + LISTS.iter().position(|l| *l == self).unwrap_or(0) as u16
    }

    /// The message naming the list, its header.
    fn title(self) -> &'static str {
        match self {
            List::Nodes => "book-list-nodes",
            List::Sessions => "book-list-sessions",
            List::Rules => "book-list-rules",
            List::Features => "book-list-features",
        }
    }

    /// The values of the list for an edition.
    pub(super) fn values(self, e: &Edition) -> Vec<String> {
        match self {
            List::Nodes => e
                .places
                .iter()
                .map(|p| p.id.clone())
                .chain(e.venues.iter().map(|v| v.id.clone()))
                .collect(),
            List::Sessions => e
                .workshops
                .iter()
                .flat_map(|w| (1..=w.sessions.unwrap_or(1)).map(move |k| format!("{}/{k}", w.id)))
                .collect(),
            List::Rules => ["theme_sessions_per_week", "certificate", "weights"]
                .into_iter()
                .map(String::from)
                .chain(Term::EVERY.iter().map(|t| format!("weights.{}", t.name())))
                .collect(),
            List::Features => {
                let mut all: Vec<String> =
                    e.venues.iter().flat_map(|v| v.features.clone()).collect();
                all.sort();
                all.dedup();
                all
            }
        }
    }
}

/// The drop-down of a column, and whether a cell holds several values.
fn choices(e: &Edition, file: &str, col: &str) -> Option<(Choices, bool)> {
    let strings = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
    let ids = |stem: &str| {
        SHEETS
            .iter()
            .find(|s| s.file == format!("{stem}.csv"))
            .map(|s| s.book)
    };
    let themes = || match &e.themes {
        Some(_) => Choices::Ids(ids("themes").unwrap_or_default()),
        None => Choices::List(strings(&DEFAULT_THEMES)),
    };
    Some(match (file, col) {
        ("calendar.csv", "weekdays") => (Choices::List(strings(&WEEKDAYS)), true),
        ("travel.csv", "from" | "to") | (_, "base") => (Choices::Listed(List::Nodes), false),
        ("pins.csv", "session") => (Choices::Listed(List::Sessions), false),
        ("rules.csv", "rule") => (Choices::Listed(List::Rules), false),
        ("workshops.csv", "needs") => (Choices::Listed(List::Features), true),
        (_, "territory") => (Choices::Ids(ids("territories")?), false),
        (_, "kind") => (Choices::List(strings(&PARTNER_KINDS)), false),
        (_, "profile") => (Choices::List(strings(&PROFILES)), false),
        (_, "audience") => (Choices::List(strings(&PROFILES)), true),
        (_, "themes") => (themes(), true),
        ("rules.csv", _) => return None,
        (_, "organisers") => (Choices::Ids(ids("partners")?), true),
        (_, "venues") => (Choices::Ids(ids("venues")?), true),
        (_, "wishes") => (Choices::Ids(ids("workshops")?), true),
        (_, "venue") => (Choices::Ids(ids("venues")?), false),
        (_, "certificate") => (Choices::List(strings(&["yes", "no", "oui", "non"])), false),
        ("pins.csv", "slot") => match &e.calendar.slots {
            Some(_) => (Choices::Ids(ids("slots")?), false),
            None => (Choices::List(strings(&["morning", "afternoon"])), false),
        },
        _ => return None,
    })
}

/// Whether the column holds a whole number (written as a number).
fn is_number(col: &str) -> bool {
    [
        "capacity",
        "minutes",
        "parallel",
        "max_per_day",
        "sessions",
        "duration",
        "min",
        "max",
        "size",
        "max_days",
        "max_travel",
    ]
    .contains(&col)
}

/// Whether the column holds one date (written as a date).
fn is_date(file: &str, col: &str) -> bool {
    matches!(
        (file, col),
        ("calendar.csv", "start" | "end") | ("pins.csv", "date")
    )
}

/// The workbook of an edition; its instructions in the language of `texts`.
pub fn workbook(e: &Edition, texts: &Texts) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    instructions(book.add_worksheet(), e, texts)?;
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border_bottom(FormatBorder::Medium);
    let required = header.clone().set_background_color(Color::RGB(0x9BC2E6));
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for s in SHEETS.iter() {
        let ws = book.add_worksheet();
        ws.set_name(s.book)?;
        let rows = rows(e, s.file);
        for (c, col) in s.columns.iter().enumerate() {
            let c16 = c as u16;
            let style = if s.required_columns.contains(col) {
                &required
            } else {
                &header
            };
            ws.write_string_with_format(0, c16, *col, style)?;
            for (r, row) in rows.iter().enumerate() {
                let cell = row.get(c).map_or("", String::as_str);
                let r = r as u32 + 1;
                match (cell.parse::<u32>(), parse_date(cell)) {
                    _ if cell.is_empty() => {}
                    (Ok(n), _) if is_number(col) => {
                        ws.write_number(r, c16, n)?;
                    }
                    (_, Some(d)) if is_date(s.file, col) => {
                        use chrono::Datelike;
                        let when = ExcelDateTime::from_ymd(
                            d.year() as u16,
                            d.month() as u8,
                            d.day() as u8,
                        )?;
                        ws.write_date_with_format(r, c16, when, &date)?;
                    }
                    _ => {
                        ws.write_string(r, c16, cell)?;
                    }
                }
            }
            let longest = rows
                .iter()
                .filter_map(|row| row.get(c))
                .map(|cell| cell.chars().count())
                .chain([col.len() + 2])
                .max()
                .unwrap_or_default();
            ws.set_column_width(c16, longest.clamp(8, 50) as f64 + 1.0)?;
            if let Some((list, several)) = choices(e, s.file, col) {
                if let Some(v) = validation(e, list, several, texts)? {
                    ws.add_data_validation(1, c16, LAST_ROW, c16, &v)?;
                }
            }
        }
        ws.set_freeze_panes(1, 0)?;
    }
    book.save_to_buffer()
}

/// The drop-down of a column (none for an empty list): a warning for a
/// value off the list, only a note when the cell may hold several values
/// (separated by `;`).
fn validation(
    e: &Edition,
    list: Choices,
    several: bool,
    texts: &Texts,
) -> Result<Option<DataValidation>, XlsxError> {
    let v = match list {
        Choices::List(items) => DataValidation::new().allow_list_strings(&items)?,
        Choices::Ids(sheet) => DataValidation::new()
            .allow_list_formula(Formula::new(format!("='{sheet}'!$A$2:$A${}", LAST_ROW + 1))),
        Choices::Listed(list) => {
            let n = list.values(e).len();
            if n == 0 {
                return Ok(None);
            }
            let col = super::column_letter(list.column().into());
            DataValidation::new().allow_list_formula(Formula::new(format!(
                "='{INSTRUCTIONS}'!${col}$2:${col}${}",
                n + 1
            )))
        }
    };
    Ok(Some(if several {
        v.set_error_style(DataValidationErrorStyle::Information)
            .set_input_message(texts.get("book-several"))?
    } else {
        v.set_error_style(DataValidationErrorStyle::Warning)
    }))
}

/// The sheet of instructions: how to fill in the workbook, then each
/// sheet's columns with what they hold, their unit and allowed values; to
/// the right, the [`LISTS`] some drop-downs offer.
fn instructions(ws: &mut Worksheet, e: &Edition, texts: &Texts) -> Result<(), XlsxError> {
    ws.set_name(INSTRUCTIONS)?;
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let wrap = Format::new().set_text_wrap();
    ws.write_string_with_format(0, 0, texts.get("book-title"), &title)?;
    let mut r = 1;
    for id in [
        "book-intro-1",
        "book-intro-2",
        "book-intro-3",
        "book-intro-4",
    ] {
        ws.write_string(r, 0, texts.get(id))?;
        r += 1;
    }
    r += 1;
    for (c, id) in ["book-sheet", "book-column", "book-required", "book-holds"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(r, c as u16, texts.get(id), &bold)?;
    }
    ws.set_freeze_panes(r + 1, 0)?;
    for s in SHEETS.iter() {
        for col in s.columns {
            r += 1;
            ws.write_string(r, 0, s.book)?;
            ws.write_string(r, 1, *col)?;
            if s.required_columns.contains(col) {
                ws.write_string(r, 2, texts.get("book-yes"))?;
            }
            ws.write_string_with_format(r, 3, describe(e, s, col, texts), &wrap)?;
        }
    }
    for (c, width) in [16, 16, 12, 100].into_iter().enumerate() {
        ws.set_column_width(c as u16, width)?;
    }
    for list in LISTS {
        let c = list.column();
        ws.write_string_with_format(0, c, texts.get(list.title()), &bold)?;
        for (r, value) in list.values(e).iter().enumerate() {
            ws.write_string(r as u32 + 1, c, value)?;
        }
        ws.set_column_width(c, 24)?;
    }
    Ok(())
}

/// What a column holds, in words, with its allowed values.
pub(super) fn describe(e: &Edition, s: &Sheet, col: &str, texts: &Texts) -> String {
    let stem = s.file.trim_end_matches(".csv");
    let col_id = col.replace('_', "-");
    let specific = format!("book-col-{stem}-{col_id}");
    let text = if texts.has(&specific) {
        texts.get(&specific)
    } else {
        texts.get(&format!("book-col-{col_id}"))
    };
    let allowed: Option<Vec<String>> = match (s.file, col) {
        ("calendar.csv", "weekdays") => Some(WEEKDAYS.iter().map(|d| d.to_string()).collect()),
        (_, "kind") => Some(PARTNER_KINDS.iter().map(|k| k.to_string()).collect()),
        (_, "profile" | "audience") => Some(PROFILES.iter().map(|p| p.to_string()).collect()),
        (_, "themes") | ("rules.csv", "value") => Some(match &e.themes {
            Some(themes) => themes.iter().map(|t| t.id.clone()).collect(),
            None => DEFAULT_THEMES.iter().map(|t| t.to_string()).collect(),
        }),
        ("pins.csv", "slot") => Some(match &e.calendar.slots {
            Some(slots) => slots.iter().map(|s| s.id.clone()).collect(),
            None => vec!["morning".into(), "afternoon".into()],
        }),
        _ => None,
    };
    match allowed {
        Some(values) => format!(
            "{text} {}",
            texts.with("book-allowed", &[("values", values.join(", ").into())])
        ),
        None => text,
    }
}
