# Texts for people, in English. Every message here has its twin in fr.ftl.

## Calendar words
weekday-0 = Monday
weekday-1 = Tuesday
weekday-2 = Wednesday
weekday-3 = Thursday
weekday-4 = Friday
weekday-5 = Saturday
weekday-6 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
labelled = { $label }: { $text }
date-long = { $weekday } { $day } { $month } { $year }
date-day = { $weekday } { $day } { $month }
week-of = Week of { $date }
closed = Closed
slot-morning = Morning
slot-afternoon = Afternoon
edition-default = Job rally

## The seven default themes (docs/formats.md#themes)
theme-employers = Employers and work situations
theme-realities = Realities of the job
theme-conditions = Working conditions
theme-public = Knowing the people cared for
theme-training = Training
theme-professions = Other home-care professions
theme-career = Professional development

## Profiles and partner kinds
profile-student = student
profile-job-seeker = job seeker
profile-retraining = retraining
profile-employee = employee
profile-adviser = adviser
partner-kind-home-care-service = home-care service
partner-kind-training = training body
partner-kind-employment = employment service
partner-kind-association = association
partner-kind-authority = public authority
partner-kind-health = health service
partner-kind-other = other
member-group = group of { $headcount } ({ $profile })
member-participant = participant ({ $profile })
kind-group = group
kind-participant = participant
yes = yes
no = no

## Penalty terms, in words
term-unscheduled = sessions left unscheduled
term-theme_week = themes missing from a week of a territory
term-same_day = sessions of one workshop on the same day
term-daily_load = days busier than the average
term-coverage = people no course can certify
term-uncertified = people their course leaves uncertified
term-theme_missing = themes their course leaves out
term-wish = wishes not granted
term-group_day = days groups come
term-participant_day = days participants come
term-travel_minute = minutes of travel
term-underfill = seats short of a workshop's minimum
term-moved = sessions moved from the published plan
term-rerouted = sessions added to or removed from courses
term-total = total

## Hard rules (docs/formats.md#hard-rules)
rule-S1 = every session exactly once
rule-S2 = session fields as the edition gives them
rule-S3 = courses name members and scheduled sessions
rule-H1 = opening day and slot
rule-H2 = availability of workshop, organisers, venue
rule-H3 = venue allowed, equipped, in territory, large enough
rule-H4 = session fits its slot
rule-H5 = one session per venue and period
rule-H6 = partner's parallel and daily limits
rule-H7 = partner's travel between venues
rule-H8 = pinned sessions
rule-C1 = member's availability, audience, territory
rule-C2 = member's period, day, workshop and day-count limits
rule-C3 = seats
rule-C4 = member's travel
rule-F1 = what has run stands where it ran
rule-F2 = courses up to the frozen date are what was attended

