//! `ArenaHashMap` through its public API: model-based property tests against
//! std's `HashMap` (every mutating method, the entry API, growth, sealing),
//! the no-allocation-below-capacity guarantee after any history, growth and
//! what it costs, and the std traits.

use std::cell::Cell;
use std::collections::HashMap;

use arena_memory::hash_map::{DefaultHashBuilder, Entry};
use arena_memory::{Arena, ArenaError, ArenaHashMap};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: if cfg!(miri) { 4 } else { 256 },
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A small deterministic generator (xorshift64*), for long random runs that
/// need no proptest shrinking.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Checks the map against the model: same length, same entries.
fn assert_same<S: std::hash::BuildHasher>(
    map: &ArenaHashMap<'_, u32, u64, S>,
    model: &HashMap<u32, u64>,
) {
    assert_eq!(map.len(), model.len());
    assert!(map.len() <= map.capacity());
    for (key, value) in model {
        assert_eq!(map.get(key), Some(value), "key {key}");
    }
    let collected: HashMap<u32, u64> = map.iter().map(|(&k, &v)| (k, v)).collect();
    assert_eq!(&collected, model);
}

/// The arena's figures an operation that does not allocate leaves alone.
fn figures(arena: &Arena<'_>) -> (usize, usize) {
    (arena.used(), arena.remaining())
}

#[derive(Debug, Clone)]
enum Op {
    Insert(u32, u64),
    Remove(u32),
    RemoveEntry(u32),
    Get(u32),
    GetMut(u32, u64),
    RetainEven,
    Clear,
    Reserve(usize),
    ShrinkToFit,
    Drain,
    ExtractOdd,
    GetDisjointMut(u32, u32),
    ExtendPairs(Vec<(u32, u64)>),
    /// `entry(k).and_modify(+1).or_insert(v)`.
    EntryCount(u32, u64),
    /// `entry(k).or_insert_with_key(..)` through its `try_` form.
    EntryWithKey(u32),
    /// `entry(k).or_default()` through its `try_` form.
    EntryDefault(u32),
    /// An occupied entry's `insert`, or a vacant entry's `try_insert`.
    EntryReplace(u32, u64),
    /// An occupied entry's `remove_entry`, or a vacant entry's `into_key`.
    EntryRemove(u32),
    CloneCompare,
    AllocElsewhere(usize),
    OpenFrame,
    CloseFrame,
}

fn key() -> impl Strategy<Value = u32> {
    0u32..48
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => (key(), any::<u64>()).prop_map(|(k, v)| Op::Insert(k, v)),
        3 => key().prop_map(Op::Remove),
        1 => key().prop_map(Op::RemoveEntry),
        1 => key().prop_map(Op::Get),
        1 => (key(), any::<u64>()).prop_map(|(k, v)| Op::GetMut(k, v)),
        1 => Just(Op::RetainEven),
        1 => Just(Op::Clear),
        1 => (0usize..24).prop_map(Op::Reserve),
        1 => Just(Op::ShrinkToFit),
        1 => Just(Op::Drain),
        1 => Just(Op::ExtractOdd),
        1 => (key(), key()).prop_map(|(a, b)| Op::GetDisjointMut(a, b)),
        1 => proptest::collection::vec((key(), any::<u64>()), 0..6).prop_map(Op::ExtendPairs),
        2 => (key(), 0u64..1000).prop_map(|(k, v)| Op::EntryCount(k, v)),
        1 => key().prop_map(Op::EntryWithKey),
        1 => key().prop_map(Op::EntryDefault),
        2 => (key(), any::<u64>()).prop_map(|(k, v)| Op::EntryReplace(k, v)),
        2 => key().prop_map(Op::EntryRemove),
        1 => Just(Op::CloneCompare),
        1 => (1usize..64).prop_map(Op::AllocElsewhere),
        1 => Just(Op::OpenFrame),
        1 => Just(Op::CloseFrame),
    ]
}

/// What an insert of a new key did, checked against the rules: below
/// capacity it succeeded without allocating; at capacity it grew the map, or
/// failed with `CollectionFull { capacity }` and left the arena alone.
fn check_new_key_insert<T: std::fmt::Debug>(
    result: &Result<T, ArenaError>,
    capacity_before: usize,
    len_before: usize,
    capacity_after: usize,
    figures_before: (usize, usize),
    figures_after: (usize, usize),
    sealed: bool,
) {
    if len_before < capacity_before {
        assert!(result.is_ok(), "below capacity: {result:?}");
        assert_eq!(figures_after, figures_before, "below capacity it allocated");
        assert_eq!(capacity_after, capacity_before);
    } else if result.is_ok() {
        assert!(!sealed, "grew in a sealed arena");
        assert!(capacity_after > capacity_before);
    } else {
        assert_eq!(
            result.as_ref().unwrap_err(),
            &ArenaError::CollectionFull {
                capacity: capacity_before
            }
        );
        assert_eq!(figures_after, figures_before, "a failed insert allocated");
        assert_eq!(capacity_after, capacity_before);
    }
}

