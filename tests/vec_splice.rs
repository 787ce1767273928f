//! `ArenaVec::splice` / `try_splice` through the public API: a model-based
//! property test against `Vec::splice` in small arenas, the all-or-nothing
//! failure, a panicking replacement, zero-sized elements, a leaked iterator,
//! std's range panics, and pointer stability.

use std::panic::{catch_unwind, AssertUnwindSafe};

use arena_memory::{Arena, ArenaError, ArenaVec};
use proptest::prelude::*;

#[path = "common/panics.rs"]
mod panics;

use panics::panic_message;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: if cfg!(miri) { 4 } else { 256 },
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn is_exhaustion(err: ArenaError) -> bool {
    matches!(err, ArenaError::CapacityExceeded { requested, remaining } if requested > remaining)
}

/// How the replacement reaches `splice`: its size hint decides how the
/// buffer grows.
#[derive(Debug, Clone, Copy)]
enum Source {
    /// Exact size: one reservation.
    Exact,
    /// Lower bound 0: the buffer grows item by item.
    Unsized,
}

#[derive(Debug, Clone)]
enum Op {
    Splice {
        a: usize,
        b: usize,
        items: Vec<u32>,
        source: Source,
    },
    Push(u32),
    /// Allocates in the arena, so the vector is no longer the newest
    /// allocation and its next growth must move it.
    AllocElsewhere(usize),
}

