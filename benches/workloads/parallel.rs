//! Workload 7 (issue 15): a parallel frame. [`THREADS`] scoped threads each
//! process [`ITEMS`] items; per item a thread allocates [`SMALL`] small values
//! (a `u64` each), builds a vector of [`VEC_LEN`] `u32`s pushed from empty
//! and a string of three pushes, and keeps them in an [`Item`]. Each thread
//! returns its items; the main thread reads them all after the join
//! ([`checksum`]), then the memory is given back for the next frame.
//!
//! Peers, each from the same scoped threads:
//! - this crate: `Arena::split` of a frame arena, one worker per thread; the
//!   frame is reset after the workers are dropped;
//! - bumpalo-herd: a `Herd`, one `Member` per thread (bumpalo's collections on
//!   the member's `Bump`), `Herd::reset`;
//! - blink-alloc: a `SyncBlinkAlloc`, one `LocalBlinkAlloc` view per thread
//!   (allocator-api2's `Vec` on the view), `SyncBlinkAlloc::reset`;
//! - std: the global allocator (`Box`, `Vec`, `String`), dropped on the main
//!   thread after reading.
//!
//! And this crate on one thread (`arena_single`): the same total work
//! (`THREADS * ITEMS` items) on the main thread, in a plain frame arena, no
//! split, no spawn: the single-threaded throughput the 2-thread runs are
//! compared with.

use std::hint::black_box;

use arena_memory::{Arena, ArenaStr, ArenaVec};

/// Threads per frame.
pub const THREADS: usize = 2;
/// Items per thread per frame.
pub const ITEMS: usize = 20_000;
/// Small values allocated per item.
pub const SMALL: usize = 4;
/// `u32`s pushed into each item's vector.
pub const VEC_LEN: usize = 8;
/// Bytes a frame arena needs (about 180 bytes an item), with slack.
pub const ARENA_BYTES: usize = 16 << 20;

/// One item's results.
#[derive(Clone, Copy, Debug)]
pub struct Item<'a> {
    /// The small values.
    pub smalls: [&'a u64; SMALL],
    /// The vector.
    pub nums: &'a [u32],
    /// The string.
    pub label: &'a str,
}

/// The words the strings are made of, made once outside the measurement.
pub fn words() -> Vec<String> {
    (0..64).map(|i| format!("word{i:02}")).collect()
}

