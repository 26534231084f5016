//! Names: towns, partners, venues, schools, workshop titles, people.
//!
//! Templates take `{d}` (the département's name), `{c}` (its code), `{s}`
//! (its seat) and `{t}` (one of its towns).

use rand::seq::IndexedRandom;

use crate::departements::Departement;
use crate::Random;

/// Common French town names, for the towns of a département besides its seat.
pub(crate) const TOWNS: [&str; 20] = [
    "Saint-Martin",
    "Beaumont",
    "Villeneuve",
    "Neuville",
    "Fontaine",
    "Châteauneuf",
    "Saint-Laurent",
    "Montigny",
    "La Chapelle",
    "Saint-Julien",
    "Bellevue",
    "Champagnac",
    "Villefranche",
    "Saint-Germain",
    "Rochefort",
    "Mauriac",
    "Saint-Sulpice",
    "Bonneval",
    "Chantemerle",
    "Valmont",
];

/// Fills a template for a département and a town.
pub(crate) fn fill(template: &str, dep: &Departement, town: &str) -> String {
    template
        .replace("{d}", dep.name)
        .replace("{c}", dep.code)
        .replace("{s}", dep.seat)
        .replace("{t}", town)
}

/// Partner names by kind (SPEC §4 kinds).
pub(crate) fn partner_templates(kind: &str) -> &'static [&'static str] {
    match kind {
        "home-care-service" => &[
            "ADMR {d}",
            "SSIAD de {t}",
            "Aide à domicile {t}",
            "CCAS de {t}, service d'aide à domicile",
            "Présence Verte {d}",
            "Familles Rurales {d}",
            "Adhap Services {s}",
            "O2 {s}",
            "Domicile Plus {t}",
            "Vitalliance {s}",
            "Association d'aide à domicile du canton de {t}",
            "UNA {d}",
            "Petits-fils {s}",
            "Services à domicile de la Mutualité, {t}",
        ],
        "training" => &[
            "IFSI de {s}",
            "GRETA {d}",
            "IRFSS Croix-Rouge, antenne de {s}",
            "AFPA {s}",
            "MFR de {t}",
            "CFA sanitaire et social {c}",
            "Institut de formation d'aides-soignants de {t}",
            "Lycée professionnel de {t}, pôle sanitaire et social",
        ],
        "employment" => &[
            "France Travail {s}",
            "France Travail {t}",
            "Mission locale {d}",
            "Cap emploi {c}",
            "Maison de l'emploi de {t}",
            "PLIE de {s}",
        ],
        "association" => &[
            "UDAF {c}",
            "France Alzheimer {d}",
            "APF France handicap {d}",
            "Générations Mouvement {d}",
            "Petits Frères des Pauvres, {s}",
            "Plateforme des aidants {d}",
            "Secours populaire {d}",
        ],
        "authority" => &[
            "Conseil départemental ({d})",
            "CCAS de {s}",
            "Mairie de {t}",
            "Communauté de communes de {t}",
            "DDETS {d}",
            "CAF {c}",
            "MDPH {c}",
        ],
        "health" => &[
            "Santé au travail {c}",
            "Centre hospitalier de {s}",
            "Centre hospitalier de {t}",
            "EHPAD Les Tilleuls, {t}",
            "CPAM {c}",
            "Clinique du Parc, {t}",
            "Mutualité Française {d}",
        ],
        _ => &[
            "Fédération des particuliers employeurs {d}",
            "Cité des métiers {s}",
            "CCI {d}",
            "Club FACE {d}",
            "Radio locale de {t}",
            "Agence d'intérim Aide et Sens, {s}",
        ],
    }
}

/// Regional partners: they co-organise workshops in several départements.
pub(crate) const REGIONAL: [(&str, &str); 6] = [
    ("Mutualité Française, union régionale", "health"),
    ("Fédération régionale ADMR", "home-care-service"),
    ("OPCO Santé, délégation régionale", "training"),
    ("IRFSS Croix-Rouge, direction régionale", "training"),
    ("URIOPSS", "association"),
    ("Conseil régional, direction de la formation", "authority"),
];