fn op() -> impl Strategy<Value = Op> {
    let source = prop_oneof![Just(Source::Exact), Just(Source::Unsized)];
    prop_oneof![
        6 => (any::<usize>(), any::<usize>(), proptest::collection::vec(any::<u32>(), 0..12), source)
            .prop_map(|(a, b, items, source)| Op::Splice { a, b, items, source }),
        2 => any::<u32>().prop_map(Op::Push),
        1 => (1usize..24).prop_map(Op::AllocElsewhere),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn splice_behaves_like_vec(arena_bytes in 64usize..256, ops in proptest::collection::vec(op(), 1..40)) {
        let arena = Arena::with_capacity(arena_bytes);
        let mut vec = ArenaVec::<u32>::new_in(&arena);
        let mut model: Vec<u32> = Vec::new();
        for op in ops {
            match op {
                Op::Splice { a, b, items, source } => {
                    let (a, b) = (a % (model.len() + 1), b % (model.len() + 1));
                    let range = a.min(b)..a.max(b);
                    let (ptr, capacity, used) = (vec.as_ptr(), vec.capacity(), arena.used());
                    let result = match source {
                        Source::Exact => vec
                            .try_splice(range.clone(), items.iter().copied())
                            .map(Iterator::collect::<Vec<u32>>),
                        Source::Unsized => vec
                            .try_splice(range.clone(), items.iter().copied().filter(|_| true))
                            .map(Iterator::collect::<Vec<u32>>),
                    };
                    match result {
                        Ok(removed) => {
                            let expected: Vec<u32> = model.splice(range, items).collect();
                            prop_assert_eq!(removed, expected);
                        }
                        Err(err) => {
                            // Nothing half-applied: same elements, same
                            // buffer, and the arena as it was, but for the
                            // padding that aligned a buffer it moved to and
                            // gave back. std's op is skipped.
                            prop_assert!(is_exhaustion(err), "unexpected error {:?}", err);
                            prop_assert_eq!(vec.as_ptr(), ptr);
                            prop_assert_eq!(vec.capacity(), capacity);
                            prop_assert!(
                                (used..used + std::mem::align_of::<u32>()).contains(&arena.used()),
                                "used {} then {}", used, arena.used()
                            );
                        }
                    }
                }
                Op::Push(x) => {
                    if vec.try_push(x).is_ok() {
                        model.push(x);
                    }
                }
                Op::AllocElsewhere(n) => {
                    let _ = arena.try_alloc_bytes(n);
                }
            }
            prop_assert_eq!(vec.as_slice(), model.as_slice());
            prop_assert!(vec.capacity() >= vec.len());
        }
    }
}

#[test]
fn splice_grows_shrinks_and_keeps_length() {
    let arena = Arena::with_capacity(256);
    let mut vec = ArenaVec::from_slice_in(&[0u8, 1, 2, 3, 4, 5], &arena);
    let mut model = vec![0u8, 1, 2, 3, 4, 5];
    for (range, items) in [
        (1..3, vec![10, 11, 12, 13]),
        (0..6, vec![20]),
        (1..1, vec![30, 31]),
        (0..0, vec![]),
        (2..4, vec![40, 41]),
        (0..4, vec![]),
    ] {
        let removed: Vec<u8> = vec.splice(range.clone(), items.clone()).collect();
        let expected: Vec<u8> = model.splice(range, items).collect();
        assert_eq!(removed, expected);
        assert_eq!(vec, *model);
    }
}

#[test]
fn failure_leaves_the_vector_and_the_arena_unchanged() {
    let arena = Arena::with_capacity(64);
    let mut vec = ArenaVec::from_slice_in(&[1u64, 2, 3, 4], &arena);
    // The vector is the newest allocation: growth would be in place.
    let (ptr, capacity, used) = (vec.as_ptr(), vec.capacity(), arena.used());
    for unsized_items in [false, true] {
        let items = 0..6u64;
        let err = if unsized_items {
            vec.try_splice(1..2, items.filter(|_| true)).unwrap_err()
        } else {
            vec.try_splice(1..2, items).unwrap_err()
        };
        assert!(is_exhaustion(err), "{err:?}");
        assert_eq!(vec, [1, 2, 3, 4]);
        assert_eq!((vec.as_ptr(), vec.capacity()), (ptr, capacity));
        assert_eq!(arena.used(), used);
    }
    // Four in, one out: 4 + 4 elements of 8 bytes fit exactly.
    let removed: Vec<u64> = vec.splice(1..2, 10..14).collect();
    assert_eq!(removed, [2]);
    assert_eq!(vec, [1, 10, 11, 12, 13, 3, 4]);
}

#[test]
fn failure_after_a_move_restores_the_old_buffer() {
    let arena = Arena::with_capacity(128);
    let mut vec = ArenaVec::from_slice_in(&[1u32, 2, 3], &arena);
    // Something else is allocated after the vector: it must move to grow.
    let other = arena.alloc(7u32);
    let (ptr, capacity, used) = (vec.as_ptr(), vec.capacity(), arena.used());
    // Grows item by item: moves, then runs out in the new buffer.
    let err = vec.try_splice(0..0, (0..100).filter(|_| true)).unwrap_err();
    assert!(is_exhaustion(err), "{err:?}");
    assert_eq!(vec, [1, 2, 3]);
    assert_eq!((vec.as_ptr(), vec.capacity()), (ptr, capacity));
    assert_eq!(arena.used(), used);
    assert_eq!(*other, 7);
}

#[test]
fn sealed_fixed_capacity_vector_splices_within_its_capacity() {
    let arena = Arena::with_capacity(256);
    let mut vec = ArenaVec::<u16>::with_capacity_in(5, &arena);
    vec.extend_from_slice(&[1, 2, 3]);
    let frame = arena.ephemeral();
    assert_eq!(vec.try_splice(1..2, [7, 8]).map(|r| r.count()), Ok(1));
    assert_eq!(vec, [1, 7, 8, 3]);
    // Four in, none out would need 8 elements of room; the capacity is 5.
    assert_eq!(
        vec.try_splice(0..0, [9; 4]).map(|r| r.count()),
        Err(ArenaError::Sealed)
    );
    assert_eq!(vec, [1, 7, 8, 3]);
    drop(frame);
}

/// Yields `items`, then panics instead of yielding the one after `panic_after`.
fn panicking(items: &[u32], panic_after: usize) -> impl Iterator<Item = u32> + '_ {
    items.iter().enumerate().map(move |(i, &x)| {
        assert!(i < panic_after, "the replacement panics at item {i}");
        x
    })
}

