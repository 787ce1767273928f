//! [`RawBuf`]: the pointer work behind [`ArenaVec`](crate::ArenaVec) and
//! [`ArenaStr`](crate::ArenaStr), on bytes and a `Layout` rather than a `T`, so
//! it is compiled once (hashbrown's `RawTableInner` idea).

use core::alloc::Layout;
use core::cmp;
use core::marker::PhantomData;
use core::ptr::{self, NonNull};

use crate::arena::{dangling_for, Arena};
use crate::bumping;
use crate::error::ArenaError;

/// A buffer of `cap` elements of one layout, carved from an arena.
///
/// Invariants:
/// - For zero-sized elements `cap == usize::MAX` and `ptr` is dangling (aligned).
/// - Otherwise either `cap == 0` and `ptr` is dangling, or `ptr` is the start
///   of an allocation of `cap * elem.size()` bytes in `arena`, aligned to
///   `elem.align()`, valid for `'a` and used by nothing else.
pub(crate) struct RawBuf<'a> {
    ptr: NonNull<u8>,
    cap: usize,
    /// The arena, from a `&'a Arena<'a>`. A raw pointer rather than the
    /// reference only so that clippy's `mutable_key_type` does not see the
    /// arena's `Cell`s in every map keyed by an `ArenaStr` or `ArenaVec` (their
    /// hash and equality depend on the elements alone).
    arena: NonNull<Arena<'a>>,
    _arena: PhantomData<&'a Arena<'a>>,
}

