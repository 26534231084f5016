//! The Changes page of a re-planned version: the sessions moved and the
//! members rerouted against the version it was re-planned from, to review
//! before handing it out.

use rally_check::Changes;
use rally_export::html::esc;
use rally_export::Programme;
use std::fmt::Write;

/// The body of the Changes page; `from` is the version re-planned from and the changes.
pub fn body(p: &Programme, n: u32, from: Option<&(u32, Changes)>) -> String {
    let Some((old, c)) = from else {
        return format!(
            "<p>Version {n} was not re-planned from another version. {}</p>\n",
            replan_hint(n)
        );
    };
    let mut out = format!(
        "<p id=\"summary\">Against <a href=\"/v/{old}\">version {old}</a>: {} session(s) moved, {} member(s) rerouted ({} session(s) added to or removed from courses). Version {old} stays as it was; hand out this one only if these changes are worth telling.</p>\n",
        c.moved.len(),
        c.rerouted.len(),
        c.rerouted_count()
    );
    out.push_str("<h2>Sessions moved</h2>\n");
    if c.moved.is_empty() {
        out.push_str("<p>None.</p>\n");
    } else {
        out.push_str("<table class=\"moved\">\n<tr><th scope=\"col\">Session</th><th scope=\"col\">Was</th><th scope=\"col\">Now</th><th scope=\"col\">Partners to call</th></tr>\n");
        for m in &c.moved {
            let _ = writeln!(
                out,
                "<tr data-session=\"{0}\"><th scope=\"row\"><a href=\"/v/{n}/session?id={1}\">{0}</a> {2}</th><td>{3}</td><td>{4}</td><td>{5}</td></tr>",
                esc(&m.session),
                esc(&m.session.replace('/', "%2F")),
                esc(&m.title),
                esc(&m.old.label()),
                esc(&m.new.label()),
                esc(&m.partners.join(", "))
            );
        }
        out.push_str("</table>\n");
    }
    out.push_str("<h2>Members rerouted</h2>\n");
    if c.rerouted.is_empty() {
        out.push_str("<p>None.</p>\n");
    } else {
        out.push_str("<table class=\"rerouted\">\n<tr><th scope=\"col\">Member</th><th scope=\"col\">Added</th><th scope=\"col\">Removed</th></tr>\n");
        for r in &c.rerouted {
            let name = p
                .model
                .member(&r.member)
                .map_or(r.name.as_str(), |m| p.model.members[m].name.as_str());
            let _ = writeln!(
                out,
                "<tr data-member=\"{0}\"><th scope=\"row\"><a href=\"/v/{n}/site/members/{0}.html\">{1}</a></th><td>{2}</td><td>{3}</td></tr>",
                esc(&r.member),
                esc(name),
                esc(&r.added.join(", ")),
                esc(&r.removed.join(", "))
            );
        }
        out.push_str("</table>\n");
    }
    out
}

/// Where to re-plan from a version.
pub fn replan_hint(n: u32) -> String {
    format!("Re-plan it from the <a href=\"/plan?from={n}\">Plan page</a>.")
}

/// The form that re-plans version `n` with as few changes as possible.
pub fn replan_form(n: u32) -> String {
    format!(
        "<form method=\"post\" action=\"/plan/run\"><input type=\"hidden\" name=\"from\" value=\"{n}\"><p><label>Re-plan from version {n}, with as few changes as possible: <select name=\"kind\"><option value=\"solve\">programme and courses</option><option value=\"plan\">programme only</option></select></label> <label>within <input type=\"number\" name=\"seconds\" value=\"30\" min=\"1\" max=\"3600\" required> s</label> <button type=\"submit\" id=\"replan\">Re-plan</button></p></form>\n"
    )
}