proptest! {
    #![proptest_config(config())]

    /// Every mutating method and the entry API against std's `HashMap`,
    /// compared after every step, in a small arena that runs out and is
    /// sealed at times.
    #[test]
    fn behaves_like_hash_map(
        arena_bytes in 64usize..2048,
        capacity in 0usize..12,
        ops in proptest::collection::vec(op(), 1..if cfg!(miri) { 40 } else { 100 }),
    ) {
        let arena = Arena::with_capacity(arena_bytes);
        let Ok(mut map) = ArenaHashMap::<u32, u64>::try_with_capacity_in(capacity, &arena) else {
            // The table does not fit: nothing to run.
            return Ok(());
        };
        prop_assert!(map.capacity() >= capacity);
        let mut model = HashMap::new();
        let mut frame: Option<Arena<'_>> = None;
        for op in ops {
            let capacity_before = map.capacity();
            let len_before = map.len();
            let before = figures(&arena);
            let sealed = frame.is_some();
            // Whether the op may change the capacity (growth, reserve, shrink,
            // a leaked drain cannot happen here).
            let mut may_grow = false;
            match op.clone() {
                Op::Insert(k, v) => {
                    let result = map.try_insert(k, v);
                    if let Some(&old) = model.get(&k) {
                        prop_assert_eq!(result, Ok(Some(old)));
                        model.insert(k, v);
                        prop_assert_eq!(figures(&arena), before);
                    } else {
                        check_new_key_insert(&result, capacity_before, len_before,
                            map.capacity(), before, figures(&arena), sealed);
                        if result.is_ok() {
                            prop_assert_eq!(result, Ok(model.insert(k, v)));
                        }
                        may_grow = true;
                    }
                }
                Op::Remove(k) => {
                    prop_assert_eq!(map.remove(&k), model.remove(&k));
                    prop_assert_eq!(figures(&arena), before);
                }
                Op::RemoveEntry(k) => {
                    prop_assert_eq!(map.remove_entry(&k), model.remove_entry(&k));
                }
                Op::Get(k) => {
                    prop_assert_eq!(map.get(&k), model.get(&k));
                    prop_assert_eq!(map.get_key_value(&k), model.get_key_value(&k));
                    prop_assert_eq!(map.contains_key(&k), model.contains_key(&k));
                }
                Op::GetMut(k, v) => {
                    match (map.get_mut(&k), model.get_mut(&k)) {
                        (Some(a), Some(b)) => {
                            *a = v;
                            *b = v;
                        }
                        (None, None) => {}
                        (a, b) => prop_assert!(false, "get_mut disagrees: {:?} vs {:?}", a, b),
                    }
                }
                Op::RetainEven => {
                    map.retain(|_, v| *v % 2 == 0);
                    model.retain(|_, v| *v % 2 == 0);
                    prop_assert_eq!(figures(&arena), before);
                }
                Op::Clear => {
                    map.clear();
                    model.clear();
                }
                Op::Reserve(n) => {
                    may_grow = true;
                    match map.try_reserve(n) {
                        Ok(()) => prop_assert!(map.capacity() >= model.len() + n),
                        Err(err) => {
                            prop_assert!(
                                matches!(err, ArenaError::CapacityExceeded { requested, remaining } if requested > remaining)
                                    || (sealed && err == ArenaError::Sealed),
                                "unexpected error {:?}", err
                            );
                            prop_assert_eq!(map.capacity(), capacity_before);
                            prop_assert_eq!(figures(&arena), before);
                        }
                    }
                }
                Op::ShrinkToFit => {
                    may_grow = true;
                    map.shrink_to_fit();
                    if model.is_empty() {
                        prop_assert_eq!(map.capacity(), 0);
                    } else {
                        prop_assert_eq!(map.capacity(), capacity_before);
                        prop_assert_eq!(figures(&arena), before);
                    }
                }
                Op::Drain => {
                    let mut drained: Vec<(u32, u64)> = map.drain().collect();
                    let mut expected: Vec<(u32, u64)> = model.drain().collect();
                    drained.sort_unstable();
                    expected.sort_unstable();
                    prop_assert_eq!(drained, expected);
                    prop_assert_eq!(figures(&arena), before);
                }
                Op::ExtractOdd => {
                    let mut taken: Vec<(u32, u64)> = map.extract_if(|_, v| *v % 2 == 1).collect();
                    let mut expected: Vec<(u32, u64)> = model.extract_if(|_, v| *v % 2 == 1).collect();
                    taken.sort_unstable();
                    expected.sort_unstable();
                    prop_assert_eq!(taken, expected);
                    prop_assert_eq!(figures(&arena), before);
                }
                Op::GetDisjointMut(a, b) => {
                    if a != b {
                        let [x, y] = map.get_disjoint_mut([&a, &b]);
                        let [mx, my] = model.get_disjoint_mut([&a, &b]);
                        prop_assert_eq!(x.as_deref(), mx.as_deref());
                        prop_assert_eq!(y.as_deref(), my.as_deref());
                        if let (Some(x), Some(mx)) = (x, mx) {
                            *x += 1;
                            *mx += 1;
                        }
                    }
                }
                Op::ExtendPairs(pairs) => {
                    may_grow = true;
                    let new_keys = pairs.iter().filter(|(k, _)| !model.contains_key(k))
                        .map(|&(k, _)| k).collect::<std::collections::HashSet<_>>().len();
                    if sealed && model.len() + new_keys > capacity_before {
                        // Would panic: skip (tested on its own below).
                    } else {
                        let extended = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            map.extend(&pairs);
                        }));
                        if extended.is_ok() {
                            model.extend(pairs.iter().copied());
                        } else {
                            // The arena ran out mid-way: the map holds a
                            // prefix of the pairs; resynchronise the model.
                            model = map.iter().map(|(&k, &v)| (k, v)).collect();
                        }
                    }
                }
                Op::EntryCount(k, v) => {
                    let result = map.entry(k).and_modify(|n| *n += 1).try_or_insert(v).map(|n| *n);
                    if model.contains_key(&k) {
                        let n = model.get_mut(&k).unwrap();
                        *n += 1;
                        prop_assert_eq!(result, Ok(*n));
                    } else {
                        may_grow = true;
                        check_new_key_insert(&result, capacity_before, len_before,
                            map.capacity(), before, figures(&arena), sealed);
                        if result.is_ok() {
                            prop_assert_eq!(result, Ok(*model.entry(k).or_insert(v)));
                        }
                    }
                }
                Op::EntryWithKey(k) => {
                    let called = Cell::new(false);
                    let result = map.entry(k).try_or_insert_with_key(|&k| {
                        called.set(true);
                        u64::from(k) * 7
                    }).map(|v| *v);
                    if let Some(&v) = model.get(&k) {
                        prop_assert_eq!(result, Ok(v));
                        prop_assert!(!called.get());
                    } else {
                        may_grow = true;
                        check_new_key_insert(&result, capacity_before, len_before,
                            map.capacity(), before, figures(&arena), sealed);
                        // The closure runs only when the value goes in.
                        prop_assert_eq!(called.get(), result.is_ok());
                        if result.is_ok() {
                            prop_assert_eq!(result, Ok(*model.entry(k).or_insert_with_key(|&k| u64::from(k) * 7)));
                        }
                    }
                }
                Op::EntryDefault(k) => {
                    let result = map.entry(k).try_or_default().map(|v| *v);
                    if let Some(&v) = model.get(&k) {
                        prop_assert_eq!(result, Ok(v));
                    } else {
                        may_grow = true;
                        check_new_key_insert(&result, capacity_before, len_before,
                            map.capacity(), before, figures(&arena), sealed);
                        if result.is_ok() {
                            prop_assert_eq!(result, Ok(*model.entry(k).or_default()));
                        }
                    }
                }
                Op::EntryReplace(k, v) => match map.entry(k) {
                    Entry::Occupied(mut present) => {
                        prop_assert_eq!(present.key(), &k);
                        prop_assert_eq!(present.get(), &model[&k]);
                        prop_assert_eq!(present.insert(v), model.insert(k, v).unwrap());
                        *present.get_mut() ^= 1;
                        *model.get_mut(&k).unwrap() ^= 1;
                        prop_assert_eq!(*present.into_mut(), model[&k]);
                        prop_assert_eq!(figures(&arena), before);
                    }
                    Entry::Vacant(vacant) => {
                        prop_assert!(!model.contains_key(&k));
                        prop_assert_eq!(vacant.key(), &k);
                        may_grow = true;
                        let result = vacant.try_insert(v).map(|v| *v);
                        check_new_key_insert(&result, capacity_before, len_before,
                            map.capacity(), before, figures(&arena), sealed);
                        if result.is_ok() {
                            prop_assert_eq!(result, Ok(v));
                            model.insert(k, v);
                        }
                    }
                },
                Op::EntryRemove(k) => {
                    match map.entry(k) {
                        Entry::Occupied(present) => {
                            prop_assert_eq!(Some(present.remove_entry()), model.remove_entry(&k));
                        }
                        Entry::Vacant(vacant) => {
                            prop_assert!(!model.contains_key(&k));
                            prop_assert_eq!(vacant.into_key(), k);
                        }
                    }
                    prop_assert_eq!(figures(&arena), before);
                }
                Op::CloneCompare => match map.try_clone() {
                    Ok(copy) => {
                        prop_assert!(copy == map);
                        prop_assert!(copy.capacity() >= map.capacity());
                        assert_same(&copy, &model);
                    }
                    Err(err) => {
                        prop_assert!(
                            matches!(err, ArenaError::CapacityExceeded { .. })
                                || (sealed && err == ArenaError::Sealed),
                            "unexpected error {:?}", err
                        );
                        prop_assert_eq!(figures(&arena), before);
                    }
                },
                Op::AllocElsewhere(n) => {
                    let _ = arena.try_alloc_bytes(n);
                }
                Op::OpenFrame => {
                    if frame.is_none() {
                        frame = arena.try_ephemeral().ok();
                    }
                }
                Op::CloseFrame => frame = None,
            }
            if !may_grow {
                prop_assert_eq!(map.capacity(), capacity_before, "{:?} changed the capacity", op);
            }
            assert_same(&map, &model);
        }
    }

    /// Whatever inserts (growing or not) and removes came before, inserting
    /// while `len() < capacity()` never allocates.
    #[test]
    fn inserting_below_capacity_never_allocates(
        capacity in 0usize..10,
        ops in proptest::collection::vec((any::<bool>(), 0u32..64), 1..300),
    ) {
        let arena = Arena::with_capacity(64 * 1024);
        let mut map = ArenaHashMap::with_capacity_in(capacity, &arena);
        let mut model = HashMap::new();
        for (insert, k) in ops {
            if insert {
                let below = map.len() < map.capacity();
                let used = arena.used();
                prop_assert_eq!(map.insert(k, u64::from(k)), model.insert(k, u64::from(k)));
                if below {
                    prop_assert_eq!(arena.used(), used);
                }
            } else {
                prop_assert_eq!(map.remove(&k), model.remove(&k));
            }
        }
        assert_same(&map, &model);
    }
}

