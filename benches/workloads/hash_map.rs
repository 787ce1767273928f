//! Workload 4: a hash map made with its capacity, 10,000 inserts then 10,000
//! lookups of `u32` keys.
//!
//! Each round makes a new map with capacity [`COUNT`], inserts every key of
//! [`keys`] (distinct, scattered `u32`s) with a value derived from it, then looks
//! every key up again and sums the values. Every map uses its default hasher:
//! hashbrown's (and so this crate's) is foldhash, std's is SipHash-1-3.
//!
//! Apart from the target, [`MulRot`] is a hasher for small integer keys that
//! these benches only *evaluate* (against foldhash, for this crate's map and for
//! hashbrown's), and [`hashbrown_global_entry`] inserts through hashbrown's
//! `entry`, as `ArenaHashMap::try_insert` does, to isolate what that costs.

use std::hash::{BuildHasherDefault, Hasher};
use std::hint::black_box;

use arena_memory::{Arena, ArenaHashMap};

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

/// A multiply-rotate hasher for small integer keys, rustc-hash 2 style:
/// every word is xor-ed into the state, which is multiplied by an odd
/// constant; `finish` rotates the product so that its well-mixed high bits
/// land where hashbrown takes the bucket index (the low bits) and the 7-bit tag
/// (the top bits). Two instructions per `u32` key (`imul`, `rol`). Unlike
/// foldhash it has no per-map random seed, so it offers no resistance to keys
/// chosen to collide.
#[derive(Clone, Copy, Debug, Default)]
pub struct MulRotHasher(u64);

/// An odd constant with well-spread bits (rustc-hash 2's).
const MUL_ROT_K: u64 = 0xf135_7aea_2e62_a9c5;

impl Hasher for MulRotHasher {
    #[inline(always)]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    #[inline(always)]
    fn write_u32(&mut self, x: u32) {
        self.write_u64(u64::from(x));
    }

    #[inline(always)]
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0 ^ x).wrapping_mul(MUL_ROT_K);
    }

    #[inline(always)]
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

/// The [`MulRotHasher`] builder.
pub type MulRot = BuildHasherDefault<MulRotHasher>;

/// This crate's `ArenaHashMap` with its default hasher (hashbrown's, foldhash),
/// in an arena reset at the start of the round.
#[inline(never)]
pub fn arena(keys: &[u32], arena: &mut Arena<'_>) -> u64 {
    arena.reset();
    insert_then_look_up!(
        ArenaHashMap::<u32, u32>::try_with_capacity_in(COUNT, &*arena)
            .expect("the arena holds the map"),
        keys
    )
}

/// This crate's `ArenaHashMap` with [`MulRot`] (evaluation only).
#[inline(never)]
pub fn arena_mulrot(keys: &[u32], arena: &mut Arena<'_>) -> u64 {
    arena.reset();
    insert_then_look_up!(
        ArenaHashMap::<u32, u32, MulRot>::try_with_capacity_and_hasher_in(
            COUNT,
            MulRot::default(),
            &*arena
        )
        .expect("the arena holds the map"),
        keys
    )
}

/// hashbrown with the global allocator and [`MulRot`] (evaluation only).
#[inline(never)]
pub fn hashbrown_global_mulrot(keys: &[u32]) -> u64 {
    insert_then_look_up!(
        hashbrown::HashMap::<u32, u32, MulRot>::with_capacity_and_hasher(COUNT, MulRot::default()),
        keys
    )
}

/// hashbrown with the global allocator and foldhash, inserting through
/// `entry(key)` and `VacantEntry::insert`, the path `ArenaHashMap::try_insert`
/// takes (evaluation only).
#[inline(never)]
pub fn hashbrown_global_entry(keys: &[u32]) -> u64 {
    let mut map = hashbrown::HashMap::<u32, u32>::with_capacity(COUNT);
    for &key in keys {
        match map.entry(key) {
            hashbrown::hash_map::Entry::Occupied(mut present) => {
                present.insert(value(key));
            }
            hashbrown::hash_map::Entry::Vacant(vacant) => {
                vacant.insert(value(key));
            }
        }
    }
    let mut sum = 0u64;
    for &key in keys {
        sum += u64::from(*map.get(black_box(&key)).expect("inserted"));
    }
    black_box(&map);
    sum
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
