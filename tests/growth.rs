//! Self-sizing arenas (`Growth`): overflow chunks mid-frame, one right-sized
//! block after the reset, zero heap calls in the frames that follow, the byte
//! limit, and persistent data that never moves.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use arena_memory::{Arena, ArenaError, ArenaVec, Growth};
use proptest::prelude::*;

/// Counts the global-allocator calls of the current thread, so that tests
/// running in parallel do not see each other's.
struct CountingAllocator;

thread_local! {
    static HEAP_CALLS: Cell<usize> = const { Cell::new(0) };
}

fn heap_calls() -> usize {
    HEAP_CALLS.with(Cell::get)
}

fn count() {
    // `try_with`: the thread-local may be gone while a thread shuts down.
    let _ = HEAP_CALLS.try_with(|calls| calls.set(calls.get() + 1));
}

// SAFETY: every call is forwarded to `System` unchanged; counting touches only a
// thread-local `Cell` with a const initialiser, which does not allocate.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count();
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// `u32`s per row: fewer under Miri, which interprets every write.
const ROW: usize = if cfg!(miri) { 10 } else { 100 };

/// One frame's work: `rows` slices of `ROW` `u32`, each filled with its index,
/// and checked at the end: every earlier reference is still valid and intact.
fn run_frame(arena: &Arena<'_>, rows: usize) -> (usize, Vec<(usize, usize)>) {
    let mut slices = Vec::with_capacity(rows);
    for i in 0..rows {
        let row = arena.alloc_slice_fill(ROW, i as u32);
        slices.push(row);
    }
    let mut ranges = Vec::with_capacity(rows);
    for (i, row) in slices.iter().enumerate() {
        assert!(
            row.iter().all(|&x| x == i as u32),
            "row {i} was overwritten"
        );
        ranges.push((row.as_ptr() as usize, row.len() * 4));
    }
    (rows, ranges)
}

fn assert_disjoint(mut ranges: Vec<(usize, usize)>) {
    ranges.sort_unstable();
    for pair in ranges.windows(2) {
        assert!(pair[0].0 + pair[0].1 <= pair[1].0, "overlap: {pair:?}");
    }
}

#[test]
fn the_default_stays_fixed() {
    let arena = Arena::with_capacity(1024);
    assert_eq!(arena.growth(), Growth::Fixed);
    assert!(matches!(
        arena.try_alloc_bytes(2048),
        Err(ArenaError::CapacityExceeded { .. })
    ));
    let frame = arena.ephemeral();
    assert_eq!(frame.growth(), Growth::Fixed);
    assert!(frame.try_alloc_bytes(2048).is_err());
    assert_eq!(arena.overflow_chunks_taken(), 0);
}

#[test]
fn a_frame_that_needs_ten_times_the_block_succeeds_with_valid_distinct_references() {
    let block = 40 * ROW;
    let mut arena = Arena::builder()
        .growth(Growth::UNLIMITED)
        .with_capacity(block);
    let home = arena.capacity(); // the block, rounded up to the cache line
    let rows = 10 * home / (4 * ROW) + 1; // more than 10x the block
    let (_, ranges) = run_frame(&arena, rows);
    assert!(arena.overflow_chunks() >= 1);
    assert!(arena.used() >= 10 * home);
    assert!(arena.capacity() >= arena.used());
    assert_eq!(arena.capacity(), home + arena.overflow_bytes());
    // References into the home block and into every chunk are distinct.
    assert_disjoint(ranges.clone());
    let in_home = ranges
        .iter()
        .filter(|(p, _)| arena.contains(core::ptr::without_provenance(*p)))
        .count();
    assert_eq!(in_home, rows);
    arena.reset();
    assert_eq!(arena.overflow_chunks(), 0);
    assert_eq!(arena.used(), 0);
}

