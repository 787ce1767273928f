//! The bad-input table (the README's Reliability section): one test per row. Each hostile input
//! returns the documented `ArenaError`, with its numbers, or works (zero-sized
//! types); never panics through a `try_` method; and leaves the arena's
//! figures exactly as they were, with a normal allocation still working after.

use core::alloc::Layout;
use core::mem::MaybeUninit;

use arena_memory::{Arena, ArenaError, ArenaHashMap, ArenaStr, ArenaVec};

/// A block aligned to 64 bytes, so that Miri's symbolic alignment check can
/// prove where the arena starts (a plain `[u8; N]` proves no alignment).
#[repr(C, align(64))]
struct Block<const N: usize>([MaybeUninit<u8>; N]);

/// A block aligned to a page, for alignments larger than the cache line.
#[repr(C, align(4096))]
struct Page<const N: usize>([MaybeUninit<u8>; N]);

/// What a failed operation must not change.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
struct Figures {
    capacity: usize,
    used: usize,
    remaining: usize,
    peak: usize,
    sealed: bool,
}

fn figures(arena: &Arena<'_>) -> Figures {
    Figures {
        capacity: arena.capacity(),
        used: arena.used(),
        remaining: arena.remaining(),
        peak: arena.peak(),
        sealed: arena.is_sealed(),
    }
}

/// Runs `op` on `arena`, asserts it fails with `want` and changes nothing.
#[track_caller]
fn fails_unchanged<T: core::fmt::Debug>(
    arena: &Arena<'_>,
    want: ArenaError,
    op: impl FnOnce() -> Result<T, ArenaError>,
) {
    let before = figures(arena);
    let got = op();
    assert_eq!(got.map(|_| ()), Err(want));
    assert_eq!(
        figures(arena),
        before,
        "a failed operation changed the arena"
    );
}

/// A normal allocation still works, and lands where the bump pointer was.
#[track_caller]
fn still_usable(arena: &Arena<'_>) {
    let used = arena.used();
    let value = arena.try_alloc(0x5Au8).expect("a one-byte allocation fits");
    assert_eq!(*value, 0x5A);
    assert_eq!(arena.used(), used + 1);
    let s = arena.try_alloc_str("ok").expect("a two-byte string fits");
    assert_eq!(s, "ok");
}

// ----- the block ------------------------------------------------------------------

#[test]
fn bad_input_zero_length_block() {
    let mut empty: [MaybeUninit<u8>; 0] = [];
    assert_eq!(Arena::try_new(&mut empty).unwrap_err(), ArenaError::EmptyMemory);
    assert_eq!(
        Arena::try_with_capacity(0).unwrap_err(),
        ArenaError::EmptyMemory
    );
    assert_eq!(
        Arena::builder()
            .cache_line_size(1)
            .try_build(&mut empty)
            .unwrap_err(),
        ArenaError::EmptyMemory
    );
    // The same calls with a byte work.
    let mut block = Block([MaybeUninit::uninit(); 64]);
    let arena = Arena::new(&mut block.0[..1]);
    assert_eq!(arena.capacity(), 1);
    assert_eq!(*arena.alloc(7u8), 7);
}

