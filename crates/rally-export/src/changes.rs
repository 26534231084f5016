//! The changes of a re-plan for the people who will phone (SPEC §9):
//! `--changes FILE` as JSON or CSV, and a readable summary grouped by whom to
//! call (partners with their moved sessions, members with the sessions added
//! to and removed from their courses).

use rally_check::changes::{Changes, Moved};
use rally_model::replan::Standing;
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

fn moved_line(m: &Moved) -> String {
    let title = if m.title.is_empty() {
        String::new()
    } else {
        format!(" \"{}\"", m.title)
    };
    let new = if m.dropped {
        "removed from the edition".to_string()
    } else {
        m.new.label()
    };
    let who = match m.members.len() {
        0 => String::new(),
        n => format!(" [{n} member(s) to tell: {}]", m.members.join(", ")),
    };
    format!("{}{title}: {} → {new}{who}", m.session, m.old.label())
}

/// A readable summary: totals, then partners to call with their moved
/// sessions, then members to call with what was added and removed.
pub fn to_text(changes: &Changes) -> String {
    let mut s = String::new();
    let frozen = changes
        .frozen_until
        .as_ref()
        .map_or(String::new(), |d| format!(" (frozen until {d})"));
    let _ = writeln!(
        s,
        "changes against the published plan{frozen}: {} session(s) moved, {} member(s) rerouted \
         ({} session(s) added or removed)",
        changes.moved.len(),
        changes.rerouted.len(),
        changes.rerouted_count()
    );
    if !changes.dropped_sessions.is_empty() || !changes.dropped_members.is_empty() {
        let _ = writeln!(
            s,
            "  no longer in the edition: sessions [{}], members [{}]",
            changes.dropped_sessions.join(", "),
            changes.dropped_members.join(", ")
        );
    }
    if !changes.partners.is_empty() {
        let _ = writeln!(s, "partners to call ({}):", changes.partners.len());
        for p in &changes.partners {
            let _ = writeln!(s, "  {} {}", p.partner, p.name);
            for id in &p.sessions {
                if let Some(m) = changes.moved.iter().find(|m| &m.session == id) {
                    let _ = writeln!(s, "    {}", moved_line(m));
                }
            }
        }
    }
    let orphans: Vec<&Moved> = changes
        .moved
        .iter()
        .filter(|m| m.partners.is_empty())
        .collect();
    for m in orphans {
        let _ = writeln!(s, "  {}", moved_line(m));
    }
    if !changes.rerouted.is_empty() {
        let _ = writeln!(s, "members to call ({}):", changes.rerouted.len());
        for r in &changes.rerouted {
            let name = if r.name.is_empty() {
                String::new()
            } else {
                format!(" {}", r.name)
            };
            let mut parts = Vec::new();
            if !r.added.is_empty() {
                parts.push(format!("added {}", r.added.join(", ")));
            }
            if !r.removed.is_empty() {
                parts.push(format!("removed {}", r.removed.join(", ")));
            }
            let gone = if r.dropped {
                " (no longer in the edition)"
            } else {
                ""
            };
            let _ = writeln!(s, "  {}{name}{gone}: {}", r.member, parts.join("; "));
        }
    }
    s
}
