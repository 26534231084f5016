//! The programme as the members see it: the scheduled sessions (offers), what
//! each member may attend, and the independent parts of the problem.

use petgraph::unionfind::UnionFind;
use rally_check::certify::{self, Reach};
use rally_check::{Offer, Resolved};
use rally_model::{Model, Placement, Plan};
use rayon::prelude::*;

/// The offers of a plan and, for every member, those it may attend.
pub struct Board<'m> {
    /// The edition.
    pub model: &'m Model,
    /// Scheduled sessions that resolve, in period order (the checker's offers).
    pub offers: Vec<Offer>,
    /// For each member, the offers it may attend ([`certify::barrier`] says
    /// none) and that give it a theme it needs or a workshop it wishes, in period order.
    pub usable: Vec<Vec<usize>>,
    /// For each member, the checker's exact certifiability on these offers.
    pub reach: Vec<Reach>,
    /// When re-planning (SPEC §9): the published courses, which the search
    /// starts from and leaves only where the `rerouted` term pays.
    pub previous: Option<Previous>,
}

/// The published courses on a board's offers, for each member, as sorted
/// offer indices (sessions after the frozen date only).
#[derive(Debug, Clone, Default)]
pub struct Previous {
    /// The sessions of its published course the programme still offers.
    pub old: Vec<Vec<usize>>,
    /// What it keeps of them (C1–C4 still hold): where the search starts.
    pub kept: Vec<Vec<usize>>,
}

impl<'m> Board<'m> {
    /// Resolves the plan's sessions and filters them for every member (in parallel).
    pub fn new(model: &'m Model, plan: &Plan) -> Board<'m> {
        Board::with_offers(model, Resolved::new(model, plan).offers)
    }

    /// The board of a programme given by index: where each session is (`None`:
    /// unscheduled). An offer's `placed` is then its session index.
    pub fn from_placements(model: &'m Model, at: &[Option<Placement>]) -> Board<'m> {
        Board::with_offers(model, Board::offers_of(model, at))
    }

    /// The offers of a programme given by index, in period order (an
    /// offer's `placed` is its session index).
    pub fn offers_of(model: &Model, at: &[Option<Placement>]) -> Vec<Offer> {
        let mut offers: Vec<Offer> = at
            .iter()
            .enumerate()
            .filter_map(|(session, p)| {
                let workshop = model.sessions[session].workshop;
                Some(Offer::new(model, session, session, workshop, (*p)?))
            })
            .collect();
        offers.sort_by_key(|o| (o.at.period, o.session));
        offers
    }

    /// The board of given offers (re-planning passes them with the seats left).
    pub fn with_offers(model: &'m Model, offers: Vec<Offer>) -> Board<'m> {
        let reach = rally_check::reaches(model, &offers);
        let usable = (0..model.members.len())
            .into_par_iter()
            .map(|m| usable(model, m, &offers))
            .collect();
        Board {
            model,
            offers,
            usable,
            reach,
            previous: None,
        }
    }

    /// Whether the member's published course holds the offer (re-planning only).
    pub fn published(&self, m: usize, offer: usize) -> bool {
        self.previous
            .as_ref()
            .is_some_and(|p| p.old[m].binary_search(&offer).is_ok())
    }

    /// The day of an offer.
    pub fn day(&self, offer: usize) -> usize {
        self.model.grid.day_of(self.offers[offer].at.period)
    }

    /// Members and offers in independent parts: two members are in one part
    /// when a chain of shared offers links them. Parts come in order of their
    /// first member; members with nothing to attend are left out.
    pub fn parts(&self) -> Vec<Part> {
        let n_members = self.model.members.len();
        let mut uf = UnionFind::new(n_members + self.offers.len());
        for (m, list) in self.usable.iter().enumerate() {
            for &o in list {
                uf.union(m, n_members + o);
            }
        }
        let mut index_of_root = vec![usize::MAX; n_members + self.offers.len()];
        let mut parts: Vec<Part> = Vec::new();
        for (m, list) in self.usable.iter().enumerate() {
            if list.is_empty() {
                continue;
            }
            let root = uf.find_mut(m);
            if index_of_root[root] == usize::MAX {
                index_of_root[root] = parts.len();
                parts.push(Part::default());
            }
            parts[index_of_root[root]].members.push(m);
        }
        for o in 0..self.offers.len() {
            let root = uf.find_mut(n_members + o);
            if index_of_root[root] != usize::MAX {
                parts[index_of_root[root]].offers.push(o);
            }
        }
        for part in &mut parts {
            let local = |o: usize| part.offers.binary_search(&o).expect("offer of the part");
            part.usable = part
                .members
                .iter()
                .map(|&m| self.usable[m].iter().map(|&o| local(o)).collect())
                .collect();
        }
        parts
    }
}

/// Offers a member may attend that serve a needed theme or a wish.
pub fn usable(model: &Model, m: usize, offers: &[Offer]) -> Vec<usize> {
    let member = &model.members[m];
    let need = if member.certificate { member.themes } else { 0 };
    offers
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            model.workshops[o.workshop].themes & need != 0 || member.wishes.contains(&o.workshop)
        })
        .filter(|(_, o)| certify::barrier(model, m, o).is_none())
        .map(|(i, _)| i)
        .collect()
}

/// An independent part: its members, its offers, and what each member may
/// attend as indices into `offers`.
#[derive(Debug, Clone, Default)]
pub struct Part {
    /// Member indices, in edition order.
    pub members: Vec<usize>,
    /// Offer indices of the board, in period order.
    pub offers: Vec<usize>,
    /// For each member of the part, its usable offers as indices into `offers`.
    pub usable: Vec<Vec<usize>>,
}
