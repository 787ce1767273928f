//! Persistent and ephemeral regions: sealing, nesting, resets and what the
//! children report to their parents.

use arena_memory::{Arena, ArenaError};

#[test]
fn a_live_child_seals_its_parent() {
    let arena = Arena::with_capacity(1024);
    let before = arena.alloc(1u64);
    let used = arena.used();
    let frame = arena.ephemeral();
    assert!(arena.is_sealed());
    assert_eq!(arena.try_alloc(1u8), Err(ArenaError::Sealed));
    assert_eq!(arena.try_alloc_bytes(1), Err(ArenaError::Sealed));
    assert_eq!(arena.try_alloc_str("x"), Err(ArenaError::Sealed));
    assert_eq!(arena.used(), used);
    // Zero-sized values need no memory, so sealing does not stop them.
    assert!(arena.try_alloc(()).is_ok());
    // The parent's existing values are still usable.
    *before += 1;
    assert_eq!(*before, 2);
    frame.alloc(3u8);
    drop(frame);
    assert!(!arena.is_sealed());
    assert_eq!(*arena.alloc(5u8), 5);
}

#[test]
fn ephemeral_twice_is_sealed() {
    let arena = Arena::with_capacity(1024);
    let frame = arena.ephemeral();
    assert_eq!(arena.try_ephemeral().unwrap_err(), ArenaError::Sealed);
    drop(frame);
    let again = arena.try_ephemeral();
    assert!(again.is_ok());
}

#[test]
fn the_child_starts_on_a_cache_line_after_the_persistent_data() {
    let arena = Arena::builder()
        .cache_line_size(128)
        .with_capacity(4096);
    let persistent = arena.alloc_bytes(5).as_ptr() as usize;
    let frame = arena.ephemeral();
    assert_eq!(frame.cache_line_size(), 128);
    assert_eq!(frame.capacity(), arena.capacity() - 128);
    let first = frame.alloc(1u8) as *mut u8 as usize;
    assert_eq!(first % 128, 0);
    assert_eq!(first, persistent + 128);
}

#[test]
fn memory_a_dropped_child_used_is_reused_by_the_parent() {
    let arena = Arena::with_capacity(1024);
    arena.alloc(1u8);
    let child_first = {
        let frame = arena.ephemeral();
        frame.alloc_bytes(500).as_ptr() as usize
    };
    // The parent's bump pointer did not move while the child allocated...
    assert_eq!(arena.used(), 1);
    // ... and after the child is gone it can hand out that memory again.
    let big = arena.alloc_bytes(1000);
    let start = big.as_ptr() as usize;
    assert!(start < child_first && child_first < start + 1000);
}

#[test]
fn children_nest_and_each_level_seals_the_one_above() {
    let arena = Arena::with_capacity(4096);
    let cache = arena.alloc_slice_fill(4, 0u32);
    let mut frame = arena.ephemeral();
    for round in 0..10u32 {
        let rows = frame.alloc_slice_fill(8, round);
        {
            let mut scratch = frame.ephemeral();
            assert_eq!(frame.try_alloc(1u8), Err(ArenaError::Sealed));
            for k in 0..3u32 {
                let tmp = scratch.alloc_slice_fill(16, k);
                cache[k as usize] += tmp[0] + rows[0];
                scratch.reset();
            }
            assert_eq!(scratch.peak(), 64);
        }
        assert_eq!(rows.iter().sum::<u32>(), 8 * round);
        frame.alloc(1u8);
        frame.reset();
    }
    drop(frame);
    assert_eq!(cache, &[45, 55, 65, 0]);
}

#[test]
fn peaks_of_dropped_children_reach_the_parent() {
    let arena = Arena::with_capacity(4096);
    arena.alloc_bytes(10);
    {
        let mut frame = arena.ephemeral();
        frame.alloc_bytes(100);
        {
            let scratch = frame.ephemeral();
            scratch.alloc_bytes(300);
        }
        // The frame's own peak includes its dropped scratch child: its start
        // is at 128 within the frame (100 rounded up to the 64-byte line).
        assert_eq!(frame.peak(), 128 + 300);
        frame.reset();
        frame.alloc_bytes(50);
        assert_eq!(frame.used(), 50);
        assert_eq!(frame.peak(), 428);
        // While the frame lives, the parent knows only its own figures.
        assert_eq!(arena.peak(), 10);
    }
    // The frame started at 64 in the parent.
    assert_eq!(arena.peak(), 64 + 428);
    assert_eq!(arena.used(), 10);
}

#[test]
fn a_child_of_a_full_arena_is_empty_but_valid() {
    let arena = Arena::with_capacity(64);
    arena.alloc_bytes(60);
    let mut frame = arena.ephemeral();
    assert_eq!(frame.capacity(), 0);
    assert!(matches!(
        frame.try_alloc(1u8),
        Err(ArenaError::CapacityExceeded {
            requested: 1,
            remaining: 0
        })
    ));
    frame.reset();
    let nested = frame.ephemeral();
    assert_eq!(nested.capacity(), 0);
}

