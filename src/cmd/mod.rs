//! One module per subcommand: argument struct and `run`.

pub mod assign;
pub mod check;
pub mod export;
pub mod generate;
pub mod import;
pub mod plan;
pub mod solve;
