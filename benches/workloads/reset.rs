//! Workload 5: reset an arena after filling 1 MiB, and after filling 256 MiB.
//!
//! Only the reset is measured. Two settings:
//!
//! - *Presized*: every peer's arena is made with room for the whole fill and its
//!   memory written once at creation, so its pages are resident. The fill before
//!   each reset is one allocation of the whole size: what a reset costs depends
//!   on the arena's state (where the pointer is, how many chunks it holds), not
//!   on how the bytes were handed out, and a fill that cheap lets criterion run
//!   the many iterations a nanosecond reset needs. std's counterpart is a reused
//!   `Vec` of the same size and its `clear`.
//! - *After growth* (bumpalo and bump-scope, whose arenas grow by chunks; this
//!   crate's arena has a fixed capacity and never grows): a new arena at its
//!   default size is filled by writing 64 KiB blocks until the size is reached,
//!   then reset once: the first reset after growth frees the smaller chunks.
//!   That setting lives in `benches/reset.rs` only: its cost is mostly the
//!   kernel's (`munmap`), which instruction counts do not see.

use std::alloc::Layout;
use std::hint::black_box;
use std::mem::MaybeUninit;

use arena_memory::Arena;

/// The smaller fill.
pub const SMALL: usize = 1 << 20;
/// The larger fill.
pub const LARGE: usize = 256 << 20;
/// This crate's arena, presized and touched.
pub fn presized_arena(bytes: usize) -> Arena<'static> {
    let mut arena = Arena::try_with_capacity(bytes).expect("the arena's block");
    arena.alloc_bytes(bytes);
    arena.reset();
    arena
}

/// A bumpalo `Bump`, presized and touched.
pub fn presized_bumpalo(bytes: usize) -> bumpalo::Bump {
    let mut bump = bumpalo::Bump::with_capacity(bytes);
    bump.alloc_slice_fill_copy(bytes, 0u8);
    bump.reset();
    bump
}

/// A bump-scope `Bump`, presized and touched.
pub fn presized_bump_scope(bytes: usize) -> bump_scope::Bump {
    let mut bump: bump_scope::Bump =
        bump_scope::Bump::with_capacity(Layout::array::<u8>(bytes).expect("layout"));
    black_box(bump.alloc_slice_fill(bytes, 0u8).into_mut());
    bump.reset();
    bump
}

/// A std `Vec`, presized and touched.
pub fn presized_std(bytes: usize) -> Vec<MaybeUninit<u8>> {
    let mut v = Vec::<MaybeUninit<u8>>::with_capacity(bytes);
    v.spare_capacity_mut()
        .fill(MaybeUninit::new(MaybeUninit::new(0)));
    v
}

/// Fills this crate's arena with one allocation of `bytes`.
#[inline(never)]
pub fn fill_arena(arena: &Arena<'_>, bytes: usize) {
    black_box(
        arena
            .try_alloc_slice_uninit::<u8>(bytes)
            .expect("the arena holds the fill"),
    );
}

/// Fills a bumpalo `Bump` with one allocation of `bytes`.
#[inline(never)]
pub fn fill_bumpalo(bump: &bumpalo::Bump, bytes: usize) {
    black_box(bump.alloc_layout(Layout::array::<u8>(bytes).expect("layout")));
}

/// Fills a bump-scope `Bump` with one allocation of `bytes`.
#[inline(never)]
pub fn fill_bump_scope(bump: &bump_scope::Bump, bytes: usize) {
    black_box(bump.alloc_uninit_slice::<u8>(bytes).into_mut());
}

/// Fills a std `Vec` to `bytes`.
#[inline(never)]
pub fn fill_std(v: &mut Vec<MaybeUninit<u8>>, bytes: usize) {
    assert!(bytes <= v.capacity());
    // SAFETY: `bytes <= capacity`, and a `MaybeUninit<u8>` needs no
    // initialisation.
    unsafe { v.set_len(bytes) };
    black_box(&v);
}

/// This crate: `Arena::reset`.
#[inline(never)]
pub fn reset_arena(arena: &mut Arena<'_>) {
    arena.reset();
}

/// bumpalo: `Bump::reset`.
#[inline(never)]
pub fn reset_bumpalo(bump: &mut bumpalo::Bump) {
    bump.reset();
}

/// bump-scope: `Bump::reset`.
#[inline(never)]
pub fn reset_bump_scope(bump: &mut bump_scope::Bump) {
    bump.reset();
}

/// std: `Vec::clear`.
#[inline(never)]
pub fn reset_std(v: &mut Vec<MaybeUninit<u8>>) {
    v.clear();
}