/// The seat's venues: name template, capacity, features. The first is the hub.
pub(crate) const SEAT_VENUES: [(&str, u32, &[&str]); 4] = [
    (
        "Cité des métiers, {s}",
        40,
        &["accessible", "computers", "parking"],
    ),
    (
        "Institut de formation en soins, {s}",
        30,
        &["accessible", "care-room"],
    ),
    (
        "Lycée professionnel des métiers de la santé, {s}",
        28,
        &["kitchen", "care-room", "computers"],
    ),
    (
        "Centre social du Centre-ville, {s}",
        24,
        &["accessible", "kitchen"],
    ),
];

/// Venues of the other towns.
pub(crate) const TOWN_VENUES: [&str; 8] = [
    "Maison France Services, {t}",
    "Salle polyvalente, {t}",
    "Centre social, {t}",
    "Mairie, salle du conseil, {t}",
    "EHPAD Les Tilleuls, {t}",
    "Agence France Travail, {t}",
    "Médiathèque, {t}",
    "Foyer rural, {t}",
];

/// Features a town venue may have, with the chance it has each.
pub(crate) const FEATURES: [(&str, f64); 5] = [
    ("accessible", 0.7),
    ("parking", 0.5),
    ("kitchen", 0.25),
    ("care-room", 0.15),
    ("computers", 0.25),
];

/// Names of vocational schools.
pub(crate) const SCHOOLS: [&str; 10] = [
    "Jean-Monnet",
    "Marie-Curie",
    "Jules-Ferry",
    "Simone-Veil",
    "Louise-Michel",
    "Victor-Hugo",
    "Jean-Jaurès",
    "Camille-Claudel",
    "Léonard-de-Vinci",
    "George-Sand",
];

/// School classes that come to a rally.
pub(crate) const CLASSES: [&str; 6] = [
    "2de bac pro ASSP",
    "1re bac pro ASSP",
    "Terminale bac pro ASSP",
    "1re bac pro SAPAT",
    "CAP AEPE",
    "3e prépa-métiers",
];

/// Workshop titles for each default theme, in the order of SPEC §4.
pub(crate) const TITLES: [&[&str]; 7] = [
    &[
        "Meet the employers of home care",
        "Speed-meeting with home-care services",
        "Job dating: home help and care",
        "Who hires near {t}?",
        "An afternoon at a home-care service",
    ],
    &[
        "A day in the life of a home helper",
        "Home helpers tell their job",
        "Film and debate: caring at home",
        "What does a home carer do?",
        "Shadowing a care worker",
    ],
    &[
        "Hours, pay and contracts",
        "Gestures and postures",
        "Driving, timetables and rounds",
        "Preventing strain in home care",
    ],
    &[
        "Knowing the elderly",
        "Living with a disability",
        "Alzheimer's disease: understanding and supporting",
        "Ageing simulation suit",
        "Meeting families and carers",
    ],
    &[
        "Training paths to home-care jobs",
        "Diplomas of the sector: DEAES, ADVF, DEAS",
        "Apprenticeship in care",
        "Hands-on at the training institute",
        "Financing your training",
    ],
    &[
        "Care assistant, nurse, home helper: who does what?",
        "Meet the caring professions",
        "From home help to nursing",
        "Jobs of the medico-social sector",
    ],
    &[
        "Building a career in home care",
        "Validation of acquired experience",
        "Retraining into care",
        "From carer to team leader",
    ],
];

/// Partner kinds best suited to lead a workshop on each theme.
pub(crate) const THEME_LEADS: [&[&str]; 7] = [
    &["home-care-service", "employment"],
    &["home-care-service"],
    &["health", "home-care-service"],
    &["association", "health"],
    &["training"],
    &["health", "training"],
    &["employment", "training", "authority"],
];

const FIRST_NAMES: [&str; 24] = [
    "Camille",
    "Léa",
    "Manon",
    "Inès",
    "Chloé",
    "Sarah",
    "Nadia",
    "Julie",
    "Sandrine",
    "Fatou",
    "Nathalie",
    "Aurélie",
    "Martine",
    "Océane",
    "Yasmine",
    "Lucas",
    "Hugo",
    "Karim",
    "Thomas",
    "Mamadou",
    "Kevin",
    "Julien",
    "Patrick",
    "Sébastien",
];

/// A first name and an initial, e.g. `Camille D.`.
pub(crate) fn person(rng: &mut Random) -> String {
    let first = FIRST_NAMES.choose(rng).expect("names");
    let initial = *b"ABCDEFGHIJKLMNOPRSTV".choose(rng).expect("initials") as char;
    format!("{first} {initial}.")
}
