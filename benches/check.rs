//! Benchmarks of `check` (being written).
fn main() {}