## What matters first (index, check, summaries)
verdict-ok = No rule broken
verdict-ok-detail = the plan keeps every hard rule.
verdict-broken = Rules broken
verdict-broken-detail = { $n ->
    [one] one hard rule is broken.
   *[other] { $n } hard rules are broken.
}
certified-count = { $certified } of { $sought } certificate(s) sought are won by the courses.
certified-no-courses = { $certifiable } of { $sought } certificate(s) sought can be won with this programme (no courses yet).
left-out-title = People left out
left-out-intro = { $n ->
    [one] One member who seeks a certificate does not get it
   *[other] { $n } members who seek a certificate do not get it
} ({ $people ->
    [one] 1 person
   *[other] { $people } people
}):
left-out-intro-programme = { $n ->
    [one] One member who seeks a certificate cannot get it with this programme
   *[other] { $n } members who seek a certificate cannot get it with this programme
} ({ $people ->
    [one] 1 person
   *[other] { $people } people
}):
left-out-none = Nobody is left out: every certificate sought can be won.
left-out-cannot = no course within this programme can certify them
left-out-course = their course leaves out { $themes }, though a course exists that would certify them
left-out-seats = their course leaves out { $themes }: the sessions of { $full } they could attend are full
left-out-no-course = no course assigned yet
fix-cannot = to fix: schedule sessions of { $themes } that they can reach on days they are free, or widen their availability.
fix-course = to fix: assign courses again (rally assign) so that they get their certificate.
fix-seats = to fix: add a session of { $full }, or seats, on a day and at a place they can reach (rally assign suggests where).
list-more = … and { $n } more (all on the index page of rally export).
unscheduled-title = Unscheduled sessions
unscheduled-intro = { $n ->
    [one] One session has no place in the programme:
   *[other] { $n } sessions have no place in the programme:
}
unsched-no-venue = no venue suits the workshop “{ $workshop }”: { $problems }; allow another venue or relax its needs
unsched-venue-problem = { $venue }: { $problem }
unsched-venues-closed = the venues “{ $workshop }” may use ({ $venues }) are never available when it and its organisers are; open a venue on one of those days
unsched-frozen = every day “{ $workshop }” could run on has already run; open a later day
unsched-too-long = “{ $workshop }” lasts longer than every slot of the day; shorten it
unsched-workshop-never = the availability of “{ $workshop }” matches no opening day; widen it
unsched-organiser-never = { $partner }, who runs it, is never available during the rally
unsched-organiser-not-then = { $partner }, who runs it, is never available when “{ $workshop }” may run; widen one of their availabilities
unsched-never-together = { $first } and { $second }, who run it together, are never free at the same time
unsched-organisers-not-then = its organisers ({ $partners }) are never all free when “{ $workshop }” may run
unsched-held = every one of its { $n } possible placements (day, slot, venue) is held: { $holds }; free an organiser or open another venue or day
unsched-hold-count = { $hold } ({ $n ->
    [one] { $n } placement
   *[other] { $n } placements
})
unsched-hold-venue = { $venue } is taken by { $session }
unsched-hold-parallel = { $partner } already runs { $n ->
    [one] { $n } session
   *[other] { $n } sessions
} at that time
unsched-hold-daily = { $partner } already runs its { $limit } sessions that day
unsched-hold-travel = an organiser could not travel in time from or to its other session that day
unsched-and = {"; "}
underfilled-title = Sessions under their minimum
underfilled-intro = { $n ->
    [one] One session is under its minimum:
   *[other] { $n } sessions are under their minimum:
}
underfilled-line = { $session } “{ $title }” on { $date }: { $taken } of at least { $min }.
violations-title = Rules broken
violations-rule = { $rule } ({ $title }) — { $n } violation(s)
violations-more = … and { $n } more (run rally check).
penalty-title = Penalty
penalty-term = Penalty term
penalty-value = Value
counts = { $scheduled } session(s) scheduled, { $unscheduled } unscheduled; { $members } member(s).

## Pages
nav-index = Index
territories-title = Programme by territory
territory-sessions = { $n } session(s)
members-title = Groups and participants
partners-title = Partners
col-member = Member
col-name = Name
col-kind = Kind
col-sessions = Sessions
col-certificate = Certificate
col-missing = Missing themes
col-partner = Partner
col-session = Session
col-workshop = Workshop
col-reason = Reason
col-theme = Theme
col-date = Date
col-time = Time
col-venue = Venue
col-organisers = Organisers
col-coorganisers = Co-organisers
col-themes = Themes
col-travel = Travel
col-seats = Seats
col-attendees = Who comes
status-not-sought = not sought
status-certified = certified
status-cannot = cannot be certified
status-not-certified = not certified
status-certifiable = certifiable
programme-title = Programme — { $territory }
programme-intro = { $n } session(s) at the venues of this territory. Themes:
coverage-title = Theme coverage
coverage-help = Sessions of each theme each week; wanted: { $n } a week. Gaps are marked ✗ on red.
coverage-caption = Sessions of each theme, week by week
week-caption = Sessions of the week of { $date }
seats-help = seats taken / capacity
full = full
id = id { $id }
territory = territory
base = base
regional = regional
themes-title = Themes
themes-to-validate = Themes to validate
themes-validated = Validated by the course
themes-missing = Still missing
cert-not-sought = does not seek a certificate
cert-certified = certified
cert-certifiable = not certified by this course, though a course exists that would be
cert-cannot = cannot be certified with this programme:
course-title = Course
course-no-plan = This plan has no courses yet: it holds the programme only.
course-empty = No session in this member's course.
course-caption = Sessions of the course, in order
travel-from = { $minutes } min from { $place }
travel-no-road-from = no road from { $place }
travel-back = then { $minutes } min back to { $place }
travel-no-road-back = then no road back to { $place }
partner-limits = at most { $parallel } session(s) at once, { $daily } a day
partner-sessions = Sessions ({ $n })
partner-none = No scheduled session.
partner-caption = Sessions this partner runs, and who comes
nobody-yet = nobody yet
headcount = { $n ->
    [one] 1 person
   *[other] { $n } people
}

## Calendars
ics-session = Session { $session } of “{ $title }”.
ics-organisers = Organisers: { $names }.
ics-themes = Themes: { $names }.
ics-seats = Seats taken: { $taken } of { $capacity }.

