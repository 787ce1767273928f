//! Issue 8's workload: frames that alternate between a small and a 10x larger
//! one, each reset at its start, in an arena that must grow to hold the large
//! one. Per frame: `n` 64-byte elements allocated one by one, and a 15-byte
//! label copied for each.
//!
//! - this crate: an owned arena with `Growth::UNLIMITED`, sized for the small
//!   frame; the first large frame overflows into a chunk, and its reset keeps
//!   one block large enough, so later frames make no heap calls;
//! - bumpalo and bump-scope: a bump sized for the small frame, grown by chunks;
//!   their reset keeps only the newest chunk, so what a large frame needs
//!   beyond it is allocated again.

use std::hint::black_box;

/// Elements in a small frame.
pub const SMALL: usize = 1_000;

/// Elements in a large frame: 10x the small one.
pub const LARGE: usize = 10 * SMALL;

/// Bytes a small frame needs, about: the starting size of every arena.
pub const SMALL_BYTES: usize = SMALL * (64 + 16);

/// A 64-byte element.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
pub struct Element {
    /// Its index.
    pub id: u64,
    /// x, y, width, height, and a colour.
    pub data: [f32; 14],
}

const _: () = assert!(size_of::<Element>() == 64);

/// Element `i`.
#[inline(always)]
pub fn element(i: usize) -> Element {
    Element {
        id: i as u64,
        data: [i as f32; 14],
    }
}

/// The label of every element: 15 bytes.
pub const LABEL: &str = "row label 00000";

/// This crate: one frame of `n` elements in a growing arena.
#[inline(never)]
pub fn arena(arena: &mut arena_memory::Arena<'_>, n: usize) {
    arena.reset();
    for i in 0..n {
        black_box(arena.alloc(element(i)));
        black_box(arena.alloc_str(LABEL));
    }
}

/// bumpalo: one frame of `n` elements.
#[inline(never)]
pub fn bumpalo(bump: &mut bumpalo::Bump, n: usize) {
    bump.reset();
    for i in 0..n {
        black_box(bump.alloc(element(i)));
        black_box(bump.alloc_str(LABEL));
    }
}

/// bump-scope: one frame of `n` elements.
#[inline(never)]
pub fn bump_scope(bump: &mut bump_scope::Bump, n: usize) {
    bump.reset();
    for i in 0..n {
        black_box(bump.alloc(element(i)).into_mut());
        black_box(bump.alloc_str(LABEL).into_mut());
    }
}
