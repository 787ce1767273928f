//! `ArenaVec` through its public API: a model-based property test against
//! `Vec`, the growth claims (in place, moving, sealed), and the std traits.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

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

#[derive(Debug, Clone)]
enum Op {
    Push(u32),
    Pop,
    Insert(usize, u32),
    Remove(usize),
    SwapRemove(usize),
    Truncate(usize),
    Clear,
    RetainOdd,
    ExtendFromSlice(Vec<u32>),
    Resize(usize, u32),
    Reserve(usize),
    /// Allocates in the arena, so the vector is no longer the most recent
    /// allocation and its next growth must move it.
    AllocElsewhere(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => any::<u32>().prop_map(Op::Push),
        1 => Just(Op::Pop),
        2 => (any::<usize>(), any::<u32>()).prop_map(|(i, x)| Op::Insert(i, x)),
        1 => any::<usize>().prop_map(Op::Remove),
        1 => any::<usize>().prop_map(Op::SwapRemove),
        1 => (0usize..40).prop_map(Op::Truncate),
        1 => Just(Op::Clear),
        1 => Just(Op::RetainOdd),
        2 => proptest::collection::vec(any::<u32>(), 0..24).prop_map(Op::ExtendFromSlice),
        1 => (0usize..80, any::<u32>()).prop_map(|(n, x)| Op::Resize(n, x)),
        1 => (0usize..64).prop_map(Op::Reserve),
        1 => (1usize..48).prop_map(Op::AllocElsewhere),
    ]
}

/// Whether `err` is what running out of arena memory looks like.
fn is_exhaustion(err: ArenaError) -> bool {
    matches!(err, ArenaError::CapacityExceeded { requested, remaining } if requested > remaining)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn behaves_like_vec(arena_bytes in 64usize..512, ops in proptest::collection::vec(op(), 1..if cfg!(miri) { 30 } else { 80 })) {
        let arena = Arena::with_capacity(arena_bytes);
        let mut vec = ArenaVec::<u32>::new_in(&arena);
        let mut model: Vec<u32> = Vec::new();
        for op in ops {
            let capacity_before = vec.capacity();
            let result = match op {
                Op::Push(x) => vec.try_push(x).map(|()| model.push(x)),
                Op::Pop => {
                    prop_assert_eq!(vec.pop(), model.pop());
                    Ok(())
                }
                Op::Insert(i, x) => {
                    let i = i % (model.len() + 1);
                    vec.try_insert(i, x).map(|()| model.insert(i, x))
                }
                Op::Remove(i) if !model.is_empty() => {
                    let i = i % model.len();
                    prop_assert_eq!(vec.remove(i), model.remove(i));
                    Ok(())
                }
                Op::SwapRemove(i) if !model.is_empty() => {
                    let i = i % model.len();
                    prop_assert_eq!(vec.swap_remove(i), model.swap_remove(i));
                    Ok(())
                }
                Op::Remove(_) | Op::SwapRemove(_) => Ok(()),
                Op::Truncate(n) => {
                    vec.truncate(n);
                    model.truncate(n);
                    Ok(())
                }
                Op::Clear => {
                    vec.clear();
                    model.clear();
                    Ok(())
                }
                Op::RetainOdd => {
                    vec.retain(|x| x % 2 == 1);
                    model.retain(|x| x % 2 == 1);
                    Ok(())
                }
                Op::ExtendFromSlice(xs) => {
                    vec.try_extend_from_slice(&xs).map(|()| model.extend_from_slice(&xs))
                }
                Op::Resize(n, x) => vec.try_resize(n, x).map(|()| model.resize(n, x)),
                Op::Reserve(n) => vec.try_reserve(n).map(|()| {
                    assert!(vec.capacity() >= model.len() + n);
                }),
                Op::AllocElsewhere(n) => {
                    let _ = arena.try_alloc_bytes(n);
                    Ok(())
                }
            };
            if let Err(err) = result {
                prop_assert!(is_exhaustion(err), "unexpected error {:?}", err);
                prop_assert_eq!(vec.capacity(), capacity_before);
            }
            prop_assert_eq!(vec.as_slice(), model.as_slice());
            prop_assert_eq!(vec.len(), model.len());
            prop_assert!(vec.capacity() >= vec.len());
        }
        // The slice handed out at the end holds the same elements.
        let frozen = vec.into_slice();
        prop_assert_eq!(&*frozen, model.as_slice());
    }
}

#[test]
fn small_arenas_run_out_and_the_vector_stays_whole() {
    let arena = Arena::with_capacity(64);
    let mut vec = ArenaVec::<u32>::new_in(&arena);
    let mut pushed = 0u32;
    while vec.try_push(pushed).is_ok() {
        pushed += 1;
    }
    // 64 bytes hold 16 u32 when growth is in place and falls back to exact
    // sizes.
    assert_eq!(pushed, 16);
    assert_eq!(vec.len(), 16);
    assert!(vec.iter().copied().eq(0..16));
    assert_eq!(
        vec.try_push(99),
        Err(ArenaError::CapacityExceeded {
            requested: 68,
            remaining: 0
        })
    );
}