#[test]
fn bad_input_tiny_block() {
    // One aligned byte: a `u8` fits, a `u16` does not, and the failure says so.
    let mut block = Block([MaybeUninit::uninit(); 64]);
    let arena = Arena::new(&mut block.0[..1]);
    assert_eq!(arena.capacity(), 1);
    fails_unchanged(
        &arena,
        ArenaError::CapacityExceeded {
            requested: 2,
            remaining: 1,
        },
        || arena.try_alloc(1u16),
    );
    fails_unchanged(
        &arena,
        ArenaError::CapacityExceeded {
            requested: 2,
            remaining: 1,
        },
        || arena.try_alloc_bytes(2),
    );
    assert_eq!(*arena.try_alloc(9u8).unwrap(), 9);
    assert_eq!(arena.remaining(), 0);
    fails_unchanged(
        &arena,
        ArenaError::CapacityExceeded {
            requested: 1,
            remaining: 0,
        },
        || arena.try_alloc(1u8),
    );
    // A child of a full arena is valid, and empty.
    let frame = arena.ephemeral();
    assert_eq!(frame.capacity(), 0);
    fails_unchanged(
        &frame,
        ArenaError::CapacityExceeded {
            requested: 1,
            remaining: 0,
        },
        || frame.try_alloc(1u8),
    );
    drop(frame);
    drop(arena);

    // Ten bytes that never reach a 64-byte boundary.
    let mut block = Block([MaybeUninit::uninit(); 128]);
    assert_eq!(
        Arena::try_new(&mut block.0[1..11]).unwrap_err(),
        ArenaError::InsufficientSpaceForAlignment {
            alignment: 64,
            available: 10,
        }
    );
    let arena = Arena::new(&mut block.0[1..]);
    assert_eq!(arena.capacity(), 64);
    still_usable(&arena);
}

#[test]
fn bad_input_misaligned_block_start() {
    let mut block = Block([MaybeUninit::uninit(); 256]);
    let aligned_start = block.0.as_ptr() as usize;
    {
        // The arena starts at the first cache line inside the block.
        let arena = Arena::new(&mut block.0[1..]);
        assert_eq!(arena.capacity(), 256 - 64);
        let x = arena.alloc(1u64) as *mut u64 as usize;
        assert_eq!(x, aligned_start + 64);
        still_usable(&arena);
    }
    {
        // With a cache line of 1 every byte is usable, and each allocation is
        // still aligned for its type.
        let arena = Arena::builder()
            .cache_line_size(1)
            .build(&mut block.0[1..]);
        assert_eq!(arena.capacity(), 255);
        let byte = arena.alloc(1u8) as *mut u8 as usize;
        assert_eq!(byte, aligned_start + 1);
        let word = arena.alloc(2u64) as *mut u64 as usize;
        assert_eq!(word, aligned_start + 8);
        assert_eq!(arena.used(), 15);
        // 7 bytes of padding before the next `u64`; 240 bytes left.
        fails_unchanged(
            &arena,
            ArenaError::CapacityExceeded {
                requested: 248,
                remaining: 240,
            },
            || arena.try_alloc_slice_fill(31, 0u64),
        );
        still_usable(&arena);
    }
}

// ----- cache-line sizes ---------------------------------------------------------------

#[track_caller]
fn rejects_cache_line(size: usize) {
    let want = ArenaError::InvalidCacheLineSize { size };
    let builder = Arena::builder().cache_line_size(size);
    let mut block = Block([MaybeUninit::uninit(); 256]);
    assert_eq!(builder.try_build(&mut block.0).unwrap_err(), want);
    assert_eq!(builder.try_with_capacity(1024).unwrap_err(), want);
    // Checked before the memory: an empty block reports the cache line.
    assert_eq!(builder.try_build(&mut []).unwrap_err(), want);
    // The block still makes an arena with a valid size.
    let arena = Arena::builder()
        .cache_line_size(64)
        .build(&mut block.0);
    still_usable(&arena);
}

#[test]
fn bad_input_cache_line_zero() {
    rejects_cache_line(0);
}

#[test]
fn bad_input_cache_line_three() {
    rejects_cache_line(3);
}

#[test]
fn bad_input_cache_line_1_shl_40() {
    rejects_cache_line(1 << 40);
    // The largest accepted is a page; one past it is refused.
    rejects_cache_line(8192);
    rejects_cache_line(usize::MAX);
}

// ----- sizes ------------------------------------------------------------------------

