//! The travel graph: places and venues joined by roads, with shortest travel
//! times computed only from the nodes that are asked about.
//!
//! A road graph can have tens of thousands of places, but every question the
//! checker and the solvers ask has a venue at one end (venue to venue, base
//! to venue). So the shortest-path tree of every venue is computed up front,
//! in parallel; the tree of any other node only if a question needs it, once.

use petgraph::algo::dijkstra;
use petgraph::graph::{NodeIndex, UnGraph};
use rayon::prelude::*;
use std::sync::OnceLock;

/// Shortest travel times between the nodes of an undirected road graph.
#[derive(Debug, Clone)]
pub struct TravelTimes {
    graph: UnGraph<(), u32>,
    /// Per node, its shortest times to every node, once computed.
    rows: Vec<OnceLock<Box<[u32]>>>,
}

const UNREACHABLE: u32 = u32::MAX;

impl TravelTimes {
    /// Builds the graph of `n` nodes with undirected `edges` (a, b, minutes)
    /// and computes, in parallel, the shortest times from each of `sources`.
    pub fn new(n: usize, edges: &[(usize, usize, u32)], sources: &[usize]) -> TravelTimes {
        let mut graph = UnGraph::<(), u32>::with_capacity(n, edges.len());
        for _ in 0..n {
            graph.add_node(());
        }
        for &(a, b, m) in edges {
            graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), m);
        }
        let travel = TravelTimes {
            graph,
            rows: (0..n).map(|_| OnceLock::new()).collect(),
        };
        sources.par_iter().for_each(|&a| {
            travel.row(a);
        });
        travel
    }

    /// The shortest times from `a` to every node, computed on first use.
    fn row(&self, a: usize) -> &[u32] {
        self.rows[a].get_or_init(|| {
            let mut row = vec![UNREACHABLE; self.rows.len()];
            let tree = dijkstra(&self.graph, NodeIndex::new(a), None, |e| {
                u64::from(*e.weight())
            });
            for (b, d) in tree {
                row[b.index()] = d.min(u64::from(UNREACHABLE) - 1) as u32;
            }
            row.into_boxed_slice()
        })
    }

    /// The shortest time from `a` to `b`, or `None` when no road leads there.
    /// Roads go both ways, so an existing tree of either end answers.
    pub fn minutes(&self, a: usize, b: usize) -> Option<u32> {
        if a == b {
            return Some(0);
        }
        let m = match (self.rows[a].get(), self.rows[b].get()) {
            (Some(row), _) => row[b],
            (None, Some(row)) => row[a],
            (None, None) => self.row(a)[b],
        };
        (m != UNREACHABLE).then_some(m)
    }

    /// How many shortest-path trees have been computed so far (the work done).
    pub fn trees_computed(&self) -> usize {
        self.rows.iter().filter(|r| r.get().is_some()).count()
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when the graph has no node.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortest_paths_take_the_best_route() {
        // 0 —15— 1 —40— 2 and a slow direct road 0 —90— 2; a repeated edge; 3 alone.
        let t = TravelTimes::new(
            4,
            &[(0, 1, 15), (1, 2, 40), (0, 2, 90), (1, 0, 20), (2, 2, 5)],
            &[1],
        );
        assert_eq!(t.minutes(0, 2), Some(55));
        assert_eq!(t.minutes(2, 0), Some(55));
        assert_eq!(t.minutes(0, 1), Some(15));
        assert_eq!(t.minutes(2, 2), Some(0));
        assert_eq!(t.minutes(3, 3), Some(0));
        assert_eq!(t.minutes(0, 3), None);
    }

    #[test]
    fn only_the_trees_asked_for_are_computed() {
        // A chain 0 — 1 — … — 99 of 1-minute roads; node 50 is the only source.
        let edges: Vec<_> = (0..99).map(|i| (i, i + 1, 1)).collect();
        let t = TravelTimes::new(100, &edges, &[50]);
        assert_eq!(t.trees_computed(), 1);
        assert_eq!(t.minutes(0, 50), Some(50));
        assert_eq!(t.minutes(50, 99), Some(49));
        assert_eq!(t.trees_computed(), 1);
        // A question between two other nodes computes one more tree, once.
        assert_eq!(t.minutes(10, 20), Some(10));
        assert_eq!(t.minutes(20, 10), Some(10));
        assert_eq!(t.trees_computed(), 2);
    }
}