#[test]
fn pushing_to_the_most_recent_vector_does_not_move_it() {
    let arena = Arena::with_capacity(64 * 1024);
    arena.alloc(1u8); // the vector does not start at the arena's start
    let mut vec = ArenaVec::<u64>::new_in(&arena);
    vec.push(0);
    let start = vec.as_ptr();
    let used_after_first_push = arena.used();
    let mut capacities = vec![vec.capacity()];
    for n in 1..4000u64 {
        vec.push(n);
        assert_eq!(vec.as_ptr(), start, "moved at push {n}");
        if vec.capacity() != *capacities.last().unwrap() {
            capacities.push(vec.capacity());
        }
    }
    assert!(vec.iter().copied().eq(0..4000));
    // Amortised growth in place too: each step at least doubles the capacity
    // (a push is O(1) on average), not one element at a time.
    for pair in capacities.windows(2) {
        assert!(pair[1] >= 2 * pair[0], "{capacities:?}");
    }
    // Nothing was left behind: the arena holds the byte, padding and one buffer.
    assert_eq!(
        arena.used(),
        used_after_first_push + (vec.capacity() - 4) * 8
    );
}

#[test]
fn a_vector_that_is_not_the_most_recent_allocation_moves_and_keeps_its_elements() {
    let arena = Arena::with_capacity(4096);
    let mut vec = ArenaVec::<u16>::new_in(&arena);
    vec.extend_from_slice(&[1, 2, 3, 4]);
    let before = vec.as_ptr();
    let blocker = arena.alloc(7u32);
    vec.push(5);
    assert_ne!(vec.as_ptr(), before);
    assert_eq!(vec, [1, 2, 3, 4, 5]);
    assert_eq!(*blocker, 7);
}

#[test]
fn growth_of_a_persistent_vector_in_a_sealed_arena_fails_and_changes_nothing() {
    let arena = Arena::with_capacity(4096);
    let mut vec = ArenaVec::<u32>::with_capacity_in(3, &arena);
    let mut frame = arena.ephemeral();
    vec.push(1);
    vec.extend_from_slice(&[2, 3]);
    let start = vec.as_ptr();
    assert_eq!(vec.try_push(4), Err(ArenaError::Sealed));
    assert_eq!(vec.try_insert(0, 4), Err(ArenaError::Sealed));
    assert_eq!(vec.try_extend_from_slice(&[4]), Err(ArenaError::Sealed));
    assert_eq!(vec.try_resize(4, 0), Err(ArenaError::Sealed));
    assert_eq!(vec.try_reserve(1), Err(ArenaError::Sealed));
    assert_eq!(vec, [1, 2, 3]);
    assert_eq!(vec.capacity(), 3);
    assert_eq!(vec.as_ptr(), start);
    // Within its capacity it keeps working, frame after frame.
    for round in 0..10 {
        vec.clear();
        vec.extend_from_slice(&[round, round + 1, round + 2]);
        frame.alloc_slice_fill(100, round);
        frame.reset();
    }
    assert_eq!(vec, [9, 10, 11]);
    drop(frame);
    // Once the frame is gone, the vector grows again.
    vec.push(12);
    assert_eq!(vec, [9, 10, 11, 12]);
}

#[test]
#[should_panic(expected = "arena is sealed")]
fn push_panics_with_the_error_message() {
    let arena = Arena::with_capacity(256);
    let mut vec = ArenaVec::<u8>::with_capacity_in(1, &arena);
    let _frame = arena.ephemeral();
    vec.push(1);
    vec.push(2);
}

#[test]
#[should_panic(expected = "arena capacity exceeded")]
fn extend_panics_when_the_arena_runs_out() {
    let arena = Arena::with_capacity(64);
    let mut vec = ArenaVec::<u8>::new_in(&arena);
    vec.extend(0..100u8);
}

#[test]
#[should_panic(expected = "insertion index (is 2) should be <= len (is 1)")]
fn insert_past_the_end_panics() {
    let arena = Arena::with_capacity(64);
    let mut vec = ArenaVec::from_slice_in(&[1u8], &arena);
    vec.insert(2, 0);
}

#[test]
#[should_panic(expected = "removal index (is 1) should be < len (is 1)")]
fn remove_past_the_end_panics() {
    let arena = Arena::with_capacity(64);
    let mut vec = ArenaVec::from_slice_in(&[1u8], &arena);
    vec.remove(1);
}

#[test]
fn explicit_capacity_starts_on_a_cache_line() {
    for line in [64usize, 128] {
        let arena = Arena::builder().cache_line_size(line).with_capacity(4096);
        arena.alloc(1u8);
        // A buffer at least a line long (issue 12's small-buffer rule; the
        // short ones are in tests/vec_std.rs).
        let vec = ArenaVec::<u8>::with_capacity_in(line, &arena);
        assert_eq!(vec.as_ptr() as usize % line, 0);
        assert_eq!(vec.capacity(), line);
        assert_eq!(arena.used(), line + line);
    }
}

#[test]
fn capacity_zero_and_empty_sources_allocate_nothing() {
    let arena = Arena::with_capacity(64);
    let a = ArenaVec::<u64>::with_capacity_in(0, &arena);
    let b = ArenaVec::<u64>::try_from_slice_in(&[], &arena).unwrap();
    let c = ArenaVec::<u64>::try_from_iter_in(std::iter::empty(), &arena).unwrap();
    assert_eq!(arena.used(), 0);
    assert!(a.is_empty() && b.is_empty() && c.is_empty());
    assert_eq!(a.as_ptr() as usize % 8, 0);
}

