//! The index: what matters first (the verdict next to the certificates won,
//! the people left out with why and what would fix it, unscheduled sessions,
//! sessions under their minimum), then the rules broken, the penalty in
//! words and links to every page.

use super::page::territory_path;
use super::page::{badges, esc, header_row, href, layout, member_path, partner_path};
use crate::findings::{self, Findings};
use crate::view::Programme;
use std::fmt::Write;

/// Violations listed on the index; the rest are counted.
const SHOWN_VIOLATIONS: usize = 50;

/// The index page.
pub fn page(p: &Programme) -> String {
    let f = Findings::new(p);
    let mut body = verdict(p, &f);
    body.push_str(&left_out(p, &f));
    body.push_str(&unscheduled(p));
    body.push_str(&underfilled(p, &f));
    body.push_str(&violations(p));
    body.push_str(&penalty(p));
    body.push_str(&territories(p));
    body.push_str(&members(p));
    body.push_str(&partners(p));
    layout(p, 0, &p.edition_name(), &body)
}

/// "No rule broken" (never a bare "valid") next to the certificates won.
fn verdict(p: &Programme, f: &Findings) -> String {
    let t = &p.texts;
    let r = &p.report;
    let (class, label, detail) = if r.valid {
        ("valid", t.get("verdict-ok"), t.get("verdict-ok-detail"))
    } else {
        let n = r.violations.len();
        let detail = t.with("verdict-broken-detail", &[("n", n.into())]);
        ("invalid", t.get("verdict-broken"), detail)
    };
    let mark = if r.valid { "✓" } else { "✗" };
    // Both parts are escaped before they meet the markup.
    let label = format!("<span class=\"{class}\">{mark} {}</span>", esc(&label));
    let verdict = t.labelled(&label, &esc(&detail));
    format!(
        "<p class=\"verdict\">{verdict} <strong>{}</strong></p>\n<p class=\"muted\">{}</p>\n",
        esc(&findings::certified_line(p, f)),
        esc(&t.with(
            "counts",
            &[
                ("scheduled", p.sessions.len().into()),
                ("unscheduled", p.unscheduled.len().into()),
                ("members", p.model.members.len().into()),
            ]
        )),
    )
}

fn left_out(p: &Programme, f: &Findings) -> String {
    let t = &p.texts;
    let mut out = format!("<h2>{}</h2>\n", esc(&t.get("left-out-title")));
    if f.left_out.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(&t.get("left-out-none")));
        return out;
    }
    let n = f.left_out.len();
    let _ = writeln!(
        out,
        "<p>{}</p>\n<ul class=\"findings left-out\">",
        esc(&t.with(
            "left-out-intro",
            &[("n", n.into()), ("people", f.left_out_people.into())]
        ))
    );
    for (m, why) in &f.left_out {
        let member = &p.model.members[*m];
        let (reason, fix) = findings::left_out_reason(p, why);
        let _ = writeln!(
            out,
            "<li data-member=\"{}\"><a href=\"{}\">{}</a>, {}<br><span class=\"fix\">{}</span>\
                </li>",
            esc(&member.id),
            href(0, &member_path(&member.id)),
            esc(&member.name),
            esc(&t.labelled(&p.member_kind(*m), &reason)),
            esc(&fix)
        );
    }
    out.push_str("</ul>\n");
    out
}

fn unscheduled(p: &Programme) -> String {
    if p.unscheduled.is_empty() {
        return String::new();
    }
    let t = &p.texts;
    let n = p.unscheduled.len();
    let mut out = format!(
        "<h2>{}</h2>\n<table class=\"unscheduled\">\n<caption>{}</caption>\n{}",
        esc(&t.get("unscheduled-title")),
        esc(&t.with("unscheduled-intro", &[("n", n.into())])),
        header_row(p, &["col-session", "col-workshop", "col-reason"])
    );
    for u in &p.unscheduled {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
            esc(&u.id),
            esc(findings::unscheduled_title(p, &u.id)),
            esc(&p.unscheduled_reason(u))
        );
    }
    out.push_str("</table>\n");
    out
}

fn underfilled(p: &Programme, f: &Findings) -> String {
    if f.underfilled.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<h2>{}</h2>\n<ul class=\"findings underfilled\">\n",
        esc(&p.texts.get("underfilled-title"))
    );
    for u in &f.underfilled {
        let id = p.session_id(&p.sessions[u.scheduled]);
        let _ = writeln!(
            out,
            "<li data-session=\"{}\">{}</li>",
            esc(id),
            esc(&findings::underfilled_line(p, u))
        );
    }
    out.push_str("</ul>\n");
    out
}