impl<'a> RawBuf<'a> {
    /// An empty buffer: no allocation.
    #[inline]
    pub(crate) fn new_in(elem: Layout, arena: &'a Arena<'a>) -> RawBuf<'a> {
        RawBuf {
            ptr: dangling_for(elem),
            cap: if elem.size() == 0 { usize::MAX } else { 0 },
            arena: NonNull::from(arena),
            _arena: PhantomData,
        }
    }

    /// A buffer of exactly `cap` elements (none for `cap == 0`), its start
    /// aligned to `align`, which is at least `elem.align()`.
    pub(crate) fn with_capacity_in(
        elem: Layout,
        cap: usize,
        align: usize,
        arena: &'a Arena<'a>,
    ) -> Result<RawBuf<'a>, ArenaError> {
        debug_assert!(align.is_power_of_two() && align >= elem.align());
        if elem.size() == 0 || cap == 0 {
            return Ok(RawBuf::new_in(elem, arena));
        }
        let layout = array_layout(elem, cap, align)?;
        let ptr = arena.try_alloc_layout(layout)?;
        Ok(RawBuf {
            ptr,
            cap,
            arena: NonNull::from(arena),
            _arena: PhantomData,
        })
    }

    /// The start of the buffer, aligned to the element's alignment.
    #[inline(always)]
    pub(crate) fn ptr(&self) -> NonNull<u8> {
        self.ptr
    }

    /// How many elements the buffer holds.
    #[inline(always)]
    pub(crate) fn capacity(&self) -> usize {
        self.cap
    }

    /// The arena the buffer lives in.
    #[inline(always)]
    pub(crate) fn arena(&self) -> &'a Arena<'a> {
        // SAFETY: `arena` was made from a `&'a Arena<'a>` (see the constructors),
        // so it points to a live arena for `'a`, borrowed shared.
        unsafe { self.arena.as_ref() }
    }

    /// Makes room for `required` elements, keeping the first `len`.
    ///
    /// On failure the buffer is unchanged (and so are its elements).
    #[inline]
    pub(crate) fn try_reserve_total(
        &mut self,
        elem: Layout,
        len: usize,
        required: usize,
    ) -> Result<(), ArenaError> {
        debug_assert!(len <= self.cap);
        if required <= self.cap {
            return Ok(());
        }
        self.reserve_more(elem, len, required)
    }

    /// `required > cap`: the two common cases first, a fresh buffer's first
    /// allocation and the newest buffer growing in place; everything else
    /// (and every failure, to find the best error) in [`grow`](Self::grow).
    /// Inlined into each element type's caller, so the element's size and
    /// alignment fold to constants. (`ArenaVec`'s `push` and
    /// `extend_from_slice` go through [`grown`](Self::grown) instead.)
    #[inline(always)]
    fn reserve_more(
        &mut self,
        elem: Layout,
        len: usize,
        required: usize,
    ) -> Result<(), ArenaError> {
        let size = elem.size();
        let amortised =
            bumping::grown_capacity(self.cap, required, bumping::min_non_zero_capacity(size));
        if let Some(bytes) = bumping::array_size(amortised, size) {
            if self.cap == 0 {
                // `bytes > 0`: `amortised >= 1` and the element is not zero-sized.
                if let Ok(layout) = Layout::from_size_align(bytes, elem.align()) {
                    // Only the inline bump, no call: nothing here has to be
                    // saved across one, and `grow` handles every other case.
                    if let Some(ptr) = self.arena().try_bump(layout) {
                        self.ptr = ptr;
                        self.cap = amortised;
                        return Ok(());
                    }
                }
            } else if self
                .arena()
                .grow_in_place(self.ptr, self.cap * size, bytes)
                .is_some()
            {
                self.cap = amortised;
                return Ok(());
            }
        }
        self.grow(elem, len, required)
    }

    /// The two common ways a buffer `(ptr, cap)` of `arena` gets room for
    /// `required > cap` elements, at the amortised capacity: a fresh buffer's
    /// first allocation, and the newest buffer growing in place. Only the
    /// inline bump, no call; `None` sends the caller to [`grow`](Self::grow).
    /// (`reserve_more` spells the same out on `&mut self`: written on top of
    /// this, `format_in!` took 9 instructions more a string.)
    #[inline(always)]
    fn grow_fast(
        arena: &'a Arena<'a>,
        ptr: NonNull<u8>,
        cap: usize,
        elem: Layout,
        required: usize,
    ) -> Option<(NonNull<u8>, usize)> {
        debug_assert!(required > cap);
        let size = elem.size();
        let amortised =
            bumping::grown_capacity(cap, required, bumping::min_non_zero_capacity(size));
        let bytes = bumping::array_size(amortised, size)?;
        if cap == 0 {
            // `bytes > 0`: `amortised >= 1` and the element is not zero-sized
            // (`required > cap` rules out their `cap == usize::MAX`).
            let layout = Layout::from_size_align(bytes, elem.align()).ok()?;
            arena.try_bump(layout).map(|ptr| (ptr, amortised))
        } else {
            // The buffer's own pointer stays: it came from this arena's bump
            // pointer, whose provenance covers the whole region.
            arena
                .grow_in_place(ptr, cap * size, bytes)
                .map(|_| (ptr, amortised))
        }
    }

    /// The slow path of [`grown`](Self::grown), out of line.
    #[cold]
    #[inline(never)]
    fn grown_slow(
        ptr: NonNull<u8>,
        cap: usize,
        arena: &'a Arena<'a>,
        elem: Layout,
        len: usize,
        required: usize,
    ) -> Result<(NonNull<u8>, usize), ArenaError> {
        let mut buf = RawBuf {
            ptr,
            cap,
            arena: NonNull::from(arena),
            _arena: PhantomData,
        };
        buf.grow(elem, len, required)?;
        Ok((buf.ptr, buf.cap))
    }

    /// The buffer `(ptr, cap)` of `arena`, which holds fewer than `len +
    /// additional` elements, grown to hold them (keeping the first `len`), as
    /// its new `(ptr, cap)`; on failure the buffer is unchanged. The parts go in and come back by
    /// value, so a caller's buffer never has its address taken: LLVM can then
    /// keep a vector's pointer and length in registers across a loop of
    /// pushes (`push` went from 8 instructions to 6 with this). Inlined into
    /// the element type's out-of-line caller (`ArenaVec::grown_parts`), so
    /// the layout is a constant there.
    #[inline(always)]
    pub(crate) fn grown(
        ptr: NonNull<u8>,
        cap: usize,
        arena: &'a Arena<'a>,
        elem: Layout,
        len: usize,
        additional: usize,
    ) -> Result<(NonNull<u8>, usize), ArenaError> {
        debug_assert!(len <= cap);
        let required = len
            .checked_add(additional)
            .ok_or(ArenaError::SizeOverflow)?;
        // The callers come here only when the room is short.
        debug_assert!(required > cap, "grown called with room to spare");
        if let Some(parts) = Self::grow_fast(arena, ptr, cap, elem, required) {
            return Ok(parts);
        }
        Self::grown_slow(ptr, cap, arena, elem, len, required)
    }

    /// Sets the buffer to `(ptr, cap)` from [`grown`](Self::grown).
    #[inline(always)]
    pub(crate) fn set_grown(&mut self, (ptr, cap): (NonNull<u8>, usize)) {
        self.ptr = ptr;
        self.cap = cap;
    }

    /// The slow path of [`try_reserve_total`](Self::try_reserve_total):
    /// `required > cap`, so the element is not zero-sized.
    ///
    /// Its callers ([`reserve_more`](Self::reserve_more),
    /// [`grow_fast`](Self::grow_fast)) tried growing in place to the
    /// amortised capacity (double) already. This tries, in order: growing in
    /// place to exactly `required`, moving to a new buffer of the amortised
    /// capacity, moving to one of exactly `required`. In place first, because
    /// a move leaves the old buffer behind until the arena is reset; the exact
    /// sizes last, so a small arena is used to its last byte.
    #[cold]
    #[inline(never)]
    fn grow(&mut self, elem: Layout, len: usize, required: usize) -> Result<(), ArenaError> {
        let size = elem.size();
        debug_assert!(size > 0 && required > self.cap);
        let amortised =
            bumping::grown_capacity(self.cap, required, bumping::min_non_zero_capacity(size));
        let candidates = [amortised, required];
        let candidates = if amortised == required {
            &candidates[..1]
        } else {
            &candidates[..]
        };

        // In place to the amortised capacity was the caller's try, just now
        // (or `array_size` overflowed): only exactly `required` is left to try
        // in place. With no buffer yet (`cap == 0`) `grow_in_place` refuses
        // (an empty allocation is never the newest).
        if amortised != required {
            if let Some(bytes) = bumping::array_size(required, size) {
                if self
                    .arena()
                    .grow_in_place(self.ptr, self.cap * size, bytes)
                    .is_some()
                {
                    self.cap = required;
                    return Ok(());
                }
            }
        }

        let mut error = ArenaError::SizeOverflow;
        for &cap in candidates {
            let new = array_layout(elem, cap, elem.align())
                .and_then(|layout| self.arena().try_alloc_layout(layout));
            match new {
                Ok(new) => {
                    debug_assert!(new.as_ptr().addr() % elem.align() == 0);
                    // A fresh buffer has nothing to copy: skip the call.
                    if len != 0 {
                        // SAFETY:
                        // 1. `self.ptr` holds `self.cap >= len` elements of `size`
                        //    bytes, so it is valid for reading `len * size` bytes.
                        // 2. `new` is a fresh allocation of `cap * size >= len *
                        //    size` bytes, valid for writing them.
                        // 3. A fresh allocation overlaps no live one.
                        unsafe {
                            ptr::copy_nonoverlapping(self.ptr.as_ptr(), new.as_ptr(), len * size);
                        }
                    }
                    self.ptr = new;
                    self.cap = cap;
                    return Ok(());
                }
                Err(err) => error = err,
            }
        }
        Err(error)
    }

    /// Gives the unused tail (past `len` elements) back to the arena, if this
    /// buffer is the arena's most recent allocation. The capacity is not
    /// changed: call this only when the buffer is about to be frozen.
    #[inline]
    pub(crate) fn give_back_tail(&self, elem: Layout, len: usize) {
        debug_assert!(len <= self.cap);
        // No test first: for zero-sized elements the sizes are `0` (`cap *
        // 0`), and an empty allocation is never the newest, and a full
        // buffer has an empty tail; `shrink_in_place` does nothing for either.
        self.arena()
            .shrink_in_place(self.ptr, self.cap * elem.size(), len * elem.size());
    }
}

