//! The Plan page: plan or solve within a time budget, the live progress of
//! the run (server-sent events), Stop, and every version kept.

use crate::run::Status;
use crate::workspace::Version;
use rally_export::html::esc;
use std::fmt::Write;

/// The body of the Plan page.
pub fn body(
    from: Option<u32>,
    status: &Status,
    (versions, drafts): (&[Version], &[Version]),
    has_edition: bool,
    message: Option<&str>,
) -> String {
    let mut out = String::new();
    if let Some(m) = message {
        let _ = writeln!(out, "<p class=\"busy\" role=\"alert\">{}</p>", esc(m));
    }
    if has_edition {
        out.push_str(&run_form(versions, from));
    } else {
        out.push_str("<p>No edition to plan yet: <a href=\"/edition\">load one</a>.</p>\n");
    }
    let _ = writeln!(
        out,
        "<section id=\"run\" aria-live=\"polite\" data-running=\"{}\">\n<h2>Run</h2>\n{}</section>",
        status.running,
        run_status(status)
    );
    if !drafts.is_empty() {
        out.push_str("<h2>Re-plans to review</h2>\n<ul class=\"drafts\">\n");
        for d in drafts {
            let _ = writeln!(
                out,
                "<li data-draft=\"{0}\"><a href=\"/draft/{0}\">{1}</a>: its changes to review, \
                    then keep or discard</li>",
                d.number,
                esc(&d.slug)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<h2>Versions</h2>\n");
    if versions.is_empty() {
        out.push_str(
            "<p class=\"muted\">No plan yet. Each run, move or re-plan is kept as the \
            next version in <code>plans/</code>; none is ever overwritten.</p>\n",
        );
    } else {
        out.push_str(
            "<table class=\"versions\" style=\"width:auto\">\n<tr><th scope=\"col\">\
            Version</th><th scope=\"col\">File</th><th scope=\"col\">Open</th></tr>\n",
        );
        for v in versions.iter().rev() {
            let _ = writeln!(
                out,
                "<tr data-version=\"{0}\"><td class=\"num\">{0}</td><td><code>{1}</code></td><td>\
                    <a href=\"/v/{0}\">programme</a> · <a href=\"/v/{0}/people\">people</a> · <a \
                    href=\"/v/{0}/site/index.html\">check</a> · <a href=\"/v/{0}/handouts.zip\" \
                    download>hand-outs</a></td></tr>",
                v.number,
                esc(&v.name)
            );
        }
        out.push_str("</table>\n");
    }
    out
}

/// The form that starts a run, from nothing or from a version (`from` chosen).
fn run_form(versions: &[Version], from: Option<u32>) -> String {
    let mut options = String::from("<option value=\"\">nothing (a new plan)</option>");
    for v in versions.iter().rev() {
        let _ = write!(
            options,
            "<option value=\"{0}\"{1}>version {0}, with as few changes as possible</option>",
            v.number,
            if from == Some(v.number) {
                " selected"
            } else {
                ""
            }
        );
    }
    format!(
        "<form method=\"post\" action=\"/plan/run\">\n<p><label>Make <select name=\"kind\">\
            <option value=\"solve\">the programme and everyone's course (solve)</option><option \
            value=\"plan\">the programme only (plan)</option></select></label>\n<label>within \
            <input type=\"number\" name=\"seconds\" value=\"30\" min=\"1\" max=\"3600\" \
            step=\"1\" required> seconds</label>\n<label>starting from <select name=\"from\">\
            {options}</select></label>\n<button type=\"submit\" id=\"start\">Start</button></p>\n\
            </form>\n"
    )
}

/// The run's state in words (the script rewrites it as events come).
pub fn run_status(s: &Status) -> String {
    let mut out = String::new();
    let kind = s.kind.map_or("run", |k| k.name());
    if s.running {
        let _ = write!(
            out,
            "<p><progress id=\"progress\" max=\"{:.0}\" value=\"{:.1}\"></progress></p>\n<p>{} \
                running, <span id=\"elapsed\">{:.0}</span> s of {:.0}; best penalty so far: \
                <strong id=\"best\">{}</strong>, its certified headcount: <strong \
                id=\"best-certified\">{}</strong> of {}{}</p>\n<form method=\"post\" \
                action=\"/plan/stop\"><button type=\"submit\" id=\"stop\">Stop and keep the best \
                plan</button></form>\n",
            s.seconds,
            s.elapsed,
            kind,
            s.elapsed,
            s.seconds,
            s.best.map_or("—".to_string(), |b| b.to_string()),
            s.best_certified.map_or("—".to_string(), |b| b.to_string()),
            s.wanting.unwrap_or_default(),
            if s.stopping { " (stopping…)" } else { "" }
        );
    } else if let Some(e) = &s.error {
        let _ = writeln!(
            out,
            "<p class=\"invalid\">The last {kind} failed: {}</p>",
            esc(e)
        );
    } else if let Some(d) = s.draft {
        let _ = writeln!(
            out,
            "<p class=\"valid\">✓ The last re-plan of version {} ({:.1} s): penalty <strong>\
                {}</strong>, certified headcount <strong>{}</strong> of {}. <a \
                href=\"/draft/{d}\" id=\"review\">Review its changes</a>, then keep it as a \
                version or discard it.</p>",
            s.from.unwrap_or_default(),
            s.elapsed,
            s.penalty.unwrap_or_default(),
            s.certified.unwrap_or_default(),
            s.wanting.unwrap_or_default()
        );
    } else if let Some(v) = s.version {
        let _ = writeln!(
            out,
            "<p class=\"valid\">✓ The last {kind} is kept as <a href=\"/v/{v}\" id=\"result\">\
                version {v}</a> ({:.1} s): penalty <strong>{}</strong>, certified headcount \
                <strong>{}</strong> of {}.</p>\n",
            s.elapsed,
            s.penalty.unwrap_or_default(),
            s.certified.unwrap_or_default(),
            s.wanting.unwrap_or_default()
        );
    } else {
        out.push_str("<p class=\"muted\">Nothing running.</p>\n");
    }
    out
}
