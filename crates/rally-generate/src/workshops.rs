//! Workshops: about 44 per département over the seven themes, about 30%
//! co-organised, and one pinned opening session.
//!
//! Organisers are chosen so that each workshop's organisers share enough free
//! periods for its sessions on distinct days, and no partner takes on more
//! sessions than its availability comfortably holds.

use rally_model::model::DEFAULT_THEMES;
use rally_model::types::{Availability, Capacity, Edition, Pin, Workshop};
use rand::seq::{IndexedRandom, SliceRandom};
use rand::Rng;

use crate::departements::Departement;
use crate::geography::{Geography, VenueInfo};
use crate::month::{Month, SLOTS};
use crate::names::{fill, THEME_LEADS, TITLES};
use crate::partners::{weighted, Organiser};
use crate::{avail, Random};

/// What members need to know of a workshop to wish for it.
pub(crate) struct WorkshopInfo {
    pub id: String,
    /// Profiles admitted (`None`: everyone).
    pub audience: Option<&'static [&'static str]>,
}

const AUDIENCES: [&[&str]; 4] = [
    &["student"],
    &["job-seeker", "retraining"],
    &["employee", "adviser"],
    &["student", "job-seeker", "retraining"],
];

const DURATIONS: [u32; 5] = [120, 135, 150, 165, 180];

/// The first workshops of a département, three per theme, seat whole
/// classes (28–30) in two or three sessions.
const BIG: usize = 21;

/// Writes the workshops of a département (and its pin) into `ed`.
pub(crate) fn build(
    rng: &mut Random,
    month: &Month,
    dep: &Departement,
    geo: &Geography,
    local: &mut [Organiser],
    regional: &mut [Organiser],
    ed: &mut Edition,
) -> Vec<WorkshopInfo> {
    let count = rng.random_range(40..=48);
    let mut co_organised: Vec<bool> = (0..count).map(|i| i < (count * 3 + 5) / 10).collect();
    co_organised.shuffle(rng);
    let offset = rng.random_range(0..DEFAULT_THEMES.len());
    let mut out = Vec::new();
    let mut pinned = false;
    for (i, co) in co_organised.into_iter().enumerate() {
        let primary = (offset + i) % DEFAULT_THEMES.len();
        let big = i < BIG;
        let staff = staff(rng, month, primary, big, co, local, regional);
        let (needs, venues) = rooms(rng, geo, big);
        let max = match big {
            true => rng.random_range(28..=30),
            false if rng.random_bool(0.35) => rng.random_range(24..=30),
            false => rng.random_range(12..=23),
        };
        let audience =
            (!big && rng.random_bool(0.12)).then(|| *AUDIENCES.choose(rng).expect("audiences"));
        let town = geo.towns.choose(rng).expect("towns");
        let title = fill(TITLES[primary].choose(rng).expect("titles"), dep, town);
        let id = format!("{}-w{:02}", dep.code, i + 1);
        let hub = &geo.venues[0];
        let opening = staff.free & hub.free & month.week(0);
        if !pinned
            && staff.all_local
            && venues.is_none()
            && audience.is_none()
            && needs.iter().all(|n| hub.features.contains(n))
            && opening != 0
        {
            let p = opening.trailing_zeros() as usize;
            ed.pinned.push(Pin {
                session: format!("{id}/1"),
                date: month.days[p / 2].date.clone(),
                slot: SLOTS[p % 2].into(),
                venue: hub.id.clone(),
            });
            pinned = true;
        }
        ed.workshops.push(Workshop {
            id: id.clone(),
            title: Some(title),
            themes: themes(rng, primary),
            organisers: staff.organisers,
            sessions: Some(staff.sessions),
            duration: rng
                .random_bool(0.5)
                .then(|| *DURATIONS.choose(rng).expect("durations")),
            capacity: Capacity {
                min: rng.random_range(3..=8),
                max,
            },
            venues,
            needs,
            territory: Some(dep.code.into()),
            audience: audience.map(|a| a.iter().map(|p| p.to_string()).collect()),
            availability: staff.availability,
        });
        out.push(WorkshopInfo { id, audience });
    }
    out
}

/// A workshop's sessions, own availability and organisers, who share `free`.
struct Staff {
    sessions: u32,
    availability: Option<Availability>,
    free: u64,
    organisers: Vec<String>,
    /// No regional partner among the organisers.
    all_local: bool,
}