// ----- the snippets ---------------------------------------------------------

#[test]
fn with_capacity_in_then_insert_infers_the_default_hasher() -> Result<(), ArenaError> {
    let arena = Arena::try_with_capacity(4096)?;
    // No annotation: the constructors are for the default hasher, as std's.
    let mut m = ArenaHashMap::try_with_capacity_in(16, &arena)?;
    m.insert(1u32, 2.0f32);
    assert_eq!(m.get(&1), Some(&2.0));
    let mut panicking = ArenaHashMap::with_capacity_in(16, &arena);
    panicking.insert(1u32, 2.0f32);
    let mut from_new = ArenaHashMap::new_in(&arena);
    from_new.insert('x', 1u8);
    // The default hasher is named and re-exported.
    let _: &ArenaHashMap<'_, char, u8, DefaultHashBuilder> = &from_new;
    let _: DefaultHashBuilder = m.hasher().clone();
    Ok(())
}

#[test]
fn new_in_then_insert_grows() {
    let arena = Arena::with_capacity(64 * 1024);
    let mut map = ArenaHashMap::new_in(&arena);
    assert_eq!(map.capacity(), 0);
    assert_eq!(arena.used(), 0);
    let mut model = HashMap::new();
    let mut capacities = vec![0];
    let keys = if cfg!(miri) { 100 } else { 400u32 };
    for key in 0..keys {
        map.insert(key, u64::from(key) * 3);
        model.insert(key, u64::from(key) * 3);
        if map.capacity() != *capacities.last().unwrap() {
            capacities.push(map.capacity());
        }
    }
    assert_same(&map, &model);
    // Geometric growth: each step at least about doubles the capacity, and
    // at most about doubles it too (a new table of about twice the slots, as
    // the type's docs on growth say: what a memory budget is made from).
    for pair in capacities.windows(2) {
        assert!(pair[1] >= 2 * pair[0], "{capacities:?}");
    }
    for pair in capacities.windows(2).skip(1) {
        assert!(pair[1] <= 3 * pair[0], "{capacities:?}");
    }
    assert!(capacities.len() < 12, "{capacities:?}");
}

