//! The plan seen from the programme, the members and the partners: what the
//! HTML pages, the calendars and the CSV sheets all show.
//!
//! Only sessions that resolve against the edition (known session, opening
//! day, slot and venue) appear; the checker's report says what is wrong with
//! the others.

use crate::i18n::{Lang, Texts};
use chrono::NaiveDate;
use rally_check::unscheduled::{self, Why};
use rally_check::{Report, Resolved};
use rally_model::calendar::format_hhmm;
use rally_model::types::Unscheduled;
use rally_model::{Model, Placement, Plan, ThemeSet};
use std::collections::HashMap;

/// A scheduled session of the plan, resolved.
#[derive(Debug, Clone)]
pub struct Scheduled {
    /// Index in the checker's [`Resolved::placed`].
    pub placed: usize,
    /// Index in [`Model::sessions`].
    pub session: usize,
    /// Index in [`Model::workshops`].
    pub workshop: usize,
    /// Its period and venue.
    pub at: Placement,
    /// Minutes after midnight.
    pub start: u32,
    /// End, minutes after midnight.
    pub end: u32,
    /// Seats: min(workshop max, venue capacity).
    pub capacity: u32,
    /// Members whose course holds it, in edition order.
    pub attendees: Vec<usize>,
}

/// One session of a member's course, with the travel that leads to it.
#[derive(Debug, Clone, Copy)]
pub struct Step {
    /// Index in [`Programme::sessions`].
    pub scheduled: usize,
    /// Where the member comes from: its base (first session of the day) or
    /// the previous session's venue (node index), and the minutes (`None`:
    /// no road). `None` when it has no base and this is its first session of the day.
    pub from: Option<(usize, Option<u32>)>,
    /// For the last session of a day: the way back to the base, if any.
    pub back: Option<(usize, Option<u32>)>,
}

/// The facts behind the plan's reasons for its unscheduled sessions
/// (SPEC §5), derived again from the edition and the plan as the planner
/// derived them; kept only where their English is the plan's reason.
fn why_unscheduled(
    model: &Model,
    resolved: &Resolved,
    unscheduled: &[Unscheduled],
    replan: Option<&rally_model::replan::Replan>,
) -> HashMap<String, Why> {
    let mut at: Vec<Option<Placement>> = vec![None; model.sessions.len()];
    for o in &resolved.offers {
        at[o.session].get_or_insert(o.at);
    }
    let mut out = HashMap::new();
    for u in unscheduled {
        let Some(s) = model.session(&u.id).filter(|&s| at[s].is_none()) else {
            continue;
        };
        let candidates = unscheduled::candidates(model, model.sessions[s].workshop, replan);
        let why = unscheduled::why(model, s, &at, &candidates);
        if why.english(model) == u.reason {
            out.insert(u.id.clone(), why);
        }
    }
    out
}

/// `matin` for `Matin`: a name inside a sentence.
pub fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_lowercase().chain(chars).collect())
}

/// An edition and a plan, ready to be shown.
pub struct Programme<'a> {
    /// The edition.
    pub model: &'a Model,
    /// The checker's verdict on the plan.
    pub report: Report,
    /// Scheduled sessions in period order (then session order).
    pub sessions: Vec<Scheduled>,
    /// For each member, its course as indices into `sessions`, in period
    /// order; `None` when the plan has no courses.
    pub courses: Option<Vec<Vec<usize>>>,
    /// The plan's unscheduled sessions, sorted by id.
    pub unscheduled: Vec<Unscheduled>,
    /// The language every text is written in.
    pub texts: Texts,
    /// With a published plan (SPEC §9): what changed against it.
    pub changes: Option<rally_check::Changes>,
    /// The facts behind each unscheduled session's reason, by id, where the
    /// checker derives the very reason the plan gives.
    pub why_unscheduled: HashMap<String, Why>,
}

impl Scheduled {
    /// The session as the checker's rules see it.
    pub fn offer(&self) -> rally_check::Offer {
        rally_check::Offer {
            placed: self.placed,
            session: self.session,
            workshop: self.workshop,
            at: self.at,
            start: self.start,
            end: self.end,
            capacity: self.capacity,
        }
    }
}

