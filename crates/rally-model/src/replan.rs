//! Re-planning a published plan (SPEC §9): the old plan read against the new
//! edition, the date up to which the rally has run, and who actually came.
//!
//! What is frozen and what it holds is decided here, once; the checker judges
//! F1–F2 and counts `moved` and `rerouted` from it, the solvers keep it fixed.

use crate::calendar::parse_date;
use crate::error::{InputError, LoadError};
use crate::types::{Plan, PlannedSession};
use crate::Model;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// Where a session stands in a plan: placed (date, slot, venue ids) or
/// unscheduled (`null` in JSON).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(untagged)]
pub enum Standing {
    /// Placed on a date, in a slot, at a venue (ids).
    Placed {
        /// The date, `YYYY-MM-DD`.
        date: String,
        /// The slot id.
        slot: String,
        /// The venue id.
        venue: String,
    },
    /// Left out of the programme.
    Unscheduled,
}

impl Standing {
    /// The standing of a plan's session entry.
    pub fn of(s: &PlannedSession) -> Standing {
        Standing::Placed {
            date: s.date.clone(),
            slot: s.slot.clone(),
            venue: s.venue.clone(),
        }
    }

    /// Its date, when placed on a date that parses.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Standing::Placed { date, .. } => parse_date(date),
            Standing::Unscheduled => None,
        }
    }

    /// "Tue 2016-03-08 morning, limoges-cm", or "unscheduled".
    pub fn label(&self) -> String {
        match self {
            Standing::Placed { date, slot, venue } => {
                let day =
                    parse_date(date).map_or(String::new(), |d| format!("{} ", d.format("%a")));
                format!("{day}{date} {slot}, {venue}")
            }
            Standing::Unscheduled => "unscheduled".to_string(),
        }
    }
}

/// Every session of a plan by id (first entry wins), scheduled or not.
pub fn standings(plan: &Plan) -> HashMap<&str, Standing> {
    let mut out = HashMap::new();
    for u in &plan.unscheduled {
        out.entry(u.id.as_str()).or_insert(Standing::Unscheduled);
    }
    for s in &plan.sessions {
        out.insert(s.id.as_str(), Standing::of(s));
    }
    out
}

/// Who came to each session that has run, from the sign-in sheets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attendance {
    /// Session id → member ids who attended it.
    pub by_session: BTreeMap<String, BTreeSet<String>>,
}

/// The inputs of a re-plan, checked against the new edition.
#[derive(Debug, Clone)]
pub struct Replan {
    /// The published plan, as read.
    pub old: Plan,
    /// The rally has run up to this date, inclusive.
    pub frozen_until: Option<NaiveDate>,
    /// Who came, for the sessions it lists (the others keep OLD_PLAN's attendees).
    pub attended: Option<Attendance>,
    /// Sessions of OLD_PLAN the edition no longer has.
    pub dropped_sessions: Vec<String>,
    /// Members with a course in OLD_PLAN the edition no longer has.
    pub dropped_members: Vec<String>,
}

impl Replan {
    /// Reads OLD_PLAN against `model`: what it names that the edition lacks is dropped.
    pub fn new(
        model: &Model,
        old: Plan,
        frozen_until: Option<NaiveDate>,
        attended: Option<Attendance>,
    ) -> Replan {
        let mut dropped_sessions: Vec<String> = standings(&old)
            .into_keys()
            .filter(|id| model.session(id).is_none())
            .map(str::to_string)
            .collect();
        dropped_sessions.sort();
        let dropped_members = old
            .courses
            .iter()
            .flatten()
            .filter(|c| model.member(&c.member).is_none())
            .map(|c| c.member.clone())
            .collect();
        Replan {
            old,
            frozen_until,
            attended,
            dropped_sessions,
            dropped_members,
        }
    }

    /// Whether a date is on or before `--frozen-until` (never without it).
    pub fn is_frozen_date(&self, date: Option<NaiveDate>) -> bool {
        matches!((date, self.frozen_until), (Some(d), Some(f)) if d <= f)
    }

    /// Whether a plan's session entry is dated on or before `--frozen-until`.
    pub fn is_frozen(&self, s: &PlannedSession) -> bool {
        self.is_frozen_date(parse_date(&s.date))
    }

