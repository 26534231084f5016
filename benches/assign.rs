//! Benchmarks of `assign` (being written).
fn main() {}
