//! The parts of std's `Vec` API that `ArenaVec` gained for issue 12, through
//! the public API: a model-based property test of the mutating methods against
//! `Vec` in a small arena (so that exhaustion happens), panic safety of the
//! closures they call compared with `Vec`, pointer stability (run it under
//! Miri), zero-sized elements, the traits, the macros and the small-buffer
//! alignment rule.

use std::panic::{catch_unwind, AssertUnwindSafe};

use arena_memory::{try_vec_in, vec_in, Arena, ArenaError, ArenaVec};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: if cfg!(miri) { 4 } else { 256 },
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A range inside `0..len` picked by two arbitrary numbers.
fn pick_range(len: usize, (a, b): (usize, usize)) -> std::ops::Range<usize> {
    let start = a % (len + 1);
    let end = start + b % (len - start + 1);
    start..end
}

#[derive(Debug, Clone)]
enum Op {
    Push(u16),
    ExtendFromWithin((usize, usize)),
    Dedup,
    DedupByKey(u16),
    DedupBy(u16),
    /// Drains the range, taking at most that many items before dropping.
    Drain((usize, usize), usize),
    /// Extracts multiples of `.1` from the range, taking at most `.2`.
    ExtractIf((usize, usize), u16, usize),
    PopIf(u16),
    /// Splits `a` at the index; the tail replaces `b`.
    SplitOff(usize),
    /// Moves `b` to the end of `a`.
    Append,
    ReserveExact(usize),
    ShrinkToFit,
    ShrinkTo(usize),
    /// Writes values into the spare capacity, then `set_len`.
    WriteSpare(Vec<u16>),
    ResizeWith(usize),
    /// Adds `.1`, keeps what is not a multiple of `.0`.
    RetainMut(u16, u16),
    /// `b` becomes a clone of `a`.
    CloneIntoB,
    IndexMutRange((usize, usize), u16),
    /// Allocates elsewhere, so that `a` is no longer the newest allocation.
    AllocElsewhere(usize),
}

fn op() -> impl Strategy<Value = Op> {
    let range = (any::<usize>(), any::<usize>());
    prop_oneof![
        4 => any::<u16>().prop_map(Op::Push),
        2 => range.prop_map(Op::ExtendFromWithin),
        1 => Just(Op::Dedup),
        1 => (1u16..5).prop_map(Op::DedupByKey),
        1 => (1u16..5).prop_map(Op::DedupBy),
        2 => (range, 0usize..4).prop_map(|(r, n)| Op::Drain(r, n)),
        2 => (range, 1u16..4, 0usize..4).prop_map(|(r, m, n)| Op::ExtractIf(r, m, n)),
        1 => (1u16..4).prop_map(Op::PopIf),
        1 => any::<usize>().prop_map(Op::SplitOff),
        1 => Just(Op::Append),
        1 => (0usize..40).prop_map(Op::ReserveExact),
        1 => Just(Op::ShrinkToFit),
        1 => (0usize..40).prop_map(Op::ShrinkTo),
        1 => proptest::collection::vec(any::<u16>(), 0..6).prop_map(Op::WriteSpare),
        1 => (0usize..40).prop_map(Op::ResizeWith),
        1 => (1u16..4, 0u16..3).prop_map(|(m, k)| Op::RetainMut(m, k)),
        1 => Just(Op::CloneIntoB),
        1 => (range, any::<u16>()).prop_map(|(r, x)| Op::IndexMutRange(r, x)),
        1 => (1usize..24).prop_map(Op::AllocElsewhere),
    ]
}

/// Whether `err` is what running out of arena memory looks like.
fn is_exhaustion(err: ArenaError) -> bool {
    matches!(err, ArenaError::CapacityExceeded { requested, remaining } if requested > remaining)
}

/// `Vec::extract_if` is newer than the crate's MSRV (1.85): the model is
/// written out, with std's documented semantics.
fn model_extract_if(
    v: &mut Vec<u16>,
    range: std::ops::Range<usize>,
    mut pick: impl FnMut(&mut u16) -> bool,
    limit: usize,
) -> Vec<u16> {
    let mut out = Vec::new();
    let mut i = range.start;
    let mut end = range.end;
    while i < end && out.len() < limit {
        if pick(&mut v[i]) {
            out.push(v.remove(i));
            end -= 1;
        } else {
            i += 1;
        }
    }
    out
}

