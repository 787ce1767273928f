//! `&Arena` as an `allocator_api2` allocator: hashbrown and `allocator_api2`'s
//! `Vec` run on it, and growth, shrinking and freeing follow the bump model.

use core::alloc::Layout;

use allocator_api2::alloc::Allocator;
use allocator_api2::vec::Vec as ApiVec;
use arena_memory::{Arena, ArenaError};

#[test]
fn hashbrown_runs_on_the_arena() {
    let arena = Arena::with_capacity(1 << 16);
    let mut map = hashbrown::HashMap::new_in(&arena);
    for i in 0..500u32 {
        map.insert(i, i * 2);
    }
    assert_eq!(map.len(), 500);
    assert!((0..500u32).all(|i| map[&i] == i * 2));
    assert!(arena.used() > 500 * 8);
    map.retain(|k, _| k % 2 == 0);
    assert_eq!(map.len(), 250);
}

#[test]
fn allocator_api2_vec_runs_on_the_arena_and_grows_in_place() {
    let arena = Arena::with_capacity(1 << 16);
    let mut v: ApiVec<u32, &Arena<'_>> = ApiVec::with_capacity_in(4, &arena);
    let first = v.as_ptr();
    for i in 0..1000 {
        v.push(i);
    }
    // It was the most recent allocation all along, so it never moved.
    assert_eq!(v.as_ptr(), first);
    assert_eq!(v.iter().sum::<u32>(), 999 * 1000 / 2);
    assert_eq!(arena.used(), v.capacity() * 4);
}

#[test]
fn a_vec_that_is_not_the_last_allocation_moves_when_it_grows() {
    let arena = Arena::with_capacity(1 << 16);
    let mut v: ApiVec<u64, &Arena<'_>> = ApiVec::with_capacity_in(2, &arena);
    v.extend([1, 2]);
    let first = v.as_ptr();
    arena.alloc(0u8);
    v.push(3);
    assert_ne!(v.as_ptr(), first);
    assert_eq!(v, [1, 2, 3]);
}

#[test]
fn freeing_the_last_allocation_gives_its_memory_back() {
    let arena = Arena::with_capacity(1024);
    let a = &arena;
    let layout = Layout::from_size_align(100, 8).unwrap();
    let block = a.allocate(layout).unwrap();
    assert_eq!(arena.used(), 100);
    // SAFETY: `block` was allocated by this allocator with `layout`.
    unsafe { a.deallocate(block.cast(), layout) };
    assert_eq!(arena.used(), 0);
    assert_eq!(arena.peak(), 100);

    // Freeing one that is not the last leaves the bump pointer alone.
    let first = a.allocate(layout).unwrap();
    let _second = a.allocate(layout).unwrap();
    // SAFETY: as above.
    unsafe { a.deallocate(first.cast(), layout) };
    // 100 bytes, 4 of padding to the next 8-byte boundary, 100 bytes.
    assert_eq!(arena.used(), 204);
}

#[test]
fn shrinking_the_last_allocation_gives_its_tail_back() {
    let arena = Arena::with_capacity(1024);
    let a = &arena;
    let old = Layout::from_size_align(200, 8).unwrap();
    let new = Layout::from_size_align(50, 8).unwrap();
    let block = a.allocate(old).unwrap();
    // SAFETY: `block` is live, from this allocator, with `old`; `new` is smaller.
    let shrunk = unsafe { a.shrink(block.cast(), old, new) }.unwrap();
    assert_eq!(shrunk.cast::<u8>(), block.cast::<u8>());
    assert_eq!(arena.used(), 50);
}