#[test]
fn bad_input_usize_max_bytes() {
    let mut block = Block([MaybeUninit::uninit(); 256]);
    let arena = Arena::new(&mut block.0);
    arena.alloc(1u32);
    fails_unchanged(&arena, ArenaError::SizeOverflow, || {
        arena.try_alloc_bytes(usize::MAX)
    });
    fails_unchanged(&arena, ArenaError::SizeOverflow, || {
        arena.try_alloc_slice_uninit::<u8>(usize::MAX)
    });
    fails_unchanged(&arena, ArenaError::SizeOverflow, || {
        arena.try_alloc_slice_fill(usize::MAX, 0u8)
    });
    let mut v = ArenaVec::<u8>::new_in(&arena);
    v.push(1);
    fails_unchanged(&arena, ArenaError::SizeOverflow, || {
        v.try_reserve(usize::MAX)
    });
    assert_eq!(v, [1]);
    let mut s = ArenaStr::new_in(&arena);
    fails_unchanged(&arena, ArenaError::SizeOverflow, || {
        s.try_reserve(usize::MAX)
    });
    assert_eq!(s.capacity(), 0);
    // An owned block of `usize::MAX` bytes is refused before the allocator is
    // asked.
    assert_eq!(
        Arena::try_with_capacity(usize::MAX).unwrap_err(),
        ArenaError::SizeOverflow
    );
    still_usable(&arena);
}

#[test]
fn bad_input_isize_max_plus_one_bytes() {
    let mut block = Block([MaybeUninit::uninit(); 256]);
    let arena = Arena::new(&mut block.0);
    arena.alloc(1u8);
    let too_big = isize::MAX as usize + 1;
    fails_unchanged(&arena, ArenaError::SizeOverflow, || {
        arena.try_alloc_bytes(too_big)
    });
    fails_unchanged(&arena, ArenaError::SizeOverflow, || {
        ArenaVec::<u8>::with_capacity_in(too_big, &arena)
    });
    // `isize::MAX` itself is a valid size that does not fit.
    fails_unchanged(
        &arena,
        ArenaError::CapacityExceeded {
            requested: isize::MAX as usize,
            remaining: 255,
        },
        || arena.try_alloc_bytes(isize::MAX as usize),
    );
    let layout = Layout::from_size_align(isize::MAX as usize, 1).unwrap();
    fails_unchanged(
        &arena,
        ArenaError::CapacityExceeded {
            requested: isize::MAX as usize,
            remaining: 255,
        },
        || arena.try_alloc_layout(layout),
    );
    // Rounded up to the cache line it no longer fits in `isize::MAX`.
    assert_eq!(
        Arena::try_with_capacity(too_big - 1).unwrap_err(),
        ArenaError::SizeOverflow
    );
    still_usable(&arena);
}

#[test]
fn bad_input_slice_byte_size_overflows() {
    let mut block = Block([MaybeUninit::uninit(); 256]);
    let arena = Arena::new(&mut block.0);
    arena.alloc(1u16);
    // 2^60 elements of 8 bytes: 2^63 bytes, one past `isize::MAX`.
    let len = (isize::MAX as usize) / 8 + 1;
    fails_unchanged(&arena, ArenaError::SizeOverflow, || {
        arena.try_alloc_slice_fill(len, 0u64)
    });
    fails_unchanged(&arena, ArenaError::SizeOverflow, || {
        arena.try_alloc_slice_zeroed::<u64>(len)
    });
    fails_unchanged(&arena, ArenaError::SizeOverflow, || {
        arena.try_alloc_slice_uninit::<u64>(len)
    });
    // A product that wraps `usize`: 2^63 elements of 4 bytes.
    let wraps = usize::MAX / 2 + 1;
    fails_unchanged(&arena, ArenaError::SizeOverflow, || {
        arena.try_alloc_slice_uninit::<u32>(wraps)
    });
    fails_unchanged(&arena, ArenaError::SizeOverflow, || {
        ArenaVec::<u64>::with_capacity_in(len, &arena)
    });
    let mut v = ArenaVec::<u64>::from_slice_in(&[1, 2], &arena);
    let before = figures(&arena);
    assert_eq!(v.try_reserve(len), Err(ArenaError::SizeOverflow));
    assert_eq!(v.try_resize(len, 0), Err(ArenaError::SizeOverflow));
    assert_eq!(figures(&arena), before);
    assert_eq!(v, [1, 2]);
    // One element fewer is a valid size that does not fit.
    fails_unchanged(
        &arena,
        ArenaError::CapacityExceeded {
            requested: (len - 1) * 8,
            remaining: 256 - 24,
        },
        || arena.try_alloc_slice_uninit::<u64>(len - 1),
    );
    still_usable(&arena);
}

