//! [`Growth`]: what an arena does when it runs out of room.

/// What an arena does when an allocation does not fit: fail (Clay's model, the
/// default), or take an overflow chunk from the global allocator.
///
/// A growing arena bumps on in the overflow chunk (each at least the request
/// and at least double the previous one), so every reference stays valid until
/// the next reset. At that reset, if the frame overflowed, the arena keeps one
/// contiguous block sized to the frame's peak plus a quarter, and frees the
/// rest: the frames that follow run in one block again, with no heap traffic.
/// The block only ever grows that way, so frames of varying sizes settle at
/// the largest; [`Arena::shrink_to_fit`](crate::Arena::shrink_to_fit) gives
/// the memory back.
///
/// Choose it with [`ArenaBuilder::growth`](crate::ArenaBuilder::growth) for a
/// root arena, or [`Arena::ephemeral_with`](crate::Arena::ephemeral_with) for a
/// child. Growth needs the `alloc` feature.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, Growth};
///
/// let mut arena = Arena::builder().growth(Growth::UNLIMITED).try_with_capacity(1024)?;
/// let big = arena.alloc_slice_fill(10_000, 1u8); // 10x the block: overflows
/// assert_eq!(big.len(), 10_000);
/// assert_eq!(arena.overflow_chunks(), 1);
/// arena.reset(); // keeps one block sized for that frame
/// assert_eq!(arena.overflow_chunks(), 0);
/// assert!(arena.capacity() >= 10_000);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Growth {
    /// Exceeding capacity is an error ([`ArenaError::CapacityExceeded`]).
    ///
    /// [`ArenaError::CapacityExceeded`]: crate::ArenaError::CapacityExceeded
    #[default]
    Fixed,
    /// Take overflow chunks from the global allocator, as long as the arena's
    /// capacity (its block and its chunks) stays at most `max_bytes`; past
    /// that, [`ArenaError::CapacityExceeded`].
    ///
    /// [`ArenaError::CapacityExceeded`]: crate::ArenaError::CapacityExceeded
    Overflow {
        /// The most bytes the arena may hold at once.
        max_bytes: usize,
    },
}

impl Growth {
    /// Grow without a limit (but the global allocator's).
    pub const UNLIMITED: Growth = Growth::Overflow {
        max_bytes: usize::MAX,
    };

    /// Grow up to `max_bytes` in all, block included.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaError, Growth};
    ///
    /// let arena = Arena::builder().growth(Growth::up_to(64 * 1024)).try_with_capacity(4096)?;
    /// assert!(arena.try_alloc_bytes(32 * 1024).is_ok()); // grows
    /// assert!(matches!(
    ///     arena.try_alloc_bytes(64 * 1024),
    ///     Err(ArenaError::CapacityExceeded { .. })
    /// ));
    /// # Ok::<(), ArenaError>(())
    /// ```
    pub const fn up_to(max_bytes: usize) -> Growth {
        Growth::Overflow { max_bytes }
    }

    /// Whether this policy takes overflow chunks.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Growth;
    ///
    /// assert!(!Growth::Fixed.is_growing());
    /// assert!(Growth::UNLIMITED.is_growing());
    /// ```
    pub const fn is_growing(&self) -> bool {
        matches!(self, Growth::Overflow { .. })
    }
}