## CSV hand-outs (headers)
csv-session = session
csv-workshop = workshop
csv-title = title
csv-date = date
csv-weekday = weekday
csv-slot = slot
csv-start = start
csv-end = end
csv-venue = venue
csv-venue-name = venue name
csv-territory = territory
csv-organisers = organisers
csv-themes = themes
csv-capacity = capacity
csv-taken = taken
csv-member = member
csv-name = name
csv-kind = kind
csv-headcount = headcount
csv-signature = signature
csv-present = present
csv-certifiable = certifiable
csv-missing = missing
csv-reason = reason
reason-no-course = no course assigned yet (the plan holds the programme only)

## Printables
print-sign-in = Sign-in sheet
print-organisers = Organised by
print-expected = Expected: { $n ->
    [one] 1 person
   *[other] { $n } people
}
print-signature = Signature
print-teacher = Accompanying teacher or adviser
print-walk-ins = Walk-ins
print-class = Class of { $n }
print-certificate = Certificate of attendance
print-certifies = This certifies that
print-took-part = took part in { $edition }, from { $from } to { $to }, and validated the themes of the job rally:
print-partners = With the partners
print-partner-list = Who comes to your sessions

## Workbooks (rally export --workbook, rally import --template book.xlsx)
book-title = How to fill in this workbook
book-intro-1 = One sheet per list; the first row of each names its columns (keep it). Blank rows are skipped.
book-intro-2 = Ids: 1 to 64 letters without accents, digits, '.', '_' or '-'. Several values in one cell: separate them with ; (e.g. realities; conditions).
book-intro-3 = Dates: a date cell, YYYY-MM-DD or DD/MM/YYYY. Times: HH:MM. Yes/no: yes, no, oui or non. An empty cell means "not given" (the default applies).
book-intro-4 = Then: rally import book.xlsx -o edition.json (every problem is listed with its cell, e.g. Ateliers!D9).
book-sheet = Sheet
book-column = Column
book-required = Required
book-holds = What to write
book-yes = yes
book-allowed = Allowed: { $values }.
book-several = Several values: separate them with ;
book-list-nodes = Places and venues
book-list-sessions = Sessions
book-list-rules = Rules
book-list-features = Venue features
book-col-edition = The name of the edition.
book-col-calendar-start = First date of the rally.
book-col-calendar-end = Last date of the rally.
book-col-weekdays = Weekdays it opens, separated by ; (default mon to fri).
book-col-closed = Dates inside the rally when it does not open (bank holidays), separated by ;.
book-col-id = The id other sheets use to name this row.
book-col-name = The name shown to people.
book-col-start = Start time, HH:MM.
book-col-end = End time, HH:MM.
book-col-territory = A territory id (sheet Territoires).
book-col-capacity = Seats, a whole number.
book-col-features = What the venue offers (kitchen, accessible…), separated by ;.
book-col-availability = When it can come: empty for always, e.g. only: tue,thu morning; except: 2016-03-14..2016-03-18.
book-col-from = A place or venue id.
book-col-to = A place or venue id.
book-col-minutes = Travel time one way, in minutes.
book-col-kind = The kind of partner.
book-col-parallel = Sessions it can run at the same time (default 1).
book-col-max-per-day = Sessions a day at most (default 2).
book-col-title = The title of the workshop.
book-col-workshops-themes = Themes a session validates, separated by ;.
book-col-themes = Themes to validate for the certificate, separated by ; (default: the rule certificate).
book-col-organisers = Partner ids (sheet Partenaires), separated by ;.
book-col-sessions = Number of sessions (default 1).
book-col-duration = Length of a session in minutes (default: the whole slot).
book-col-min = Fewest people for a session to take place.
book-col-max = Most people in a session.
book-col-venues = Venue ids it may use (sheet Salles), separated by ; (default: any).
book-col-needs = Features every venue it uses must have, separated by ;.
book-col-audience = Profiles admitted, separated by ; (default: all).
book-col-profile = The member's profile.
book-col-size = Number of people in the group.
book-col-base = The place or venue it travels from and back to.
book-col-max-days = On how many dates at most it comes.
book-col-certificate = Whether it seeks a certificate (default yes).
book-col-max-travel = Minutes from the base a venue may be at most.
book-col-wishes = Workshop ids wished (sheet Ateliers), separated by ;.
book-col-session = A session id: the workshop id, / and its number (w01/1).
book-col-date = The date of the session.
book-col-slot = A slot id (sheet Créneaux).
book-col-venue = A venue id (sheet Salles).
book-col-rule = theme_sessions_per_week, certificate, or weights.TERM for a weight of the penalty.
book-col-value = The rule's value: a whole number, or for certificate theme ids separated by ;.

