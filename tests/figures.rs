//! What an arena reports about itself, and where it puts what it hands out:
//! `used`, `peak`, `recommended_capacity`, `contains`, the overflow figures and
//! the growth policy, checked against values a user can work out by hand.
//!
//! Also allocations the hot path does not call small (a size or alignment
//! above 64 KiB), which take their own arithmetic.

use core::alloc::Layout;
use core::ptr::NonNull;

use allocator_api2::alloc::Allocator;
use arena_memory::{Arena, ArenaError, ArenaStr, ArenaVec, Growth};

/// The address one past `len` bytes from `ptr`, as a pointer (never read).
fn past(ptr: *const u8, len: usize) -> *const u8 {
    ptr.wrapping_add(len)
}

// ----- large and highly aligned layouts ------------------------------------------

/// A size over 64 KiB and an alignment over 64 KiB: both take the path for
/// layouts that are not small.
const BIG_SIZE: usize = 70_000;
const BIG_ALIGN: usize = 1 << 17;

/// Allocates `layout` right after a 1-byte allocation (so the bump pointer is
/// unaligned), and checks the block is aligned, after the byte, and counted.
fn allocate_after_one_byte(layout: Layout, capacity: usize) {
    let arena = Arena::with_capacity(capacity);
    let byte = arena.alloc(0xA5u8) as *const u8;
    let used_before = arena.used();
    assert_eq!(used_before, 1);

    let block = arena.try_alloc_layout(layout).unwrap().as_ptr();
    let addr = block.addr();
    assert_eq!(addr % layout.align(), 0, "{layout:?} misaligned");
    assert!(
        addr > byte.addr(),
        "{layout:?} starts at or before the byte allocated before it"
    );
    // The padding is what the alignment asks for and no more.
    let pad = addr - byte.addr() - 1;
    assert!(pad < layout.align(), "{layout:?}: {pad} bytes of padding");
    assert_eq!(arena.used(), used_before + pad + layout.size());
    assert_eq!(arena.remaining(), arena.capacity() - arena.used());

    // The block is the arena's and is writable; the byte is untouched.
    // SAFETY: `block` is `layout.size()` bytes handed out just above.
    unsafe { block.write_bytes(0x5A, layout.size()) };
    assert_eq!(arena.alloc(0u8) as *const u8, past(block, layout.size()));
    // SAFETY: `byte` was handed out above and not written since.
    assert_eq!(unsafe { byte.read() }, 0xA5);
}

#[test]
fn a_large_layout_after_an_unaligned_one_does_not_overlap_it() {
    allocate_after_one_byte(Layout::from_size_align(BIG_SIZE, 8).unwrap(), 1 << 17);
}

#[test]
fn a_highly_aligned_layout_after_an_unaligned_one_does_not_overlap_it() {
    allocate_after_one_byte(
        Layout::from_size_align(16, BIG_ALIGN).unwrap(),
        3 * BIG_ALIGN,
    );
}

#[test]
fn a_large_layout_that_does_not_fit_is_refused_and_leaves_the_arena_as_it_was() {
    let arena = Arena::with_capacity(BIG_SIZE + 64);
    arena.alloc(1u8);
    let remaining = arena.remaining();
    let too_big = Layout::from_size_align(remaining + 1, 1).unwrap();
    assert!(!is_small_for_the_hot_path(too_big));
    assert!(matches!(
        arena.try_alloc_layout(too_big),
        Err(ArenaError::CapacityExceeded { .. })
    ));
    assert_eq!(arena.used(), 1);
    // Exactly what is left still fits.
    let exact = Layout::from_size_align(remaining, 1).unwrap();
    arena.try_alloc_layout(exact).unwrap();
    assert_eq!(arena.remaining(), 0);
}

/// Whether the arena's hot path takes `layout` as small (size plus alignment
/// within 64 KiB); the tests above mean the other path.
fn is_small_for_the_hot_path(layout: Layout) -> bool {
    layout.size() + layout.align() <= 1 << 16
}

// ----- peak, and the peak a given-back allocation leaves -------------------------

#[test]
fn peak_remembers_an_allocation_that_was_given_back() {
    let arena = Arena::with_capacity(4096);
    arena.alloc_bytes(96);
    let layout = Layout::from_size_align(1000, 8).unwrap();
    let block = (&arena).allocate(layout).unwrap().cast::<u8>();
    assert_eq!(arena.used(), 1096);
    // SAFETY: `block` came from this allocator with `layout`.
    unsafe { (&arena).deallocate(block, layout) };
    assert_eq!(arena.used(), 96, "the most recent block is taken back");
    assert_eq!(arena.peak(), 1096);
    assert_eq!(arena.recommended_capacity(), 1408); // 1096 + 274, up to 64
}