#[test]
fn bad_input_alignment_larger_than_block() {
    // The block starts 64 bytes past a page, so no 4096-aligned address is
    // inside its 256 bytes.
    let mut page = Page([MaybeUninit::uninit(); 8192]);
    let arena = Arena::new(&mut page.0[64..64 + 256]);
    assert_eq!(arena.capacity(), 256);
    arena.alloc(1u8);
    for align_log2 in [12, 20, 40, 62] {
        let layout = Layout::from_size_align(8, 1 << align_log2).unwrap();
        fails_unchanged(
            &arena,
            ArenaError::CapacityExceeded {
                requested: 8,
                remaining: 0,
            },
            || arena.try_alloc_layout(layout),
        );
    }
    // The same from a frame arena.
    {
        let frame = arena.ephemeral();
        let layout = Layout::from_size_align(1, 4096).unwrap();
        fails_unchanged(
            &frame,
            ArenaError::CapacityExceeded {
                requested: 1,
                remaining: 0,
            },
            || frame.try_alloc_layout(layout),
        );
    }
    // A zero-sized layout needs no memory at any alignment.
    let zst = Layout::from_size_align(0, 1 << 20).unwrap();
    let before = figures(&arena);
    let ptr = arena.try_alloc_layout(zst).unwrap();
    assert_eq!(ptr.as_ptr() as usize % (1 << 20), 0);
    assert_eq!(figures(&arena), before);
    still_usable(&arena);
}

// ----- types ------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(align(4096))]
struct AlignedMarker;

#[test]
fn bad_input_zero_sized_types() {
    let mut block = Block([MaybeUninit::uninit(); 64]);
    let arena = Arena::new(&mut block.0);
    // Fill the arena: zero-sized values still work, and take nothing.
    arena.alloc_bytes(64);
    let before = figures(&arena);
    assert_eq!(*arena.try_alloc(()).unwrap(), ());
    assert_eq!(*arena.try_alloc(Marker).unwrap(), Marker);
    let aligned = arena.try_alloc(AlignedMarker).unwrap();
    assert_eq!(aligned as *mut AlignedMarker as usize % 4096, 0);
    assert_eq!(arena.try_alloc([0u64; 0]).unwrap().len(), 0);
    // `usize::MAX` zero-sized slots take no memory. (Not `alloc_slice_fill`:
    // it writes each element, a loop the optimiser removes but a debug build
    // runs `usize::MAX` times.)
    let many = arena.try_alloc_slice_uninit::<Marker>(usize::MAX).unwrap();
    assert_eq!(many.len(), usize::MAX);
    assert_eq!(
        arena.try_alloc_slice_fill(1000, Marker).unwrap().len(),
        1000
    );
    assert_eq!(arena.try_alloc_slice_copy(&[(); 1000]).unwrap().len(), 1000);
    let mut v = ArenaVec::<Marker>::new_in(&arena);
    assert_eq!(v.capacity(), usize::MAX);
    for _ in 0..100 {
        v.try_push(Marker).unwrap();
    }
    assert_eq!(v.len(), 100);
    assert_eq!(v.try_reserve(usize::MAX), Err(ArenaError::SizeOverflow));
    assert_eq!(v.len(), 100);
    assert_eq!(figures(&arena), before);
    // And from a sealed parent.
    let frame = arena.ephemeral();
    assert!(arena.try_alloc(Marker).is_ok());
    drop(frame);
    // The full arena is still an arena: after a reset it allocates again.
    let mut arena = arena;
    arena.reset();
    still_usable(&arena);
}

// ----- regions ----------------------------------------------------------------------

