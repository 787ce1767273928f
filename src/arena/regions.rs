//! Regions: persistent and ephemeral memory. A parent lends its free memory
//! to one child at a time (`ephemeral*`) and is *sealed* meanwhile; `reset`
//! rewinds in O(1); a growing arena settles on one block after an overflowing
//! frame. The argument that a reset is sound is here, in `reset`'s comments.

use super::*;

impl<'m> Arena<'m> {
    /// If a child was made, either report `Sealed` (it lives) or take its memory
    /// back (it was dropped).
    pub(crate) fn unseal_if_child_dropped(&self) -> Result<(), ArenaError> {
        let seal = self.sealed.get();
        if seal != Seal::Open {
            // `Acquire`: everything the child (or every worker) did happens
            // before what this arena does with the memory next.
            if self.link.live.load(Ordering::Acquire) != 0 {
                return Err(ArenaError::Sealed);
            }
            self.sealed.set(Seal::Open);
            self.limit.set(self.region.get().1);
            if seal == Seal::Split {
                self.take_back_pool();
            }
            self.record_peak(self.link.peak.swap(0, Ordering::Relaxed));
        }
        Ok(())
    }

    /// Raises this frame's peak to `used`. The all-time peak is the larger
    /// of `peak` (the frames before this one, folded in by `reset`) and
    /// `frame_peak`, so one figure is kept up to date, not two: this runs in
    /// `into_slice` and `into_str`, once per string.
    #[inline]
    pub(super) fn record_peak(&self, used: usize) {
        self.frame_peak.set(self.frame_peak.get().max(used));
    }

