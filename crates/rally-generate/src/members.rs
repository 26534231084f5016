//! Members: about six groups (school classes, an insertion group) and about
//! 230 participants per département.

use rally_model::model::DEFAULT_THEMES;
use rally_model::types::{Edition, Group, Participant};
use rand::seq::IndexedRandom;
use rand::Rng;

use crate::departements::Departement;
use crate::geography::Geography;
use crate::month::Month;
use crate::names::{person, CLASSES};
use crate::partners::weighted;
use crate::workshops::WorkshopInfo;
use crate::{avail, Profile, Random};

const PROFILES: [&str; 5] = ["job-seeker", "retraining", "student", "employee", "adviser"];
const PROFILE_WEIGHTS: [u32; 5] = [40, 20, 12, 14, 14];

/// Writes 5–7 groups: school classes and a Mission locale insertion group.
pub(crate) fn groups(
    rng: &mut Random,
    month: &Month,
    dep: &Departement,
    geo: &Geography,
    ed: &mut Edition,
) {
    let count = rng.random_range(5..=7);
    let classes: Vec<&str> = CLASSES.choose_multiple(rng, count - 1).copied().collect();
    for g in 1..=count {
        let id = format!("{}-g{g}", dep.code);
        let group = if g == count {
            Group {
                id,
                name: Some(format!("Mission locale {}, Garantie jeunes", dep.name)),
                profile: Some("job-seeker".into()),
                size: rng.random_range(8..=12),
                territory: Some(dep.code.into()),
                base: Some(geo.seat_place.clone()),
                max_per_day: None,
                max_days: Some(rng.random_range(4..=6)),
                themes: None,
                certificate: None,
                availability: avail::insertion_group(rng),
            }
        } else {
            let school = geo.schools.choose(rng).expect("schools");
            let class = classes[g - 1];
            let size = if rng.random_bool(0.1) {
                rng.random_range(25..=28)
            } else {
                rng.random_range(10..=24)
            };
            Group {
                id,
                name: Some(format!("{}: {class}", school.name)),
                profile: None,
                size,
                territory: Some(dep.code.into()),
                base: Some(school.id.clone()),
                max_per_day: None,
                max_days: Some(rng.random_range(3..=6)),
                themes: None,
                certificate: None,
                availability: avail::school_class(rng, month),
            }
        };
        ed.groups.push(group);
    }
}

/// Writes 210–250 participants; their wishes name the département's workshops.
pub(crate) fn participants(
    rng: &mut Random,
    month: &Month,
    dep: &Departement,
    geo: &Geography,
    workshops: &[WorkshopInfo],
    profile: Profile,
    ed: &mut Edition,
) {
    let busy = profile == Profile::Tight;
    let count = rng.random_range(210..=250);
    for u in 1..=count {
        let profile = PROFILES[weighted(rng, &PROFILE_WEIGHTS)];
        let base = rng.random_bool(0.85).then(|| {
            let seat = rng.random_bool(0.5);
            let near: Vec<_> = geo.bases.iter().filter(|b| b.seat == seat).collect();
            *near.choose(rng).expect("bases on both sides")
        });
        let max_travel = base.filter(|_| rng.random_bool(0.7)).map(|b| {
            let least = (b.to_hub + 20).div_ceil(5) * 5;
            (rng.random_range(6..=18) * 5).max(least)
        });
        let admitted: Vec<&WorkshopInfo> = workshops
            .iter()
            .filter(|w| w.audience.is_none_or(|a| a.contains(&profile)))
            .collect();
        let n_wishes = weighted(rng, &[30, 30, 25, 15]);
        let wishes = admitted
            .choose_multiple(rng, n_wishes)
            .map(|w| w.id.clone())
            .collect();
        let themes = rng.random_bool(0.05).then(|| {
            let k = rng.random_range(3..=5);
            let mut set: Vec<usize> = (0..DEFAULT_THEMES.len()).collect::<Vec<_>>();
            set = set.choose_multiple(rng, k).copied().collect();
            set.sort();
            set.iter().map(|&t| DEFAULT_THEMES[t].to_string()).collect()
        });
        let opt_out = if profile == "adviser" { 0.5 } else { 0.2 };
        ed.participants.push(Participant {
            id: format!("{}-u{u:04}", dep.code),
            name: Some(person(rng)),
            profile: profile.into(),
            territory: Some(dep.code.into()),
            base: base.map(|b| b.id.clone()),
            max_travel,
            max_per_day: rng.random_bool(0.12).then_some(1),
            wishes,
            themes,
            certificate: rng.random_bool(opt_out).then_some(false),
            availability: match busy {
                false => avail::participant(rng, month),
                true => avail::busy_participant(rng, month),
            },
        });
    }
}
