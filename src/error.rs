//! The one error type of the crate.

use core::fmt;

/// Why an arena operation failed.
///
/// Every fallible method (`try_*`) returns this error, and every panicking twin
/// panics with its [`Display`](fmt::Display) text. A failed operation leaves the
/// arena (and the collection that asked) exactly as it was.
///
/// The variants carry the numbers that explain them, so a caller can size the
/// arena right the next time.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaError};
///
/// let arena = Arena::try_with_capacity(64)?;
/// let err = arena.try_alloc_bytes(1 << 20).unwrap_err();
/// assert!(matches!(err, ArenaError::CapacityExceeded { requested: 1_048_576, .. }));
/// assert_eq!(
///     err.to_string(),
///     "arena capacity exceeded: requested 1048576 bytes but only 64 remain; \
///      give the arena a larger block or reset it sooner",
/// );
/// # Ok::<(), ArenaError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ArenaError {
    /// The arena has fewer bytes left than the allocation needs.
    ///
    /// `remaining` counts the bytes usable at the allocation's alignment, so
    /// `requested > remaining` always holds.
    CapacityExceeded {
        /// Bytes the allocation asked for.
        requested: usize,
        /// Bytes left in the arena at the allocation's alignment.
        remaining: usize,
    },
    /// The block handed to the arena has no bytes, or zero bytes were asked for.
    EmptyMemory,
    /// The block is too small to reach the alignment its start needs.
    InsufficientSpaceForAlignment {
        /// The alignment the block's start needs (the cache-line size, or a
        /// layout's alignment).
        alignment: usize,
        /// Bytes the block has.
        available: usize,
    },
    /// The cache-line size is not a power of two, or larger than
    /// [`ArenaBuilder::MAX_CACHE_LINE_SIZE`](crate::ArenaBuilder::MAX_CACHE_LINE_SIZE).
    InvalidCacheLineSize {
        /// The size that was given.
        size: usize,
    },
    /// The arena's free memory is lent to a live ephemeral child, made by
    /// [`Arena::ephemeral`](crate::Arena::ephemeral), or to the live workers of
    /// [`Arena::split`](crate::Arena::split); allocate from the child (or the
    /// workers), or drop it first.
    Sealed,
    /// A length times an element size (or a size plus its alignment) does not fit
    /// in `usize` (more precisely, exceeds `isize::MAX`, the largest object Rust
    /// allows).
    SizeOverflow,
    /// The global allocator could not provide an owned block (or an overflow
    /// chunk) of this many bytes.
    OutOfMemory {
        /// Bytes asked of the global allocator.
        requested: usize,
    },
    /// A collection is full and the arena cannot give it a larger buffer: the
    /// arena is sealed (its free memory is lent to an ephemeral child) or has
    /// no room left. Below its capacity the collection never allocates, so
    /// this only happens at capacity.
    CollectionFull {
        /// The number of elements the collection holds at capacity.
        capacity: usize,
    },
    /// A [`StaticArenaBlock`](crate::StaticArenaBlock) was asked for its block
    /// a second time: it hands the block out once.
    BlockTaken,
    /// [`Arena::split`](crate::Arena::split) was asked for no workers: a
    /// split makes at least one.
    InvalidWorkerCount {
        /// The number of workers asked for.
        count: usize,
    },
}

impl fmt::Display for ArenaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::CapacityExceeded {
                requested,
                remaining,
            } => write!(
                f,
                "arena capacity exceeded: requested {requested} bytes but only {remaining} \
                 remain; give the arena a larger block or reset it sooner"
            ),
            Self::EmptyMemory => f.write_str("arena memory is empty: give it at least one byte"),
            Self::InsufficientSpaceForAlignment {
                alignment,
                available,
            } => write!(
                f,
                "insufficient space for alignment: the block has {available} bytes, too few \
                 to reach a {alignment}-byte aligned start; give it a larger or aligned block"
            ),
            Self::InvalidCacheLineSize { size } => write!(
                f,
                "invalid cache-line size {size}: it must be a power of two no larger than {}",
                crate::ArenaBuilder::MAX_CACHE_LINE_SIZE
            ),
            Self::Sealed => f.write_str(
                "arena is sealed: its free memory is lent to a live ephemeral arena \
                 (or a split's workers); allocate from that arena or drop it first",
            ),
            Self::SizeOverflow => {
                f.write_str("size overflow: the requested size does not fit in isize::MAX bytes")
            }
            Self::OutOfMemory { requested } => write!(
                f,
                "out of memory: the global allocator could not provide {requested} bytes"
            ),
            Self::CollectionFull { capacity } => write!(
                f,
                "collection is full at its capacity of {capacity} elements and its arena \
                 cannot give it more room; create it with a larger capacity, or let it \
                 grow while the arena is not sealed"
            ),
            Self::BlockTaken => f.write_str(
                "the static arena block was taken already: it is handed out once; \
                 keep the arena made from it, or use another block",
            ),
            Self::InvalidWorkerCount { count } => write!(
                f,
                "invalid worker count {count}: split a frame into at least one worker"
            ),
        }
    }
}

impl core::error::Error for ArenaError {}