#[test]
fn after_the_reset_the_same_frame_makes_no_heap_calls_and_runs_in_one_block() {
    let mut arena = Arena::builder()
        .growth(Growth::UNLIMITED)
        .with_capacity(2048);
    const ROWS: usize = if cfg!(miri) { 60 } else { 300 };
    run_frame(&arena, ROWS);
    let peak = arena.peak();
    arena.reset();
    assert!(arena.capacity() >= peak);
    let taken = arena.overflow_chunks_taken();
    for _ in 0..5 {
        let before = heap_calls();
        let (rows, ranges) = {
            // Only arena work between the two counts: the frame's bookkeeping
            // vectors are made outside.
            let mut slices: [usize; ROWS] = [0; ROWS];
            for (i, slot) in slices.iter_mut().enumerate() {
                *slot = arena.alloc_slice_fill(ROW, i as u32).as_ptr() as usize;
            }
            (ROWS, slices)
        };
        let after = heap_calls();
        assert_eq!(after - before, 0, "a settled frame called the heap");
        assert_eq!(arena.overflow_chunks(), 0);
        // One block: everything between the first and the last row, in order.
        let first = ranges[0];
        for (i, &start) in ranges.iter().enumerate() {
            assert_eq!(start, first + i * 4 * ROW);
        }
        assert_eq!(rows, ROWS);
        arena.reset();
    }
    assert_eq!(arena.overflow_chunks_taken(), taken);
}

#[test]
fn frames_of_varying_sizes_settle_at_the_largest() {
    let mut arena = Arena::builder()
        .growth(Growth::UNLIMITED)
        .with_capacity(1024);
    let sizes = [10usize, 50, 20, 200, 30, 100, 200, 5, 150, 200];
    let mut capacities = Vec::new();
    for &rows in &sizes {
        run_frame(&arena, rows);
        arena.reset();
        capacities.push(arena.capacity());
    }
    // The block only grows, and once the largest frame was seen it stops.
    assert!(
        capacities.windows(2).all(|w| w[0] <= w[1]),
        "{capacities:?}"
    );
    let settled = capacities[3];
    assert!(
        capacities[3..].iter().all(|&c| c == settled),
        "{capacities:?}"
    );
    assert!(settled >= 200 * 4 * ROW);
    let taken = arena.overflow_chunks_taken();
    for &rows in sizes.iter().rev() {
        run_frame(&arena, rows);
        arena.reset();
    }
    assert_eq!(arena.overflow_chunks_taken(), taken);
    assert_eq!(arena.recommended_capacity() % 64, 0);
    assert!(arena.recommended_capacity() >= arena.peak());
}

#[test]
fn the_byte_limit_turns_growth_back_into_capacity_exceeded() {
    let limit = 64 * 1024;
    let mut arena = Arena::builder()
        .growth(Growth::up_to(limit))
        .with_capacity(4096);
    let mut total = 0;
    loop {
        match arena.try_alloc_bytes(3000) {
            Ok(bytes) => {
                assert_eq!(bytes.len(), 3000);
                total += 3000;
            }
            Err(err) => {
                assert!(
                    matches!(
                        err,
                        ArenaError::CapacityExceeded {
                            requested: 3000,
                            ..
                        }
                    ),
                    "{err}"
                );
                break;
            }
        }
        assert!(arena.capacity() <= limit);
    }
    assert!(total > 4096 && total <= limit);
    let used = arena.used();
    // A failed allocation changed nothing.
    assert!(arena.try_alloc_bytes(limit).is_err());
    assert_eq!(arena.used(), used);
    arena.reset();
    assert!(arena.capacity() <= limit);
}

#[test]
fn persistent_data_is_never_moved_by_a_growing_child() {
    let arena = Arena::with_capacity(8192);
    let settings = arena.alloc_slice_copy(b"persistent settings");
    let address = settings.as_ptr() as usize;
    let counter = arena.alloc(0u64);
    let mut frame = arena.ephemeral_growing();
    for round in 0..20usize {
        let rows = if round % 3 == 0 { 200 } else { 10 };
        let (_, ranges) = run_frame(&frame, rows);
        assert_disjoint(ranges);
        *counter += 1;
        frame.reset();
    }
    drop(frame);
    assert_eq!(settings, b"persistent settings");
    assert_eq!(settings.as_ptr() as usize, address);
    assert_eq!(*counter, 20);
    // The parent allocates again once the child is gone.
    assert_eq!(*arena.alloc(5u8), 5);
}