#[test]
fn impossible_sizes_are_size_overflow() {
    let arena = Arena::with_capacity(64);
    assert_eq!(
        ArenaVec::<u64>::try_with_capacity_in(usize::MAX / 4, &arena).unwrap_err(),
        ArenaError::SizeOverflow
    );
    let mut vec = ArenaVec::<u64>::from_slice_in(&[1], &arena);
    assert_eq!(vec.try_reserve(usize::MAX), Err(ArenaError::SizeOverflow));
    assert_eq!(
        vec.try_reserve(usize::MAX / 8),
        Err(ArenaError::SizeOverflow)
    );
    assert_eq!(vec, [1]);
}

#[test]
fn zero_sized_elements_never_allocate() {
    let arena = Arena::with_capacity(8);
    let mut vec = ArenaVec::<()>::new_in(&arena);
    assert_eq!(vec.capacity(), usize::MAX);
    for _ in 0..1000 {
        vec.push(());
    }
    vec.insert(3, ());
    assert_eq!(vec.len(), 1001);
    assert_eq!(vec.pop(), Some(()));
    assert_eq!(arena.used(), 0);
    assert_eq!(vec.into_slice().len(), 1000);
    // Whatever capacity is asked for, as std's `Vec<()>`: all of it.
    for asked in [1, 5, usize::MAX] {
        let vec = ArenaVec::<()>::with_capacity_in(asked, &arena);
        assert_eq!(vec.capacity(), usize::MAX);
        assert_eq!(Vec::<()>::with_capacity(asked).capacity(), usize::MAX);
    }
    assert_eq!(arena.used(), 0);
}

#[test]
fn into_slice_gives_the_unused_tail_back() {
    let arena = Arena::with_capacity(1024);
    let mut vec = ArenaVec::<u32>::with_capacity_in(100, &arena);
    vec.extend_from_slice(&[1, 2, 3]);
    let frozen = vec.into_slice();
    assert_eq!(arena.used(), 12);
    let next = arena.alloc(9u32);
    assert_eq!(next as *mut u32, frozen[3..].as_mut_ptr());
    frozen[0] = 7;
    assert_eq!(frozen, &[7, 2, 3]);
    assert_eq!(*next, 9);
}

#[test]
fn into_slice_of_an_older_vector_keeps_its_buffer() {
    let arena = Arena::with_capacity(1024);
    let mut vec = ArenaVec::<u32>::with_capacity_in(10, &arena);
    vec.push(1);
    arena.alloc(0u8);
    let used = arena.used();
    assert_eq!(vec.into_slice(), &[1]);
    assert_eq!(arena.used(), used);
}

#[test]
fn iteration_by_value_by_reference_and_by_mutable_reference() {
    let arena = Arena::with_capacity(256);
    let mut vec = ArenaVec::from_slice_in(&[1, 2, 3], &arena);
    for x in &mut vec {
        *x *= 10;
    }
    let by_ref: Vec<i32> = (&vec).into_iter().copied().collect();
    assert_eq!(by_ref, [10, 20, 30]);
    let mut iter = vec.into_iter();
    assert_eq!(iter.len(), 3);
    assert_eq!(iter.next(), Some(10));
    assert_eq!(iter.next_back(), Some(30));
    assert_eq!(format!("{iter:?}"), "IntoIter([20])");
    assert_eq!(iter.collect::<Vec<_>>(), [20]);
}

#[test]
fn extend_from_values_and_references() {
    let arena = Arena::with_capacity(256);
    let mut vec = ArenaVec::new_in(&arena);
    vec.extend([1u8, 2]);
    vec.extend(&[3u8, 4]);
    vec.extend((5..7u8).filter(|_| true));
    assert_eq!(vec, [1, 2, 3, 4, 5, 6]);
}

#[test]
#[expect(
    clippy::op_ref,
    reason = "the comparisons with references are the impls under test"
)]
fn comparisons_both_ways_round() {
    let arena = Arena::with_capacity(256);
    let a = ArenaVec::from_slice_in(&[1, 2, 3], &arena);
    let b = ArenaVec::from_slice_in(&[1, 2, 4], &arena);
    let slice: &[i32] = &[1, 2, 3];
    let mut array = [1, 2, 3];
    assert!(a == a && a != b);
    assert!(a == *slice && a == slice && a == [1, 2, 3] && a == &[1, 2, 3]);
    assert!(a == &mut array[..]);
    assert!(*slice == a && slice == a && [1, 2, 3] == a && &mut array[..] == a);
    assert!(a != [1, 2] && [1, 2, 3, 4] != a);
    assert!(a < b);
    assert!(b > a);
    assert_eq!(a.cmp(&b), std::cmp::Ordering::Less);
    assert_eq!(a.partial_cmp(&a), Some(std::cmp::Ordering::Equal));
}