impl<'a> RawBuf<'a> {
    /// Makes room for exactly `required` elements (no amortised doubling),
    /// keeping the first `len`: grows in place when the buffer is the arena's
    /// newest allocation, else moves to a new buffer of exactly `required`.
    ///
    /// On failure the buffer is unchanged (and so are its elements).
    pub(crate) fn try_reserve_exact_total(
        &mut self,
        elem: Layout,
        len: usize,
        required: usize,
    ) -> Result<(), ArenaError> {
        debug_assert!(len <= self.cap);
        if required <= self.cap {
            return Ok(());
        }
        // `required > cap`, so the element is not zero-sized (their `cap` is
        // `usize::MAX`).
        let size = elem.size();
        let layout = array_layout(elem, required, elem.align())?;
        // With no buffer yet (`cap == 0`) `grow_in_place` refuses: an empty
        // allocation is never the newest.
        if self
            .arena()
            .grow_in_place(self.ptr, self.cap * size, layout.size())
            .is_some()
        {
            self.cap = required;
            return Ok(());
        }
        let new = self.arena().try_alloc_layout(layout)?;
        debug_assert!(new.as_ptr().addr() % elem.align() == 0);
        if len != 0 {
            // SAFETY:
            // 1. `self.ptr` holds `self.cap >= len` elements of `size` bytes,
            //    so it is valid for reading `len * size` bytes.
            // 2. `new` is a fresh allocation of `required * size > len * size`
            //    bytes, valid for writing them.
            // 3. A fresh allocation overlaps no live one.
            unsafe { ptr::copy_nonoverlapping(self.ptr.as_ptr(), new.as_ptr(), len * size) };
        }
        self.ptr = new;
        self.cap = required;
        Ok(())
    }

