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
//! Two [`Profile`]s. In both, every workshop's organisers share free periods
//! for its sessions on distinct days, so a good planner can place every
//! session. A *generous* edition has seats, partners and participants to
//! spare: a good plan certifies nearly everyone. A *tight* one is closer to
//! real editions: seats per theme close to the demand of those who want a
//! certificate, most partners free one to three weekdays, many participants
//! with narrow availability and longer roads in rural départements, so a good
//! plan leaves people uncertified. The same seed and profile give the same
//! edition.

#![warn(missing_docs)]

mod avail;
mod departements;
mod geography;
mod members;
mod month;
mod names;
mod partners;
mod profile;
mod workshops;

pub use departements::{Departement, DEPARTEMENTS};
pub use profile::Profile;

use rally_model::types::{Edition, Territory};
use rand::SeedableRng;

/// The random generator: ChaCha8, reproducible across platforms.
type Random = rand_chacha::ChaCha8Rng;

/// The largest number of territories an edition can have (every département).
pub const MAX_TERRITORIES: usize = DEPARTEMENTS.len();

/// Départements per region: regional partners work across one region.
const REGION_SIZE: usize = 4;

/// A synthetic edition of `territories` départements from `seed`, of the
/// [`Profile::Generous`] profile.
///
/// # Panics
///
/// When `territories` is not within `1..=MAX_TERRITORIES`.
pub fn generate(territories: usize, seed: u64) -> Edition {
    generate_with(territories, seed, Profile::Generous)
}

/// The small editions that tests of many seeds run on: one département, of
/// the tight profile for even seeds and the generous one for odd seeds, cut
/// to its first `participants`, compiled.
pub fn sample(seed: u64, participants: usize) -> rally_model::Model {
    let profile = if seed.is_multiple_of(2) {
        Profile::Tight
    } else {
        Profile::Generous
    };
    let mut ed = generate_with(1, seed, profile);
    ed.participants.truncate(participants);
    let text = serde_json::to_string(&ed).expect("an edition serializes");
    rally_model::parse_edition(&text).expect("a generated edition is valid")
}

/// A synthetic edition of `territories` départements from `seed`, of the
/// given profile.
///
/// # Panics
///
/// When `territories` is not within `1..=MAX_TERRITORIES`.
pub fn generate_with(territories: usize, seed: u64, profile: Profile) -> Edition {
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
            let geo = geography::build(&mut rng, &month, dep, profile, &mut ed);
            let mut local = partners::local(&mut rng, &month, dep, &geo, profile, &mut ed);
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
            members::participants(&mut rng, &month, dep, &geo, &shops, profile, &mut ed);
            if profile == Profile::Tight {
                profile::fit_seats(&mut rng, dep, &mut ed);
            }
        }
    }
    ed
}

/// [`generate`], written as pretty JSON: a valid edition file.
pub fn generate_json(territories: usize, seed: u64) -> String {
    generate_json_with(territories, seed, Profile::Generous)
}

/// [`generate_with`], written as pretty JSON: a valid edition file.
pub fn generate_json_with(territories: usize, seed: u64, profile: Profile) -> String {
    let edition = generate_with(territories, seed, profile);
    serde_json::to_string_pretty(&edition).expect("an edition serializes")
}