impl<'a> Programme<'a> {
    /// Resolves a plan against its edition and checks it.
    pub fn new(model: &'a Model, plan: &Plan) -> Programme<'a> {
        Programme::new_from(model, plan, None)
    }

    /// Resolves and checks a plan against a published plan too (SPEC §9):
    /// the pages then mark what changed.
    pub fn new_from(
        model: &'a Model,
        plan: &Plan,
        replan: Option<&rally_model::replan::Replan>,
    ) -> Programme<'a> {
        let mut report = rally_check::check_replan(model, plan, replan);
        let changes = report.changes.take();
        let resolved = Resolved::new(model, plan);
        let mut sessions: Vec<Scheduled> = resolved
            .offers
            .iter()
            .map(|o| Scheduled {
                placed: o.placed,
                session: o.session,
                workshop: o.workshop,
                at: o.at,
                start: o.start,
                end: o.end,
                capacity: o.capacity,
                attendees: Vec::new(),
            })
            .collect();
        let by_entry: std::collections::BTreeMap<usize, usize> = resolved
            .offers
            .iter()
            .enumerate()
            .map(|(i, o)| (o.placed, i))
            .collect();
        let courses = resolved.courses.as_ref().map(|courses| {
            courses
                .iter()
                .enumerate()
                .map(|(m, entries)| {
                    let mut list: Vec<usize> = entries
                        .iter()
                        .filter_map(|e| by_entry.get(e).copied())
                        .collect();
                    list.sort_unstable();
                    list.dedup();
                    for &s in &list {
                        sessions[s].attendees.push(m);
                    }
                    list
                })
                .collect()
        });
        let mut unscheduled = plan.unscheduled.clone();
        unscheduled.sort_by(|a, b| a.id.cmp(&b.id));
        let why_unscheduled = why_unscheduled(model, &resolved, &unscheduled, replan);
        Programme {
            model,
            report,
            sessions,
            courses,
            unscheduled,
            texts: Texts::new(Lang::En),
            changes,
            why_unscheduled,
        }
    }

    /// Why an unscheduled session is left out, in the programme's language;
    /// the plan's own reason as it is when the checker cannot derive it (a
    /// plan written by another tool, or re-planned without `--from`).
    pub fn unscheduled_reason(&self, u: &Unscheduled) -> String {
        self.why_unscheduled
            .get(&u.id)
            .map_or(u.reason.clone(), |why| crate::unscheduled::words(self, why))
    }

