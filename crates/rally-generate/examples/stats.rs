use std::time::Instant;
fn main() {
    for n in [1usize, 12, 101] {
        let t = Instant::now();
        let ed = rally_generate::generate(n, 1);
        let gen = t.elapsed();
        let t = Instant::now();
        let json = serde_json::to_string_pretty(&ed).unwrap();
        let ser = t.elapsed();
        let t = Instant::now();
        let m = rally_model::parse_edition(&json).unwrap();
        let parse = t.elapsed();
        let sessions: u32 = ed.workshops.iter().map(|w| w.sessions.unwrap_or(1)).sum();
        println!("N={n}: {} partners, {} workshops, {} sessions, {} groups, {} participants, {} venues, {} places, {} pins; {} bytes; gen {gen:?} ser {ser:?} parse {parse:?}; model sessions {}",
          ed.partners.len(), ed.workshops.len(), sessions, ed.groups.len(), ed.participants.len(), ed.venues.len(), ed.places.len(), ed.pinned.len(), json.len(), m.sessions.len());
    }
    if let Some(path) = std::env::args().nth(1) { std::fs::write(path, rally_generate::generate_json(1, 1)).unwrap(); }
}
