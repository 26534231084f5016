//! Slots named where a slot id is expected: a team writes `matin` or
//! `Après-midi` in a pin or an availability, the edition holds the slot's
//! id. A name is matched in any case, with or without accents, against the
//! edition's slot names, or, for the default slots, against their French and
//! English names; an id is always kept as it is.

use super::cell::fold;
use crate::i18n::{Lang, Texts};
use rally_model::types::{Availability, Edition};

/// (folded name, slot id) of every slot name of the edition.
fn names(e: &Edition) -> Vec<(String, String)> {
    match &e.calendar.slots {
        Some(slots) => slots
            .iter()
            .filter_map(|s| Some((fold(s.name.as_deref()?.trim()), s.id.clone())))
            .collect(),
        None => ["morning", "afternoon"]
            .iter()
            .flat_map(|id| {
                [Lang::En, Lang::Fr].map(|lang| {
                    (
                        fold(&Texts::new(lang).get(&format!("slot-{id}"))),
                        id.to_string(),
                    )
                })
            })
            .collect(),
    }
}

/// Replaces the slot names of pins and availabilities by the slots' ids.
pub fn resolve(e: &mut Edition) {
    let names = names(e);
    let ids: Vec<String> = match &e.calendar.slots {
        Some(slots) => slots.iter().map(|s| s.id.clone()).collect(),
        None => vec!["morning".into(), "afternoon".into()],
    };
    let id_of = |text: &mut String| {
        if ids.contains(text) {
            return;
        }
        let folded = fold(text.trim());
        if let Some((_, id)) = names.iter().find(|(name, _)| *name == folded) {
            *text = id.clone();
        }
    };
    let in_availability = |a: &mut Option<Availability>| {
        let Some(a) = a else { return };
        for rules in [&mut a.only, &mut a.except].into_iter().flatten() {
            for slot in rules.iter_mut().filter_map(|r| r.slots.as_mut()).flatten() {
                id_of(slot);
            }
        }
    };
    for p in &mut e.pinned {
        id_of(&mut p.slot);
    }
    e.venues
        .iter_mut()
        .for_each(|v| in_availability(&mut v.availability));
    e.partners
        .iter_mut()
        .for_each(|p| in_availability(&mut p.availability));
    e.workshops
        .iter_mut()
        .for_each(|w| in_availability(&mut w.availability));
    e.groups
        .iter_mut()
        .for_each(|g| in_availability(&mut g.availability));
    e.participants
        .iter_mut()
        .for_each(|p| in_availability(&mut p.availability));
}
