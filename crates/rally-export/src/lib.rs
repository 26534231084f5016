//! What a rally team hands out, from an edition and any plan `rally check`
//! accepts: a printable programme (static HTML), calendars (iCalendar),
//! spreadsheets (CSV) — and the spreadsheets a team keeps, read back into an
//! edition.
//!
//! - [`view`]: the plan seen from the programme, the members and the partners.
//! - [`html`]: the static site (index, territories, members, partners).
//! - [`ics`]: one calendar per member and per partner.
//! - [`tables`]: sessions, sign-in sheets, certificates, uncertified members.
//! - [`sheets`]: an edition as CSV sheets and back, with errors named by
//!   file, row and column.
//! - [`files`]: the files an export writes, written whole or not at all.

pub mod files;
pub mod html;
pub mod ics;
pub mod sheets;
pub mod tables;
pub mod view;

pub use files::{write_file, write_folder, Inputs, OutFile, WriteError};
pub use view::Programme;