#[test]
fn the_newest_allocation_grows_in_place_up_to_the_last_byte() {
    let arena = Arena::with_capacity(1024);
    let capacity = arena.capacity();
    let a = &arena;
    let old = Layout::from_size_align(16, 8).unwrap();
    let block = a.allocate(old).unwrap().cast::<u8>();
    // SAFETY: `block` holds 16 writable bytes.
    unsafe { block.as_ptr().write_bytes(0x5A, 16) };
    // Exactly the room that is left: no byte to spare, and no copy needed.
    let whole = Layout::from_size_align(capacity, 8).unwrap();
    // SAFETY: `block` is live, from this allocator, with `old`; `whole` is larger.
    let grown = unsafe { a.grow(block, old, whole) }.unwrap();
    assert_eq!(grown.cast::<u8>(), block);
    assert_eq!(grown.len(), capacity);
    assert_eq!(arena.used(), capacity);
    assert_eq!(arena.remaining(), 0);
    // SAFETY: the first 16 bytes were written above and moved nowhere.
    assert_eq!(unsafe { block.as_ptr().read() }, 0x5A);
    // One byte more does not fit, and changes nothing.
    let too_big = Layout::from_size_align(capacity + 1, 8).unwrap();
    // SAFETY: `block` is live, from this allocator, with `whole`.
    assert!(unsafe { a.grow(block, whole, too_big) }.is_err());
    assert_eq!(arena.used(), capacity);
}

#[test]
fn grow_zeroed_zeroes_the_new_tail() {
    let arena = Arena::with_capacity(1024);
    let a = &arena;
    let old = Layout::from_size_align(8, 8).unwrap();
    let new = Layout::from_size_align(64, 8).unwrap();
    let block = a.allocate(old).unwrap().cast::<u8>();
    // SAFETY: `block` holds 8 writable bytes.
    unsafe { block.as_ptr().write_bytes(0xFF, 8) };
    // SAFETY: `block` is live, from this allocator, with `old`; `new` is larger.
    let grown = unsafe { a.grow_zeroed(block, old, new) }.unwrap();
    // SAFETY: `grown` holds 64 initialised bytes.
    let bytes = unsafe { core::slice::from_raw_parts(grown.cast::<u8>().as_ptr(), 64) };
    assert_eq!(&bytes[..8], &[0xFF; 8]);
    assert!(bytes[8..].iter().all(|&b| b == 0));
}

#[test]
fn allocation_failure_is_reported_not_panicked() {
    let arena = Arena::with_capacity(64);
    let a = &arena;
    assert!(a
        .allocate(Layout::from_size_align(1000, 8).unwrap())
        .is_err());
    let mut v: ApiVec<u8, &Arena<'_>> = ApiVec::new_in(&arena);
    assert!(v.try_reserve(1000).is_err());
    assert!(v.try_reserve(10).is_ok());
}

#[test]
fn a_sealed_parent_refuses_the_allocator_too() {
    let arena = Arena::with_capacity(1024);
    let mut v: ApiVec<u32, &Arena<'_>> = ApiVec::with_capacity_in(4, &arena);
    v.extend([1, 2, 3, 4]);
    let frame = arena.ephemeral();
    // The vector is the parent's last allocation, but the memory after it is
    // the child's now: it must not grow in place.
    assert!(v.try_reserve(1).is_err());
    assert_eq!(arena.try_alloc(0u8), Err(ArenaError::Sealed));
    let child_bytes = frame.alloc_slice_fill(16, 0xEEu8);
    drop(v);
    assert!(child_bytes.iter().all(|&b| b == 0xEE));
}

#[test]
fn zero_sized_blocks_are_fine() {
    let arena = Arena::with_capacity(64);
    let a = &arena;
    let zero = Layout::from_size_align(0, 16).unwrap();
    let block = a.allocate(zero).unwrap();
    assert_eq!(block.len(), 0);
    assert_eq!(block.cast::<u8>().as_ptr() as usize % 16, 0);
    // SAFETY: `block` came from this allocator with `zero`.
    unsafe { a.deallocate(block.cast(), zero) };
    let new = Layout::from_size_align(8, 8).unwrap();
    // SAFETY: `block` is live (zero-sized), from this allocator, with `zero`.
    let grown = unsafe { a.grow(block.cast(), zero, new) }.unwrap();
    assert_eq!(grown.len(), 8);
    assert_eq!(arena.used(), 8);
}

// ----- provenance: a pointer handed back must never become the bump pointer -----
//
// A `Box`'s pointer only carries permission for its own value. If the arena
// kept it as its bump pointer (after a `deallocate` or an in-place `shrink`)
// or returned it for an in-place `grow`, every later allocation would derive
// from a pointer that may not touch it: undefined behaviour that Miri reports
// ("does not exist in the borrow stack"). Natively these tests only check the
// values; under Miri (both aliasing models) they check the provenance.

