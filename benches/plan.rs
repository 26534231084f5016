//! Benchmarks of `plan` (being written).
fn main() {}
