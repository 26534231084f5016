//! The two profiles of generated editions, and what a tight one trims.

use rally_model::model::DEFAULT_THEMES;
use rally_model::types::Edition;
use rand::seq::SliceRandom;
use rand::Rng;

use crate::departements::Departement;
use crate::Random;

/// How much room an edition leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Profile {
    /// Close to real editions: seats per theme 75 to 95% of the demand of the
    /// members who want a certificate, most partners free one to three
    /// weekdays, two participants in three free one weekday, two mornings a
    /// week or two weeks, longer roads in rural départements. A good plan leaves
    /// people uncertified.
    #[default]
    Tight,
    /// Seats, partners' days and participants' days to spare: a good plan
    /// places every session and certifies nearly everyone.
    Generous,
}

impl Profile {
    /// Both profiles, the default first.
    pub const ALL: [Profile; 2] = [Profile::Tight, Profile::Generous];

    /// Its name on the command line: `tight` or `generous`.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Tight => "tight",
            Profile::Generous => "generous",
        }
    }
}

/// Seats a workshop's sessions offer at most (before venues cap them).
fn seats(sessions: Option<u32>, max: u32) -> u64 {
    u64::from(sessions.unwrap_or(1)) * u64::from(max)
}

/// Takes sessions away from the workshops of `dep`, one at a time in a
/// random order and never below one, while every theme keeps seats for 75
/// to 95% (drawn per département) of the headcount of the département's
/// members who want a certificate with that theme.
pub(crate) fn fit_seats(rng: &mut Random, dep: &Departement, ed: &mut Edition) {
    let theme = |t: &str| DEFAULT_THEMES.iter().position(|d| *d == t);
    let ours = |territory: Option<&String>| territory.is_some_and(|t| t == dep.code);
    let mut demand = [0u64; DEFAULT_THEMES.len()];
    let members = ed
        .groups
        .iter()
        .map(|g| (&g.territory, g.certificate, &g.themes, u64::from(g.size)))
        .chain(
            ed.participants
                .iter()
                .map(|p| (&p.territory, p.certificate, &p.themes, 1)),
        );
    for (territory, certificate, themes, headcount) in members {
        if !ours(territory.as_ref()) || certificate == Some(false) {
            continue;
        }
        match themes {
            Some(list) => list
                .iter()
                .filter_map(|t| theme(t))
                .for_each(|t| demand[t] += headcount),
            None => demand.iter_mut().for_each(|d| *d += headcount),
        }
    }
    let percent = rng.random_range(75..=95);
    let target = demand.map(|d| d * percent / 100);

    let mut shops: Vec<usize> = (0..ed.workshops.len())
        .filter(|&w| ours(ed.workshops[w].territory.as_ref()))
        .collect();
    shops.shuffle(rng);
    let themes_of = |w: usize, ed: &Edition| -> Vec<usize> {
        ed.workshops[w]
            .themes
            .iter()
            .filter_map(|t| theme(t))
            .collect()
    };
    let mut supply = [0u64; DEFAULT_THEMES.len()];
    for &w in &shops {
        let shop = &ed.workshops[w];
        let offered = seats(shop.sessions, shop.capacity.max);
        themes_of(w, ed)
            .into_iter()
            .for_each(|t| supply[t] += offered);
    }
    loop {
        let mut trimmed = false;
        for &w in &shops {
            let one = u64::from(ed.workshops[w].capacity.max);
            let themes = themes_of(w, ed);
            let shop = &mut ed.workshops[w];
            let sessions = shop.sessions.unwrap_or(1);
            if sessions > 1 && themes.iter().all(|&t| supply[t] >= target[t] + one) {
                shop.sessions = Some(sessions - 1);
                themes.iter().for_each(|&t| supply[t] -= one);
                trimmed = true;
            }
        }
        if !trimmed {
            break;
        }
    }
}