#[test]
fn a_parent_reset_after_a_leaked_child_unseals_it() {
    let mut arena = Arena::with_capacity(256);
    let frame = arena.ephemeral();
    frame.alloc(1u8);
    core::mem::forget(frame);
    assert_eq!(arena.try_alloc(1u8), Err(ArenaError::Sealed));
    arena.reset();
    assert!(!arena.is_sealed());
    assert_eq!(*arena.alloc(2u8), 2);
}

#[test]
fn a_child_moves_to_another_thread_and_unseals_its_parent_there() {
    let arena = Arena::with_capacity(4096);
    let persistent = arena.alloc(7u64);
    std::thread::scope(|scope| {
        let mut frame = arena.ephemeral();
        scope
            .spawn(move || {
                for i in 0..10u64 {
                    let xs = frame.alloc_slice_fill(32, i);
                    assert_eq!(xs[31], i);
                    frame.reset();
                }
                frame.alloc_bytes(100);
            })
            .join()
            .unwrap();
    });
    assert!(!arena.is_sealed());
    assert_eq!(*persistent, 7);
    assert_eq!(arena.peak(), 64 + 256);
    assert_eq!(*arena.alloc(1u16), 1);
}

#[test]
fn used_and_remaining_of_a_sealed_parent() {
    let arena = Arena::with_capacity(1024);
    arena.alloc_bytes(100);
    let frame = arena.ephemeral();
    assert_eq!(arena.used(), 100);
    assert_eq!(arena.used() + arena.remaining(), arena.capacity());
    assert_eq!(frame.capacity(), 1024 - 128);
    assert_eq!(frame.used(), 0);
}

#[test]
fn frames_reuse_the_same_memory_in_o1() {
    let arena = Arena::with_capacity(1 << 16);
    let mut frame = arena.ephemeral();
    let mut starts = Vec::new();
    for _ in 0..50 {
        starts.push(frame.alloc_bytes(1000).as_ptr() as usize);
        frame.alloc_slice_fill(100, 1u64);
        frame.reset();
    }
    assert!(starts.windows(2).all(|w| w[0] == w[1]));
    assert_eq!(frame.peak(), 1000 + 800);
}

// ----- leaked arenas over a caller's block --------------------------------------
//
// `Arena::new` takes `[MaybeUninit<u8>]`, so a leaked arena (root, child or
// grandchild) leaves nothing the caller could misread: the block is theirs
// again once the borrow ends, and reading it needs `unsafe`. What is left to
// check is that the arenas behave after a leak.

use arena_memory::ArenaBlock;
use core::mem;

#[test]
fn a_forgotten_root_gives_its_block_back_to_a_new_arena() {
    let mut block = ArenaBlock::<256>::new();
    {
        let arena = Arena::new(&mut block);
        arena.alloc((1u8, 2u32, 3u16)); // leaves uninitialised padding
        mem::forget(arena);
    }
    let arena = block.arena();
    assert_eq!(arena.used(), 0);
    assert_eq!(arena.alloc_slice_fill(32, (4u8, 5u32)).len(), 32);
}

#[test]
fn a_forgotten_child_keeps_its_parent_sealed_until_the_parent_resets() {
    let mut block = ArenaBlock::<1024>::new();
    let mut arena = Arena::new(&mut block);
    arena.alloc(1u64);
    let child = arena.ephemeral();
    child.alloc((1u8, 2u64));
    mem::forget(child);
    // The child's drop never ran: its memory may still be in use as far as
    // the parent can tell, so the parent stays sealed.
    assert!(arena.is_sealed());
    assert_eq!(arena.try_alloc(1u8), Err(ArenaError::Sealed));
    assert_eq!(arena.try_ephemeral().unwrap_err(), ArenaError::Sealed);
    // A reset proves no child is alive (it would borrow the arena).
    arena.reset();
    assert!(!arena.is_sealed());
    assert_eq!(arena.used(), 0);
    let frame = arena.ephemeral();
    assert_eq!(frame.capacity(), 1024);
    assert_eq!(frame.alloc_str("again"), "again");
}

#[test]
fn a_forgotten_grandchild_under_a_normally_dropped_root_leaves_the_block_usable() {
    let mut block = ArenaBlock::<1024>::new();
    {
        let root = Arena::new(&mut block);
        let child = root.ephemeral();
        child.alloc((9u8, 9u32));
        let grandchild = child.ephemeral();
        grandchild.alloc((7u8, 7u64));
        mem::forget(grandchild);
        assert_eq!(child.try_alloc(1u8), Err(ArenaError::Sealed));
        drop(child);
        // The child was dropped normally: the root unseals.
        assert_eq!(*root.alloc(3u8), 3);
    }
    let arena = block.arena();
    assert_eq!(arena.alloc_bytes(1024).len(), 1024);
}
