//! The frame every page shares: escaping, the inline style sheet (screen
//! and A4 print), theme badges and links between pages.

use crate::view::Programme;
use rally_model::ThemeSet;
use std::fmt::Write;

/// Escapes text for HTML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Relative link from a page `depth` folders below the site's root to `path`
/// (ids hold only ASCII letters, digits, `.`, `_` and `-`: no encoding needed).
pub fn href(depth: usize, path: &str) -> String {
    format!("{}{path}", "../".repeat(depth))
}

/// Page of a member, a partner, a territory (relative to the root).
pub fn member_path(id: &str) -> String {
    format!("members/{id}.html")
}

/// Page of a partner (relative to the root).
pub fn partner_path(id: &str) -> String {
    format!("partners/{id}.html")
}

/// Page of a territory (relative to the root).
pub fn territory_path(id: &str) -> String {
    format!("territories/{id}.html")
}

/// Colours of the theme badges; past these, hues are spread evenly.
/// Each gives white text a contrast of at least 4.5:1 (WCAG AA).
const PALETTE: [&str; 7] = [
    "#1f5f99", "#b02020", "#1e7a1e", "#7a4fa0", "#a35200", "#7a4b3f", "#0b6e6e",
];

fn theme_colour(t: usize, n: usize) -> String {
    match PALETTE.get(t) {
        Some(c) if n <= PALETTE.len() => c.to_string(),
        _ => format!("hsl({}, 60%, 28%)", t * 360 / n.max(1)),
    }
}

const STYLE: &str = "
*{box-sizing:border-box}
body{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;font-size:10.5pt;color:#1b1b1b;margin:0 auto;max-width:1200px;padding:12px 18px}
h1{font-size:17pt;margin:.2em 0 .4em}h2{font-size:13pt;margin:1.1em 0 .4em;border-bottom:2px solid #444}
h3{font-size:11pt;margin:.9em 0 .3em}
nav{font-size:9pt;margin-bottom:8px}nav a{margin-right:1em}
a{color:#0b4f8a}
table{border-collapse:collapse;width:100%;margin:.3em 0 .8em}
th,td{border:1px solid #999;padding:3px 5px;vertical-align:top;text-align:left}
th{background:#eee}
table.week td{width:19%;height:3em}
table.week th.slot{width:5%;white-space:nowrap}
.session{border-left:4px solid #555;background:#f7f7f7;margin:2px 0;padding:2px 4px;font-size:8.5pt;page-break-inside:avoid}
.session .title{font-weight:bold}
.session .meta{color:#444}
.session.changed{border-left:4px dashed #b00020;background:#fff3f3}
tr.changed td,p.changed{background:#fff3f3}
.badge{display:inline-block;color:#fff;border-radius:3px;padding:0 4px;margin:1px 2px 1px 0;font-size:7.5pt;white-space:nowrap;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.seats{font-weight:bold}
.full{color:#a00}
td.gap{background:#f6c7c7;font-weight:bold;-webkit-print-color-adjust:exact;print-color-adjust:exact}
td.closed{background:#e4e4e4;color:#444;text-align:center;vertical-align:middle}
caption{text-align:left;font-weight:bold;padding:2px 0}
.findings li{margin:.2em 0}.fix{color:#333;font-style:italic}
td.ok{background:#d6efd6;-webkit-print-color-adjust:exact;print-color-adjust:exact}
td.num{text-align:right}
table.coverage{width:auto;min-width:60%}
table.coverage td{min-width:7em}
.valid{color:#176317;font-weight:bold}.invalid{color:#a00;font-weight:bold}
.muted{color:#595959}
.travel{color:#555;font-size:8.5pt}
@page{size:A4;margin:12mm}
@media print{body{max-width:none;padding:0;font-size:9.5pt}nav{display:none}table.week,table.coverage{page-break-inside:avoid}h2{page-break-after:avoid}}
";

/// The style sheet of every page, with the colours of `n` themes.
pub fn style(n: usize) -> String {
    let mut css = String::from(STYLE);
    for t in 0..n {
        let _ = writeln!(css, ".t{t}{{background:{}}}", theme_colour(t, n));
    }
    css
}

/// A whole page: the style sheet, a navigation line back to the index, a
/// title and the body.
pub fn layout(p: &Programme, depth: usize, title: &str, body: &str) -> String {
    let css = style(p.model.themes.len());
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} — \
            {}</title>\n<style>{css}</style>\n</head>\n<body>\n<nav><a href=\"{}\">{}</a> <span \
            class=\"muted\">{}</span></nav>\n<main>\n<h1>{}</h1>\n{body}</main>\n</body>\n\
            </html>\n",
        p.texts.lang.code(),
        esc(title),
        esc(&p.edition_name()),
        href(depth, "index.html"),
        esc(&p.texts.get("nav-index")),
        esc(&p.edition_name()),
        esc(title),
    )
}

/// A header cell of a column.
pub fn col(p: &Programme, id: &str) -> String {
    format!("<th scope=\"col\">{}</th>", esc(&p.texts.get(id)))
}

/// A header row from message ids.
pub fn header_row(p: &Programme, ids: &[&str]) -> String {
    let cells: String = ids.iter().map(|id| col(p, id)).collect();
    format!("<tr>{cells}</tr>\n")
}

/// Theme badges of a set, coloured by theme.
pub fn badges(p: &Programme, set: ThemeSet) -> String {
    p.theme_list(set)
        .into_iter()
        .map(|t| {
            format!(
                "<span class=\"badge t{t}\" data-theme=\"{}\">{}</span>",
                esc(&p.model.themes[t]),
                esc(&p.theme_name(t))
            )
        })
        .collect()
}

/// Links to partners' pages, comma separated.
pub fn partner_links(p: &Programme, depth: usize, partners: &[usize]) -> String {
    partners
        .iter()
        .map(|&o| {
            let partner = &p.model.partners[o];
            format!(
                "<a href=\"{}\">{}</a>",
                href(depth, &partner_path(&partner.id)),
                esc(&partner.name)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `12 / 15` seats, marked when full; empty when the plan has no courses.
pub fn seats(p: &Programme, s: &crate::view::Scheduled) -> String {
    if !p.has_courses() {
        return String::new();
    }
    let taken = p.taken(s);
    let full = if taken >= s.capacity {
        format!(" ({})", esc(&p.texts.get("full")))
    } else {
        String::new()
    };
    let class = if full.is_empty() {
        "seats"
    } else {
        "seats full"
    };
    format!(
        "<span class=\"{class}\" title=\"{}\">{taken} / {}{full}</span>",
        esc(&p.texts.get("seats-help")),
        s.capacity
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }

    #[test]
    fn links_climb_to_the_root() {
        assert_eq!(href(0, "index.html"), "index.html");
        assert_eq!(href(1, &member_path("g01")), "../members/g01.html");
    }
}
