//! An edition as sheets: every sheet is written, with its header, even when
//! it has no row, so that a team can fill it in.

use super::cell::{format_availability, format_boolean, format_list};
use super::{Sheet, SHEETS};
use crate::files::OutFile;
use rally_model::types::Edition;

/// The sheets of an edition, in the order of [`SHEETS`].
pub fn write(e: &Edition) -> Vec<OutFile> {
    SHEETS.iter().map(|s| sheet(s, rows(e, s.file))).collect()
}

/// A sheet with its header and rows.
pub(super) fn sheet(s: &Sheet, rows: Vec<Vec<String>>) -> OutFile {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing into memory cannot fail.
    let _ = w.write_record(s.columns);
    for row in rows {
        let _ = w.write_record(&row);
    }
    OutFile {
        path: s.file.into(),
        bytes: w.into_inner().unwrap_or_default(),
    }
}

fn opt(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn num(value: Option<u32>) -> String {
    value.map(|n| n.to_string()).unwrap_or_default()
}

fn opt_list(value: &Option<Vec<String>>) -> String {
    value.as_deref().map(format_list).unwrap_or_default()
}

/// The rows of one sheet, cells in the order of its columns.
pub(super) fn rows(e: &Edition, file: &str) -> Vec<Vec<String>> {
    match file {
        "calendar.csv" => {
            let c = &e.calendar;
            vec![vec![
                opt(&e.edition),
                c.start.clone(),
                c.end.clone(),
                opt_list(&c.weekdays),
                format_list(&c.closed),
            ]]
        }
        "slots.csv" => e
            .calendar
            .slots
            .iter()
            .flatten()
            .map(|s| vec![s.id.clone(), opt(&s.name), s.start.clone(), s.end.clone()])
            .collect(),
        "themes.csv" => e
            .themes
            .iter()
            .flatten()
            .map(|t| vec![t.id.clone(), opt(&t.name)])
            .collect(),
        "territories.csv" => e
            .territories
            .iter()
            .map(|t| vec![t.id.clone(), opt(&t.name)])
            .collect(),
        "places.csv" => e
            .places
            .iter()
            .map(|p| vec![p.id.clone(), opt(&p.name), p.territory.clone()])
            .collect(),
        "venues.csv" => e
            .venues
            .iter()
            .map(|v| {
                vec![
                    v.id.clone(),
                    opt(&v.name),
                    v.territory.clone(),
                    v.capacity.to_string(),
                    format_list(&v.features),
                    format_availability(&v.availability),
                ]
            })
            .collect(),
        "travel.csv" => e
            .travel
            .iter()
            .map(|t| {
                let end = |i: usize| t.between.get(i).cloned().unwrap_or_default();
                vec![end(0), end(1), t.minutes.to_string()]
            })
            .collect(),
        "partners.csv" => e
            .partners
            .iter()
            .map(|p| {
                vec![
                    p.id.clone(),
                    opt(&p.name),
                    p.kind.clone(),
                    opt(&p.territory),
                    num(p.parallel),
                    num(p.max_per_day),
                    format_availability(&p.availability),
                ]
            })
            .collect(),
        "workshops.csv" => e
            .workshops
            .iter()
            .map(|w| {
                vec![
                    w.id.clone(),
                    opt(&w.title),
                    format_list(&w.themes),
                    format_list(&w.organisers),
                    num(w.sessions),
                    num(w.duration),
                    w.capacity.min.to_string(),
                    w.capacity.max.to_string(),
                    opt_list(&w.venues),
                    format_list(&w.needs),
                    opt(&w.territory),
                    opt_list(&w.audience),
                    format_availability(&w.availability),
                ]
            })
            .collect(),
        "groups.csv" => e
            .groups
            .iter()
            .map(|g| {
                vec![
                    g.id.clone(),
                    opt(&g.name),
                    opt(&g.profile),
                    g.size.to_string(),
                    opt(&g.territory),
                    opt(&g.base),
                    num(g.max_per_day),
                    num(g.max_days),
                    opt_list(&g.themes),
                    g.certificate.map(format_boolean).unwrap_or_default(),
                    format_availability(&g.availability),
                ]
            })
            .collect(),
        "participants.csv" => e
            .participants
            .iter()
            .map(|p| {
                vec![
                    p.id.clone(),
                    opt(&p.name),
                    p.profile.clone(),
                    opt(&p.territory),
                    opt(&p.base),
                    num(p.max_travel),
                    num(p.max_per_day),
                    format_list(&p.wishes),
                    opt_list(&p.themes),
                    p.certificate.map(format_boolean).unwrap_or_default(),
                    format_availability(&p.availability),
                ]
            })
            .collect(),
        "pins.csv" => e
            .pinned
            .iter()
            .map(|p| {
                vec![
                    p.session.clone(),
                    p.date.clone(),
                    p.slot.clone(),
                    p.venue.clone(),
                ]
            })
            .collect(),
        "rules.csv" => rules(e),
        _ => Vec::new(),
    }
}

fn rules(e: &Edition) -> Vec<Vec<String>> {
    let r = &e.rules;
    let mut rows = Vec::new();
    if let Some(n) = r.theme_sessions_per_week {
        rows.push(vec!["theme_sessions_per_week".into(), n.to_string()]);
    }
    if let Some(list) = &r.certificate {
        rows.push(vec!["certificate".into(), format_list(list)]);
    }
    if let Some(w) = &r.weights {
        if w.0.is_empty() {
            rows.push(vec!["weights".into(), String::new()]);
        }
        for (term, v) in &w.0 {
            rows.push(vec![format!("weights.{term}"), v.to_string()]);
        }
    }
    rows
}