#[test]
fn bad_input_alloc_from_sealed_parent() {
    let mut block = Block([MaybeUninit::uninit(); 512]);
    let arena = Arena::new(&mut block.0);
    let persistent = arena.alloc(41u64);
    let mut cache = ArenaVec::<u32>::with_capacity_in(1, &arena).unwrap();
    let mut name = ArenaStr::from_str_in("n", &arena);
    let frame = arena.ephemeral();
    frame.alloc_bytes(10);
    let frame_before = figures(&frame);
    fails_unchanged(&arena, ArenaError::Sealed, || arena.try_alloc(1u8));
    fails_unchanged(&arena, ArenaError::Sealed, || arena.try_alloc_bytes(1));
    fails_unchanged(&arena, ArenaError::Sealed, || arena.try_alloc_str("x"));
    fails_unchanged(&arena, ArenaError::Sealed, || {
        arena.try_alloc_layout(Layout::new::<u64>())
    });
    fails_unchanged(&arena, ArenaError::Sealed, || {
        ArenaVec::<u8>::with_capacity_in(4, &arena)
    });
    fails_unchanged(&arena, ArenaError::Sealed, || {
        ArenaHashMap::<u8, u8>::with_capacity_in(4, &arena)
    });
    // Collections of the parent keep working within their capacity.
    cache.push(1);
    fails_unchanged(&arena, ArenaError::Sealed, || cache.try_push(2));
    assert_eq!(cache, [1]);
    fails_unchanged(&arena, ArenaError::Sealed, || name.try_push_str("ame"));
    assert_eq!(name, "n");
    // The child did not notice.
    assert_eq!(figures(&frame), frame_before);
    *persistent += 1;
    drop(frame);
    assert_eq!(*persistent, 42);
    still_usable(&arena);
    cache.push(2);
    assert_eq!(cache, [1, 2]);
}

#[test]
fn bad_input_ephemeral_twice() {
    let mut block = Block([MaybeUninit::uninit(); 512]);
    let arena = Arena::new(&mut block.0);
    arena.alloc(1u8);
    let frame = arena.ephemeral();
    let label = frame.alloc_str("frame");
    fails_unchanged(&arena, ArenaError::Sealed, || arena.try_ephemeral());
    fails_unchanged(&arena, ArenaError::Sealed, || arena.try_ephemeral());
    // The first child is unaffected, and nests a grandchild of its own.
    assert_eq!(label, "frame");
    {
        let scratch = frame.ephemeral();
        fails_unchanged(&frame, ArenaError::Sealed, || frame.try_ephemeral());
        still_usable(&scratch);
    }
    still_usable(&frame);
    drop(frame);
    // Once the child is gone, `ephemeral` works again.
    let again = arena.ephemeral();
    still_usable(&again);
}

// ----- hash-map capacities ------------------------------------------------------------

#[test]
fn bad_input_hash_map_capacity_zero() {
    let mut block = Block([MaybeUninit::uninit(); 1024]);
    let arena = Arena::new(&mut block.0);
    let before = figures(&arena);
    let mut map = ArenaHashMap::<u32, u32>::with_capacity_in(0, &arena).unwrap();
    // A capacity of 0 allocates nothing, and every new key is refused.
    assert_eq!(figures(&arena), before);
    assert_eq!(map.capacity(), 0);
    fails_unchanged(&arena, ArenaError::CollectionFull { capacity: 0 }, || {
        map.try_insert(1, 1)
    });
    assert!(map.is_empty());
    assert_eq!(map.get(&1), None);
    assert_eq!(map.remove(&1), None);
    // Growing it explicitly works.
    map.try_reserve(1).unwrap();
    assert_eq!(map.try_insert(1, 10), Ok(None));
    assert_eq!(map.get(&1), Some(&10));
    still_usable(&arena);
}

