//! Texts for people in French or English, from the Project Fluent message
//! files `locales/fr.ftl` and `locales/en.ftl` (built into the binary).

use chrono::{Datelike, NaiveDate};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use std::fmt;
use std::str::FromStr;

const EN: &str = include_str!("../locales/en.ftl");
const FR: &str = include_str!("../locales/fr.ftl");

/// A language the outputs are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
}

impl Lang {
    /// The language of the environment (`LC_ALL`, `LC_MESSAGES`, then
    /// `LANG`): French when it starts with `fr`, else English.
    pub fn from_env() -> Lang {
        let var = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty());
        Lang::from_locale(var.as_deref().unwrap_or(""))
    }

    /// French for a locale like `fr_FR.UTF-8`, else English.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// The language tag: `fr` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Lang, String> {
        match s {
            "en" => Ok(Lang::En),
            "fr" => Ok(Lang::Fr),
            _ => Err(format!("unknown language \"{s}\"; use fr or en")),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The messages of one language.
pub struct Texts {
    /// The language.
    pub lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl Texts {
    /// The messages of `lang`.
    pub fn new(lang: Lang) -> Texts {
        let source = match lang {
            Lang::En => EN,
            Lang::Fr => FR,
        };
        // The message files are part of the build; a test parses both.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let tag = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![tag]);
        bundle.set_use_isolating(false);
        let _ = bundle.add_resource(resource);
        Texts { lang, bundle }
    }

    /// Whether the language has message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Message `id` with no argument.
    pub fn get(&self, id: &str) -> String {
        self.with(id, &[])
    }

    /// Message `id` with its arguments; the id itself when it is missing
    /// (a test checks that both files hold every message the code uses).
    pub fn with(&self, id: &str, args: &[(&str, FluentValue)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            debug_assert!(false, "no message {id} in {}", self.lang);
            return id.to_string();
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned()
    }

    /// Message `prefix-key` when there is one, else `fallback`.
    pub fn name_or(&self, prefix: &str, key: &str, fallback: &str) -> String {
        let id = format!("{prefix}-{key}");
        if self.has(&id) {
            self.get(&id)
        } else {
            fallback.to_string()
        }
    }

    /// `label: text`, with the language's spacing (`label : text` in French).
    pub fn labelled(&self, label: &str, text: &str) -> String {
        self.with(
            "labelled",
            &[("label", label.into()), ("text", text.into())],
        )
    }

    /// A number with `digits` decimals, a comma before them in French.
    pub fn decimal(&self, x: f64, digits: usize) -> String {
        let s = format!("{x:.digits$}");
        match self.lang {
            Lang::Fr => s.replace('.', ","),
            Lang::En => s,
        }
    }

    /// The weekday's name (0 = Monday): `mardi`, `Tuesday`.
    pub fn weekday(&self, index: usize) -> String {
        self.get(&format!("weekday-{}", index % 7))
    }

    /// A full date: `mardi 13 mai 2025`, `Tuesday 13 May 2025`.
    pub fn date(&self, d: NaiveDate) -> String {
        self.with(
            "date-long",
            &[
                (
                    "weekday",
                    self.weekday(d.weekday().num_days_from_monday() as usize)
                        .into(),
                ),
                ("day", d.day().into()),
                ("month", self.get(&format!("month-{}", d.month())).into()),
                ("year", d.year().to_string().into()),
            ],
        )
    }

    /// A date without its year: `mardi 13 mai`.
    pub fn day(&self, d: NaiveDate) -> String {
        self.with(
            "date-day",
            &[
                (
                    "weekday",
                    self.weekday(d.weekday().num_days_from_monday() as usize)
                        .into(),
                ),
                ("day", d.day().into()),
                ("month", self.get(&format!("month-{}", d.month())).into()),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(source: &str) -> Vec<String> {
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, e)| panic!("the message file parses: {e:?}"));
        resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn both_files_parse_and_hold_the_same_messages() {
        let mut en = ids(EN);
        let mut fr = ids(FR);
        en.sort();
        fr.sort();
        assert_eq!(en, fr);
        assert!(en.len() > 100);
    }

    #[test]
    fn dates_read_as_people_write_them() {
        let d = NaiveDate::from_ymd_opt(2025, 5, 13).unwrap();
        assert_eq!(Texts::new(Lang::Fr).date(d), "mardi 13 mai 2025");
        assert_eq!(Texts::new(Lang::En).date(d), "Tuesday 13 May 2025");
        assert_eq!(Texts::new(Lang::Fr).day(d), "mardi 13 mai");
        // The first of the month is « 1er » in French.
        let first = NaiveDate::from_ymd_opt(2025, 5, 1).unwrap();
        assert_eq!(Texts::new(Lang::Fr).date(first), "jeudi 1er mai 2025");
        assert_eq!(Texts::new(Lang::Fr).day(first), "jeudi 1er mai");
        assert_eq!(Texts::new(Lang::En).date(first), "Thursday 1 May 2025");
        assert_eq!(Texts::new(Lang::Fr).decimal(1.5, 2), "1,50");
        assert_eq!(Texts::new(Lang::En).decimal(1.5, 1), "1.5");
    }

    #[test]
    fn plurals_follow_the_language() {
        let fr = Texts::new(Lang::Fr);
        assert_eq!(fr.with("headcount", &[("n", 1.into())]), "1 personne");
        assert_eq!(fr.with("headcount", &[("n", 24.into())]), "24 personnes");
        let en = Texts::new(Lang::En);
        assert_eq!(en.with("headcount", &[("n", 1.into())]), "1 person");
    }

    #[test]
    fn the_language_comes_from_the_flag_or_the_locale() {
        assert_eq!("fr".parse::<Lang>(), Ok(Lang::Fr));
        assert!("de".parse::<Lang>().unwrap_err().contains("fr or en"));
        assert_eq!(Lang::from_locale("fr_FR.UTF-8"), Lang::Fr);
        assert_eq!(Lang::from_locale("C.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }
}
