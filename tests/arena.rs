//! The arena core through its public API: construction, allocation, alignment,
//! errors, figures, and the checklist of the Go port of Clay's arena.

use core::alloc::Layout;
use core::mem::{align_of, size_of, MaybeUninit};

use arena_memory::{Arena, ArenaBuilder, ArenaError};

/// A block whose start is aligned to 64, so the arena uses every byte of it
/// (and Miri's symbolic alignment check can prove alignment inside it).
#[repr(C, align(64))]
struct Block<const N: usize>([MaybeUninit<u8>; N]);

impl<const N: usize> Block<N> {
    fn new() -> Self {
        Block([MaybeUninit::uninit(); N])
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Rect {
    x: f32,
    y: f32,
    w: f32,
    h: f32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C, align(32))]
struct Wide {
    tag: u8,
    value: u64,
}

// ----- construction ---------------------------------------------------------------

#[test]
fn empty_memory_is_an_error() {
    let mut none: [MaybeUninit<u8>; 0] = [];
    assert_eq!(
        Arena::try_new(&mut none).unwrap_err(),
        ArenaError::EmptyMemory
    );
    assert_eq!(
        Arena::try_with_capacity(0).unwrap_err(),
        ArenaError::EmptyMemory
    );
}

#[test]
fn a_block_too_small_for_its_alignment_is_an_error() {
    let mut block = Block::<128>::new();
    // Start one byte past a 64-byte boundary: 63 bytes of padding are needed.
    let tiny = &mut block.0[1..40];
    let err = Arena::try_new(tiny).unwrap_err();
    assert_eq!(
        err,
        ArenaError::InsufficientSpaceForAlignment {
            alignment: 64,
            available: 39
        }
    );
    // With one usable byte after the padding, it works.
    let arena = Arena::new(&mut block.0[1..65]);
    assert_eq!(arena.capacity(), 1);
}

#[test]
fn cache_line_sizes_are_checked() {
    for size in [0usize, 3, 48, 8192, 1 << 40] {
        assert_eq!(
            Arena::builder()
                .cache_line_size(size)
                .try_with_capacity(64)
                .unwrap_err(),
            ArenaError::InvalidCacheLineSize { size }
        );
        let mut block = Block::<64>::new();
        assert_eq!(
            Arena::builder()
                .cache_line_size(size)
                .try_build(&mut block.0)
                .unwrap_err(),
            ArenaError::InvalidCacheLineSize { size }
        );
    }
    for size in [1usize, 2, 64, 128, ArenaBuilder::MAX_CACHE_LINE_SIZE] {
        let arena = Arena::builder().cache_line_size(size).with_capacity(100);
        assert_eq!(arena.cache_line_size(), size);
        assert!(arena.capacity() >= 100);
    }
}

#[test]
fn the_start_is_aligned_to_the_cache_line() {
    let arena = Arena::builder().cache_line_size(128).with_capacity(1000);
    let first = arena.alloc(1u8) as *mut u8;
    assert_eq!(first as usize % 128, 0);

    let mut block = Block::<256>::new();
    let arena = Arena::new(&mut block.0[5..]);
    assert_eq!(arena.capacity(), 256 - 64);
    assert_eq!(arena.alloc(1u8) as *mut u8 as usize % 64, 0);
}

#[test]
fn owned_capacity_covers_the_request() {
    for bytes in [1usize, 63, 64, 65, 1000, 1 << 20] {
        let arena = Arena::with_capacity(bytes);
        assert!(arena.capacity() >= bytes);
        assert!(arena.capacity() < bytes + 64);
        assert_eq!(arena.used(), 0);
        assert_eq!(arena.remaining(), arena.capacity());
    }
}

#[test]
fn an_impossible_owned_size_is_an_error_not_a_panic() {
    assert_eq!(
        Arena::try_with_capacity(usize::MAX).unwrap_err(),
        ArenaError::SizeOverflow
    );
    assert_eq!(
        Arena::try_with_capacity(isize::MAX as usize).unwrap_err(),
        ArenaError::SizeOverflow
    );
}

// ----- the Go port's checklist ---------------------------------------------------

#[test]
fn exactly_filling_capacity_succeeds_and_one_more_byte_fails() {
    let mut block = Block::<256>::new();
    let arena = Arena::new(&mut block.0);
    assert_eq!(arena.capacity(), 256);
    let all = arena.try_alloc_bytes(256).unwrap();
    assert_eq!(all.len(), 256);
    assert_eq!(arena.remaining(), 0);
    assert_eq!(
        arena.try_alloc(0u8).unwrap_err(),
        ArenaError::CapacityExceeded {
            requested: 1,
            remaining: 0
        }
    );
    assert_eq!(arena.used(), 256);

    let arena = Arena::with_capacity(64);
    let cap = arena.capacity();
    arena.alloc_bytes(cap - 1);
    arena.alloc(7u8);
    assert!(arena.try_alloc(7u8).is_err());
}

#[test]
fn typed_allocations_are_distinct_aligned_and_writable() {
    let arena = Arena::with_capacity(4096);
    let a = arena.alloc(1u8);
    let r = arena.alloc(Rect {
        x: 1.0,
        y: 2.0,
        w: 3.0,
        h: 4.0,
    });
    let b = arena.alloc(2u64);
    let w = arena.alloc(Wide { tag: 9, value: 99 });
    let c = arena.alloc(3u16);

    assert_eq!(r as *mut Rect as usize % align_of::<Rect>(), 0);
    assert_eq!(b as *mut u64 as usize % align_of::<u64>(), 0);
    assert_eq!(w as *mut Wide as usize % 32, 0);
    assert_eq!(c as *mut u16 as usize % 2, 0);

    *a += 10;
    r.w *= 2.0;
    *b += 1;
    w.value += 1;
    *c += 1;
    assert_eq!(*a, 11);
    assert_eq!(
        *r,
        Rect {
            x: 1.0,
            y: 2.0,
            w: 6.0,
            h: 4.0
        }
    );
    assert_eq!(*b, 3);
    assert_eq!(*w, Wide { tag: 9, value: 100 });
    assert_eq!(*c, 4);

    // The ranges do not overlap.
    let mut ranges = [
        (a as *mut u8 as usize, 1),
        (r as *mut Rect as usize, size_of::<Rect>()),
        (b as *mut u64 as usize, 8),
        (w as *mut Wide as usize, size_of::<Wide>()),
        (c as *mut u16 as usize, 2),
    ];
    ranges.sort();
    for pair in ranges.windows(2) {
        assert!(pair[0].0 + pair[0].1 <= pair[1].0, "{ranges:?}");
    }
}

#[test]
fn allocation_pays_only_the_padding_its_alignment_needs() {
    let arena = Arena::with_capacity(1024);
    arena.alloc(1u8);
    assert_eq!(arena.used(), 1);
    arena.alloc(1u16);
    assert_eq!(arena.used(), 4);
    arena.alloc(1u64);
    assert_eq!(arena.used(), 16);
    arena.alloc(1u8);
    arena.alloc(Wide { tag: 0, value: 0 });
    assert_eq!(arena.used(), 64);
    arena.alloc([1u8; 3]);
    assert_eq!(arena.used(), 67);
}

#[test]
fn persistent_bytes_survive_repeated_reset_cycles_while_ephemeral_memory_is_reused() {
    let arena = Arena::with_capacity(4096);
    let persistent = arena.alloc_slice_copy(b"persistent bytes");
    let counter = arena.alloc(0u32);
    let mut frame = arena.ephemeral();
    let mut first_frame_start = None;
    for round in 0..100u32 {
        let scratch = frame.alloc_slice_fill(200, round as u8);
        let start = scratch.as_ptr() as usize;
        assert_eq!(*first_frame_start.get_or_insert(start), start);
        assert!(scratch.iter().all(|&b| b == round as u8));
        *counter += 1;
        assert_eq!(frame.used(), 200);
        frame.reset();
        assert_eq!(frame.used(), 0);
    }
    drop(frame);
    assert_eq!(persistent, b"persistent bytes");
    assert_eq!(*counter, 100);
}

#[test]
fn reset_of_a_fresh_arena_leaves_it_empty() {
    let mut arena = Arena::with_capacity(512);
    arena.reset();
    assert_eq!(arena.used(), 0);
    assert_eq!(arena.peak(), 0);
    assert_eq!(arena.remaining(), arena.capacity());
    let mut frame = arena.ephemeral();
    frame.reset();
    assert_eq!(frame.used(), 0);
    assert_eq!(frame.capacity(), 512);
}

// ----- allocation kinds ------------------------------------------------------------

#[test]
fn slices_strings_and_bytes() {
    let arena = Arena::with_capacity(1024);
    let xs = arena.alloc_slice_copy(&[1u32, 2, 3]);
    xs[1] = 20;
    assert_eq!(xs, &[1, 20, 3]);
    let fill = arena.alloc_slice_fill(
        5,
        Rect {
            x: 0.0,
            y: 1.0,
            w: 2.0,
            h: 3.0,
        },
    );
    assert_eq!(fill.len(), 5);
    assert!(fill.iter().all(|r| r.h == 3.0));
    let s = arena.alloc_str("ünïcode ✓");
    assert_eq!(s, "ünïcode ✓");
    let bytes = arena.alloc_bytes(33);
    assert!(bytes.iter().all(|&b| b == 0));
    let empty: &mut [u64] = arena.alloc_slice_copy(&[]);
    assert!(empty.is_empty());
    assert_eq!(arena.alloc_str(""), "");
}

#[test]
fn alloc_bytes_zeroes_memory_that_was_used_before() {
    let mut arena = Arena::with_capacity(256);
    arena.alloc_slice_fill(100, 0xAAu8);
    arena.reset();
    assert!(arena.alloc_bytes(100).iter().all(|&b| b == 0));
}

#[test]
fn layouts_with_large_alignment() {
    let arena = Arena::with_capacity(8192);
    arena.alloc(1u8);
    for align in [1usize, 2, 4, 8, 16, 32, 64] {
        let layout = Layout::from_size_align(3, align).unwrap();
        let ptr = arena.try_alloc_layout(layout).unwrap();
        assert_eq!(ptr.as_ptr() as usize % align, 0);
    }
}

#[test]
fn zero_sized_allocations_take_nothing_and_never_fail() {
    let mut block = Block::<64>::new();
    let arena = Arena::new(&mut block.0);
    arena.alloc_bytes(64);
    assert_eq!(arena.remaining(), 0);
    let unit = arena.try_alloc(()).unwrap();
    *unit = ();
    let zs = arena.try_alloc_slice_fill(1000, ()).unwrap();
    assert_eq!(zs.len(), 1000);
    // As many zero-sized values as a slice can hold, at once (no per-element
    // loop: this would not finish otherwise).
    let all = arena.try_alloc_slice_fill(usize::MAX, ()).unwrap();
    assert_eq!(all.len(), usize::MAX);
    let empty = arena.try_alloc_bytes(0).unwrap();
    assert!(empty.is_empty());
    let p = arena
        .try_alloc_layout(Layout::from_size_align(0, 4096).unwrap())
        .unwrap();
    assert_eq!(p.as_ptr() as usize % 4096, 0);
    assert_eq!(arena.used(), 64);
}

#[test]
fn empty_byte_slices_and_strings_succeed_in_a_full_or_sealed_arena_and_take_nothing() {
    let mut block = Block::<64>::new();
    let arena = Arena::new(&mut block.0);
    let first = arena.alloc_str("abc");
    assert_eq!(arena.try_alloc_str(""), Ok(&mut String::new()[..]));
    assert_eq!(arena.used(), 3);
    let rest = arena.remaining();
    arena.alloc_bytes(rest);
    assert_eq!(arena.remaining(), 0);
    assert_eq!(arena.try_alloc_str("").map(|s| s.len()), Ok(0));
    assert_eq!(
        arena.try_alloc_slice_copy::<u8>(&[]).map(|s| s.len()),
        Ok(0)
    );
    assert_eq!(
        arena.try_alloc_str("x"),
        Err(ArenaError::CapacityExceeded {
            requested: 1,
            remaining: 0,
        })
    );
    {
        let child = arena.ephemeral();
        assert_eq!(arena.try_alloc_str("").map(|s| s.len()), Ok(0));
        assert_eq!(arena.try_alloc_str("x"), Err(ArenaError::Sealed));
        assert_eq!(child.try_alloc_str("").map(|s| s.len()), Ok(0));
    }
    assert_eq!(arena.used(), 64);
    assert_eq!(first, "abc");

    // A full arena whose bump pointer is not aligned for `u64`: an empty
    // `u64` slice still succeeds (it takes no memory, wherever the pointer is).
    let mut odd = Block::<64>::new();
    let arena = Arena::new(&mut odd.0[..63]);
    arena.alloc_bytes(arena.remaining());
    assert_eq!(arena.remaining(), 0);
    assert_ne!(arena.used() % 8, 0, "the bump pointer is not u64-aligned");
    assert_eq!(
        arena.try_alloc_slice_copy::<u64>(&[]).map(|s| s.len()),
        Ok(0)
    );
    assert_eq!(arena.try_alloc_slice_fill(0, 7u64).map(|s| s.len()), Ok(0));
}

#[test]
fn slice_sizes_that_overflow_are_errors() {
    let arena = Arena::with_capacity(64);
    assert_eq!(
        arena
            .try_alloc_slice_fill(usize::MAX / 2, 0u64)
            .unwrap_err(),
        ArenaError::SizeOverflow
    );
    assert_eq!(
        arena
            .try_alloc_slice_uninit::<u8>(isize::MAX as usize + 1)
            .unwrap_err(),
        ArenaError::SizeOverflow
    );
    assert_eq!(
        arena.try_alloc_bytes(usize::MAX).unwrap_err(),
        ArenaError::SizeOverflow
    );
    // Fits in isize but not in the arena.
    assert_eq!(
        arena.try_alloc_bytes(isize::MAX as usize).unwrap_err(),
        ArenaError::CapacityExceeded {
            requested: isize::MAX as usize,
            remaining: 64
        }
    );
    assert_eq!(arena.used(), 0);
}

// ----- errors leave the arena unchanged -----------------------------------------------

#[test]
fn a_failed_allocation_changes_nothing() {
    let arena = Arena::with_capacity(128);
    arena.alloc(1u8);
    let before = (arena.used(), arena.remaining(), arena.peak());
    assert!(arena.try_alloc([0u64; 100]).is_err());
    assert!(arena.try_alloc_bytes(1000).is_err());
    assert!(arena.try_alloc_str(&"x".repeat(500)).is_err());
    assert!(arena
        .try_alloc_layout(Layout::from_size_align(8, 4096).unwrap())
        .is_err());
    assert_eq!((arena.used(), arena.remaining(), arena.peak()), before);
    // And it still works.
    assert_eq!(*arena.alloc(5u32), 5);
}

#[test]
fn capacity_exceeded_counts_the_bytes_usable_at_the_alignment() {
    let arena = Arena::with_capacity(64);
    arena.alloc_bytes(61); // 3 left, but none at a 4- or 8-byte alignment
    assert_eq!(
        arena.try_alloc(1u64).unwrap_err(),
        ArenaError::CapacityExceeded {
            requested: 8,
            remaining: 0
        }
    );
    assert_eq!(
        arena.try_alloc(1u32).unwrap_err(),
        ArenaError::CapacityExceeded {
            requested: 4,
            remaining: 0
        }
    );
    // Two at a 2-byte alignment.
    assert_eq!(
        arena.try_alloc([1u16; 2]).unwrap_err(),
        ArenaError::CapacityExceeded {
            requested: 4,
            remaining: 2
        }
    );
    assert_eq!(*arena.alloc(3u16), 3);
}

#[test]
#[should_panic(expected = "arena capacity exceeded: requested 100 bytes but only 64 remain")]
fn the_panicking_twin_panics_with_the_error_message() {
    let arena = Arena::with_capacity(64);
    arena.alloc([0u8; 100]);
}

#[test]
fn errors_display_lowercase_sentences_with_their_numbers() {
    let cases = [
        (
            ArenaError::CapacityExceeded {
                requested: 10,
                remaining: 3,
            },
            "requested 10 bytes but only 3 remain",
        ),
        (ArenaError::EmptyMemory, "empty"),
        (
            ArenaError::InsufficientSpaceForAlignment {
                alignment: 64,
                available: 5,
            },
            "the block has 5 bytes, too few to reach a 64-byte aligned start",
        ),
        (
            ArenaError::InvalidCacheLineSize { size: 3 },
            "invalid cache-line size 3",
        ),
        (ArenaError::Sealed, "sealed"),
        (ArenaError::SizeOverflow, "overflow"),
        (
            ArenaError::OutOfMemory { requested: 77 },
            "could not provide 77 bytes",
        ),
        (
            ArenaError::CollectionFull { capacity: 16 },
            "capacity of 16 elements",
        ),
    ];
    for (err, needle) in cases {
        let text = err.to_string();
        assert!(text.contains(needle), "{text:?} lacks {needle:?}");
        assert!(text.starts_with(|c: char| c.is_lowercase()), "{text:?}");
        assert!(!text.ends_with('.'), "{text:?}");
        let source: &dyn core::error::Error = &err;
        assert!(source.source().is_none());
    }
}

// ----- figures --------------------------------------------------------------------

#[test]
fn used_remaining_and_peak_stay_consistent() {
    let mut arena = Arena::with_capacity(1000);
    let cap = arena.capacity();
    arena.alloc_bytes(300);
    assert_eq!(arena.used() + arena.remaining(), cap);
    assert_eq!(arena.peak(), 300);
    arena.reset();
    assert_eq!(arena.peak(), 300);
    arena.alloc_bytes(100);
    assert_eq!(arena.peak(), 300);
    arena.alloc_bytes(400);
    assert_eq!(arena.peak(), 500);
    arena.reset();
    assert_eq!(arena.used(), 0);
    assert_eq!(arena.peak(), 500);
}

#[test]
fn contains_knows_what_was_handed_out() {
    let arena = Arena::with_capacity(256);
    let x = arena.alloc(5u64);
    let p = x as *const u64 as *const u8;
    assert!(arena.contains(p));
    assert!(arena.contains(p.wrapping_add(7)));
    assert!(!arena.contains(p.wrapping_add(8)));
    let local = 0u8;
    assert!(!arena.contains(&local));
}

#[test]
fn debug_shows_the_figures() {
    let arena = Arena::with_capacity(128);
    arena.alloc_bytes(10);
    let text = format!("{arena:?}");
    assert!(text.contains("capacity: 128"), "{text}");
    assert!(text.contains("used: 10"), "{text}");
    assert!(text.contains("sealed: false"), "{text}");
}

// ----- borrowed memory --------------------------------------------------------------

#[test]
fn uninitialised_memory_works() {
    let mut block = [MaybeUninit::<u64>::uninit(); 64];
    // SAFETY: `[MaybeUninit<u64>; 64]` and `[MaybeUninit<u8>; 512]` have the same
    // size, and any bytes are valid `MaybeUninit<u8>`.
    let bytes: &mut [MaybeUninit<u8>; 512] = unsafe { &mut *block.as_mut_ptr().cast() };
    let arena = Arena::builder().cache_line_size(8).build(bytes);
    assert_eq!(arena.capacity(), 512);
    let xs = arena.alloc_slice_fill(10, 3u64);
    assert_eq!(xs.iter().sum::<u64>(), 30);
}

#[test]
fn an_arena_moves_to_another_thread() {
    let arena = Arena::with_capacity(1024);
    arena.alloc(1u32);
    let handle = std::thread::spawn(move || {
        let x = arena.alloc(41u32);
        *x += 1;
        (*x, arena.used())
    });
    assert_eq!(handle.join().unwrap(), (42, 8));
}

#[test]
fn builder_default_is_new() {
    assert_eq!(ArenaBuilder::default(), ArenaBuilder::new());
    assert_eq!(
        ArenaBuilder::new(),
        ArenaBuilder::new().cache_line_size(ArenaBuilder::DEFAULT_CACHE_LINE_SIZE)
    );
}

// ----- building in place: alloc_with, alloc_slice_fill_with, alloc_slice_fill_iter ---

#[test]
fn alloc_with_builds_the_value_and_skips_the_closure_when_it_does_not_fit() {
    let arena = Arena::with_capacity(128);
    let big = arena.alloc_with(|| [3u32; 16]);
    assert_eq!(*big, [3; 16]);
    assert_eq!(arena.used(), 64);
    let mut called = false;
    let err = arena
        .try_alloc_with(|| {
            called = true;
            [0u64; 64]
        })
        .unwrap_err();
    assert!(!called, "the closure ran though nothing was allocated");
    assert!(matches!(
        err,
        ArenaError::CapacityExceeded { requested: 512, .. }
    ));
    assert_eq!(arena.used(), 64);
}

#[test]
fn alloc_slice_fill_with_calls_the_closure_once_per_index_in_order() {
    let arena = Arena::with_capacity(256);
    let mut seen = Vec::new();
    let xs = arena.alloc_slice_fill_with(6, |i| {
        seen.push(i);
        (i as u16) * 3
    });
    assert_eq!(xs, &[0, 3, 6, 9, 12, 15]);
    assert_eq!(seen, [0, 1, 2, 3, 4, 5]);
    // Zero-sized elements: no memory, but every call still happens.
    let mut calls = 0;
    let units = arena.alloc_slice_fill_with(4, |_| calls += 1);
    assert_eq!(units.len(), 4);
    assert_eq!(calls, 4);
    // Failure: nothing called, nothing used.
    let used = arena.used();
    let mut called = false;
    assert!(arena
        .try_alloc_slice_fill_with(1000, |_| {
            called = true;
            0u64
        })
        .is_err());
    assert!(!called);
    assert_eq!(arena.used(), used);
}

#[test]
fn alloc_slice_fill_iter_takes_exactly_the_iterator_s_items() {
    let arena = Arena::with_capacity(256);
    let xs = arena.alloc_slice_fill_iter([5u8, 6, 7].into_iter().rev());
    assert_eq!(xs, &[7, 6, 5]);
    let mut items = (0..100u32).map(|i| u64::from(i) * 2);
    assert!(arena.try_alloc_slice_fill_iter(&mut items).is_err());
    // The failed allocation did not advance the iterator.
    assert_eq!(items.next(), Some(0));
    let empty: &mut [u32] = arena.alloc_slice_fill_iter(core::iter::empty());
    assert!(empty.is_empty());
}

/// An iterator whose `len()` is wrong by `lie` (positive: it says more).
struct Liar {
    left: usize,
    lie: isize,
}

impl Iterator for Liar {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        Some(self.left as u32)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let len = (self.left as isize + self.lie) as usize;
        (len, Some(len))
    }
}

impl ExactSizeIterator for Liar {}

#[test]
#[should_panic(expected = "said it had 5 items but ended after 3")]
fn alloc_slice_fill_iter_refuses_an_iterator_that_ends_early() {
    let arena = Arena::with_capacity(256);
    arena.alloc_slice_fill_iter(Liar { left: 3, lie: 2 });
}

#[test]
#[should_panic(expected = "said it had 2 items but has more")]
fn alloc_slice_fill_iter_refuses_an_iterator_that_goes_on() {
    let arena = Arena::with_capacity(256);
    arena.alloc_slice_fill_iter(Liar { left: 4, lie: -2 });
}
