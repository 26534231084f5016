//! The 101 French départements, in the order of their codes, with their seats.

/// A département: its code (the territory id), its name and its seat (préfecture).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Departement {
    /// The official code: `01`…`95`, `2A`, `2B`, `971`…`976`.
    pub code: &'static str,
    /// Its name, e.g. `Haute-Vienne`.
    pub name: &'static str,
    /// Its seat, the town where most workshops run.
    pub seat: &'static str,
}

const fn d(code: &'static str, name: &'static str, seat: &'static str) -> Departement {
    Departement { code, name, seat }
}

/// Every département: a generated edition of N territories takes the first N.
pub const DEPARTEMENTS: [Departement; 101] = [
    d("01", "Ain", "Bourg-en-Bresse"),
    d("02", "Aisne", "Laon"),
    d("03", "Allier", "Moulins"),
    d("04", "Alpes-de-Haute-Provence", "Digne-les-Bains"),
    d("05", "Hautes-Alpes", "Gap"),
    d("06", "Alpes-Maritimes", "Nice"),
    d("07", "Ardèche", "Privas"),
    d("08", "Ardennes", "Charleville-Mézières"),
    d("09", "Ariège", "Foix"),
    d("10", "Aube", "Troyes"),
    d("11", "Aude", "Carcassonne"),
    d("12", "Aveyron", "Rodez"),
    d("13", "Bouches-du-Rhône", "Marseille"),
    d("14", "Calvados", "Caen"),
    d("15", "Cantal", "Aurillac"),
    d("16", "Charente", "Angoulême"),
    d("17", "Charente-Maritime", "La Rochelle"),
    d("18", "Cher", "Bourges"),
    d("19", "Corrèze", "Tulle"),
    d("21", "Côte-d'Or", "Dijon"),
    d("22", "Côtes-d'Armor", "Saint-Brieuc"),
    d("23", "Creuse", "Guéret"),
    d("24", "Dordogne", "Périgueux"),
    d("25", "Doubs", "Besançon"),
    d("26", "Drôme", "Valence"),
    d("27", "Eure", "Évreux"),
    d("28", "Eure-et-Loir", "Chartres"),
    d("29", "Finistère", "Quimper"),
    d("30", "Gard", "Nîmes"),
    d("31", "Haute-Garonne", "Toulouse"),
    d("32", "Gers", "Auch"),
    d("33", "Gironde", "Bordeaux"),
    d("34", "Hérault", "Montpellier"),
    d("35", "Ille-et-Vilaine", "Rennes"),
    d("36", "Indre", "Châteauroux"),
    d("37", "Indre-et-Loire", "Tours"),
    d("38", "Isère", "Grenoble"),
    d("39", "Jura", "Lons-le-Saunier"),
    d("40", "Landes", "Mont-de-Marsan"),
    d("41", "Loir-et-Cher", "Blois"),
    d("42", "Loire", "Saint-Étienne"),
    d("43", "Haute-Loire", "Le Puy-en-Velay"),
    d("44", "Loire-Atlantique", "Nantes"),
    d("45", "Loiret", "Orléans"),
    d("46", "Lot", "Cahors"),
    d("47", "Lot-et-Garonne", "Agen"),
    d("48", "Lozère", "Mende"),
    d("49", "Maine-et-Loire", "Angers"),
    d("50", "Manche", "Saint-Lô"),
    d("51", "Marne", "Châlons-en-Champagne"),
    d("52", "Haute-Marne", "Chaumont"),
    d("53", "Mayenne", "Laval"),
    d("54", "Meurthe-et-Moselle", "Nancy"),
    d("55", "Meuse", "Bar-le-Duc"),
    d("56", "Morbihan", "Vannes"),
    d("57", "Moselle", "Metz"),
    d("58", "Nièvre", "Nevers"),
    d("59", "Nord", "Lille"),
    d("60", "Oise", "Beauvais"),
    d("61", "Orne", "Alençon"),
    d("62", "Pas-de-Calais", "Arras"),
    d("63", "Puy-de-Dôme", "Clermont-Ferrand"),
    d("64", "Pyrénées-Atlantiques", "Pau"),
    d("65", "Hautes-Pyrénées", "Tarbes"),
    d("66", "Pyrénées-Orientales", "Perpignan"),
    d("67", "Bas-Rhin", "Strasbourg"),
    d("68", "Haut-Rhin", "Colmar"),
    d("69", "Rhône", "Lyon"),
    d("70", "Haute-Saône", "Vesoul"),
    d("71", "Saône-et-Loire", "Mâcon"),
    d("72", "Sarthe", "Le Mans"),
    d("73", "Savoie", "Chambéry"),
    d("74", "Haute-Savoie", "Annecy"),
    d("75", "Paris", "Paris"),
    d("76", "Seine-Maritime", "Rouen"),
    d("77", "Seine-et-Marne", "Melun"),
    d("78", "Yvelines", "Versailles"),
    d("79", "Deux-Sèvres", "Niort"),
    d("80", "Somme", "Amiens"),
    d("81", "Tarn", "Albi"),
    d("82", "Tarn-et-Garonne", "Montauban"),
    d("83", "Var", "Toulon"),
    d("84", "Vaucluse", "Avignon"),
    d("85", "Vendée", "La Roche-sur-Yon"),
    d("86", "Vienne", "Poitiers"),
    d("87", "Haute-Vienne", "Limoges"),
    d("88", "Vosges", "Épinal"),
    d("89", "Yonne", "Auxerre"),
    d("90", "Territoire de Belfort", "Belfort"),
    d("91", "Essonne", "Évry-Courcouronnes"),
    d("92", "Hauts-de-Seine", "Nanterre"),
    d("93", "Seine-Saint-Denis", "Bobigny"),
    d("94", "Val-de-Marne", "Créteil"),
    d("95", "Val-d'Oise", "Cergy"),
    d("2A", "Corse-du-Sud", "Ajaccio"),
    d("2B", "Haute-Corse", "Bastia"),
    d("971", "Guadeloupe", "Basse-Terre"),
    d("972", "Martinique", "Fort-de-France"),
    d("973", "Guyane", "Cayenne"),
    d("974", "La Réunion", "Saint-Denis"),
    d("976", "Mayotte", "Mamoudzou"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_ids() {
        for (i, a) in DEPARTEMENTS.iter().enumerate() {
            assert!(a.code.bytes().all(|c| c.is_ascii_alphanumeric()));
            assert!(DEPARTEMENTS[..i].iter().all(|b| b.code != a.code));
        }
    }
}
