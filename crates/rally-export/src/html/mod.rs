//! The static site: self-contained pages (inline style, no script, no
//! external asset) that read well on screen and print on A4.
//!
//! - `index.html`: the check summary and links to every other page;
//! - `territories/<id>.html`: the programme week by week and theme coverage;
//! - `members/<id>.html`: a group's or participant's course;
//! - `partners/<id>.html`: the sessions a partner runs.

mod index;
mod page;
mod people;
mod programme;

pub use index::status;
pub use page::{badges, esc, style};

use crate::files::OutFile;
use crate::view::Programme;

/// Every page of the site, sorted by path.
pub fn site(p: &Programme) -> Vec<OutFile> {
    let model = p.model;
    let mut files = vec![OutFile::text("index.html", index::page(p))];
    for t in 0..model.territories.len() {
        files.push(OutFile::text(
            page::territory_path(&model.territories[t]),
            programme::territory_page(p, t),
        ));
    }
    for m in 0..model.members.len() {
        files.push(OutFile::text(
            page::member_path(&model.members[m].id),
            people::member_page(p, m),
        ));
    }
    for o in 0..model.partners.len() {
        files.push(OutFile::text(
            page::partner_path(&model.partners[o].id),
            people::partner_page(p, o),
        ));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// One page of the site by its path (`territories/87.html`), built alone;
/// `None` for a path the site does not have.
pub fn page_at(p: &Programme, path: &str) -> Option<String> {
    let model = p.model;
    if path == "index.html" {
        return Some(index::page(p));
    }
    let (folder, file) = path.split_once('/')?;
    let id = file.strip_suffix(".html")?;
    match folder {
        "territories" => Some(programme::territory_page(p, model.territory(id)?)),
        "members" => Some(people::member_page(p, model.member(id)?)),
        "partners" => Some(people::partner_page(p, model.partner(id)?)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rally_model::Plan;

    fn example() -> (rally_model::Model, Plan) {
        crate::worked_example()
    }

    fn page<'f>(files: &'f [OutFile], path: &str) -> &'f str {
        let f = files.iter().find(|f| f.path == path).unwrap();
        std::str::from_utf8(&f.bytes).unwrap()
    }

    #[test]
    fn one_page_per_member_partner_and_territory() {
        let (model, plan) = example();
        let files = site(&Programme::new(&model, &plan));
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "index.html",
                "members/g01.html",
                "members/u0001.html",
                "partners/admr.html",
                "partners/pe.html",
                "territories/87.html"
            ]
        );
    }

    #[test]
    fn pages_show_sessions_seats_and_the_verdict() {
        let (model, plan) = example();
        let files = site(&Programme::new(&model, &plan));
        let index = page(&files, "index.html");
        assert!(index.contains("class=\"valid\""));
        assert!(index.contains(">807<"));
        let t = page(&files, "territories/87.html");
        assert!(t.contains(
            "data-date=\"2016-03-08\" data-slot=\"afternoon\"><div \
            class=\"session\" data-session=\"w02/1\""
        ));
        assert!(t.contains("11 / 12"));
        assert!(t.contains("Maison de l&#39;emploi, Bellac"));
        let g = page(&files, "members/g01.html");
        assert!(g.contains("w01/1") && g.contains("w02/1") && !g.contains("w01/2"));
        let pe = page(&files, "partners/pe.html");
        assert!(pe.contains("w01/2") && !pe.contains("w02/1"));
    }

    #[test]
    fn in_french_pages_speak_french_with_names_and_closed_days() {
        let (model, plan) = example();
        let files = site(&Programme::new(&model, &plan).in_language(crate::Lang::Fr));
        let t = page(&files, "territories/87.html");
        assert!(t.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
        assert!(t.contains("<h2>Semaine du lundi 29 février 2016</h2>"));
        assert!(t.contains("<th scope=\"col\">jeudi 3 mars</th>"));
        assert!(t.contains("<th scope=\"row\" class=\"slot\">Matin<br>"));
        assert!(t.contains("<td class=\"closed\" data-date=\"2016-03-04\">Fermé</td>"));
        assert!(t.contains(">Réalités du métier</span>"));
        assert!(!t.contains(">realities<"));
        let index = page(&files, "index.html");
        assert!(index.contains("✓ Aucune règle enfreinte"));
        assert!(index.contains("attestation(s) obtenue(s) par les parcours sur 2"));
        assert!(index.contains("minutes de trajet (travel_minute)"));
        let pe = page(&files, "partners/pe.html");
        assert!(pe.contains("<th scope=\"col\">Qui vient</th>"));
        assert!(pe.contains("members/u0001.html"));
        let g01 = page(&files, "members/g01.html");
        assert!(g01.contains("groupe de 10 (élève)"));
        assert!(g01.contains("jeudi 3 mars 2016"));
    }

    #[test]
    fn the_index_names_who_is_left_out_why_and_the_fix_before_the_rules() {
        let (model, mut plan) = example();
        let courses = plan.courses.as_mut().unwrap();
        courses[0].sessions.retain(|s| s != "w02/1");
        let p = Programme::new(&model, &plan).in_language(crate::Lang::Fr);
        let files = site(&p);
        let index = page(&files, "index.html");
        let intro = "Un membre qui demande une attestation ne l’obtient pas (10 personnes) :";
        let li =
            "<li data-member=\"g01\"><a href=\"members/g01.html\">Lycée Limosin, 1st year</a>, \
                  groupe de 10 (élève) : leur parcours laisse de côté ";
        let fix = "<span class=\"fix\">pour y remédier : refaire les parcours";
        let at = |text: &str| {
            index
                .find(text)
                .unwrap_or_else(|| panic!("{text}: {index}"))
        };
        assert!(at(intro) < at(li) && at(li) < at(fix));
        assert!(at(fix) < at("Pénalité"));
    }

    #[test]
    fn a_page_built_alone_is_the_sites_page() {
        let (model, plan) = example();
        let p = Programme::new(&model, &plan);
        let files = site(&p);
        for f in &files {
            assert_eq!(page_at(&p, &f.path).as_deref(), Some(page(&files, &f.path)));
        }
        for path in [
            "members/nobody.html",
            "../index.html",
            "territories/87",
            "x/87.html",
        ] {
            assert_eq!(page_at(&p, path), None, "{path}");
        }
    }

    #[test]
    fn text_from_the_edition_is_escaped() {
        let (mut model, plan) = example();
        model.workshops[0].title = "<script>alert(1)</script> & co".into();
        let files = site(&Programme::new(&model, &plan));
        for f in &files {
            let text = std::str::from_utf8(&f.bytes).unwrap();
            assert!(!text.contains("<script>"), "{}", f.path);
        }
        assert!(page(&files, "territories/87.html")
            .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    }

    #[test]
    fn the_site_is_the_same_every_time() {
        let (model, plan) = example();
        assert_eq!(
            site(&Programme::new(&model, &plan)),
            site(&Programme::new(&model, &plan))
        );
    }
}