use allocator_api2::boxed::Box as ApiBox;
use arena_memory::ArenaVec;

#[test]
fn allocating_after_a_box_is_freed_uses_the_arena_s_own_pointer() {
    let arena = Arena::with_capacity(256);
    let b = ApiBox::new_in(1u32, &arena);
    drop(b); // the newest block: its bytes are taken back
    assert_eq!(arena.used(), 0);
    let x = arena.alloc([7u64; 4]);
    x[3] = 9;
    assert_eq!(*x, [7, 7, 7, 9]);
}

#[test]
fn an_arena_vec_after_a_freed_box_grows_in_place_soundly() {
    let arena = Arena::with_capacity(1024);
    let b = ApiBox::new_in([1u8; 8], &arena);
    drop(b);
    let mut v = ArenaVec::new_in(&arena);
    for i in 0..100u32 {
        v.push(i);
    }
    assert!(v.iter().copied().eq(0..100));
}

#[test]
fn a_vec_grown_in_place_after_a_round_trip_through_a_boxed_slice_is_sound() {
    let arena = Arena::with_capacity(1024);
    let v: ApiVec<u32, &Arena<'_>> = ApiVec::with_capacity_in(4, &arena);
    let mut v = v.into_boxed_slice().into_vec();
    for i in 0..50 {
        v.push(i); // grows in place: it is the newest block
    }
    let after = arena.alloc(5u64);
    assert_eq!(*after, 5);
    assert!(v.iter().copied().eq(0..50));
}

#[test]
fn a_shrunk_box_slice_hands_its_tail_to_the_next_allocation_soundly() {
    let arena = Arena::with_capacity(1024);
    let mut v: ApiVec<u16, &Arena<'_>> = ApiVec::with_capacity_in(64, &arena);
    v.extend(0..10);
    v.shrink_to_fit(); // in-place shrink: the tail goes back to the arena
    assert_eq!(arena.used(), 20);
    let next = arena.alloc_slice_fill(16, 0xABu8);
    assert_eq!(next.as_ptr() as usize, v.as_ptr() as usize + 20);
    next[15] = 1;
    assert!(v.iter().copied().eq(0..10));
    assert_eq!(next[..15], [0xAB; 15]);
}

