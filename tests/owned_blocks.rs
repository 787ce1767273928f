//! Memory an arena takes from the global allocator goes back to it: its own
//! block when it is dropped, overflow chunks at the reset, a block grown after
//! an overflowing frame at `shrink_to_fit` or at the drop. Leaked memory is
//! behaviour too.
//!
//! A counting global allocator keeps, per thread, the bytes allocated and not
//! yet freed while that thread's counting window is open, so the tests of this
//! binary, which run in parallel, do not see each other's memory.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use arena_memory::{Arena, Growth};

struct CountingAllocator;

thread_local! {
    /// Whether this thread's counting window is open.
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    /// Bytes allocated minus bytes freed on this thread while counting.
    static LIVE_BYTES: Cell<isize> = const { Cell::new(0) };
    /// Blocks allocated minus blocks freed on this thread while counting.
    static LIVE_BLOCKS: Cell<isize> = const { Cell::new(0) };
    /// Calls to `alloc`, `alloc_zeroed` and `realloc` on this thread while
    /// counting.
    static CALLS: Cell<usize> = const { Cell::new(0) };
}

/// Adds `blocks` blocks of `bytes` bytes in all to this thread's figures, and
/// the call if `call` (a request for memory), if its window is open.
fn count(call: bool, blocks: isize, bytes: isize) {
    // `try_with`: the allocator may run while this thread's locals are torn down.
    if COUNTING.try_with(Cell::get).unwrap_or(false) {
        if call {
            let _ = CALLS.try_with(|n| n.set(n.get() + 1));
        }
        let _ = LIVE_BLOCKS.try_with(|n| n.set(n.get() + blocks));
        let _ = LIVE_BYTES.try_with(|n| n.set(n.get() + bytes));
    }
}

fn signed(size: usize) -> isize {
    isize::try_from(size).unwrap()
}

// SAFETY: every call is forwarded to `System` with the caller's arguments; the
// counters and the thread-local flag (const-initialised, so reading them does
// not allocate) are the only additions.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's promises for `alloc` are `System`'s.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            count(true, 1, signed(layout.size()));
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            count(true, 1, signed(layout.size()));
        }
        ptr
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's promises for `realloc` are `System`'s.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            count(true, 0, signed(new_size) - signed(layout.size()));
        }
        new
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(false, -1, -signed(layout.size()));
        // SAFETY: the caller's promises for `dealloc` are `System`'s.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// The blocks and bytes this thread holds from the global allocator, counted
/// since the first call of [`counting`].
fn live() -> (isize, isize) {
    (LIVE_BLOCKS.with(Cell::get), LIVE_BYTES.with(Cell::get))
}

/// Runs `f` with this thread's counting window open, from zero.
fn counting<R>(f: impl FnOnce() -> R) -> R {
    LIVE_BLOCKS.with(|n| n.set(0));
    LIVE_BYTES.with(|n| n.set(0));
    CALLS.with(|n| n.set(0));
    COUNTING.with(|c| c.set(true));
    let result = f();
    COUNTING.with(|c| c.set(false));
    result
}

/// The calls for memory this thread made to the global allocator, counted
/// since the first call of [`counting`].
fn calls() -> usize {
    CALLS.with(Cell::get)
}

#[test]
fn an_arena_that_never_grew_makes_no_heap_call_to_reset_or_shrink() {
    counting(|| {
        let mut arena = Arena::builder()
            .growth(Growth::UNLIMITED)
            .with_capacity(4096);
        assert_eq!(calls(), 1);
        arena.alloc_bytes(4000);
        arena.reset();
        arena.shrink_to_fit();
        assert_eq!(arena.capacity(), 4096);
        assert_eq!(calls(), 1, "no allocation after the arena's own block");
        assert_eq!(live(), (1, 4096));
    });
}

#[test]
fn an_owned_block_is_freed_when_the_arena_is_dropped() {
    counting(|| {
        let arena = Arena::with_capacity(4096);
        assert_eq!(live(), (1, 4096));
        arena.alloc_bytes(100);
        drop(arena);
        assert_eq!(live(), (0, 0));
    });
}

#[test]
fn overflow_chunks_are_freed_at_the_reset_and_the_settled_home_at_the_drop() {
    counting(|| {
        let mut arena = Arena::builder()
            .growth(Growth::UNLIMITED)
            .with_capacity(1024);
        assert_eq!(live(), (1, 1024));
        arena.alloc_bytes(3000);
        arena.alloc_bytes(20_000);
        assert_eq!(arena.overflow_chunks(), 2);
        assert_eq!(live(), (3, 1024 + signed(arena.overflow_bytes())));

        // The chunks and the first home go; one home sized for the frame stays.
        arena.reset();
        assert_eq!(arena.overflow_chunks(), 0);
        assert!(arena.capacity() > 23_000);
        assert_eq!(live(), (1, signed(arena.capacity())));

        // A frame that fits takes nothing more.
        arena.alloc_bytes(20_000);
        arena.reset();
        assert_eq!(live(), (1, signed(arena.capacity())));

        // Back to a block of the initial capacity.
        arena.shrink_to_fit();
        assert_eq!(arena.capacity(), 1024);
        assert_eq!(live(), (1, 1024));

        drop(arena);
        assert_eq!(live(), (0, 0));
    });
}

#[test]
fn chunks_still_held_are_freed_when_the_arena_is_dropped() {
    counting(|| {
        let arena = Arena::builder()
            .growth(Growth::UNLIMITED)
            .with_capacity(1024);
        arena.alloc_bytes(10_000);
        assert_eq!(live().0, 2);
        drop(arena);
        assert_eq!(live(), (0, 0));
    });
}

#[test]
fn a_growing_child_frees_its_chunks_and_its_grown_home() {
    counting(|| {
        let parent = Arena::with_capacity(4096);
        let parent_block = live();
        assert_eq!(parent_block, (1, 4096));
        {
            let mut frame = parent.ephemeral_growing();
            frame.alloc_bytes(10_000);
            assert_eq!(frame.overflow_chunks(), 1);
            assert_eq!(live().0, 2);
            // The child's home was the parent's memory: the block grown for
            // the frame is the child's own, and the chunk is freed.
            frame.reset();
            assert!(frame.capacity() >= 10_000);
            assert_eq!(
                live(),
                (2, parent_block.1 + signed(frame.capacity())),
                "the chunk is freed, the grown home is held"
            );
            frame.alloc_bytes(10_000);
            frame.reset();
            assert_eq!(live().0, 2);
            // Back to the parent's memory.
            frame.shrink_to_fit();
            assert_eq!(live(), parent_block);

            // Grown again, then dropped with the grown home.
            frame.alloc_bytes(10_000);
            frame.reset();
            assert_eq!(live().0, 2);
        }
        assert_eq!(live(), parent_block);
        drop(parent);
        assert_eq!(live(), (0, 0));
    });
}