proptest! {
    #![proptest_config(config())]

    /// Every new mutating method against `Vec`, compared after every step; a
    /// failed `try_` leaves the vectors (and their capacities) unchanged and
    /// the model skips the step.
    #[test]
    fn new_methods_match_vec(
        arena_size in 32usize..200,
        ops in proptest::collection::vec(op(), 1..if cfg!(miri) { 30 } else { 80 }),
    ) {
        let arena = Arena::with_capacity(arena_size);
        let mut a = ArenaVec::<u16>::new_in(&arena);
        let mut b = ArenaVec::<u16>::new_in(&arena);
        let mut ma: Vec<u16> = Vec::new();
        let mut mb: Vec<u16> = Vec::new();
        for op in ops {
            let (cap_a, cap_b) = (a.capacity(), b.capacity());
            let before = (a.to_vec(), b.to_vec());
            let result: Result<(), ArenaError> = match op.clone() {
                Op::Push(x) => a.try_push(x).map(|()| ma.push(x)),
                Op::ExtendFromWithin(r) => {
                    let r = pick_range(ma.len(), r);
                    a.try_extend_from_within(r.clone()).map(|()| ma.extend_from_within(r))
                }
                Op::Dedup => {
                    a.dedup();
                    ma.dedup();
                    Ok(())
                }
                Op::DedupByKey(m) => {
                    a.dedup_by_key(|x| *x % m);
                    ma.dedup_by_key(|x| *x % m);
                    Ok(())
                }
                Op::DedupBy(m) => {
                    // Changes the elements it is given, as std allows.
                    let same = |x: &mut u16, y: &mut u16| {
                        *y = y.wrapping_add(1);
                        *x % m == *y % m
                    };
                    a.dedup_by(same);
                    ma.dedup_by(same);
                    Ok(())
                }
                Op::Drain(r, n) => {
                    let r = pick_range(ma.len(), r);
                    let got: Vec<u16> = a.drain(r.clone()).take(n).collect();
                    let want: Vec<u16> = ma.drain(r).take(n).collect();
                    prop_assert_eq!(got, want);
                    Ok(())
                }
                Op::ExtractIf(r, m, n) => {
                    let r = pick_range(ma.len(), r);
                    let got: Vec<u16> = a.extract_if(r.clone(), |x| *x % m == 0).take(n).collect();
                    let want = model_extract_if(&mut ma, r, |x| *x % m == 0, n);
                    prop_assert_eq!(got, want);
                    Ok(())
                }
                Op::PopIf(m) => {
                    let got = a.pop_if(|x| *x % m == 0);
                    let want = match ma.last() {
                        Some(x) if *x % m == 0 => ma.pop(),
                        _ => None,
                    };
                    prop_assert_eq!(got, want);
                    Ok(())
                }
                Op::SplitOff(at) => {
                    let at = at % (ma.len() + 1);
                    a.try_split_off(at).map(|tail| {
                        b = tail;
                        mb = ma.split_off(at);
                    })
                }
                Op::Append => a.try_append(&mut b).map(|()| ma.append(&mut mb)),
                Op::ReserveExact(n) => a.try_reserve_exact(n).map(|()| {
                    ma.reserve_exact(n);
                }),
                Op::ShrinkToFit => {
                    a.shrink_to_fit();
                    ma.shrink_to_fit();
                    prop_assert!(a.capacity() <= cap_a);
                    Ok(())
                }
                Op::ShrinkTo(n) => {
                    a.shrink_to(n);
                    ma.shrink_to(n);
                    prop_assert!(a.capacity() <= cap_a);
                    prop_assert!(a.capacity() >= n.min(cap_a));
                    Ok(())
                }
                Op::WriteSpare(values) => {
                    let spare = a.spare_capacity_mut();
                    let n = values.len().min(spare.len());
                    for (slot, &x) in spare.iter_mut().zip(&values[..n]) {
                        slot.write(x);
                    }
                    let len = a.len();
                    // SAFETY: the `n` slots after the elements were just written.
                    unsafe { a.set_len(len + n) };
                    ma.extend_from_slice(&values[..n]);
                    Ok(())
                }
                Op::ResizeWith(n) => {
                    let (mut i, mut j) = (0u16, 0u16);
                    a.try_resize_with(n, || { i += 3; i }).map(|()| {
                        ma.resize_with(n, || { j += 3; j });
                    })
                }
                Op::RetainMut(m, k) => {
                    let keep = |x: &mut u16| {
                        *x = x.wrapping_add(k);
                        *x % m != 0
                    };
                    a.retain_mut(keep);
                    ma.retain_mut(keep);
                    Ok(())
                }
                Op::CloneIntoB => a.try_clone().map(|copy| {
                    b = copy;
                    mb = ma.clone();
                }),
                Op::IndexMutRange(r, x) => {
                    let r = pick_range(ma.len(), r);
                    a[r.clone()].fill(x);
                    ma[r].fill(x);
                    Ok(())
                }
                Op::AllocElsewhere(n) => arena.try_alloc_bytes(n).map(drop),
            };
            if let Err(err) = result {
                prop_assert!(is_exhaustion(err), "{op:?}: {err:?}");
                prop_assert_eq!((a.to_vec(), b.to_vec()), before, "{:?} failed but changed", op);
                prop_assert_eq!((a.capacity(), b.capacity()), (cap_a, cap_b));
            }
            prop_assert_eq!(&a, &ma, "after {:?}", op);
            prop_assert_eq!(&b, &mb, "after {:?}", op);
            prop_assert!(a.len() <= a.capacity() && b.len() <= b.capacity());
        }
    }
}