/// Draws a workshop's sessions and availability, then a lead of a kind suited
/// to its primary theme and, when `co`-organised, one or two co-organisers
/// (sometimes a regional partner), all with room for its sessions. Gives up
/// the workshop's own availability, then sessions, rather than overload.
fn staff(
    rng: &mut Random,
    month: &Month,
    primary: usize,
    big: bool,
    co: bool,
    local: &mut [Organiser],
    regional: &mut [Organiser],
) -> Staff {
    let mut sessions = 1 + weighted(rng, &[30, 45, 25]) as u32;
    if big {
        sessions = sessions.max(2);
    }
    let mut availability = avail::workshop(rng, month);
    let mut free = month.free(availability.as_ref());
    let lead = loop {
        if let Some(l) = pick(rng, month, local, &[], sessions, free, THEME_LEADS[primary]) {
            break l;
        }
        if availability.is_some() {
            availability = None;
            free = month.all();
        } else if sessions > 1 {
            sessions -= 1;
        } else {
            break (0..local.len())
                .min_by_key(|&p| local[p].load)
                .expect("a département has partners");
        }
    };
    let mut organisers = vec![book(&mut local[lead], sessions, &mut free)];
    let mut taken = vec![lead];
    let mut all_local = true;
    let extra = if co {
        1 + rng.random_bool(0.3) as usize
    } else {
        0
    };
    for k in 0..extra {
        if k == 0 && !regional.is_empty() && rng.random_bool(0.4) {
            if let Some(r) = pick(rng, month, regional, &[], sessions, free, &[]) {
                organisers.push(book(&mut regional[r], sessions, &mut free));
                all_local = false;
                continue;
            }
        }
        if let Some(p) = pick(rng, month, local, &taken, sessions, free, &[]) {
            organisers.push(book(&mut local[p], sessions, &mut free));
            taken.push(p);
        }
    }
    Staff {
        sessions,
        availability,
        free,
        organisers,
        all_local,
    }
}

/// A workshop's `needs` (at most one feature) and, for some, its allowed
/// venues: one in the seat and one or two in the towns, all with the feature.
/// Workshops for whole classes (`big`) need nothing and may use any venue.
fn rooms(rng: &mut Random, geo: &Geography, big: bool) -> (Vec<String>, Option<Vec<String>>) {
    let need = match rng.random_range(0..100) {
        _ if big => None,
        0..=11 => Some("kitchen"),
        12..=21 => Some("care-room"),
        22..=26 => Some("computers"),
        _ => None,
    };
    let fits = |v: &&VenueInfo| need.is_none_or(|n| v.features.iter().any(|f| f == n));
    let venues = (!big && rng.random_bool(0.15)).then(|| {
        let seat: Vec<&VenueInfo> = geo.venues.iter().filter(|v| v.seat).filter(fits).collect();
        let town: Vec<&VenueInfo> = geo.venues.iter().filter(|v| !v.seat).filter(fits).collect();
        let k = rng.random_range(1..=2);
        let mut list: Vec<String> = seat.choose(rng).map(|v| v.id.clone()).into_iter().collect();
        list.extend(town.choose_multiple(rng, k).map(|v| v.id.clone()));
        list.sort();
        list
    });
    (need.into_iter().map(String::from).collect(), venues)
}

/// Whether free periods leave room for `sessions` sessions on distinct days.
fn roomy(month: &Month, free: u64, sessions: u32) -> bool {
    free.count_ones() >= 3 * sessions && month.free_days(free) > sessions
}

/// An organiser for a workshop of `sessions` sessions whose organisers so far
/// are free in `free`: one with room that keeps enough periods free, not in
/// `taken`, the less loaded of two drawn at random; mostly of a kind in `prefer`.
fn pick(
    rng: &mut Random,
    month: &Month,
    pool: &[Organiser],
    taken: &[usize],
    sessions: u32,
    free: u64,
    prefer: &[&str],
) -> Option<usize> {
    let all: Vec<usize> = (0..pool.len())
        .filter(|i| !taken.contains(i))
        .filter(|&i| pool[i].has_room(sessions) && roomy(month, free & pool[i].free, sessions))
        .collect();
    let preferred: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&i| prefer.contains(&pool[i].kind))
        .collect();
    let candidates = if !preferred.is_empty() && rng.random_bool(0.7) {
        preferred
    } else {
        all
    };
    let a = *candidates.choose(rng)?;
    let b = *candidates.choose(rng)?;
    Some(if pool[b].load < pool[a].load { b } else { a })
}

/// Books an organiser for `sessions` sessions: its id, its load and the
/// workshop's free periods updated.
fn book(o: &mut Organiser, sessions: u32, free: &mut u64) -> String {
    o.load += sessions;
    *free &= o.free;
    o.id.clone()
}

/// The primary theme and 0–2 others, in the order of the edition.
fn themes(rng: &mut Random, primary: usize) -> Vec<String> {
    let extra = weighted(rng, &[50, 35, 15]);
    let others: Vec<usize> = (0..DEFAULT_THEMES.len())
        .filter(|&t| t != primary)
        .collect();
    let mut set = vec![primary];
    set.extend(others.choose_multiple(rng, extra));
    set.sort();
    set.into_iter()
        .map(|t| DEFAULT_THEMES[t].to_string())
        .collect()
}
