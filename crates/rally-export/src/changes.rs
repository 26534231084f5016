//! The changes of a re-plan for the people who will phone (SPEC §9):
//! `--changes FILE` as JSON or CSV, and a readable summary grouped by whom to
//! call (partners with their moved sessions, members with the sessions added
//! to and removed from their courses).

use crate::i18n::Texts;
use rally_check::changes::{Changes, Moved};
use rally_model::calendar::parse_date;
use rally_model::replan::Standing;
use rally_model::Model;
use std::fmt::Write;

/// The changes as pretty JSON (the [`Changes`] fields), with a final newline.
pub fn to_json(changes: &Changes) -> Vec<u8> {
    let mut text = serde_json::to_string_pretty(changes).expect("changes serialize");
    text.push('\n');
    text.into_bytes()
}

/// The changes as one CSV row per change: `moved` (one row per organiser),
/// `added` and `removed` (one row per member and session), `dropped` members.
pub fn to_csv(changes: &Changes) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let head = [
        "change",
        "session",
        "workshop",
        "partner",
        "member",
        "name",
        "old_date",
        "old_slot",
        "old_venue",
        "new_date",
        "new_slot",
        "new_venue",
    ];
    let _ = w.write_record(head);
    let place = |s: &Standing| match s {
        Standing::Placed { date, slot, venue } => [date.clone(), slot.clone(), venue.clone()],
        Standing::Unscheduled => Default::default(),
    };
    for m in &changes.moved {
        let partners: Vec<&str> = if m.partners.is_empty() {
            vec![""]
        } else {
            m.partners.iter().map(String::as_str).collect()
        };
        for p in partners {
            let mut row = vec![
                "moved".to_string(),
                m.session.clone(),
                m.workshop.clone(),
                p.to_string(),
                String::new(),
                m.title.clone(),
            ];
            row.extend(place(&m.old));
            row.extend(place(&m.new));
            let _ = w.write_record(&row);
        }
    }
    for r in &changes.rerouted {
        let rows = r
            .added
            .iter()
            .map(|s| ("added", s))
            .chain(r.removed.iter().map(|s| ("removed", s)));
        for (kind, s) in rows {
            let mut row = vec![kind.to_string(), s.clone(), workshop_of(s), String::new()];
            row.extend([r.member.clone(), r.name.clone()]);
            row.extend(std::iter::repeat_n(String::new(), 6));
            let _ = w.write_record(&row);
        }
    }
    for m in &changes.dropped_members {
        let mut row = vec![
            "dropped".to_string(),
            String::new(),
            String::new(),
            String::new(),
        ];
        row.extend([m.clone(), String::new()]);
        row.extend(std::iter::repeat_n(String::new(), 6));
        let _ = w.write_record(&row);
    }
    w.into_inner().unwrap_or_default()
}

fn workshop_of(session: &str) -> String {
    session
        .rsplit_once('/')
        .map_or(session, |(w, _)| w)
        .to_string()
}

/// Where a session stands, in words: `mardi 8 mars 2016, matin, Cité des
/// métiers, Limoges` (a venue the edition no longer has by its id).
fn standing(t: &Texts, model: &Model, at: &Standing) -> String {
    match at {
        Standing::Placed { date, slot, venue } => {
            let day = parse_date(date).map_or(date.clone(), |d| t.date(d));
            let slot = crate::view::lower_first(&t.name_or("slot", slot, slot));
            t.with(
                "changes-at",
                &[
                    ("day", day.into()),
                    ("slot", slot.into()),
                    ("venue", venue_name(model, venue).into()),
                ],
            )
        }
        Standing::Unscheduled => t.get("changes-unscheduled"),
    }
}

/// A venue's name, its id when it has none or the edition lacks it.
fn venue_name<'a>(model: &'a Model, id: &'a str) -> &'a str {
    name_or(model.venue(id).map(|v| model.venues[v].name.as_str()), id)
}