// ----- panic safety: user closures that panic midway, against `Vec` -----------

/// Runs `f` on a vector and on `Vec` holding `init`, catching the panic, and
/// compares what is left. The vector is full and the arena's next allocation
/// follows its buffer directly: the clean-up after the panic must not write
/// past the vector's elements into it.
fn same_after_panic(
    init: &[u32],
    on_arena: impl FnOnce(&mut ArenaVec<'_, u32>),
    on_vec: impl FnOnce(&mut Vec<u32>),
) {
    let arena = Arena::with_capacity(1024);
    let mut v = ArenaVec::from_slice_in(init, &arena);
    let neighbour = arena.alloc_slice_copy(&[90u32, 91, 92, 93]);
    assert_eq!(neighbour.as_ptr(), v.as_ptr().wrapping_add(v.capacity()));
    let mut model = init.to_vec();
    assert!(catch_unwind(AssertUnwindSafe(|| on_arena(&mut v))).is_err());
    assert!(catch_unwind(AssertUnwindSafe(|| on_vec(&mut model))).is_err());
    assert_eq!(v, model);
    assert_eq!(neighbour, &[90, 91, 92, 93]);
}

const PANIC_INPUT: [u32; 9] = [1, 1, 2, 2, 3, 4, 4, 5, 6];

#[test]
fn dedup_by_panicking_keeps_what_std_keeps() {
    for panic_at in 0..8 {
        let f = |mut calls: usize| {
            move |a: &mut u32, b: &mut u32| {
                assert!(calls != panic_at, "boom");
                calls += 1;
                a == b
            }
        };
        same_after_panic(&PANIC_INPUT, |v| v.dedup_by(f(0)), |v| v.dedup_by(f(0)));
    }
}

#[test]
fn retain_mut_panicking_keeps_what_std_keeps() {
    for panic_at in 0..9 {
        let f = |mut calls: usize| {
            move |x: &mut u32| {
                assert!(calls != panic_at, "boom");
                calls += 1;
                *x += 100;
                *x % 2 == 0
            }
        };
        same_after_panic(&PANIC_INPUT, |v| v.retain_mut(f(0)), |v| v.retain_mut(f(0)));
    }
}

#[test]
fn extract_if_panicking_keeps_the_rest() {
    // std (1.87+): the element the predicate panicked on and all after it stay.
    for panic_at in 0..9 {
        let arena = Arena::with_capacity(1024);
        let mut v = ArenaVec::from_slice_in(&PANIC_INPUT, &arena);
        // Directly after the full vector: the clean-up must not reach it.
        let neighbour = arena.alloc_slice_copy(&[90u32, 91, 92, 93]);
        assert_eq!(neighbour.as_ptr(), v.as_ptr().wrapping_add(v.capacity()));
        let mut calls = 0;
        let mut taken = Vec::new();
        let result = catch_unwind(AssertUnwindSafe(|| {
            for x in v.extract_if(.., |x| {
                assert!(calls != panic_at, "boom");
                calls += 1;
                *x % 2 == 0
            }) {
                taken.push(x);
            }
        }));
        assert!(result.is_err());
        let mut expected: Vec<u32> = PANIC_INPUT[..panic_at]
            .iter()
            .copied()
            .filter(|x| x % 2 != 0)
            .collect();
        expected.extend_from_slice(&PANIC_INPUT[panic_at..]);
        assert_eq!(v, expected, "panic at call {panic_at}");
        let mut all = taken.clone();
        all.extend_from_slice(&v);
        all.sort_unstable();
        let mut input = PANIC_INPUT.to_vec();
        input.sort_unstable();
        assert_eq!(all, input, "nothing lost or duplicated");
        assert_eq!(neighbour, &[90, 91, 92, 93]);
    }
}

/// `extract_if` hints at most the elements left in its range, as std's does,
/// and its `Debug` shows how far it got.
#[test]
fn extract_if_hints_at_most_the_elements_left_in_its_range_as_std_does() {
    let arena = Arena::with_capacity(256);
    let mut v = ArenaVec::from_slice_in(&[1u32, 2, 3, 4, 5, 6, 7], &arena);
    let mut model = v.to_vec();
    {
        let mut ours = v.extract_if(1..6, |x| *x % 2 == 0);
        let mut std = model.extract_if(1..6, |x| *x % 2 == 0);
        assert_eq!(
            format!("{ours:?}"),
            "ExtractIf { next: 1, end: 6, removed: 0, .. }"
        );
        loop {
            assert_eq!(ours.size_hint(), std.size_hint());
            let next = ours.next();
            assert_eq!(next, std.next());
            if next.is_none() {
                break;
            }
        }
        assert_eq!(
            format!("{ours:?}"),
            "ExtractIf { next: 6, end: 6, removed: 3, .. }"
        );
    }
    assert_eq!(v, model);
    assert_eq!(v, [1, 3, 5, 7]);
}

#[test]
fn resize_with_panicking_keeps_what_std_keeps() {
    for panic_at in 0..4 {
        let f = |mut calls: usize| {
            move || {
                assert!(calls != panic_at, "boom");
                calls += 1;
                calls as u32 * 7
            }
        };
        same_after_panic(
            &[9, 8],
            |v| v.resize_with(6, f(0)),
            |v| v.resize_with(6, f(0)),
        );
    }
}

#[test]
fn drain_with_a_panicking_consumer_removes_the_range_as_std() {
    for panic_at in 0..4 {
        let consume = |items: &mut dyn Iterator<Item = u32>| {
            for (i, _) in items.enumerate() {
                assert!(i != panic_at, "boom");
            }
        };
        same_after_panic(
            &PANIC_INPUT,
            |v| consume(&mut v.drain(2..6)),
            |v| consume(&mut v.drain(2..6)),
        );
    }
}

// ----- pointer stability: run under Miri ---------------------------------------

/// Like std's `Vec`, methods that stay within the capacity touch only the
/// elements they concern, through raw pointers: a pointer to element 0 taken
/// up front stays usable (Miri reports any reborrow of the whole buffer).
#[test]
fn pointer_to_the_first_element_survives_the_new_methods() {
    let arena = Arena::with_capacity(1024);
    let mut v = ArenaVec::<u32>::with_capacity_in(64, &arena);
    v.extend_from_slice(&[0, 1, 2, 2, 3, 4, 5, 6]);
    let first = v.as_mut_ptr();
    let poke = |v: &ArenaVec<'_, u32>, value: u32| {
        // SAFETY: element 0 exists throughout and the buffer never moves
        // (everything stays within the capacity reserved above).
        unsafe { first.write(value) };
        assert_eq!(v.as_slice()[0], value);
    };
    poke(&v, 10);
    v.extend_from_within(1..3);
    poke(&v, 11);
    v.drain(2..4);
    poke(&v, 12);
    let _ = v.extract_if(1.., |x| *x == 4).count();
    poke(&v, 13);
    assert!(v.pop_if(|_| true).is_some());
    poke(&v, 14);
    v.dedup();
    poke(&v, 15);
    v.retain_mut(|x| *x != 3);
    poke(&v, 16);
    v.resize_with(12, || 7);
    poke(&v, 17);
    v.reserve_exact(4);
    poke(&v, 18);
    let mut other = ArenaVec::from_slice_in(&[8, 9], &arena);
    v.append(&mut other);
    poke(&v, 19);
    let _tail = v.split_off(3);
    poke(&v, 20);
    v.spare_capacity_mut()[0].write(99);
    // SAFETY: the slot after the elements was just written.
    unsafe { v.set_len(v.len() + 1) };
    poke(&v, 21);
    v.dedup_by_key(|x| *x);
    poke(&v, 22);
    assert_eq!(v.as_ptr(), first.cast_const());
}

