//! Calendars (RFC 5545): one per member (`members/<member id>.ics`, an
//! event per session of its course) and one per partner
//! (`partners/<partner id>.ics`, an event per session it runs): members and
//! partners in separate folders, so their ids never clash.
//!
//! Times are floating local times (the rally's own clock); UIDs are built
//! from the session, the member or partner and the edition, and DTSTAMP is
//! the calendar's start at midnight UTC, so the same plan gives the same
//! files. A member or partner with no session gets no file (a calendar must
//! hold at least one event).

use crate::files::OutFile;
use crate::view::{Programme, Scheduled};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};
use rally_check::Changes;
use rally_model::calendar::parse_date;
use std::collections::BTreeSet;

/// Every calendar file, sorted by path.
pub fn calendars(p: &Programme) -> Vec<OutFile> {
    build(p, None)
}

/// The calendars of a re-plan (SPEC §9), for people who imported those of
/// the published plan `old` (the same edition's view of OLD_PLAN): each
/// event keeps its UID, a moved one has `SEQUENCE:1`, and one no longer in a
/// calendar comes back as it was with `STATUS:CANCELLED`, so that calendar
/// programs update what they hold. Sessions and members the edition no
/// longer has cannot be shown, so are not cancelled.
pub fn calendars_from(p: &Programme, old: &Programme, changes: &Changes) -> Vec<OutFile> {
    build(p, Some((old, changes)))
}

/// What happened to an event since the published plan.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Kept,
    Moved,
    Cancelled,
}

