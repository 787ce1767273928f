//! What the collection targets (`vec_ops`, `str_ops`, `hash_map_ops`) check the
//! same way: the arena's figures, and that a failed operation says why.

use arena_memory::{Arena, ArenaError};

/// The figures a failed operation must leave as they were.
pub fn figures(arena: &Arena<'_>) -> (usize, usize, usize) {
    (arena.used(), arena.remaining(), arena.peak())
}

/// A failed growth is explained: out of room (`requested > remaining`),
/// `Sealed` only while a frame arena lives, or a size that overflows. Any
/// other error is a bug.
pub fn assert_explained(err: ArenaError, frame_alive: bool, context: &dyn core::fmt::Debug) {
    match err {
        ArenaError::CapacityExceeded {
            requested,
            remaining,
        } => assert!(requested > remaining, "{err:?} for {context:?}"),
        ArenaError::Sealed => assert!(frame_alive, "Sealed without a frame for {context:?}"),
        ArenaError::SizeOverflow => {}
        other => panic!("unexpected error {other:?} for {context:?}"),
    }
}