// ----- growth and its limits --------------------------------------------------------

#[test]
fn at_capacity_in_a_sealed_arena_inserting_fails_and_changes_nothing() {
    let arena = Arena::with_capacity(4096);
    let mut map = ArenaHashMap::<u32, u64>::with_capacity_in(3, &arena);
    let capacity = map.capacity();
    let mut model = HashMap::new();
    for key in 0..capacity as u32 {
        map.insert(key, 1);
        model.insert(key, 1);
    }
    let _frame = arena.ephemeral();
    let before = figures(&arena);
    let full = ArenaError::CollectionFull { capacity };
    assert_eq!(map.try_insert(1000, 5), Err(full));
    assert_eq!(map.entry(1000).try_or_insert(5), Err(full));
    let called = Cell::new(false);
    assert_eq!(
        map.entry(1000).try_or_insert_with(|| {
            called.set(true);
            5
        }),
        Err(full)
    );
    assert!(!called.get(), "the closure ran though nothing was inserted");
    assert_eq!(map.entry(1000).try_or_default(), Err(full));
    match map.entry(1000) {
        Entry::Vacant(vacant) => assert_eq!(vacant.try_insert(5), Err(full)),
        Entry::Occupied(_) => panic!("1000 is absent"),
    }
    assert!(full
        .to_string()
        .contains(&format!("capacity of {capacity} ")));
    assert_eq!(figures(&arena), before);
    assert_eq!(map.capacity(), capacity);
    assert_same(&map, &model);
    // Present keys are still replaced, through both paths.
    assert_eq!(map.insert(0, 7), Some(1));
    *map.entry(1).or_insert(0) += 10;
    model.insert(0, 7);
    model.insert(1, 11);
    assert_same(&map, &model);
}

#[test]
fn at_capacity_in_an_exhausted_arena_inserting_fails_with_the_capacity() {
    let arena = Arena::with_capacity(1024);
    let mut map = ArenaHashMap::<u32, u64>::with_capacity_in(3, &arena);
    let capacity = map.capacity();
    for key in 0..capacity as u32 {
        map.insert(key, 1);
    }
    // Fill the rest of the arena.
    while arena.try_alloc_bytes(8).is_ok() {}
    let before = figures(&arena);
    assert_eq!(
        map.try_insert(99, 1),
        Err(ArenaError::CollectionFull { capacity })
    );
    assert_eq!(figures(&arena), before);
    // `try_reserve` names the arena's reason instead.
    assert!(matches!(
        map.try_reserve(1),
        Err(ArenaError::CapacityExceeded { .. })
    ));
    assert_eq!(map.len(), capacity);
}