#[test]
fn a_tail_given_back_by_into_slice_or_into_str_stays_in_the_peak_across_resets() {
    let mut arena = Arena::with_capacity(4096);
    // Frame 1: a 1,000-byte buffer of which 10 bytes are kept.
    let kept = ArenaVec::<u8>::from_slice_in(&[7; 10], &arena);
    let mut buffer = ArenaVec::<u8>::with_capacity_in(1000, &arena);
    buffer.extend_from_slice(&[1; 10]);
    let before = arena.used();
    assert_eq!(buffer.into_slice().len(), 10);
    assert_eq!(arena.used(), before - 990, "the tail came back");
    assert_eq!(arena.peak(), before, "the peak remembers the whole buffer");
    assert_eq!(
        kept, [7; 10],
        "what came before the given-back tail is intact"
    );
    arena.reset();
    assert_eq!(arena.used(), 0);
    assert_eq!(arena.peak(), before, "a reset keeps the last frame's peak");
    // Frame 2, smaller: a string whose spare capacity is given back.
    let mut s = ArenaStr::with_capacity_in(200, &arena);
    s.push_str("abc");
    assert_eq!(s.into_str(), "abc");
    assert_eq!(arena.used(), 3);
    assert_eq!(
        arena.peak(),
        before,
        "the larger, earlier frame is the peak"
    );
    arena.reset();
    assert_eq!(arena.peak(), before);
    // A frame larger than frame 1 through a given-back tail raises it.
    let big = ArenaVec::<u8>::with_capacity_in(2000, &arena);
    assert!(big.into_slice().is_empty());
    assert_eq!(arena.used(), 0);
    assert_eq!(arena.peak(), 2000);
    arena.reset();
    assert_eq!(arena.peak(), 2000);
}

#[test]
fn peak_counts_a_dropped_child_once_the_parent_allocates_again() {
    let arena = Arena::with_capacity(4096);
    arena.alloc_bytes(64);
    {
        let frame = arena.ephemeral();
        frame.alloc_bytes(1000);
    }
    // The parent's 64 bytes end on a cache line: the child starts right after.
    assert_eq!(arena.peak(), 64 + 1000);
    arena.alloc_bytes(10); // takes the memory back from the child
    assert_eq!(arena.used(), 74);
    assert_eq!(arena.peak(), 64 + 1000);
}

#[test]
fn a_child_that_allocated_nothing_leaves_the_parent_peak_alone() {
    let arena = Arena::with_capacity(4096);
    arena.alloc(1u8);
    {
        // Starts at the next cache line, 63 bytes of padding after the byte.
        let frame = arena.ephemeral();
        assert_eq!(frame.peak(), 0);
    }
    assert_eq!(arena.peak(), 1);
    arena.alloc(2u8);
    assert_eq!(arena.peak(), 2);
}

#[test]
fn a_block_given_back_while_a_child_lives_is_not_taken_back() {
    let arena = Arena::with_capacity(4096);
    let layout = Layout::from_size_align(100, 8).unwrap();
    let block = (&arena).allocate(layout).unwrap().cast::<u8>();
    {
        let frame = arena.ephemeral();
        // The memory after the parent's bump pointer is the child's now.
        // SAFETY: `block` came from this allocator with `layout`.
        unsafe { (&arena).deallocate(block, layout) };
        assert_eq!(arena.used(), 100);
        frame.alloc_bytes(10);
    }
    assert_eq!(arena.used(), 100);
    // The next allocation goes after the block, as if it were still there.
    let next = arena.alloc(0u8) as *const u8;
    assert_eq!(next, past(block.as_ptr(), 100));
}

#[test]
fn a_frame_peak_reached_by_a_given_back_block_sizes_the_settled_home() {
    let mut arena = Arena::builder()
        .growth(Growth::UNLIMITED)
        .with_capacity(1024);
    arena.alloc_bytes(500);
    let layout = Layout::from_size_align(10_000, 8).unwrap();
    let block = (&arena).allocate(layout).unwrap().cast::<u8>();
    assert_eq!(arena.overflow_chunks(), 1);
    // SAFETY: `block` came from this allocator with `layout`.
    unsafe { (&arena).deallocate(block, layout) };
    // The chunk is still held until the reset; the frame needed 10 504
    // bytes as if it ran in one block: 500, 4 of padding to the block's
    // 8-byte alignment, 10 000.
    assert_eq!(arena.peak(), 10_504);
    arena.reset();
    assert_eq!(arena.overflow_chunks(), 0);
    // 10 504 plus a quarter, 2 626, rounded up to the cache line.
    assert_eq!(arena.capacity(), 13_184);
    // The next such frame runs in the home block.
    arena.alloc_bytes(10_500);
    assert_eq!(arena.overflow_chunks(), 0);
}

// ----- overflow figures and the growth policy -------------------------------------

