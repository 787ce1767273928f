//! `ArenaHashMap` through its public API: a model-based property test against
//! std's `HashMap`, the no-allocation-below-capacity guarantee (in a sealed
//! arena, where any allocation would fail), growth, and the std traits.

use std::collections::HashMap;

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

#[derive(Debug, Clone)]
enum Op {
    Insert(u32, u64),
    Remove(u32),
    Get(u32),
    RetainEven,
    Clear,
    Reserve(usize),
    AllocElsewhere(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0u32..48, any::<u64>()).prop_map(|(k, v)| Op::Insert(k, v)),
        3 => (0u32..48).prop_map(Op::Remove),
        1 => (0u32..48).prop_map(Op::Get),
        1 => Just(Op::RetainEven),
        1 => Just(Op::Clear),
        1 => (0usize..24).prop_map(Op::Reserve),
        1 => (1usize..64).prop_map(Op::AllocElsewhere),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn behaves_like_hash_map(
        arena_bytes in 64usize..1024,
        capacity in 0usize..12,
        ops in proptest::collection::vec(op(), 1..100),
    ) {
        let arena = Arena::with_capacity(arena_bytes);
        let Ok(mut map) = ArenaHashMap::<u32, u64>::with_capacity_in(capacity, &arena) else {
            // The table does not fit: nothing to run.
            return Ok(());
        };
        prop_assert!(map.capacity() >= capacity);
        let mut model = HashMap::new();
        for op in ops {
            let capacity_before = map.capacity();
            match op {
                Op::Insert(k, v) => {
                    let result = map.try_insert(k, v);
                    if model.contains_key(&k) || model.len() < capacity_before {
                        prop_assert_eq!(result, Ok(model.insert(k, v)));
                    } else {
                        prop_assert_eq!(
                            result,
                            Err(ArenaError::CollectionFull { capacity: capacity_before })
                        );
                    }
                }
                Op::Remove(k) => prop_assert_eq!(map.remove(&k), model.remove(&k)),
                Op::Get(k) => {
                    prop_assert_eq!(map.get(&k), model.get(&k));
                    prop_assert_eq!(map.contains_key(&k), model.contains_key(&k));
                }
                Op::RetainEven => {
                    map.retain(|_, v| *v % 2 == 0);
                    model.retain(|_, v| *v % 2 == 0);
                }
                Op::Clear => {
                    map.clear();
                    model.clear();
                }
                Op::Reserve(n) => match map.try_reserve(n) {
                    Ok(()) => prop_assert!(map.capacity() >= model.len() + n),
                    Err(err) => {
                        prop_assert!(
                            matches!(err, ArenaError::CapacityExceeded { requested, remaining } if requested > remaining),
                            "unexpected error {:?}", err
                        );
                        prop_assert_eq!(map.capacity(), capacity_before);
                    }
                },
                Op::AllocElsewhere(n) => {
                    let _ = arena.try_alloc_bytes(n);
                }
            }
            if !matches!(op, Op::Reserve(_)) {
                // Only `try_reserve` changes the capacity.
                prop_assert_eq!(map.capacity(), capacity_before);
            }
            assert_same(&map, &model);
        }
    }
}

/// Fills the map to capacity, then churns: remove a random key, insert a new
/// random one (from a wide key space, so tombstones pile up), replace values,
/// and check that a new key at full load is refused. Returns the model.
fn churn_at_full_load(
    map: &mut ArenaHashMap<'_, u32, u64>,
    rounds: usize,
    seed: u64,
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
        // Full: a new key is refused and nothing changes.
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
        let mut map = ArenaHashMap::<u32, u64>::with_capacity_in(requested, &arena).unwrap();
        assert!(map.capacity() >= requested);
        // Sealed: any allocation in `arena` now fails, so an insert that tried
        // to allocate would fail (or abort inside hashbrown).
        let _frame = arena.ephemeral();
        let model = churn_at_full_load(&mut map, rounds, requested as u64 + 1);
        assert_same(&map, &model);
    }
}

#[test]
fn below_capacity_inserts_do_not_touch_an_open_arena() {
    let arena = Arena::with_capacity(16 * 1024);
    let mut map = ArenaHashMap::<u32, u64>::with_capacity_in(20, &arena).unwrap();
    let used = arena.used();
    let rounds = if cfg!(miri) { 40 } else { 5_000 };
    let model = churn_at_full_load(&mut map, rounds, 99);
    assert_eq!(arena.used(), used);
    assert_same(&map, &model);
}

