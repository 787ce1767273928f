//! In-place growth and shrinking, and `contains`, across blocks that touch.
//!
//! A global allocator that hands out large blocks back to back puts a growing
//! arena's overflow chunk right after its home block. A buffer that ends at
//! the home block's end then ends where the chunk begins: it is not the
//! chunk's newest allocation, and must neither grow in place across the two
//! blocks nor move the bump pointer back into the home block. Handing them
//! out downwards instead puts the chunk right before the home block: the
//! chunk's end is then the home block's first byte, which `contains` must
//! still count as the home block's.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use allocator_api2::boxed::Box as ApiBox;
use arena_memory::{Arena, ArenaVec, Growth};

/// Blocks of 4096 bytes or more aligned to 64 or more come from one region,
/// back to back, and are never freed; everything else goes to `System`.
/// Upwards from the region's start, or, while `DOWNWARD` is set, downwards
/// from its end.
struct BackToBack;

const REGION: usize = 1 << 20;

#[repr(C, align(4096))]
struct Region(UnsafeCell<[u8; REGION]>);

// SAFETY: the region is only reached through `BackToBack`, which hands out
// each byte at most once (an atomic cursor).
unsafe impl Sync for Region {}

static MEMORY: Region = Region(UnsafeCell::new([0; REGION]));
static NEXT: AtomicUsize = AtomicUsize::new(0);
static TOP: AtomicUsize = AtomicUsize::new(REGION);
static DOWNWARD: AtomicBool = AtomicBool::new(false);

fn is_large(layout: Layout) -> bool {
    layout.size() >= 4096 && layout.align() >= 64
}

