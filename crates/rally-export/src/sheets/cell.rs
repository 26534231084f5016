//! What a cell holds, read and written: lists separated by `;`, whole
//! numbers, yes/no, and availability in a readable syntax:
//!
//! ```text
//! only: tue,thu morning | 2016-03-08; except: 2016-03-14..2016-03-18
//! ```
//!
//! - an empty cell: always available (no availability given);
//! - `always`: an availability with no rule (`{}`), the same in effect;
//! - parts `only: RULES` and `except: RULES`, separated by `;`, each at most once;
//! - RULES: rules separated by `|` (a period matches when one rule matches);
//! - a rule: terms separated by spaces, all of which must match; `any`
//!   alone matches every period. A term is a list separated by commas of
//!   weekdays (`tue,thu`), of dates (`2016-03-08,2016-03-10`), or of slot
//!   ids (`morning`), or a range of dates `FROM..TO` (either end may be
//!   left out: `2016-03-20..`). The explicit forms `weekdays=`, `dates=`,
//!   `slots=`, `from=` and `to=` say the same where a slot id could be
//!   mistaken for a weekday or a date.

use chrono::NaiveDate;
use rally_model::calendar::{parse_date, WEEKDAYS};
use rally_model::types::{Availability, Rule};

/// A name folded for comparison: lowercase, without accents
/// (`Après-midi` and `apres-midi` fold alike).
pub fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            c => c,
        })
        .collect()
}

/// A date as the edition holds it: `YYYY-MM-DD` stays, `JJ/MM/AAAA` (as
/// French Excel shows dates) becomes `YYYY-MM-DD`; anything else is kept
/// for the model's validation to report.
pub fn date(text: &str) -> String {
    let t = text.trim();
    let parts: Vec<&str> = t.split('/').collect();
    if let [d, m, y] = parts[..] {
        let day = NaiveDate::from_ymd_opt(
            y.parse().unwrap_or(0),
            m.parse().unwrap_or(0),
            d.parse().unwrap_or(0),
        );
        if let Some(day) = day.filter(|_| y.len() == 4) {
            return day.format("%Y-%m-%d").to_string();
        }
    }
    t.to_string()
}

/// Whether a cell item is a date, in either form.
fn is_date(text: &str) -> bool {
    parse_date(&date(text)).is_some()
}

/// The names a weekday may be written with, Monday first.
const WEEKDAY_NAMES: [[&str; 3]; 7] = [
    ["mon", "monday", "lundi"],
    ["tue", "tuesday", "mardi"],
    ["wed", "wednesday", "mercredi"],
    ["thu", "thursday", "jeudi"],
    ["fri", "friday", "vendredi"],
    ["sat", "saturday", "samedi"],
    ["sun", "sunday", "dimanche"],
];

/// The weekday (`mon` … `sun`) of `mon`, `Monday` or `lundi`, in any case.
pub fn weekday(text: &str) -> Option<&'static str> {
    let t = fold(text.trim());
    let i = WEEKDAY_NAMES.iter().position(|n| n.contains(&t.as_str()))?;
    Some(WEEKDAYS[i])
}

/// A weekday as the edition holds it; anything else lowercase, for the
/// model's validation to report.
pub fn weekday_or_as_is(text: &str) -> String {
    weekday(text).map_or_else(|| text.trim().to_ascii_lowercase(), String::from)
}

/// The items of a list cell: split on `;`, trimmed, empty items dropped.
pub fn list(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// A list cell: items joined with `; `.
pub fn format_list(items: &[String]) -> String {
    items.join("; ")
}

/// A whole number of 0 or more.
pub fn number(text: &str) -> Result<u32, String> {
    let t = text.trim();
    t.parse::<u32>().map_err(|_| {
        format!(
            "\"{t}\" is not a whole number; write a number of 0 or more without decimals, e.g. 30"
        )
    })
}

/// `yes`/`no` or `oui`/`non` (also `true`/`false`, `vrai`/`faux`,
/// `1`/`0`, any case).
pub fn boolean(text: &str) -> Result<bool, String> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "oui" | "o" | "vrai" => Ok(true),
        "no" | "n" | "false" | "0" | "non" | "faux" => Ok(false),
        t => Err(format!(
            "\"{t}\" is not yes or no; write yes or no (oui or non)"
        )),
    }
}

