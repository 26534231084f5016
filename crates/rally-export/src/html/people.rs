//! Pages of a member (its course, travel and themes) and of a partner (the
//! sessions it runs, with its co-organisers and who comes).

use super::page::territory_path;
use super::page::{badges, esc, header_row, href, layout, member_path, partner_links, seats};
use crate::view::{Programme, Step};
use std::fmt::Write;

/// The page of member `m`: its course in order, travel, themes validated and missing.
pub fn member_page(p: &Programme, m: usize) -> String {
    let model = p.model;
    let t = &p.texts;
    let member = &model.members[m];
    let mut body = String::new();
    let _ = write!(
        body,
        "<p>{} · {}",
        esc(&p.member_kind(m)),
        esc(&t.with("id", &[("id", member.id.as_str().into())]))
    );
    if let Some(tr) = member.territory {
        let _ = write!(
            body,
            " · {} <a href=\"{}\">{}</a>",
            esc(&t.get("territory")),
            href(1, &territory_path(&model.territories[tr])),
            esc(p.territory_name(tr))
        );
    }
    if let Some(b) = member.base {
        let _ = write!(body, " · {} {}", esc(&t.get("base")), esc(p.node_name(b)));
    }
    body.push_str("</p>\n");
    body.push_str(&certificate(p, m));
    if let Some(r) = p.rerouted(m) {
        let list = |ids: &[String]| esc(&ids.join(", "));
        let _ = writeln!(
            body,
            "<p class=\"changed\"><strong>Course changed</strong> since the published plan: \
                added {}; removed {}.</p>",
            if r.added.is_empty() {
                "none".to_string()
            } else {
                list(&r.added)
            },
            if r.removed.is_empty() {
                "none".to_string()
            } else {
                list(&r.removed)
            },
        );
    }
    let _ = writeln!(body, "<h2>{}</h2>", esc(&t.get("course-title")));
    if !p.has_courses() {
        let _ = writeln!(
            body,
            "<p class=\"muted\">{}</p>",
            esc(&t.get("course-no-plan"))
        );
    } else if p.course(m).is_empty() {
        let _ = writeln!(
            body,
            "<p class=\"muted\">{}</p>",
            esc(&t.get("course-empty"))
        );
    } else {
        let _ = write!(
            body,
            "<table class=\"course\">\n<caption>{}</caption>\n{}",
            esc(&t.get("course-caption")),
            header_row(
                p,
                &[
                    "col-date",
                    "col-time",
                    "col-workshop",
                    "col-session",
                    "col-venue",
                    "col-organisers",
                    "col-themes",
                    "col-travel"
                ]
            )
        );
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
    let t = &p.texts;
    let member = &p.model.members[m];
    let verdict = &p.report.members[m];
    let validated = p.validated(m) & member.themes;
    let missing = member.themes & !validated;
    let mut out = format!(
        "<h2>{}</h2>\n<table class=\"themes\">\n",
        esc(&t.get("themes-title"))
    );
    for (label, class, set) in [
        ("themes-to-validate", "wanted", member.themes),
        ("themes-validated", "validated", validated),
        ("themes-missing", "missing", missing),
    ] {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"{class}\">{}</td></tr>",
            esc(&t.get(label)),
            badges(p, set)
        );
    }
    let status = if !member.certificate {
        esc(&t.get("cert-not-sought"))
    } else if verdict.certified {
        format!(
            "<span class=\"valid\">✓ {}</span>",
            esc(&t.get("cert-certified"))
        )
    } else if verdict.certifiable {
        esc(&t.get("cert-certifiable"))
    } else {
        format!(
            "<span class=\"invalid\">✗ {}</span> {}",
            esc(&t.get("cert-cannot")),
            esc(&crate::reasons::words(p, m, &verdict.reasons))
        )
    };
    let _ = writeln!(
        out,
        "<tr><th scope=\"row\">{}</th><td class=\"status\">{status}</td></tr>\n</table>",
        esc(&t.get("col-certificate"))
    );
    out
}