    /// Marks everything allocated so far as persistent and returns a child arena
    /// over the rest of the block, its start aligned to the cache line (Clay's
    /// `InitializePersistentMemory`).
    ///
    /// While the child lives, this arena is *sealed*: allocating from it returns
    /// [`ArenaError::Sealed`]. Its existing allocations stay valid, and stay
    /// valid across every [`reset`](Arena::reset) of the child. When the child is
    /// dropped this arena allocates again, over the memory the child used.
    /// Children nest: a frame arena can hand out a scratch arena the same way.
    ///
    /// A child over a full arena is valid and has capacity 0.
    ///
    /// # Errors
    ///
    /// [`ArenaError::Sealed`] if a child of this arena is alive already.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaError};
    ///
    /// let arena = Arena::try_with_capacity(1024)?;
    /// let cache = arena.alloc_slice_fill(8, 0u32); // persistent
    /// {
    ///     let mut frame = arena.try_ephemeral()?;
    ///     assert_eq!(arena.try_alloc(1u8), Err(ArenaError::Sealed));
    ///     for i in 0..10u32 {
    ///         let scratch = frame.alloc_slice_fill(64, i);
    ///         cache[(i % 8) as usize] += scratch[0];
    ///         frame.reset();
    ///     }
    /// }
    /// assert_eq!(cache[1], 1 + 9);
    /// assert!(arena.try_alloc(1u8).is_ok()); // the child is gone
    /// # Ok::<(), ArenaError>(())
    /// ```
    pub fn try_ephemeral(&self) -> Result<Arena<'_>, ArenaError> {
        self.try_ephemeral_with(Growth::Fixed)
    }

    /// Makes a child over the rest of the block, as [`try_ephemeral`](Arena::try_ephemeral).
    ///
    /// # Panics
    ///
    /// When `try_ephemeral` would return an error ([`ArenaError::Sealed`]: a
    /// child of this arena is alive), with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, Growth};
    ///
    /// let arena = Arena::with_capacity(1024);
    /// let frame = arena.ephemeral();
    /// assert!(arena.is_sealed());
    /// drop(frame);
    /// assert!(!arena.is_sealed());
    /// ```
    #[track_caller]
    pub fn ephemeral(&self) -> Arena<'_> {
        unwrap(self.try_ephemeral())
    }

    /// As [`ephemeral`](Arena::ephemeral), but the child grows without a
    /// limit ([`Growth::UNLIMITED`]) when a frame needs more than the rest of
    /// this arena's block: it takes overflow chunks from the global allocator,
    /// and after an overflowing frame its [`reset`](Arena::reset) keeps one
    /// heap block sized to that frame (then the child no longer uses this
    /// arena's memory). For a byte limit, use
    /// [`ephemeral_with`](Arena::ephemeral_with).
    ///
    /// # Errors
    ///
    /// [`ArenaError::Sealed`] if a child of this arena is alive already.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, Growth};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let settings = arena.alloc([1u8; 16]); // persistent, never moved
    /// let mut frame = arena.try_ephemeral_growing()?;
    /// assert_eq!(frame.growth(), Growth::UNLIMITED);
    /// let rows = frame.alloc_slice_fill(10_000, 0u32); // 10x the block
    /// assert_eq!(rows.len(), 10_000);
    /// frame.reset();
    /// // The next frame of that size runs in one block, with no heap calls.
    /// assert!(frame.capacity() >= 40_000);
    /// assert_eq!(frame.overflow_chunks(), 0);
    /// assert_eq!(settings, &[1; 16]);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    #[cfg(feature = "alloc")]
    pub fn try_ephemeral_growing(&self) -> Result<Arena<'_>, ArenaError> {
        self.try_ephemeral_with(Growth::UNLIMITED)
    }

    /// Makes a growing child, as [`try_ephemeral_growing`](Arena::try_ephemeral_growing).
    ///
    /// # Panics
    ///
    /// When `try_ephemeral_growing` would return an error ([`ArenaError::Sealed`]: a
    /// child of this arena is alive), with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, Growth};
    ///
    /// let arena = Arena::with_capacity(1024);
    /// let frame = arena.ephemeral_growing();
    /// assert!(arena.is_sealed());
    /// drop(frame);
    /// assert!(!arena.is_sealed());
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    #[track_caller]
    pub fn ephemeral_growing(&self) -> Arena<'_> {
        unwrap(self.try_ephemeral_growing())
    }

    /// A child with the given [`Growth`] policy: [`ephemeral`](Arena::ephemeral)
    /// is `ephemeral_with(Growth::Fixed)`, and
    /// [`ephemeral_growing`](Arena::ephemeral_growing) is
    /// `ephemeral_with(Growth::UNLIMITED)`.
    ///
    /// # Errors
    ///
    /// [`ArenaError::Sealed`] if a child of this arena is alive already.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, ArenaError, Growth};
    ///
    /// let arena = Arena::try_with_capacity(4096)?;
    /// let frame = arena.try_ephemeral_with(Growth::up_to(16 * 1024))?;
    /// assert!(frame.try_alloc_bytes(8 * 1024).is_ok()); // past the block: grows
    /// assert!(matches!(
    ///     frame.try_alloc_bytes(16 * 1024),
    ///     Err(ArenaError::CapacityExceeded { .. })
    /// ));
    /// # Ok::<(), ArenaError>(())
    /// ```
    pub fn try_ephemeral_with(&self, growth: Growth) -> Result<Arena<'_>, ArenaError> {
        self.unseal_if_child_dropped()?;
        let cur = self.cur.get();
        let (_, region_end) = self.region.get();
        let room = region_end.as_ptr().addr() - cur.as_ptr().addr();
        let pad = cur.as_ptr().align_offset(self.cache_line);
        // With no aligned byte left (`pad >= room`, or `usize::MAX` for
        // "cannot"), the child is empty, at the region's end.
        // SAFETY: `pad.min(room) <= room` keeps the child's start inside the
        // region or at its end.
        let child_start = unsafe { cur.add(pad.min(room)) };
        // Where the child starts, counted as if this arena were one block: its
        // peak is reported back from there.
        let offset = self.used() + (child_start.as_ptr().addr() - cur.as_ptr().addr());
        self.seal(Seal::Child, 1);
        Ok(Arena::over(
            child_start,
            region_end,
            self.cache_line,
            Some((&self.link, offset)),
            Backing::Child,
            growth,
        ))
    }

    /// Makes a child with a growth policy, as [`try_ephemeral_with`](Arena::try_ephemeral_with).
    ///
    /// # Panics
    ///
    /// When `try_ephemeral_with` would return an error ([`ArenaError::Sealed`]: a
    /// child of this arena is alive), with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, Growth};
    ///
    /// let arena = Arena::with_capacity(1024);
    /// let frame = arena.ephemeral_with(Growth::Fixed);
    /// assert!(arena.is_sealed());
    /// drop(frame);
    /// assert!(!arena.is_sealed());
    /// ```
    #[track_caller]
    pub fn ephemeral_with(&self, growth: Growth) -> Arena<'_> {
        unwrap(self.try_ephemeral_with(growth))
    }

    /// Lends the free memory out to `children` live arenas (a child, or a
    /// split's workers).
    pub(super) fn seal(&self, seal: Seal, children: usize) {
        self.sealed.set(seal);
        self.limit.set(self.cur.get());
        self.link.live.store(children, Ordering::Relaxed);
    }

    /// Throws away everything allocated in this arena, in O(1): the bump pointer
    /// moves back to the start (Clay's `ResetEphemeralMemory`). No destructor
    /// runs; the memory is reused by the next allocations.
    ///
    /// Taking `&mut self` makes the borrow checker reject any use, after the
    /// reset, of a reference allocated before it.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let mut arena = Arena::try_with_capacity(256)?;
    /// arena.alloc_bytes(200);
    /// assert_eq!(arena.used(), 200);
    /// arena.reset();
    /// assert_eq!(arena.used(), 0);
    /// assert_eq!(arena.peak(), 200);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    ///
    /// A growing arena (see [`Growth`]) whose frame overflowed frees its
    /// overflow chunks here and keeps one block sized to the frame's peak plus
    /// a quarter, so that the next frames run from one block with no heap
    /// calls; that is the only reset that is not O(1).
    #[inline]
    pub fn reset(&mut self) {
        // Why moving the bump pointer back is sound: everything that can reach
        // memory this arena handed out borrows the arena. Allocations return
        // references tied to `&self`; the collections and the `Allocator`
        // impl hold `&Arena`; a child made by `ephemeral*` borrows `self`, and
        // its own allocations borrow the child. `&mut self` proves that none
        // of them is alive, so no reference survives into the memory that the
        // next allocations hand out again. A child leaked with `mem::forget`
        // was moved, so nothing borrowed from it is alive either; its memory
        // is reused like the rest. No destructor has to run: the arena stores
        // `Copy` values only, and a collection that owns more (the hash map's
        // table) is dropped by its owner before this borrow can begin.
        let frame_peak = self
            .frame_peak
            .get()
            .max(self.used())
            .max(*self.link.peak.get_mut());
        self.peak.set(self.peak.get().max(frame_peak));
        self.frame_peak.set(0);
        *self.link.peak.get_mut() = 0;
        if self.overflow.chunk_bytes() != 0 {
            self.settle_after_overflow(frame_peak);
        }
        self.rewind();
        // No child can be alive: it would borrow `self`. One that was leaked with
        // `mem::forget` can never be used again.
        *self.link.live.get_mut() = 0;
    }

    /// The bump pointer back to the home block's start.
    fn rewind(&mut self) {
        self.cur.set(self.start);
        self.limit.set(self.end);
        self.region.set((self.start, self.end));
        self.used_before.set(0);
        self.sealed.set(Seal::Open);
    }

    /// After a frame that overflowed: free the chunks, and make the home block
    /// large enough for such a frame.
    #[cold]
    #[cfg(feature = "alloc")]
    fn settle_after_overflow(&mut self, frame_peak: usize) {
        let home = self.end.as_ptr().addr() - self.start.as_ptr().addr();
        let slack = self.alignment_slack();
        if let Some(block) = self
            .overflow
            .settle(frame_peak, slack, home, self.cache_line)
        {
            self.install_home(block);
        }
    }

    /// Without the global allocator there are no chunks to settle.
    #[cfg(not(feature = "alloc"))]
    fn settle_after_overflow(&mut self, _frame_peak: usize) {}

    /// Makes `block` the home block, freeing the previous one if the arena
    /// owned it. The caller's or the parent's memory is left alone.
    #[cfg(feature = "alloc")]
    fn install_home(&mut self, block: block::OwnedBlock) {
        let home = (self.start, self.end);
        self.start = block.ptr();
        // SAFETY: the block is `size()` bytes long.
        self.end = unsafe { block.ptr().add(block.size()) };
        match self.backing {
            Backing::Owned(_) => {
                self.backing = Backing::Owned(block);
            }
            _ => self.overflow.set_grown_home(block, home),
        }
    }

    /// Resets the arena and gives back the memory a growing arena took: its
    /// overflow chunks, and a home block grown after an overflowing frame (the
    /// arena returns to the block it was built with, or to a block of its
    /// initial capacity if it owned it).
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::{Arena, Growth};
    ///
    /// let mut arena = Arena::builder().growth(Growth::UNLIMITED).try_with_capacity(4096)?;
    /// arena.alloc_bytes(100_000);
    /// arena.reset();
    /// assert!(arena.capacity() >= 100_000);
    /// arena.shrink_to_fit();
    /// assert_eq!(arena.capacity(), 4096);
    /// assert_eq!(arena.used(), 0);
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    pub fn shrink_to_fit(&mut self) {
        self.reset();
        #[cfg(feature = "alloc")]
        {
            if let Some((start, end)) = self.overflow.take_borrowed_home() {
                self.start = start;
                self.end = end;
            } else if let Backing::Owned(_) = self.backing {
                let initial = self.initial_capacity;
                if self.capacity() > initial {
                    let block = Layout::from_size_align(initial, self.cache_line)
                        .ok()
                        .and_then(block::OwnedBlock::allocate);
                    if let Some(block) = block {
                        self.install_home(block);
                    }
                }
            }
        }
        self.rewind();
    }
}
