//! Parallel frames: a frame's free memory split between worker arenas, one
//! per thread (`split`), sharing a pool that each takes chunks from with one
//! compare-exchange; the frame takes the pool back when the last worker is
//! gone. The argument that this is sound is in the comments here and on
//! [`Workers`].

use super::*;
use crate::workers::Workers;

impl<'m> Arena<'m> {
    /// Splits this arena's free memory between `n` worker arenas, one for each
    /// of `n` threads (a parallel frame).
    ///
    /// Each worker is an ordinary [`Arena`]: every `alloc*` method and every
    /// collection works with it. It is [`Send`], not [`Sync`]: give each
    /// thread `&mut` to its own worker (with `std::thread::scope`, or rayon's
    /// `par_iter_mut`). The [`Workers`] deref to `[Arena]`.
    ///
    /// While the workers live this arena is *sealed*, as with
    /// [`ephemeral`](Arena::ephemeral): allocating from it returns
    /// [`ArenaError::Sealed`]. Dropping them unseals it.
    ///
    /// # How the memory is shared
    ///
    /// The `n` worker structs are allocated from this arena first (no heap
    /// call). The free memory after them is the *pool*. Each worker starts on
    /// a small slice of it (together 1/16 of the pool); when its bump pointer
    /// runs out, its slow path takes the next chunk of the pool with one
    /// compare-exchange on a shared cursor. The allocation fast path inside a
    /// worker is the single-threaded one, unchanged.
    ///
    /// Chunks are sized adaptively: at least the request; beyond it, double
    /// the worker's previous chunk (at least 1 KiB), so a busy worker needs
    /// only a logarithmic number of refills; but never more than a `1 / n`
    /// share of what remains, so near the end chunks shrink and one busy
    /// worker cannot take the memory the others still need. An unbalanced
    /// split wastes little: what an idle worker strands is its start slice,
    /// and what a busy one leaves at the end of a chunk is less than the
    /// request that did not fit there. Chunk ends are rounded to the cache
    /// line, so two workers never write to one line.
    ///
    /// # Figures after the split
    ///
    /// When the workers are dropped this arena's bump pointer moves past the
    /// highest pool byte handed out: its [`used`](Arena::used) and
    /// [`peak`](Arena::peak) count every chunk (and the worker structs) until
    /// the next [`reset`](Arena::reset), which is O(1) and reclaims all of it,
    /// whatever the number of chunks. The overflow chunks of workers of a
    /// growing arena are theirs, freed when they are dropped, and not counted
    /// here.
    ///
    /// # Results after the join
    ///
    /// What a thread allocates from `&'w mut` its worker borrows the worker for
    /// `'w`, so it can be returned from the thread and read after the join,
    /// while the [`Workers`] live: `&'w [T]`, `&'w str`, `&'w mut T`. A
    /// collection holds `&Arena` and so is not `Send`; turn it into its
    /// contents first ([`ArenaVec::into_slice`](crate::ArenaVec::into_slice),
    /// [`ArenaStr::into_str`](crate::ArenaStr::into_str)). Everything borrows
    /// the workers, which borrow this arena, so `reset` cannot compile while
    /// any of it is in use.
    ///
    /// # Exhaustion and growth
    ///
    /// A worker whose request the pool cannot hold fails with
    /// [`ArenaError::CapacityExceeded`], naming the request and what remains
    /// of the pool; the other workers go on with what they hold. Workers of a
    /// growing arena (see [`Growth`]) have its policy: they take overflow
    /// chunks from the global allocator instead, as a growing arena does.
    ///
    /// A worker may [`reset`](Arena::reset) itself: it goes back to its start
    /// slice; the pool chunks it took are not returned to the pool (the frame
    /// reclaims them at its own reset).
    ///
    /// # A worker's own figures
    ///
    /// [`used`](Arena::used) counts every chunk a worker took as if they were
    /// one block; [`remaining`](Arena::remaining) is what is left in its
    /// current chunk; [`capacity`](Arena::capacity) is its start slice (plus
    /// its overflow chunks), not the pool, so it can be below `used()`; and
    /// [`contains`](Arena::contains) knows its start slice, its current chunk
    /// and its overflow chunks, not the pool chunks it filled before (the pool
    /// is shared, so its range says nothing about one worker).
    ///
    /// # Errors
    ///
    /// [`ArenaError::InvalidWorkerCount`] for `n == 0`; [`ArenaError::Sealed`]
    /// if a child or earlier workers of this arena are alive;
    /// [`ArenaError::CapacityExceeded`] (or [`ArenaError::SizeOverflow`]) if the
    /// `n` worker structs do not fit.
    ///
    /// # Examples
    ///
    /// With scoped threads, the results read on the main thread after the join:
    ///
    /// ```
    /// use arena_memory::{format_in, Arena, ArenaVec};
    ///
    /// let mut frame = Arena::try_with_capacity(64 * 1024)?;
    /// for _ in 0..3 {
    ///     let mut workers = frame.try_split(2)?;
    ///     let (evens, label) = std::thread::scope(|s| {
    ///         let [left, right] = &mut workers[..] else { unreachable!() };
    ///         let evens = s.spawn(move || {
    ///             let evens = ArenaVec::from_iter_in((0..100u32).map(|i| i * 2), left);
    ///             evens.into_slice()
    ///         });
    ///         let label = s.spawn(move || format_in!(right, "{} items", 100).into_str());
    ///         (evens.join().unwrap(), label.join().unwrap())
    ///     });
    ///     assert_eq!(evens[99], 198);
    ///     assert_eq!(label, "100 items");
    ///     drop(workers);
    ///     assert!(frame.used() >= 400);
    ///     frame.reset(); // O(1): all of it back
    /// }
    /// # Ok::<(), arena_memory::ArenaError>(())
    /// ```
    ///
    /// With rayon, one worker per job:
    ///
    /// ```
    /// # // Not under Miri: rayon's pool (crossbeam-epoch) casts integers to
    /// # // pointers, which Miri's strict provenance refuses.
    /// # #[cfg(miri)]
    /// # fn main() {}
    /// # #[cfg(not(miri))]
    /// # fn main() -> Result<(), arena_memory::ArenaError> {
    /// use arena_memory::{Arena, ArenaStr};
    /// use rayon::prelude::*;
    ///
    /// let frame = Arena::try_with_capacity(64 * 1024)?;
    /// let mut workers = frame.try_split(2)?;
    /// let jobs = [["a", "b"], ["c", "d"]];
    /// let joined: Vec<&str> = workers
    ///     .par_iter_mut()
    ///     .zip(jobs)
    ///     .map(|(worker, words)| {
    ///         let mut s = ArenaStr::new_in(worker);
    ///         for w in words {
    ///             s.push_str(w);
    ///         }
    ///         s.into_str()
    ///     })
    ///     .collect();
    /// assert_eq!(joined, ["ab", "cd"]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn try_split(&self, n: usize) -> Result<Workers<'_>, ArenaError> {
        if n == 0 {
            return Err(ArenaError::InvalidWorkerCount { count: n });
        }
        self.unseal_if_child_dropped()?;
        // The worker structs live in this arena's own memory: no heap call.
        // On a cache line: with `Arena`'s hot fields first (it is `repr(C)`),
        // no worker's bump pointer shares a line with another's hot fields.
        let structs = Layout::array::<Arena<'_>>(n)
            .and_then(|layout| layout.align_to(self.cache_line))
            .map_err(|_| ArenaError::SizeOverflow)?;
        let slots = self.try_alloc_layout(structs)?.cast::<Arena<'_>>();
        // Nothing fails after this point: the arena is changed only now.
        let cur = self.cur.get();
        let (_, region_end) = self.region.get();
        let len = region_end.as_ptr().addr() - cur.as_ptr().addr();
        // `align_offset`, so that Miri's symbolic alignment check follows the
        // proof that each start slice is aligned to the cache line.
        let pad = cur.as_ptr().align_offset(self.cache_line);
        // Past the region's end (a full arena) the workers start empty.
        let first = pad.min(len);
        let slice = bumping::worker_slice(len - first, n, self.cache_line);
        self.link.pool_base.store(cur.as_ptr(), Ordering::Relaxed);
        self.link.pool_len.store(len, Ordering::Relaxed);
        self.link.pool_share.store(n, Ordering::Relaxed);
        self.link
            .pool_next
            .store(first + n * slice, Ordering::Relaxed);
        self.seal(Seal::Split, n);
        for i in 0..n {
            // SAFETY: (both) `first + n * slice <= len` (`worker_slice` takes
            // at most `(len - first) / 16` for all n), so both are in the
            // region or one past its end.
            let (start, end) =
                unsafe { (cur.add(first + i * slice), cur.add(first + (i + 1) * slice)) };
            let worker = Arena::over(
                start,
                end,
                self.cache_line,
                // No offset: a worker reports no peak through the link
                // (its chunks are not contiguous from its start); the frame
                // counts the pool whole when the last worker is gone.
                Some((&self.link, 0)),
                Backing::Worker,
                self.growth(),
            );
            // SAFETY: `slots` is an allocation for `n` `Arena`s (aligned for
            // them, its own memory: the bump pointer moved past it) and
            // `i < n`; the slot is uninitialised, so nothing is overwritten
            // that needed a drop.
            unsafe { slots.add(i).write(worker) };
        }
        // SAFETY: 1. the `n` slots were just initialised, each exactly once;
        // 2. they lie in this arena's memory, which stays allocated while
        // `self` is borrowed, and which nothing else uses: the bump pointer
        // moved past them, and only `reset(&mut self)` moves it back, which
        // cannot happen while the `Workers` borrow `self`; 3. the workers'
        // `parent` is `self.link`, and `self` is sealed with `live == n`.
        Ok(unsafe { Workers::from_raw_parts(self, slots, n) })
    }

    /// Splits this arena's free memory between `n` workers, as
    /// [`try_split`](Arena::try_split).
    ///
    /// # Panics
    ///
    /// When `try_split` would return an error (`n == 0`, a sealed arena, no
    /// room for the worker structs), with its message.
    ///
    /// # Examples
    ///
    /// ```
    /// use arena_memory::Arena;
    ///
    /// let frame = Arena::with_capacity(16 * 1024);
    /// let mut workers = frame.split(2);
    /// let sums: Vec<&[u64]> = std::thread::scope(|s| {
    ///     let handles: Vec<_> = workers
    ///         .iter_mut()
    ///         .map(|w| s.spawn(move || &*w.alloc_slice_fill_with(10, |i| i as u64)))
    ///         .collect();
    ///     handles.into_iter().map(|h| h.join().unwrap()).collect()
    /// });
    /// assert_eq!(sums[1][9], 9);
    /// ```
    #[track_caller]
    pub fn split(&self, n: usize) -> Workers<'_> {
        unwrap(self.try_split(n))
    }

    /// A worker's refill: the next chunk of its frame's pool that holds
    /// `layout`, taken with one compare-exchange when no other worker races
    /// for it; `None` if the pool cannot hold the request.
    pub(super) fn take_pool_chunk(&self, layout: Layout) -> Option<(NonNull<u8>, NonNull<u8>)> {
        let (link, _) = self.parent?;
        // Written before this worker was made; this thread received the worker
        // through a happens-before edge (see `ChildLink::pool_base`).
        let base = link.pool_base.load(Ordering::Relaxed);
        let len = link.pool_len.load(Ordering::Relaxed);
        let share = link.pool_share.load(Ordering::Relaxed);
        let (region_start, region_end) = self.region.get();
        let last = region_end.as_ptr().addr() - region_start.as_ptr().addr();
        let mut next = link.pool_next.load(Ordering::Relaxed);
        loop {
            let (start, end) = bumping::pool_chunk(
                base.addr(),
                next,
                len,
                layout.size(),
                layout.align(),
                self.cache_line,
                last,
                share,
            )
            .ok()?;
            // `Relaxed`: the cursor only decides who owns which bytes; no
            // data is published through it (each chunk's bytes were last
            // written before the split, which happens before every worker).
            // The compare-exchange makes the chunks disjoint: each moves the
            // cursor from the value it read, so no two cover a byte.
            match link
                .pool_next
                .compare_exchange(next, end, Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => {
                    debug_assert!(start <= end && end <= len);
                    // SAFETY: (both) `start <= end <= len`, and
                    // `[base, base + len)` is the frame's free memory when it
                    // was split (one allocation), which outlives this worker;
                    // `base` carries the block's provenance, and `new_unchecked`
                    // holds because `base` is not null (it is a block's byte).
                    return Some(unsafe {
                        (
                            NonNull::new_unchecked(base.add(start)),
                            NonNull::new_unchecked(base.add(end)),
                        )
                    });
                }
                Err(seen) => next = seen,
            }
        }
    }

    /// What remains of a worker's pool, usable at `align`.
    pub(super) fn pool_remaining(&self, align: usize) -> usize {
        let Some((link, _)) = self.parent else {
            return 0;
        };
        let base = link.pool_base.load(Ordering::Relaxed).addr();
        let len = link.pool_len.load(Ordering::Relaxed);
        let next = link.pool_next.load(Ordering::Relaxed).min(len);
        bumping::usable_at(base + next, len - next, align)
    }

    /// The frame, once its last worker is gone: its bump pointer moves past
    /// every pool byte handed out, so that `used()` counts them until the
    /// next reset.
    pub(super) fn take_back_pool(&self) {
        let len = self.link.pool_len.load(Ordering::Relaxed);
        let handed_out = self.link.pool_next.load(Ordering::Relaxed).min(len);
        let cur = self.cur.get();
        debug_assert_eq!(
            cur.as_ptr().addr(),
            self.link.pool_base.load(Ordering::Relaxed).addr()
        );
        // SAFETY: the pool started at the bump pointer, which has not moved
        // while sealed, and is `len` bytes of the current region:
        // `handed_out <= len` keeps `cur + handed_out` in it (or one past).
        self.cur.set(unsafe { cur.add(handed_out) });
        self.record_peak(self.used());
    }
}