#[test]
fn a_growing_child_nests_scopes_and_reports_its_peak() {
    let huge = if cfg!(miri) { 5_000 } else { 50_000 };
    let arena = Arena::with_capacity(4096);
    arena.alloc_bytes(100);
    {
        let mut frame = arena.ephemeral_growing();
        frame.alloc_bytes(3000);
        {
            // A fixed scratch child over the rest of the frame's current block.
            let scratch = frame.ephemeral();
            assert_eq!(frame.try_alloc(1u8), Err(ArenaError::Sealed));
            scratch.alloc_bytes(100);
        }
        // Past the parent's block: the frame grows.
        let big = frame.alloc_bytes(20_000);
        assert_eq!(big.len(), 20_000);
        assert!(frame.overflow_chunks() >= 1);
        {
            // A child of a frame that is in an overflow chunk lives there too.
            let scratch = frame.ephemeral_growing();
            let xs = scratch.alloc_slice_fill(huge, 7u8);
            assert!(xs.iter().all(|&x| x == 7));
        }
        assert!(frame.peak() >= 3000 + 20_000 + huge);
        frame.reset();
        assert!(frame.capacity() >= 23_000 + huge);
    }
    assert!(arena.peak() >= 100 + 23_000 + huge);
    assert!(arena.recommended_capacity() >= arena.peak());
}

#[test]
fn an_arena_vec_at_a_chunk_edge_moves_and_keeps_its_elements() {
    let arena = Arena::builder()
        .growth(Growth::UNLIMITED)
        .with_capacity(256);
    let mut v = ArenaVec::new_in(&arena);
    let mut moves = 0;
    let mut last = v.as_ptr();
    let n = if cfg!(miri) { 2_000 } else { 10_000 };
    for i in 0..n {
        v.push(i);
        if v.as_ptr() != last {
            moves += 1;
            last = v.as_ptr();
        }
    }
    assert!(v.iter().copied().eq(0..n));
    assert!(arena.overflow_chunks() >= 1);
    // It grows in place while it is the newest allocation and its block has
    // room, and moves only at block edges: a handful of moves, not one per
    // doubling of 10,000 elements' worth of pushes.
    assert!(moves <= 2 * arena.overflow_chunks() + 8, "{moves} moves");
}

#[test]
fn shrink_to_fit_gives_the_memory_back() {
    let mut arena = Arena::builder()
        .growth(Growth::UNLIMITED)
        .with_capacity(4096);
    arena.alloc_bytes(100_000);
    arena.reset();
    assert!(arena.capacity() >= 100_000);
    arena.shrink_to_fit();
    assert_eq!(arena.capacity(), 4096);
    assert_eq!(arena.used(), 0);
    // And it still grows when asked to.
    assert_eq!(arena.alloc_bytes(10_000).len(), 10_000);

    // A growing child returns to the parent's memory.
    let parent = Arena::with_capacity(8192);
    let mut frame = parent.ephemeral_growing();
    let home = frame.capacity();
    frame.alloc_bytes(50_000);
    frame.reset();
    assert!(frame.capacity() >= 50_000);
    frame.shrink_to_fit();
    assert_eq!(frame.capacity(), home);
    let inside = frame.alloc(1u8) as *mut u8 as usize;
    drop(frame);
    let parent_range = parent.alloc_bytes(8192).as_ptr() as usize;
    assert!(parent_range <= inside && inside < parent_range + 8192);
}

#[test]
fn a_growing_arena_over_a_caller_s_block_leaves_it_reusable() {
    let mut block = arena_memory::ArenaBlock::<512>::new();
    {
        let mut arena = Arena::builder().growth(Growth::UNLIMITED).build(&mut block);
        assert_eq!(arena.alloc((1u8, 2u64)).1, 2);
        arena.alloc_bytes(5000); // overflows
        arena.reset(); // the home is now a heap block
        assert!(arena.capacity() >= 5000);
        assert_eq!(arena.alloc((3u8, 4u64)).1, 4);
    }
    // The caller's block is the caller's again, for another arena.
    let arena = block.arena();
    assert_eq!(arena.capacity(), 512);
    assert_eq!(*arena.alloc(9u32), 9);
}

