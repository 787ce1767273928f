//! Operation streams over an arena with nested ephemeral scopes and resets,
//! checked against a model of every level's bump pointer after every step.
//!
//! The model knows each level's start address, capacity, `used` and `peak`, and
//! every live allocation with the byte it was filled with. After every step:
//! the arena's figures equal the model's, every live allocation (persistent
//! ones included, across any number of child resets) still holds its byte, and
//! failures return exactly the model's `ArenaError` and change nothing.
#![no_main]

use core::alloc::Layout;
use core::mem::MaybeUninit;

use arbitrary::Arbitrary;
use arena_memory::{Arena, ArenaError};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Op {
    /// `try_alloc_layout` of `size` bytes at `1 << (align_log2 % 13)`.
    Alloc { size: u16, align_log2: u8 },
    /// `try_alloc_slice_uninit::<u64>` with any length: overflow and huge sizes.
    AllocSliceU64 { len: u64 },
    /// `try_alloc_bytes` of a size near `isize::MAX` / `usize::MAX`.
    AllocHuge { below_max: u16, signed: bool },
    /// A zero-sized allocation: always succeeds, takes nothing.
    AllocZst,
    /// `ephemeral()`: run the following ops in a child, until `Pop`.
    Push,
    /// Drop the current child and go back to its parent.
    Pop,
    /// Reset the current level.
    Reset,
    /// Allocate from the sealed parent of the current level: `Sealed`.
    AllocFromSealedParent { size: u8 },
    /// `ephemeral()` on the sealed parent a second time: `Sealed`.
    EphemeralTwice,
}

#[derive(Arbitrary, Debug)]
struct Input {
    capacity: u16,
    offset: u8,
    cache_line_log2: u8,
    ops: Vec<Op>,
}

const BLOCK: usize = 1 << 14;
const MAX_DEPTH: usize = 6;

#[repr(C, align(4096))]
struct Block([MaybeUninit<u8>; BLOCK]);

#[derive(Debug)]
struct Level {
    start: usize,
    capacity: usize,
    used: usize,
    /// The recorded peak (the arena's `peak` field plus what dropped children
    /// reported); the live figure is `max(peak, used)`.
    peak: usize,
    /// Offset of this level's start in its parent.
    offset_in_parent: usize,
}

#[derive(Debug)]
struct Live {
    ptr: *const u8,
    len: usize,
    fill: u8,
    level: usize,
}

struct Model {
    levels: Vec<Level>,
    live: Vec<Live>,
    next_fill: u8,
    cache_line: usize,
    end: usize,
}

impl Model {
    fn top(&mut self) -> &mut Level {
        self.levels.last_mut().unwrap()
    }

    fn check(&self, arena: &Arena<'_>) {
        let level = self.levels.last().unwrap();
        assert_eq!(arena.capacity(), level.capacity);
        assert_eq!(arena.used(), level.used);
        assert_eq!(arena.remaining(), level.capacity - level.used);
        assert_eq!(arena.peak(), level.peak.max(level.used));
        assert!(!arena.is_sealed());
        for live in &self.live {
            // SAFETY: the model forgets an allocation when its level is reset or
            // dropped, so `ptr` is `len` bytes the arena handed out and that
            // no other live allocation covers.
            let bytes = unsafe { core::slice::from_raw_parts(live.ptr, live.len) };
            assert!(
                bytes.iter().all(|&b| b == live.fill),
                "allocation of level {} clobbered",
                live.level
            );
        }
    }

    /// The model of an allocation of `size` bytes at `align` on the top level.
    fn alloc(&mut self, size: u128, align: usize) -> Result<usize, ArenaError> {
        let level = self.levels.last().unwrap();
        let cur = level.start + level.used;
        let pad = (cur.next_multiple_of(align) - cur) as u128;
        let room = (level.capacity - level.used) as u128;
        if pad + size <= room {
            let at = cur + pad as usize;
            self.top().used += pad as usize + size as usize;
            Ok(at)
        } else {
            Err(ArenaError::CapacityExceeded {
                requested: size as usize,
                remaining: (room.saturating_sub(pad)) as usize,
            })
        }
    }

    fn record(&mut self, ptr: *mut u8, len: usize) {
        let fill = self.next_fill;
        self.next_fill = self.next_fill.wrapping_add(1).max(1);
        // SAFETY: `ptr` is a fresh allocation of `len` bytes.
        unsafe { core::ptr::write_bytes(ptr, fill, len) };
        let level = self.levels.len() - 1;
        self.live.push(Live {
            ptr,
            len,
            fill,
            level,
        });
    }
}

