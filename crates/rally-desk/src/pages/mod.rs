//! The desk's pages, server-rendered, in the look of the exported site.
//!
//! - [`frame`]: the frame of every page and the desk's navigation bar;
//! - [`changes`]: what a re-plan changed against its version;
//! - [`edition`]: the edition's figures, upload and problems;
//! - [`plan`]: plan or solve with live progress, the versions;
//! - [`session`]: one session: who comes, where it may move;
//! - [`people`]: every member, certified or why not, with filters.

pub mod changes;
pub mod edition;
pub mod frame;
pub mod people;
pub mod plan;
pub mod session;
