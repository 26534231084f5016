#![warn(missing_docs)]
//! What a rally team hands out, from an edition and any plan `rally check`
//! accepts: a printable programme (static HTML), calendars (iCalendar),
//! spreadsheets (CSV) — and the spreadsheets a team keeps, read back into an
//! edition.
//!
//! - `i18n`: French and English texts (Project Fluent) and dates.
//! - [`view`]: the plan seen from the programme, the members and the partners.
//! - [`findings`]: what matters first: people left out, sessions unscheduled
//!   or under their minimum; the readable report of `rally check`.
//! - [`html`]: the static site (index, territories, members, partners).
//! - [`ics`]: one calendar per member and per partner.
//! - [`print`](mod@print): sign-in sheets, certificates and partners' lists to print.
//! - `reasons`: the checker's reasons why a member cannot be certified, in words.
//! - `violations`: the checker's violations, in words.
//! - [`tables`]: sessions, sign-in sheets, certificates, uncertified members.
//! - [`sheets`]: an edition as CSV sheets and back, with errors named by
//!   file, row and column.
//! - [`changes`]: what a re-plan changed, for the people who phone (SPEC §9).
//! - [`files`]: the files an export writes, written whole or not at all.

pub mod changes;
pub mod files;
pub mod findings;
pub mod html;
mod i18n;
pub mod ics;
pub mod print;
mod reasons;
pub mod sheets;
pub mod tables;
mod unscheduled;
pub mod view;
mod violations;

pub use files::{write_file, write_folder, Inputs, OutFile, WriteError};
pub use i18n::{Lang, Texts};
pub use view::Programme;

/// The worked example of `fixtures/example`, loaded for the unit tests.
#[cfg(test)]
fn worked_example() -> (rally_model::Model, rally_model::Plan) {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/example/");
    let model = rally_model::load_edition(format!("{root}edition.json").as_ref()).unwrap();
    let plan = rally_model::load_plan(format!("{root}plan.json").as_ref()).unwrap();
    (model, plan)
}
