//! The People page: every member, certified or not and why, with filters.

use rally_export::findings::{left_out_reason, Findings};
use rally_export::html::{badges, esc, status};
use rally_export::Programme;
use serde::Deserialize;
use std::fmt::Write;

/// The filters of the page (query string).
#[derive(Debug, Default, Deserialize)]
pub struct Filter {
    /// `uncertified` keeps those wanting a certificate who do not get it.
    #[serde(default)]
    pub show: Option<String>,
    /// A territory id.
    #[serde(default)]
    pub territory: Option<String>,
    /// `on` keeps groups only.
    #[serde(default)]
    pub groups: Option<String>,
}

/// The body of the People page.
pub fn body(p: &Programme, n: u32, filter: &Filter) -> String {
    let model = p.model;
    let findings = Findings::new(p);
    let uncertified = filter.show.as_deref() == Some("uncertified");
    let groups = filter.groups.as_deref() == Some("on");
    let territory = filter.territory.as_deref().and_then(|t| model.territory(t));
    let mut out = format!(
        "<p>{}</p>\n<form method=\"get\" action=\"/v/{n}/people\"><p><label><input \
            type=\"checkbox\" name=\"show\" value=\"uncertified\"{}> uncertified only</label> \
            <label><input type=\"checkbox\" name=\"groups\" value=\"on\"{}> groups only</label> \
            <label>territory <select name=\"territory\"><option value=\"\">all</option>",
        esc(&rally_export::findings::certified_line(p, &findings)),
        if uncertified { " checked" } else { "" },
        if groups { " checked" } else { "" },
    );
    for (t, id) in model.territories.iter().enumerate() {
        let _ = write!(
            out,
            "<option value=\"{}\"{}>{}</option>",
            esc(id),
            if territory == Some(t) {
                " selected"
            } else {
                ""
            },
            esc(p.territory_name(t))
        );
    }
    out.push_str("</select></label> <button type=\"submit\">Filter</button></p></form>\n");
    out.push_str(
        "<table class=\"people\">\n<tr><th scope=\"col\">Member</th><th scope=\"col\">\
        Kind</th><th scope=\"col\">Territory</th><th scope=\"col\">Certificate</th><th \
        scope=\"col\">Missing</th><th scope=\"col\">Why, and what would help</th></tr>\n",
    );
    let mut shown = 0;
    for (m, member) in model.members.iter().enumerate() {
        let left_out = findings.left_out.iter().find(|(x, _)| *x == m);
        if uncertified && left_out.is_none() || groups && !member.is_group {
            continue;
        }
        if territory.is_some() && member.territory != territory {
            continue;
        }
        shown += 1;
        let why = left_out.map_or(String::new(), |(_, why)| {
            let (reason, fix) = left_out_reason(p, why);
            format!("{} <span class=\"fix\">{}</span>", esc(&reason), esc(&fix))
        });
        let missing = if member.certificate && !p.report.members[m].certified {
            let reached: u64 = p.report.members[m]
                .missing
                .iter()
                .filter_map(|t| model.theme(t))
                .fold(0, |a, t| a | 1 << t);
            let missing = if p.has_courses() {
                member.themes & !p.validated(m)
            } else {
                reached
            };
            badges(p, missing)
        } else {
            String::new()
        };
        let _ =
            writeln!(
            out,
            "<tr data-member=\"{0}\"><th scope=\"row\"><a href=\"/v/{n}/site/members/{0}.html\">\
                {1}</a></th><td>{2}</td><td>{3}</td><td>{4}</td><td>{5}</td><td>{6}</td></tr>",
            esc(&member.id),
            esc(&member.name),
            esc(&p.member_kind(m)),
            member.territory.map_or(String::new(), |t| esc(p.territory_name(t))),
            esc(&status(p, m)),
            missing,
            why
        );
    }
    out.push_str("</table>\n");
    let _ = writeln!(
        out,
        "<p class=\"muted\" id=\"shown\">{shown} of {} members shown.</p>",
        model.members.len()
    );
    out
}