#[test]
fn growth_policies_say_whether_they_grow() {
    assert!(!Growth::Fixed.is_growing());
    assert!(Growth::UNLIMITED.is_growing());
    assert!(Growth::up_to(1 << 20).is_growing());
    assert_eq!(Growth::default(), Growth::Fixed);
    assert_eq!(Arena::with_capacity(64).growth(), Growth::Fixed);
    let limited = Arena::builder()
        .growth(Growth::up_to(1 << 20))
        .with_capacity(64);
    assert_eq!(limited.growth(), Growth::up_to(1 << 20));
}

#[test]
fn the_first_chunk_doubles_the_home_block_and_the_next_doubles_the_chunk() {
    // A home block larger than half the smallest chunk (4 KiB), so that
    // doubling it is what decides.
    let arena = Arena::builder()
        .growth(Growth::UNLIMITED)
        .with_capacity(8192);
    arena.alloc_bytes(8192);
    arena.alloc_bytes(1);
    assert_eq!(arena.overflow_chunks(), 1);
    assert_eq!(arena.overflow_bytes(), 16_384);
    arena.alloc_bytes(16_384);
    assert_eq!(arena.overflow_chunks(), 2);
    assert_eq!(arena.overflow_bytes(), 16_384 + 32_768);
    assert_eq!(arena.capacity(), 8192 + 16_384 + 32_768);
}

#[test]
fn a_frame_that_overflowed_for_alignment_alone_settles_on_a_home_that_holds_it() {
    // An 8-byte value aligned to 1 MiB fits a 4 KiB home only if the home
    // happens to hold a 1 MiB boundary (1 in 256): try a few homes.
    let layout = Layout::from_size_align(8, 1 << 20).unwrap();
    for _ in 0..8 {
        let mut arena = Arena::builder()
            .growth(Growth::UNLIMITED)
            .with_capacity(4096);
        arena.try_alloc_layout(layout).unwrap();
        if arena.overflow_chunks() == 0 {
            continue;
        }
        // Counted as if the frame ran in the home: the padding up to the
        // next 1 MiB boundary, then 8 bytes.
        let peak = arena.peak();
        assert!(peak > 8 && peak <= (1 << 20) - 64 + 8, "{peak}");
        arena.reset();
        assert_eq!(arena.overflow_chunks(), 0);
        // The home now holds the value wherever its start falls modulo 1 MiB.
        assert!(
            arena.capacity() >= (1 << 20) - 64 + 8,
            "{}",
            arena.capacity()
        );
        let taken = arena.overflow_chunks_taken();
        for _ in 0..3 {
            arena.try_alloc_layout(layout).unwrap();
            arena.reset();
        }
        assert_eq!(
            arena.overflow_chunks_taken(),
            taken,
            "settled: no more chunks"
        );
        return;
    }
    panic!("every 4 KiB home held a 1 MiB boundary");
}

#[test]
fn overflow_chunks_taken_counts_every_chunk_since_the_arena_was_made() {
    let mut arena = Arena::builder()
        .growth(Growth::UNLIMITED)
        .with_capacity(1024);
    assert_eq!(arena.overflow_chunks_taken(), 0);
    arena.alloc_bytes(2000);
    assert_eq!(arena.overflow_chunks_taken(), 1);
    assert_eq!(arena.overflow_chunks(), 1);
    // Larger than the first chunk's double: a second chunk.
    arena.alloc_bytes(20_000);
    assert_eq!(arena.overflow_chunks_taken(), 2);
    assert_eq!(arena.overflow_chunks(), 2);
    arena.reset();
    // The chunks are freed; the count of those ever taken stays.
    assert_eq!(arena.overflow_chunks(), 0);
    assert_eq!(arena.overflow_chunks_taken(), 2);
    // A frame larger than the settled home takes a third.
    let home = arena.capacity();
    arena.alloc_bytes(home + 1);
    assert_eq!(arena.overflow_chunks_taken(), 3);
}

// ----- contains -------------------------------------------------------------------

#[test]
fn contains_is_exactly_the_used_part_of_the_block() {
    let arena = Arena::with_capacity(256);
    let first = arena.alloc_bytes(10).as_ptr();
    let second = arena.alloc_bytes(20).as_ptr();
    assert_eq!(second, past(first, 10).cast_mut());
    let end = past(second, 20);

    assert!(arena.contains(first));
    assert!(arena.contains(past(first, 5)));
    assert!(arena.contains(second));
    assert!(
        arena.contains(end.wrapping_sub(1)),
        "the last byte handed out"
    );
    assert!(!arena.contains(end), "the bump pointer is not handed out");
    assert!(
        !arena.contains(past(first, 100)),
        "free room is not handed out"
    );
    assert!(!arena.contains(first.wrapping_sub(1)));
    let local = 0u8;
    assert!(!arena.contains(&local));
}

