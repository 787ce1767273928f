//! `#[derive(ArenaPod)]` for `arena-memory`.