#[test]
#[should_panic(expected = "collection is full at its capacity of")]
fn insert_panics_when_full() {
    let arena = Arena::with_capacity(4096);
    let mut map = ArenaHashMap::<u32, u32>::with_capacity_in(2, &arena).unwrap();
    for key in 0..=map.capacity() as u32 {
        map.insert(key, key);
    }
}

#[test]
#[should_panic(expected = "collection is full")]
fn extend_panics_when_full() {
    let arena = Arena::with_capacity(4096);
    let mut map = ArenaHashMap::<u32, u32>::with_capacity_in(2, &arena).unwrap();
    map.extend((0..100).map(|n| (n, n)));
}

#[test]
fn a_full_map_refuses_new_keys_and_stays_unchanged() {
    let arena = Arena::with_capacity(4096);
    let mut map = ArenaHashMap::<u32, u64>::with_capacity_in(3, &arena).unwrap();
    let capacity = map.capacity();
    let mut model = HashMap::new();
    for key in 0..capacity as u32 {
        map.insert(key, 1);
        model.insert(key, 1);
    }
    assert_eq!(
        map.try_insert(1000, 5),
        Err(ArenaError::CollectionFull { capacity })
    );
    assert_same(&map, &model);
    assert_eq!(map.insert(0, 7), Some(1));
}

#[test]
fn new_in_has_no_capacity_and_allocates_nothing() {
    let arena = Arena::with_capacity(64);
    let mut map = ArenaHashMap::<u32, u32>::new_in(&arena);
    assert_eq!(map.capacity(), 0);
    assert_eq!(
        map.try_insert(1, 1),
        Err(ArenaError::CollectionFull { capacity: 0 })
    );
    let zero = ArenaHashMap::<u32, u32>::with_capacity_in(0, &arena).unwrap();
    assert_eq!(zero.capacity(), 0);
    assert_eq!(arena.used(), 0);
}

#[test]
fn a_per_frame_map_grows_and_keeps_its_entries() {
    let arena = Arena::with_capacity(64 * 1024);
    let mut frame = arena.ephemeral();
    for _ in 0..3 {
        {
            let mut map = ArenaHashMap::<u32, u64>::with_capacity_in(4, &frame).unwrap();
            let mut model = HashMap::new();
            for key in 0..300u32 {
                if map.len() == map.capacity() {
                    let before = map.capacity();
                    map.try_reserve(1).unwrap();
                    assert!(map.capacity() > before);
                }
                map.insert(key, u64::from(key) * 3);
                model.insert(key, u64::from(key) * 3);
            }
            assert_same(&map, &model);
        }
        frame.reset();
    }
}

#[test]
fn growth_fails_in_a_sealed_arena_and_leaves_the_map_unchanged() {
    let arena = Arena::with_capacity(4096);
    let mut map = ArenaHashMap::<u32, u64>::with_capacity_in(2, &arena).unwrap();
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
    let err = ArenaHashMap::<u64, u64>::with_capacity_in(1000, &arena).unwrap_err();
    assert!(
        matches!(err, ArenaError::CapacityExceeded { requested, remaining } if requested > remaining && remaining <= 256),
        "{err:?}"
    );
    assert_eq!(arena.used(), 0);
    assert_eq!(
        ArenaHashMap::<u64, u64>::with_capacity_in(usize::MAX / 2, &arena).unwrap_err(),
        ArenaError::SizeOverflow
    );
}

#[test]
fn lookups_by_borrowed_keys() {
    let arena = Arena::with_capacity(4096);
    let mut map = ArenaHashMap::<&str, u32>::with_capacity_in(4, &arena).unwrap();
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
    let mut small = ArenaHashMap::<u32, u64>::with_capacity_in(4, &arena).unwrap();
    let hasher =
        std::hash::BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default();
    let mut large =
        ArenaHashMap::<u32, u64, _>::with_capacity_and_hasher_in(40, hasher, &arena).unwrap();
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
    let mut map = ArenaHashMap::<u32, u64>::with_capacity_in(4, &arena).unwrap();
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
    let mut map: ArenaHashMap<'_, u32, u64> = ArenaHashMap::with_capacity_in(8, &arena).unwrap();
    map.insert(1, 10);
    map.insert(2, 20);
    assert_eq!(map[&1], 10);
    assert_eq!(map[&2], 20);
    let missing = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| map[&3]));
    assert!(missing.is_err());
}