    /// Lowers the capacity to `new_cap` (at least the `len` in use), giving the
    /// tail back to the arena, when the buffer is the arena's newest
    /// allocation and the arena is not sealed; otherwise does nothing (moving
    /// to a smaller buffer would leave the old one behind: more memory used,
    /// not less). Returns whether the capacity changed.
    pub(crate) fn shrink_to(&mut self, elem: Layout, new_cap: usize) -> bool {
        if elem.size() == 0 || new_cap >= self.cap {
            return false;
        }
        let given_back = self.arena().try_shrink_in_place(
            self.ptr,
            self.cap * elem.size(),
            new_cap * elem.size(),
        );
        if given_back {
            self.cap = new_cap;
            if new_cap == 0 {
                // Keep the invariant: no capacity, a dangling pointer.
                self.ptr = dangling_for(elem);
            }
        }
        given_back
    }

    /// The same buffer seen as elements `n` times smaller: `[T; n]` to `T`.
    /// `elem` is the new element's layout, `n` how many of them the old
    /// element held.
    pub(crate) fn flatten(self, elem: Layout, n: usize) -> RawBuf<'a> {
        let cap = if elem.size() == 0 {
            usize::MAX
        } else if n == 0 {
            // The old elements were zero-sized: no allocation behind `ptr`.
            return RawBuf::new_in(elem, self.arena());
        } else {
            // The old buffer held `cap * n * size` bytes, so this cannot
            // overflow.
            self.cap * n
        };
        RawBuf { cap, ..self }
    }
}

/// Where a [`RawBuf`] is and how many elements it holds, taken by
/// [`RawBuf::extent`] so that growth can be undone with [`RawBuf::roll_back`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Extent {
    ptr: NonNull<u8>,
    cap: usize,
}

impl RawBuf<'_> {
    /// The buffer's place and capacity now.
    #[inline]
    pub(crate) fn extent(&self) -> Extent {
        Extent {
            ptr: self.ptr,
            cap: self.cap,
        }
    }

    /// Undoes the growth since `before` was taken, for an operation that
    /// gives up after reserving: the buffer is back at `before`'s place with
    /// `before`'s capacity, and the memory reserved since is given back to the
    /// arena when it is still the arena's newest allocation (otherwise it
    /// stays unused until the arena is reset).
    ///
    /// Sound when the buffer has only grown since `before` (by
    /// [`try_reserve_total`](Self::try_reserve_total)) and the elements the
    /// caller keeps lie within `before.cap`: growth never frees the old
    /// allocation, and a move copies the elements without touching the old
    /// buffer, so the old buffer still holds them.
    pub(crate) fn roll_back(&mut self, elem: Layout, before: Extent) {
        debug_assert!(self.cap >= before.cap);
        let size = elem.size();
        if self.ptr != before.ptr {
            // Moved: the new buffer goes back (if newest), the old one returns.
            // It is not empty (`cap > 0`): only an allocation moves the
            // pointer, and zero-sized elements never move.
            self.arena().shrink_in_place(self.ptr, self.cap * size, 0);
            self.ptr = before.ptr;
            self.cap = before.cap;
        } else {
            // Grew in place, or not at all (then the tail is empty and
            // `shrink_in_place` changes nothing): give the added tail back
            // (if newest).
            self.arena()
                .shrink_in_place(self.ptr, self.cap * size, before.cap * size);
            self.cap = before.cap;
        }
    }
}

/// The layout of `cap` elements of `elem`, aligned to `align`.
fn array_layout(elem: Layout, cap: usize, align: usize) -> Result<Layout, ArenaError> {
    let bytes = bumping::array_size(cap, elem.size()).ok_or(ArenaError::SizeOverflow)?;
    Layout::from_size_align(bytes, cmp::max(align, elem.align()))
        .map_err(|_| ArenaError::SizeOverflow)
}
