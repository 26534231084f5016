//! A session of a version: when and where, its themes and organisers, who
//! comes, and where it may move with what each move changes.

use crate::moves::Move;
use rally_export::html::{badges, esc};
use rally_export::Programme;
use std::fmt::Write;

/// The body of a session's page. `moves` is `None` when the session is
/// pinned; `base` is the plan's (penalty, certified headcount).
pub fn body(
    p: &Programme,
    n: u32,
    session: usize,
    moves: Option<&(Vec<Move>, usize)>,
    base: (i64, u64),
) -> String {
    let model = p.model;
    let id = &model.sessions[session].id;
    let w = model.sessions[session].workshop;
    let workshop = &model.workshops[w];
    let mut out = String::new();
    let scheduled = p.sessions.iter().find(|s| s.session == session);
    match scheduled {
        Some(s) => {
            let (_, venue) = p.venue(s.at.venue);
            let _ = writeln!(
                out,
                "<p id=\"where\">{}, {} ({}), {} — {}</p>",
                esc(&p.texts.date(p.date(s))),
                esc(&p.slot_name(model.grid.slot_of(s.at.period))),
                p.times(s),
                esc(venue),
                if p.has_courses() {
                    format!("{} of {} seats taken", p.taken(s), s.capacity)
                } else {
                    format!("{} seats", s.capacity)
                }
            );
        }
        None => {
            let reason = p
                .unscheduled
                .iter()
                .find(|u| &u.id == id)
                .map_or(String::new(), |u| p.unscheduled_reason(u));
            let _ = writeln!(
                out,
                "<p id=\"where\" class=\"invalid\">Not scheduled: {}</p>",
                esc(&reason)
            );
        }
    }
    let organisers: Vec<String> = workshop
        .organisers
        .iter()
        .map(|&o| {
            let partner = &model.partners[o];
            format!(
                "<a href=\"/v/{n}/site/partners/{}.html\">{}</a>",
                esc(&partner.id),
                esc(&partner.name)
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "<p>Themes: {}</p>\n<p>Organisers: {}</p>",
        badges(p, workshop.themes),
        organisers.join(", ")
    );
    out.push_str("<h2>Who comes</h2>\n");
    let attendees = scheduled.map_or(&[][..], |s| &s.attendees[..]);
    if attendees.is_empty() {
        out.push_str(if p.has_courses() {
            "<p class=\"muted\">Nobody's course holds this session.</p>\n"
        } else {
            "<p class=\"muted\">This version has no courses yet (a programme alone).</p>\n"
        });
    } else {
        out.push_str(
            "<table class=\"attendees\" style=\"width:auto\">\n<tr><th scope=\"col\">\
            Member</th><th scope=\"col\">Kind</th><th scope=\"col\">Headcount</th></tr>\n",
        );
        for &m in attendees {
            let member = &model.members[m];
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\"><a href=\"/v/{n}/site/members/{}.html\">{}</a></th><td>\
                    {}</td><td class=\"num\">{}</td></tr>",
                esc(&member.id),
                esc(&member.name),
                esc(&p.member_kind(m)),
                member.headcount
            );
        }
        out.push_str("</table>\n");
    }
    out.push_str(&pin_form(p, n, session, scheduled.is_some()));
    out.push_str(&moves_table(p, n, session, moves, base));
    out.push_str("<h2>Re-plan</h2>\n");
    out.push_str(&super::changes::replan_form(n));
    out
}

fn pin_form(p: &Programme, n: u32, session: usize, scheduled: bool) -> String {
    let id = &p.model.sessions[session].id;
    if p.model.pin_of(session).is_some() {
        return format!(
            "<form method=\"post\" action=\"/v/{n}/unpin\"><input type=\"hidden\" \
                name=\"session\" value=\"{}\"><p id=\"pinned\">📌 Pinned by the edition: it stays \
                where it is in every plan. <button type=\"submit\" id=\"unpin\">Unpin \
                it</button> <span class=\"muted\">takes the pin out in a new version of the \
                edition; this version stays as it is</span></p></form>\n",
            esc(id)
        );
    }
    if !scheduled {
        return String::new();
    }
    format!(
        "<form method=\"post\" action=\"/v/{n}/pin\"><input type=\"hidden\" name=\"session\" \
            value=\"{}\"><p><button type=\"submit\" id=\"pin\">Pin it here</button> <span \
            class=\"muted\">adds the pin to a new version of the edition, so that every later \
            plan keeps it</span></p></form>\n",
        esc(id)
    )
}

fn moves_table(
    p: &Programme,
    n: u32,
    session: usize,
    moves: Option<&(Vec<Move>, usize)>,
    base: (i64, u64),
) -> String {
    let model = p.model;
    let id = &model.sessions[session].id;
    let mut out = String::from("<h2>Move it</h2>\n");
    let Some((moves, skipped)) = moves else {
        out.push_str("<p class=\"muted\">A pinned session does not move.</p>\n");
        return out;
    };
    let _ = writeln!(
        out,
        "<p class=\"muted\">Every other date, slot and venue where it keeps the hard rules \
            H1–H7, judged by the checker on the moved plan: the change in penalty (now {}) and \
            in certified headcount (now {}). Moving keeps the plan as a new version; this one \
            stays.</p>",
        base.0, base.1
    );
    if moves.is_empty() {
        out.push_str("<p>It can go nowhere else.</p>\n");
        return out;
    }
    out.push_str(
        "<table class=\"moves\">\n<tr><th scope=\"col\">Date</th><th scope=\"col\">\
        Slot</th><th scope=\"col\">Venue</th><th scope=\"col\">Penalty</th><th scope=\"col\">\
        Certified</th><th scope=\"col\">Courses</th><th scope=\"col\"></th></tr>\n",
    );
    for m in moves {
        let e = model.planned_session(session, m.at);
        let (_, venue) = p.venue(m.at.venue);
        let courses = if m.broken.is_empty() {
            "✓".to_string()
        } else {
            format!("breaks {}", m.broken.join(", "))
        };
        let _ =
            writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{:+}</td><td class=\"num\">\
                {:+}</td><td>{}</td><td><form method=\"post\" action=\"/v/{n}/move\"><input \
                type=\"hidden\" name=\"session\" value=\"{}\"><input type=\"hidden\" \
                name=\"date\" value=\"{}\"><input type=\"hidden\" name=\"slot\" value=\"{}\">\
                <input type=\"hidden\" name=\"venue\" value=\"{}\"><button type=\"submit\">Move \
                here</button></form></td></tr>",
            esc(&p.texts.date(model.grid.days[model.grid.day_of(m.at.period)])),
            esc(&p.slot_name(model.grid.slot_of(m.at.period))),
            esc(venue),
            m.penalty - base.0,
            m.certified as i64 - base.1 as i64,
            esc(&courses),
            esc(id),
            esc(&e.date),
            esc(&e.slot),
            esc(&e.venue),
        );
    }
    out.push_str("</table>\n");
    if *skipped > 0 {
        let _ = writeln!(
            out,
            "<p class=\"muted\">{skipped} later placement(s) not judged.</p>"
        );
    }
    out
}
