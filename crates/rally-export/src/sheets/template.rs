//! `rally import --template`: every sheet with its header and one example
//! row (the seven default themes and the two default slots in full); the
//! example rows make a small valid edition.

use super::workbook_write::workbook;
use super::write::write;
use crate::files::OutFile;
use crate::i18n::Texts;
use rally_model::model::DEFAULT_THEMES;
use rally_model::types::*;
use rust_xlsxwriter::XlsxError;

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

/// The example edition behind the template: one row per sheet, the seven
/// default themes and the two default slots, named in the language of `texts`.
pub fn example(texts: &Texts) -> Edition {
    let slot = |id: &str, start: &str, end: &str| Slot {
        id: s(id),
        name: Some(texts.get(&format!("slot-{id}"))),
        start: s(start),
        end: s(end),
    };
    Edition {
        edition: some("Rally of home-care jobs — Haute-Vienne 2016"),
        calendar: Calendar {
            start: s("2016-03-01"),
            end: s("2016-03-31"),
            weekdays: Some(list(&["mon", "tue", "wed", "thu", "fri"])),
            closed: list(&["2016-03-28"]),
            slots: Some(vec![
                slot("morning", "09:00", "12:00"),
                slot("afternoon", "14:00", "17:00"),
            ]),
        },
        themes: Some(
            DEFAULT_THEMES
                .iter()
                .map(|id| Theme {
                    id: s(id),
                    name: Some(texts.get(&format!("theme-{id}"))),
                })
                .collect(),
        ),
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

/// The template sheets, as CSV files.
pub fn template(texts: &Texts) -> Vec<OutFile> {
    write(&example(texts))
}

/// The template sheets, as a workbook.
pub fn workbook_template(texts: &Texts) -> Result<Vec<u8>, XlsxError> {
    workbook(&example(texts), texts)
}