// ----- zero-sized elements: nothing loops over a `usize::MAX` length ---------

#[test]
fn zero_sized_elements_do_not_loop() {
    let arena = Arena::with_capacity(64);
    let mut v = ArenaVec::from_elem_in((), usize::MAX, &arena);
    assert_eq!(v.len(), usize::MAX);
    assert!(v.spare_capacity_mut().is_empty());
    drop(v.drain(1..usize::MAX - 1)); // moves the tail in one step
    assert_eq!(v.len(), 2);
    v.resize_with(3, || ());
    // SAFETY: zero-sized values need no initialisation.
    unsafe { v.set_len(usize::MAX) };
    assert_eq!(v.try_extend_from_within(..), Err(ArenaError::SizeOverflow));
    let tail = v.split_off(usize::MAX - 5);
    assert_eq!(tail.len(), 5);
    v.shrink_to_fit();
    v.reserve_exact(5);
    let mut iter = v.into_iter();
    assert_eq!(iter.nth(usize::MAX - 6), Some(()));
    assert_eq!(iter.len(), 0);
    let arrays = ArenaVec::from_elem_in([(); 4], usize::MAX / 4, &arena);
    assert_eq!(arrays.into_flattened().len(), usize::MAX / 4 * 4);
    assert_eq!(arena.used(), 0);
}

