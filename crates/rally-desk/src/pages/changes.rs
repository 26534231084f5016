//! The changes of a re-plan against the version it was made from: the
//! sessions moved and the members rerouted, reviewed on its draft before it
//! is kept as a version (or discarded), and shown again on that version.

use rally_check::Changes;
use rally_export::html::esc;
use rally_export::Programme;
use std::fmt::Write;

/// The body of the Changes page of version `n`; `from` is the version
/// re-planned from and the changes.
pub fn body(p: &Programme, n: u32, from: Option<&(u32, Changes)>) -> String {
    let Some((old, c)) = from else {
        return format!(
            "<p>Version {n} was not re-planned from another version. {}</p>\n",
            replan_hint(n)
        );
    };
    let mut out = format!(
        "<p id=\"summary\">Against <a href=\"/v/{old}\">version {old}</a>: {}. Version {old} \
            stays as it was; hand out this one only if these changes are worth telling.</p>\n",
        counts(c)
    );
    out.push_str(&lists(p, Some(n), c));
    out
}

/// The body of the review of draft `d`, re-planned from version `old`:
/// the figures before and after, the changes, Keep and Discard.
pub fn draft_body(
    p: &Programme,
    draft: (u32, &str),
    (old, c): &(u32, Changes),
    before: (i64, u64),
    after: (i64, u64, u64),
) -> String {
    let (d, slug) = draft;
    let mut out = format!(
        "<p id=\"summary\">This re-plan of <a href=\"/v/{old}\">version {old}</a> is not a \
            version yet: review what it changes, then keep it as the next version or discard it. \
            Against version {old}: {}.</p>\n<table class=\"figures\" style=\"width:auto\">\n<tr>\
            <th scope=\"col\"></th><th scope=\"col\">Version {old}</th><th scope=\"col\">This \
            re-plan</th></tr>\n<tr><th scope=\"row\">Penalty</th><td \
            data-figure=\"penalty-before\">{}</td><td data-figure=\"penalty-after\">{}</td>\
            </tr>\n<tr><th scope=\"row\">Certified headcount (of {})</th><td \
            data-figure=\"certified-before\">{}</td><td data-figure=\"certified-after\">{}</td>\
            </tr>\n</table>\n",
        counts(c),
        before.0,
        after.0,
        after.2,
        before.1,
        after.1
    );
    let _ = writeln!(
        out,
        "<form class=\"inline\" method=\"post\" action=\"/draft/{d}/keep\"><input \
            type=\"hidden\" name=\"slug\" value=\"{0}\"><button type=\"submit\" id=\"keep\">Keep \
            it as the next version</button></form> <form class=\"inline\" method=\"post\" \
            action=\"/draft/{d}/discard\"><input type=\"hidden\" name=\"slug\" value=\"{0}\">\
            <button type=\"submit\" id=\"discard\">Discard it</button></form>",
        esc(slug)
    );
    out.push_str(&lists(p, None, c));
    out
}

/// `2 session(s) moved, 5 member(s) rerouted (…)`.
fn counts(c: &Changes) -> String {
    format!(
        "{} session(s) moved, {} member(s) rerouted ({} session(s) added to or removed from \
            courses)",
        c.moved.len(),
        c.rerouted.len(),
        c.rerouted_count()
    )
}

/// The tables of sessions moved and members rerouted; names link to the
/// pages of version `n`, when it is one.
fn lists(p: &Programme, n: Option<u32>, c: &Changes) -> String {
    let link = |href: String, text: &str| match n {
        Some(n) => format!("<a href=\"/v/{n}/{}\">{}</a>", esc(&href), esc(text)),
        None => esc(text),
    };
    let mut out = String::new();
    out.push_str("<h2>Sessions moved</h2>\n");
    if c.moved.is_empty() {
        out.push_str("<p>None.</p>\n");
    } else {
        out.push_str(
            "<table class=\"moved\">\n<tr><th scope=\"col\">Session</th><th \
            scope=\"col\">Was</th><th scope=\"col\">Now</th><th scope=\"col\">Partners to \
            call</th></tr>\n",
        );
        for m in &c.moved {
            let _ = writeln!(
                out,
                "<tr data-session=\"{}\"><th scope=\"row\">{} {}</th><td>{}</td><td>{}</td><td>\
                    {}</td></tr>",
                esc(&m.session),
                link(
                    format!("session?id={}", m.session.replace('/', "%2F")),
                    &m.session
                ),
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
        out.push_str(
            "<table class=\"rerouted\">\n<tr><th scope=\"col\">Member</th><th \
            scope=\"col\">Added</th><th scope=\"col\">Removed</th></tr>\n",
        );
        for r in &c.rerouted {
            let name = p
                .model
                .member(&r.member)
                .map_or(r.name.as_str(), |m| p.model.members[m].name.as_str());
            let _ = writeln!(
                out,
                "<tr data-member=\"{}\"><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
                esc(&r.member),
                link(format!("site/members/{}.html", r.member), name),
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
        "<form method=\"post\" action=\"/plan/run\"><input type=\"hidden\" name=\"from\" \
            value=\"{n}\"><p><label>Re-plan from version {n}, with as few changes as possible: \
            <select name=\"kind\"><option value=\"solve\">programme and courses</option><option \
            value=\"plan\">programme only</option></select></label> <label>within <input \
            type=\"number\" name=\"seconds\" value=\"30\" min=\"1\" max=\"3600\" required> \
            s</label> <button type=\"submit\" id=\"replan\">Re-plan</button></p></form>\n"
    )
}
