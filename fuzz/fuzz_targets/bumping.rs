//! The bump arithmetic alone, through what the public API shows of it: where
//! each allocation lands and what `used()` / `remaining()` and the errors say,
//! against a model in `u128` that cannot overflow.
//!
//! The arithmetic (`src/bumping.rs`) is crate-private, so this target drives it
//! through `Arena::builder().build` (any cache-line size, any block
//! start and length) and `try_alloc_layout` / `try_alloc_slice_uninit` with
//! any size and alignment, small (the hot path) or huge (the checked path,
//! sizes near `isize::MAX`, alignments up to `1 << 63`). No byte is written:
//! only addresses are compared.
#![no_main]

use core::alloc::Layout;
use core::mem::MaybeUninit;

use arbitrary::Arbitrary;
use arena_memory::{Arena, ArenaError};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Size {
    Small(u16),
    /// Around the hot path's limit (`size + align <= 1 << 16`).
    NearSlack(i8),
    Large(u64),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Op {
    Layout { size: Size, align_log2: u8 },
    SliceU8(Size),
    SliceU64(Size),
    SliceTriple(Size),
    SliceU128(Size),
}

#[derive(Arbitrary, Debug)]
struct Input {
    offset: u16,
    len: u32,
    cache_line: CacheLine,
    ops: Vec<Op>,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum CacheLine {
    Log2(u8),
    Any(u64),
}

const BLOCK: usize = 1 << 18;

#[repr(C, align(4096))]
struct Block([MaybeUninit<u8>; BLOCK]);

fn size_of(size: Size) -> usize {
    match size {
        Size::Small(n) => n as usize,
        Size::NearSlack(d) => ((1i64 << 16) + d as i64) as usize,
        Size::Large(n) => n as usize,
    }
}

fn align_up(addr: u128, align: u128) -> u128 {
    addr.div_ceil(align) * align
}

struct Model {
    cur: u128,
    end: u128,
}

impl Model {
    /// What allocating `size` bytes at `align` gives: the address, or the error.
    fn alloc(&mut self, size: u128, align: u128) -> Result<usize, ArenaError> {
        if size > isize::MAX as u128 {
            return Err(ArenaError::SizeOverflow);
        }
        if size == 0 {
            // A dangling pointer at the alignment itself.
            return Ok(align as usize);
        }
        let start = align_up(self.cur, align);
        if start + size <= self.end {
            self.cur = start + size;
            Ok(start as usize)
        } else {
            let pad = start - self.cur;
            Err(ArenaError::CapacityExceeded {
                requested: size as usize,
                remaining: (self.end - self.cur).saturating_sub(pad) as usize,
            })
        }
    }
}

fn slice<T>(arena: &Arena<'_>, len: usize) -> Result<usize, ArenaError> {
    arena
        .try_alloc_slice_uninit::<T>(len)
        .map(|s| s.as_ptr().addr())
}

fuzz_target!(|input: Input| {
    let mut block = Box::new(Block([MaybeUninit::uninit(); BLOCK]));
    let offset = input.offset as usize % 4096;
    let len = input.len as usize % (BLOCK - offset + 1);
    let memory = &mut block.0[offset..offset + len];
    let first = memory.as_ptr().addr() as u128;

    let cache_line = match input.cache_line {
        CacheLine::Log2(n) => 1usize.checked_shl(n as u32 % 16).unwrap_or(0),
        CacheLine::Any(n) => n as usize,
    };
    let built = Arena::builder()
        .cache_line_size(cache_line)
        .try_build(memory);
    let valid_line = cache_line.is_power_of_two() && cache_line <= 4096;
    let start = if valid_line {
        align_up(first, cache_line as u128)
    } else {
        0
    };
    let arena = match built {
        Err(err) => {
            let want = if !valid_line {
                ArenaError::InvalidCacheLineSize { size: cache_line }
            } else if len == 0 {
                ArenaError::EmptyMemory
            } else {
                assert!(start - first >= len as u128);
                ArenaError::InsufficientSpaceForAlignment {
                    alignment: cache_line,
                    available: len,
                }
            };
            assert_eq!(err, want);
            return;
        }
        Ok(arena) => arena,
    };
    assert!(valid_line && start < first + len as u128);
    let end = first + len as u128;
    assert_eq!(arena.capacity() as u128, end - start);
    let mut model = Model { cur: start, end };

    for &op in &input.ops {
        let (got, want) = match op {
            Op::Layout { size, align_log2 } => {
                let size = size_of(size);
                let align = 1usize << (align_log2 % 64);
                match Layout::from_size_align(size, align) {
                    Ok(layout) => (
                        arena.try_alloc_layout(layout).map(|p| p.as_ptr().addr()),
                        model.alloc(size as u128, align as u128),
                    ),
                    // Not a layout Rust allows: nothing to ask the arena.
                    Err(_) => {
                        assert!(size as u128 + align as u128 - 1 > isize::MAX as u128);
                        continue;
                    }
                }
            }
            Op::SliceU8(n) => {
                let n = size_of(n);
                (slice::<u8>(&arena, n), model.alloc(n as u128, 1))
            }
            Op::SliceU64(n) => {
                let n = size_of(n);
                (slice::<u64>(&arena, n), model.alloc(n as u128 * 8, 8))
            }
            Op::SliceTriple(n) => {
                let n = size_of(n);
                (slice::<[u8; 3]>(&arena, n), model.alloc(n as u128 * 3, 1))
            }
            Op::SliceU128(n) => {
                let n = size_of(n);
                let align = core::mem::align_of::<u128>() as u128;
                (slice::<u128>(&arena, n), model.alloc(n as u128 * 16, align))
            }
        };
        assert_eq!(got, want, "{op:?}");
        assert_eq!(arena.used() as u128, model.cur - start);
        assert_eq!(arena.remaining() as u128, model.end - model.cur);
        assert_eq!(arena.peak(), arena.used());
    }
});