// ----- the rest, against std ----------------------------------------------------

#[test]
fn into_flattened_matches_vec() {
    let arena = Arena::with_capacity(256);
    let pairs = [[1u16, 2], [3, 4], [5, 6]];
    let mut v = ArenaVec::with_capacity_in(4, &arena);
    v.extend_from_slice(&pairs);
    let flat = v.into_flattened();
    assert_eq!(flat, pairs.to_vec().into_flattened());
    assert_eq!(flat.capacity(), 8);
    let empty: ArenaVec<'_, [u64; 0]> = ArenaVec::from_elem_in([], 3, &arena);
    let flat = empty.into_flattened();
    assert_eq!((flat.len(), flat.capacity()), (0, 0));
}

#[test]
fn index_with_every_slice_index_matches_vec() {
    let arena = Arena::with_capacity(256);
    let mut v = ArenaVec::from_slice_in(&[1, 2, 3, 4, 5], &arena);
    let mut model = vec![1, 2, 3, 4, 5];
    assert_eq!(v[2], model[2]);
    assert_eq!(v[1..3], model[1..3]);
    assert_eq!(v[..2], model[..2]);
    assert_eq!(v[3..], model[3..]);
    assert_eq!(v[..=1], model[..=1]);
    assert_eq!(v[..], model[..]);
    v[1..=2].copy_from_slice(&[20, 30]);
    model[1..=2].copy_from_slice(&[20, 30]);
    v[0] += 1;
    model[0] += 1;
    assert_eq!(v, model);
    let out_of_bounds = catch_unwind(AssertUnwindSafe(|| v[5]));
    assert!(out_of_bounds.is_err());
}

#[test]
fn equality_with_vec_and_slices() {
    let arena = Arena::with_capacity(256);
    let v = ArenaVec::from_slice_in(&[1u8, 2], &arena);
    let model = vec![1u8, 2];
    assert!(v == model);
    assert!(model == v);
    let slice: &[u8] = &model;
    assert!(v == slice);
    assert!(slice == v);
    assert!(v != vec![1u8]);
    assert!(vec![2u8, 1] != v);
}

