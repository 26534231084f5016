//! What a violation says, as data: the ids, dates and numbers behind its
//! English `message` (SPEC §8), so that outputs can word it in other
//! languages. Indices are into the edition's lists; a period is a date and
//! a slot, as the plan's date may lie off the edition's calendar.

use chrono::NaiveDate;
use rally_model::calendar::WEEKDAYS;
use rally_model::placement::Problem;
use rally_model::replan::Standing;
use rally_model::Model;

/// A date and a slot (an index into the calendar's slots).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    /// The date.
    pub date: NaiveDate,
    /// Index in the calendar's slots.
    pub slot: usize,
}

/// Two sessions of one day too far apart by road for the time between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Late {
    /// The venue left.
    pub from: usize,
    /// The venue reached.
    pub to: usize,
    /// Minutes between the end of one and the start of the next (negative
    /// when the first overruns into the second).
    pub gap: i64,
    /// The road's minutes, `None` when no road links them.
    pub road: Option<u32>,
}

/// A field of a plan's session that differs from the edition's (S2).
#[allow(missing_docs)] // each variant's doc says what its two fields hold
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// The plan's workshop id, and the edition's workshop (an index).
    Workshop { given: String, edition: usize },
    /// The plan's start and end, and the edition's (minutes after midnight).
    Times {
        given: (String, String),
        edition: (u32, u32),
    },
    /// The plan's capacity, and the edition's seats.
    Capacity { given: u32, edition: u32 },
}

impl Field {
    fn english(&self, model: &Model) -> String {
        let hhmm = rally_model::calendar::format_hhmm;
        match self {
            Field::Workshop { given, edition } => {
                format!(
                    "workshop is \"{given}\", not {}",
                    model.workshops[*edition].id
                )
            }
            Field::Times { given, edition } => format!(
                "times are {}–{}, the edition gives {}–{}",
                given.0,
                given.1,
                hhmm(edition.0),
                hhmm(edition.1)
            ),
            Field::Capacity { given, edition } => {
                format!("capacity is {given}, the edition gives {edition}")
            }
        }
    }
}

/// One violation's facts. `session` fields are the plan's session ids;
/// `member`, `workshop`, `venue` and `partner` are indices into the edition's
/// lists; `n` counts what the rule limits, `limit` is that limit.
#[allow(missing_docs)] // the fields are named for what they hold, as above
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// S1: a session of the edition the plan leaves out.
    Unplanned { session: String },
    /// S1: a session the plan lists `n` times.
    Repeated { session: String, n: usize },
    /// S1: an id of the plan that is not a session of the edition.
    NotASession { session: String },
    /// S2: session fields that differ from the edition's.
    Fields { session: String, wrong: Vec<Field> },
    /// S3: a course of someone who is not a member.
    NotAMember { member: String },
    /// S3: a member with more than one course.
    TwoCourses { member: String },
    /// S3: a course that lists a session twice.
    ListedTwice { member: String, session: String },
    /// S3: a course that names a session not scheduled.
    NotScheduled { member: String, session: String },
    /// H1: the session's date is not an opening day.
    ClosedDay { session: String, date: String },
    /// H1: the session's slot is not one of the calendar.
    UnknownSlot { session: String, slot: String },
    /// H2–H4: the workshop may not be placed there then.
    Placement {
        session: String,
        workshop: usize,
        venue: usize,
        when: When,
        problem: Problem,
    },
    /// H3: the session's venue is not one of the edition.
    UnknownVenue { session: String, venue: String },
    /// H5: several sessions at one venue in one period.
    VenueTaken { venue: usize, n: usize, when: When },
    /// H6: a partner runs more sessions at a time than it may.
    PartnerParallel {
        partner: usize,
        n: usize,
        when: When,
        limit: u32,
    },
    /// H6: a partner runs more sessions in a day than it may.
    PartnerDaily {
        partner: usize,
        n: usize,
        date: NaiveDate,
        limit: u32,
    },
    /// H7: a partner cannot get from one venue to the next in time.
    PartnerLate {
        partner: usize,
        late: Late,
        date: NaiveDate,
    },
    /// H8: a pinned session is not where it is pinned.
    Pinned {
        session: String,
        when: When,
        venue: usize,
    },
    /// C1: a member attends when it is not available.
    Unavailable {
        member: usize,
        session: String,
        when: When,
    },
    /// C1: a member attends a workshop that does not admit its profile.
    Audience { member: usize, session: String },
    /// C1: a member attends outside its territory.
    Territory {
        member: usize,
        session: String,
        venue: usize,
    },
    /// C4: a member attends beyond its `max_travel` from its base.
    TooFar {
        member: usize,
        session: String,
        venue: usize,
        minutes: u32,
    },
    /// C4: no road links the venue to the member's base.
    NoRoad {
        member: usize,
        session: String,
        venue: usize,
    },
    /// C3: more people than seats.
    Seats {
        session: String,
        taken: u32,
        seats: u32,
    },
    /// C2: a member attends several sessions in one period.
    SamePeriod { member: usize, n: usize, when: When },
    /// C2: a member attends more sessions in a day than it may.
    MemberDaily {
        member: usize,
        n: usize,
        date: NaiveDate,
    },
    /// C2: a member attends one workshop more than once.
    SameWorkshop {
        member: usize,
        workshop: usize,
        n: usize,
    },
    /// C2: a member goes out on more days than it may.
    Days { member: usize, n: usize },
    /// C4: a member cannot get from one venue to the next in time.
    MemberLate { member: usize, late: Late },
    /// F1: a session dated on or before `date` stands elsewhere than in the
    /// published plan (`None`: listed in neither part of that plan).
    Frozen {
        session: String,
        old: Option<Standing>,
        new: Option<Standing>,
        date: NaiveDate,
    },
    /// F2: a member's course up to `date` lists sessions it did not attend
    /// (`extra`) or leaves out some it attended (`lacking`); `attended` when
    /// an attendance file says who came.
    FrozenCourse {
        member: usize,
        extra: Vec<String>,
        lacking: Vec<String>,
        date: NaiveDate,
        attended: bool,
    },
}