    /// The same programme, told in `lang`.
    pub fn in_language(mut self, lang: Lang) -> Programme<'a> {
        self.texts = Texts::new(lang);
        self
    }

    /// Where a moved session stood in the published plan ("Tue 2016-03-08
    /// morning, limoges-cm"), when re-planning and it moved.
    pub fn moved_from(&self, s: &Scheduled) -> Option<String> {
        let id = self.session_id(s);
        let c = self.changes.as_ref()?;
        c.moved
            .iter()
            .find(|m| m.session == id)
            .map(|m| m.old.label())
    }

    /// The sessions added to and removed from a member's course, when re-planning.
    pub fn rerouted(&self, m: usize) -> Option<&rally_check::changes::Rerouted> {
        let id = &self.model.members[m].id;
        self.changes
            .as_ref()?
            .rerouted
            .iter()
            .find(|r| &r.member == id)
    }

    /// Whether the plan assigns courses.
    pub fn has_courses(&self) -> bool {
        self.courses.is_some()
    }

    /// Seats taken in a session: the headcount of its attendees.
    pub fn taken(&self, s: &Scheduled) -> u32 {
        s.attendees
            .iter()
            .map(|&m| self.model.members[m].headcount)
            .sum()
    }

    /// The session id (`w01/2`).
    pub fn session_id(&self, s: &Scheduled) -> &str {
        &self.model.sessions[s.session].id
    }

    /// The workshop's title.
    pub fn title(&self, s: &Scheduled) -> &str {
        &self.model.workshops[s.workshop].title
    }

    /// The date of a session.
    pub fn date(&self, s: &Scheduled) -> NaiveDate {
        self.model.grid.days[self.model.grid.day_of(s.at.period)]
    }

    /// `mardi 1er mars 2016`.
    pub fn day_label(&self, day: usize) -> String {
        self.texts.date(self.model.grid.days[day])
    }

    /// `09:00–11:30`.
    pub fn times(&self, s: &Scheduled) -> String {
        format!("{}–{}", format_hhmm(s.start), format_hhmm(s.end))
    }

    /// The slot id of a session.
    pub fn slot_id(&self, s: &Scheduled) -> &str {
        &self.model.grid.slot_time(s.at.period).id
    }

    /// A slot's readable name: the edition's, the default one's, or its id.
    pub fn slot_name(&self, slot: usize) -> String {
        let id = &self.model.grid.slots[slot].id;
        let given = self.model.edition.calendar.slots.as_ref().and_then(|list| {
            list.iter()
                .find(|s| &s.id == id)
                .and_then(|s| s.name.clone())
        });
        given.unwrap_or_else(|| self.texts.name_or("slot", id, id))
    }

    /// The venue's id and name.
    pub fn venue(&self, v: usize) -> (&str, &str) {
        let venue = &self.model.venues[v];
        (&venue.id, &venue.name)
    }

    /// The name of a node (place or venue), its id when it has none.
    pub fn node_name(&self, node: usize) -> &str {
        let id = &self.model.nodes[node].id;
        let e = &self.model.edition;
        e.places
            .iter()
            .find(|p| &p.id == id)
            .and_then(|p| p.name.as_deref())
            .or_else(|| {
                e.venues
                    .iter()
                    .find(|v| &v.id == id)
                    .and_then(|v| v.name.as_deref())
            })
            .unwrap_or(id)
    }

    /// The organisers of a session's workshop (partner indices, as the edition lists them).
    pub fn organisers(&self, s: &Scheduled) -> &[usize] {
        &self.model.workshops[s.workshop].organisers
    }

    /// A territory's name, its id when it has none.
    pub fn territory_name(&self, t: usize) -> &str {
        let tr = &self.model.edition.territories[t];
        tr.name.as_deref().unwrap_or(&tr.id)
    }

    /// A theme's readable name: the edition's, the default one, or its id.
    pub fn theme_name(&self, t: usize) -> String {
        let id = &self.model.themes[t];
        let given = self
            .model
            .edition
            .themes
            .as_ref()
            .and_then(|list| list.get(t))
            .and_then(|th| th.name.clone());
        given.unwrap_or_else(|| self.texts.name_or("theme", id, id))
    }

    /// Theme names of a set, joined by `, `.
    pub fn theme_names(&self, set: ThemeSet) -> String {
        self.theme_list(set)
            .into_iter()
            .map(|t| self.theme_name(t))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A partner kind in words.
    pub fn partner_kind(&self, o: usize) -> String {
        let kind = &self.model.partners[o].kind;
        self.texts.name_or("partner-kind", kind, kind)
    }

    /// Theme indices of a set, in edition order.
    pub fn theme_list(&self, set: ThemeSet) -> Vec<usize> {
        (0..self.model.themes.len())
            .filter(|t| set >> t & 1 == 1)
            .collect()
    }

    /// A member's readable kind: `group of 24 (student)` or `participant (job seeker)`.
    pub fn member_kind(&self, m: usize) -> String {
        let member = &self.model.members[m];
        let id = rally_model::PROFILES[member.profile];
        let profile = self.texts.name_or("profile", id, id);
        if member.is_group {
            self.texts.with(
                "member-group",
                &[
                    ("headcount", member.headcount.into()),
                    ("profile", profile.into()),
                ],
            )
        } else {
            self.texts
                .with("member-participant", &[("profile", profile.into())])
        }
    }

    /// The member's course, or nothing when the plan has no courses.
    pub fn course(&self, m: usize) -> &[usize] {
        self.courses.as_ref().map_or(&[], |c| &c[m])
    }

    /// Themes a member's course validates.
    pub fn validated(&self, m: usize) -> ThemeSet {
        self.model
            .validated(self.course(m).iter().map(|&s| self.sessions[s].workshop))
    }

    /// A member's course with its travel, day by day.
    pub fn steps(&self, m: usize) -> Vec<Step> {
        let model = self.model;
        let base = model.members[m].base;
        let course = self.course(m);
        let day_of = |s: usize| model.grid.day_of(self.sessions[s].at.period);
        let node_of = |s: usize| model.venues[self.sessions[s].at.venue].node;
        course
            .iter()
            .enumerate()
            .map(|(i, &s)| {
                let prev = i.checked_sub(1).map(|j| course[j]);
                let next = course.get(i + 1).copied();
                let from = match prev.filter(|&p| day_of(p) == day_of(s)) {
                    Some(p) => Some((node_of(p), model.travel.minutes(node_of(p), node_of(s)))),
                    None => base.map(|b| (b, model.travel.minutes(b, node_of(s)))),
                };
                let back = if next.is_some_and(|n| day_of(n) == day_of(s)) {
                    None
                } else {
                    base.map(|b| (b, model.travel.minutes(node_of(s), b)))
                };
                Step {
                    scheduled: s,
                    from,
                    back,
                }
            })
            .collect()
    }

    /// Sessions a partner organises (indices into `sessions`), in period order.
    pub fn partner_sessions(&self, p: usize) -> Vec<usize> {
        (0..self.sessions.len())
            .filter(|&s| self.organisers(&self.sessions[s]).contains(&p))
            .collect()
    }

    /// Sessions at venues of a territory, in period order.
    pub fn territory_sessions(&self, t: usize) -> Vec<usize> {
        (0..self.sessions.len())
            .filter(|&s| self.model.venues[self.sessions[s].at.venue].territory == t)
            .collect()
    }

    /// For a territory: sessions of each theme in each week (themes × weeks).
    pub fn coverage(&self, t: usize) -> Vec<Vec<u32>> {
        let model = self.model;
        let mut table = vec![vec![0; model.grid.weeks.len()]; model.themes.len()];
        for s in self.territory_sessions(t) {
            let s = &self.sessions[s];
            let week = model.grid.week_of(s.at.period);
            for th in self.theme_list(model.workshops[s.workshop].themes) {
                table[th][week] += 1;
            }
        }
        table
    }

    /// Opening days of each week (day indices), in order.
    pub fn week_days(&self, week: usize) -> Vec<usize> {
        (0..self.model.grid.days.len())
            .filter(|&d| self.model.grid.day_week[d] == week)
            .collect()
    }

    /// The edition's name, or a plain label.
    pub fn edition_name(&self) -> String {
        match &self.model.edition.edition {
            Some(name) => name.clone(),
            None => self.texts.get("edition-default"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> (Model, Plan) {
        crate::worked_example()
    }

    #[test]
    fn courses_seats_and_travel_follow_the_plan() {
        let (model, plan) = example();
        let p = Programme::new(&model, &plan);
        assert!(p.report.valid);
        let ids: Vec<&str> = p.sessions.iter().map(|s| p.session_id(s)).collect();
        assert_eq!(ids, ["w01/1", "w01/2", "w02/1"]);
        let w02 = &p.sessions[2];
        assert_eq!((p.taken(w02), w02.capacity), (11, 12));
        let g01 = model.member("g01").unwrap();
        let steps = p.steps(g01);
        assert_eq!(steps.len(), 2);
        assert_eq!(steps[0].from.map(|f| f.1), Some(Some(15)));
        assert_eq!(steps[1].from.map(|f| f.1), Some(Some(55)));
        assert_eq!(steps[1].back.map(|f| f.1), Some(Some(55)));
        assert_eq!(p.validated(g01), (1 << model.themes.len()) - 1);
    }

    #[test]
    fn a_programme_without_courses_has_no_attendees() {
        let (model, mut plan) = example();
        plan.courses = None;
        let p = Programme::new(&model, &plan);
        assert!(!p.has_courses());
        assert!(p.sessions.iter().all(|s| s.attendees.is_empty()));
        assert!(p.steps(0).is_empty());
    }
}
