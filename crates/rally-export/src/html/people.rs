//! Pages of a member (its course, travel and themes) and of a partner (the
//! sessions it runs, with its co-organisers).

use super::page::{badges, esc, href, layout, partner_links, seats, territory_path};
use crate::view::{Programme, Step};
use std::fmt::Write;

/// The page of member `m`: its course in order, travel, themes validated and missing.
pub fn member_page(p: &Programme, m: usize) -> String {
    let model = p.model;
    let member = &model.members[m];
    let mut body = String::new();
    let _ = write!(
        body,
        "<p>{} · id {}",
        esc(&p.member_kind(m)),
        esc(&member.id)
    );
    if let Some(t) = member.territory {
        let _ = write!(
            body,
            " · territory <a href=\"{}\">{}</a>",
            href(1, &territory_path(&model.territories[t])),
            esc(p.territory_name(t))
        );
    }
    if let Some(b) = member.base {
        let _ = write!(body, " · base {}", esc(p.node_name(b)));
    }
    body.push_str("</p>\n");
    body.push_str(&certificate(p, m));
    body.push_str("<h2>Course</h2>\n");
    if !p.has_courses() {
        body.push_str(
            "<p class=\"muted\">This plan has no courses yet: it holds the programme only.</p>\n",
        );
    } else if p.course(m).is_empty() {
        body.push_str("<p class=\"muted\">No session in this member's course.</p>\n");
    } else {
        body.push_str("<table class=\"course\">\n<tr><th>Date</th><th>Time</th><th>Session</th><th>Workshop</th><th>Venue</th><th>Organisers</th><th>Themes</th><th>Travel</th></tr>\n");
        for step in p.steps(m) {
            body.push_str(&course_row(p, &step));
        }
        body.push_str("</table>\n");
    }
    layout(p, 1, &member.name, &body)
}

/// The certificate section: sought or not, the checker's verdict, themes
/// validated by the course and those still missing.
fn certificate(p: &Programme, m: usize) -> String {
    let member = &p.model.members[m];
    let verdict = &p.report.members[m];
    let validated = p.validated(m) & member.themes;
    let missing = member.themes & !validated;
    let mut out = String::from("<h2>Themes</h2>\n<table class=\"themes\">\n");
    let _ = writeln!(
        out,
        "<tr><th>Themes to validate</th><td>{}</td></tr>",
        badges(p, member.themes)
    );
    let _ = writeln!(
        out,
        "<tr><th>Validated by the course</th><td class=\"validated\">{}</td></tr>",
        badges(p, validated)
    );
    let _ = writeln!(
        out,
        "<tr><th>Still missing</th><td class=\"missing\">{}</td></tr>",
        badges(p, missing)
    );
    let status = if !member.certificate {
        "does not seek a certificate".to_string()
    } else if verdict.certified {
        "<span class=\"valid\">certified</span>".to_string()
    } else if verdict.certifiable {
        "not certified by this course, though a course exists that would be".to_string()
    } else {
        format!(
            "<span class=\"invalid\">cannot be certified</span> with this programme: {}",
            esc(&verdict.why)
        )
    };
    let _ = writeln!(
        out,
        "<tr><th>Certificate</th><td class=\"status\">{status}</td></tr>\n</table>"
    );
    out
}

/// One row of a course: the session and the travel before (and after) it.
fn course_row(p: &Programme, step: &Step) -> String {
    let s = &p.sessions[step.scheduled];
    let (_, venue) = p.venue(s.at.venue);
    let leg = |(node, minutes): (usize, Option<u32>), word: &str| match minutes {
        Some(min) => format!("{min} min {word} {}", esc(p.node_name(node))),
        None => format!("no road {word} {}", esc(p.node_name(node))),
    };
    let mut travel = step.from.map(|f| leg(f, "from")).unwrap_or_default();
    if let Some(back) = step.back {
        if !travel.is_empty() {
            travel.push_str("<br>");
        }
        travel.push_str(&format!("then {}", leg(back, "back to")));
    }
    format!(
        "<tr data-session=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"travel\">{travel}</td></tr>\n",
        esc(p.session_id(s)),
        esc(&p.day_label(p.model.grid.day_of(s.at.period))),
        p.times(s),
        esc(p.session_id(s)),
        esc(p.title(s)),
        esc(venue),
        partner_links(p, 1, p.organisers(s)),
        badges(p, p.model.workshops[s.workshop].themes),
    )
}

/// The page of partner `o`: the sessions it runs, with its co-organisers.
pub fn partner_page(p: &Programme, o: usize) -> String {
    let model = p.model;
    let partner = &model.partners[o];
    let mut body = String::new();
    let _ = write!(
        body,
        "<p>{} · id {} · ",
        esc(&partner.kind),
        esc(&partner.id)
    );
    match partner.territory {
        Some(t) => {
            let _ = write!(
                body,
                "territory <a href=\"{}\">{}</a>",
                href(1, &territory_path(&model.territories[t])),
                esc(p.territory_name(t))
            );
        }
        None => body.push_str("regional"),
    }
    let _ = writeln!(
        body,
        " · at most {} session(s) at once, {} a day</p>",
        partner.parallel, partner.max_per_day
    );
    let sessions = p.partner_sessions(o);
    let _ = writeln!(body, "<h2>Sessions ({})</h2>", sessions.len());
    if sessions.is_empty() {
        body.push_str("<p class=\"muted\">No scheduled session.</p>\n");
    } else {
        body.push_str("<table class=\"sessions\">\n<tr><th>Date</th><th>Time</th><th>Session</th><th>Workshop</th><th>Venue</th><th>Co-organisers</th><th>Themes</th><th>Seats</th></tr>\n");
        for s in sessions {
            let s = &p.sessions[s];
            let others: Vec<usize> = p
                .organisers(s)
                .iter()
                .copied()
                .filter(|&x| x != o)
                .collect();
            let _ = writeln!(
                body,
                "<tr data-session=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(p.session_id(s)),
                esc(&p.day_label(model.grid.day_of(s.at.period))),
                p.times(s),
                esc(p.session_id(s)),
                esc(p.title(s)),
                esc(p.venue(s.at.venue).1),
                partner_links(p, 1, &others),
                badges(p, model.workshops[s.workshop].themes),
                seats(p, s),
            );
        }
        body.push_str("</table>\n");
    }
    layout(p, 1, &partner.name, &body)
}