/// `Tue 2025-05-13 morning`, as the calendar labels a period.
pub fn label(model: &Model, w: When) -> String {
    let mut wd = WEEKDAYS[weekday(w.date)].to_string();
    wd[..1].make_ascii_uppercase();
    format!("{wd} {} {}", w.date, model.grid.slots[w.slot].id)
}

/// The weekday of a date (0 = Monday).
pub fn weekday(d: NaiveDate) -> usize {
    use chrono::Datelike;
    d.weekday().num_days_from_monday() as usize
}

impl What {
    /// The English message of SPEC §8.
    pub fn english(&self, model: &Model) -> String {
        let venue = |v: usize| &model.venues[v].id;
        let member = |m: usize| &model.members[m].id;
        let partner = |o: usize| &model.partners[o].id;
        let at = |w: When| label(model, w);
        match self {
            What::Unplanned { session } => {
                format!("session {session} is neither scheduled nor unscheduled")
            }
            What::Repeated { session, n } => format!("session {session} appears {n} times"),
            What::NotASession { session } => format!("{session} is not a session of the edition"),
            What::Fields { session, wrong } => {
                let wrong: Vec<String> = wrong.iter().map(|f| f.english(model)).collect();
                format!("session {session}: {}", wrong.join("; "))
            }
            What::NotAMember { member } => {
                format!("course of {member}, who is not a member of the edition")
            }
            What::TwoCourses { member } => format!("member {member} has more than one course"),
            What::ListedTwice { member, session } => {
                format!("course of {member} lists {session} twice")
            }
            What::NotScheduled { member, session } => format!(
                "course of {member} names {session}, which is not among the scheduled sessions"
            ),
            What::ClosedDay { session, date } => {
                format!("session {session}: {date} is not an opening day of the rally")
            }
            What::UnknownSlot { session, slot } => {
                format!("session {session}: \"{slot}\" is not a slot of the calendar")
            }
            What::UnknownVenue { session, venue } => {
                format!("session {session}: \"{venue}\" is not a venue of the edition")
            }
            What::Placement {
                session,
                workshop,
                venue: v,
                when,
                problem,
            } => format!(
                "session {session}: {}",
                problem.english(model, *workshop, *v, &at(*when))
            ),
            What::VenueTaken { venue: v, n, when } => {
                format!("venue {} hosts {n} sessions on {}", venue(*v), at(*when))
            }
            What::PartnerParallel {
                partner: o,
                n,
                when,
                limit,
            } => format!(
                "partner {} runs {n} sessions on {}, more than its {limit} at a time",
                partner(*o),
                at(*when)
            ),
            What::PartnerDaily {
                partner: o,
                n,
                date,
                limit,
            } => format!(
                "partner {} runs {n} sessions on {date}, more than its {limit} a day",
                partner(*o)
            ),
            What::PartnerLate {
                partner: o,
                late,
                date,
            } => format!("partner {} {} on {date}", partner(*o), late.english(model)),
            What::Pinned {
                session,
                when,
                venue: v,
            } => format!(
                "session {session} is pinned to {} at {}",
                at(*when),
                venue(*v)
            ),
            What::Unavailable {
                member: m,
                session,
                when,
            } => format!(
                "{} attends {session} on {}, when it is not available",
                member(*m),
                at(*when)
            ),
            What::Audience { member: m, session } => format!(
                "{} attends {session}, whose workshop does not admit the profile {}",
                member(*m),
                rally_model::PROFILES[model.members[*m].profile]
            ),
            What::Territory {
                member: m,
                session,
                venue: v,
            } => {
                let own = model.members[*m].territory.unwrap_or(0);
                format!(
                    "{} attends {session} at {} in territory {}, outside its territory {}",
                    member(*m),
                    venue(*v),
                    model.territories[model.venues[*v].territory],
                    model.territories[own]
                )
            }
            What::TooFar {
                member: m,
                session,
                venue: v,
                minutes,
            } => format!(
                "{} attends {session} at {}, {minutes} min from its base, beyond its \
                 max_travel of {} min",
                member(*m),
                venue(*v),
                model.members[*m].max_travel.unwrap_or(0)
            ),
            What::NoRoad {
                member: m,
                session,
                venue: v,
            } => {
                let base = model.members[*m].base.map_or("", |b| &model.nodes[b].id);
                format!(
                    "{} attends {session} at {}, which no road links to its base {base}",
                    member(*m),
                    venue(*v)
                )
            }
            What::Seats {
                session,
                taken,
                seats,
            } => format!("session {session} has {taken} people for {seats} seats"),
            What::SamePeriod { member: m, n, when } => {
                format!("{} attends {n} sessions on {}", member(*m), at(*when))
            }
            What::MemberDaily { member: m, n, date } => format!(
                "{} attends {n} sessions on {date}, more than its {} a day",
                member(*m),
                model.members[*m].max_per_day
            ),
            What::SameWorkshop {
                member: m,
                workshop,
                n,
            } => format!(
                "{} attends workshop {} {n} times",
                member(*m),
                model.workshops[*workshop].id
            ),
            What::Days { member: m, n } => format!(
                "{} goes out on {n} days, more than its {}",
                member(*m),
                model.members[*m].max_days.unwrap_or(0)
            ),
            What::MemberLate { member: m, late } => {
                format!("{} {}", member(*m), late.english(model))
            }
            What::Frozen {
                session,
                old,
                new,
                date,
            } => {
                let words =
                    |x: &Option<Standing>| x.as_ref().map_or("nowhere".into(), Standing::label);
                format!(
                    "session {session} stands at {} in OLD_PLAN but at {} in PLAN; what is dated \
                     on or before {date} stands where it ran",
                    words(old),
                    words(new)
                )
            }
            What::FrozenCourse {
                member: m,
                extra,
                lacking,
                date,
                attended,
            } => {
                let mut what = Vec::new();
                if !extra.is_empty() {
                    what.push(format!("lists {} that it did not attend", extra.join(", ")));
                }
                if !lacking.is_empty() {
                    what.push(format!(
                        "leaves out {} that it attended",
                        lacking.join(", ")
                    ));
                }
                let source = if *attended {
                    "OLD_PLAN and the attendance"
                } else {
                    "OLD_PLAN"
                };
                format!(
                    "{}'s course {} up to {date} (per {source})",
                    member(*m),
                    what.join(" and ")
                )
            }
        }
    }
}

impl Late {
    fn english(&self, model: &Model) -> String {
        let road = self
            .road
            .map_or("forever (no road)".to_string(), |t| format!("{t} min"));
        format!(
            "goes from {} to {} with {} min between sessions; the road takes {road}",
            model.venues[self.from].id, model.venues[self.to].id, self.gap
        )
    }
}