## Summaries of rally plan, assign and solve (standard error)
sum-planned = planned { $sessions } sessions, { $unscheduled } unscheduled, in { $seconds } s
sum-penalty = penalty { $total }: { $terms }
sum-term = { $name } { $value }
sum-optimal = proven optimal
sum-best-bound = best found (lower bound { $bound }, gap { $gap }%)
sum-best = best found
sum-budget = time limit { $limit } s, { $effort }, { $end }
sum-effort = effort { $spent }
sum-effort-of = effort { $spent } of { $effort }
sum-cancelled = cancelled: best plan so far
sum-cut-short = cut short by the clock (another run may differ; give --effort to reproduce)
sum-not-cut-short = not cut short by the clock (reproducible with --effort and --seed)
sum-certified = certified { $participants }/{ $wanting-participants } participants and { $groups }/{ $wanting-groups } groups ({ $pupils }/{ $wanting-pupils } pupils) in { $seconds } s
sum-headcount = certified headcount { $got } of { $wanting } wanting a certificate ({ $bound })
sum-upper-bound = upper bound { $n }
sum-suggestions = What would certify more:
sum-suggestion = one more session of { $workshop } “{ $title }” on a { $weekday } { $slot } at { $venue } would certify up to { $whom } more
sum-participants = { $n ->
    [one] 1 participant
   *[other] { $n } participants
}
sum-groups = { $n ->
    [one] 1 group
   *[other] { $n } groups
}
sum-and = { $a } and { $b }
sum-invalid-programme = warning: the programme of { $plan } breaks hard rules (see rally check); courses were assigned on it as is
sum-solve = programme penalty before courses { $penalty }; sessions moved after routing: { $moved }; total time { $seconds } s
sum-none = none
sum-total-optimal = total penalty { $total }: proven optimal
sum-total-bound = total penalty { $total }; lower bound { $bound }, gap { $gap }%
sum-total-no-bound = total penalty { $total }; no lower bound
progress-searching = searching…
progress-best = best penalty { $n }

## Why a member cannot be certified (the checker's reasons)
quoted = “{ $text }”
why-no-session = no scheduled session covers { $theme }
why-only-in = { $theme } is offered only in { $clauses }
why-and-in = {"; and in "}
why-elsewhere = { $n } session(s) outside their territory, { $territory }
why-blocked = { $sessions }, { $tail }
why-more = { $list } and { $n } more
why-session = { $session } ({ $day }, { $slot }, { $venue })
why-territory = outside their territory
why-audience = whose workshop does not admit the profile { $profile }
why-capacity = whose seats are fewer than their { $n } people
why-unreachable = which no road links to their base, { $base }
why-too-far = farther than their max_travel of { $minutes } min from their base, { $base }
why-unavailable = when they are not available ({ $availability })
why-apart-each = { $alone } can each be reached, but not together
why-apart-with = { $alone } can be reached, but not together with { $others }
why-limit-max-days = { $names } within their limit of { $n } days out (max_days)
why-limit-max-per-day = { $names } within their limit of { $n } session(s) a day (max_per_day)
why-limit-travel = { $names } with the travel times between same-day venues
why-limit-none = { $names }: their sessions fall in the same periods or days
avail-always = always available
avail-any = any time
avail-only = only { $rules }
avail-except = except { $rules }
avail-or = {" or "}
avail-and = {"; "}
avail-slots = { $slots } slots
avail-from-to = from { $from } to { $to }
avail-from = from { $from }
avail-until = until { $to }

