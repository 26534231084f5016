//! `rally solve`.