// SAFETY: large blocks are disjoint parts of `MEMORY`, aligned as asked (the
// cursors are rounded to the alignment, from a 4096-aligned base, and no
// request is aligned to more than 4096 here; the upward cursor stays below
// the downward one); the rest is `System`'s.
unsafe impl GlobalAlloc for BackToBack {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !is_large(layout) {
            // SAFETY: forwarded with the caller's guarantees.
            return unsafe { System.alloc(layout) };
        }
        assert!(layout.align() <= 4096);
        if DOWNWARD.load(Ordering::Relaxed) {
            let mut at = TOP.load(Ordering::Relaxed);
            loop {
                let Some(start) = at.checked_sub(layout.size()) else {
                    return std::ptr::null_mut();
                };
                let start = start / layout.align() * layout.align();
                if start < NEXT.load(Ordering::Relaxed) {
                    return std::ptr::null_mut();
                }
                match TOP.compare_exchange(at, start, Ordering::Relaxed, Ordering::Relaxed) {
                    // SAFETY: `start + size <= at <= REGION`.
                    Ok(_) => return unsafe { MEMORY.0.get().cast::<u8>().add(start) },
                    Err(now) => at = now,
                }
            }
        }
        let mut at = NEXT.load(Ordering::Relaxed);
        loop {
            let start = at.next_multiple_of(layout.align());
            let end = start + layout.size();
            if end > TOP.load(Ordering::Relaxed) {
                return std::ptr::null_mut();
            }
            match NEXT.compare_exchange(at, end, Ordering::Relaxed, Ordering::Relaxed) {
                // SAFETY: `start + size <= REGION`.
                Ok(_) => return unsafe { MEMORY.0.get().cast::<u8>().add(start) },
                Err(now) => at = now,
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if !is_large(layout) {
            // SAFETY: forwarded with the caller's guarantees.
            unsafe { System.dealloc(ptr, layout) }
        }
    }
}

#[global_allocator]
static GLOBAL: BackToBack = BackToBack;

/// The region's cursor is shared: one test at a time.
static SERIAL: Mutex<()> = Mutex::new(());

/// A growing arena whose 4096-byte home block is full of `home`, a vector
/// with capacity for exactly the block, and whose overflow chunk begins right
/// where the home block ends, with the bump pointer at the chunk's start.
fn home_full_and_chunk_empty<'a>(arena: &'a Arena<'a>) -> ArenaVec<'a, u8> {
    let mut home = ArenaVec::with_capacity_in(4096, arena);
    home.extend_from_slice(&[7; 4096]);
    let home_end = home.as_ptr() as usize + 4096;
    // A block in a new chunk, freed at once: the bump pointer goes back to
    // the chunk's start, which is the home block's end.
    let in_chunk = ApiBox::new_in([1u8; 8], arena);
    assert_eq!(
        &*in_chunk as *const [u8; 8] as usize, home_end,
        "the chunk follows the home block"
    );
    drop(in_chunk);
    assert_eq!(arena.overflow_chunks(), 1);
    home
}

#[test]
fn a_buffer_ending_where_the_chunk_begins_does_not_grow_across_it() {
    let _serial = SERIAL.lock().unwrap();
    let arena = Arena::builder()
        .growth(Growth::UNLIMITED)
        .with_capacity(4096);
    let mut home = home_full_and_chunk_empty(&arena);
    let (home_start, home_end) = (home.as_ptr() as usize, home.as_ptr() as usize + 4096);
    let used = arena.used();
    home.push(8);
    // It moved to a buffer of its own: it does not straddle the two blocks.
    let start = home.as_ptr() as usize;
    assert!(start >= home_end || start + home.capacity() <= home_end);
    assert_ne!(start, home_start);
    assert!(home[..4096].iter().all(|&b| b == 7));
    assert_eq!(home[4096], 8);
    assert!(arena.used() > used);
    // What comes next does not overlap it.
    let next = arena.alloc_slice_fill(64, 9u8);
    let next = next.as_ptr() as usize;
    assert!(next + 64 <= start || next >= start + home.capacity());
}

#[test]
fn a_buffer_ending_where_the_chunk_begins_gives_no_tail_back() {
    let _serial = SERIAL.lock().unwrap();
    let arena = Arena::builder()
        .growth(Growth::UNLIMITED)
        .with_capacity(4096);
    let mut home = home_full_and_chunk_empty(&arena);
    home.truncate(10);
    let used = arena.used();
    let kept = home.into_slice();
    // The bump pointer stays in the chunk: the figures do not underflow, and
    // the next allocation does not land on the kept elements.
    assert_eq!(arena.used(), used);
    let next = arena.alloc_slice_fill(100, 9u8);
    let (k, n) = (kept.as_ptr() as usize, next.as_ptr() as usize);
    assert!(n >= k + 4096 || n + 100 <= k);
    assert_eq!(kept, &[7; 10]);
}

/// Sets `DOWNWARD` while it lives (also if the test panics).
struct Downward;

impl Downward {
    fn new() -> Downward {
        DOWNWARD.store(true, Ordering::Relaxed);
        Downward
    }
}

impl Drop for Downward {
    fn drop(&mut self) {
        DOWNWARD.store(false, Ordering::Relaxed);
    }
}

#[test]
fn contains_counts_the_home_block_s_first_byte_where_a_chunk_ends() {
    let _serial = SERIAL.lock().unwrap();
    let downward = Downward::new();
    let arena = Arena::builder()
        .growth(Growth::UNLIMITED)
        .with_capacity(4096);
    let home_first = arena.alloc(1u8) as *mut u8;
    let in_chunk = arena.alloc_bytes(5000).as_ptr();
    drop(downward);
    assert_eq!(arena.overflow_chunks(), 1);
    let chunk_end = (in_chunk as usize) + arena.overflow_bytes();
    assert_eq!(
        chunk_end, home_first as usize,
        "the chunk ends where the home begins"
    );
    // The home block's first byte was handed out; the chunk's last byte
    // (right before it) was not.
    assert!(arena.contains(home_first));
    assert!(arena.contains(in_chunk));
    let chunk_last = core::ptr::without_provenance::<u8>(chunk_end - 1);
    assert!(!arena.contains(chunk_last));
}