## The rules broken, in words (rally check, the index)
viol-session = { $session } (“{ $title }”)
viol-when = { $date } ({ $slot })
viol-unplanned = session { $session } is neither scheduled nor unscheduled
viol-repeated = session { $session } appears { $n } times in the plan
viol-not-a-session = “{ $session }” is not a session of the edition
viol-not-a-member = the plan gives a course to “{ $member }”, who is not a member of the edition
viol-two-courses = { $member } has more than one course
viol-listed-twice = the course of { $member } lists { $session } twice
viol-not-scheduled = the course of { $member } names { $session }, which is not among the scheduled sessions
viol-fields = session { $session } differs from the edition: { $fields }
viol-fields-and = {"; "}
viol-field-workshop = its workshop is “{ $given }” instead of “{ $workshop }”
viol-field-times = its times are { $given }, the edition gives { $edition }
viol-field-capacity = its seats are { $given }, the edition gives { $edition }
viol-closed-day = session { $session } is placed on { $date }, which is not an opening day of the rally
viol-unknown-slot = session { $session } is placed in the slot “{ $slot }”, which the calendar does not know
viol-unknown-venue = session { $session } is placed at the venue “{ $venue }”, which the edition does not know
viol-placement = session { $session } cannot take place on { $when } at { $venue }: { $problem }
viol-workshop-away = the workshop is not available then
viol-organiser-away = { $partner }, who runs it, is not available then
viol-venue-away = the venue is not available then
viol-not-among-venues = this venue is not among the workshop’s
viol-lacks-feature = the venue lacks the feature “{ $feature }” the workshop needs
viol-outside-territory = the venue is in the territory { $territory }, the workshop in { $own }
viol-too-small = the venue seats only { $capacity }, the workshop needs at least { $min }
viol-too-long = the workshop lasts { $duration } min, longer than the { $slot } slot ({ $minutes } min)
viol-venue-taken = { $venue } hosts { $n } sessions on { $when }
viol-partner-parallel = { $partner } runs { $n } sessions on { $when }, more than its limit of { $limit } at a time
viol-partner-daily = { $partner } runs { $n } sessions on { $date }, more than its limit of { $limit } a day
viol-partner-late = { $partner } { $late }, on { $date }
viol-late = goes from { $from } to { $to } with { $gap } min between two sessions, { $road }
viol-road = but the road takes { $minutes } min
viol-no-road-between = but no road links these venues
viol-pinned = session { $session } is pinned to { $when } at { $venue }, but the plan puts it elsewhere
viol-unavailable = { $member } attends { $session } on { $when }, when this member is not available
viol-audience = { $member } attends { $session }, whose workshop does not admit the profile { $profile }
viol-territory = { $member } attends { $session } at { $venue } ({ $territory }), outside its territory, { $own }
viol-too-far = { $member } attends { $session } at { $venue }, { $minutes } min from its base, beyond its limit of { $max } min (max_travel)
viol-no-road = { $member } attends { $session } at { $venue }, which no road links to its base, { $base }
viol-seats = session { $session } has { $taken ->
        [one] { $taken } person
       *[other] { $taken } people
    } for { $seats } seats
viol-same-period = { $member } attends { $n } sessions at once, on { $when }
viol-member-daily = { $member } attends { $n } sessions on { $date }, more than its limit of { $limit } a day
viol-same-workshop = { $member } attends the workshop “{ $workshop }” { $n } times
viol-days = { $member } goes out on { $n ->
        [one] { $n } day
       *[other] { $n } days
    }, more than its limit of { $limit }
viol-member-late = { $member } { $late }
viol-frozen = session { $session } stands { $old } in the published plan but { $new } in this plan; what is dated on or before { $date } stays where it ran
viol-standing = on { $when } at { $venue }
viol-standing-unscheduled = among the unscheduled sessions
viol-standing-nowhere = nowhere
viol-frozen-course = the course of { $member } up to { $date } { $what } (according to { $source ->
    [attended] the published plan and the attendance
   *[plan] the published plan
})
viol-frozen-extra = lists { $sessions }, which this member did not attend
viol-frozen-lacking = leaves out { $sessions }, which this member attended
viol-frozen-and = {" and "}

## What a re-plan changed (rally plan, assign, solve --from)
changes-title = changes against the published plan: { $moved } session(s) moved, { $rerouted } member(s) rerouted ({ $count } session(s) added or removed)
changes-title-frozen = changes against the published plan (frozen until { $date }): { $moved } session(s) moved, { $rerouted } member(s) rerouted ({ $count } session(s) added or removed)
changes-dropped = no longer in the edition: sessions [{ $sessions }], members [{ $members }]
changes-partners = partners to call ({ $n }):
changes-members = members to call ({ $n }):
changes-moved = { $session }: { $old } → { $new }
changes-tell = { $n } member(s) to tell: { $members }
changes-at = { $day }, { $slot }, { $venue }
changes-unscheduled = unscheduled
changes-removed-from-edition = removed from the edition
changes-added = added { $sessions }
changes-removed = removed { $sessions }
changes-gone = (no longer in the edition)
export-invalid = rally export: the plan breaks { $n } hard rule(s); the pages say which (rally check tells more)
export-wrote = rally export: { $n } { $what ->
    [pages] page(s)
    [calendars] calendar(s)
    [sheets] sheet(s)
   *[printables] printable page(s)
} in { $dir }
export-workbook = rally export: workbook { $path }
