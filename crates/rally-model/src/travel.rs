//! The travel graph: places and venues joined by roads, with all-pairs shortest times.

use petgraph::algo::dijkstra;
use petgraph::graph::{NodeIndex, UnGraph};

/// Shortest travel times between every two nodes of the graph.
#[derive(Debug, Clone)]
pub struct TravelTimes {
    n: usize,
    minutes: Vec<u32>,
}

const UNREACHABLE: u32 = u32::MAX;

impl TravelTimes {
    /// Builds the graph of `n` nodes with undirected `edges` (a, b, minutes)
    /// and runs Dijkstra from every node (the graph is sparse).
    pub fn new(n: usize, edges: &[(usize, usize, u32)]) -> TravelTimes {
        let mut graph = UnGraph::<(), u32>::with_capacity(n, edges.len());
        for _ in 0..n {
            graph.add_node(());
        }
        for &(a, b, m) in edges {
            graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), m);
        }
        let mut minutes = vec![UNREACHABLE; n * n];
        for a in 0..n {
            let row = &mut minutes[a * n..(a + 1) * n];
            for (b, d) in dijkstra(&graph, NodeIndex::new(a), None, |e| *e.weight() as u64) {
                row[b.index()] = d.min(UNREACHABLE as u64 - 1) as u32;
            }
        }
        TravelTimes { n, minutes }
    }

    /// The shortest time from `a` to `b`, or `None` when no road leads there.
    pub fn minutes(&self, a: usize, b: usize) -> Option<u32> {
        let m = self.minutes[a * self.n + b];
        (m != UNREACHABLE).then_some(m)
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.n
    }

    /// True when the graph has no node.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortest_paths_take_the_best_route() {
        // 0 —15— 1 —40— 2, and a slow direct road 0 —90— 2; a repeated edge; 3 isolated.
        let t = TravelTimes::new(
            4,
            &[(0, 1, 15), (1, 2, 40), (0, 2, 90), (1, 0, 20), (2, 2, 5)],
        );
        assert_eq!(t.minutes(0, 2), Some(55));
        assert_eq!(t.minutes(2, 0), Some(55));
        assert_eq!(t.minutes(0, 1), Some(15));
        assert_eq!(t.minutes(2, 2), Some(0));
        assert_eq!(t.minutes(3, 3), Some(0));
        assert_eq!(t.minutes(0, 3), None);
    }
}
