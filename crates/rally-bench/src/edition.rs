//! What the table says of an edition: its size, read from the file itself.

use serde_json::Value;
use std::collections::HashMap;

/// The figures of an edition the table shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Size {
    /// Sessions of all its workshops.
    pub sessions: u64,
    /// Groups and participants.
    pub members: u64,
    /// Headcount of the members who want a certificate.
    pub wanting: u64,
    /// Each member's headcount, by id.
    pub headcount: HashMap<String, u64>,
}

/// Counts an edition's sessions and members (defaults as in docs/formats.md).
pub fn size(edition: &Value) -> Size {
    let list = |key: &str| edition[key].as_array().cloned().unwrap_or_default();
    let sessions = list("workshops")
        .iter()
        .map(|w| w["sessions"].as_u64().unwrap_or(1))
        .sum();
    let mut headcount = HashMap::new();
    let mut wanting = 0;
    for (key, group) in [("groups", true), ("participants", false)] {
        for m in list(key) {
            let heads = if group {
                m["size"].as_u64().unwrap_or(1)
            } else {
                1
            };
            if m["certificate"].as_bool() != Some(false) {
                wanting += heads;
            }
            headcount.insert(m["id"].as_str().unwrap_or_default().to_string(), heads);
        }
    }
    Size {
        sessions,
        members: headcount.len() as u64,
        wanting,
        headcount,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_default_to_one_and_groups_count_their_size() {
        let e = serde_json::json!({
            "workshops": [{"id": "a", "sessions": 3}, {"id": "b"}],
            "groups": [{"id": "g", "size": 12}],
            "participants": [{"id": "u1"}, {"id": "u2", "certificate": false}]
        });
        let s = size(&e);
        assert_eq!((s.sessions, s.members, s.wanting), (4, 3, 13));
        assert_eq!(s.headcount["g"], 12);
    }
}