    /// The sessions of OLD_PLAN that have run and that the edition still has.
    pub fn frozen_sessions<'a>(
        &'a self,
        model: &'a Model,
    ) -> impl Iterator<Item = &'a PlannedSession> + 'a {
        self.old
            .sessions
            .iter()
            .filter(move |s| self.is_frozen(s) && model.session(&s.id).is_some())
    }

    /// A member's sessions that have run, as they must stand (F2): those of
    /// its OLD_PLAN course dated on or before DATE, then, for the sessions the
    /// attendance lists, exactly the ones it attended. In OLD_PLAN's order,
    /// unplanned attendance last.
    pub fn frozen_course(&self, member: &str) -> Vec<String> {
        let frozen: BTreeSet<&str> = self
            .old
            .sessions
            .iter()
            .filter(|s| self.is_frozen(s))
            .map(|s| s.id.as_str())
            .collect();
        let planned = self
            .old
            .courses
            .iter()
            .flatten()
            .find(|c| c.member == member)
            .map_or(&[][..], |c| &c.sessions[..]);
        let mut out: Vec<String> = Vec::new();
        for s in planned.iter().filter(|s| frozen.contains(s.as_str())) {
            let came = match self.attended.as_ref().and_then(|a| a.by_session.get(s)) {
                Some(who) => who.contains(member),
                None => true,
            };
            if came && !out.contains(s) {
                out.push(s.clone());
            }
        }
        for (s, who) in self.attended.iter().flat_map(|a| &a.by_session) {
            if who.contains(member) && !out.contains(s) {
                out.push(s.clone());
            }
        }
        out
    }

    /// Sessions that have run but that the edition cannot place where they
    /// ran (a date no longer an opening day, an unknown slot or venue): what
    /// has run must stand, so the edition must keep what it needs.
    pub fn frozen_problems(&self, model: &Model) -> Vec<InputError> {
        let mut out = Vec::new();
        for (i, s) in self.old.sessions.iter().enumerate() {
            if !self.is_frozen(s) || model.session(&s.id).is_none() {
                continue;
            }
            let day = parse_date(&s.date).and_then(|d| model.grid.day(d));
            let (field, what) = if day.is_none() {
                (
                    "date",
                    format!("{} is not an opening day of the edition", s.date),
                )
            } else if model.grid.slot(&s.slot).is_none() {
                (
                    "slot",
                    format!("slot \"{}\" is not in the edition's calendar", s.slot),
                )
            } else if model.venue(&s.venue).is_none() {
                (
                    "venue",
                    format!("venue \"{}\" is not in the edition", s.venue),
                )
            } else {
                continue;
            };
            out.push(InputError::new(
                format!("sessions[{i}].{field}"),
                format!(
                    "session {} ran on or before --frozen-until but {what}; what has run stands \
                     where it ran (docs/formats.md#re-planning): keep it in the edition",
                    s.id
                ),
            ));
        }
        out
    }

    /// Members of OLD_PLAN courses and of the attendance, by id.
    pub fn old_members(&self) -> BTreeSet<&str> {
        let mut out: BTreeSet<&str> = self
            .old
            .courses
            .iter()
            .flatten()
            .map(|c| c.member.as_str())
            .collect();
        for who in self.attended.iter().flat_map(|a| a.by_session.values()) {
            out.extend(who.iter().map(String::as_str));
        }
        out
    }
}