/// Runs ops on `arena` (the top level of the model) until `Pop` or the end.
fn run_level<'p>(
    arena: &mut Arena<'_>,
    parent: Option<&Arena<'p>>,
    model: &mut Model,
    ops: &mut core::slice::Iter<'_, Op>,
) {
    model.check(arena);
    while let Some(&op) = ops.next() {
        match op {
            Op::Alloc { size, align_log2 } => {
                let align = 1usize << (align_log2 % 13);
                let layout = Layout::from_size_align(size as usize, align).unwrap();
                let got = arena.try_alloc_layout(layout);
                if size == 0 {
                    let ptr = got.expect("zero-sized allocations never fail");
                    assert_eq!(ptr.as_ptr().addr() % align, 0);
                } else {
                    let want = model.alloc(size as u128, align);
                    match (got, want) {
                        (Ok(ptr), Ok(at)) => {
                            assert_eq!(ptr.as_ptr().addr(), at);
                            assert!(arena.contains(ptr.as_ptr()));
                            model.record(ptr.as_ptr(), size as usize);
                        }
                        (got, want) => assert_eq!(got.map(|p| p.as_ptr().addr()), want),
                    }
                }
            }
            Op::AllocSliceU64 { len } => {
                let len = len as usize;
                let got = arena.try_alloc_slice_uninit::<u64>(len);
                match len.checked_mul(8).filter(|&n| n <= isize::MAX as usize) {
                    None => assert_eq!(got.err(), Some(ArenaError::SizeOverflow)),
                    Some(0) => assert!(got.unwrap().is_empty()),
                    Some(bytes) => {
                        let want = model.alloc(bytes as u128, 8);
                        match (got, want) {
                            (Ok(slots), Ok(at)) => {
                                assert_eq!(slots.len(), len);
                                assert_eq!(slots.as_ptr().addr(), at);
                                model.record(slots.as_mut_ptr().cast(), bytes);
                            }
                            (got, want) => {
                                assert_eq!(got.map(|s| s.as_ptr().addr()), want)
                            }
                        }
                    }
                }
            }
            Op::AllocHuge { below_max, signed } => {
                let top = if signed {
                    isize::MAX as usize + 1
                } else {
                    usize::MAX
                };
                let len = top - below_max as usize;
                let got = arena.try_alloc_bytes(len);
                if len > isize::MAX as usize {
                    assert_eq!(got, Err(ArenaError::SizeOverflow));
                } else {
                    let want = model.alloc(len as u128, 1);
                    assert_eq!(got.map(|b| b.as_ptr().addr()), want);
                }
            }
            Op::AllocZst => {
                let unit = arena
                    .try_alloc(())
                    .expect("zero-sized allocations never fail");
                assert_eq!(*unit, ());
                let slice = arena.try_alloc_slice_uninit::<()>(usize::MAX).unwrap();
                assert_eq!(slice.len(), usize::MAX);
            }
            Op::Push => {
                if model.levels.len() >= MAX_DEPTH {
                    continue;
                }
                let mut child = arena.try_ephemeral().expect("no child is alive");
                let level = model.levels.last().unwrap();
                let cur = level.start + level.used;
                let pad = cur.next_multiple_of(model.cache_line) - cur;
                let room = model.end - cur;
                let start = if pad < room { cur + pad } else { model.end };
                let offset_in_parent = start - level.start;
                model.levels.push(Level {
                    start,
                    capacity: model.end - start,
                    used: 0,
                    peak: 0,
                    offset_in_parent,
                });
                assert!(arena.is_sealed());
                run_level(&mut child, Some(arena), model, ops);
                drop(child);
                let gone = model.levels.pop().unwrap();
                let child_peak = gone.peak.max(gone.used);
                let depth = model.levels.len();
                model.live.retain(|live| live.level < depth);
                if child_peak > 0 {
                    let top = model.top();
                    top.peak = top.peak.max(gone.offset_in_parent + child_peak);
                }
                assert!(!arena.is_sealed());
                model.check(arena);
            }
            Op::Pop => return,
            Op::Reset => {
                arena.reset();
                let depth = model.levels.len() - 1;
                model.live.retain(|live| live.level < depth);
                let top = model.top();
                top.peak = top.peak.max(top.used);
                top.used = 0;
            }
            Op::AllocFromSealedParent { size } => {
                if let Some(parent) = parent {
                    let used = parent.used();
                    let peak = parent.peak();
                    assert!(parent.is_sealed());
                    let got = parent.try_alloc_bytes(size as usize + 1);
                    assert_eq!(got, Err(ArenaError::Sealed));
                    // Zero-sized allocations need no memory, so they work.
                    assert!(parent.try_alloc(()).is_ok());
                    assert_eq!((parent.used(), parent.peak()), (used, peak));
                }
            }
            Op::EphemeralTwice => {
                if let Some(parent) = parent {
                    assert_eq!(parent.try_ephemeral().err(), Some(ArenaError::Sealed));
                    assert!(parent.is_sealed());
                }
            }
        }
        model.check(arena);
    }
}

fuzz_target!(|input: Input| {
    let mut block = Box::new(Block([MaybeUninit::uninit(); BLOCK]));
    let offset = input.offset as usize;
    let len = (input.capacity as usize) % (BLOCK - offset);
    let cache_line = 1usize << (input.cache_line_log2 % 13);
    exercise(&mut block.0[offset..offset + len], cache_line, &input.ops);
});

fn exercise(memory: &mut [MaybeUninit<u8>], cache_line: usize, ops: &[Op]) {
    let len = memory.len();
    let first = memory.as_ptr().addr();
    let end = first + len;
    let built = Arena::builder().cache_line_size(cache_line).try_build(memory);
    let mut arena = match built {
        Ok(arena) => arena,
        Err(err) => {
            if len == 0 {
                assert_eq!(err, ArenaError::EmptyMemory);
            } else {
                assert!(first.next_multiple_of(cache_line) - first >= len);
                assert_eq!(
                    err,
                    ArenaError::InsufficientSpaceForAlignment {
                        alignment: cache_line,
                        available: len,
                    }
                );
            }
            return;
        }
    };
    let start = first.next_multiple_of(cache_line);
    assert!(start < end);
    let mut model = Model {
        levels: vec![Level {
            start,
            capacity: end - start,
            used: 0,
            peak: 0,
            offset_in_parent: 0,
        }],
        live: Vec::new(),
        next_fill: 1,
        cache_line,
        end,
    };
    let mut ops = ops.iter();
    // Ops after a `Pop` at the root run on the root again.
    while ops.len() > 0 {
        run_level(&mut arena, None, &mut model, &mut ops);
    }
}