#[test]
fn bad_input_hash_map_capacity_usize_max() {
    let mut block = Block([MaybeUninit::uninit(); 1024]);
    let arena = Arena::new(&mut block.0);
    arena.alloc(1u8);
    // Twice the capacity (the table's load) overflows `usize`.
    fails_unchanged(&arena, ArenaError::SizeOverflow, || {
        ArenaHashMap::<u32, u32>::with_capacity_in(usize::MAX, &arena)
    });
    // hashbrown's own size math overflows.
    fails_unchanged(&arena, ArenaError::SizeOverflow, || {
        ArenaHashMap::<u32, u32>::with_capacity_in(usize::MAX / 2, &arena)
    });
    // A table whose size is valid but larger than the arena.
    let before = figures(&arena);
    let err = ArenaHashMap::<u32, u32>::with_capacity_in(1 << 40, &arena).unwrap_err();
    assert!(
        matches!(err, ArenaError::CapacityExceeded { requested, remaining } if requested > 1 << 40 && remaining == 1008),
        "{err:?}"
    );
    assert_eq!(figures(&arena), before);
    // The same through `try_reserve` on a live map, which keeps its entries.
    let mut map = ArenaHashMap::<u32, u32>::with_capacity_in(4, &arena).unwrap();
    map.insert(7, 70);
    let capacity = map.capacity();
    assert!(capacity >= 4);
    let before = figures(&arena);
    assert_eq!(map.try_reserve(usize::MAX), Err(ArenaError::SizeOverflow));
    assert_eq!(
        map.try_reserve(usize::MAX - 1),
        Err(ArenaError::SizeOverflow)
    );
    assert_eq!(figures(&arena), before);
    assert_eq!(map.capacity(), capacity);
    assert_eq!(map.get(&7), Some(&70));
    still_usable(&arena);
}

// ----- UTF-8 ------------------------------------------------------------------------

#[test]
fn bad_input_invalid_utf8_never_reaches_arena_str() {
    let mut block = Block([MaybeUninit::uninit(); 512]);
    let arena = Arena::new(&mut block.0);
    // `ArenaStr` grows only from `&str` and `char`: bytes must pass
    // `core::str::from_utf8` first, and invalid ones do not.
    let mut s = ArenaStr::from_str_in("é", &arena);
    let mut bytes = ArenaVec::<u8>::new_in(&arena);
    bytes.extend_from_slice(&[b'a', 0xFF, 0xFE, 0xC3]);
    let err = core::str::from_utf8(&bytes).unwrap_err();
    assert_eq!(err.valid_up_to(), 1);
    // A lone continuation byte, an overlong encoding and a surrogate: all
    // refused.
    for invalid in [&[0x80u8][..], &[0xC0, 0x80], &[0xED, 0xA0, 0x80]] {
        assert!(core::str::from_utf8(invalid).is_err());
    }
    // Only the valid prefix can get in.
    let valid = core::str::from_utf8(&bytes[..err.valid_up_to()]).unwrap();
    s.push_str(valid);
    assert_eq!(s, "éa");
    // Truncating inside a char panics (as `String` does: not a `try_`
    // method) and leaves the string as it was.
    let before = figures(&arena);
    let truncated = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| s.truncate(1)));
    assert!(truncated.is_err());
    assert_eq!(s, "éa");
    assert_eq!(figures(&arena), before);
    // `pop` takes whole chars; `&mut str` methods keep it UTF-8.
    assert_eq!(s.pop(), Some('a'));
    assert_eq!(s.pop(), Some('é'));
    assert_eq!(s.pop(), None);
    s.push_str("ÿx");
    s.make_ascii_uppercase();
    assert_eq!(s, "ÿX");
    assert!(core::str::from_utf8(s.as_bytes()).is_ok());
    still_usable(&arena);
}

// ----- the global allocator -------------------------------------------------------------

/// An owned block the global allocator cannot give: `OutOfMemory`, not an
/// abort. Not under Miri (which stops at an allocation that large) nor under
/// AddressSanitizer unless `allocator_may_return_null=1` (scripts/asan.sh sets
/// it).
#[test]
#[cfg_attr(miri, ignore = "Miri stops the program at an allocation this large")]
fn bad_input_owned_block_larger_than_memory() {
    let bytes = isize::MAX as usize - 4095;
    assert_eq!(
        Arena::try_with_capacity(bytes).unwrap_err(),
        ArenaError::OutOfMemory { requested: bytes }
    );
    let arena = Arena::with_capacity(64);
    still_usable(&arena);
}
