//! Why a session is unscheduled ([`rally_check::unscheduled::Why`]) in the
//! programme's language: workshop titles, venue and partner names.

use crate::view::Programme;
use rally_check::unscheduled::{Hold, Why};

/// The reason in words.
pub fn words(p: &Programme, why: &Why) -> String {
    let t = &p.texts;
    let m = p.model;
    let workshop = |w: usize| m.workshops[w].title.clone();
    let venue = |v: usize| p.venue(v).1.to_string();
    let partner = |o: usize| m.partners[o].name.clone();
    let (id, args): (&str, Vec<(&str, fluent_bundle::FluentValue)>) = match why {
        Why::NoVenue {
            workshop: w,
            problems,
        } => {
            let list: Vec<String> = problems
                .iter()
                .map(|(v, problem)| {
                    let problem = crate::violations::placement(p, *w, *v, problem);
                    t.with(
                        "unsched-venue-problem",
                        &[("venue", venue(*v).into()), ("problem", problem.into())],
                    )
                })
                .collect();
            (
                "unsched-no-venue",
                vec![
                    ("workshop", workshop(*w).into()),
                    ("problems", list.join(&t.get("unsched-and")).into()),
                ],
            )
        }
        Why::VenuesClosed {
            workshop: w,
            venues,
        } => {
            let names: Vec<String> = venues.iter().map(|&v| venue(v)).collect();
            (
                "unsched-venues-closed",
                vec![
                    ("workshop", workshop(*w).into()),
                    ("venues", names.join(", ").into()),
                ],
            )
        }
        Why::Frozen { workshop: w } => ("unsched-frozen", vec![("workshop", workshop(*w).into())]),
        Why::TooLong { workshop: w } => {
            ("unsched-too-long", vec![("workshop", workshop(*w).into())])
        }
        Why::WorkshopNever { workshop: w } => (
            "unsched-workshop-never",
            vec![("workshop", workshop(*w).into())],
        ),
        Why::OrganiserNever { partner: o } => (
            "unsched-organiser-never",
            vec![("partner", partner(*o).into())],
        ),
        Why::OrganiserNotThen {
            partner: o,
            workshop: w,
        } => (
            "unsched-organiser-not-then",
            vec![
                ("partner", partner(*o).into()),
                ("workshop", workshop(*w).into()),
            ],
        ),
        Why::NeverTogether { first, second } => (
            "unsched-never-together",
            vec![
                ("first", partner(*first).into()),
                ("second", partner(*second).into()),
            ],
        ),
        Why::OrganisersNotThen {
            partners,
            workshop: w,
        } => {
            let names: Vec<String> = partners.iter().map(|&o| partner(o)).collect();
            (
                "unsched-organisers-not-then",
                vec![
                    ("partners", names.join(", ").into()),
                    ("workshop", workshop(*w).into()),
                ],
            )
        }
        Why::Held { placements, holds } => {
            let list: Vec<String> = holds
                .iter()
                .map(|(h, n)| {
                    t.with(
                        "unsched-hold-count",
                        &[("hold", hold(p, h).into()), ("n", (*n).into())],
                    )
                })
                .collect();
            (
                "unsched-held",
                vec![
                    ("n", (*placements).into()),
                    ("holds", list.join(&t.get("unsched-and")).into()),
                ],
            )
        }
    };
    t.with(id, &args)
}

/// What holds one placement, in words.
fn hold(p: &Programme, h: &Hold) -> String {
    let t = &p.texts;
    let m = p.model;
    match h {
        Hold::Venue { venue, by } => {
            let session = crate::violations::session(p, &m.sessions[*by].id);
            t.with(
                "unsched-hold-venue",
                &[
                    ("venue", p.venue(*venue).1.into()),
                    ("session", session.into()),
                ],
            )
        }
        Hold::Parallel { partner, n } => t.with(
            "unsched-hold-parallel",
            &[
                ("partner", m.partners[*partner].name.as_str().into()),
                ("n", (*n).into()),
            ],
        ),
        Hold::Daily { partner, limit } => t.with(
            "unsched-hold-daily",
            &[
                ("partner", m.partners[*partner].name.as_str().into()),
                ("limit", (*limit).into()),
            ],
        ),
        Hold::Travel => t.get("unsched-hold-travel"),
    }
}