/// Model-based: random mixes of allocator-api2 `Box`es and `Vec`s and
/// `ArenaVec`s, with frees, grows and shrinks, each handle filled with its own
/// byte; after every step each live handle still holds exactly its bytes, and
/// no two live handles overlap.
mod allocator_model {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Op {
        NewBox,
        DropBox(usize),
        NewVec(usize),
        PushVec(usize, usize),
        ShrinkVec(usize),
        TruncateVec(usize, usize),
        BoxedRoundTrip(usize),
        DropVec(usize),
        NewArenaVec,
        PushArenaVec(usize, usize),
        AllocBytes(usize),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            Just(Op::NewBox),
            any::<usize>().prop_map(Op::DropBox),
            (0usize..12).prop_map(Op::NewVec),
            (any::<usize>(), 1usize..20).prop_map(|(i, n)| Op::PushVec(i, n)),
            any::<usize>().prop_map(Op::ShrinkVec),
            (any::<usize>(), 0usize..10).prop_map(|(i, n)| Op::TruncateVec(i, n)),
            any::<usize>().prop_map(Op::BoxedRoundTrip),
            any::<usize>().prop_map(Op::DropVec),
            Just(Op::NewArenaVec),
            (any::<usize>(), 1usize..20).prop_map(|(i, n)| Op::PushArenaVec(i, n)),
            (1usize..40).prop_map(Op::AllocBytes),
        ]
    }

    type Alloc<'x> = &'x Arena<'static>;

    struct Handles<'x> {
        boxes: Vec<(ApiBox<[u8; 12], Alloc<'x>>, u8)>,
        vecs: Vec<(ApiVec<u8, Alloc<'x>>, u8)>,
        arena_vecs: Vec<(ArenaVec<'x, u8>, u8)>,
        raw: Vec<(&'x mut [u8], u8)>,
        next_fill: u8,
    }

    impl<'x> Handles<'x> {
        fn fill(&mut self) -> u8 {
            self.next_fill = self.next_fill.wrapping_add(1).max(1);
            self.next_fill
        }

        fn check(&self) {
            let mut ranges = Vec::new();
            for (b, fill) in &self.boxes {
                assert!(b.iter().all(|x| x == fill));
                ranges.push((b.as_ptr() as usize, b.len()));
            }
            for (v, fill) in &self.vecs {
                assert!(v.iter().all(|x| x == fill));
                ranges.push((v.as_ptr() as usize, v.capacity()));
            }
            for (v, fill) in &self.arena_vecs {
                assert!(v.iter().all(|x| x == fill));
                ranges.push((v.as_ptr() as usize, v.capacity()));
            }
            for (r, fill) in &self.raw {
                assert!(r.iter().all(|x| x == fill));
                ranges.push((r.as_ptr() as usize, r.len()));
            }
            ranges.retain(|&(_, len)| len > 0);
            ranges.sort();
            for pair in ranges.windows(2) {
                assert!(
                    pair[0].0 + pair[0].1 <= pair[1].0,
                    "live blocks overlap: {pair:?}"
                );
            }
        }
    }

    fn run(ops: &[Op]) {
        let arena = Arena::with_capacity(4096);
        let mut h = Handles {
            boxes: Vec::new(),
            vecs: Vec::new(),
            arena_vecs: Vec::new(),
            raw: Vec::new(),
            next_fill: 0,
        };
        for op in ops {
            match *op {
                Op::NewBox => {
                    let fill = h.fill();
                    if let Ok(b) = ApiBox::try_new_in([fill; 12], &arena) {
                        h.boxes.push((b, fill));
                    }
                }
                Op::DropBox(i) if !h.boxes.is_empty() => {
                    let i = i % h.boxes.len();
                    h.boxes.remove(i);
                }
                Op::NewVec(cap) => {
                    let fill = h.fill();
                    let mut v = ApiVec::new_in(&arena);
                    if v.try_reserve_exact(cap).is_ok() {
                        v.resize(cap, fill);
                        h.vecs.push((v, fill));
                    }
                }
                Op::PushVec(i, n) if !h.vecs.is_empty() => {
                    let i = i % h.vecs.len();
                    let (v, fill) = &mut h.vecs[i];
                    if v.try_reserve(n).is_ok() {
                        v.extend(core::iter::repeat_n(*fill, n));
                    }
                }
                Op::ShrinkVec(i) if !h.vecs.is_empty() => {
                    let i = i % h.vecs.len();
                    h.vecs[i].0.shrink_to_fit();
                }
                Op::TruncateVec(i, n) if !h.vecs.is_empty() => {
                    let i = i % h.vecs.len();
                    h.vecs[i].0.truncate(n);
                    h.vecs[i].0.shrink_to_fit();
                }
                Op::BoxedRoundTrip(i) if !h.vecs.is_empty() => {
                    let i = i % h.vecs.len();
                    let (v, fill) = h.vecs.swap_remove(i);
                    h.vecs.push((v.into_boxed_slice().into_vec(), fill));
                }
                Op::DropVec(i) if !h.vecs.is_empty() => {
                    let i = i % h.vecs.len();
                    h.vecs.remove(i);
                }
                Op::NewArenaVec => {
                    let fill = h.fill();
                    h.arena_vecs.push((ArenaVec::new_in(&arena), fill));
                }
                Op::PushArenaVec(i, n) if !h.arena_vecs.is_empty() => {
                    let i = i % h.arena_vecs.len();
                    let (v, fill) = &mut h.arena_vecs[i];
                    for _ in 0..n {
                        if v.try_push(*fill).is_err() {
                            break;
                        }
                    }
                }
                Op::AllocBytes(n) => {
                    let fill = h.fill();
                    if let Ok(r) = arena.try_alloc_slice_fill(n, fill) {
                        h.raw.push((r, fill));
                    }
                }
                _ => {}
            }
            h.check();
            assert!(arena.used() <= arena.capacity());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: if cfg!(miri) { 6 } else { 256 },
            failure_persistence: None,
            ..ProptestConfig::default()
        })]
        #[test]
        fn every_handle_keeps_its_bytes(ops in proptest::collection::vec(op(), 1..if cfg!(miri) { 40 } else { 120 })) {
            run(&ops);
        }
    }
}
