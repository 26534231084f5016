//! A territory's page: the calendar grid week by week (days × slots) with
//! every session held at its venues, closed days shown as closed, and the
//! theme coverage table.

use super::page::{badges, col, esc, layout, partner_links, seats};
use crate::view::{Programme, Scheduled};
use chrono::{Datelike, NaiveDate};
use rally_model::calendar::{format_hhmm, parse_date};
use std::fmt::Write;

/// A column of a week's grid: an opening day, or a closed one.
enum Column {
    Open(usize),
    Closed(NaiveDate),
}

/// The programme of territory `t`.
pub fn territory_page(p: &Programme, t: usize) -> String {
    let model = p.model;
    let tx = &p.texts;
    let sessions = p.territory_sessions(t);
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<p>{} {}</p>",
        esc(&tx.with("programme-intro", &[("n", sessions.len().into())])),
        badges(p, (1u64 << model.themes.len()).wrapping_sub(1))
    );
    body.push_str(&coverage_table(p, t));
    for week in 0..model.grid.weeks.len() {
        let monday = tx.date(model.grid.weeks[week]);
        let columns = week_columns(p, week);
        let _ = writeln!(
            body,
            "<h2>{}</h2>\n<table class=\"week\" data-week=\"{}\">\n<caption>{}</caption>\n<tr>\
                <td class=\"slot\"></td>{}</tr>",
            esc(&tx.with("week-of", &[("date", monday.clone().into())])),
            model.grid.weeks[week],
            esc(&tx.with("week-caption", &[("date", monday.into())])),
            columns
                .iter()
                .map(|c| {
                    let date = match c {
                        Column::Open(d) => model.grid.days[*d],
                        Column::Closed(date) => *date,
                    };
                    format!("<th scope=\"col\">{}</th>", esc(&tx.day(date)))
                })
                .collect::<String>()
        );
        for (slot, times) in model.grid.slots.iter().enumerate() {
            let _ = write!(
                body,
                "<tr><th scope=\"row\" class=\"slot\">{}<br><span class=\"muted\">{}–{}</span>\
                    </th>",
                esc(&p.slot_name(slot)),
                format_hhmm(times.start),
                format_hhmm(times.end)
            );
            for c in &columns {
                let d = match c {
                    Column::Open(d) => *d,
                    Column::Closed(date) => {
                        let _ = write!(
                            body,
                            "<td class=\"closed\" data-date=\"{date}\">{}</td>",
                            esc(&tx.get("closed"))
                        );
                        continue;
                    }
                };
                let period = model.grid.period(d, slot);
                let _ = write!(
                    body,
                    "<td data-date=\"{}\" data-slot=\"{}\">",
                    model.grid.days[d],
                    esc(&times.id)
                );
                for &s in sessions
                    .iter()
                    .filter(|&&s| p.sessions[s].at.period == period)
                {
                    body.push_str(&session_card(p, &p.sessions[s]));
                }
                body.push_str("</td>");
            }
            body.push_str("</tr>\n");
        }
        body.push_str("</table>\n");
    }
    let title = tx.with(
        "programme-title",
        &[("territory", p.territory_name(t).into())],
    );
    layout(p, 1, &title, &body)
}

/// The opening days of a week and its closed days (a weekday the rally
/// opens on, within its dates, but closed), in date order.
fn week_columns(p: &Programme, week: usize) -> Vec<Column> {
    let grid = &p.model.grid;
    let calendar = &p.model.edition.calendar;
    let open_weekdays: Vec<u32> = grid
        .days
        .iter()
        .map(|d| d.weekday().num_days_from_monday())
        .collect();
    let within = |d: &NaiveDate| {
        parse_date(&calendar.start).into_iter().all(|s| *d >= s)
            && parse_date(&calendar.end).into_iter().all(|e| *d <= e)
    };
    let monday = grid.weeks[week];
    let mut columns: Vec<(NaiveDate, Column)> = p
        .week_days(week)
        .into_iter()
        .map(|d| (grid.days[d], Column::Open(d)))
        .collect();
    for date in calendar.closed.iter().filter_map(|c| parse_date(c)) {
        let in_week = date >= monday && (date - monday).num_days() < 7;
        let opens = open_weekdays.contains(&date.weekday().num_days_from_monday());
        if in_week && opens && within(&date) && grid.day(date).is_none() {
            columns.push((date, Column::Closed(date)));
        }
    }
    columns.sort_by_key(|(d, _)| *d);
    columns.dedup_by_key(|(d, _)| *d);
    columns.into_iter().map(|(_, c)| c).collect()
}

/// One session in a calendar cell.
fn session_card(p: &Programme, s: &Scheduled) -> String {
    let (_, venue) = p.venue(s.at.venue);
    let (class, moved) = match p.moved_from(s) {
        Some(was) => (
            "session changed",
            format!(
                "<div class=\"meta\"><strong>Moved</strong> (was {})</div>",
                esc(&was)
            ),
        ),
        None => ("session", String::new()),
    };
    format!(
        "<div class=\"{class}\" data-session=\"{}\"><div class=\"title\">{}</div><div \
            class=\"meta\">{} · {} · {}</div>{moved}<div class=\"meta\">{}</div><div>{} {}</div>\
            </div>",
        esc(p.session_id(s)),
        esc(p.title(s)),
        esc(p.session_id(s)),
        p.times(s),
        esc(venue),
        partner_links(p, 1, p.organisers(s)),
        badges(p, p.model.workshops[s.workshop].themes),
        seats(p, s),
    )
}

/// Themes × weeks: sessions of each theme each week at the territory's
/// venues; cells short of `rules.theme_sessions_per_week` are marked (by
/// colour and by a ✗, never by colour alone).
fn coverage_table(p: &Programme, t: usize) -> String {
    let model = p.model;
    let tx = &p.texts;
    let table = p.coverage(t);
    let wanted = model.theme_sessions_per_week;
    let mut out = format!(
        "<h2>{}</h2>\n<p class=\"muted\">{}</p>\n<table class=\"coverage\" \
            data-territory=\"{}\">\n<caption>{}</caption>\n<tr>{}",
        esc(&tx.get("coverage-title")),
        esc(&tx.with("coverage-help", &[("n", wanted.into())])),
        esc(&model.territories[t]),
        esc(&tx.get("coverage-caption")),
        col(p, "col-theme")
    );
    for week in &model.grid.weeks {
        let label = tx.with("week-of", &[("date", tx.day(*week).into())]);
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(&label));
    }
    out.push_str("</tr>\n");
    for (th, row) in table.iter().enumerate() {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", badges(p, 1 << th));
        for (week, &n) in row.iter().enumerate() {
            let (class, mark) = if n < wanted {
                ("num gap", "✗ ")
            } else {
                ("num ok", "")
            };
            let _ = write!(
                out,
                "<td class=\"{class}\" data-theme=\"{}\" data-week=\"{}\">{mark}{n}</td>",
                esc(&model.themes[th]),
                model.grid.weeks[week]
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
    out
}
