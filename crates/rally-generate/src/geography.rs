//! A département's map: its towns and schools (places), its venues, and the
//! roads between them.
//!
//! The seat's first venue is the hub; every other town hangs on it by a road
//! of 20–50 minutes and every node lies within 60 minutes of it, so any two
//! venues are at most two hours apart: a partner can always run a morning
//! session in one and an afternoon session in another. In a tight edition,
//! half the départements are rural: their roads outside the seat take 1.5 to
//! 2 times as long.

use rally_model::types::{Edition, Place, Travel, Venue};
use rand::seq::IndexedRandom;
use rand::Rng;

use crate::departements::Departement;
use crate::month::Month;
use crate::names::{fill, FEATURES, SCHOOLS, SEAT_VENUES, TOWNS, TOWN_VENUES};
use crate::{avail, Profile, Random};

/// A venue as the generator sees it.
pub(crate) struct VenueInfo {
    pub id: String,
    pub features: Vec<String>,
    /// The periods it is open (see [`Month::free`]).
    pub free: u64,
    /// Whether it is in the seat (the seat's venues are always open).
    pub seat: bool,
}

/// A node a member may live or study at, and its road time to the hub.
pub(crate) struct Base {
    pub id: String,
    pub to_hub: u32,
    pub seat: bool,
}

/// A school (a place), the base of its classes.
pub(crate) struct School {
    pub id: String,
    pub name: String,
}

/// What the rest of the département needs to know of its map.
pub(crate) struct Geography {
    /// Town names, the seat first.
    pub towns: Vec<&'static str>,
    /// Venues, the hub first.
    pub venues: Vec<VenueInfo>,
    pub bases: Vec<Base>,
    pub schools: Vec<School>,
    /// The id of the seat's town place.
    pub seat_place: String,
}

/// Writes the département's places, venues and roads into `ed`.
pub(crate) fn build(
    rng: &mut Random,
    month: &Month,
    dep: &Departement,
    profile: Profile,
    ed: &mut Edition,
) -> Geography {
    let code = dep.code;
    // Tenths of the generous road times outside the seat.
    let stretch = match profile {
        Profile::Tight if rng.random_bool(0.5) => rng.random_range(15..=20),
        _ => 10,
    };
    let far = |minutes: u32| (minutes * stretch).div_ceil(50) * 5;
    let mut towns = vec![dep.seat];
    let others = rng.random_range(3..=4);
    towns.extend(TOWNS.choose_multiple(rng, others));
    let mut geo = Geography {
        towns,
        venues: Vec::new(),
        bases: Vec::new(),
        schools: Vec::new(),
        seat_place: format!("{code}-t0"),
    };
    let mut roads = Vec::new();
    let mut road = |a: &str, b: &str, minutes: u32| {
        roads.push(Travel {
            between: vec![a.to_string(), b.to_string()],
            minutes,
        })
    };

    // The seat: its venues around the hub, and the town centre.
    for (i, &(name, capacity, features)) in SEAT_VENUES.iter().enumerate() {
        let id = format!("{code}-v{:02}", i + 1);
        let to_hub = if i == 0 {
            0
        } else {
            rng.random_range(2..=3) * 5
        };
        if i > 0 {
            road(&geo.venues[0].id, &id, to_hub);
        }
        ed.venues.push(Venue {
            id: id.clone(),
            name: Some(fill(name, dep, dep.seat)),
            territory: code.into(),
            capacity,
            features: features.iter().map(|f| f.to_string()).collect(),
            availability: None,
        });
        geo.bases.push(Base {
            id: id.clone(),
            to_hub,
            seat: true,
        });
        geo.venues.push(VenueInfo {
            id,
            features: features.iter().map(|f| f.to_string()).collect(),
            free: month.all(),
            seat: true,
        });
    }
    let hub = geo.venues[0].id.clone();
    road(&hub, &geo.seat_place, 10);
    geo.bases.push(Base {
        id: geo.seat_place.clone(),
        to_hub: 10,
        seat: true,
    });

    // The other towns: a main venue on the road to the hub, more venues next to it.
    let n_venues = rng.random_range(8..=12);
    let mut mains: Vec<(String, u32)> = Vec::new();
    for k in 0..n_venues - SEAT_VENUES.len() {
        let town = 1 + k % others;
        let id = format!("{code}-v{:02}", geo.venues.len() + 1);
        let to_hub = if k < others {
            let d = far(rng.random_range(4..=10) * 5);
            road(&hub, &id, d);
            mains.push((id.clone(), d));
            d
        } else {
            road(&mains[town - 1].0, &id, far(10));
            mains[town - 1].1 + far(10)
        };
        let availability = avail::venue(rng, month);
        let capacity = rng.random_range(6..=20) * 2;
        let features: Vec<String> = FEATURES
            .iter()
            .filter(|(_, p)| rng.random_bool(*p))
            .map(|(f, _)| f.to_string())
            .collect();
        let name = TOWN_VENUES.choose(rng).expect("venue names");
        ed.venues.push(Venue {
            id: id.clone(),
            name: Some(fill(name, dep, geo.towns[town])),
            territory: code.into(),
            capacity,
            features: features.clone(),
            availability: availability.clone(),
        });
        geo.bases.push(Base {
            id: id.clone(),
            to_hub,
            seat: false,
        });
        geo.venues.push(VenueInfo {
            id,
            features,
            free: month.free(availability.as_ref()),
            seat: false,
        });
    }
    // A direct road between two towns (shorter than through the seat, or not).
    road(&mains[0].0, &mains[1].0, far(rng.random_range(3..=9) * 5));

    // Places: the town centres and the schools.
    ed.places.push(Place {
        id: geo.seat_place.clone(),
        name: Some(format!("{}, centre-ville", dep.seat)),
        territory: code.into(),
    });
    for (t, (main, d)) in mains.iter().enumerate() {
        let id = format!("{code}-t{}", t + 1);
        ed.places.push(Place {
            id: id.clone(),
            name: Some(geo.towns[t + 1].to_string()),
            territory: code.into(),
        });
        road(main, &id, far(10));
        geo.bases.push(Base {
            id,
            to_hub: d + far(10),
            seat: false,
        });
    }
    let n_schools = rng.random_range(2..=3);
    for (s, school) in SCHOOLS.choose_multiple(rng, n_schools).enumerate() {
        let id = format!("{code}-s{}", s + 1);
        let town = if s == 0 {
            0
        } else {
            rng.random_range(1..=others)
        };
        let (near, d) = if town == 0 {
            (hub.as_str(), 0)
        } else {
            (mains[town - 1].0.as_str(), mains[town - 1].1)
        };
        let minutes = match town {
            0 => rng.random_range(2..=4) * 5,
            _ => far(rng.random_range(2..=4) * 5),
        };
        road(near, &id, minutes);
        let name = format!("Lycée professionnel {school}, {}", geo.towns[town]);
        ed.places.push(Place {
            id: id.clone(),
            name: Some(name.clone()),
            territory: code.into(),
        });
        geo.bases.push(Base {
            id: id.clone(),
            to_hub: d + minutes,
            seat: town == 0,
        });
        geo.schools.push(School { id, name });
    }
    ed.travel.extend(roads);
    geo
}
