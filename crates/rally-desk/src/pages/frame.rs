//! The frame of every desk page: the exported site's style sheet, the desk's
//! navigation bar and its script.

use rally_export::html::esc;
use rally_export::html::style;

/// Where a page sits in the desk, for its navigation bar.
#[derive(Clone, Copy)]
pub enum Place {
    /// The edition page.
    Edition,
    /// The plan page (runs and versions).
    Plan,
    /// A page of a plan version.
    Version(u32),
}

/// The navigation bar: Edition, Plan, and for a version its Programme,
/// People and Hand-outs. `territories` are (id, name) for the programme links.
pub fn bar(place: Place, territories: &[(String, String)]) -> String {
    let mut out = String::from(
        "<nav class=\"desk\" aria-label=\"desk\"><a href=\"/edition\">Edition</a> <a \
            href=\"/plan\">Plan</a>",
    );
    if let Place::Version(n) = place {
        out.push_str(&format!(
            " <span class=\"muted\" data-version=\"{n}\">version {n}:</span>"
        ));
        for (id, name) in territories {
            out.push_str(&format!(
                " <a href=\"/v/{n}/site/territories/{}.html\">Programme {}</a>",
                esc(id),
                esc(name)
            ));
        }
        out.push_str(&format!(
            " <a href=\"/v/{n}/people\">People</a> <a href=\"/v/{n}/changes\">Changes</a> <a \
                href=\"/v/{n}/site/index.html\">Check</a> <a href=\"/v/{n}/handouts.zip\" \
                download>Hand-outs (zip)</a>"
        ));
    }
    out.push_str("</nav>\n");
    out
}

/// A whole desk page.
pub fn page(
    place: Place,
    territories: &[(String, String)],
    themes: usize,
    title: &str,
    body: &str,
) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta \
            name=\"viewport\" content=\"width=device-width\">\n<title>{} — rally desk</title>\n\
            <style>{}{}</style>\n</head>\n<body>\n{}<main>\n<h1>{}</h1>\n{body}</main>\n<script \
            src=\"/assets/desk.js\"></script>\n</body>\n</html>\n",
        esc(title),
        style(themes),
        DESK_STYLE,
        bar(place, territories),
        esc(title),
    )
}

/// A page of the exported site with the desk's bar and script added.
pub fn site_page(html: &str, n: u32, territories: &[(String, String)]) -> String {
    let bar = bar(Place::Version(n), territories);
    let style = format!("<style>{DESK_STYLE}</style>\n</head>");
    html.replacen("</head>", &style, 1)
        .replacen("<body>\n", &format!("<body>\n{bar}"), 1)
        .replacen(
            "</body>",
            "<script src=\"/assets/desk.js\"></script>\n</body>",
            1,
        )
}

/// What the desk adds to the site's style.
const DESK_STYLE: &str = "
nav.desk{background:#1b3a57;color:#fff;padding:6px 10px;margin:-12px -18px 10px;font-size:10pt}
nav.desk a{color:#fff;margin-right:1em}nav.desk .muted{color:#cfd8e3}
.session[data-session]{cursor:pointer}.session[data-session]:hover{background:#e8eef6}
form.inline{display:inline}
button{font:inherit;padding:2px 10px}
.problems li{margin:.3em 0}.place{font-family:monospace;background:#f1f1f1;padding:0 3px}
.busy{color:#a00;font-weight:bold}
progress{width:100%;height:1.2em}
.figures td{text-align:right}
@media print{nav.desk{display:none}}
";