#[test]
fn growth_leaves_the_old_table_until_reset() {
    let mut arena = Arena::with_capacity(64 * 1024);
    {
        let mut map = ArenaHashMap::<u32, u64>::with_capacity_in(7, &arena);
        let first_table = arena.used();
        let capacity = map.capacity();
        for key in 0..=capacity as u32 {
            map.insert(key, 0);
        }
        assert!(map.capacity() > capacity);
        let after_growth = arena.used();
        assert!(after_growth > 2 * first_table, "the new table is bigger");
        drop(map);
        // The new table was the newest allocation and is given back; the old
        // one stays.
        assert_eq!(arena.used(), first_table);
    }
    arena.reset();
    assert_eq!(arena.used(), 0);
}

#[test]
fn a_per_frame_map_grows_and_keeps_its_entries() {
    let arena = Arena::with_capacity(64 * 1024);
    let mut frame = arena.ephemeral();
    for _ in 0..3 {
        {
            let mut map = ArenaHashMap::<u32, u64>::with_capacity_in(4, &frame);
            let mut model = HashMap::new();
            // Under Miri 100 keys still grow the table several times (from 4).
            for key in 0..if cfg!(miri) { 100u32 } else { 300 } {
                map.insert(key, u64::from(key) * 3);
                model.insert(key, u64::from(key) * 3);
            }
            assert_same(&map, &model);
        }
        frame.reset();
    }
}

#[test]
fn reserve_fails_in_a_sealed_arena_and_leaves_the_map_unchanged() {
    let arena = Arena::with_capacity(4096);
    let mut map = ArenaHashMap::<u32, u64>::with_capacity_in(2, &arena);
    map.insert(1, 1);
    let capacity = map.capacity();
    let frame = arena.ephemeral();
    assert_eq!(map.try_reserve(capacity), Err(ArenaError::Sealed));
    assert_eq!(map.capacity(), capacity);
    assert_eq!(map.get(&1), Some(&1));
    // Room that is there already needs no allocation.
    assert_eq!(map.try_reserve(capacity - 1), Ok(()));
    drop(frame);
    map.try_reserve(capacity).unwrap();
    assert!(map.capacity() > capacity);
    assert_eq!(map.get(&1), Some(&1));
}

#[test]
fn a_table_that_does_not_fit_is_capacity_exceeded() {
    let arena = Arena::with_capacity(256);
    let err = ArenaHashMap::<u64, u64>::try_with_capacity_in(1000, &arena).unwrap_err();
    assert!(
        matches!(err, ArenaError::CapacityExceeded { requested, remaining } if requested > remaining && remaining <= 256),
        "{err:?}"
    );
    assert_eq!(arena.used(), 0);
    assert_eq!(
        ArenaHashMap::<u64, u64>::try_with_capacity_in(usize::MAX / 2, &arena).unwrap_err(),
        ArenaError::SizeOverflow
    );
    let err =
        ArenaHashMap::<u64, u64>::try_from_iter_in((0..1000).map(|n| (n, n)), &arena).unwrap_err();
    assert!(
        matches!(err, ArenaError::CapacityExceeded { .. }),
        "{err:?}"
    );
}

#[test]
#[should_panic(expected = "arena capacity exceeded")]
fn with_capacity_in_panics_with_the_error_message() {
    let arena = Arena::with_capacity(256);
    let _ = ArenaHashMap::<u64, u64>::with_capacity_in(1000, &arena);
}

#[test]
#[should_panic(expected = "collection is full at its capacity of")]
fn insert_panics_when_full_and_sealed() {
    let arena = Arena::with_capacity(4096);
    let mut map = ArenaHashMap::<u32, u32>::with_capacity_in(2, &arena);
    let _frame = arena.ephemeral();
    for key in 0..=map.capacity() as u32 {
        map.insert(key, key);
    }
}

#[test]
#[should_panic(expected = "collection is full")]
fn extend_panics_when_full_and_sealed() {
    let arena = Arena::with_capacity(4096);
    let mut map = ArenaHashMap::<u32, u32>::with_capacity_in(2, &arena);
    let _frame = arena.ephemeral();
    map.extend((0..100).map(|n| (n, n)));
}

#[test]
#[should_panic(expected = "collection is full")]
fn or_insert_panics_when_full_and_sealed() {
    let arena = Arena::with_capacity(4096);
    let mut map = ArenaHashMap::<u32, u32>::new_in(&arena);
    let _frame = arena.ephemeral();
    map.entry(1).or_insert(1);
}

#[test]
fn new_in_allocates_nothing_until_the_first_insert() {
    let arena = Arena::with_capacity(1024);
    let mut map = ArenaHashMap::<u32, u32>::new_in(&arena);
    assert_eq!(map.capacity(), 0);
    let zero = ArenaHashMap::<u32, u32>::with_capacity_in(0, &arena);
    assert_eq!(zero.capacity(), 0);
    assert_eq!(arena.used(), 0);
    // `entry` does not allocate either, even on an empty map.
    assert!(matches!(map.entry(1), Entry::Vacant(_)));
    assert_eq!(arena.used(), 0);
    map.insert(1, 1);
    assert!(arena.used() > 0);
}

// ----- the other methods against std ------------------------------------------------

