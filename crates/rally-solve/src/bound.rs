//! A lower bound on the total penalty of any plan of the edition: the
//! planner's lower bound on the programme terms, plus, for every member that
//! wants a certificate, the least its course terms can cost whatever the
//! programme — either it stays uncertified (`uncertified`, and
//! `theme_missing` for the themes no workshop open to it has), or it attends
//! enough sessions to validate its themes, on enough days (`group_day` or
//! `participant_day`). Travel, wishes and underfill are counted as 0.

use rally_model::{Model, Term};

/// The bound, from the planner's bound on the programme terms.
pub fn lower_bound(model: &Model, programme: i64) -> i64 {
    (0..model.members.len())
        .map(|m| least_course(model, m))
        .fold(programme, i64::saturating_add)
}

/// The least course terms of one member on any programme.
fn least_course(model: &Model, m: usize) -> i64 {
    let member = &model.members[m];
    if !member.certificate || member.themes == 0 {
        return 0;
    }
    let w = &model.weights;
    let headcount = i64::from(member.headcount);
    let open: Vec<usize> = (0..model.workshops.len())
        .filter(|&x| model.admits(x, member.profile))
        .collect();
    let reachable = open.iter().fold(0, |t, &x| t | model.workshops[x].themes);
    let never = i64::from((member.themes & !reachable).count_ones());
    let uncertified = w[Term::Uncertified]
        .saturating_add(w[Term::ThemeMissing].saturating_mul(never))
        .saturating_mul(headcount);
    let most_per_session = open
        .iter()
        .map(|&x| (model.workshops[x].themes & member.themes).count_ones())
        .max()
        .unwrap_or(0);
    if never > 0 || most_per_session == 0 {
        return uncertified;
    }
    let sessions = member.themes.count_ones().div_ceil(most_per_session);
    let days = sessions.div_ceil(member.max_per_day.max(1));
    let day_term = if member.is_group {
        Term::GroupDay
    } else {
        Term::ParticipantDay
    };
    uncertified.min(i64::from(days).saturating_mul(w[day_term]))
}