/// `yes` or `no`.
pub fn format_boolean(b: bool) -> String {
    if b { "yes" } else { "no" }.into()
}

/// An availability cell (see the module's documentation).
pub fn availability(text: &str) -> Result<Option<Availability>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.eq_ignore_ascii_case("always") {
        return Ok(Some(Availability::default()));
    }
    let mut out = Availability::default();
    for part in t.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((key, rules)) = part.split_once(':') else {
            return Err(format!(
                "\"{part}\" does not start with only: or except:; write e.g. only: tue,thu; \
                    except: 2016-03-08"
            ));
        };
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "only" => &mut out.only,
            "except" => &mut out.except,
            k => {
                return Err(format!(
                    "\"{k}:\" is neither only: nor except:; write e.g. only: tue,thu; except: \
                        2016-03-08"
                ))
            }
        };
        if slot.is_some() {
            return Err(format!(
                "{}: is given twice; join its rules with | (e.g. only: tue | 2016-03-10)",
                key.trim()
            ));
        }
        let rules = rules.trim();
        *slot = Some(if rules.is_empty() {
            Vec::new()
        } else {
            rules.split('|').map(rule).collect::<Result<_, _>>()?
        });
    }
    Ok(Some(out))
}

fn rule(text: &str) -> Result<Rule, String> {
    let text = tighten(text.trim());
    if text.eq_ignore_ascii_case("any") {
        return Ok(Rule::default());
    }
    if text.is_empty() {
        return Err(
            "a rule between two | is empty; write any for a rule that always matches, or \
            remove the |"
                .into(),
        );
    }
    let mut r = Rule::default();
    for term in text.split_whitespace() {
        if let Some((key, value)) = term.split_once('=') {
            let items = || -> Vec<String> {
                if value.is_empty() {
                    Vec::new()
                } else {
                    value.split(',').map(String::from).collect()
                }
            };
            match key.to_ascii_lowercase().as_str() {
                "weekdays" => {
                    let days = items().iter().map(|d| weekday_or_as_is(d)).collect();
                    set(&mut r.weekdays, days, "weekdays")?
                }
                "dates" => {
                    let dates = items().iter().map(|d| date(d)).collect();
                    set(&mut r.dates, dates, "dates")?
                }
                "slots" => set(&mut r.slots, items(), "slots")?,
                "from" => set(&mut r.from, date(value), "from")?,
                "to" => set(&mut r.to, date(value), "to")?,
                k => {
                    return Err(format!(
                        "\"{k}=\" is not a rule field; use weekdays=, dates=, slots=, from= or to="
                    ))
                }
            }
        } else if let Some((from, to)) = term.split_once("..") {
            if from.is_empty() && to.is_empty() {
                return Err(
                    "\"..\" needs a date on at least one side, e.g. 2016-03-14..2016-03-18".into(),
                );
            }
            if !from.is_empty() {
                set(&mut r.from, date(from), "a start date (FROM..)")?;
            }
            if !to.is_empty() {
                set(&mut r.to, date(to), "an end date (..TO)")?;
            }
        } else {
            let items: Vec<&str> = term.split(',').collect();
            if items.iter().any(|i| i.is_empty()) {
                return Err(format!(
                    "\"{term}\" has an empty item between commas; remove the extra comma"
                ));
            }
            if items.iter().all(|i| is_weekday(i)) {
                let days = items.iter().map(|i| weekday_or_as_is(i)).collect();
                set(&mut r.weekdays, days, "weekdays")?;
            } else if items.iter().all(|i| is_date(i)) {
                set(
                    &mut r.dates,
                    items.iter().map(|i| date(i)).collect(),
                    "dates",
                )?;
            } else {
                set(
                    &mut r.slots,
                    items.iter().map(|i| i.to_string()).collect(),
                    "slots",
                )?;
            }
        }
    }
    Ok(r)
}