fn violations(p: &Programme) -> String {
    let r = &p.report;
    if r.violations.is_empty() {
        return String::new();
    }
    let t = &p.texts;
    let mut out = format!(
        "<h2>{}</h2>\n<ul class=\"violations\">\n",
        esc(&t.get("violations-title"))
    );
    for v in r.violations.iter().take(SHOWN_VIOLATIONS) {
        let title = t.name_or("rule", &v.rule, "");
        let _ = writeln!(
            out,
            "<li>{}</li>",
            esc(&t.labelled(
                &format!("{} ({title})", v.rule),
                &crate::violations::words(p, v)
            ))
        );
    }
    if r.violations.len() > SHOWN_VIOLATIONS {
        let n = r.violations.len() - SHOWN_VIOLATIONS;
        let _ = writeln!(
            out,
            "<li class=\"muted\">{}</li>",
            esc(&t.with("violations-more", &[("n", n.into())]))
        );
    }
    out.push_str("</ul>\n");
    out
}

fn penalty(p: &Programme) -> String {
    let t = &p.texts;
    let r = &p.report;
    let mut out = format!(
        "<h2>{}</h2>\n<table class=\"penalty\">\n{}",
        esc(&t.get("penalty-title")),
        header_row(p, &["penalty-term", "penalty-value"])
    );
    for (name, value) in r.penalty.terms() {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\" data-term=\"{name}\">{value}</td></tr>",
            esc(&findings::term_name(p, name))
        );
    }
    let _ = writeln!(
        out,
        "<tr><th scope=\"row\">{}</th><td class=\"num\" data-term=\"total\"><strong>{}</strong>\
            </td></tr>\n</table>",
        esc(&t.get("term-total")),
        r.penalty.total
    );
    out
}

fn territories(p: &Programme) -> String {
    let t = &p.texts;
    let mut out = format!(
        "<h2>{}</h2>\n<ul class=\"territories\">\n",
        esc(&t.get("territories-title"))
    );
    for i in 0..p.model.territories.len() {
        let n = p.territory_sessions(i).len();
        let _ = writeln!(
            out,
            "<li><a href=\"{}\">{}</a> — {}</li>",
            href(0, &territory_path(&p.model.territories[i])),
            esc(p.territory_name(i)),
            esc(&t.with("territory-sessions", &[("n", n.into())]))
        );
    }
    out.push_str("</ul>\n");
    out
}

/// A member's certificate status in words.
pub fn status(p: &Programme, m: usize) -> String {
    let verdict = &p.report.members[m];
    let id = if !p.model.members[m].certificate {
        "status-not-sought"
    } else if verdict.certified {
        "status-certified"
    } else if !verdict.certifiable {
        "status-cannot"
    } else if p.has_courses() {
        "status-not-certified"
    } else {
        "status-certifiable"
    };
    p.texts.get(id)
}

fn members(p: &Programme) -> String {
    let title = p.texts.get("members-title");
    let mut out = format!(
        "<h2>{}</h2>\n<table class=\"members\">\n<caption>{}</caption>\n{}",
        esc(&title),
        esc(&title),
        header_row(
            p,
            &[
                "col-name",
                "col-member",
                "col-kind",
                "col-sessions",
                "col-certificate",
                "col-missing"
            ]
        )
    );
    for (m, member) in p.model.members.iter().enumerate() {
        let missing = member.themes & !p.validated(m);
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\"><a href=\"{}\">{}</a></th><td>{}</td><td>{}</td><td \
                class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
            href(0, &member_path(&member.id)),
            esc(&member.name),
            esc(&member.id),
            esc(&p.member_kind(m)),
            p.course(m).len(),
            esc(&status(p, m)),
            if p.has_courses() {
                badges(p, missing)
            } else {
                String::new()
            },
        );
    }
    out.push_str("</table>\n");
    out
}

fn partners(p: &Programme) -> String {
    let title = p.texts.get("partners-title");
    let mut out = format!(
        "<h2>{}</h2>\n<table class=\"partners\">\n<caption>{}</caption>\n{}",
        esc(&title),
        esc(&title),
        header_row(p, &["col-partner", "col-kind", "col-sessions"])
    );
    for (o, partner) in p.model.partners.iter().enumerate() {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\"><a href=\"{}\">{}</a></th><td>{}</td><td class=\"num\">{}</td>\
                </tr>",
            href(0, &partner_path(&partner.id)),
            esc(&partner.name),
            esc(&p.partner_kind(o)),
            p.partner_sessions(o).len()
        );
    }
    out.push_str("</table>\n");
    out
}
