//! Who owns an arena's block, and what a child shares with its parent.

use core::ptr;
#[cfg(feature = "alloc")]
use core::ptr::NonNull;
use core::sync::atomic::{AtomicPtr, AtomicUsize};

#[cfg(feature = "alloc")]
use core::alloc::Layout;

#[cfg(feature = "alloc")]
use crate::bumping;

/// Who owns an arena's block, and what dropping the arena does with it.
#[derive(Debug)]
pub(crate) enum Backing {
    /// The caller's block (`Arena::new`): left as it is.
    Borrowed,
    /// A child's share of its parent's block.
    Child,
    /// One of the workers of a split (`Arena::split`): a slice of its frame's
    /// block to start with, then chunks of the frame's pool, which the
    /// frame's `ChildLink` holds.
    Worker,
    /// A block from the global allocator, freed on drop.
    #[cfg(feature = "alloc")]
    Owned(#[expect(dead_code, reason = "held for its `Drop`, which frees the block")] OwnedBlock),
}

/// A block from the global allocator.
#[cfg(feature = "alloc")]
#[derive(Debug)]
pub(crate) struct OwnedBlock {
    ptr: NonNull<u8>,
    layout: Layout,
}

#[cfg(feature = "alloc")]
impl OwnedBlock {
    /// Allocates a block for `layout`, which has a non-zero size. `None` if the
    /// global allocator fails, or gives a block that reaches into the top of
    /// the address space, which the hot path needs free (see
    /// [`bumping::TOP_SLACK`]; never seen in practice).
    pub(crate) fn allocate(layout: Layout) -> Option<OwnedBlock> {
        debug_assert!(layout.size() > 0);
        // SAFETY: the layout has a non-zero size.
        let ptr = NonNull::new(unsafe { alloc::alloc::alloc(layout) })?;
        let block = OwnedBlock { ptr, layout };
        // Dropping the block frees it.
        (bumping::usable_len(ptr.as_ptr().addr(), layout.size()) == layout.size()).then_some(block)
    }

    pub(crate) fn ptr(&self) -> NonNull<u8> {
        self.ptr
    }

    pub(crate) fn size(&self) -> usize {
        self.layout.size()
    }

    /// Whether `addr` is inside the block.
    pub(crate) fn contains(&self, addr: usize) -> bool {
        let start = self.ptr.as_ptr().addr();
        start <= addr && addr < start + self.layout.size()
    }
}

#[cfg(feature = "alloc")]
impl Drop for OwnedBlock {
    fn drop(&mut self) {
        // SAFETY: `ptr` came from `alloc` with this very layout, and is freed once.
        unsafe { alloc::alloc::dealloc(self.ptr.as_ptr(), self.layout) };
    }
}

/// What a child arena reports to its parent, and the pool a split's workers
/// share. Atomics, because a child may be dropped on another thread than the
/// parent lives on, and workers allocate on several threads at once.
#[derive(Debug)]
pub(crate) struct ChildLink {
    /// How many children are alive (1 for an ephemeral child, n for a split
    /// into n workers): the parent's free memory is lent to them while this
    /// is not 0. Set by the parent (`ephemeral`, `split`), cleared by the
    /// child's drop (a worker's drop subtracts 1) with `Release`, read by the
    /// parent with `Acquire` before it reuses the memory. Every decrement is a
    /// read-modify-write, so the parent's `Acquire` load that sees 0
    /// synchronises with every worker's drop.
    pub(crate) live: AtomicUsize,
    /// The highest byte the children ever used, as an offset from the parent's
    /// start.
    pub(crate) peak: AtomicUsize,
    /// The largest alignment above `bumping::UNTRACKED_ALIGN` the children
    /// asked for (0 if none). Only ever raised: the parent reads it where it
    /// needs it (`alignment_slack`), so nothing has to move it at a reset.
    pub(crate) max_align: AtomicUsize,
    /// A split's pool, `[pool_base, pool_base + pool_len)`: the frame's free
    /// memory when it was split. The pointer carries the provenance of the
    /// frame's block, and every chunk pointer is derived from it. Written by
    /// the frame before it makes the workers (which reach other threads only
    /// through a happens-before edge: a spawn, a scope, a rayon job), then
    /// only read until the workers are gone.
    pub(crate) pool_base: AtomicPtr<u8>,
    /// The pool's length in bytes.
    pub(crate) pool_len: AtomicUsize,
    /// The pool's cursor: the pool bytes below it are handed out. Workers
    /// move it with one compare-exchange per chunk.
    pub(crate) pool_next: AtomicUsize,
    /// How many workers share the pool: a refill takes at most
    /// `1 / pool_share` of what remains.
    pub(crate) pool_share: AtomicUsize,
}

impl ChildLink {
    pub(crate) const fn new() -> ChildLink {
        ChildLink {
            live: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
            max_align: AtomicUsize::new(0),
            pool_base: AtomicPtr::new(ptr::null_mut()),
            pool_len: AtomicUsize::new(0),
            pool_next: AtomicUsize::new(0),
            pool_share: AtomicUsize::new(1),
        }
    }
}