/// What the main thread reads of every item.
#[inline(never)]
pub fn checksum(items: &[&[Item<'_>]]) -> u64 {
    let mut sum = 0u64;
    for part in items {
        for item in part.iter() {
            sum += item.smalls.iter().map(|&&v| v).sum::<u64>();
            sum += item.nums.iter().map(|&n| u64::from(n)).sum::<u64>();
            sum += item.label.len() as u64;
        }
    }
    sum
}

/// The value of small value `k` of item `i`.
#[inline(always)]
fn small(i: usize, k: usize) -> u64 {
    (i * SMALL + k) as u64
}

/// One thread's items on an arena of this crate (a worker, or a plain arena).
#[inline(never)]
pub fn arena_items<'w>(
    arena: &'w Arena<'_>,
    words: &[String],
    first: usize,
    count: usize,
) -> &'w [Item<'w>] {
    let mut items = ArenaVec::with_capacity_in(count, arena);
    for i in first..first + count {
        let smalls: [&'w u64; SMALL] = std::array::from_fn(|k| &*arena.alloc(small(i, k)));
        let mut nums = ArenaVec::new_in(arena);
        for k in 0..VEC_LEN {
            nums.push((i + k) as u32);
        }
        let mut label = ArenaStr::new_in(arena);
        label.push_str("item ");
        label.push_str(&words[i % words.len()]);
        label.push_str(" done");
        items.push(Item {
            smalls,
            nums: nums.into_slice(),
            label: label.into_str(),
        });
    }
    items.into_slice()
}

/// Each arena's items on a scoped thread of its own (arena `t` makes items
/// `t * ITEMS ..`); `read` gets all of them on the calling thread after the
/// join. The arenas are a split's workers or independent arenas.
pub fn items_on_threads<R>(
    arenas: &mut [Arena<'_>],
    words: &[String],
    read: impl FnOnce(&[&[Item<'_>]]) -> R,
) -> R {
    std::thread::scope(|s| {
        let handles: Vec<_> = arenas
            .iter_mut()
            .enumerate()
            .map(|(t, arena)| s.spawn(move || arena_items(arena, words, t * ITEMS, ITEMS)))
            .collect();
        let parts: Vec<&[Item<'_>]> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        read(&parts)
    })
}

/// This crate: the frame split into [`THREADS`] workers, one per scoped
/// thread; the main thread reads the results, drops the workers, resets.
#[inline(never)]
pub fn arena(frame: &mut Arena<'_>, words: &[String]) -> u64 {
    let mut workers = frame.split(THREADS);
    let sum = items_on_threads(&mut workers, words, checksum);
    drop(workers);
    frame.reset();
    black_box(sum)
}

/// This crate on one thread: all `THREADS * ITEMS` items on the main thread,
/// in a plain frame arena.
#[inline(never)]
pub fn arena_single(frame: &mut Arena<'_>, words: &[String]) -> u64 {
    let items = arena_items(frame, words, 0, THREADS * ITEMS);
    let sum = checksum(&[items]);
    frame.reset();
    black_box(sum)
}

/// The ceiling of any split: the same frame on [`THREADS`] independent
/// arenas of this crate, one per scoped thread, that share nothing (no split,
/// no pool, no common block); the main thread reads, then resets each. What a
/// split adds to this is the price of sharing one frame; what this lacks of
/// [`THREADS`] times [`arena_single`]'s throughput is the machine's, the
/// serial read's and the spawn's.
#[inline(never)]
pub fn arena_independent(arenas: &mut [Arena<'_>], words: &[String]) -> u64 {
    let sum = items_on_threads(arenas, words, checksum);
    for arena in arenas {
        arena.reset();
    }
    black_box(sum)
}

/// Rounds of [`spin`] per item: about the time of one item's allocations
/// on one thread of this machine.
pub const SPIN_PER_ITEM: u64 = 16;

/// A CPU-bound control with no memory traffic at all: a multiply-xorshift
/// chain of `rounds` steps. On [`THREADS`] threads against one it shows how
/// much of a second core this machine gives to pure computation, the most
/// any allocator can get out of it.
#[inline(never)]
pub fn spin(seed: u64, rounds: u64) -> u64 {
    let mut x = seed;
    for i in 0..rounds {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(i) ^ (x >> 29);
    }
    black_box(x)
}

/// [`spin`] for all `THREADS * ITEMS` items, split over [`THREADS`] scoped
/// threads (`threads` = `THREADS`) or on the calling thread (`threads` = 1).
#[inline(never)]
pub fn spin_frame(threads: usize) -> u64 {
    let total = (THREADS * ITEMS) as u64 * SPIN_PER_ITEM;
    if threads == 1 {
        return spin(black_box(1), total);
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| s.spawn(move || spin(black_box(t as u64 + 1), total / threads as u64)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .fold(0, |a, b| a ^ b)
    })
}

/// One thread's items from a bumpalo-herd member.
#[inline(never)]
fn herd_items<'h>(
    member: &bumpalo_herd::Member<'h>,
    words: &[String],
    first: usize,
    count: usize,
) -> &'h [Item<'h>] {
    let bump = member.as_bump();
    let mut items = bumpalo::collections::Vec::with_capacity_in(count, bump);
    for i in first..first + count {
        let smalls: [&'h u64; SMALL] = std::array::from_fn(|k| &*member.alloc(small(i, k)));
        let mut nums = bumpalo::collections::Vec::new_in(bump);
        for k in 0..VEC_LEN {
            nums.push((i + k) as u32);
        }
        let mut label = bumpalo::collections::String::new_in(bump);
        label.push_str("item ");
        label.push_str(&words[i % words.len()]);
        label.push_str(" done");
        let nums: &[u32] = nums.into_bump_slice();
        let label: &str = label.into_bump_str();
        // SAFETY: a member's memory belongs to the herd, which keeps it
        // until `Herd::reset` (`&mut`) or its drop; only the borrow of the
        // member's `Bump` is shorter (bumpalo-herd's own `alloc` returns
        // `&'h`). The caller reads the items before the reset.
        let (nums, label) = unsafe { (&*(nums as *const [u32]), &*(label as *const str)) };
        items.push(Item {
            smalls,
            nums,
            label,
        });
    }
    let items: &[Item<'h>] = items.into_bump_slice();
    // SAFETY: as above.
    unsafe { &*(items as *const [Item<'h>]) }
}

/// bumpalo-herd: one member per scoped thread, the herd reset after reading.
#[inline(never)]
pub fn bumpalo_herd(herd: &mut bumpalo_herd::Herd, words: &[String]) -> u64 {
    let shared: &bumpalo_herd::Herd = herd;
    let sum = std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                s.spawn(move || {
                    let member = shared.get();
                    herd_items(&member, words, t * ITEMS, ITEMS)
                })
            })
            .collect();
        let parts: Vec<&[Item<'_>]> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        checksum(&parts)
    });
    herd.reset();
    black_box(sum)
}

/// One thread's items from a blink-alloc local view.
#[inline(never)]
fn blink_items<'s>(
    local: &blink_alloc::LocalBlinkAlloc<'s>,
    words: &[String],
    first: usize,
    count: usize,
) -> &'s [Item<'s>] {
    use allocator_api2::boxed::Box;
    use allocator_api2::vec::Vec;
    let mut items = Vec::with_capacity_in(count, local);
    for i in first..first + count {
        let smalls: [&u64; SMALL] =
            std::array::from_fn(|k| &*Box::leak(Box::new_in(small(i, k), local)));
        let mut nums = Vec::new_in(local);
        for k in 0..VEC_LEN {
            nums.push((i + k) as u32);
        }
        let mut label: Vec<u8, _> = Vec::new_in(local);
        label.extend_from_slice(b"item ");
        label.extend_from_slice(words[i % words.len()].as_bytes());
        label.extend_from_slice(b" done");
        let nums: &[u32] = nums.leak();
        let label: &[u8] = label.leak();
        // SAFETY: the bytes are copies of `str`s, so they are UTF-8.
        let label = unsafe { std::str::from_utf8_unchecked(label) };
        // SAFETY: what a local view allocates belongs to its
        // `SyncBlinkAlloc` until `SyncBlinkAlloc::reset` (`&mut`) or its drop
        // (a view hands its chunks to the shared allocator when dropped);
        // only the borrow of the view is shorter. The caller reads the items
        // before the reset.
        let item = unsafe {
            Item {
                smalls: smalls.map(|r| &*(r as *const u64)),
                nums: &*(nums as *const [u32]),
                label: &*(label as *const str),
            }
        };
        items.push(item);
    }
    let items: &[Item<'s>] = items.leak();
    // SAFETY: as above.
    unsafe { &*(items as *const [Item<'s>]) }
}

/// blink-alloc: one local view of a `SyncBlinkAlloc` per scoped thread, the
/// shared allocator reset after reading.
#[inline(never)]
pub fn blink(blink: &mut blink_alloc::SyncBlinkAlloc, words: &[String]) -> u64 {
    let shared: &blink_alloc::SyncBlinkAlloc = blink;
    let sum = std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                s.spawn(move || {
                    let local = shared.local();
                    blink_items(&local, words, t * ITEMS, ITEMS)
                })
            })
            .collect();
        let parts: Vec<&[Item<'_>]> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        checksum(&parts)
    });
    blink.reset();
    black_box(sum)
}

/// One item with the global allocator.
#[derive(Debug)]
pub struct StdItem {
    /// The small values, boxed one by one.
    pub smalls: [Box<u64>; SMALL],
    /// The vector.
    pub nums: Vec<u32>,
    /// The string.
    pub label: String,
}

/// std: the global allocator from the same scoped threads; the main thread
/// reads, then drops everything.
#[inline(never)]
pub fn std_global(words: &[String]) -> u64 {
    let sum = std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                s.spawn(move || {
                    let first = t * ITEMS;
                    let mut items = Vec::with_capacity(ITEMS);
                    for i in first..first + ITEMS {
                        let smalls: [Box<u64>; SMALL] =
                            std::array::from_fn(|k| Box::new(small(i, k)));
                        let mut nums = Vec::new();
                        for k in 0..VEC_LEN {
                            nums.push((i + k) as u32);
                        }
                        let mut label = String::new();
                        label.push_str("item ");
                        label.push_str(&words[i % words.len()]);
                        label.push_str(" done");
                        items.push(StdItem {
                            smalls,
                            nums,
                            label,
                        });
                    }
                    items
                })
            })
            .collect();
        let parts: Vec<Vec<StdItem>> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        let mut sum = 0u64;
        for item in parts.iter().flatten() {
            sum += item.smalls.iter().map(|v| **v).sum::<u64>();
            sum += item.nums.iter().map(|&n| u64::from(n)).sum::<u64>();
            sum += item.label.len() as u64;
        }
        sum
    });
    black_box(sum)
}

/// The checksum every peer must find.
pub fn expected(words: &[String]) -> u64 {
    let mut sum = 0u64;
    for i in 0..THREADS * ITEMS {
        sum += (0..SMALL).map(|k| small(i, k)).sum::<u64>();
        sum += (0..VEC_LEN).map(|k| (i + k) as u64).sum::<u64>();
        sum += ("item ".len() + words[i % words.len()].len() + " done".len()) as u64;
    }
    sum
}
