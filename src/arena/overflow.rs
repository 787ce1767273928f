//! The overflow chunks of a growing arena, and the right-sized block it keeps
//! after an overflowing frame.
//!
//! All of this runs in the allocation slow path or in `reset`; the hot path
//! never looks here. Without the `alloc` feature an arena cannot grow, and this
//! is an empty stand-in.

use core::alloc::Layout;
use core::ptr::NonNull;

use super::growth::Growth;

/// Why no overflow chunk was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refused {
    /// The arena does not grow, or the chunk would pass its byte limit.
    Limit,
    /// The global allocator failed to provide this many bytes.
    #[cfg_attr(
        not(feature = "alloc"),
        expect(dead_code, reason = "no chunks without `alloc`")
    )]
    OutOfMemory(usize),
}

#[cfg(feature = "alloc")]
pub(crate) use imp::Overflow;
#[cfg(not(feature = "alloc"))]
pub(crate) use stub::Overflow;

#[cfg(feature = "alloc")]
mod imp {
    use core::cell::{Cell, RefCell};

    use smallvec::SmallVec;

    use super::super::block::OwnedBlock;
    use super::*;
    use crate::bumping;

    /// A block's `[start, end)`.
    type BlockRange = (NonNull<u8>, NonNull<u8>);

    /// A growing arena's overflow state.
    #[derive(Debug)]
    pub(crate) struct Overflow {
        growth: Growth,
        /// The chunks taken since the last reset, oldest first. A few inline, so
        /// the common case allocates no list.
        chunks: RefCell<SmallVec<[OwnedBlock; 4]>>,
        /// Their bytes in all.
        chunk_bytes: Cell<usize>,
        /// The size of the newest chunk, 0 if none.
        last_chunk: Cell<usize>,
        /// Chunks taken since the arena was made.
        taken: Cell<usize>,
        /// The block that replaced a borrowed home (the caller's memory or the
        /// parent's) after an overflowing frame, with that borrowed home's
        /// `[start, end)`, to return to in `shrink_to_fit`.
        grown_home: Option<(OwnedBlock, BlockRange)>,
    }

    impl Overflow {
        pub(crate) fn new(growth: Growth) -> Overflow {
            Overflow {
                growth,
                chunks: RefCell::new(SmallVec::new()),
                chunk_bytes: Cell::new(0),
                last_chunk: Cell::new(0),
                taken: Cell::new(0),
                grown_home: None,
            }
        }

        pub(crate) fn growth(&self) -> Growth {
            self.growth
        }

        pub(crate) fn chunk_count(&self) -> usize {
            self.chunks.borrow().len()
        }

        pub(crate) fn chunk_bytes(&self) -> usize {
            self.chunk_bytes.get()
        }

        pub(crate) fn chunks_taken(&self) -> usize {
            self.taken.get()
        }

        /// Takes a chunk that holds `layout` at its start, given the `held`
        /// bytes (block and chunks) and the home block's capacity, and returns
        /// its `[start, end)`.
        pub(crate) fn take_chunk(
            &self,
            layout: Layout,
            held: usize,
            home_capacity: usize,
            cache_line: usize,
        ) -> Result<(NonNull<u8>, NonNull<u8>), Refused> {
            let Growth::Overflow { max_bytes } = self.growth else {
                return Err(Refused::Limit);
            };
            let previous = match self.last_chunk.get() {
                0 => home_capacity,
                last => last,
            };
            // Aligned for the request and for children's cache-line starts.
            let align = layout.align().max(cache_line).max(16);
            let size = bumping::chunk_size(layout.size(), previous, held, max_bytes, align)
                .ok_or(Refused::Limit)?;
            let chunk_layout = Layout::from_size_align(size, align).map_err(|_| Refused::Limit)?;
            let block = OwnedBlock::allocate(chunk_layout).ok_or(Refused::OutOfMemory(size))?;
            let start = block.ptr();
            // SAFETY: the block is `size` bytes, so its end is one past it.
            let end = unsafe { start.add(size) };
            self.chunks.borrow_mut().push(block);
            self.chunk_bytes.set(self.chunk_bytes.get() + size);
            self.last_chunk.set(size);
            self.taken.set(self.taken.get() + 1);
            Ok((start, end))
        }

        /// Whether `addr` is inside one of the chunks.
        pub(crate) fn contains(&self, addr: usize) -> bool {
            self.chunks
                .borrow()
                .iter()
                .any(|chunk| chunk.contains(addr))
        }

        /// At a reset: frees the chunks, and if there were any, returns a block
        /// sized to `frame_peak` plus headroom plus `alignment_slack` (the most
        /// the frame's padding can grow in a block that starts elsewhere),
        /// within the byte limit, when that
        /// is more than `home_capacity`. `None` if the frame did not overflow,
        /// the home is large enough, or the global allocator said no (the next
        /// frame then overflows again, which is still correct).
        pub(crate) fn settle(
            &mut self,
            frame_peak: usize,
            alignment_slack: usize,
            home_capacity: usize,
            cache_line: usize,
        ) -> Option<OwnedBlock> {
            if self.chunks.get_mut().is_empty() {
                return None;
            }
            self.chunks.get_mut().clear();
            self.chunk_bytes.set(0);
            self.last_chunk.set(0);
            let Growth::Overflow { max_bytes } = self.growth else {
                return None;
            };
            let want =
                bumping::with_headroom(frame_peak, alignment_slack, cache_line)?.min(max_bytes);
            if want <= home_capacity {
                return None;
            }
            OwnedBlock::allocate(Layout::from_size_align(want, cache_line).ok()?)
        }

        /// Keeps `block` as the home in place of `home`, freeing `home` if it
        /// was a previous replacement. The borrowed home to return to is the
        /// first one replaced: `home` unless a replacement is held already.
        pub(crate) fn set_grown_home(&mut self, block: OwnedBlock, home: BlockRange) {
            let borrowed = match self.grown_home.take() {
                Some((_, borrowed)) => borrowed,
                None => home,
            };
            self.grown_home = Some((block, borrowed));
        }

        /// Frees the block that replaced a borrowed home, and returns that
        /// borrowed home's `[start, end)`; `None` if the home was not replaced.
        pub(crate) fn take_borrowed_home(&mut self) -> Option<BlockRange> {
            self.grown_home.take().map(|(_, borrowed)| borrowed)
        }
    }
}

#[cfg(not(feature = "alloc"))]
mod stub {
    use super::*;

    /// Without the global allocator an arena cannot grow.
    #[derive(Debug)]
    pub(crate) struct Overflow;

    impl Overflow {
        pub(crate) fn new(_growth: Growth) -> Overflow {
            Overflow
        }

        pub(crate) fn growth(&self) -> Growth {
            Growth::Fixed
        }

        pub(crate) fn chunk_count(&self) -> usize {
            0
        }

        pub(crate) fn chunk_bytes(&self) -> usize {
            0
        }

        pub(crate) fn chunks_taken(&self) -> usize {
            0
        }

        pub(crate) fn take_chunk(
            &self,
            _layout: Layout,
            _held: usize,
            _home_capacity: usize,
            _cache_line: usize,
        ) -> Result<(NonNull<u8>, NonNull<u8>), Refused> {
            Err(Refused::Limit)
        }

        pub(crate) fn contains(&self, _addr: usize) -> bool {
            false
        }
    }
}