#[test]
fn contains_nothing_after_a_reset() {
    let mut arena = Arena::with_capacity(256);
    let first = arena.alloc_bytes(10).as_ptr();
    arena.reset();
    assert!(!arena.contains(first));
    assert!(!arena.contains(past(first, 100)));
}

/// A region `[start, end)` of addresses.
#[derive(Clone, Copy, Debug)]
struct Region {
    start: usize,
    end: usize,
}

impl Region {
    fn of(ptr: NonNull<u8>, len: usize) -> Region {
        let start = ptr.as_ptr().addr();
        Region {
            start,
            end: start + len,
        }
    }

    fn holds(self, addr: usize) -> bool {
        self.start <= addr && addr < self.end
    }
}

#[test]
fn contains_covers_the_earlier_blocks_of_a_growing_frame_and_nothing_else() {
    let mut arena = Arena::builder()
        .growth(Growth::UNLIMITED)
        .with_capacity(1024);
    let home_capacity = arena.capacity();
    let home_first = NonNull::from(arena.alloc(1u8)).cast::<u8>();
    // The home block, from the arena's start (its first allocation).
    let home = Region::of(home_first, home_capacity);

    // A first chunk, starting with this request (a chunk needs no padding).
    let first_chunk_start = NonNull::new(arena.alloc_bytes(2000).as_mut_ptr()).unwrap();
    let first_chunk = Region::of(first_chunk_start, arena.overflow_bytes());
    // A second chunk; the first becomes an earlier region of the frame.
    let bytes_before = arena.overflow_bytes();
    let second_chunk_start = NonNull::new(arena.alloc_bytes(30_000).as_mut_ptr()).unwrap();
    assert_eq!(arena.overflow_chunks(), 2);
    let second_chunk = Region::of(second_chunk_start, arena.overflow_bytes() - bytes_before);
    let current_used = Region::of(second_chunk_start, 30_000);

    // Earlier regions count whole; the current one up to the bump pointer.
    let expected =
        |addr: usize| home.holds(addr) || first_chunk.holds(addr) || current_used.holds(addr);
    let probes = [
        home.start,
        home.start + 1,
        home.end - 1,
        home.end,
        home.start.wrapping_sub(1),
        first_chunk.start,
        first_chunk.start + 1999,
        first_chunk.end - 1,
        first_chunk.end,
        first_chunk.start.wrapping_sub(1),
        second_chunk.start,
        current_used.end - 1,
        // The current chunk's free tail: not handed out, not contained.
        current_used.end,
        second_chunk.end - 1,
        second_chunk.end,
    ];
    for addr in probes {
        let ptr = core::ptr::without_provenance::<u8>(addr);
        assert_eq!(arena.contains(ptr), expected(addr), "{addr:#x}");
    }
    assert!(arena.contains(home_first.as_ptr()));
    assert!(arena.contains(first_chunk_start.as_ptr()));
    let local = 0u8;
    assert!(!arena.contains(&local));
    let heap = Box::new(0u8);
    assert!(!arena.contains(&*heap));

    arena.reset();
    for addr in [first_chunk.start, second_chunk.start] {
        let ptr = core::ptr::without_provenance::<u8>(addr);
        assert!(!arena.contains(ptr), "{addr:#x} after the reset");
    }
}

#[test]
fn a_home_block_the_frame_went_past_untouched_counts_whole_from_the_first_chunk_on() {
    let mut block = arena_memory::ArenaBlock::<1024>::new();
    let home_start = block.as_ptr() as usize;
    let mut arena = Arena::builder().growth(Growth::UNLIMITED).build(&mut block);
    let home_end = home_start + 1024;
    let home_probes = [home_start, home_start + 512, home_end - 1];
    let contains =
        |arena: &Arena<'_>, addr: usize| arena.contains(core::ptr::without_provenance(addr));
    // The first allocation is larger than the whole home block: it opens a
    // chunk, and the home block hands out nothing this frame. It is an
    // earlier block of the frame all the same, and counts whole, with one
    // chunk as with two.
    let in_chunk = arena.alloc_bytes(4000).as_ptr();
    assert_eq!(arena.overflow_chunks(), 1);
    assert!(arena.contains(in_chunk));
    for addr in home_probes {
        assert!(contains(&arena, addr), "{addr:#x} with one chunk");
    }
    assert!(!contains(&arena, home_end), "one past the home block");
    let in_second = arena.alloc_bytes(40_000).as_ptr();
    assert_eq!(arena.overflow_chunks(), 2);
    assert!(arena.contains(in_second));
    for addr in home_probes {
        assert!(contains(&arena, addr), "{addr:#x} with two chunks");
    }
    // After the reset the frame is back in (a block for) the home: nothing
    // of the last frame's chunks is contained.
    arena.reset();
    assert!(!arena.contains(in_chunk));
    assert!(!arena.contains(in_second));
}
