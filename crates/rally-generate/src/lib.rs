//! Synthetic job rally editions (`rally generate --territories N --seed S`).
//!
//! An edition of N départements (the first N of [`DEPARTEMENTS`]) has, for
//! each, the proportions of a real one: 15–44 partners of every kind, about
//! 44 workshops over the seven themes (about 30% co-organised), about 10
//! venues and a few towns and schools on a road network, about 6 groups and
//! about 230 participants, over four weeks of weekdays with a public holiday
//! closed. Regional partners co-organise workshops in groups of four
//! neighbouring départements. Ids are prefixed with the département's code
//! (`87-w01`, `87-u0001`) or the region's (`r1-p2`).
//!
//! Availabilities are generous: every workshop's organisers share free
//! periods for its sessions on distinct days, and no partner is booked beyond
//! what its availability comfortably holds, so a good planner can place every
//! session and certify most members. The same seed gives the same edition.

mod avail;
mod departements;
mod geography;
mod members;
mod month;
mod names;
mod partners;
mod workshops;

pub use departements::{Departement, DEPARTEMENTS};

use rally_model::types::{Edition, Territory};
use rand::SeedableRng;

/// The random generator: ChaCha8, reproducible across platforms.
type Random = rand_chacha::ChaCha8Rng;

/// The largest number of territories an edition can have (every département).
pub const MAX_TERRITORIES: usize = DEPARTEMENTS.len();

/// Départements per region: regional partners work across one region.
const REGION_SIZE: usize = 4;

/// A synthetic edition of `territories` départements from `seed`.
///
/// # Panics
///
/// When `territories` is not within `1..=MAX_TERRITORIES`.
pub fn generate(territories: usize, seed: u64) -> Edition {
    assert!(
        (1..=MAX_TERRITORIES).contains(&territories),
        "an edition has 1 to {MAX_TERRITORIES} territories, not {territories}"
    );
    let mut rng = Random::seed_from_u64(seed);
    let month = month::Month::pick(&mut rng);
    let deps = &DEPARTEMENTS[..territories];
    let name = match deps {
        [one] => one.name.to_string(),
        _ => format!("{territories} départements"),
    };
    let mut ed = Edition {
        edition: Some(format!("Rally of home-care jobs — {name} {}", month.year)),
        calendar: month.calendar.clone(),
        themes: None,
        territories: deps
            .iter()
            .map(|d| Territory {
                id: d.code.into(),
                name: Some(d.name.into()),
            })
            .collect(),
        places: Vec::new(),
        venues: Vec::new(),
        travel: Vec::new(),
        partners: Vec::new(),
        workshops: Vec::new(),
        groups: Vec::new(),
        participants: Vec::new(),
        pinned: Vec::new(),
        rules: Default::default(),
    };
    for (r, region) in deps.chunks(REGION_SIZE).enumerate() {
        let mut regional = partners::regional(&mut rng, &month, r, region, &mut ed);
        for dep in region {
            let geo = geography::build(&mut rng, &month, dep, &mut ed);
            let mut local = partners::local(&mut rng, &month, dep, &geo, &mut ed);
            let shops = workshops::build(
                &mut rng,
                &month,
                dep,
                &geo,
                &mut local,
                &mut regional,
                &mut ed,
            );
            members::groups(&mut rng, &month, dep, &geo, &mut ed);
            members::participants(&mut rng, &month, dep, &geo, &shops, &mut ed);
        }
    }
    ed
}

/// [`generate`], written as pretty JSON: a valid edition file.
pub fn generate_json(territories: usize, seed: u64) -> String {
    serde_json::to_string_pretty(&generate(territories, seed)).expect("an edition serializes")
}