fn build(p: &Programme, from: Option<(&Programme, &Changes)>) -> Vec<OutFile> {
    let moved: BTreeSet<&str> = from
        .iter()
        .flat_map(|(_, c)| c.moved.iter().map(|m| m.session.as_str()))
        .collect();
    let status = |view: &Programme, s: usize| {
        if moved.contains(view.session_id(&view.sessions[s])) {
            Status::Moved
        } else {
            Status::Kept
        }
    };
    // For one owner: its events now, and its events in the published plan no longer there.
    let events = |owner: &str, now: &[usize], before: Option<(&Programme, Vec<usize>)>| {
        let ids: BTreeSet<&str> = now.iter().map(|&s| p.session_id(&p.sessions[s])).collect();
        let mut list: Vec<Event> = now
            .iter()
            .map(|&s| event(p, &p.sessions[s], owner, status(p, s)))
            .collect();
        if let Some((old, sessions)) = before {
            for s in sessions {
                if !ids.contains(old.session_id(&old.sessions[s])) {
                    list.push(event(old, &old.sessions[s], owner, Status::Cancelled));
                }
            }
        }
        list
    };
    let mut files = Vec::new();
    for (m, member) in p.model.members.iter().enumerate() {
        let before = from.map(|(old, _)| (old, old.course(m).to_vec()));
        let list = events(&member.id, p.course(m), before);
        if !list.is_empty() {
            let name = format!("{} — {}", member.name, p.edition_name());
            files.push(file(format!("members/{}.ics", member.id), &name, list));
        }
    }
    for (o, partner) in p.model.partners.iter().enumerate() {
        let owner = format!("partner-{}", partner.id);
        let before = from.map(|(old, _)| (old, old.partner_sessions(o)));
        let list = events(&owner, &p.partner_sessions(o), before);
        if !list.is_empty() {
            let name = format!("{} — {}", partner.name, p.edition_name());
            files.push(file(format!("partners/{}.ics", partner.id), &name, list));
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

fn file(path: String, name: &str, events: Vec<Event>) -> OutFile {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", "-//rally//job rally export//EN"));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.name(name);
    for e in events {
        cal.push(e);
    }
    OutFile::text(path, cal.done().to_string())
}

/// A session as an event of `owner`'s calendar.
fn event(p: &Programme, s: &Scheduled, owner: &str, status: Status) -> Event {
    let model = p.model;
    let date = p.date(s);
    let at = |minutes: u32| {
        date.and_hms_opt(minutes / 60, minutes % 60, 0)
            .unwrap_or_default()
    };
    let organisers: Vec<&str> = p
        .organisers(s)
        .iter()
        .map(|&o| model.partners[o].name.as_str())
        .collect();
    let (_, venue) = p.venue(s.at.venue);
    let t = &p.texts;
    let mut lines = vec![
        t.with(
            "ics-session",
            &[
                ("session", p.session_id(s).into()),
                ("title", p.title(s).into()),
            ],
        ),
        t.with("ics-organisers", &[("names", organisers.join(", ").into())]),
        t.with(
            "ics-themes",
            &[(
                "names",
                p.theme_names(model.workshops[s.workshop].themes).into(),
            )],
        ),
    ];
    if p.has_courses() {
        lines.push(t.with(
            "ics-seats",
            &[
                ("taken", p.taken(s).into()),
                ("capacity", s.capacity.into()),
            ],
        ));
    }
    let description = lines.join("\n");
    let mut event = Event::new();
    event
        .uid(&uid(p, s, owner))
        .timestamp(stamp(p))
        .summary(&format!("{} ({})", p.title(s), p.session_id(s)))
        .location(venue)
        .description(&description)
        .starts(at(s.start))
        .ends(at(s.end));
    for (k, &o) in p.organisers(s).iter().enumerate() {
        let partner = &model.partners[o];
        let key = if k == 0 { "ORGANIZER" } else { "ATTENDEE" };
        let mut prop = Property::new(key, format!("urn:x-rally:partner:{}", partner.id));
        prop.add_parameter("CN", &partner.name.replace('"', "'"));
        if k > 0 {
            prop.add_parameter("ROLE", "CHAIR");
        }
        event.append_multi_property(prop.done());
    }
    event.append_property(Property::new(
        "CATEGORIES",
        p.theme_list(model.workshops[s.workshop].themes)
            .into_iter()
            .map(|t| model.themes[t].as_str())
            .collect::<Vec<_>>()
            .join(","),
    ));
    if status != Status::Kept {
        event.sequence(1);
    }
    if status == Status::Cancelled {
        event.status(EventStatus::Cancelled);
    }
    event.done()
}

/// `w01/2.g01.rally-of-home-care-jobs-haute-vienne-2016@rally`.
fn uid(p: &Programme, s: &Scheduled, owner: &str) -> String {
    // Not the translated default name: the same event keeps its UID in any language.
    let name = p.model.edition.edition.as_deref().unwrap_or("Job rally");
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug
        .split('-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("{}.{owner}.{slug}@rally", p.session_id(s))
}

/// DTSTAMP: the calendar's start at midnight UTC.
fn stamp(p: &Programme) -> chrono::DateTime<chrono::Utc> {
    let start = parse_date(&p.model.edition.calendar.start)
        .or_else(|| p.model.grid.days.first().copied())
        .unwrap_or_default();
    start.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> (rally_model::Model, rally_model::Plan) {
        crate::worked_example()
    }

    /// (property name, params, value) of every property of every event.
    fn parse(text: &str) -> Vec<Vec<(String, String, String)>> {
        let reader = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
        let mut events = Vec::new();
        for cal in reader {
            let cal = cal.expect("a second parser reads the calendar");
            for e in cal.events {
                events.push(
                    e.properties
                        .into_iter()
                        .map(|p| {
                            let params = p
                                .params
                                .unwrap_or_default()
                                .into_iter()
                                .map(|(k, v)| format!("{k}={}", v.join(",")))
                                .collect::<Vec<_>>()
                                .join(";");
                            (p.name, params, p.value.unwrap_or_default())
                        })
                        .collect(),
                );
            }
        }
        events
    }

    fn value<'a>(event: &'a [(String, String, String)], name: &str) -> &'a str {
        &event.iter().find(|p| p.0 == name).unwrap().2
    }

    #[test]
    fn a_second_parser_reads_back_every_event() {
        let (model, plan) = example();
        let files = calendars(&Programme::new(&model, &plan));
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "members/g01.ics",
                "members/u0001.ics",
                "partners/admr.ics",
                "partners/pe.ics"
            ]
        );
        let g01 = parse(std::str::from_utf8(&files[0].bytes).unwrap());
        assert_eq!(g01.len(), 2);
        let first = &g01[0];
        assert_eq!(value(first, "DTSTART"), "20160303T090000");
        assert_eq!(value(first, "DTEND"), "20160303T113000");
        assert_eq!(value(first, "DTSTAMP"), "20160301T000000Z");
        assert_eq!(
            value(first, "UID"),
            "w01/1.g01.tiny-rally-of-home-care-jobs-haute-vienne-2016@rally"
        );
        assert_eq!(value(first, "LOCATION"), "Cité des métiers\\, Limoges");
        let organizer = first.iter().find(|p| p.0 == "ORGANIZER").unwrap();
        assert_eq!(organizer.1, "CN=ADMR Haute-Vienne");
        assert_eq!(organizer.2, "urn:x-rally:partner:admr");
        let chair = first.iter().find(|p| p.0 == "ATTENDEE").unwrap();
        assert!(chair.1.contains("CN=France Travail Limoges"));
        assert_eq!(value(first, "CATEGORIES"), "realities,conditions");
        let admr = parse(std::str::from_utf8(&files[2].bytes).unwrap());
        assert_eq!(admr.len(), 3);
        let uids: Vec<&str> = admr.iter().map(|e| value(e, "UID")).collect();
        assert!(uids.iter().all(|u| u.contains(".partner-admr.")));
    }

    #[test]
    fn calendars_are_deterministic_and_keep_to_the_line_limit() {
        let (model, plan) = example();
        let a = calendars(&Programme::new(&model, &plan));
        assert_eq!(a, calendars(&Programme::new(&model, &plan)));
        for f in &a {
            let text = std::str::from_utf8(&f.bytes).unwrap();
            assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
            assert_eq!(text.matches("\r\nVERSION:2.0\r\n").count(), 1);
            assert_eq!(text.matches("\r\nPRODID:").count(), 1);
            assert!(text.split("\r\n").all(|l| l.len() <= 75), "{}", f.path);
        }
    }
}
