//! Figures: capacity, used, remaining, peak, the recommended capacity, and
//! the growth and overflow counters.

use super::*;

impl<'m> Arena<'m> {
    /// How many bytes a frame's figures may move by when it runs from a block
    /// whose start differs (modulo its largest alignment) from where it was
    /// measured: the largest alignment seen minus the cache line that every
    /// start is aligned to. Alignments up to [`bumping::UNTRACKED_ALIGN`] are
    /// not recorded, so they count as that much.
    pub(super) fn alignment_slack(&self) -> usize {
        let child = self.link.max_align.load(Ordering::Relaxed);
        let max_align = self
            .max_align
            .get()
            .max(child)
            .max(bumping::UNTRACKED_ALIGN);
        max_align.saturating_sub(self.cache_line)
    }

    /// The usable bytes of this arena: its home block from the aligned start
    /// to the end, plus the overflow chunks a growing arena holds.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::try_with_capacity(100)?;
    /// assert_eq!(arena.capacity(), arena.used() + arena.remaining());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn capacity(&self) -> usize {
        self.end.as_ptr().addr() - self.start.as_ptr().addr() + self.overflow.chunk_bytes()
    }

    /// The bytes handed out since the last reset, padding included: from this
    /// arena's start to its bump pointer, as if its block and overflow chunks
    /// were one.
    ///
    /// For a sealed parent this is its persistent region. A child's allocations
    /// count in the child's figures.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::try_with_capacity(100)?;
    /// arena.alloc(1u8);
    /// arena.alloc(1u32); // 3 bytes of padding, then 4
    /// assert_eq!(arena.used(), 8);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn used(&self) -> usize {
        let (region_start, _) = self.region.get();
        self.used_before.get() + (self.cur.get().as_ptr().addr() - region_start.as_ptr().addr())
    }

    /// The bytes after the bump pointer in the current block: what can be
    /// allocated before the arena fails (or, growing, takes a chunk). While
    /// sealed, these belong to the child. For a fixed arena,
    /// `capacity() - used()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// arena.alloc_bytes(60);
    /// assert_eq!(arena.remaining(), 4);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn remaining(&self) -> usize {
        self.region.get().1.as_ptr().addr() - self.cur.get().as_ptr().addr()
    }

    /// The highest [`used()`](Arena::used) ever reached, across resets,
    /// including what dropped children used (counted from this arena's start).
    ///
    /// A live child's use shows in its own `peak()`, and in this one once it is
    /// dropped.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::try_with_capacity(1024)?;
    /// arena.alloc_bytes(64);
    /// {
    ///     let mut frame = arena.try_ephemeral()?;
    ///     frame.alloc_bytes(100);
    ///     frame.reset();
    ///     frame.alloc_bytes(10);
    ///     assert_eq!(frame.peak(), 100);
    /// }
    /// assert_eq!(arena.peak(), 64 + 100);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn peak(&self) -> usize {
        let child = self.link.peak.load(Ordering::Relaxed);
        self.peak
            .get()
            .max(self.frame_peak.get())
            .max(self.used())
            .max(child)
    }

    /// The capacity to give this arena next time (`with_capacity`, or a parent
    /// block) so that the heaviest frame seen fits without growing: the
    /// [`peak`](Arena::peak) plus a quarter, plus what alignment padding may
    /// add when the block starts elsewhere, rounded up to the cache line.
    ///
    /// The padding term is zero unless something asked for an alignment above
    /// both 16 and the cache line: a block's start is only aligned to the
    /// cache line, so an allocation aligned to 4096 can need up to `4096 - 64`
    /// more bytes of padding in another block than it did in this one.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, Growth};
    ///
    /// let mut arena = Arena::builder().growth(Growth::UNLIMITED).try_with_capacity(1024)?;
    /// arena.alloc_bytes(8000);
    /// arena.reset();
    /// assert_eq!(arena.recommended_capacity(), 10_048);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn recommended_capacity(&self) -> usize {
        bumping::with_headroom(self.peak(), self.alignment_slack(), self.cache_line)
            .unwrap_or(usize::MAX)
    }

    /// How this arena behaves when it runs out of room.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, Growth};
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// assert_eq!(arena.growth(), Growth::Fixed);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn growth(&self) -> Growth {
        self.overflow.growth()
    }

    /// The overflow chunks a growing arena holds now (they are freed at the
    /// next reset).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, Growth};
    ///
    /// let arena = Arena::builder().growth(Growth::UNLIMITED).try_with_capacity(64)?;
    /// assert_eq!(arena.overflow_chunks(), 0);
    /// arena.alloc_bytes(100);
    /// assert_eq!(arena.overflow_chunks(), 1);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn overflow_chunks(&self) -> usize {
        self.overflow.chunk_count()
    }

    /// The bytes of the overflow chunks a growing arena holds now.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, Growth};
    ///
    /// let arena = Arena::builder().growth(Growth::UNLIMITED).try_with_capacity(64)?;
    /// arena.alloc_bytes(10_000);
    /// assert!(arena.overflow_bytes() >= 10_000);
    /// assert_eq!(arena.capacity(), 64 + arena.overflow_bytes());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn overflow_bytes(&self) -> usize {
        self.overflow.chunk_bytes()
    }

    /// How many overflow chunks this arena took from the global allocator
    /// since it was made: a steady state takes none.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, Growth};
    ///
    /// let mut arena = Arena::builder().growth(Growth::UNLIMITED).try_with_capacity(64)?;
    /// for _ in 0..10 {
    ///     arena.alloc_bytes(5000);
    ///     arena.reset();
    /// }
    /// assert_eq!(arena.overflow_chunks_taken(), 1); // only the first frame grew
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn overflow_chunks_taken(&self) -> usize {
        self.overflow.chunks_taken()
    }

    /// The alignment of this arena's start and of its children's starts.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// assert_eq!(Arena::try_with_capacity(8)?.cache_line_size(), 64);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn cache_line_size(&self) -> usize {
        self.cache_line
    }

    /// Whether a child made by [`ephemeral`](Arena::ephemeral) (or a worker
    /// made by [`split`](Arena::split)) is alive, so that allocating here
    /// fails with [`ArenaError::Sealed`].
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::try_with_capacity(256)?;
    /// let frame = arena.try_ephemeral()?;
    /// assert!(arena.is_sealed());
    /// drop(frame);
    /// assert!(!arena.is_sealed());
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn is_sealed(&self) -> bool {
        self.sealed.get() != Seal::Open && self.link.live.load(Ordering::Acquire) != 0
    }

    /// Whether `ptr` points into memory this arena has handed out since its
    /// last reset: the used part of its current block, or an earlier block of
    /// the frame (a growing arena's home block or overflow chunks, whose unused
    /// tails count too). Once a frame has moved on to an overflow chunk, its
    /// home block counts whole, even if the frame allocated nothing there.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let arena = Arena::try_with_capacity(64)?;
    /// let x = arena.alloc(1u32);
    /// assert!(arena.contains(x as *const u32 as *const u8));
    /// assert!(!arena.contains(&0u8));
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[inline]
    pub fn contains(&self, ptr: *const u8) -> bool {
        let addr = ptr.addr();
        let (region_start, region_end) = self.region.get();
        if region_start.as_ptr().addr() <= addr && addr < region_end.as_ptr().addr() {
            // The current block: only what was handed out, not its free tail.
            return addr < self.cur.get().as_ptr().addr();
        }
        // Earlier regions of this frame: the home block, and chunks. There are
        // some exactly when the current region is not the home block (a
        // reset returns to it, and then no chunk is asked about).
        region_start != self.start
            && ((self.start.as_ptr().addr() <= addr && addr < self.end.as_ptr().addr())
                || self.overflow.contains(addr))
    }
}
