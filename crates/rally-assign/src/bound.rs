//! An upper bound on a part's certified headcount, by counting seats.
//!
//! Only members the checker finds certifiable can be certified (its exact
//! reach, other members ignored). And for every theme t, the certified
//! members who need t take, each, its headcount in seats of sessions with
//! theme t that one of them may attend; so the headcount certified among
//! them is at most those seats. The bound is the smaller of
//! the certifiable headcount H and, over themes, (H − N_t) + min(N_t, S_t),
//! N_t the certifiable headcount needing t and S_t those seats.

use crate::course::Ctx;

/// The seat-counting bound of a part.
pub fn part(ctx: &Ctx) -> u64 {
    let model = ctx.board.model;
    let certifiable: Vec<usize> = (0..ctx.part.members.len())
        .filter(|&lm| {
            let m = ctx.part.members[lm];
            model.members[m].certificate && ctx.board.reach[m].certifiable
        })
        .collect();
    let total: u64 = certifiable
        .iter()
        .map(|&lm| ctx.member(lm).headcount as u64)
        .sum();
    let mut bound = total;
    for t in 0..model.themes.len() {
        let mut needing = 0u64;
        let mut seen = vec![false; ctx.part.offers.len()];
        for &lm in &certifiable {
            let m = ctx.member(lm);
            if m.themes >> t & 1 == 0 {
                continue;
            }
            needing += m.headcount as u64;
            for &o in &ctx.part.usable[lm] {
                if model.workshops[ctx.offer(o).workshop].themes >> t & 1 == 1 {
                    seen[o] = true;
                }
            }
        }
        let seats: u64 = (0..seen.len())
            .filter(|&o| seen[o])
            .map(|o| ctx.capacity(o) as u64)
            .sum();
        bound = bound.min(total - needing + needing.min(seats));
    }
    bound
}
