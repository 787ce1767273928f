//! `&Arena` as an `allocator_api2` allocator, for hashbrown and
//! `allocator_api2::vec::Vec`.

use core::alloc::Layout;
use core::ptr::{self, NonNull};

use allocator_api2::alloc::{AllocError, Allocator};

use super::{dangling_for, Arena};

// SAFETY:
// 1. Blocks stay valid until the arena is reset or dropped; both need the arena
//    itself (`&mut` or by value), which no `&Arena` (and so no copy of this
//    allocator) can outlive.
// 2. Every block is fresh memory that no other block overlaps: the bump pointer
//    only moves back over a block that was deallocated or shrunk, and only if it
//    is the most recent one.
// 3. Copies of `&Arena` are the same allocator: any of them may free or grow a
//    block of the others.
unsafe impl Allocator for &Arena<'_> {
    #[inline]
    fn allocate(&self, layout: Layout) -> Result<NonNull<[u8]>, AllocError> {
        let ptr = self.try_alloc_layout(layout).map_err(|_| AllocError)?;
        Ok(NonNull::slice_from_raw_parts(ptr, layout.size()))
    }

    #[inline]
    unsafe fn deallocate(&self, ptr: NonNull<u8>, layout: Layout) {
        // The most recent block is taken back; any other waits for the reset.
        self.shrink_in_place(ptr, layout.size(), 0);
    }

    #[inline]
    unsafe fn grow(
        &self,
        ptr: NonNull<u8>,
        old_layout: Layout,
        new_layout: Layout,
    ) -> Result<NonNull<[u8]>, AllocError> {
        debug_assert!(new_layout.size() >= old_layout.size());
        if ptr.as_ptr().addr() % new_layout.align() == 0 {
            // The grown block is returned with the arena's provenance: `ptr`'s
            // may cover only the old size.
            if let Some(grown) = self.grow_in_place(ptr, old_layout.size(), new_layout.size()) {
                return Ok(NonNull::slice_from_raw_parts(grown, new_layout.size()));
            }
        }
        let new = self.allocate(new_layout)?;
        // SAFETY: the caller promises `ptr` holds `old_layout.size()` bytes of a
        // live block; the new block is fresh, so the two do not overlap.
        unsafe {
            ptr::copy_nonoverlapping(ptr.as_ptr(), new.cast::<u8>().as_ptr(), old_layout.size());
        }
        Ok(new)
    }

    #[inline]
    unsafe fn grow_zeroed(
        &self,
        ptr: NonNull<u8>,
        old_layout: Layout,
        new_layout: Layout,
    ) -> Result<NonNull<[u8]>, AllocError> {
        // SAFETY: the caller's promises for `grow_zeroed` are those of `grow`.
        let new = unsafe { self.grow(ptr, old_layout, new_layout)? };
        let start = new.cast::<u8>();
        // SAFETY: the block holds `new_layout.size()` bytes, of which the first
        // `old_layout.size()` were kept; the tail is zeroed.
        unsafe {
            ptr::write_bytes(
                start.as_ptr().add(old_layout.size()),
                0,
                new_layout.size() - old_layout.size(),
            );
        }
        Ok(new)
    }

    #[inline]
    unsafe fn shrink(
        &self,
        ptr: NonNull<u8>,
        old_layout: Layout,
        new_layout: Layout,
    ) -> Result<NonNull<[u8]>, AllocError> {
        debug_assert!(new_layout.size() <= old_layout.size());
        if new_layout.size() == 0 {
            self.shrink_in_place(ptr, old_layout.size(), 0);
            return Ok(NonNull::slice_from_raw_parts(dangling_for(new_layout), 0));
        }
        if ptr.as_ptr().addr() % new_layout.align() == 0 {
            self.shrink_in_place(ptr, old_layout.size(), new_layout.size());
            return Ok(NonNull::slice_from_raw_parts(ptr, new_layout.size()));
        }
        let new = self.allocate(new_layout)?;
        // SAFETY: the new block is fresh and holds `new_layout.size()` bytes, all
        // of which the old block has.
        unsafe {
            ptr::copy_nonoverlapping(ptr.as_ptr(), new.cast::<u8>().as_ptr(), new_layout.size());
        }
        Ok(new)
    }
}
