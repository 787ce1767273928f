//! Model-based property test of the arena core: random allocations (random sizes
//! and alignments), nested `ephemeral()` scopes, resets and drops, run against a
//! model of the bump pointer. After every step: every live allocation is where
//! the model says, aligned, inside the block, not overlapping any other (each is
//! filled with its own byte and checked), and `used()` / `remaining()` / `peak()`
//! agree with the model. Small arenas, so exhaustion is hit often.

use core::alloc::Layout;

use arena_memory::{Arena, ArenaError};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    Alloc { size: usize, align_log2: u32 },
    AllocFromSealedParent,
    Push,
    Pop,
    Reset,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0usize..160, 0u32..7).prop_map(|(size, align_log2)| Op::Alloc { size, align_log2 }),
        1 => Just(Op::AllocFromSealedParent),
        2 => Just(Op::Push),
        2 => Just(Op::Pop),
        2 => Just(Op::Reset),
    ]
}

/// A live allocation: where it is, how long, and the byte it was filled with.
#[derive(Debug, Clone, Copy)]
struct Live {
    ptr: *mut u8,
    len: usize,
    fill: u8,
    level: usize,
}

/// The model of one arena level.
#[derive(Debug)]
struct Level {
    /// Address of the level's start.
    base: usize,
    capacity: usize,
    used: usize,
    peak: usize,
}

const LINE: usize = 64;
const MAX_CAPACITY: usize = 1200;

/// The arena's block, aligned to the cache line so that every byte is usable.
#[repr(C, align(64))]
struct Block([core::mem::MaybeUninit<u8>; MAX_CAPACITY]);

fn align_up(n: usize, align: usize) -> usize {
    n.div_ceil(align) * align
}

struct Run {
    block: (usize, usize),
    live: Vec<Live>,
    levels: Vec<Level>,
    next_fill: u8,
}

impl Run {
    fn check(&self, arena: &Arena<'_>) {
        let level = self.levels.last().unwrap();
        assert_eq!(arena.used(), level.used);
        assert_eq!(arena.capacity(), level.capacity);
        assert_eq!(arena.remaining(), level.capacity - level.used);
        assert_eq!(arena.peak(), level.peak.max(level.used));
        for live in &self.live {
            // SAFETY: the model keeps only allocations no reset has invalidated;
            // `ptr` points to `len` initialised bytes of the arena.
            let bytes = unsafe { core::slice::from_raw_parts(live.ptr, live.len) };
            assert!(
                bytes.iter().all(|&b| b == live.fill),
                "allocation {live:?} was overwritten"
            );
        }
    }

    /// Runs ops on `arena` (at depth `self.levels.len() - 1`) until a `Pop` of
    /// this level or the end of the ops.
    fn run(
        &mut self,
        arena: &mut Arena<'_>,
        ops: &mut impl Iterator<Item = Op>,
        parent: Option<&Arena<'_>>,
    ) {
        let depth = self.levels.len() - 1;
        while let Some(op) = ops.next() {
            match op {
                Op::Alloc { size, align_log2 } => {
                    let align = 1usize << align_log2;
                    let layout = Layout::from_size_align(size, align).unwrap();
                    let level = self.levels.last_mut().unwrap();
                    let offset = align_up(level.used, align);
                    let fits = offset + size <= level.capacity;
                    match arena.try_alloc_layout(layout) {
                        Ok(ptr) if size == 0 => {
                            assert_eq!(ptr.as_ptr() as usize % align, 0);
                        }
                        Ok(ptr) => {
                            assert!(fits, "allocated {size}@{align} past capacity");
                            let addr = ptr.as_ptr() as usize;
                            assert_eq!(addr, level.base + offset);
                            assert_eq!(addr % align, 0);
                            assert!(self.block.0 <= addr && addr + size <= self.block.1);
                            level.used = offset + size;
                            level.peak = level.peak.max(level.used);
                            self.next_fill = self.next_fill.wrapping_add(1).max(1);
                            // SAFETY: `ptr` is `size` fresh writable bytes.
                            unsafe { ptr.as_ptr().write_bytes(self.next_fill, size) };
                            self.live.push(Live {
                                ptr: ptr.as_ptr(),
                                len: size,
                                fill: self.next_fill,
                                level: depth,
                            });
                        }
                        Err(err) => {
                            assert!(!fits && size > 0, "{size}@{align} failed but fits: {err}");
                            let room = level.capacity - level.used;
                            let usable = room.saturating_sub(offset - level.used);
                            assert_eq!(
                                err,
                                ArenaError::CapacityExceeded {
                                    requested: size,
                                    remaining: usable
                                }
                            );
                        }
                    }
                }
                Op::AllocFromSealedParent => {
                    if let Some(parent) = parent {
                        let used = parent.used();
                        assert_eq!(parent.try_alloc(1u8), Err(ArenaError::Sealed));
                        assert_eq!(parent.try_ephemeral().unwrap_err(), ArenaError::Sealed);
                        assert_eq!(parent.used(), used);
                    }
                }
                Op::Push => {
                    let level = self.levels.last().unwrap();
                    let offset = align_up(level.used, LINE).min(level.capacity);
                    let child_level = Level {
                        base: level.base + offset,
                        capacity: level.capacity - offset,
                        used: 0,
                        peak: 0,
                    };
                    let mut child = arena.ephemeral();
                    self.levels.push(child_level);
                    self.check(&child);
                    self.run(&mut child, ops, Some(arena));
                    drop(child);
                    let child_level = self.levels.pop().unwrap();
                    self.live.retain(|l| l.level <= depth);
                    let level = self.levels.last_mut().unwrap();
                    let child_peak = child_level.peak.max(child_level.used);
                    if child_peak > 0 {
                        level.peak = level.peak.max(offset + child_peak);
                    }
                    assert!(!arena.is_sealed());
                }
                Op::Pop => {
                    if depth > 0 {
                        return;
                    }
                }
                Op::Reset => {
                    arena.reset();
                    let level = self.levels.last_mut().unwrap();
                    level.used = 0;
                    self.live.retain(|l| l.level < depth);
                }
            }
            self.check(arena);
        }
    }
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: if cfg!(miri) { 12 } else { 512 },
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn allocations_never_overlap_and_figures_agree_with_the_model(
        capacity in 1usize..MAX_CAPACITY,
        ops in proptest::collection::vec(op(), 1..if cfg!(miri) { 40 } else { 120 }),
    ) {
        let mut block = Box::new(Block([core::mem::MaybeUninit::uninit(); MAX_CAPACITY]));
        let base = block.0.as_ptr() as usize;
        let mut arena = Arena::new(&mut block.0[..capacity]);
        let mut run = Run {
            block: (base, base + capacity),
            live: Vec::new(),
            levels: vec![Level { base, capacity, used: 0, peak: 0 }],
            next_fill: 0,
        };
        run.check(&arena);
        run.run(&mut arena, &mut ops.into_iter(), None);
    }
}