#[test]
fn drain_into_iter_into_keys_and_into_values_yield_what_std_does() {
    let arena = Arena::with_capacity(16 * 1024);
    let pairs: Vec<(u32, u64)> = (0..40).map(|n| (n * 7 % 23, u64::from(n))).collect();
    let model: HashMap<u32, u64> = pairs.iter().copied().collect();
    let sorted = |mut v: Vec<(u32, u64)>| {
        v.sort_unstable();
        v
    };

    let map = ArenaHashMap::from_iter_in(pairs.iter().copied(), &arena);
    assert_same(&map, &model);
    assert_eq!(
        sorted(map.clone().into_iter().collect()),
        sorted(model.clone().into_iter().collect())
    );
    let mut keys: Vec<u32> = map.clone().into_keys().collect();
    let mut model_keys: Vec<u32> = model.clone().into_keys().collect();
    keys.sort_unstable();
    model_keys.sort_unstable();
    assert_eq!(keys, model_keys);
    let mut values: Vec<u64> = map.clone().into_values().collect();
    let mut model_values: Vec<u64> = model.clone().into_values().collect();
    values.sort_unstable();
    model_values.sort_unstable();
    assert_eq!(values, model_values);
    let into_iter = map.clone().into_iter();
    assert_eq!(into_iter.len(), model.len());

    let mut map = map;
    let capacity = map.capacity();
    let mut drain = map.drain();
    assert_eq!(drain.len(), model.len());
    let first = drain.next().unwrap();
    assert_eq!(model.get(&first.0), Some(&first.1));
    drop(drain);
    assert!(map.is_empty());
    assert_eq!(map.capacity(), capacity);
    let used = arena.used();
    for (k, v) in &model {
        map.insert(*k, *v);
    }
    assert_eq!(arena.used(), used, "the drained table is reused");
    assert_same(&map, &model);
}

#[test]
fn a_leaked_drain_leaves_an_empty_map_of_capacity_zero() {
    let arena = Arena::with_capacity(16 * 1024);
    let mut map = ArenaHashMap::from_iter_in((0..10u32).map(|n| (n, u64::from(n))), &arena);
    let mut drain = map.drain();
    drain.next();
    std::mem::forget(drain);
    assert!(map.is_empty());
    assert_eq!(map.capacity(), 0);
    map.insert(1, 1);
    assert_eq!(map.get(&1), Some(&1));
}

#[test]
fn extract_if_hints_at_most_the_entries_left_as_std_does() {
    let arena = Arena::with_capacity(16 * 1024);
    let mut map = ArenaHashMap::from_iter_in((0..20u32).map(|n| (n, u64::from(n))), &arena);
    let mut model: HashMap<u32, u64> = (0..20u32).map(|n| (n, u64::from(n))).collect();
    let even = |k: &u32, _: &mut u64| k % 2 == 0;
    let mut extract = map.extract_if(even);
    // Before the first step, std's hint: none sure, at most every entry.
    assert_eq!(extract.size_hint(), model.extract_if(even).size_hint());
    assert_eq!(extract.size_hint(), (0, Some(20)));
    // At every step the hint holds what is still to come.
    let mut taken = 0;
    loop {
        let (lower, upper) = extract.size_hint();
        let upper = upper.expect("a bound, as std gives");
        let rest = 10 - taken;
        assert!(
            lower <= rest && rest <= upper,
            "{lower}..={upper} for {rest}"
        );
        if extract.next().is_none() {
            break;
        }
        taken += 1;
    }
    assert_eq!(taken, 10);
}

#[test]
fn drain_debug_lists_the_entries_left_as_std_does() {
    let arena = Arena::with_capacity(4096);
    let mut map = ArenaHashMap::from_iter_in([(1u32, 2u64)], &arena);
    let mut model = HashMap::from([(1u32, 2u64)]);
    assert_eq!(format!("{:?}", map.drain()), format!("{:?}", model.drain()));
    assert_eq!(format!("{:?}", map.drain()), "[]");
}

#[test]
fn extract_if_stops_where_it_is_dropped() {
    let arena = Arena::with_capacity(16 * 1024);
    let mut map = ArenaHashMap::from_iter_in((0..20u32).map(|n| (n, u64::from(n))), &arena);
    let (k, _) = {
        let mut extract = map.extract_if(|_, _| true);
        extract.next().unwrap()
    };
    assert_eq!(map.len(), 19);
    assert!(!map.contains_key(&k));
}

#[test]
#[should_panic]
fn get_disjoint_mut_panics_on_equal_keys() {
    let arena = Arena::with_capacity(4096);
    let mut map = ArenaHashMap::from_iter_in([(1u32, 1u64)], &arena);
    let _ = map.get_disjoint_mut([&1, &1]);
}

#[test]
fn shrink_to_fit_gives_an_empty_table_back_and_keeps_a_full_one() {
    let arena = Arena::with_capacity(16 * 1024);
    let mut map = ArenaHashMap::<u32, u64>::with_capacity_in(40, &arena);
    map.insert(1, 1);
    let capacity = map.capacity();
    let used = arena.used();
    map.shrink_to_fit();
    assert_eq!((map.capacity(), arena.used()), (capacity, used));
    map.clear();
    map.shrink_to_fit();
    assert_eq!(map.capacity(), 0);
    assert_eq!(arena.used(), 0, "the newest table is taken back");
    // Not the newest: the capacity goes, the memory stays until reset.
    let mut map = ArenaHashMap::<u32, u64>::with_capacity_in(4, &arena);
    arena.alloc(1u8);
    let used = arena.used();
    map.shrink_to_fit();
    assert_eq!((map.capacity(), arena.used()), (0, used));
    map.insert(1, 1);
    assert_eq!(map.get(&1), Some(&1));
}

