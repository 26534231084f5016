//! Partners: 15–44 local ones of every kind per département, and regional
//! ones that co-organise workshops in the départements of their region.

use rally_model::model::PARTNER_KINDS;
use rally_model::types::{Edition, Partner};
use rand::seq::{IndexedRandom, SliceRandom};
use rand::Rng;
use std::collections::HashSet;

use crate::departements::Departement;
use crate::geography::Geography;
use crate::month::Month;
use crate::names::{fill, partner_templates, REGIONAL};
use crate::{avail, Profile, Random};

/// How often each kind comes up beyond the first partner of every kind.
const KIND_WEIGHTS: [u32; 7] = [30, 15, 10, 15, 10, 10, 10];

/// A partner as the generator sees it while it hands out workshops.
pub(crate) struct Organiser {
    pub id: String,
    pub kind: &'static str,
    /// The periods it is available.
    pub free: u64,
    /// Sessions it organises so far.
    pub load: u32,
    /// Sessions it can comfortably take on.
    pub cap: u32,
}

impl Organiser {
    /// Whether it can take on `sessions` more.
    pub fn has_room(&self, sessions: u32) -> bool {
        self.load + sessions <= self.cap
    }
}

/// Writes the local partners of a département into `ed`.
pub(crate) fn local(
    rng: &mut Random,
    month: &Month,
    dep: &Departement,
    geo: &Geography,
    profile: Profile,
    ed: &mut Edition,
) -> Vec<Organiser> {
    let count = rng.random_range(15..=44);
    let mut kinds: Vec<&'static str> = PARTNER_KINDS.to_vec();
    while kinds.len() < count {
        let k = weighted(rng, &KIND_WEIGHTS);
        kinds.push(PARTNER_KINDS[k]);
    }
    kinds.shuffle(rng);
    let mut names = HashSet::new();
    let mut out = Vec::new();
    for (i, kind) in kinds.into_iter().enumerate() {
        let town = *geo.towns.choose(rng).expect("towns");
        let template = partner_templates(kind).choose(rng).expect("templates");
        let plain = fill(template, dep, town);
        let name = std::iter::once(plain.clone())
            .chain(geo.towns.iter().map(|t| format!("{plain} — {t}")))
            .find(|n| !names.contains(n))
            .unwrap_or(plain);
        names.insert(name.clone());
        let big = matches!(kind, "home-care-service" | "employment" | "training");
        let parallel = (big && rng.random_bool(0.25)).then_some(2);
        let max_per_day = match rng.random_range(0..20) {
            0..=2 => Some(1),
            3..=4 => Some(3),
            _ => None,
        };
        let availability = match profile {
            Profile::Generous => avail::partner(rng, month),
            Profile::Tight => avail::busy_partner(rng, month),
        };
        let free = month.free(availability.as_ref());
        let per_day = max_per_day.unwrap_or(2).min(2);
        let cap = 12
            .min(free.count_ones() / 3)
            .min(month.free_days(free) * per_day / 2);
        let id = format!("{}-p{:02}", dep.code, i + 1);
        ed.partners.push(Partner {
            id: id.clone(),
            name: Some(name),
            kind: kind.into(),
            territory: Some(dep.code.into()),
            parallel,
            max_per_day,
            availability,
        });
        out.push(Organiser {
            id,
            kind,
            free,
            load: 0,
            cap,
        });
    }
    out
}

/// Writes the 2–3 regional partners of region `region` (the départements
/// `deps`) into `ed`. They run several sessions at once across the region.
pub(crate) fn regional(
    rng: &mut Random,
    month: &Month,
    region: usize,
    deps: &[Departement],
    ed: &mut Edition,
) -> Vec<Organiser> {
    let codes: Vec<&str> = deps.iter().map(|d| d.code).collect();
    let count = rng.random_range(2..=3);
    let mut out = Vec::new();
    for (k, &(name, kind)) in REGIONAL.choose_multiple(rng, count).enumerate() {
        let id = format!("r{}-p{}", region + 1, k + 1);
        let availability = avail::partner(rng, month);
        ed.partners.push(Partner {
            id: id.clone(),
            name: Some(format!("{name} ({})", codes.join(", "))),
            kind: kind.into(),
            territory: None,
            parallel: Some(3),
            max_per_day: Some(4),
            availability: availability.clone(),
        });
        out.push(Organiser {
            id,
            kind,
            free: month.free(availability.as_ref()),
            load: 0,
            cap: 8 * deps.len() as u32,
        });
    }
    out
}

/// An index drawn with the given weights.
pub(crate) fn weighted(rng: &mut Random, weights: &[u32]) -> usize {
    let mut x = rng.random_range(0..weights.iter().sum::<u32>());
    for (i, &w) in weights.iter().enumerate() {
        if x < w {
            return i;
        }
        x -= w;
    }
    unreachable!("x is below the sum of the weights")
}