#[test]
fn hash_debug_and_borrow_delegate_to_the_slice() {
    fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
        let mut hasher = DefaultHasher::new();
        value.hash(&mut hasher);
        hasher.finish()
    }
    let arena = Arena::with_capacity(256);
    let mut vec = ArenaVec::from_slice_in(&[5u8, 6], &arena);
    assert_eq!(hash_of(&vec), hash_of(&[5u8, 6][..]));
    assert_ne!(hash_of(&vec), hash_of(&[6u8, 5][..]));
    assert_eq!(format!("{vec:?}"), "[5, 6]");
    assert_eq!(format!("{vec:#?}"), format!("{:#?}", [5u8, 6]));
    let as_ref: &[u8] = vec.as_ref();
    assert_eq!(as_ref, &[5, 6]);
    let borrowed: &[u8] = std::borrow::Borrow::borrow(&vec);
    assert_eq!(borrowed, &[5, 6]);
    std::borrow::BorrowMut::<[u8]>::borrow_mut(&mut vec)[0] = 1;
    AsMut::<[u8]>::as_mut(&mut vec)[1] = 2;
    assert_eq!(vec, [1, 2]);
    // `Deref` gives the slice methods.
    vec.reverse();
    assert_eq!(vec.first(), Some(&2));
}

#[test]
fn from_iter_reserves_and_reports_exhaustion() {
    let arena = Arena::with_capacity(128);
    let vec = ArenaVec::try_from_iter_in(0..8u32, &arena).unwrap();
    assert_eq!(vec.capacity(), 8); // the exact size hint, reserved once
    assert!(matches!(
        ArenaVec::try_from_iter_in(0..1000u32, &arena),
        Err(ArenaError::CapacityExceeded { .. })
    ));
    assert_eq!(vec, [0, 1, 2, 3, 4, 5, 6, 7]);
}

// ----- retain when the predicate panics -------------------------------------------

/// Runs `retain` on `vec` and on `model` with the same predicate: it keeps
/// the elements `keep` says, and unwinds (without calling the panic hook, so
/// the output stays quiet) when it reaches index `panic_at`. Returns whether
/// each one unwound.
fn retain_both(
    vec: &mut ArenaVec<'_, u32>,
    model: &mut Vec<u32>,
    keep: &[bool],
    panic_at: Option<usize>,
) -> (bool, bool) {
    fn predicate<'k>(keep: &'k [bool], panic_at: Option<usize>) -> impl FnMut(&u32) -> bool + 'k {
        let mut index = 0;
        move |_| {
            if Some(index) == panic_at {
                std::panic::resume_unwind(Box::new("the predicate gave up"));
            }
            index += 1;
            keep[index - 1]
        }
    }
    let vec_unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        vec.retain(predicate(keep, panic_at));
    }))
    .is_err();
    let model_unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        model.retain(predicate(keep, panic_at));
    }))
    .is_err();
    (vec_unwound, model_unwound)
}

#[test]
fn retain_that_panics_midway_leaves_what_vec_leaves() {
    let arena = Arena::with_capacity(256);
    let mut vec = ArenaVec::from_slice_in(&[1u32, 2, 3, 4, 5], &arena);
    let capacity = vec.capacity();
    let unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        vec.retain(|&n| {
            assert_ne!(n, 4, "the predicate panics at 4");
            n != 2
        });
    }));
    assert!(unwound.is_err());
    // What std's `Vec::retain` leaves: the processed part without 2, then the
    // unprocessed tail (4 included), each element once.
    let mut model = vec![1u32, 2, 3, 4, 5];
    let model_unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        model.retain(|&n| {
            assert_ne!(n, 4, "the predicate panics at 4");
            n != 2
        });
    }));
    assert!(model_unwound.is_err());
    assert_eq!(model, [1, 3, 4, 5]);
    assert_eq!(vec.as_slice(), model.as_slice());
    assert_eq!(vec.capacity(), capacity);
    // The vector is whole: it still works.
    vec.push(6);
    assert_eq!(vec, [1, 3, 4, 5, 6]);
}

