//! `ArenaBlock` and `StaticArenaBlock`: caller blocks for the stack and for
//! `static`s, aligned to the default cache line, with no heap.

use std::sync::atomic::{AtomicUsize, Ordering};

use arena_memory::{Arena, ArenaBlock, ArenaError, Growth, StaticArenaBlock};

#[test]
fn a_block_is_cache_line_aligned_and_its_arena_uses_every_byte() {
    let mut block = ArenaBlock::<200>::new();
    assert_eq!(block.len(), 200);
    assert_eq!(block.as_ptr() as usize % 64, 0);
    let start = block.as_ptr() as usize;
    let arena = block.arena();
    assert_eq!(arena.capacity(), 200);
    let first = arena.alloc(1u8) as *mut u8 as usize;
    assert_eq!(first, start);
    assert_eq!(arena.alloc_bytes(199).len(), 199);
    assert!(arena.try_alloc(1u8).is_err());
}

#[test]
fn arena_new_takes_a_block_by_deref() {
    let mut block = ArenaBlock::<128>::default();
    {
        let arena = Arena::new(&mut block);
        assert_eq!(arena.capacity(), 128);
    }
    let aligned_to_128 = block.as_ptr() as usize % 128 == 0;
    let arena = Arena::builder().cache_line_size(128).build(&mut block);
    // 64-aligned, so a 128-byte cache line may cost 64 bytes.
    assert_eq!(arena.capacity(), if aligned_to_128 { 128 } else { 64 });
}

#[test]
fn a_block_debug_shows_its_size() {
    assert_eq!(
        format!("{:?}", ArenaBlock::<32>::new()),
        "ArenaBlock { len: 32 }"
    );
}

static ONCE: StaticArenaBlock<4096> = StaticArenaBlock::new();

#[test]
fn a_static_block_is_handed_out_once() {
    assert!(!ONCE.is_taken());
    let block = ONCE.take();
    assert!(ONCE.is_taken());
    assert_eq!(ONCE.try_take().unwrap_err(), ArenaError::BlockTaken);
    let mut arena = block.arena();
    assert_eq!(arena.capacity(), 4096);
    let frame_bytes = {
        let frame = arena.ephemeral();
        frame.alloc_str("frame").len()
    };
    assert_eq!(frame_bytes, 5);
    arena.reset();
    assert_eq!(
        format!("{ONCE:?}"),
        "StaticArenaBlock { len: 4096, taken: true }"
    );
}

static RACED: StaticArenaBlock<64> = StaticArenaBlock::new();

#[test]
fn threads_racing_for_a_static_block_get_it_once() {
    let winners = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                if let Ok(block) = RACED.try_take() {
                    winners.fetch_add(1, Ordering::Relaxed);
                    let arena = block.arena();
                    assert_eq!(*arena.alloc(5u64), 5);
                }
            });
        }
    });
    assert_eq!(winners.load(Ordering::Relaxed), 1);
}

#[test]
#[should_panic(expected = "the static arena block was taken already")]
fn taking_a_static_block_twice_panics_with_the_error_s_message() {
    static TWICE: StaticArenaBlock<64> = StaticArenaBlock::new();
    let _first = TWICE.take();
    let _second = TWICE.take();
}

#[test]
fn an_arena_over_a_block_is_fixed_and_reports_no_overflow() {
    let mut block = ArenaBlock::<256>::new();
    let arena = block.arena();
    assert_eq!(arena.growth(), Growth::Fixed);
    arena.alloc_bytes(200);
    assert_eq!(
        arena.try_alloc_bytes(100),
        Err(ArenaError::CapacityExceeded {
            requested: 100,
            remaining: 56
        })
    );
    assert_eq!(arena.capacity(), 256);
    assert_eq!(arena.overflow_chunks(), 0);
    assert_eq!(arena.overflow_bytes(), 0);
    assert_eq!(arena.overflow_chunks_taken(), 0);
}

/// Without the global allocator (`--no-default-features`) nothing can grow:
/// a child asked to grow is fixed, and says so.
#[cfg(not(feature = "alloc"))]
#[test]
fn without_alloc_a_growing_child_stays_fixed() {
    let mut block = ArenaBlock::<1024>::new();
    let mut arena = block.arena();
    arena.alloc(1u64);
    {
        let mut frame = arena.ephemeral_with(Growth::UNLIMITED);
        assert_eq!(frame.growth(), Growth::Fixed);
        let room = frame.capacity();
        assert_eq!(room, 1024 - 64);
        assert_eq!(
            frame.try_alloc_bytes(room + 1),
            Err(ArenaError::CapacityExceeded {
                requested: room + 1,
                remaining: room
            })
        );
        assert_eq!(frame.alloc_bytes(room).len(), room);
        assert_eq!(frame.capacity(), room);
        assert_eq!(frame.overflow_chunks(), 0);
        assert_eq!(frame.overflow_bytes(), 0);
        frame.reset();
        assert_eq!(frame.capacity(), room);
        assert_eq!(frame.overflow_chunks_taken(), 0);
    }
    arena.reset();
    assert_eq!(arena.capacity(), 1024);
}