#[test]
fn resize_with_needs_room_only_for_the_added_elements() {
    // 64 bytes: 8 `u32`s, then room for exactly 8 more, grown in place.
    let arena = Arena::with_capacity(64);
    let mut v = ArenaVec::from_slice_in(&[1u32; 8], &arena);
    let mut calls = 0;
    v.try_resize_with(16, || {
        calls += 1;
        7
    })
    .unwrap();
    assert_eq!(calls, 8);
    assert_eq!(v[..8], [1; 8]);
    assert_eq!(v[8..], [7; 8]);
    assert_eq!(arena.remaining(), 0);
}

#[test]
fn append_moves_every_element_and_panics_when_the_arena_is_full() {
    let arena = Arena::with_capacity(256);
    let mut v = ArenaVec::from_slice_in(&[1u32, 2], &arena);
    let mut other = ArenaVec::from_slice_in(&[3u32, 4, 5], &arena);
    v.append(&mut other);
    assert_eq!(v, [1, 2, 3, 4, 5]);
    assert!(other.is_empty());
    let mut full = ArenaVec::from_slice_in(&[1u32], &arena);
    let mut more = ArenaVec::from_slice_in(&[6u32, 7, 8, 9, 10, 11, 12, 13], &arena);
    arena.try_alloc_bytes(arena.remaining()).unwrap();
    let err = full.try_append(&mut more).unwrap_err();
    assert!(is_exhaustion(err));
    assert_eq!(full, [1]);
    assert_eq!(more, [6, 7, 8, 9, 10, 11, 12, 13]);
    let panic = catch_unwind(AssertUnwindSafe(|| full.append(&mut more))).unwrap_err();
    assert_eq!(panic.downcast_ref::<String>(), Some(&err.to_string()));
}

#[test]
fn clone_copies_into_the_same_arena_and_panics_when_full() {
    let arena = Arena::with_capacity(64);
    let v = ArenaVec::from_slice_in(&[1u16, 2, 3], &arena);
    let copy = v.clone();
    assert_eq!(copy, v);
    assert_ne!(copy.as_ptr(), v.as_ptr());
    assert_eq!(arena.used(), 12);
    arena.try_alloc_bytes(arena.remaining() - 4).unwrap();
    let err = v.try_clone().unwrap_err();
    assert!(is_exhaustion(err));
    let panic = catch_unwind(AssertUnwindSafe(|| v.clone())).unwrap_err();
    assert_eq!(panic.downcast_ref::<String>(), Some(&err.to_string()));
}

#[test]
fn into_iter_slices_match_vec() {
    let arena = Arena::with_capacity(256);
    let mut iter = ArenaVec::from_slice_in(&[1, 2, 3, 4], &arena).into_iter();
    let mut model = vec![1, 2, 3, 4].into_iter();
    iter.next();
    model.next();
    iter.next_back();
    model.next_back();
    assert_eq!(iter.as_slice(), model.as_slice());
    iter.as_mut_slice()[0] = 20;
    model.as_mut_slice()[0] = 20;
    assert_eq!(iter.as_mut_slice(), model.as_mut_slice());
    assert_eq!(iter.as_slice(), model.as_slice());
    assert_eq!(iter.collect::<Vec<_>>(), model.collect::<Vec<_>>());
}

/// `nth`, `nth_back`, `count` and `last` skip from where the iterator is,
/// after elements were taken from either end, as std's `vec::IntoIter` does.
#[test]
fn into_iter_skips_from_where_it_is_as_vec_does() {
    /// `iter` after `front` elements were taken from its front, `back` from its back.
    fn taken<I: DoubleEndedIterator>(mut iter: I, front: usize, back: usize) -> I {
        iter.by_ref().take(front).for_each(drop);
        iter.by_ref().rev().take(back).for_each(drop);
        iter
    }
    let elems = [1, 2, 3, 4, 5, 6];
    for front in 0..=elems.len() {
        for back in 0..=elems.len() - front {
            let at = (front, back);
            // Room for every vector made below (16, of 24 bytes each).
            let arena = Arena::with_capacity(1024);
            let ours = || {
                taken(
                    ArenaVec::from_slice_in(&elems, &arena).into_iter(),
                    front,
                    back,
                )
            };
            let std = || taken(Vec::from(elems).into_iter(), front, back);
            assert_eq!(ours().count(), std().count(), "{at:?}");
            assert_eq!(ours().last(), std().last(), "{at:?}");
            for n in 0..=elems.len() {
                let (mut ours, mut std) = (ours(), std());
                assert_eq!(ours.nth(n), std.nth(n), "{at:?} nth({n})");
                assert_eq!(ours.as_slice(), std.as_slice(), "{at:?} after nth({n})");
            }
            for n in 0..=elems.len() {
                let (mut ours, mut std) = (ours(), std());
                assert_eq!(ours.nth_back(n), std.nth_back(n), "{at:?} nth_back({n})");
                assert_eq!(
                    ours.as_slice(),
                    std.as_slice(),
                    "{at:?} after nth_back({n})"
                );
            }
        }
    }
}

