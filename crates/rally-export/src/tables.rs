//! The CSV hand-outs of a plan, headers and words in the programme's
//! language (ids stay as the edition spells them):
//!
//! - `sessions.csv`: one row per scheduled session;
//! - `attendance.csv`: sign-in sheets, one row per member expected at a
//!   session, with blank `signature` and `present` columns (`present`,
//!   filled in with yes or no, is read back by `--attended`, SPEC §9);
//! - `certificates.csv`: members certified by their courses, with the themes
//!   validated;
//! - `uncertified.csv`: members who seek a certificate and do not get it,
//!   with the checker's reason.

use crate::files::OutFile;
use crate::view::Programme;
use rally_model::calendar::format_hhmm;

/// The four sheets.
pub fn tables(p: &Programme) -> Vec<OutFile> {
    vec![
        sheet("attendance.csv", attendance(p)),
        sheet("certificates.csv", certificates(p)),
        sheet("sessions.csv", sessions(p)),
        sheet("uncertified.csv", uncertified(p)),
    ]
}

fn sheet(path: &str, rows: Vec<Vec<String>>) -> OutFile {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        // Writing into memory cannot fail.
        let _ = w.write_record(&row);
    }
    OutFile {
        path: path.into(),
        bytes: w.into_inner().unwrap_or_default(),
    }
}

/// A header row from message ids.
fn header(p: &Programme, ids: &[&str]) -> Vec<String> {
    ids.iter()
        .map(|id| p.texts.get(&format!("csv-{id}")))
        .collect()
}

fn sessions(p: &Programme) -> Vec<Vec<String>> {
    let model = p.model;
    let mut rows = vec![header(
        p,
        &[
            "session",
            "workshop",
            "title",
            "date",
            "weekday",
            "slot",
            "start",
            "end",
            "venue",
            "venue-name",
            "territory",
            "organisers",
            "themes",
            "capacity",
            "taken",
        ],
    )];
    for s in &p.sessions {
        let day = model.grid.day_of(s.at.period);
        let (venue, venue_name) = p.venue(s.at.venue);
        rows.push(vec![
            p.session_id(s).into(),
            model.workshops[s.workshop].id.clone(),
            p.title(s).into(),
            model.grid.days[day].to_string(),
            p.texts.weekday(model.grid.weekday(day)),
            p.slot_name(model.grid.slot_of(s.at.period)),
            format_hhmm(s.start),
            format_hhmm(s.end),
            venue.into(),
            venue_name.into(),
            model.territories[model.venues[s.at.venue].territory].clone(),
            ids(p
                .organisers(s)
                .iter()
                .map(|&o| model.partners[o].id.as_str())),
            ids(model
                .theme_names(model.workshops[s.workshop].themes)
                .iter()
                .map(String::as_str)),
            s.capacity.to_string(),
            if p.has_courses() {
                p.taken(s).to_string()
            } else {
                String::new()
            },
        ]);
    }
    rows
}

fn attendance(p: &Programme) -> Vec<Vec<String>> {
    let model = p.model;
    let mut rows = vec![header(
        p,
        &[
            "session",
            "title",
            "date",
            "start",
            "end",
            "venue-name",
            "member",
            "name",
            "kind",
            "headcount",
            "signature",
            "present",
        ],
    )];
    for s in &p.sessions {
        for &m in &s.attendees {
            let member = &model.members[m];
            rows.push(vec![
                p.session_id(s).into(),
                p.title(s).into(),
                p.date(s).to_string(),
                format_hhmm(s.start),
                format_hhmm(s.end),
                p.venue(s.at.venue).1.into(),
                member.id.clone(),
                member.name.clone(),
                kind(p, m),
                member.headcount.to_string(),
                String::new(),
                String::new(),
            ]);
        }
    }
    rows
}

fn certificates(p: &Programme) -> Vec<Vec<String>> {
    let model = p.model;
    let mut rows = vec![header(
        p,
        &["member", "name", "kind", "headcount", "themes"],
    )];
    for (m, member) in model.members.iter().enumerate() {
        if member.certificate && p.report.members[m].certified {
            rows.push(vec![
                member.id.clone(),
                member.name.clone(),
                kind(p, m),
                member.headcount.to_string(),
                ids(model.theme_names(p.validated(m)).iter().map(String::as_str)),
            ]);
        }
    }
    rows
}

fn uncertified(p: &Programme) -> Vec<Vec<String>> {
    let model = p.model;
    let mut rows = vec![header(
        p,
        &[
            "member",
            "name",
            "kind",
            "headcount",
            "certifiable",
            "missing",
            "reason",
        ],
    )];
    for (m, member) in model.members.iter().enumerate() {
        let verdict = &p.report.members[m];
        if !member.certificate || verdict.certified {
            continue;
        }
        let missing = member.themes & !p.validated(m);
        let reason = if !verdict.certifiable {
            crate::reasons::words(p, m, &verdict.reasons)
        } else if p.has_courses() {
            p.texts.get("cert-certifiable")
        } else {
            p.texts.get("reason-no-course")
        };
        rows.push(vec![
            member.id.clone(),
            member.name.clone(),
            kind(p, m),
            member.headcount.to_string(),
            p.texts.get(if verdict.certifiable { "yes" } else { "no" }),
            ids(model.theme_names(missing).iter().map(String::as_str)),
            reason,
        ]);
    }
    rows
}

fn kind(p: &Programme, m: usize) -> String {
    p.texts.get(if p.model.members[m].is_group {
        "kind-group"
    } else {
        "kind-participant"
    })
}

/// Ids joined with `;`, the list separator of every sheet.
fn ids<'a>(list: impl Iterator<Item = &'a str>) -> String {
    list.collect::<Vec<_>>().join(";")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> (rally_model::Model, rally_model::Plan) {
        crate::worked_example()
    }

    fn read(f: &OutFile) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(f.bytes.as_slice())
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect()
    }

    #[test]
    fn sheets_read_back_with_the_plan_contents() {
        let (model, plan) = example();
        let files = tables(&Programme::new(&model, &plan));
        let sessions = read(&files[2]);
        assert_eq!(sessions.len(), 4);
        assert_eq!(
            sessions[1][..4],
            ["w01/1", "w01", "A morning with a home helper", "2016-03-03"]
        );
        assert_eq!(sessions[1][11], "admr;pe");
        assert_eq!(sessions[3][13..], ["12", "11"]);
        let attendance = read(&files[0]);
        let rows: Vec<(&str, &str, &str)> = attendance[1..]
            .iter()
            .map(|r| (r[0].as_str(), r[6].as_str(), r[9].as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("w01/1", "g01", "10"),
                ("w01/2", "u0001", "1"),
                ("w02/1", "g01", "10"),
                ("w02/1", "u0001", "1")
            ]
        );
        assert!(attendance[1..].iter().all(|r| r[10].is_empty()));
        let certs = read(&files[1]);
        assert_eq!(certs.len(), 3);
        assert_eq!(
            certs[1][4],
            "employers;realities;conditions;public;training;professions;career"
        );
        assert_eq!(read(&files[3]).len(), 1);
    }

    #[test]
    fn without_courses_everyone_is_uncertified_with_a_reason() {
        let (model, mut plan) = example();
        plan.courses = None;
        let files = tables(&Programme::new(&model, &plan));
        assert_eq!(read(&files[0]).len(), 1);
        assert_eq!(read(&files[1]).len(), 1);
        let unc = read(&files[3]);
        assert_eq!(unc.len(), 3);
        assert!(unc[1..].iter().all(|r| r[4] == "yes" && !r[6].is_empty()));
    }
}