#[test]
fn shrink_to_fit_returns_to_the_caller_s_block_after_the_home_grew_twice() {
    let mut block = arena_memory::ArenaBlock::<512>::new();
    let block_range = block.as_ptr() as usize..block.as_ptr() as usize + 512;
    let mut arena = Arena::builder().growth(Growth::UNLIMITED).build(&mut block);
    arena.alloc_bytes(5000);
    arena.reset(); // a heap block replaces the caller's
    let first_home = arena.capacity();
    assert!(first_home >= 5000);
    arena.alloc_bytes(4 * first_home);
    arena.reset(); // a larger heap block replaces the first
    assert!(arena.capacity() >= 4 * first_home);
    arena.shrink_to_fit();
    // Back on the caller's block, not on the first heap block.
    assert_eq!(arena.capacity(), 512);
    let byte = arena.alloc(7u8) as *mut u8 as usize;
    assert!(
        block_range.contains(&byte),
        "{byte:#x} not in {block_range:x?}"
    );
    // It grows again from there.
    assert_eq!(arena.alloc_bytes(2000).len(), 2000);
}

/// The largest allocation of the property test: smaller under Miri.
const SIZE_MAX: usize = if cfg!(miri) { 300 } else { 3000 };

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: if cfg!(miri) { 4 } else { 256 },
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// Random frames on a growing arena with a small block: every allocation is
    /// aligned and keeps its bytes until the reset; and the same frame run again
    /// after the reset takes no chunk.
    #[test]
    fn chunk_switching_keeps_every_allocation_and_a_rerun_frame_settles(
        block in 64usize..600,
        sizes in proptest::collection::vec((0usize..SIZE_MAX, 0u32..7), 1..40),
    ) {
        let mut arena = Arena::builder()
            .growth(Growth::UNLIMITED)
            .with_capacity(block);
        for run in 0..2 {
            let taken = arena.overflow_chunks_taken();
            let mut live: [(*const u8, usize, u8); 40] = [(core::ptr::null(), 0, 0); 40];
            for (i, &(size, align_log2)) in sizes.iter().enumerate() {
                let layout = core::alloc::Layout::from_size_align(size, 1 << align_log2).unwrap();
                let ptr = arena.try_alloc_layout(layout).unwrap();
                prop_assert_eq!(ptr.as_ptr() as usize % (1 << align_log2), 0);
                let fill = i as u8 + 1;
                // SAFETY: `ptr` is `size` fresh writable bytes.
                unsafe { ptr.as_ptr().write_bytes(fill, size) };
                live[i] = (ptr.as_ptr().cast_const(), size, fill);
            }
            for &(ptr, size, fill) in &live[..sizes.len()] {
                // SAFETY: the allocation is alive until the reset below.
                let bytes = unsafe { core::slice::from_raw_parts(ptr, size) };
                prop_assert!(bytes.iter().all(|&b| b == fill));
            }
            let mut ranges: Vec<(usize, usize)> = Vec::new();
            ranges.extend(live[..sizes.len()].iter().map(|&(p, s, _)| (p.addr(), s)));
            ranges.retain(|&(_, s)| s > 0);
            assert_disjoint(ranges);
            if run == 1 {
                prop_assert_eq!(arena.overflow_chunks_taken(), taken);
                prop_assert_eq!(arena.overflow_chunks(), 0);
            }
            arena.reset();
        }
    }
}

/// An operation of the nested-scope property test.
#[derive(Debug, Clone)]
enum Op {
    Alloc {
        size: usize,
        align_log2: u32,
    },
    /// Push `n` `u32`s into a fresh `ArenaVec` and keep it: it grows in place
    /// while it is the newest allocation, and moves at a chunk's edge.
    Vec {
        n: usize,
    },
    Push {
        growing: bool,
    },
    Pop,
    Reset,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        5 => (0usize..SIZE_MAX, 0u32..7).prop_map(|(size, align_log2)| Op::Alloc { size, align_log2 }),
        2 => (0usize..SIZE_MAX / 4).prop_map(|n| Op::Vec { n }),
        2 => any::<bool>().prop_map(|growing| Op::Push { growing }),
        2 => Just(Op::Pop),
        1 => Just(Op::Reset),
    ]
}

