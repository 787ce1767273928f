//! Workload 1: allocate 1,000,000 16-byte structs into a warm arena.
//!
//! Every peer starts the round by giving back what the previous round allocated
//! (an arena `reset`, or for std dropping the previous round's boxes) and then
//! makes [`COUNT`] allocations of one [`Item`] each, keeping them all alive until
//! the next round.

use std::hint::black_box;

use arena_memory::Arena;

/// Allocations per round.
pub const COUNT: usize = 1_000_000;

/// Bytes an arena needs for one round, with room to spare for alignment.
pub const ARENA_BYTES: usize = COUNT * size_of::<Item>() + 4096;

/// The 16-byte struct that is allocated.
#[derive(Clone, Copy, Debug)]
#[expect(
    dead_code,
    reason = "the fields are written into arena memory and never read: the workload measures allocation"
)]
pub struct Item {
    /// The index of the allocation.
    pub index: u64,
    /// Something derived from it, so the two words differ.
    pub check: u64,
}

const _: () = assert!(size_of::<Item>() == 16);

/// The `i`-th item.
#[inline(always)]
pub fn item(i: usize) -> Item {
    Item {
        index: i as u64,
        check: !(i as u64),
    }
}

/// This crate: `Arena::alloc` into an arena reset at the start of the round.
#[inline(never)]
pub fn arena(arena: &mut Arena<'_>) {
    arena.reset();
    for i in 0..COUNT {
        black_box(arena.alloc(item(i)));
    }
}

/// This crate inside a worker of a parallel frame (issue 15): the frame is
/// reset and split into two workers, and worker 0 makes every allocation,
/// taking chunks of the frame's pool as it goes (the fast path is the same
/// `Arena::alloc`; the refills are the difference). The frame needs
/// [`WORKER_ARENA_BYTES`].
#[inline(never)]
pub fn arena_worker(frame: &mut Arena<'_>) {
    frame.reset();
    let workers = frame.split(2);
    let worker = &workers[0];
    for i in 0..COUNT {
        black_box(worker.alloc(item(i)));
    }
}

/// The frame [`arena_worker`] splits: a tenth more than a round, for worker
/// 1's start slice and the chunk ends.
pub const WORKER_ARENA_BYTES: usize = ARENA_BYTES + ARENA_BYTES / 10;

/// bumpalo: `Bump::alloc` into a bump reset at the start of the round.
#[inline(never)]
pub fn bumpalo(bump: &mut bumpalo::Bump) {
    bump.reset();
    for i in 0..COUNT {
        black_box(bump.alloc(item(i)));
    }
}

/// bump-scope: `Bump::alloc(..).into_mut()` into a bump reset at the start of the
/// round.
#[inline(never)]
pub fn bump_scope(bump: &mut bump_scope::Bump) {
    bump.reset();
    for i in 0..COUNT {
        black_box(bump.alloc(item(i)).into_mut());
    }
}

/// std: `Box::new` from the global allocator; the boxes are kept in a reused
/// `Vec` until the next round drops them (the std counterpart of a reset).
#[inline(never)]
#[expect(
    clippy::vec_box,
    reason = "one global allocation per item is the std way being measured"
)]
pub fn std_box(kept: &mut Vec<Box<Item>>) {
    kept.clear();
    for i in 0..COUNT {
        let boxed = Box::new(item(i));
        black_box(&*boxed);
        kept.push(boxed);
    }
}