#[test]
fn panicking_replacement_leaves_the_vector_unchanged() {
    let items = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
    for panic_after in [0, 1, 3, 9] {
        for range in [0..0, 1..3, 0..5, 5..5] {
            let arena = Arena::with_capacity(256);
            let mut vec = ArenaVec::from_slice_in(&[1u32, 2, 3, 4, 5], &arena);
            let mut model = vec![1u32, 2, 3, 4, 5];
            let (ptr, capacity, used) = (vec.as_ptr(), vec.capacity(), arena.used());

            let unwound = catch_unwind(AssertUnwindSafe(|| {
                vec.splice(range.clone(), panicking(&items, panic_after));
            }));
            assert!(unwound.is_err());
            let model_unwound = catch_unwind(AssertUnwindSafe(|| {
                model.splice(range.clone(), panicking(&items, panic_after));
            }));
            assert!(model_unwound.is_err());

            // Ours: all or nothing, so nothing; the growth was rolled back.
            assert_eq!(vec, [1, 2, 3, 4, 5]);
            assert_eq!((vec.as_ptr(), vec.capacity()), (ptr, capacity));
            assert_eq!(arena.used(), used);
            // std's: the range is gone, some of the items came in, none
            // twice, and the tail is whole.
            let (before, after) = (
                [1u32, 2, 3, 4, 5][..range.start].to_vec(),
                [1u32, 2, 3, 4, 5][range.end..].to_vec(),
            );
            assert_eq!(model[..range.start], before[..]);
            assert_eq!(model[model.len() - after.len()..], after[..]);
            let came_in = &model[range.start..model.len() - after.len()];
            assert_eq!(came_in, &items[..came_in.len()]);
            assert!(came_in.len() <= panic_after);

            // The vector is whole and usable.
            vec.push(6);
            vec.splice(1..3, [0]);
            assert_eq!(vec, [1, 0, 4, 5, 6]);
        }
    }
}

#[test]
fn zero_sized_elements_do_not_loop_over_the_tail() {
    let arena = Arena::with_capacity(64);
    let huge = usize::MAX / 2;
    let mut vec = ArenaVec::<()>::new_in(&arena);
    vec.resize(huge, ());
    assert_eq!(vec.splice(1..4, [(); 5]).len(), 3);
    assert_eq!(vec.len(), huge + 2);
    assert_eq!(vec.splice(..huge, [()]).len(), huge);
    assert_eq!(vec.len(), 3);
    // The length cannot overflow: the items are counted first.
    vec.resize(usize::MAX - 1, ());
    assert_eq!(
        vec.try_splice(0..0, [(); 2]).map(|r| r.len()),
        Err(ArenaError::SizeOverflow)
    );
    assert_eq!(vec.len(), usize::MAX - 1);
    assert_eq!(vec.try_splice(0..1, [(); 2]).map(|r| r.len()), Ok(1));
    assert_eq!(vec.len(), usize::MAX);
}

#[test]
fn leaked_iterator_leaves_a_valid_vector() {
    let arena = Arena::with_capacity(256);
    let mut vec = ArenaVec::from_slice_in(&[1u32, 2, 3, 4, 5], &arena);
    let mut removed = vec.splice(1..4, [7]);
    assert_eq!(removed.next(), Some(2));
    // `Splice` has no `Drop` today; the test keeps its meaning if it gets one.
    #[expect(
        clippy::forget_non_drop,
        reason = "leaking the iterator is what is tested"
    )]
    std::mem::forget(removed);
    assert_eq!(vec, [1, 7, 5]);
    // The removed elements' slots are spare capacity again.
    vec.extend_from_slice(&[8, 9, 10]);
    assert_eq!(vec, [1, 7, 5, 8, 9, 10]);
    let removed: Vec<u32> = vec.splice(.., []).collect();
    assert_eq!(removed, [1, 7, 5, 8, 9, 10]);
    assert!(vec.is_empty());
}

