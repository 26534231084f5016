//! The Edition page: where the edition comes from, its figures, the upload
//! form, and every problem of a refused edition with its place and fix.

use crate::edition::{Current, Loaded, Problem};
use rally_export::html::esc;
use std::fmt::Write;

/// The body of the Edition page. `refused` holds the problems of an upload
/// just refused (file name, problems).
pub fn body(
    loaded: &Loaded,
    candidates: &[String],
    limit: usize,
    refused: Option<(&str, &[Problem])>,
) -> String {
    let mut out = String::new();
    if let Some((file, problems)) = refused {
        let _ = writeln!(
            out,
            "<section class=\"refused\"><h2 class=\"invalid\">✗ {} was not loaded: {} \
                problem(s)</h2>\n{}<p>The edition in use has not changed.</p></section>",
            esc(file),
            problems.len(),
            problem_list(problems)
        );
    }
    match loaded {
        Loaded::Nothing => out.push_str(
            "<p>This folder has no edition yet: upload one below, or use one of the editions \
                found in the folder.</p>\n",
        ),
        Loaded::Bad { source, problems } => {
            let _ = writeln!(
                out,
                "<h2 class=\"invalid\">✗ The edition {} has {} problem(s)</h2>\n{}<p>Fix them in \
                    the file, or upload a corrected edition below.</p>",
                esc(source),
                problems.len(),
                problem_list(problems)
            );
        }
        Loaded::Edition(current) => out.push_str(&figures(current)),
    }
    let _ = writeln!(
        out,
        "<h2>Upload an edition</h2>\n<form method=\"post\" action=\"/edition\" \
            enctype=\"multipart/form-data\">\n<p><label>The edition's workbook (.xlsx, .ods), a \
            zip of its CSV sheets, or its JSON file (at most {} MB): <input type=\"file\" \
            name=\"file\" accept=\".xlsx,.ods,.xls,.zip,.json\" required></label> <button \
            type=\"submit\">Upload</button></p>\n</form>\n<p class=\"muted\">An upload is \
            checked whole first: when it has problems, each is listed with where it is and how \
            to fix it, and the edition in use stays. A good one is kept as the next file of \
            <code>editions/</code>; nothing is overwritten.</p>",
        limit >> 20
    );
    if !candidates.is_empty() {
        out.push_str("<h2>Editions in this folder</h2>\n<ul>\n");
        for c in candidates {
            let _ = writeln!(
                out,
                "<li><form class=\"inline\" method=\"post\" action=\"/edition/use\"><input \
                    type=\"hidden\" name=\"file\" value=\"{0}\"><code>{0}</code> <button \
                    type=\"submit\">Use this edition</button></form></li>",
                esc(c)
            );
        }
        out.push_str("</ul>\n");
    }
    out
}

/// Problems as a list: place, then what is wrong and the fix.
pub fn problem_list(problems: &[Problem]) -> String {
    let mut out = String::from("<ul class=\"problems\">\n");
    for p in problems {
        let place = if p.place.is_empty() {
            String::new()
        } else {
            format!("<span class=\"place\">{}</span>: ", esc(&p.place))
        };
        let _ = writeln!(out, "<li>{place}{}</li>", esc(&p.message));
    }
    out.push_str("</ul>\n");
    out
}

fn figures(current: &Current) -> String {
    let m = &current.model;
    let groups: Vec<_> = m.members.iter().filter(|x| x.is_group).collect();
    let headcount: u64 = m.members.iter().map(|x| u64::from(x.headcount)).sum();
    let wanting: u64 = m
        .members
        .iter()
        .filter(|x| x.certificate)
        .map(|x| u64::from(x.headcount))
        .sum();
    let name = m.edition.edition.as_deref().unwrap_or("(no name)");
    let rows = [
        ("Territories", m.territories.len() as u64),
        ("Partners", m.partners.len() as u64),
        ("Venues", m.venues.len() as u64),
        ("Workshops", m.workshops.len() as u64),
        ("Sessions", m.sessions.len() as u64),
        ("Pinned sessions", m.pins.len() as u64),
        ("Groups", groups.len() as u64),
        ("Participants", (m.members.len() - groups.len()) as u64),
        ("Headcount", headcount),
        ("Headcount wanting a certificate", wanting),
        ("Opening days", m.grid.days.len() as u64),
        ("Weeks", m.grid.weeks.len() as u64),
    ];
    let mut out = format!(
        "<p class=\"valid\">✓ {} — read from <code>{}</code>, {} to {}.</p>\n<table \
            class=\"figures\" style=\"width:auto\">\n<caption>The edition in figures</caption>\n",
        esc(name),
        esc(&current.source),
        esc(&m.edition.calendar.start),
        esc(&m.edition.calendar.end)
    );
    for (label, n) in rows {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{label}</th><td data-figure=\"{}\">{n}</td></tr>",
            label.to_lowercase().replace(' ', "-")
        );
    }
    out.push_str("</table>\n<p><a href=\"/plan\">Plan it →</a></p>\n");
    out
}