/// `--frozen-until DATE`: a date of the calendar (start to end).
pub fn parse_frozen_until(model: &Model, text: &str) -> Result<NaiveDate, InputError> {
    let path = "--frozen-until";
    let date = parse_date(text).ok_or_else(|| {
        InputError::new(path, format!("\"{text}\" is not a date; write YYYY-MM-DD"))
    })?;
    let cal = &model.edition.calendar;
    let (start, end) = (parse_date(&cal.start), parse_date(&cal.end));
    if start.is_some_and(|s| date < s) || end.is_some_and(|e| date > e) {
        return Err(InputError::new(
            path,
            format!(
                "{date} is outside the calendar ({} to {}); give the last day the rally has run",
                cal.start, cal.end
            ),
        ));
    }
    Ok(date)
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct AttendanceFile {
    attended: Vec<AttendedSession>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct AttendedSession {
    session: String,
    members: Vec<String>,
}

/// One attendance record and where it was read (a JSON path or a CSV row and column).
struct Record {
    session: String,
    session_at: String,
    member: String,
    member_at: String,
    present: bool,
}

/// Reads `--attended FILE`: the JSON of SPEC §9, or the attendance CSV of
/// `export --csv` (`.csv`) with its `present` column filled in. Every
/// session must be one of OLD_PLAN's that has run, every member one of the
/// edition's.
pub fn load_attendance(
    path: &Path,
    model: &Model,
    replan: &Replan,
) -> Result<Attendance, LoadError> {
    let text = crate::load::read_source(path)?;
    let file = path.display().to_string();
    let invalid = |errors| LoadError::Invalid {
        file: file.clone(),
        errors,
    };
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let (records, mut errors) = if is_csv {
        csv_records(&text)
    } else {
        (
            json_records(&text).map_err(|e| invalid(vec![e]))?,
            Vec::new(),
        )
    };
    let old = standings(&replan.old);
    let mut attendance = Attendance::default();
    for r in records {
        let standing = old.get(r.session.as_str());
        if standing.is_some_and(|st| !replan.is_frozen_date(st.date())) && !r.present {
            // A sheet of a session still to come, left blank: nothing to read.
            continue;
        }
        if let Some((at, what)) = problem(model, replan, &r, standing) {
            errors.push(InputError::new(at, what));
            continue;
        }
        let who = attendance.by_session.entry(r.session).or_default();
        if r.present && !r.member.is_empty() {
            who.insert(r.member);
        }
    }
    if errors.is_empty() {
        Ok(attendance)
    } else {
        Err(invalid(errors))
    }
}

/// What is wrong with an attendance record, and where.
fn problem(
    model: &Model,
    replan: &Replan,
    r: &Record,
    standing: Option<&Standing>,
) -> Option<(String, String)> {
    let session = &r.session;
    let what = match standing {
        None => format!("session \"{session}\" is not in OLD_PLAN; correct the id"),
        Some(Standing::Unscheduled) => {
            format!("session \"{session}\" is unscheduled in OLD_PLAN: nobody could attend it")
        }
        Some(st) if !replan.is_frozen_date(st.date()) => format!(
            "session \"{session}\" ({}) is after --frozen-until {}: attendance is for \
             sessions that have run",
            st.label(),
            replan
                .frozen_until
                .map_or("(none)".to_string(), |d| d.to_string())
        ),
        Some(_) if !r.member.is_empty() && model.member(&r.member).is_none() => {
            let what = format!(
                "unknown member \"{}\"; use a group or participant id of the edition",
                r.member
            );
            return Some((r.member_at.clone(), what));
        }
        Some(_) => return None,
    };
    Some((r.session_at.clone(), what))
}

fn json_records(text: &str) -> Result<Vec<Record>, InputError> {
    let file: AttendanceFile = crate::load::parse_json(text, "")?;
    let mut out = Vec::new();
    for (i, a) in file.attended.into_iter().enumerate() {
        if a.members.is_empty() {
            // A session listed with nobody: everyone planned missed it.
            out.push(Record {
                session: a.session.clone(),
                session_at: format!("attended[{i}].session"),
                member: String::new(),
                member_at: String::new(),
                present: false,
            });
        }
        for (j, m) in a.members.into_iter().enumerate() {
            out.push(Record {
                session: a.session.clone(),
                session_at: format!("attended[{i}].session"),
                member: m,
                member_at: format!("attended[{i}].members[{j}]"),
                present: true,
            });
        }
    }
    Ok(out)
}

/// A `present` cell: yes/oui/x are present; no/non/blank are absent.
pub fn parse_present(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "yes" | "y" | "oui" | "o" | "x" | "true" | "1" => Some(true),
        "no" | "n" | "non" | "" | "false" | "0" => Some(false),
        _ => None,
    }
}

/// The records of an attendance sheet, and the cells that cannot be read.
fn csv_records(text: &str) -> (Vec<Record>, Vec<InputError>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = text.lines().next().unwrap_or("");
    let delimiter = if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let head = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            let e = InputError::new("row 1", format!("not readable as CSV: {e}"));
            return (Vec::new(), vec![e]);
        }
    };
    // The headers `export --csv` writes, in English or in French.
    let column = |names: &[&str]| {
        head.iter()
            .position(|h| names.contains(&h.trim().to_lowercase().as_str()))
    };
    let (Some(cs), Some(cm), Some(cp)) = (
        column(&["session", "séance"]),
        column(&["member", "membre"]),
        column(&["present", "présent"]),
    ) else {
        let e = InputError::new(
            "row 1",
            "the header must have the columns session, member and present \
             (as export --csv writes them)",
        );
        return (Vec::new(), vec![e]);
    };
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let n = i + 2;
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                errors.push(InputError::new(
                    format!("row {n}"),
                    format!("not readable as CSV: {e}"),
                ));
                continue;
            }
        };
        let cell = |c: usize| row.get(c).unwrap_or("").trim().to_string();
        let (session, member, present) = (cell(cs), cell(cm), cell(cp));
        if session.is_empty() && member.is_empty() {
            continue;
        }
        let Some(present) = parse_present(&present) else {
            errors.push(InputError::new(
                format!("row {n}, column {} (present)", column_name(cp)),
                format!(
                    "\"{present}\" is neither yes nor no; write yes (oui, x) or no (non, blank)"
                ),
            ));
            continue;
        };
        out.push(Record {
            session,
            session_at: format!("row {n}, column {} (session)", column_name(cs)),
            member,
            member_at: format!("row {n}, column {} (member)", column_name(cm)),
            present,
        });
    }
    (out, errors)
}

/// The spreadsheet name of a 0-based column: A, B, …, Z, AA, …
fn column_name(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
mod tests;
