//! Why a session is unscheduled, in words a rally leader can act on: the
//! organisers never free together, the venue feature missing, the
//! availability rule that blocks it, or what holds every open placement.
//! The facts are the checker's ([`rally_check::unscheduled`]), so that the
//! outputs can derive them again from the plan and word them in French.

use crate::instance::Instance;
use rally_model::Placement;

/// The reason an unscheduled session is left out of the programme `at`, in
/// the plan file's English.
pub fn why_unscheduled(instance: &Instance, session: usize, at: &[Option<Placement>]) -> String {
    let model = instance.model;
    let w = model.sessions[session].workshop;
    rally_check::unscheduled::why(model, session, at, &instance.placements[w]).english(model)
}
