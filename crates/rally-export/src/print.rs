//! Printables (`rally export --print DIR`): HTML pages with print CSS, one
//! A4 page each, in the programme's language.
//!
//! - `sign-in/<session>.html`: a sign-in sheet per session (workshop, date,
//!   time, venue, organisers, a line per expected participant with a
//!   signature box, a class as one block with its headcount and a line for
//!   the teacher, blank lines for walk-ins);
//! - `certificates/<member>.html`: a certificate per certified member (A4
//!   landscape: name, edition, dates, the themes with the workshops that
//!   gave them, the partners);
//! - `partners/<partner>.html`: who comes to each of a partner's sessions.

use crate::files::OutFile;
use crate::html::esc;
use crate::view::{Programme, Scheduled};
use std::fmt::Write;

/// Blank lines for walk-ins on each sign-in sheet.
const WALK_IN_LINES: usize = 4;

const STYLE: &str = "
*{box-sizing:border-box}
body{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;font-size:10pt;color:#111;margin:0}
h1{font-size:16pt;margin:0 0 4mm}h2{font-size:11pt;margin:4mm 0 2mm}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #555;padding:1.5mm 2mm;text-align:left;vertical-align:top}
th{background:#eee}
td.sign{width:45%;height:9mm}
.meta{margin:0 0 3mm}.meta div{margin:.5mm 0}
.class td{background:#f4f4f4}
.certificate{border:3mm double #1b4f72;padding:12mm 16mm;height:180mm;text-align:center}
.certificate h1{font-size:26pt;color:#1b4f72;margin-bottom:8mm}
.certificate .name{font-size:22pt;font-weight:bold;margin:4mm 0}
.certificate table{width:auto;margin:4mm auto;font-size:9.5pt}
@page{size:A4;margin:12mm}
@page landscape{size:A4 landscape;margin:12mm}
body.landscape{page:landscape}
";

/// Every printable, sorted by path.
pub fn printables(p: &Programme) -> Vec<OutFile> {
    let mut files = Vec::new();
    for s in &p.sessions {
        let path = format!("sign-in/{}.html", file_name(p.session_id(s)));
        files.push(OutFile::text(path, sign_in(p, s)));
    }
    for (m, member) in p.model.members.iter().enumerate() {
        if member.certificate && p.report.members[m].certified {
            let path = format!("certificates/{}.html", member.id);
            files.push(OutFile::text(path, certificate(p, m)));
        }
    }
    for (o, partner) in p.model.partners.iter().enumerate() {
        if !p.partner_sessions(o).is_empty() {
            let path = format!("partners/{}.html", partner.id);
            files.push(OutFile::text(path, partner_list(p, o)));
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// `w01/2` → `w01-2`: a session id as a file name.
fn file_name(id: &str) -> String {
    id.replace('/', "-")
}

fn page(p: &Programme, class: &str, title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>\
            {}</title>\n<style>{STYLE}</style>\n</head>\n<body class=\"{class}\">\n<main>\n\
            {body}</main>\n</body>\n</html>\n",
        p.texts.lang.code(),
        esc(title)
    )
}

/// Workshop, date, time, venue and organisers of a session.
fn session_meta(p: &Programme, s: &Scheduled) -> String {
    let t = &p.texts;
    let organisers: Vec<&str> = p
        .organisers(s)
        .iter()
        .map(|&o| p.model.partners[o].name.as_str())
        .collect();
    format!(
        "<div class=\"meta\"><div><strong>{}</strong> — {}</div><div>{} · {}</div><div>{}</div>\
            </div>\n",
        esc(&t.date(p.date(s))),
        p.times(s),
        esc(p.venue(s.at.venue).1),
        esc(p.session_id(s)),
        esc(&t.labelled(&t.get("print-organisers"), &organisers.join(", "))),
    )
}

fn sign_in(p: &Programme, s: &Scheduled) -> String {
    let t = &p.texts;
    let title = format!("{} — {}", t.get("print-sign-in"), p.title(s));
    let mut body = format!(
        "<h1>{}</h1>\n<h2>{}</h2>\n{}",
        esc(&t.get("print-sign-in")),
        esc(p.title(s)),
        session_meta(p, s)
    );
    let _ = writeln!(
        body,
        "<p>{}</p>\n<table class=\"sign-in\">\n<caption class=\"muted\">{}</caption>\n<tr><th \
            scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr>",
        esc(&t.with("print-expected", &[("n", p.taken(s).into())])),
        esc(&t.get("print-sign-in")),
        esc(&t.get("col-name")),
        esc(&t.get("col-kind")),
        esc(&t.get("print-signature")),
    );
    for &m in &s.attendees {
        let member = &p.model.members[m];
        if member.is_group {
            let _ = writeln!(
                body,
                "<tr class=\"class\" data-member=\"{}\"><th scope=\"row\">{}</th><td>{}</td><td \
                    class=\"sign\"></td></tr>\n<tr class=\"class\"><td colspan=\"2\">{}</td><td \
                    class=\"sign\"></td></tr>",
                esc(&member.id),
                esc(&member.name),
                esc(&t.with("print-class", &[("n", member.headcount.into())])),
                esc(&t.get("print-teacher")),
            );
        } else {
            let _ = writeln!(
                body,
                "<tr data-member=\"{}\"><th scope=\"row\">{}</th><td>{}</td><td class=\"sign\">\
                    </td></tr>",
                esc(&member.id),
                esc(&member.name),
                esc(&p.member_kind(m)),
            );
        }
    }
    let _ = writeln!(
        body,
        "<tr><th scope=\"rowgroup\" colspan=\"3\">{}</th></tr>",
        esc(&t.get("print-walk-ins"))
    );
    for _ in 0..WALK_IN_LINES {
        body.push_str("<tr class=\"walk-in\"><td></td><td></td><td class=\"sign\"></td></tr>\n");
    }
    body.push_str("</table>\n");
    page(p, "portrait", &title, &body)
}

fn certificate(p: &Programme, m: usize) -> String {
    let t = &p.texts;
    let model = p.model;
    let member = &model.members[m];
    let (first, last) = (model.grid.days.first(), model.grid.days.last());
    let (from, to) = match (first, last) {
        (Some(a), Some(b)) => (t.date(*a), t.date(*b)),
        _ => (String::new(), String::new()),
    };
    let mut body = format!(
        "<div class=\"certificate\">\n<h1>{}</h1>\n<p>{}</p>\n<p class=\"name\">{}</p>\n<p>\
            {}</p>\n",
        esc(&t.get("print-certificate")),
        esc(&t.get("print-certifies")),
        esc(&member.name),
        esc(&t.with(
            "print-took-part",
            &[
                ("edition", p.edition_name().into()),
                ("from", from.into()),
                ("to", to.into()),
            ]
        )),
    );
    let _ = writeln!(
        body,
        "<table class=\"themes\">\n<tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr>",
        esc(&t.get("col-theme")),
        esc(&t.get("col-workshop"))
    );
    let course = p.course(m);
    let mut partners: Vec<usize> = Vec::new();
    for th in p.theme_list(member.themes) {
        let workshops: Vec<String> = course
            .iter()
            .map(|&s| &p.sessions[s])
            .filter(|s| model.workshops[s.workshop].themes >> th & 1 == 1)
            .map(|s| format!("{} ({})", p.title(s), t.day(p.date(s))))
            .collect();
        let _ = writeln!(
            body,
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            esc(&p.theme_name(th)),
            esc(&workshops.join(" ; "))
        );
    }
    for &s in course {
        for &o in p.organisers(&p.sessions[s]) {
            if !partners.contains(&o) {
                partners.push(o);
            }
        }
    }
    let names: Vec<&str> = partners
        .iter()
        .map(|&o| model.partners[o].name.as_str())
        .collect();
    let _ = writeln!(
        body,
        "</table>\n<p class=\"partners\">{}</p>\n</div>",
        esc(&t.labelled(&t.get("print-partners"), &names.join(", ")))
    );
    let title = format!("{} — {}", t.get("print-certificate"), member.name);
    page(p, "landscape", &title, &body)
}

fn partner_list(p: &Programme, o: usize) -> String {
    let t = &p.texts;
    let partner = &p.model.partners[o];
    let mut body = format!(
        "<h1>{}</h1>\n<h2>{}</h2>\n",
        esc(&partner.name),
        esc(&t.get("print-partner-list"))
    );
    for s in p.partner_sessions(o) {
        let s = &p.sessions[s];
        let _ = write!(
            body,
            "<h2>{}</h2>\n{}<ul>\n",
            esc(p.title(s)),
            session_meta(p, s)
        );
        for &m in &s.attendees {
            let member = &p.model.members[m];
            let count = t.with("headcount", &[("n", member.headcount.into())]);
            let _ = writeln!(body, "<li>{} ({})</li>", esc(&member.name), esc(&count));
        }
        if s.attendees.is_empty() {
            let _ = writeln!(body, "<li>{}</li>", esc(&t.get("nobody-yet")));
        }
        body.push_str("</ul>\n");
    }
    page(p, "portrait", &partner.name, &body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn example() -> (rally_model::Model, rally_model::Plan) {
        crate::worked_example()
    }

    fn text<'f>(files: &'f [OutFile], path: &str) -> &'f str {
        let f = files.iter().find(|f| f.path == path).unwrap();
        std::str::from_utf8(&f.bytes).unwrap()
    }

    #[test]
    fn a_sheet_per_session_a_certificate_per_certified_member_a_list_per_partner() {
        let (model, plan) = example();
        let files = printables(&Programme::new(&model, &plan).in_language(Lang::Fr));
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "certificates/g01.html",
                "certificates/u0001.html",
                "partners/admr.html",
                "partners/pe.html",
                "sign-in/w01-1.html",
                "sign-in/w01-2.html",
                "sign-in/w02-1.html"
            ]
        );
        let w02 = text(&files, "sign-in/w02-1.html");
        assert!(w02.contains("<html lang=\"fr\">"));
        assert!(w02.contains("Feuille d’émargement"));
        assert!(w02.contains("mardi 8 mars 2016"));
        assert!(w02.contains("Attendus : 11 personnes"));
        assert!(w02.contains("Classe de 10"));
        assert!(w02.contains("Enseignant ou conseiller accompagnateur"));
        assert_eq!(w02.matches("class=\"walk-in\"").count(), WALK_IN_LINES);
        let g01 = text(&files, "certificates/g01.html");
        assert!(g01.contains("body class=\"landscape\""));
        assert_eq!(g01.matches("<th scope=\"row\">").count(), 7);
        assert!(g01.contains("ADMR Haute-Vienne"));
        let pe = text(&files, "partners/pe.html");
        assert!(pe.contains("Qui vient à vos sessions") && pe.contains("(1 personne)"));
    }
}
