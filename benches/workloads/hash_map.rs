//! Workload 4: a hash map made with its capacity, 10,000 inserts then 10,000
//! lookups of `u32` keys.
//!
//! Each round makes a new map with capacity [`COUNT`], inserts every key of
//! [`keys`] (distinct, scattered `u32`s) with a value derived from it, then looks
//! every key up again and sums the values. Every map uses its default hasher:
//! hashbrown's is foldhash, std's is SipHash-1-3.

use std::hint::black_box;

/// Inserts, and lookups, per round.
pub const COUNT: usize = 10_000;

/// Bytes an arena needs for one round, with slack.
pub const ARENA_BYTES: usize = 1 << 20;

/// The keys: distinct (multiplying by an odd constant is a bijection on `u32`)
/// and scattered.
pub fn keys() -> Vec<u32> {
    (0..COUNT as u32)
        .map(|i| i.wrapping_mul(0x9e37_79b1))
        .collect()
}

/// The value stored for `key`.
#[inline(always)]
pub fn value(key: u32) -> u32 {
    key ^ 0x5555_5555
}

/// The sum of the values of `keys`, which every round must return.
pub fn expected_sum(keys: &[u32]) -> u64 {
    keys.iter().map(|&k| u64::from(value(k))).sum()
}

macro_rules! insert_then_look_up {
    ($map:expr, $keys:expr) => {{
        let mut map = $map;
        for &key in $keys {
            map.insert(key, value(key));
        }
        let mut sum = 0u64;
        for &key in $keys {
            sum += u64::from(*map.get(black_box(&key)).expect("inserted"));
        }
        black_box(&map);
        sum
    }};
}

/// hashbrown with the global allocator and its default hasher (foldhash).
#[inline(never)]
pub fn hashbrown_global(keys: &[u32]) -> u64 {
    insert_then_look_up!(hashbrown::HashMap::<u32, u32>::with_capacity(COUNT), keys)
}

/// std's `HashMap` (hashbrown inside, SipHash-1-3) with the global allocator.
#[inline(never)]
pub fn std_hash_map(keys: &[u32]) -> u64 {
    insert_then_look_up!(
        std::collections::HashMap::<u32, u32>::with_capacity(COUNT),
        keys
    )
}

/// hashbrown (foldhash) allocating in a bumpalo `Bump`, reset at the start of
/// the round.
#[inline(never)]
pub fn bumpalo(keys: &[u32], bump: &mut bumpalo::Bump) -> u64 {
    bump.reset();
    insert_then_look_up!(
        hashbrown::HashMap::<u32, u32, hashbrown::DefaultHashBuilder, _>::with_capacity_in(
            COUNT, &*bump
        ),
        keys
    )
}

/// hashbrown (foldhash) allocating in a bump-scope `Bump`, reset at the start of
/// the round.
#[inline(never)]
pub fn bump_scope(keys: &[u32], bump: &mut bump_scope::Bump) -> u64 {
    bump.reset();
    insert_then_look_up!(
        hashbrown::HashMap::<u32, u32, hashbrown::DefaultHashBuilder, _>::with_capacity_in(
            COUNT, &*bump
        ),
        keys
    )
}