fn set<T>(field: &mut Option<T>, value: T, what: &str) -> Result<(), String> {
    if field.is_some() {
        return Err(format!(
            "{what} given twice in one rule; join them with commas (tue,thu), or make two rules \
                separated by |"
        ));
    }
    *field = Some(value);
    Ok(())
}

/// Drops the spaces around `,`, `=` and `..`, so that `tue, thu` is one term.
fn tighten(text: &str) -> String {
    let glue = |s: &str| s.starts_with(',') || s.starts_with('=') || s.starts_with("..");
    let mut out = String::new();
    for word in text.split_whitespace() {
        let after_glue = out.ends_with(',') || out.ends_with('=') || out.ends_with("..");
        if !out.is_empty() && !after_glue && !glue(word) {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn is_weekday(item: &str) -> bool {
    weekday(item).is_some()
}

/// An availability as a cell; [`availability`] reads it back unchanged.
pub fn format_availability(a: &Option<Availability>) -> String {
    let Some(a) = a else {
        return String::new();
    };
    let mut parts = Vec::new();
    for (key, rules) in [("only", &a.only), ("except", &a.except)] {
        if let Some(rules) = rules {
            let text: Vec<String> = rules.iter().map(format_rule).collect();
            parts.push(
                format!("{key}: {}", text.join(" | "))
                    .trim_end()
                    .to_string(),
            );
        }
    }
    if parts.is_empty() {
        "always".into()
    } else {
        parts.join("; ")
    }
}

fn format_rule(r: &Rule) -> String {
    let mut terms = Vec::new();
    if let Some(days) = &r.weekdays {
        let plain = !days.is_empty() && days.iter().all(|d| WEEKDAYS.contains(&d.as_str()));
        terms.push(keyed(plain, "weekdays", days));
    }
    if let Some(slots) = &r.slots {
        let plain = !slots.is_empty()
            && !slots.iter().all(|s| is_weekday(s))
            && !slots.iter().all(|s| is_date(s))
            && slots
                .iter()
                .all(|s| plain_word(s) && !s.eq_ignore_ascii_case("any"));
        terms.push(keyed(plain, "slots", slots));
    }
    if let Some(dates) = &r.dates {
        let plain = !dates.is_empty() && dates.iter().all(|d| parse_date(d).is_some());
        terms.push(keyed(plain, "dates", dates));
    }
    let date_or_none = |d: &Option<String>| d.as_deref().is_none_or(|d| parse_date(d).is_some());
    if (r.from.is_some() || r.to.is_some()) && date_or_none(&r.from) && date_or_none(&r.to) {
        terms.push(format!(
            "{}..{}",
            r.from.as_deref().unwrap_or(""),
            r.to.as_deref().unwrap_or("")
        ));
    } else {
        terms.extend(r.from.iter().map(|d| format!("from={d}")));
        terms.extend(r.to.iter().map(|d| format!("to={d}")));
    }
    if terms.is_empty() {
        "any".into()
    } else {
        terms.join(" ")
    }
}

fn plain_word(s: &str) -> bool {
    !s.is_empty() && !s.contains("..") && !s.contains([',', '=', ';', '|', ':', ' '])
}

fn keyed(plain: bool, key: &str, items: &[String]) -> String {
    if plain {
        items.join(",")
    } else {
        format!("{key}={}", items.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Option<Vec<String>> {
        Some(items.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn reads_the_documented_example() {
        let a = availability("only: tue, thu morning | 2016-03-08; except: 2016-03-14..2016-03-18")
            .unwrap()
            .unwrap();
        let only = a.only.unwrap();
        assert_eq!(only.len(), 2);
        assert_eq!(only[0].weekdays, strings(&["tue", "thu"]));
        assert_eq!(only[0].slots, strings(&["morning"]));
        assert_eq!(only[1].dates, strings(&["2016-03-08"]));
        let except = a.except.unwrap();
        assert_eq!(except[0].from.as_deref(), Some("2016-03-14"));
        assert_eq!(except[0].to.as_deref(), Some("2016-03-18"));
    }

    #[test]
    fn empty_always_any_and_open_ranges() {
        assert_eq!(availability(" ").unwrap(), None);
        assert_eq!(
            availability("Always").unwrap(),
            Some(Availability::default())
        );
        let a = availability("only: any; except:").unwrap().unwrap();
        assert_eq!(a.only, Some(vec![Rule::default()]));
        assert_eq!(a.except, Some(vec![]));
        let a = availability("except: 2016-03-20..").unwrap().unwrap();
        assert_eq!(a.except.unwrap()[0].to, None);
    }

    #[test]
    fn mistakes_are_explained() {
        for (cell, hint) in [
            ("tue,thu", "only: or except:"),
            ("sometimes: tue", "neither only: nor except:"),
            ("only: tue; only: thu", "given twice"),
            ("only: tue wed", "weekdays given twice"),
            ("only: tue,,thu", "empty item"),
            ("only: tue ||", "is empty"),
            ("only: ..", "needs a date"),
            ("only: colour=red", "not a rule field"),
        ] {
            let e = availability(cell).unwrap_err();
            assert!(e.contains(hint), "{cell}: {e}");
        }
    }

    #[test]
    fn slot_ids_that_look_like_weekdays_or_dates_keep_their_meaning() {
        let rules = vec![
            Rule {
                slots: strings(&["mon"]),
                ..Rule::default()
            },
            Rule {
                slots: strings(&["2016-03-01"]),
                weekdays: strings(&["fri"]),
                ..Rule::default()
            },
            Rule {
                slots: strings(&["any"]),
                ..Rule::default()
            },
            Rule {
                dates: strings(&["x"]),
                from: Some("y".into()),
                ..Rule::default()
            },
            Rule::default(),
        ];
        let a = Some(Availability {
            only: Some(rules),
            except: None,
        });
        let text = format_availability(&a);
        assert_eq!(availability(&text).unwrap(), a, "{text}");
    }

    #[test]
    fn lists_numbers_and_booleans() {
        assert_eq!(list(" a; b ;;c;"), ["a", "b", "c"]);
        assert_eq!(format_list(&list("a;b")), "a; b");
        assert_eq!(number(" 30 "), Ok(30));
        assert!(number("30.0").unwrap_err().contains("whole number"));
        assert!(number("-1").is_err());
        assert_eq!(boolean("Yes"), Ok(true));
        assert_eq!(boolean("0"), Ok(false));
        assert!(boolean("maybe").is_err());
    }

    #[test]
    fn french_dates_weekdays_and_slot_terms() {
        assert_eq!(date("05/05/2025"), "2025-05-05");
        assert_eq!(date("5/5/2025"), "2025-05-05");
        assert_eq!(date("2025-05-05"), "2025-05-05");
        assert_eq!(date("31/02/2025"), "31/02/2025", "left for validation");
        assert_eq!(weekday("Lundi"), Some("mon"));
        assert_eq!(weekday("MERCREDI"), Some("wed"));
        assert_eq!(weekday("sunday"), Some("sun"));
        assert_eq!(weekday("matin"), None);
        let a =
            availability("only: lundi,jeudi matin | 08/03/2016; except: 14/03/2016..18/03/2016")
                .unwrap()
                .unwrap();
        let only = a.only.unwrap();
        assert_eq!(only[0].weekdays, strings(&["mon", "thu"]));
        assert_eq!(only[0].slots, strings(&["matin"]));
        assert_eq!(only[1].dates, strings(&["2016-03-08"]));
        let except = &a.except.unwrap()[0];
        assert_eq!(except.from.as_deref(), Some("2016-03-14"));
        assert_eq!(except.to.as_deref(), Some("2016-03-18"));
    }
}
