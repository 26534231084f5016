//! A plan's programme against an edition: every session, workshop, slot and
//! venue it names must be the edition's, and every date within its calendar.
//! A plan made for another edition fails here (a date off the opening days,
//! inside the calendar, is a rule the checker judges, not a wrong name).

use crate::calendar::parse_date;
use crate::error::InputError;
use crate::{Model, Plan};

/// Every name of `plan`'s programme that `model` does not have, by path.
pub fn unknown_names(model: &Model, plan: &Plan) -> Vec<InputError> {
    let mut errors = Vec::new();
    let cal = &model.edition.calendar;
    let (start, end) = (parse_date(&cal.start), parse_date(&cal.end));
    let mut unknown = |path: String, value: &str, what: &str| {
        errors.push(InputError::new(
            format!("plan: {path}"),
            format!(
                "\"{value}\" is not {what} of the edition; was the plan made for another edition?"
            ),
        ));
    };
    for (i, s) in plan.sessions.iter().enumerate() {
        let path = format!("sessions[{i}]");
        if model.session(&s.id).is_none() {
            unknown(format!("{path}.id"), &s.id, "a session");
        }
        if model.workshop(&s.workshop).is_none() {
            unknown(format!("{path}.workshop"), &s.workshop, "a workshop");
        }
        let date = parse_date(&s.date);
        if date.is_none() || date < start || date > end {
            unknown(format!("{path}.date"), &s.date, "a date");
        }
        if model.grid.slot(&s.slot).is_none() {
            unknown(format!("{path}.slot"), &s.slot, "a slot");
        }
        if model.venue(&s.venue).is_none() {
            unknown(format!("{path}.venue"), &s.venue, "a venue");
        }
    }
    for (i, u) in plan.unscheduled.iter().enumerate() {
        if model.session(&u.id).is_none() {
            unknown(format!("unscheduled[{i}].id"), &u.id, "a session");
        }
    }
    errors
}