/// A live allocation: where, how long, the byte it was filled with, and the
/// scope depth that made it.
#[derive(Debug, Clone, Copy)]
struct Live {
    ptr: *const u8,
    len: usize,
    fill: u8,
    depth: usize,
}

struct Nested {
    live: Vec<Live>,
    fill: u8,
}

impl Nested {
    fn check(&self) {
        for live in &self.live {
            // SAFETY: only allocations no reset or drop has invalidated are kept.
            let bytes = unsafe { core::slice::from_raw_parts(live.ptr, live.len) };
            assert!(
                bytes.iter().all(|&b| b == live.fill),
                "{live:?} was overwritten"
            );
        }
        let mut ranges: Vec<(usize, usize)> = self
            .live
            .iter()
            .filter(|l| l.len > 0)
            .map(|l| (l.ptr.addr(), l.len))
            .collect();
        ranges.sort_unstable();
        for pair in ranges.windows(2) {
            assert!(pair[0].0 + pair[0].1 <= pair[1].0, "overlap: {pair:?}");
        }
    }

    fn next_fill(&mut self) -> u8 {
        self.fill = self.fill.wrapping_add(1).max(1);
        self.fill
    }

    fn run(&mut self, arena: &mut Arena<'_>, depth: usize, ops: &mut impl Iterator<Item = Op>) {
        while let Some(op) = ops.next() {
            match op {
                Op::Alloc { size, align_log2 } => {
                    let layout = Layout::from_size_align(size, 1 << align_log2).unwrap();
                    // Growing scopes never fail here; fixed ones may run out.
                    if let Ok(ptr) = arena.try_alloc_layout(layout) {
                        assert_eq!(ptr.as_ptr().addr() % (1 << align_log2), 0);
                        let fill = self.next_fill();
                        // SAFETY: `ptr` is `size` fresh writable bytes.
                        unsafe { ptr.as_ptr().write_bytes(fill, size) };
                        self.live.push(Live {
                            ptr: ptr.as_ptr(),
                            len: size,
                            fill,
                            depth,
                        });
                    } else {
                        assert_eq!(arena.growth(), Growth::Fixed);
                    }
                }
                Op::Vec { n } => {
                    let fill = self.next_fill();
                    let mut v = ArenaVec::new_in(arena);
                    let mut ok = true;
                    for _ in 0..n {
                        if v.try_push(u32::from_ne_bytes([fill; 4])).is_err() {
                            ok = false;
                            break;
                        }
                    }
                    assert!(ok || arena.growth() == Growth::Fixed);
                    let slice = v.into_slice();
                    self.live.push(Live {
                        ptr: slice.as_ptr().cast(),
                        len: slice.len() * 4,
                        fill,
                        depth,
                    });
                }
                Op::Push { growing } => {
                    let growth = if growing {
                        Growth::UNLIMITED
                    } else {
                        Growth::Fixed
                    };
                    let mut child = arena.ephemeral_with(growth);
                    assert!(arena.try_alloc(1u8).is_err());
                    self.run(&mut child, depth + 1, ops);
                    drop(child);
                    self.live.retain(|l| l.depth <= depth);
                }
                Op::Pop => {
                    if depth > 0 {
                        return;
                    }
                }
                Op::Reset => {
                    arena.reset();
                    assert_eq!(arena.overflow_chunks(), 0);
                    self.live.retain(|l| l.depth < depth);
                }
            }
            self.check();
        }
    }
}

proptest! {
    #![proptest_config(config())]

    /// Nested scopes over growing parents (and fixed children of growing ones):
    /// allocations and `ArenaVec`s at chunk edges keep their bytes and never
    /// overlap, whatever the scope, until their own scope is reset or dropped;
    /// the persistent ones (depth 0) survive everything.
    #[test]
    fn nested_scopes_over_growing_arenas_keep_every_allocation(
        block in 64usize..800,
        ops in proptest::collection::vec(op(), 1..if cfg!(miri) { 25 } else { 60 }),
    ) {
        let mut arena = Arena::builder()
            .growth(Growth::UNLIMITED)
            .with_capacity(block);
        let mut nested = Nested { live: Vec::new(), fill: 0 };
        nested.run(&mut arena, 0, &mut ops.into_iter());
        nested.check();
    }
}