/// One row of a course: the session and the travel before (and after) it.
fn course_row(p: &Programme, step: &Step) -> String {
    let t = &p.texts;
    let s = &p.sessions[step.scheduled];
    let (_, venue) = p.venue(s.at.venue);
    let leg = |(node, minutes): (usize, Option<u32>), back: bool| {
        let place = p.node_name(node);
        let text = match (minutes, back) {
            (Some(min), false) => t.with(
                "travel-from",
                &[("minutes", min.into()), ("place", place.into())],
            ),
            (Some(min), true) => t.with(
                "travel-back",
                &[("minutes", min.into()), ("place", place.into())],
            ),
            (None, false) => t.with("travel-no-road-from", &[("place", place.into())]),
            (None, true) => t.with("travel-no-road-back", &[("place", place.into())]),
        };
        esc(&text)
    };
    let mut travel = step.from.map(|f| leg(f, false)).unwrap_or_default();
    if let Some(back) = step.back {
        if !travel.is_empty() {
            travel.push_str("<br>");
        }
        travel.push_str(&leg(back, true));
    }
    let (class, day) = match p.moved_from(s) {
        Some(was) => (
            " class=\"changed\"",
            format!(
                "{}<br><strong>moved</strong> (was {})",
                esc(&p.day_label(p.model.grid.day_of(s.at.period))),
                esc(&was)
            ),
        ),
        None => ("", esc(&p.day_label(p.model.grid.day_of(s.at.period)))),
    };
    format!(
        "<tr{class} data-session=\"{}\"><td>{day}</td><td>{}</td><th scope=\"row\">{}</th><td>\
            {}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"travel\">{travel}</td></tr>\n",
        esc(p.session_id(s)),
        p.times(s),
        esc(p.title(s)),
        esc(p.session_id(s)),
        esc(venue),
        partner_links(p, 1, p.organisers(s)),
        badges(p, p.model.workshops[s.workshop].themes),
    )
}

/// The page of partner `o`: the sessions it runs, with its co-organisers
/// and who comes to each.
pub fn partner_page(p: &Programme, o: usize) -> String {
    let model = p.model;
    let t = &p.texts;
    let partner = &model.partners[o];
    let mut body = String::new();
    let _ = write!(
        body,
        "<p>{} · {} · ",
        esc(&p.partner_kind(o)),
        esc(&t.with("id", &[("id", partner.id.as_str().into())]))
    );
    match partner.territory {
        Some(tr) => {
            let _ = write!(
                body,
                "{} <a href=\"{}\">{}</a>",
                esc(&t.get("territory")),
                href(1, &territory_path(&model.territories[tr])),
                esc(p.territory_name(tr))
            );
        }
        None => body.push_str(&esc(&t.get("regional"))),
    }
    let limits = t.with(
        "partner-limits",
        &[
            ("parallel", partner.parallel.into()),
            ("daily", partner.max_per_day.into()),
        ],
    );
    let _ = writeln!(body, " · {}</p>", esc(&limits));
    let sessions = p.partner_sessions(o);
    let n = sessions.len();
    let _ = writeln!(
        body,
        "<h2>{}</h2>",
        esc(&t.with("partner-sessions", &[("n", n.into())]))
    );
    if sessions.is_empty() {
        let _ = writeln!(
            body,
            "<p class=\"muted\">{}</p>",
            esc(&t.get("partner-none"))
        );
    } else {
        let mut ids = vec![
            "col-date",
            "col-time",
            "col-workshop",
            "col-session",
            "col-venue",
            "col-coorganisers",
            "col-themes",
        ];
        if p.has_courses() {
            ids.extend(["col-seats", "col-attendees"]);
        }
        let _ = write!(
            body,
            "<table class=\"sessions\">\n<caption>{}</caption>\n{}",
            esc(&t.get("partner-caption")),
            header_row(p, &ids)
        );
        for s in sessions {
            let s = &p.sessions[s];
            let others: Vec<usize> = p
                .organisers(s)
                .iter()
                .copied()
                .filter(|&x| x != o)
                .collect();
            let _ = write!(
                body,
                "<tr data-session=\"{}\"><td>{}</td><td>{}</td><th scope=\"row\">{}</th><td>\
                    {}</td><td>{}</td><td>{}</td><td>{}</td>",
                esc(p.session_id(s)),
                esc(&p.day_label(model.grid.day_of(s.at.period))),
                p.times(s),
                esc(p.title(s)),
                esc(p.session_id(s)),
                esc(p.venue(s.at.venue).1),
                partner_links(p, 1, &others),
                badges(p, model.workshops[s.workshop].themes),
            );
            if p.has_courses() {
                let _ = write!(
                    body,
                    "<td>{}</td><td class=\"attendees\">{}</td>",
                    seats(p, s),
                    attendees(p, &s.attendees)
                );
            }
            body.push_str("</tr>\n");
        }
        body.push_str("</table>\n");
    }
    layout(p, 1, &partner.name, &body)
}

/// Who comes: links to members' pages with their headcount.
fn attendees(p: &Programme, members: &[usize]) -> String {
    if members.is_empty() {
        return format!(
            "<span class=\"muted\">{}</span>",
            esc(&p.texts.get("nobody-yet"))
        );
    }
    members
        .iter()
        .map(|&m| {
            let member = &p.model.members[m];
            let count = p.texts.with("headcount", &[("n", member.headcount.into())]);
            format!(
                "<a href=\"{}\">{}</a> ({})",
                href(1, &member_path(&member.id)),
                esc(&member.name),
                esc(&count)
            )
        })
        .collect::<Vec<_>>()
        .join("<br>")
}
