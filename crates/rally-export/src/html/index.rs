//! The index: the checker's verdict and penalty, and links to every page.

use super::page::{badges, esc, href, layout, member_path, partner_path, territory_path};
use crate::view::Programme;
use std::fmt::Write;

/// Violations listed on the index; the rest are counted.
const SHOWN_VIOLATIONS: usize = 50;

/// The index page.
pub fn page(p: &Programme) -> String {
    let mut body = check_summary(p);
    body.push_str(&territories(p));
    body.push_str(&members(p));
    body.push_str(&partners(p));
    body.push_str(&unscheduled(p));
    layout(p, 0, p.edition_name(), &body)
}

fn check_summary(p: &Programme) -> String {
    let r = &p.report;
    let mut out = String::from("<h2>Check</h2>\n");
    if r.valid {
        out.push_str("<p class=\"verdict\"><span class=\"valid\">Valid plan</span>: it keeps every hard rule.</p>\n");
    } else {
        let _ = writeln!(
            out,
            "<p class=\"verdict\"><span class=\"invalid\">Invalid plan</span>: {} hard violation(s).</p>\n<ul class=\"violations\">",
            r.violations.len()
        );
        for v in r.violations.iter().take(SHOWN_VIOLATIONS) {
            let _ = writeln!(out, "<li>{}: {}</li>", esc(&v.rule), esc(&v.message));
        }
        if r.violations.len() > SHOWN_VIOLATIONS {
            let _ = writeln!(
                out,
                "<li class=\"muted\">… and {} more (run rally check)</li>",
                r.violations.len() - SHOWN_VIOLATIONS
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<table class=\"penalty\"><tr><th>Penalty term</th><th>Value</th></tr>\n");
    for (name, value) in r.penalty.terms() {
        let _ = writeln!(
            out,
            "<tr><td>{name}</td><td class=\"num\" data-term=\"{name}\">{value}</td></tr>"
        );
    }
    let _ = writeln!(
        out,
        "<tr><th>total</th><th class=\"num\" data-term=\"total\">{}</th></tr>\n</table>",
        r.penalty.total
    );
    let certifiable = r.members.iter().filter(|m| m.certifiable).count();
    let certified = r.members.iter().filter(|m| m.certified).count();
    let _ = writeln!(
        out,
        "<p>{} session(s) scheduled, {} unscheduled. Members: {}; certifiable {certifiable}; certified by their courses {certified}.</p>",
        p.sessions.len(),
        p.unscheduled.len(),
        r.members.len()
    );
    out
}

fn territories(p: &Programme) -> String {
    let mut out = String::from("<h2>Programme by territory</h2>\n<ul class=\"territories\">\n");
    for t in 0..p.model.territories.len() {
        let _ = writeln!(
            out,
            "<li><a href=\"{}\">{}</a> — {} session(s)</li>",
            href(0, &territory_path(&p.model.territories[t])),
            esc(p.territory_name(t)),
            p.territory_sessions(t).len()
        );
    }
    out.push_str("</ul>\n");
    out
}

fn members(p: &Programme) -> String {
    let mut out = String::from("<h2>Groups and participants</h2>\n<table class=\"members\">\n<tr><th>Member</th><th>Name</th><th>Kind</th><th>Sessions</th><th>Certificate</th><th>Missing themes</th></tr>\n");
    for (m, member) in p.model.members.iter().enumerate() {
        let verdict = &p.report.members[m];
        let status = if !member.certificate {
            "not sought"
        } else if verdict.certified {
            "certified"
        } else if !verdict.certifiable {
            "cannot be certified"
        } else if p.has_courses() {
            "not certified"
        } else {
            "certifiable"
        };
        let missing = member.themes & !p.validated(m);
        let _ = writeln!(
            out,
            "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{status}</td><td>{}</td></tr>",
            href(0, &member_path(&member.id)),
            esc(&member.id),
            esc(&member.name),
            esc(&p.member_kind(m)),
            p.course(m).len(),
            if p.has_courses() { badges(p, missing) } else { String::new() },
        );
    }
    out.push_str("</table>\n");
    out
}

fn partners(p: &Programme) -> String {
    let mut out = String::from("<h2>Partners</h2>\n<table class=\"partners\">\n<tr><th>Partner</th><th>Kind</th><th>Sessions</th></tr>\n");
    for (o, partner) in p.model.partners.iter().enumerate() {
        let _ = writeln!(
            out,
            "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td class=\"num\">{}</td></tr>",
            href(0, &partner_path(&partner.id)),
            esc(&partner.name),
            esc(&partner.kind),
            p.partner_sessions(o).len()
        );
    }
    out.push_str("</table>\n");
    out
}

fn unscheduled(p: &Programme) -> String {
    if p.unscheduled.is_empty() {
        return String::new();
    }
    let mut out = String::from("<h2>Unscheduled sessions</h2>\n<table class=\"unscheduled\">\n<tr><th>Session</th><th>Workshop</th><th>Reason</th></tr>\n");
    for u in &p.unscheduled {
        let title = p
            .model
            .session(&u.id)
            .map(|s| p.model.workshop_of(s).title.as_str())
            .unwrap_or("");
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&u.id),
            esc(title),
            esc(&u.reason)
        );
    }
    out.push_str("</table>\n");
    out
}