#[test]
fn clone_copies_into_the_same_arena() {
    let arena = Arena::with_capacity(16 * 1024);
    let mut map = ArenaHashMap::from_iter_in((0..10u32).map(|n| (n, u64::from(n))), &arena);
    let used = arena.used();
    let copy = map.clone();
    assert!(arena.used() > used, "the copy's table is in the arena");
    map.insert(0, 100);
    assert_eq!(copy[&0], 0);
    assert_eq!(copy.len(), 10);
    assert!(copy.capacity() >= map.capacity());
    let frame = arena.ephemeral();
    assert_eq!(map.try_clone().unwrap_err(), ArenaError::Sealed);
    drop(frame);
}

#[test]
#[should_panic(expected = "arena is sealed")]
fn clone_panics_when_the_arena_cannot_hold_the_copy() {
    let arena = Arena::with_capacity(4096);
    let map = ArenaHashMap::from_iter_in([(1u32, 1u64)], &arena);
    let _frame = arena.ephemeral();
    let _ = map.clone();
}

#[test]
fn extend_from_references_to_pairs() {
    let arena = Arena::with_capacity(4096);
    let pairs = [(1u32, 10u64), (2, 20), (1, 11)];
    let mut map = ArenaHashMap::new_in(&arena);
    map.extend(&pairs);
    let mut model = HashMap::new();
    model.extend(pairs.iter().copied()); // std has no `Extend<&(K, V)>`
    assert_same(&map, &model);
    map.extend(model.iter());
    assert_same(&map, &model);
}

#[test]
fn entry_debug_and_key() {
    let arena = Arena::with_capacity(4096);
    let mut map = ArenaHashMap::from_iter_in([(1u32, 10u64)], &arena);
    assert_eq!(map.entry(1).key(), &1);
    assert_eq!(map.entry(2).key(), &2);
    assert_eq!(
        format!("{:?}", map.entry(1)),
        "Entry(OccupiedEntry { key: 1, value: 10 })"
    );
    assert_eq!(format!("{:?}", map.entry(2)), "Entry(VacantEntry(2))");
    // At capacity a vacant entry holds the map; it reads the same.
    let capacity = map.capacity();
    for key in 10..10 + capacity as u32 - 1 {
        map.insert(key, 0);
    }
    assert_eq!(map.len(), capacity);
    assert_eq!(format!("{:?}", map.entry(2)), "Entry(VacantEntry(2))");
    assert_eq!(map.entry(1).key(), &1);
    assert_eq!(*map.entry(1).or_insert(0), 10);
    assert_eq!(map.capacity(), capacity, "a present key needs no room");
    *map.entry(2).or_insert(0) += 5;
    assert!(map.capacity() > capacity);
    assert_eq!(map[&2], 5);
}

/// Fills the map to capacity, then churns: remove a random key, insert a new
/// random one (from a wide key space, so tombstones pile up), replace values,
/// and, in a sealed arena, check that a new key at full load is refused.
/// Returns the model.
fn churn_at_full_load(
    map: &mut ArenaHashMap<'_, u32, u64>,
    rounds: usize,
    seed: u64,
    sealed: bool,
) -> HashMap<u32, u64> {
    let mut rng = Rng(seed);
    let mut model = HashMap::new();
    let mut keys: Vec<u32> = Vec::new();
    while map.len() < map.capacity() {
        let key = rng.next() as u32;
        if model.insert(key, 0).is_none() {
            keys.push(key);
        }
        map.try_insert(key, 0)
            .expect("below capacity an insert never fails");
    }
    let capacity = map.capacity();
    for round in 0..rounds {
        if sealed {
            // Full and sealed: a new key is refused and nothing changes.
            let fresh = loop {
                let key = rng.next() as u32;
                if !model.contains_key(&key) {
                    break key;
                }
            };
            assert_eq!(
                map.try_insert(fresh, 1),
                Err(ArenaError::CollectionFull { capacity })
            );
        }
        // Full: replacing a present key succeeds.
        let present = keys[rng.below(keys.len())];
        let value = round as u64;
        assert_eq!(
            map.try_insert(present, value),
            Ok(model.insert(present, value))
        );
        // Remove one or a few, then insert as many new keys.
        let removals = (1 + rng.below(3)).min(keys.len());
        for _ in 0..removals {
            let index = rng.below(keys.len());
            let key = keys.swap_remove(index);
            assert_eq!(map.remove(&key), model.remove(&key));
        }
        while map.len() < capacity {
            let key = rng.next() as u32;
            if model.contains_key(&key) {
                continue;
            }
            assert_eq!(map.try_insert(key, value), Ok(None), "round {round}");
            model.insert(key, value);
            keys.push(key);
        }
        assert_eq!(map.len(), capacity);
        assert_eq!(map.capacity(), capacity);
    }
    model
}