#[test]
fn drain_as_slice_and_double_ended_match_vec() {
    let arena = Arena::with_capacity(256);
    let mut v = ArenaVec::from_slice_in(&[1, 2, 3, 4, 5, 6], &arena);
    let mut model = v.to_vec();
    {
        let mut d = v.drain(1..5);
        let mut m = model.drain(1..5);
        loop {
            assert_eq!(d.len(), m.len());
            assert_eq!(d.as_slice(), m.as_slice());
            assert_eq!(format!("{d:?}"), format!("{m:?}"));
            let (front, back) = (d.next(), m.next());
            assert_eq!(front, back);
            if front.is_none() {
                break;
            }
            assert_eq!(d.next_back(), m.next_back());
        }
    }
    assert_eq!(v, model);
    // Leaked: the vector keeps the elements before the range (std does too).
    std::mem::forget(v.drain(1..));
    assert_eq!(v, [1]);
}

#[test]
fn range_panics_match_std_messages() {
    let arena = Arena::with_capacity(256);
    let mut v = ArenaVec::from_slice_in(&[1, 2, 3], &arena);
    let message = |r: Box<dyn std::any::Any + Send>| r.downcast::<String>().map(|s| *s).unwrap();
    #[expect(clippy::reversed_empty_ranges, reason = "the panic is the point")]
    let reversed = catch_unwind(AssertUnwindSafe(|| drop(v.drain(2..1)))).unwrap_err();
    assert_eq!(message(reversed), "slice index starts at 2 but ends at 1");
    let past = catch_unwind(AssertUnwindSafe(|| v.extend_from_within(..4))).unwrap_err();
    assert_eq!(
        message(past),
        "range end index 4 out of range for slice of length 3"
    );
    let split = catch_unwind(AssertUnwindSafe(|| v.split_off(4).len())).unwrap_err();
    assert_eq!(
        message(split),
        "`at` split index (is 4) should be <= len (is 3)"
    );
    assert_eq!(v, [1, 2, 3]);
}

#[test]
fn shrink_gives_the_tail_back_only_when_newest() {
    let arena = Arena::with_capacity(256);
    let mut v = ArenaVec::<u32>::with_capacity_in(10, &arena);
    v.extend_from_slice(&[1, 2]);
    v.shrink_to(4);
    assert_eq!((v.capacity(), arena.used()), (4, 16));
    v.shrink_to_fit();
    assert_eq!((v.capacity(), arena.used()), (2, 8));
    v.push(3); // grows in place again
    assert_eq!(v, [1, 2, 3]);
    let _newer = arena.alloc(0u8);
    let used = arena.used();
    v.shrink_to_fit();
    assert_eq!(arena.used(), used);
    assert!(v.capacity() >= 3);
    // Sealed: the memory past the seal is the child's.
    let mut w = ArenaVec::<u8>::with_capacity_in(8, &arena);
    let frame = arena.ephemeral();
    w.shrink_to_fit();
    assert_eq!(w.capacity(), 8);
    drop(frame);
    // Emptied: the whole buffer comes back.
    let mut x = ArenaVec::<u8>::with_capacity_in(8, &arena);
    let used = arena.used();
    x.shrink_to_fit();
    assert_eq!((x.capacity(), arena.used()), (0, used - 8));
    x.push(5);
    assert_eq!(x, [5]);
}

