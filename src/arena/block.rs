//! Who owns an arena's block, and what a child shares with its parent.

use core::ptr::NonNull;
use core::sync::atomic::{AtomicBool, AtomicUsize};

#[cfg(feature = "alloc")]
use core::alloc::Layout;

/// Who owns an arena's block, and what dropping the arena does with it.
#[derive(Debug)]
pub(crate) enum Backing {
    /// The caller's initialised bytes (`Arena::new`), from the arena's aligned
    /// start on: zeroed again on drop as far as they were used, so that no
    /// uninitialised byte (the padding of a stored value) is left in a `[u8]`
    /// the caller can read.
    BorrowedInit {
        /// The arena's first usable byte in the caller's block.
        start: NonNull<u8>,
        /// The usable bytes from `start`.
        len: usize,
    },
    /// The caller's uninitialised bytes (`Arena::from_uninit`): left as they are.
    BorrowedUninit,
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
    /// global allocator fails.
    pub(crate) fn allocate(layout: Layout) -> Option<OwnedBlock> {
        debug_assert!(layout.size() > 0);
        // SAFETY: the layout has a non-zero size.
        let ptr = NonNull::new(unsafe { alloc::alloc::alloc(layout) })?;
        Some(OwnedBlock { ptr, layout })
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
}

impl ChildLink {
    pub(crate) const fn new() -> ChildLink {
        ChildLink {
            live: AtomicBool::new(false),
            peak: AtomicUsize::new(0),
        }
    }
}