#[test]
fn below_capacity_inserts_never_allocate_in_a_sealed_arena() {
    let rounds = if cfg!(miri) { 60 } else { 20_000 };
    for requested in [1usize, 3, 7, 8, 14, 28, 50] {
        let arena = Arena::with_capacity(16 * 1024);
        let mut map = ArenaHashMap::<u32, u64>::with_capacity_in(requested, &arena);
        assert!(map.capacity() >= requested);
        // Sealed: any allocation in `arena` now fails, so an insert that tried
        // to allocate would fail (or abort inside hashbrown).
        let _frame = arena.ephemeral();
        let model = churn_at_full_load(&mut map, rounds, requested as u64 + 1, true);
        assert_same(&map, &model);
    }
}

#[test]
fn below_capacity_inserts_do_not_touch_an_open_arena() {
    let arena = Arena::with_capacity(16 * 1024);
    let mut map = ArenaHashMap::<u32, u64>::with_capacity_in(20, &arena);
    let used = arena.used();
    let rounds = if cfg!(miri) { 40 } else { 5_000 };
    let model = churn_at_full_load(&mut map, rounds, 99, false);
    assert_eq!(arena.used(), used);
    assert_same(&map, &model);
}

#[test]
fn lookups_by_borrowed_keys() {
    let arena = Arena::with_capacity(4096);
    let mut map = ArenaHashMap::<&str, u32>::with_capacity_in(4, &arena);
    map.insert("width", 100);
    map.insert("height", 50);
    let key = String::from("width");
    assert_eq!(map.get(key.as_str()), Some(&100));
    assert!(map.contains_key("height"));
    *map.get_mut("height").unwrap() += 1;
    assert_eq!(map.get_key_value("height"), Some((&"height", &51)));
    assert_eq!(map.remove_entry("width"), Some(("width", 100)));
    assert_eq!(map.remove("width"), None);
}

#[test]
fn equality_ignores_capacity_and_hasher() {
    let arena = Arena::with_capacity(8192);
    let mut small = ArenaHashMap::<u32, u64>::with_capacity_in(4, &arena);
    let hasher =
        std::hash::BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default();
    let mut large = ArenaHashMap::with_capacity_and_hasher_in(40, hasher, &arena);
    small.extend([(1, 10), (2, 20)]);
    large.extend(&[(2, 20), (1, 10)].into_iter().collect::<HashMap<_, _>>());
    assert!(small == large);
    assert!(large == small);
    large.insert(3, 30);
    assert!(small != large);
    large.remove(&3);
    large.insert(2, 21);
    assert!(small != large);
}

#[test]
fn debug_and_iterators() {
    let arena = Arena::with_capacity(4096);
    let mut map = ArenaHashMap::<u32, u64>::with_capacity_in(4, &arena);
    assert_eq!(format!("{map:?}"), "{}");
    map.insert(1, 2);
    assert_eq!(format!("{map:?}"), "{1: 2}");
    map.insert(3, 4);
    assert_eq!(map.iter().len(), 2);
    assert_eq!(map.keys().len(), 2);
    let mut keys: Vec<u32> = map.keys().copied().collect();
    keys.sort();
    assert_eq!(keys, [1, 3]);
    let mut values: Vec<u64> = (&map).into_iter().map(|(_, &v)| v).collect();
    values.sort();
    assert_eq!(values, [2, 4]);
    for (_, v) in &mut map {
        *v += 1;
    }
    for v in map.values_mut() {
        *v *= 10;
    }
    let mut values: Vec<u64> = map.values().copied().collect();
    values.sort();
    assert_eq!(values, [30, 50]);
    let iter = map.iter();
    assert_eq!(iter.clone().count(), 2);
    assert!(format!("{iter:?}").contains("(1, 30)"));
}

#[test]
fn indexing_finds_present_keys_and_panics_on_missing_ones() {
    let arena = Arena::with_capacity(4096);
    let mut map: ArenaHashMap<'_, u32, u64> = ArenaHashMap::with_capacity_in(8, &arena);
    map.insert(1, 10);
    map.insert(2, 20);
    assert_eq!(map[&1], 10);
    assert_eq!(map[&2], 20);
    let missing = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| map[&3]));
    assert!(missing.is_err());
}

#[test]
fn retain_that_panics_midway_leaves_a_whole_map() {
    // The entries the predicate rejected before it panicked are gone; every
    // other entry is still there (hashbrown erases as it goes), and the map
    // keeps working within its capacity.
    for panic_after in 0..6 {
        let arena = Arena::with_capacity(4096);
        let mut map = ArenaHashMap::<u32, u32>::with_capacity_in(8, &arena);
        map.extend((0..6).map(|k| (k, k * 10)));
        let mut rejected = Vec::new();
        let mut calls = 0;
        let unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            map.retain(|&k, _| {
                if calls == panic_after {
                    std::panic::resume_unwind(Box::new("the predicate gave up"));
                }
                calls += 1;
                let keep = k % 2 == 0;
                if !keep {
                    rejected.push(k);
                }
                keep
            });
        }));
        assert!(unwound.is_err());
        let mut expected: HashMap<u32, u32> = (0..6).map(|k| (k, k * 10)).collect();
        for k in &rejected {
            expected.remove(k);
        }
        let actual: HashMap<u32, u32> = map.iter().map(|(&k, &v)| (k, v)).collect();
        assert_eq!(actual, expected, "panic after {panic_after} calls");
        assert_eq!(map.len(), expected.len());
        map.insert(100, 1);
        assert_eq!(map.get(&100), Some(&1));
    }
}