#[test]
fn retain_that_panics_at_any_element_behaves_like_vec() {
    for panic_at in 0..4 {
        for mask in 0u8..16 {
            let arena = Arena::with_capacity(64);
            let keep: Vec<bool> = (0..4).map(|bit| mask & (1 << bit) != 0).collect();
            let mut vec = ArenaVec::from_slice_in(&[10u32, 11, 12, 13], &arena);
            let mut model = vec![10u32, 11, 12, 13];
            let (vec_unwound, model_unwound) =
                retain_both(&mut vec, &mut model, &keep, Some(panic_at));
            assert!(vec_unwound && model_unwound);
            assert_eq!(
                vec.as_slice(),
                model.as_slice(),
                "keep {keep:?}, panic at {panic_at}"
            );
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn retain_with_a_panicking_predicate_behaves_like_vec(
        elems in proptest::collection::vec(any::<u32>(), 0..24),
        keep in proptest::collection::vec(any::<bool>(), 24),
        panic_at in proptest::option::of(0usize..26),
    ) {
        let arena = Arena::with_capacity(256);
        let mut vec = ArenaVec::from_slice_in(&elems, &arena);
        let mut model = elems.clone();
        let (vec_unwound, model_unwound) = retain_both(&mut vec, &mut model, &keep, panic_at);
        prop_assert_eq!(vec_unwound, model_unwound);
        prop_assert_eq!(vec.as_slice(), model.as_slice());
        vec.push(7);
        model.push(7);
        prop_assert_eq!(vec.as_slice(), model.as_slice());
    }
}

// ----- zero-sized elements: no loop over a length -----------------------------------

#[test]
fn zero_sized_resize_to_usize_max_finishes() {
    let arena = Arena::with_capacity(8);
    let mut vec = ArenaVec::<()>::new_in(&arena);
    assert_eq!(vec.try_resize(usize::MAX, ()), Ok(()));
    assert_eq!(vec.len(), usize::MAX);
    vec.resize(1, ());
    assert_eq!(vec.len(), 1);
    vec.resize(usize::MAX, ());
    assert_eq!(vec.len(), usize::MAX);
    assert_eq!(vec.try_push(()), Err(ArenaError::SizeOverflow));
    assert_eq!(vec.try_insert(0, ()), Err(ArenaError::SizeOverflow));
    assert_eq!(vec.try_resize_zeroed(usize::MAX), Ok(()));
    vec.resize_zeroed(3);
    assert_eq!(vec.len(), 3);
    vec.resize_zeroed(usize::MAX);
    assert_eq!(vec.len(), usize::MAX);
    assert_eq!(arena.used(), 0);
}

#[test]
fn zero_sized_removals_from_a_usize_max_vector_finish() {
    let arena = Arena::with_capacity(8);
    let mut vec = ArenaVec::<()>::new_in(&arena);
    vec.resize(usize::MAX, ());
    assert_eq!(vec.pop(), Some(()));
    vec.remove(0);
    vec.swap_remove(usize::MAX - 3);
    assert_eq!(vec.len(), usize::MAX - 3);
    vec.insert(1, ());
    assert_eq!(vec.len(), usize::MAX - 2);
    vec.truncate(usize::MAX - 10);
    assert_eq!(vec.len(), usize::MAX - 10);
}

#[test]
fn zero_sized_slices_of_usize_max_elements_copy_at_once() {
    let arena = Arena::with_capacity(8);
    let units: &[()] = arena.alloc_slice_fill(usize::MAX, ());
    let vec = ArenaVec::from_slice_in(units, &arena);
    assert_eq!(vec.len(), usize::MAX);
    let mut vec = ArenaVec::<()>::new_in(&arena);
    vec.push(());
    assert_eq!(
        vec.try_extend_from_slice(units),
        Err(ArenaError::SizeOverflow)
    );
    vec.clear();
    vec.extend_from_slice(units);
    assert_eq!(vec.len(), usize::MAX);
    assert_eq!(arena.used(), 0);
}

#[test]
fn zero_sized_into_iter_of_usize_max_elements_counts_at_once() {
    let arena = Arena::with_capacity(8);
    let huge = || {
        let mut vec = ArenaVec::<()>::new_in(&arena);
        vec.resize(usize::MAX, ());
        vec.into_iter()
    };
    assert_eq!(huge().len(), usize::MAX);
    assert_eq!(huge().size_hint(), (usize::MAX, Some(usize::MAX)));
    assert_eq!(huge().count(), usize::MAX);
    assert_eq!(huge().last(), Some(()));
    let mut iter = huge();
    assert_eq!(iter.nth(usize::MAX - 2), Some(()));
    assert_eq!(iter.len(), 1);
    let mut iter = huge();
    assert_eq!(iter.nth_back(usize::MAX - 2), Some(()));
    assert_eq!(iter.next_back(), Some(()));
    assert_eq!(iter.next(), None);
    assert_eq!(huge().as_slice().len(), usize::MAX);
}

// ----- pointer stability: touch only the elements an operation concerns ------------

/// std's `test_stable_pointers` (library/alloc/tests/vec.rs), on `ArenaVec`:
/// within the capacity, adding and removing elements leaves a reference to
/// element 0 valid. The methods `ArenaVec` lacks (`append`, `resize_with`,
/// `reserve_exact`, `drain`, `splice`, `spare_capacity_mut`) are left out.
/// Only Miri can see a failure short of a relocation.
#[test]
fn stable_pointers_like_std() {
    let arena = Arena::with_capacity(1024);
    let mut v = ArenaVec::<i32>::with_capacity_in(128, &arena);
    v.push(13);

    // Laundering the lifetime: `v` does not reallocate below its capacity.
    let v0 = &mut v[0];
    // SAFETY: `v0` points to element 0, which stays put for the whole test.
    let v0 = unsafe { &mut *(v0 as *mut i32) };

    // Pushing/inserting and popping/removing.
    v.push(1);
    v.push(2);
    v.insert(1, 1);
    assert_eq!(*v0, 13);
    v.remove(1);
    v.pop().unwrap();
    assert_eq!(*v0, 13);
    v.push(1);
    v.swap_remove(1);
    assert_eq!(v.len(), 2);
    v.swap_remove(1); // swap_remove the last element
    assert_eq!(*v0, 13);

    // Extending.
    v.extend_from_slice(&[27, 19]);
    v.extend_from_slice(&[1, 2]);
    v.extend(&[1, 2]);
    v.extend(vec![2, 3]);
    v.extend(std::iter::once(3));
    v.extend(std::iter::empty::<i32>());
    v.extend(std::iter::once(3).filter(|_| true));
    v.extend(std::iter::once(&3));
    assert_eq!(*v0, 13);

    // Truncation.
    v.truncate(2);
    assert_eq!(*v0, 13);

    // Resizing.
    v.resize(v.len() + 10, 42);
    assert_eq!(*v0, 13);
    v.resize(2, 0);
    assert_eq!(*v0, 13);

    // No-op reservation.
    v.reserve(32);
    assert_eq!(*v0, 13);

    // Smoke test that would fire even outside Miri if an actual relocation
    // happened; also shows the pointer is still writeable after all this.
    *v0 -= 13;
    assert_eq!(v[0], 0);
}

/// Holds, across `op`, three pointers to element 0 of `[10, 11, 12, 13, 14, 15]`
/// (capacity 16): a raw `*mut` from `as_mut_ptr`, a `*const` from `as_ptr`, and
/// a `&mut` made from `as_mut_ptr` and written once (so Tree Borrows counts it
/// as active). `op` must not touch element 0; after it, all three still read
/// and write element 0, and then the vector holds `after` (element 0 as 13,
/// after three increments). Nothing in between looks at the whole vector: that
/// would be a read of element 0 through another pointer.
fn element_0_survives(op: impl FnOnce(&mut ArenaVec<'_, u32>), after: &[u32]) {
    let arena = Arena::with_capacity(1024);
    let mut vec = ArenaVec::<u32>::with_capacity_in(16, &arena);
    vec.extend_from_slice(&[10, 11, 12, 13, 14, 15]);
    let raw: *mut u32 = vec.as_mut_ptr();
    let shared: *const u32 = vec.as_ptr();
    // SAFETY: element 0 is initialised and does not move while `vec` stays
    // within its capacity; nothing else refers to it.
    let first: &mut u32 = unsafe { &mut *vec.as_mut_ptr() };
    *first += 1;
    op(&mut vec);
    assert_eq!(*first, 11);
    *first += 1;
    // SAFETY: `raw` and `shared` point to element 0, still in the buffer; the
    // reference `first` is not used again.
    unsafe {
        assert_eq!(shared.read(), 12);
        raw.write(raw.read() + 1);
    }
    assert_eq!(vec, after);
}

#[test]
fn pop_keeps_pointers_to_other_elements() {
    element_0_survives(|vec| assert_eq!(vec.pop(), Some(15)), &[13, 11, 12, 13, 14]);
}

#[test]
fn remove_keeps_pointers_to_elements_before_it() {
    element_0_survives(
        |vec| {
            assert_eq!(vec.remove(2), 12);
            assert_eq!(vec.remove(vec.len() - 1), 15);
        },
        &[13, 11, 13, 14],
    );
}

#[test]
fn swap_remove_keeps_pointers_to_other_elements() {
    element_0_survives(
        |vec| {
            assert_eq!(vec.swap_remove(1), 11);
            assert_eq!(vec.swap_remove(vec.len() - 1), 14);
        },
        &[13, 15, 12, 13],
    );
}

#[test]
fn truncate_keeps_pointers_to_the_elements_kept() {
    element_0_survives(|vec| vec.truncate(3), &[13, 11, 12]);
}

#[test]
fn push_insert_extend_and_resize_within_capacity_keep_pointers() {
    element_0_survives(
        |vec| {
            vec.push(16);
            vec.insert(1, 9);
            vec.try_insert(vec.len(), 17).unwrap();
            vec.extend_from_slice(&[18, 19]);
            vec.extend([20, 21]);
            vec.extend(&[22]);
            vec.resize(15, 0);
            vec.resize_zeroed(16);
            vec.truncate(9);
        },
        &[13, 9, 11, 12, 13, 14, 15, 16, 17],
    );
}

#[test]
fn retain_keeps_pointers_to_elements_it_keeps_in_place() {
    // The predicate sees element 0 by shared reference (a read); the kept
    // elements before the first removal are not written.
    let arena = Arena::with_capacity(1024);
    let mut vec = ArenaVec::<u32>::with_capacity_in(16, &arena);
    vec.extend_from_slice(&[10, 11, 12, 13, 14, 15]);
    let raw: *mut u32 = vec.as_mut_ptr();
    let slice = vec.as_mut_slice();
    let v0: *mut u32 = &mut slice[0];
    let v1: *mut u32 = &mut slice[1];
    vec.retain(|&n| n % 2 == 1 || n < 12);
    assert_eq!(vec, [10, 11, 13, 15]);
    // SAFETY: elements 0 and 1 were kept where they were; nothing wrote them.
    unsafe {
        *v0 += 100;
        *v1 += 100;
        raw.write(raw.read() + 1);
    }
    assert_eq!(vec, [111, 111, 13, 15]);
}

#[test]
fn as_ptr_and_as_mut_ptr_do_not_materialise_a_reference() {
    // std's guarantee for `Vec::as_mut_ptr`: pointers from it (and `as_ptr`)
    // stay valid when mixed with each other.
    let arena = Arena::with_capacity(64);
    let mut vec = ArenaVec::from_slice_in(&[0u32, 0], &arena);
    // SAFETY: both pointers point into the two initialised elements, and no
    // reference to them lives meanwhile.
    unsafe {
        let ptr1 = vec.as_mut_ptr();
        ptr1.write(1);
        let ptr2 = vec.as_mut_ptr();
        ptr2.add(1).write(2);
        let read = vec.as_ptr();
        // The write through `ptr2` did not invalidate `ptr1`, nor `read` it.
        ptr1.write(3);
        assert_eq!(read.add(1).read(), 2);
        assert_eq!(ptr2.read(), 3);
    }
    assert_eq!(vec, [3, 2]);
}

/// Ranges that std refuses for a length of 5, one per way of being wrong.
fn bad_ranges() -> [(std::ops::Bound<usize>, std::ops::Bound<usize>); 10] {
    use std::ops::Bound::{Excluded, Included, Unbounded};
    [
        (Included(3), Excluded(2)),                   // start > end
        (Included(2), Excluded(9)),                   // end > len
        (Included(7), Unbounded),                     // start > len
        (Included(9), Excluded(2)),                   // start > len and > end
        (Unbounded, Included(5)),                     // inclusive end == len
        (Unbounded, Included(usize::MAX)),            // end overflows
        (Excluded(usize::MAX), Unbounded),            // start overflows
        (Excluded(usize::MAX), Included(usize::MAX)), // both overflow
        (Excluded(3), Excluded(3)),                   // exclusive start == end
        (Excluded(5), Unbounded),                     // exclusive start == len
    ]
}

// std's wording is the one of the toolchain the tests are built with; it
// changed between Rust 1.85 and 1.95 (overflow and a start past the length),
// and the crate follows 1.95's, so these tests need Rust 1.95 or later.
/// `drain`, `extend_from_within` (both forms) and `extract_if` panic on a bad
/// range with the message `Vec`'s do, word for word and number for number,
/// compared with the std these tests are built with, and leave the vector as
/// it was.
#[test]
fn bad_ranges_panic_with_vecs_messages() {
    let arena = Arena::with_capacity(256);
    let mut vec = ArenaVec::from_slice_in(&[1u32, 2, 3, 4, 5], &arena);
    for range in bad_ranges() {
        let mut model = vec![1u32, 2, 3, 4, 5];
        let std = panic_message(|| drop(model.drain(range)));
        assert!(std.is_some(), "{range:?} is a bad range for std");
        assert_eq!(
            panic_message(|| drop(vec.drain(range))),
            std,
            "drain {range:?}"
        );
        let std = panic_message(|| model.extend_from_within(range));
        assert_eq!(
            panic_message(|| vec.extend_from_within(range)),
            std,
            "extend_from_within {range:?}"
        );
        assert_eq!(
            panic_message(|| {
                let _ = vec.try_extend_from_within(range);
            }),
            std,
            "try_extend_from_within {range:?}"
        );
        let std = panic_message(|| model.extract_if(range, |_| true).for_each(drop));
        assert_eq!(
            panic_message(|| vec.extract_if(range, |_| true).for_each(drop)),
            std,
            "extract_if {range:?}"
        );
        assert_eq!(vec, [1, 2, 3, 4, 5]);
        assert_eq!(model, [1, 2, 3, 4, 5]);
    }
}

/// Every way of writing a range over five elements (each bound unbounded, or
/// included or excluded at 0 to 6): `drain`, `extend_from_within` and
/// `extract_if` take the elements `Vec`'s take, or panic with its message.
#[test]
fn every_range_selects_what_vecs_select() {
    use std::ops::Bound::{self, Excluded, Included, Unbounded};
    let bounds: Vec<Bound<usize>> = [Unbounded]
        .into_iter()
        .chain((0..=6).flat_map(|i| [Included(i), Excluded(i)]))
        .collect();
    let init = [1u32, 2, 3, 4, 5];
    for &start in &bounds {
        for &end in &bounds {
            let range = (start, end);
            let arena = Arena::with_capacity(256);
            let mut vec = ArenaVec::from_slice_in(&init, &arena);
            let mut model = init.to_vec();
            let (mut ours, mut std) = (Vec::new(), Vec::new());
            assert_eq!(
                panic_message(|| ours = vec.drain(range).collect()),
                panic_message(|| std = model.drain(range).collect()),
                "drain {range:?}"
            );
            assert_eq!(
                (&ours, vec.as_slice()),
                (&std, &model[..]),
                "drain {range:?}"
            );
            let mut vec = ArenaVec::from_slice_in(&init, &arena);
            let mut model = init.to_vec();
            assert_eq!(
                panic_message(|| vec.extend_from_within(range)),
                panic_message(|| model.extend_from_within(range)),
                "extend_from_within {range:?}"
            );
            assert_eq!(vec, model, "extend_from_within {range:?}");
            let mut vec = ArenaVec::from_slice_in(&init, &arena);
            let mut model = init.to_vec();
            let odd = |x: &mut u32| *x % 2 == 1;
            assert_eq!(
                panic_message(|| ours = vec.extract_if(range, odd).collect()),
                panic_message(|| std = model.extract_if(range, odd).collect()),
                "extract_if {range:?}"
            );
            assert_eq!(
                (&ours, vec.as_slice()),
                (&std, &model[..]),
                "extract_if {range:?}"
            );
        }
    }
}

#[test]
fn pushes_past_capacity_double_the_newest_buffer_in_place() {
    let arena = Arena::with_capacity(4096);
    let mut words = ArenaVec::<u32>::new_in(&arena);
    words.push(0);
    let start = words.as_ptr();
    assert_eq!(words.capacity(), 4, "a fresh buffer of u32 starts at 4");
    for i in 1..5 {
        words.push(i);
    }
    // The newest allocation grows where it is, to double: 4 -> 8, not 5.
    assert_eq!(words.capacity(), 8);
    assert_eq!(words.as_ptr(), start);
    assert_eq!(arena.used(), 8 * 4);
    words.extend_from_slice(&[5, 6, 7, 8]);
    assert_eq!(words.capacity(), 16);
    assert_eq!(words.as_ptr(), start);
    assert_eq!(words, [0, 1, 2, 3, 4, 5, 6, 7, 8]);

    // Not the newest any more: it moves, to double, and the old buffer stays.
    let mut halves = ArenaVec::<u16>::from_slice_in(&[1, 2, 3, 4], &arena);
    let other = arena.alloc(0u8);
    let before = halves.as_ptr();
    halves.push(5);
    assert_ne!(halves.as_ptr(), before);
    assert_eq!(halves.capacity(), 8);
    assert_eq!(halves, [1, 2, 3, 4, 5]);
    assert_eq!(*other, 0);

    // Newest again, u16: in place to double.
    let moved = halves.as_ptr();
    halves.extend_from_slice(&[6, 7, 8, 9]);
    assert_eq!(halves.capacity(), 16);
    assert_eq!(halves.as_ptr(), moved);
}

/// Runs `op` on a full vector of `[10, 11, 12, 13, 14, 15]` (capacity 6) whose
/// buffer the arena's next allocation, `[90, 91, 92, 93]`, follows directly,
/// and on a `Vec` holding the same; then the two must agree and the
/// neighbour must be untouched: an edit inside a vector moves only its own
/// elements, never a byte past its capacity (where another allocation may
/// live).
fn edit_beside_a_neighbour(
    op: impl FnOnce(&mut ArenaVec<'_, u32>),
    model: impl FnOnce(&mut Vec<u32>),
) {
    let start = [10, 11, 12, 13, 14, 15];
    let arena = Arena::with_capacity(1024);
    let mut vec = ArenaVec::<u32>::with_capacity_in(6, &arena);
    vec.extend_from_slice(&start);
    let neighbour = arena.alloc_slice_copy(&[90u32, 91, 92, 93]);
    assert_eq!(neighbour.as_ptr(), vec.as_ptr().wrapping_add(6));
    let mut expected = start.to_vec();
    model(&mut expected);
    op(&mut vec);
    assert_eq!(vec, expected.as_slice());
    assert_eq!(neighbour, &[90, 91, 92, 93]);
}

#[test]
fn in_place_edits_of_a_full_vector_leave_the_next_allocation_alone() {
    for index in 0..6 {
        edit_beside_a_neighbour(
            |vec| assert_eq!(vec.remove(index), 10 + index as u32),
            |model| {
                model.remove(index);
            },
        );
        edit_beside_a_neighbour(
            |vec| assert_eq!(vec.swap_remove(index), 10 + index as u32),
            |model| {
                model.swap_remove(index);
            },
        );
        edit_beside_a_neighbour(
            |vec| {
                vec.pop();
                vec.insert(index, 7);
            },
            |model| {
                model.pop();
                model.insert(index, 7);
            },
        );
        for end in index..=6 {
            edit_beside_a_neighbour(
                |vec| drop(vec.drain(index..end)),
                |model| drop(model.drain(index..end)),
            );
            edit_beside_a_neighbour(
                |vec| drop(vec.extract_if(index..end, |n| *n % 2 == 0)),
                |model| drop(model.extract_if(index..end, |n| *n % 2 == 0)),
            );
            edit_beside_a_neighbour(
                |vec| vec.splice(index..end, [1, 2]).for_each(drop),
                |model| model.splice(index..end, [1, 2]).for_each(drop),
            );
        }
        let keep = move |n: &u32| (*n as usize - 10) != index;
        edit_beside_a_neighbour(|vec| vec.retain(keep), |model| model.retain(keep));
        edit_beside_a_neighbour(
            |vec| vec.retain_mut(|n| keep(n)),
            |model| model.retain_mut(|n| keep(n)),
        );
        let bucket = move |n: &mut u32| (*n as usize - 10).min(index);
        edit_beside_a_neighbour(
            |vec| vec.dedup_by_key(bucket),
            |model| model.dedup_by_key(bucket),
        );
        edit_beside_a_neighbour(|vec| vec.truncate(index), |model| model.truncate(index));
    }
}

#[test]
fn a_newest_buffer_that_cannot_double_grows_in_place_to_exactly_what_is_needed() {
    let arena = Arena::with_capacity(64);
    assert_eq!(arena.capacity(), 64);
    let mut words = ArenaVec::<u32>::with_capacity_in(10, &arena);
    words.extend_from_slice(&[7; 10]);
    let start = words.as_ptr();
    assert_eq!(arena.remaining(), 24);
    // Doubling (80 bytes) does not fit, and neither does a new buffer of 11
    // beside this one (44 bytes in 24): only growing in place, to 11, does.
    words.push(8);
    assert_eq!(words.capacity(), 11);
    assert_eq!(words.as_ptr(), start);
    assert_eq!(arena.used(), 44);
    assert_eq!(words[10], 8);
}

#[test]
fn into_flattened_counts_the_capacity_in_inner_elements() {
    let arena = Arena::with_capacity(1024);
    let mut pairs = ArenaVec::<[u16; 3]>::with_capacity_in(4, &arena);
    pairs.push([1, 2, 3]);
    pairs.push([4, 5, 6]);
    let flat = pairs.into_flattened();
    assert_eq!(flat, [1, 2, 3, 4, 5, 6]);
    assert_eq!(flat.capacity(), 12);
    // The room is really there: filling it does not move the buffer.
    let start = flat.as_ptr();
    let mut flat = flat;
    flat.extend_from_slice(&[0; 6]);
    assert_eq!(flat.as_ptr(), start);
    assert_eq!(flat.len(), 12);
}
