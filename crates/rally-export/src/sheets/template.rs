//! `rally import --template`: every sheet with its header and one example
//! row; the example rows make a small valid edition.

use super::write::write;
use crate::files::OutFile;
use rally_model::types::*;

fn s(text: &str) -> String {
    text.to_string()
}

fn some(text: &str) -> Option<String> {
    Some(s(text))
}

fn list(items: &[&str]) -> Vec<String> {
    items.iter().map(|i| s(i)).collect()
}

fn availability(cell: &str) -> Option<Availability> {
    super::cell::availability(cell).unwrap_or_default()
}

/// The example edition behind the template: one row per sheet.
pub fn example() -> Edition {
    Edition {
        edition: some("Rally of home-care jobs — Haute-Vienne 2016"),
        calendar: Calendar {
            start: s("2016-03-01"),
            end: s("2016-03-31"),
            weekdays: Some(list(&["mon", "tue", "wed", "thu", "fri"])),
            closed: list(&["2016-03-28"]),
            slots: Some(vec![Slot {
                id: s("morning"),
                name: some("Morning"),
                start: s("09:00"),
                end: s("12:00"),
            }]),
        },
        themes: Some(vec![Theme {
            id: s("employers"),
            name: some("Employers and work situations"),
        }]),
        territories: vec![Territory {
            id: s("87"),
            name: some("Haute-Vienne"),
        }],
        places: vec![Place {
            id: s("lycee-limosin"),
            name: some("Lycée Léonard Limosin"),
            territory: s("87"),
        }],
        venues: vec![Venue {
            id: s("limoges-cm"),
            name: some("Cité des métiers, Limoges"),
            territory: s("87"),
            capacity: 30,
            features: list(&["accessible", "kitchen"]),
            availability: availability("except: wed"),
        }],
        travel: vec![Travel {
            between: list(&["limoges-cm", "lycee-limosin"]),
            minutes: 15,
        }],
        partners: vec![Partner {
            id: s("admr87"),
            name: some("ADMR Haute-Vienne"),
            kind: s("home-care-service"),
            territory: some("87"),
            parallel: Some(1),
            max_per_day: Some(2),
            availability: availability("only: mon,tue,thu,fri; except: 2016-03-14..2016-03-18"),
        }],
        workshops: vec![Workshop {
            id: s("w01"),
            title: some("A morning with a home helper"),
            themes: list(&["employers"]),
            organisers: list(&["admr87"]),
            sessions: Some(2),
            duration: Some(150),
            capacity: Capacity { min: 4, max: 30 },
            venues: Some(list(&["limoges-cm"])),
            needs: list(&["kitchen"]),
            territory: some("87"),
            audience: Some(list(&["student", "job-seeker"])),
            availability: None,
        }],
        groups: vec![Group {
            id: s("g01"),
            name: some("Lycée Limosin, 1st year care assistants"),
            profile: some("student"),
            size: 24,
            territory: some("87"),
            base: some("lycee-limosin"),
            max_per_day: Some(2),
            max_days: Some(4),
            themes: None,
            certificate: Some(true),
            availability: availability("only: tue,thu"),
        }],
        participants: vec![Participant {
            id: s("u0001"),
            name: some("Jeanne Martin"),
            profile: s("job-seeker"),
            territory: some("87"),
            base: some("limoges-cm"),
            max_travel: Some(45),
            max_per_day: Some(2),
            wishes: list(&["w01"]),
            themes: None,
            certificate: Some(true),
            availability: None,
        }],
        pinned: vec![Pin {
            session: s("w01/1"),
            date: s("2016-03-03"),
            slot: s("morning"),
            venue: s("limoges-cm"),
        }],
        rules: Rules {
            theme_sessions_per_week: Some(1),
            certificate: None,
            weights: None,
        },
    }
}

/// The template sheets.
pub fn template() -> Vec<OutFile> {
    write(&example())
}
