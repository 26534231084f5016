//! A territory's page: the calendar grid week by week (days × slots) with
//! every session held at its venues, and the theme coverage table.

use super::page::{badges, esc, layout, partner_links, seats};
use crate::view::{Programme, Scheduled};
use rally_model::calendar::format_hhmm;
use std::fmt::Write;

/// The programme of territory `t`.
pub fn territory_page(p: &Programme, t: usize) -> String {
    let model = p.model;
    let sessions = p.territory_sessions(t);
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<p>{} session(s) at the venues of this territory. Themes: {}</p>",
        sessions.len(),
        badges(p, (1u64 << model.themes.len()).wrapping_sub(1))
    );
    body.push_str(&coverage_table(p, t));
    for week in 0..model.grid.weeks.len() {
        let days = p.week_days(week);
        let _ = writeln!(
            body,
            "<h2>Week of {}</h2>\n<table class=\"week\" data-week=\"{}\">\n<tr><th class=\"slot\"></th>{}</tr>",
            model.grid.weeks[week],
            model.grid.weeks[week],
            days.iter()
                .map(|&d| format!("<th>{}</th>", esc(&p.day_label(d))))
                .collect::<String>()
        );
        for (slot, times) in model.grid.slots.iter().enumerate() {
            let _ = write!(
                body,
                "<tr><th class=\"slot\">{}<br><span class=\"muted\">{}–{}</span></th>",
                esc(&times.id),
                format_hhmm(times.start),
                format_hhmm(times.end)
            );
            for &d in &days {
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
    let title = format!("Programme — {}", p.territory_name(t));
    layout(p, 1, &title, &body)
}

/// One session in a calendar cell.
fn session_card(p: &Programme, s: &Scheduled) -> String {
    let (_, venue) = p.venue(s.at.venue);
    format!(
        "<div class=\"session\" data-session=\"{}\"><div class=\"title\">{}</div><div class=\"meta\">{} · {} · {}</div><div class=\"meta\">{}</div><div>{} {}</div></div>",
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
/// venues; cells short of `rules.theme_sessions_per_week` are marked.
fn coverage_table(p: &Programme, t: usize) -> String {
    let model = p.model;
    let table = p.coverage(t);
    let wanted = model.theme_sessions_per_week;
    let mut out = format!(
        "<h2>Theme coverage</h2>\n<p class=\"muted\">Sessions of each theme each week; wanted: {wanted} a week. Red cells are gaps.</p>\n<table class=\"coverage\" data-territory=\"{}\">\n<tr><th>Theme</th>",
        esc(&model.territories[t])
    );
    for week in &model.grid.weeks {
        let _ = write!(out, "<th>Week of {week}</th>");
    }
    out.push_str("</tr>\n");
    for (th, row) in table.iter().enumerate() {
        let _ = write!(
            out,
            "<tr><th>{} <span class=\"muted\">{}</span></th>",
            badges(p, 1 << th),
            esc(p.theme_name(th))
        );
        for (week, &n) in row.iter().enumerate() {
            let class = if n < wanted { "num gap" } else { "num ok" };
            let _ = write!(
                out,
                "<td class=\"{class}\" data-theme=\"{}\" data-week=\"{}\">{n}</td>",
                esc(&model.themes[th]),
                model.grid.weeks[week]
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
    out
}