#[test]
fn the_iterator_yields_from_both_ends() {
    let arena = Arena::with_capacity(256);
    let mut vec = ArenaVec::from_slice_in(&[1u32, 2, 3, 4, 5], &arena);
    let mut removed = vec.splice(0..4, [9, 9]);
    assert_eq!(removed.len(), 4);
    assert_eq!(removed.next_back(), Some(4));
    assert_eq!(removed.next(), Some(1));
    assert_eq!(removed.as_slice(), &[2, 3]);
    assert_eq!(format!("{removed:?}"), "Splice([2, 3])");
    assert_eq!(removed.by_ref().count(), 2);
    assert_eq!(removed.next(), None);
    assert_eq!(vec, [9, 9, 5]);
}

#[test]
fn bad_ranges_panic_like_std_before_the_replacement_is_touched() {
    use std::ops::Bound::{self, Excluded, Included, Unbounded};
    type Range = (Bound<usize>, Bound<usize>);
    let arena = Arena::with_capacity(64);
    let untouchable = || std::iter::from_fn(|| -> Option<u32> { panic!("touched") });
    // Where std panics, `splice` and `try_splice` panic with std's message,
    // word for word and number for number (compared with the std these tests
    // are built with: Rust 1.95 or later, whose words the crate follows),
    // before the replacement is touched.
    let cases: [Range; 8] = [
        (Included(3), Excluded(2)),        // start > end
        (Unbounded, Excluded(4)),          // end > len
        (Included(0), Included(3)),        // inclusive end == len
        (Included(4), Unbounded),          // start > len
        (Excluded(usize::MAX), Unbounded), // start overflows
        (Unbounded, Included(usize::MAX)), // end overflows
        (Excluded(2), Excluded(2)),        // exclusive start == end
        (Excluded(3), Unbounded),          // exclusive start == len
    ];
    let mut vec = ArenaVec::from_slice_in(&[1u32, 2, 3], &arena);
    let mut model = vec![1u32, 2, 3];
    for range in cases {
        let std = panic_message(|| {
            model.splice(range, untouchable());
        })
        .expect("std panics");
        assert_ne!(std, "touched", "{range:?}");
        let ours = panic_message(|| {
            vec.splice(range, untouchable());
        })
        .expect("splice panics");
        assert_eq!(ours, std, "splice {range:?}");
        let ours = panic_message(|| {
            let _ = vec.try_splice(range, untouchable());
        })
        .expect("try_splice panics");
        assert_eq!(ours, std, "try_splice {range:?}");
        assert_eq!(vec, [1, 2, 3]);
        assert_eq!(model, [1, 2, 3]);
    }
}

#[test]
fn pointers_stay_valid_when_nothing_has_to_move() {
    let arena = Arena::with_capacity(256);
    let mut vec = ArenaVec::<u32>::with_capacity_in(16, &arena);
    vec.extend_from_slice(&[1, 2, 3, 4, 5]);
    let first = vec.as_mut_ptr();
    // SAFETY: the vector holds 5 elements.
    let last = unsafe { first.add(4) };
    // As many in as out: neither the prefix nor the tail moves.
    vec.splice(1..3, [8, 9]);
    // SAFETY: both elements are still there, in the same buffer; no reference
    // to them was made by `splice`.
    unsafe {
        assert_eq!((*first, *last), (1, 5));
        *first = 10;
        *last = 50;
    }
    // A different count moves the tail, never the prefix.
    vec.splice(1..2, [7, 7, 7]);
    // SAFETY: the buffer did not move (within capacity) and the first element
    // is before the range.
    unsafe { assert_eq!(*first, 10) };
    assert_eq!(vec, [10, 7, 7, 7, 9, 4, 50]);
}
