//! Who owns an arena's block, and what a child shares with its parent.

#[cfg(feature = "alloc")]
use core::ptr::NonNull;
use core::sync::atomic::{AtomicBool, AtomicUsize};

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

/// What a child arena reports to its parent. Atomics, because the child may be
/// dropped on another thread than the parent lives on.
#[derive(Debug)]
pub(crate) struct ChildLink {
    /// A child is alive: the parent's free memory is lent to it. Set by the
    /// parent (`ephemeral`), cleared by the child's drop with `Release`, read by
    /// the parent with `Acquire` before it reuses the memory.
    pub(crate) live: AtomicBool,
    /// The highest byte the children ever used, as an offset from the parent's
    /// start.
    pub(crate) peak: AtomicUsize,
    /// The largest alignment above `bumping::UNTRACKED_ALIGN` the children
    /// asked for (0 if none). Only ever raised: the parent reads it where it
    /// needs it (`alignment_slack`), so nothing has to move it at a reset.
    pub(crate) max_align: AtomicUsize,
}

impl ChildLink {
    pub(crate) const fn new() -> ChildLink {
        ChildLink {
            live: AtomicBool::new(false),
            peak: AtomicUsize::new(0),
            max_align: AtomicUsize::new(0),
        }
    }
}