/// A member's name, its id when it has none or the edition lacks it.
fn member_name<'a>(model: &'a Model, id: &'a str) -> &'a str {
    name_or(model.member(id).map(|m| model.members[m].name.as_str()), id)
}

/// `name` when there is one, else `id`.
fn name_or<'a>(name: Option<&'a str>, id: &'a str) -> &'a str {
    name.filter(|n| !n.is_empty()).unwrap_or(id)
}

fn moved_line(t: &Texts, model: &Model, m: &Moved) -> String {
    let session = if m.title.is_empty() {
        m.session.clone()
    } else {
        let title = t.with("quoted", &[("text", m.title.as_str().into())]);
        format!("{} {title}", m.session)
    };
    let new = if m.dropped {
        t.get("changes-removed-from-edition")
    } else {
        standing(t, model, &m.new)
    };
    let line = t.with(
        "changes-moved",
        &[
            ("session", session.into()),
            ("old", standing(t, model, &m.old).into()),
            ("new", new.into()),
        ],
    );
    match m.members.len() {
        0 => line,
        n => {
            let names: Vec<&str> = m.members.iter().map(|id| member_name(model, id)).collect();
            let members = names.join(", ");
            let tell = t.with(
                "changes-tell",
                &[("n", n.into()), ("members", members.into())],
            );
            format!("{line} [{tell}]")
        }
    }
}

/// A readable summary in the language of `t`, with the names of `model` (the
/// edition re-planned): totals, then partners to call with their moved
/// sessions, then members to call with what was added and removed.
pub fn to_text(changes: &Changes, model: &Model, t: &Texts) -> String {
    let mut s = String::new();
    let args = [
        ("moved", changes.moved.len().into()),
        ("rerouted", changes.rerouted.len().into()),
        ("count", changes.rerouted_count().into()),
    ];
    let title = match &changes.frozen_until {
        Some(d) => {
            let date = parse_date(d).map_or(d.clone(), |d| t.date(d));
            let mut args = args.to_vec();
            args.push(("date", date.into()));
            t.with("changes-title-frozen", &args)
        }
        None => t.with("changes-title", &args),
    };
    let _ = writeln!(s, "{title}");
    if !changes.dropped_sessions.is_empty() || !changes.dropped_members.is_empty() {
        let args = [
            ("sessions", changes.dropped_sessions.join(", ").into()),
            ("members", changes.dropped_members.join(", ").into()),
        ];
        let _ = writeln!(s, "  {}", t.with("changes-dropped", &args));
    }
    if !changes.partners.is_empty() {
        let n = changes.partners.len();
        let _ = writeln!(s, "{}", t.with("changes-partners", &[("n", n.into())]));
        for p in &changes.partners {
            let _ = writeln!(s, "  {} {}", p.partner, p.name);
            for id in &p.sessions {
                if let Some(m) = changes.moved.iter().find(|m| &m.session == id) {
                    let _ = writeln!(s, "    {}", moved_line(t, model, m));
                }
            }
        }
    }
    for m in changes.moved.iter().filter(|m| m.partners.is_empty()) {
        let _ = writeln!(s, "  {}", moved_line(t, model, m));
    }
    if !changes.rerouted.is_empty() {
        let n = changes.rerouted.len();
        let _ = writeln!(s, "{}", t.with("changes-members", &[("n", n.into())]));
        for r in &changes.rerouted {
            let mut who = r.member.clone();
            if !r.name.is_empty() {
                who = format!("{who} {}", r.name);
            }
            if r.dropped {
                who = format!("{who} {}", t.get("changes-gone"));
            }
            let mut parts = Vec::new();
            if !r.added.is_empty() {
                parts.push(t.with("changes-added", &[("sessions", r.added.join(", ").into())]));
            }
            if !r.removed.is_empty() {
                let removed = r.removed.join(", ");
                parts.push(t.with("changes-removed", &[("sessions", removed.into())]));
            }
            let _ = writeln!(s, "  {}", t.labelled(&who, &parts.join("; ")));
        }
    }
    s
}
