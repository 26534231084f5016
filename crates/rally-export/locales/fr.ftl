# Textes pour les gens, en français. Chaque message a son jumeau dans en.ftl.

## Le calendrier
weekday-0 = lundi
weekday-1 = mardi
weekday-2 = mercredi
weekday-3 = jeudi
weekday-4 = vendredi
weekday-5 = samedi
weekday-6 = dimanche
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
labelled = { $label } : { $text }
date-long = { $weekday } { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
date-day = { $weekday } { $day ->
    [1] 1er
   *[other] { $day }
} { $month }
week-of = Semaine du { $date }
closed = Fermé
slot-morning = Matin
slot-afternoon = Après-midi
edition-default = Rallye des métiers

## Les sept thèmes par défaut (docs/formats.md#themes)
theme-employers = Employeurs et situations de travail
theme-realities = Réalités du métier
theme-conditions = Conditions de travail
theme-public = Connaître les personnes accompagnées
theme-training = Formation
theme-professions = Autres métiers de l’aide à domicile
theme-career = Évolution professionnelle

## Profils et types de partenaires
profile-student = élève
profile-job-seeker = demandeur d’emploi
profile-retraining = reconversion
profile-employee = salarié
profile-adviser = conseiller
partner-kind-home-care-service = service d’aide à domicile
partner-kind-training = organisme de formation
partner-kind-employment = service de l’emploi
partner-kind-association = association
partner-kind-authority = collectivité
partner-kind-health = établissement de santé
partner-kind-other = autre
member-group = groupe de { $headcount } ({ $profile })
member-participant = participant ({ $profile })
kind-group = groupe
kind-participant = participant
yes = oui
no = non

## Les termes de la pénalité, en mots
term-unscheduled = sessions non programmées
term-theme_week = thèmes absents d’une semaine d’un territoire
term-same_day = sessions d’un même atelier le même jour
term-daily_load = journées plus chargées que la moyenne
term-coverage = personnes qu’aucun parcours ne peut certifier
term-uncertified = personnes que leur parcours ne certifie pas
term-theme_missing = thèmes manquants aux parcours
term-wish = souhaits non satisfaits
term-group_day = journées de venue des groupes
term-participant_day = journées de venue des participants
term-travel_minute = minutes de trajet
term-underfill = places manquantes sous le minimum d’un atelier
term-moved = sessions déplacées depuis le plan publié
term-rerouted = sessions ajoutées aux parcours ou retirées
term-total = total

## Règles impératives (docs/formats.md#hard-rules)
rule-S1 = chaque session une seule fois
rule-S2 = champs des sessions conformes à l’édition
rule-S3 = parcours nommant des membres et des sessions programmées
rule-H1 = jour d’ouverture et créneau
rule-H2 = disponibilité de l’atelier, des organisateurs, du lieu
rule-H3 = lieu permis, équipé, dans le territoire, assez grand
rule-H4 = session tenant dans son créneau
rule-H5 = une session par lieu et par créneau
rule-H6 = limites simultanées et journalières des partenaires
rule-H7 = trajets des partenaires entre les lieux
rule-H8 = sessions fixées
rule-C1 = disponibilité, public et territoire du membre
rule-C2 = limites du membre par créneau, jour, atelier et nombre de jours
rule-C3 = places
rule-C4 = trajets du membre
rule-F1 = ce qui a eu lieu reste où il a eu lieu
rule-F2 = parcours jusqu’à la date gelée conformes aux présences

## L’essentiel d’abord (sommaire, vérification, résumés)
verdict-ok = Aucune règle enfreinte
verdict-ok-detail = le plan respecte toutes les règles impératives.
verdict-broken = Règles enfreintes
verdict-broken-detail = { $n ->
    [one] une règle impérative est enfreinte.
   *[other] { $n } règles impératives sont enfreintes.
}
certified-count = { $certified } attestation(s) obtenue(s) par les parcours sur { $sought } demandée(s).
certified-no-courses = { $certifiable } attestation(s) sur { $sought } demandée(s) peuvent être obtenues avec ce programme (pas encore de parcours).
left-out-title = Personnes laissées de côté
left-out-intro = { $n ->
    [one] Un membre qui demande une attestation ne l’obtient pas
   *[other] { $n } membres qui demandent une attestation ne l’obtiennent pas
} ({ $people ->
    [one] 1 personne
   *[other] { $people } personnes
}) :
left-out-intro-programme = { $n ->
    [one] Un membre qui demande une attestation ne peut pas l’obtenir avec ce programme
   *[other] { $n } membres qui demandent une attestation ne peuvent pas l’obtenir avec ce programme
} ({ $people ->
    [one] 1 personne
   *[other] { $people } personnes
}) :
left-out-none = Personne n’est laissé de côté : chaque attestation demandée peut être obtenue.
left-out-cannot = aucun parcours dans ce programme ne peut les certifier
left-out-course = leur parcours laisse de côté { $themes }, alors qu’un parcours les certifierait
left-out-seats = leur parcours laisse de côté { $themes } : les sessions de { $full } qu’ils pourraient suivre sont complètes
left-out-no-course = pas encore de parcours
fix-cannot = pour y remédier : programmer des sessions de { $themes } qu’ils puissent rejoindre les jours où ils sont libres, ou élargir leurs disponibilités.
fix-course = pour y remédier : refaire les parcours (rally assign) pour qu’ils obtiennent leur attestation.
fix-seats = pour y remédier : ajouter une session de { $full }, ou des places, un jour et en un lieu qu’ils peuvent rejoindre (rally assign indique où).
list-more = … et { $n } de plus (tous sur la page d’accueil de rally export).
unscheduled-title = Sessions non programmées
unscheduled-intro = { $n ->
    [one] Une session n’a pas de place dans le programme :
   *[other] { $n } sessions n’ont pas de place dans le programme :
}
unsched-no-venue = aucun lieu ne convient à l’atelier « { $workshop } » : { $problems } ; autoriser un autre lieu ou alléger ses besoins
unsched-venue-problem = { $venue } : { $problem }
unsched-venues-closed = les lieux où « { $workshop } » peut avoir lieu ({ $venues }) ne sont jamais disponibles quand l’atelier et ses organisateurs le sont ; ouvrir un lieu l’un de ces jours
unsched-frozen = tous les jours où « { $workshop } » pourrait avoir lieu sont déjà passés ; ouvrir un jour plus tardif
unsched-too-long = « { $workshop } » dure plus longtemps que chaque créneau de la journée ; le raccourcir
unsched-workshop-never = les disponibilités de « { $workshop } » ne tombent sur aucun jour d’ouverture ; les élargir
unsched-organiser-never = { $partner }, qui l’organise, n’est jamais disponible pendant le rallye
unsched-organiser-not-then = { $partner }, qui l’organise, n’est jamais disponible quand « { $workshop } » peut avoir lieu ; élargir l’une de leurs disponibilités
unsched-never-together = { $first } et { $second }, qui l’organisent ensemble, ne sont jamais libres en même temps
unsched-organisers-not-then = ses organisateurs ({ $partners }) ne sont jamais tous libres quand « { $workshop } » peut avoir lieu
unsched-held = chacune de ses { $n } possibilités (jour, créneau, lieu) est prise : { $holds } ; libérer un organisateur, ou ouvrir un autre lieu ou un autre jour
unsched-hold-count = { $hold } ({ $n ->
    [one] { $n } possibilité
   *[other] { $n } possibilités
})
unsched-hold-venue = { $venue } est déjà occupé par { $session }
unsched-hold-parallel = { $partner } anime déjà { $n ->
    [one] { $n } session
   *[other] { $n } sessions
} à ce moment-là
unsched-hold-daily = { $partner } anime déjà ses { $limit } sessions de la journée
unsched-hold-travel = un organisateur ne pourrait pas arriver à temps depuis ou vers son autre session de la journée
unsched-and = {" ; "}
underfilled-title = Sessions sous leur minimum
underfilled-intro = { $n ->
    [one] Une session est sous son minimum :
   *[other] { $n } sessions sont sous leur minimum :
}
underfilled-line = { $session } « { $title } » le { $date } : { $taken } pour au moins { $min }.
violations-title = Règles enfreintes
violations-rule = { $rule } ({ $title }) — { $n } infraction(s)
violations-more = … et { $n } de plus (lancer rally check).
penalty-title = Pénalité
penalty-term = Terme de la pénalité
penalty-value = Valeur
counts = { $scheduled } session(s) programmée(s), { $unscheduled } non programmée(s) ; { $members } membre(s).

## Les pages
nav-index = Sommaire
territories-title = Programme par territoire
territory-sessions = { $n } session(s)
members-title = Groupes et participants
partners-title = Partenaires
col-member = Membre
col-name = Nom
col-kind = Type
col-sessions = Sessions
col-certificate = Attestation
col-missing = Thèmes manquants
col-partner = Partenaire
col-session = Session
col-workshop = Atelier
col-reason = Raison
col-theme = Thème
col-date = Date
col-time = Horaire
col-venue = Lieu
col-organisers = Organisateurs
col-coorganisers = Co-organisateurs
col-themes = Thèmes
col-travel = Trajet
col-seats = Places
col-attendees = Qui vient
status-not-sought = non demandée
status-certified = obtenue
status-cannot = impossible
status-not-certified = non obtenue
status-certifiable = possible
programme-title = Programme — { $territory }
programme-intro = { $n } session(s) dans les lieux de ce territoire. Thèmes :
coverage-title = Couverture des thèmes
coverage-help = Sessions de chaque thème chaque semaine ; souhaité : { $n } par semaine. Les manques sont marqués ✗ sur fond rouge.
coverage-caption = Sessions de chaque thème, semaine par semaine
week-caption = Sessions de la semaine du { $date }
seats-help = places prises / capacité
full = complet
id = identifiant { $id }
territory = territoire
base = point de départ
regional = régional
themes-title = Thèmes
themes-to-validate = Thèmes à valider
themes-validated = Validés par le parcours
themes-missing = Encore manquants
cert-not-sought = ne demande pas d’attestation
cert-certified = attestation obtenue
cert-certifiable = pas d’attestation avec ce parcours, alors qu’un parcours la donnerait
cert-cannot = pas d’attestation possible avec ce programme :
course-title = Parcours
course-no-plan = Ce plan n’a pas encore de parcours : il ne contient que le programme.
course-empty = Aucune session dans le parcours de ce membre.
course-caption = Sessions du parcours, dans l’ordre
travel-from = { $minutes } min depuis { $place }
travel-no-road-from = pas de route depuis { $place }
travel-back = puis { $minutes } min pour rentrer à { $place }
travel-no-road-back = puis pas de route pour rentrer à { $place }
partner-limits = au plus { $parallel } session(s) à la fois, { $daily } par jour
partner-sessions = Sessions ({ $n })
partner-none = Aucune session programmée.
partner-caption = Sessions de ce partenaire, et qui vient
nobody-yet = personne pour l’instant
headcount = { $n ->
    [one] 1 personne
   *[other] { $n } personnes
}

## Les calendriers
ics-session = Session { $session } de « { $title } ».
ics-organisers = Organisateurs : { $names }.
ics-themes = Thèmes : { $names }.
ics-seats = Places prises : { $taken } sur { $capacity }.

## Les tableaux CSV (en-têtes)
csv-session = session
csv-workshop = atelier
csv-title = titre
csv-date = date
csv-weekday = jour
csv-slot = créneau
csv-start = début
csv-end = fin
csv-venue = lieu
csv-venue-name = nom du lieu
csv-territory = territoire
csv-organisers = organisateurs
csv-themes = thèmes
csv-capacity = capacité
csv-taken = places prises
csv-member = membre
csv-name = nom
csv-kind = type
csv-headcount = effectif
csv-signature = signature
csv-present = présent
csv-certifiable = certifiable
csv-missing = manquants
csv-reason = raison
reason-no-course = pas encore de parcours (le plan ne contient que le programme)

## Les documents à imprimer
print-sign-in = Feuille d’émargement
print-organisers = Organisé par
print-expected = Attendus : { $n ->
    [one] 1 personne
   *[other] { $n } personnes
}
print-signature = Signature
print-teacher = Enseignant ou conseiller accompagnateur
print-walk-ins = Personnes venues sans inscription
print-class = Classe de { $n }
print-certificate = Attestation de participation
print-certifies = Nous attestons que
print-took-part = a participé à { $edition }, du { $from } au { $to }, et a validé les thèmes du rallye des métiers :
print-partners = Avec les partenaires
print-partner-list = Qui vient à vos sessions

## Workbooks (rally export --workbook, rally import --template book.xlsx)
book-title = Comment remplir ce classeur
book-intro-1 = Une feuille par liste ; la première ligne de chacune nomme ses colonnes (gardez-la). Les lignes vides sont ignorées.
book-intro-2 = Identifiants : 1 à 64 lettres sans accents, chiffres, « . », « _ » ou « - ». Plusieurs valeurs dans une cellule : séparez-les par ; (par exemple realities; conditions).
book-intro-3 = Dates : une cellule date, AAAA-MM-JJ ou JJ/MM/AAAA. Heures : HH:MM. Oui/non : oui, non, yes ou no. Une cellule vide veut dire « non précisé » (la valeur par défaut s’applique).
book-intro-4 = Ensuite : rally import classeur.xlsx -o edition.json (chaque problème est donné avec sa cellule, par exemple Ateliers!D9).
book-sheet = Feuille
book-column = Colonne
book-required = Obligatoire
book-holds = Que mettre
book-yes = oui
book-allowed = Valeurs permises : { $values }.
book-several = Plusieurs valeurs : séparez-les par ;
book-list-nodes = Lieux et salles
book-list-sessions = Séances
book-list-rules = Règles
book-list-features = Équipements des salles
book-col-edition = Le nom de l’édition.
book-col-calendar-start = Premier jour du rallye.
book-col-calendar-end = Dernier jour du rallye.
book-col-weekdays = Jours de la semaine ouverts, séparés par ; (par défaut du lundi au vendredi).
book-col-closed = Dates du rallye où il n’ouvre pas (jours fériés), séparées par ;.
book-col-id = L’identifiant par lequel les autres feuilles désignent cette ligne.
book-col-name = Le nom montré aux personnes.
book-col-start = Heure de début, HH:MM.
book-col-end = Heure de fin, HH:MM.
book-col-territory = Un identifiant de territoire (feuille Territoires).
book-col-capacity = Nombre de places, un nombre entier.
book-col-features = Ce qu’offre la salle (cuisine, accessible…), séparé par ;.
book-col-availability = Quand il ou elle peut venir : vide pour toujours, par exemple only: tue,thu morning; except: 2016-03-14..2016-03-18.
book-col-from = Un identifiant de lieu ou de salle.
book-col-to = Un identifiant de lieu ou de salle.
book-col-minutes = Temps de trajet aller, en minutes.
book-col-kind = Le type de partenaire.
book-col-parallel = Séances qu’il peut animer en même temps (1 par défaut).
book-col-max-per-day = Séances par jour au plus (2 par défaut).
book-col-title = Le titre de l’atelier.
book-col-workshops-themes = Thèmes qu’une séance valide, séparés par ;.
book-col-themes = Thèmes à valider pour l’attestation, séparés par ; (par défaut : la règle certificate).
book-col-organisers = Identifiants des partenaires (feuille Partenaires), séparés par ;.
book-col-sessions = Nombre de séances (1 par défaut).
book-col-duration = Durée d’une séance en minutes (par défaut : tout le créneau).
book-col-min = Nombre minimum de personnes pour qu’une séance ait lieu.
book-col-max = Nombre maximum de personnes dans une séance.
book-col-venues = Identifiants des salles possibles (feuille Salles), séparés par ; (par défaut : toutes).
book-col-needs = Équipements que chaque salle utilisée doit avoir, séparés par ;.
book-col-audience = Profils admis, séparés par ; (par défaut : tous).
book-col-profile = Le profil de la personne.
book-col-size = Nombre de personnes du groupe.
book-col-base = Le lieu ou la salle d’où il part et où il revient.
book-col-max-days = Nombre maximum de jours de présence.
book-col-certificate = S’il ou elle vise une attestation (oui par défaut).
book-col-max-travel = Minutes de trajet au plus entre la base et une salle.
book-col-wishes = Identifiants des ateliers souhaités (feuille Ateliers), séparés par ;.
book-col-session = Un identifiant de séance : l’identifiant de l’atelier, / et son numéro (w01/1).
book-col-date = La date de la séance.
book-col-slot = Un identifiant de créneau (feuille Créneaux).
book-col-venue = Un identifiant de salle (feuille Salles).
book-col-rule = theme_sessions_per_week, certificate, ou weights.TERME pour un poids de la pénalité.
book-col-value = La valeur de la règle : un nombre entier, ou pour certificate des identifiants de thèmes séparés par ;.

## Résumés de rally plan, assign et solve (sortie d’erreur)
sum-planned = { $sessions ->
    [one] { $sessions } session programmée
   *[other] { $sessions } sessions programmées
}, { $unscheduled ->
    [one] { $unscheduled } non programmée
   *[other] { $unscheduled } non programmées
}, en { $seconds } s
sum-penalty = pénalité { $total } : { $terms }
sum-term = { $name } { $value }
sum-optimal = optimum prouvé
sum-best-bound = meilleur plan trouvé (borne inférieure { $bound }, écart { $gap } %)
sum-best = meilleur plan trouvé
sum-budget = limite de temps { $limit } s, { $effort }, { $end }
sum-effort = effort { $spent }
sum-effort-of = effort { $spent } sur { $effort }
sum-cancelled = interrompu : le meilleur plan trouvé jusque-là
sum-cut-short = arrêté par l’horloge (un autre essai peut différer ; donner --effort pour le reproduire)
sum-not-cut-short = non arrêté par l’horloge (reproductible avec --effort et --seed)
sum-certified = attestations : { $participants }/{ $wanting-participants } participants et { $groups }/{ $wanting-groups } groupes ({ $pupils }/{ $wanting-pupils } élèves), en { $seconds } s
sum-headcount = { $got } personnes certifiées sur { $wanting } qui demandent une attestation ({ $bound })
sum-upper-bound = borne supérieure { $n }
sum-suggestions = Ce qui en certifierait davantage :
sum-suggestion = une session de plus de { $workshop } « { $title } » un { $weekday } { $slot } à { $venue } certifierait jusqu’à { $whom } de plus
sum-participants = { $n ->
    [one] 1 participant
   *[other] { $n } participants
}
sum-groups = { $n ->
    [one] 1 groupe
   *[other] { $n } groupes
}
sum-and = { $a } et { $b }
sum-invalid-programme = attention : le programme de { $plan } enfreint des règles impératives (voir rally check) ; les parcours ont été attribués sur ce programme tel quel
sum-solve = pénalité du programme avant les parcours { $penalty } ; sessions déplacées après les parcours : { $moved } ; durée totale { $seconds } s
sum-none = aucune
sum-total-optimal = pénalité totale { $total } : optimum prouvé
sum-total-bound = pénalité totale { $total } ; borne inférieure { $bound }, écart { $gap } %
sum-total-no-bound = pénalité totale { $total } ; pas de borne inférieure
progress-searching = recherche…
progress-best = meilleure pénalité { $n }

## Pourquoi un membre ne peut pas être certifié (les raisons du vérificateur)
quoted = « { $text } »
why-no-session = aucune session programmée ne couvre { $theme }
why-only-in = { $theme } n’est proposé que dans { $clauses }
why-and-in = {" ; et dans "}
why-elsewhere = { $n } session(s) hors de leur territoire, { $territory }
why-blocked = { $sessions }, { $tail }
why-more = { $list } et { $n } autre(s)
why-session = { $session } ({ $day }, { $slot }, { $venue })
why-territory = hors de leur territoire
why-audience = dont l’atelier n’accueille pas le profil { $profile }
why-capacity = dont les places sont moins nombreuses que leurs { $n } personnes
why-unreachable = qu’aucune route ne relie à leur point de départ, { $base }
why-too-far = à plus de { $minutes } min (max_travel) de leur point de départ, { $base }
why-unavailable = quand ils ne sont pas disponibles ({ $availability })
why-apart-each = { $alone } peuvent chacun être obtenus, mais pas ensemble
why-apart-with = { $alone } peuvent être obtenus, mais pas avec { $others }
why-limit-max-days = { $names } dans leur limite de { $n } jours de venue (max_days)
why-limit-max-per-day = { $names } dans leur limite de { $n } session(s) par jour (max_per_day)
why-limit-travel = { $names } avec les temps de trajet entre les lieux d’une même journée
why-limit-none = { $names } : leurs sessions tombent sur les mêmes créneaux ou les mêmes jours
avail-always = toujours disponibles
avail-any = à tout moment
avail-only = seulement { $rules }
avail-except = sauf { $rules }
avail-or = {" ou "}
avail-and = {" ; "}
avail-slots = créneaux { $slots }
avail-from-to = du { $from } au { $to }
avail-from = à partir du { $from }
avail-until = jusqu’au { $to }

## Les règles enfreintes, en mots (rally check, l’index)
viol-session = { $session } (« { $title } »)
viol-when = { $date } ({ $slot })
viol-unplanned = La session { $session } n’est ni programmée ni déclarée non programmée
viol-repeated = La session { $session } apparaît { $n } fois dans le plan
viol-not-a-session = « { $session } » n’est pas une session de l’édition
viol-not-a-member = Le plan donne un parcours à « { $member } », qui n’est pas membre de l’édition
viol-two-courses = { $member } a plus d’un parcours
viol-listed-twice = Le parcours de { $member } cite { $session } deux fois
viol-not-scheduled = Le parcours de { $member } cite { $session }, qui n’est pas parmi les sessions programmées
viol-fields = La session { $session } ne correspond pas à l’édition : { $fields }
viol-fields-and = {" ; "}
viol-field-workshop = son atelier est « { $given } » au lieu de « { $workshop } »
viol-field-times = ses horaires sont { $given }, l’édition donne { $edition }
viol-field-capacity = ses places sont { $given }, l’édition en donne { $edition }
viol-closed-day = La session { $session } est placée le { $date }, qui n’est pas un jour d’ouverture du rallye
viol-unknown-slot = La session { $session } est placée sur le créneau « { $slot } », que le calendrier ne connaît pas
viol-unknown-venue = La session { $session } est placée au lieu « { $venue } », que l’édition ne connaît pas
viol-placement = La session { $session } ne peut pas avoir lieu le { $when } à { $venue } : { $problem }
viol-workshop-away = l’atelier n’est pas disponible à ce moment-là
viol-organiser-away = { $partner }, qui l’organise, n’est pas disponible à ce moment-là
viol-venue-away = le lieu n’est pas disponible à ce moment-là
viol-not-among-venues = ce lieu n’est pas parmi ceux de l’atelier
viol-lacks-feature = il manque au lieu l’équipement « { $feature } » dont l’atelier a besoin
viol-outside-territory = le lieu est dans le territoire { $territory }, l’atelier dans le territoire { $own }
viol-too-small = le lieu n’a que { $capacity } places, l’atelier en demande au moins { $min }
viol-too-long = l’atelier dure { $duration } min, plus que le créneau { $slot } ({ $minutes } min)
viol-venue-taken = { $venue } accueille { $n } sessions le { $when }
viol-partner-parallel = { $partner } anime { $n } sessions le { $when }, au-delà de sa limite de { $limit } à la fois
viol-partner-daily = { $partner } anime { $n } sessions le { $date }, au-delà de sa limite de { $limit } par jour
viol-partner-late = { $partner } { $late }, le { $date }
viol-late = doit aller de { $from } à { $to } avec { $gap } min entre deux sessions, { $road }
viol-road = alors que la route prend { $minutes } min
viol-no-road-between = alors qu’aucune route ne relie ces lieux
viol-pinned = La session { $session } est fixée le { $when } à { $venue }, mais le plan la met ailleurs
viol-unavailable = { $member } suit { $session } le { $when }, alors qu’à ce moment-là ce membre n’est pas disponible
viol-audience = { $member } suit { $session }, dont l’atelier n’accueille pas le profil { $profile }
viol-territory = { $member } suit { $session } à { $venue } ({ $territory }), hors de son territoire, { $own }
viol-too-far = { $member } suit { $session } à { $venue }, à { $minutes } min de son point de départ, au-delà de sa limite de { $max } min (max_travel)
viol-no-road = { $member } suit { $session } à { $venue }, qu’aucune route ne relie à son point de départ, { $base }
viol-seats = La session { $session } reçoit { $taken ->
        [one] { $taken } personne
       *[other] { $taken } personnes
    } pour { $seats } places
viol-same-period = { $member } suit { $n } sessions en même temps, le { $when }
viol-member-daily = { $member } suit { $n } sessions le { $date }, au-delà de sa limite de { $limit } par jour
viol-same-workshop = { $member } suit l’atelier « { $workshop } » { $n } fois
viol-days = { $member } vient { $n ->
        [one] { $n } jour
       *[other] { $n } jours
    }, au-delà de sa limite de { $limit }
viol-member-late = { $member } { $late }
viol-frozen = La session { $session } se trouve { $old } dans le plan publié, mais { $new } dans ce plan ; ce qui est daté du { $date } ou avant reste là où cela a eu lieu
viol-standing = le { $when } à { $venue }
viol-standing-unscheduled = parmi les sessions non programmées
viol-standing-nowhere = nulle part
viol-frozen-course = Le parcours de { $member } jusqu’au { $date } { $what } (d’après { $source ->
    [attended] le plan publié et la feuille de présence
   *[plan] le plan publié
})
viol-frozen-extra = compte { $sessions }, où ce membre n’est pas venu
viol-frozen-lacking = omet { $sessions }, où ce membre est venu
viol-frozen-and = {" et "}

## Ce qu’un nouveau plan change (rally plan, assign, solve --from)
changes-title = changements par rapport au plan publié : { $moved } session(s) déplacée(s), { $rerouted } membre(s) au parcours modifié ({ $count } session(s) ajoutée(s) ou retirée(s))
changes-title-frozen = changements par rapport au plan publié (gelé jusqu’au { $date }) : { $moved } session(s) déplacée(s), { $rerouted } membre(s) au parcours modifié ({ $count } session(s) ajoutée(s) ou retirée(s))
changes-dropped = plus dans l’édition : sessions [{ $sessions }], membres [{ $members }]
changes-partners = partenaires à appeler ({ $n }) :
changes-members = membres à appeler ({ $n }) :
changes-moved = { $session } : { $old } → { $new }
changes-tell = { $n } membre(s) à prévenir : { $members }
changes-at = { $day }, { $slot }, { $venue }
changes-unscheduled = non programmée
changes-removed-from-edition = retirée de l’édition
changes-added = ajout de { $sessions }
changes-removed = retrait de { $sessions }
changes-gone = (plus dans l’édition)
export-invalid = rally export : le plan enfreint { $n } règle(s) impérative(s) ; les pages disent lesquelles (rally check en dit plus)
export-wrote = rally export : { $n } { $what ->
    [pages] page(s)
    [calendars] calendrier(s)
    [sheets] feuille(s)
   *[printables] page(s) à imprimer
} dans { $dir }
export-workbook = rally export : classeur { $path }