#[test]
fn reserve_exact_grows_to_exactly_what_is_asked() {
    let arena = Arena::with_capacity(256);
    let mut v = ArenaVec::<u64>::new_in(&arena);
    v.reserve_exact(3);
    assert_eq!(v.capacity(), 3);
    v.extend_from_slice(&[1, 2, 3]);
    v.reserve_exact(2); // in place
    assert_eq!((v.capacity(), arena.used()), (5, 40));
    let _newer = arena.alloc(0u64);
    v.reserve_exact(3); // moves
    assert_eq!(v.capacity(), 6);
    assert_eq!(v, [1, 2, 3]);
    assert_eq!(
        v.try_reserve_exact(usize::MAX),
        Err(ArenaError::SizeOverflow)
    );
}

#[test]
fn vec_in_macros() {
    let arena = Arena::with_capacity(64);
    assert_eq!(vec_in![in &arena; 1u8, 2, 3,], [1, 2, 3]);
    assert_eq!(vec_in![in &arena; 'x'; 2], ['x', 'x']);
    let empty: ArenaVec<'_, u8> = vec_in![in &arena];
    assert!(empty.is_empty());
    assert_eq!(try_vec_in![in &arena; 5u16].unwrap(), [5]);
    let e: Result<ArenaVec<'_, u8>, ArenaError> = try_vec_in![in &arena];
    assert!(e.is_ok());
    assert!(try_vec_in![in &arena; 0u64; 100].is_err());
    // Expressions are evaluated once.
    let mut calls = 0;
    let v = vec_in![in &arena; { calls += 1; 7u8 }; { calls += 1; 3 }];
    assert_eq!((v.as_slice(), calls), (&[7u8, 7, 7][..], 2));
}

/// The macros name nothing the caller's scope can shadow.
#[test]
fn vec_in_macros_ignore_shadowing() {
    #[allow(dead_code, non_camel_case_types, reason = "shadows on purpose")]
    mod shadowing {
        pub struct core;
        pub struct ArenaVec;
        pub struct Ok;
        pub struct Result;
    }
    #[allow(unused_imports, reason = "shadows on purpose")]
    use shadowing::*;
    let arena = Arena::with_capacity(64);
    assert_eq!(vec_in![in &arena; 1u8], [1]);
    assert_eq!(
        try_vec_in![in &arena].map(|v: arena_memory::ArenaVec<'_, u8>| v.len()),
        std::result::Result::Ok(0)
    );
    assert_eq!(try_vec_in![in &arena; 2u8; 2].unwrap(), [2, 2]);
}

#[cfg(feature = "std")]
#[test]
fn io_write_is_all_or_nothing() {
    use std::io::Write;
    let arena = Arena::with_capacity(64);
    arena.try_alloc_bytes(arena.remaining() - 8).unwrap();
    let mut out = ArenaVec::<u8>::new_in(&arena);
    assert_eq!(out.write(b"abc").unwrap(), 3);
    out.write_all(b"de").unwrap();
    let err = out.write(b"fghij").unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::OutOfMemory);
    let inner = err.get_ref().unwrap().downcast_ref::<ArenaError>().copied();
    assert!(inner.is_some_and(is_exhaustion));
    assert_eq!(out, *b"abcde"); // nothing of "fghij"
    assert!(write!(out, "{}", 123_456).is_err());
    out.flush().unwrap();
    assert_eq!(out.write(b"fgh").unwrap(), 3);
    assert_eq!(out, *b"abcdefgh");
}

/// Issue 12's small-buffer rule: a buffer made with a capacity starts on a
/// cache line only when it is at least a line long. Before the rule, 1,000
/// three-byte vectors took 64,002 bytes; now 3,000.
#[test]
fn small_buffers_are_not_cache_line_aligned() {
    let arena = Arena::with_capacity(1 << 18);
    let line = arena.cache_line_size();
    arena.alloc(1u8);
    let start = arena.used();
    for _ in 0..1000 {
        let v = ArenaVec::<u8>::with_capacity_in(3, &arena);
        assert_eq!(v.capacity(), 3);
    }
    assert_eq!(arena.used() - start, 3000);
    let start = arena.used();
    for _ in 0..1000 {
        let v = ArenaVec::<u32>::with_capacity_in(4, &arena);
        assert_eq!(v.as_ptr() as usize % 4, 0);
    }
    assert!(arena.used() - start <= 16_003);
    let big = ArenaVec::<u8>::with_capacity_in(line, &arena);
    assert_eq!(big.as_ptr() as usize % line, 0);
}
