//! Workload 4: a hash map with capacity, 10,000 inserts then 10,000 lookups of
//! `u32` keys, for this crate's `ArenaHashMap`, hashbrown in bumpalo and in
//! bump-scope, hashbrown with the global allocator and std's `HashMap`, each
//! with its default hasher. A second group, `hash_map_u32_variants`, is not a
//! target: it evaluates a multiply-rotate hasher for small integer keys against
//! foldhash, and hashbrown's `entry` insert path. See `workloads/hash_map.rs`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "workloads/hash_map.rs"]
mod workload;

use arena_memory::Arena;
use workload::{ARENA_BYTES, COUNT};

fn insert_then_look_up(c: &mut Criterion) {
    let keys = workload::keys();
    let expected = workload::expected_sum(&keys);

    let mut group = c.benchmark_group("hash_map_u32");
    // One element is one insert and one lookup.
    group.throughput(Throughput::Elements(COUNT as u64));

    let mut arena = Arena::try_with_capacity(ARENA_BYTES).expect("the arena's block");
    assert_eq!(workload::arena(&keys, &mut arena), expected);
    group.bench_function("arena_memory", |b| {
        b.iter(|| workload::arena(&keys, &mut arena))
    });

    let mut bump = bumpalo::Bump::with_capacity(ARENA_BYTES);
    assert_eq!(workload::bumpalo(&keys, &mut bump), expected);
    group.bench_function("bumpalo_hashbrown", |b| {
        b.iter(|| workload::bumpalo(&keys, &mut bump))
    });

    let mut bump: bump_scope::Bump = bump_scope::Bump::with_size(ARENA_BYTES);
    assert_eq!(workload::bump_scope(&keys, &mut bump), expected);
    group.bench_function("bump_scope_hashbrown", |b| {
        b.iter(|| workload::bump_scope(&keys, &mut bump))
    });

    assert_eq!(workload::hashbrown_global(&keys), expected);
    group.bench_function("std_hashbrown", |b| {
        b.iter(|| workload::hashbrown_global(&keys))
    });

    assert_eq!(workload::std_hash_map(&keys), expected);
    group.bench_function("std_hash_map_siphash", |b| {
        b.iter(|| workload::std_hash_map(&keys))
    });

    group.finish();
}

/// Not a target: this crate's map and hashbrown's, each with foldhash and with
/// the multiply-rotate hasher, and hashbrown inserting through `entry`.
fn variants(c: &mut Criterion) {
    let keys = workload::keys();
    let expected = workload::expected_sum(&keys);

    let mut group = c.benchmark_group("hash_map_u32_variants");
    group.throughput(Throughput::Elements(COUNT as u64));

    let mut arena = Arena::try_with_capacity(ARENA_BYTES).expect("the arena's block");
    group.bench_function("arena_memory_foldhash", |b| {
        b.iter(|| workload::arena(&keys, &mut arena))
    });
    assert_eq!(workload::arena_mulrot(&keys, &mut arena), expected);
    group.bench_function("arena_memory_mulrot", |b| {
        b.iter(|| workload::arena_mulrot(&keys, &mut arena))
    });
    group.bench_function("std_hashbrown_foldhash", |b| {
        b.iter(|| workload::hashbrown_global(&keys))
    });
    assert_eq!(workload::hashbrown_global_mulrot(&keys), expected);
    group.bench_function("std_hashbrown_mulrot", |b| {
        b.iter(|| workload::hashbrown_global_mulrot(&keys))
    });
    assert_eq!(workload::hashbrown_global_entry(&keys), expected);
    group.bench_function("std_hashbrown_foldhash_entry", |b| {
        b.iter(|| workload::hashbrown_global_entry(&keys))
    });

    group.finish();
}

criterion_group!(benches, insert_then_look_up, variants);
criterion_main!(benches);