// ----- over-aligned frames: the block a growing arena settles on, and the
// ----- recommended capacity, hold the frame wherever the block starts

/// The frame of the report: one byte, then 4096 bytes aligned to 4096.
fn over_aligned_frame(arena: &Arena<'_>) -> Result<(), ArenaError> {
    arena.try_alloc(1u8)?;
    let page = arena.try_alloc_layout(Layout::from_size_align(4096, 4096).unwrap())?;
    assert_eq!(page.as_ptr() as usize % 4096, 0);
    Ok(())
}

/// Runs `frame` in a fixed arena of `capacity` bytes over a caller's block,
/// once for each start address the cache line allows modulo `period`.
fn fits_at_every_start(
    capacity: usize,
    period: usize,
    frame: impl Fn(&Arena<'_>) -> Result<(), ArenaError>,
) -> Result<(), (usize, ArenaError)> {
    let mut memory = vec![core::mem::MaybeUninit::<u8>::uninit(); capacity + 2 * period];
    let base = memory.as_ptr().align_offset(period);
    for shift in (0..period).step_by(64) {
        let block = &mut memory[base + shift..base + shift + capacity];
        let arena = Arena::new(block);
        assert_eq!(arena.capacity(), capacity);
        frame(&arena).map_err(|err| (shift, err))?;
    }
    Ok(())
}

#[test]
fn a_growing_arena_settles_after_one_over_aligned_frame() {
    let mut arena = Arena::builder().growth(Growth::UNLIMITED).with_capacity(64);
    for _ in 0..if cfg!(miri) { 3 } else { 20 } {
        over_aligned_frame(&arena).unwrap();
        arena.reset();
    }
    assert_eq!(
        arena.overflow_chunks_taken(),
        1,
        "only the first frame may grow"
    );
}

#[test]
fn the_recommended_capacity_holds_an_over_aligned_frame_wherever_the_block_starts() {
    let mut arena = Arena::with_capacity(1 << 14);
    over_aligned_frame(&arena).unwrap();
    arena.reset();
    let recommended = arena.recommended_capacity();
    assert!(recommended >= arena.peak());
    // Up to 4095 bytes of padding before the page, whatever the start.
    assert!(recommended >= 1 + 4095 - 63 + 4096, "{recommended}");
    fits_at_every_start(recommended, 4096, over_aligned_frame).unwrap();
}

#[test]
fn a_child_s_alignments_count_in_its_parent_s_recommended_capacity() {
    let arena = Arena::with_capacity(1 << 14);
    {
        let frame = arena.ephemeral();
        over_aligned_frame(&frame).unwrap();
    }
    let recommended = arena.recommended_capacity();
    fits_at_every_start(recommended, 4096, |arena| {
        let frame = arena.try_ephemeral()?;
        over_aligned_frame(&frame)
    })
    .unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: if cfg!(miri) { 2 } else { 64 },
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Random frames with alignments up to 4096: after one overflowing frame
    /// and its reset, the same frame takes no chunk; and a fixed arena of the
    /// recommended capacity runs it from every start the cache line allows.
    #[test]
    fn over_aligned_frames_settle_and_fit_their_recommended_capacity(
        sizes in proptest::collection::vec((0usize..SIZE_MAX, 0u32..13), 1..if cfg!(miri) { 6 } else { 24 }),
    ) {
        let frame = |arena: &Arena<'_>| -> Result<(), ArenaError> {
            for &(size, align_log2) in &sizes {
                let layout = Layout::from_size_align(size, 1 << align_log2).unwrap();
                arena.try_alloc_layout(layout)?;
            }
            Ok(())
        };
        let mut arena = Arena::builder().growth(Growth::UNLIMITED).with_capacity(64);
        frame(&arena).unwrap();
        arena.reset();
        let taken = arena.overflow_chunks_taken();
        for _ in 0..3 {
            frame(&arena).unwrap();
            arena.reset();
        }
        prop_assert_eq!(arena.overflow_chunks_taken(), taken);
        let recommended = arena.recommended_capacity();
        let result = fits_at_every_start(recommended, 4096, frame);
        prop_assert!(result.is_ok(), "{:?} with {} bytes", result, recommended);
    }
}
