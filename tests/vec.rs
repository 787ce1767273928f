//! `ArenaVec` through its public API: a model-based property test against
//! `Vec`, the growth claims (in place, moving, sealed), and the std traits.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use arena_memory::{Arena, ArenaError, ArenaVec};
use proptest::prelude::*;

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
    fn behaves_like_vec(arena_bytes in 64usize..512, ops in proptest::collection::vec(op(), 1..80)) {
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
    for n in 1..4000u64 {
        vec.push(n);
        assert_eq!(vec.as_ptr(), start, "moved at push {n}");
    }
    assert!(vec.iter().copied().eq(0..4000));
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
    let mut vec = ArenaVec::<u32>::with_capacity_in(3, &arena).unwrap();
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
    let mut vec = ArenaVec::<u8>::with_capacity_in(1, &arena).unwrap();
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
        let arena = Arena::builder()
            .cache_line_size(line)
            .with_capacity(4096);
        arena.alloc(1u8);
        let vec = ArenaVec::<u8>::with_capacity_in(5, &arena).unwrap();
        assert_eq!(vec.as_ptr() as usize % line, 0);
        assert_eq!(vec.capacity(), 5);
        assert_eq!(arena.used(), line + 5);
    }
}

#[test]
fn capacity_zero_and_empty_sources_allocate_nothing() {
    let arena = Arena::with_capacity(64);
    let a = ArenaVec::<u64>::with_capacity_in(0, &arena).unwrap();
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
        ArenaVec::<u64>::with_capacity_in(usize::MAX / 4, &arena).unwrap_err(),
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
}

#[test]
fn into_slice_gives_the_unused_tail_back() {
    let arena = Arena::with_capacity(1024);
    let mut vec = ArenaVec::<u32>::with_capacity_in(100, &arena).unwrap();
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
    let mut vec = ArenaVec::<u32>::with_capacity_in(10, &arena).unwrap();
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
