//! Workload 2: push 1,000,000 `u32` into a vector, with the capacity reserved up
//! front and without (growing).
//!
//! Each round makes a new vector, pushes [`COUNT`] values, and gives the memory
//! back: std drops the `Vec` (a `free`), the arenas are reset at the start of the
//! next round. Every vector's `push` is the panicking one (std's, bumpalo's
//! and bump-scope's panic or abort when memory runs out, as this crate's does).

use std::hint::black_box;

use arena_memory::{Arena, ArenaVec};

/// Pushes per round.
pub const COUNT: usize = 1_000_000;

/// Bytes an arena needs for one round when the vector grows by doubling from
/// empty: a downward bumper cannot grow in place, so the old buffers stay
/// behind (at most twice the final size), plus slack.
pub const ARENA_BYTES: usize = 3 * COUNT * size_of::<u32>() + (1 << 20);

/// The `i`-th value pushed.
#[inline(always)]
pub fn value(i: usize) -> u32 {
    i as u32
}

/// std `Vec` with the global allocator.
#[inline(never)]
pub fn std_vec(with_capacity: bool) {
    let mut v = if with_capacity {
        Vec::with_capacity(COUNT)
    } else {
        Vec::new()
    };
    for i in 0..COUNT {
        v.push(value(i));
    }
    black_box(&v);
}

/// This crate's `ArenaVec` in an arena reset at the start of the round; the
/// growing vector is the arena's most recent allocation, so it grows in place.
#[inline(never)]
pub fn arena(arena: &mut Arena<'_>, with_capacity: bool) {
    arena.reset();
    let arena = &*arena;
    let mut v = if with_capacity {
        ArenaVec::with_capacity_in(COUNT, arena)
    } else {
        ArenaVec::new_in(arena)
    };
    for i in 0..COUNT {
        v.push(value(i));
    }
    black_box(&v);
}

/// bumpalo's `collections::Vec` in a bump reset at the start of the round.
#[inline(never)]
pub fn bumpalo(bump: &mut bumpalo::Bump, with_capacity: bool) {
    bump.reset();
    let mut v = if with_capacity {
        bumpalo::collections::Vec::with_capacity_in(COUNT, &*bump)
    } else {
        bumpalo::collections::Vec::new_in(&*bump)
    };
    for i in 0..COUNT {
        v.push(value(i));
    }
    black_box(&v);
}

/// bump-scope's `BumpVec` (allocates through `&Bump`) in a bump reset at the
/// start of the round.
#[inline(never)]
pub fn bump_scope(bump: &mut bump_scope::Bump, with_capacity: bool) {
    bump.reset();
    let mut v = if with_capacity {
        bump_scope::BumpVec::with_capacity_in(COUNT, &*bump)
    } else {
        bump_scope::BumpVec::new_in(&*bump)
    };
    for i in 0..COUNT {
        v.push(value(i));
    }
    black_box(&v);
}

/// bump-scope's `MutBumpVec` (holds `&mut Bump` and may use the whole free
/// chunk as capacity) in a bump reset at the start of the round.
#[inline(never)]
pub fn bump_scope_mut(bump: &mut bump_scope::Bump, with_capacity: bool) {
    bump.reset();
    let mut v = if with_capacity {
        bump_scope::MutBumpVec::with_capacity_in(COUNT, &mut *bump)
    } else {
        bump_scope::MutBumpVec::new_in(&mut *bump)
    };
    for i in 0..COUNT {
        v.push(value(i));
    }
    black_box(&v);
}
