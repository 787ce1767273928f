//! Workload 4: a hash map with capacity, 10,000 inserts then 10,000 lookups of
//! `u32` keys, for hashbrown in bumpalo and in bump-scope, hashbrown with the
//! global allocator and std's `HashMap`. See `workloads/hash_map.rs`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "workloads/hash_map.rs"]
mod workload;

use workload::{ARENA_BYTES, COUNT};

fn insert_then_look_up(c: &mut Criterion) {
    let keys = workload::keys();
    let expected = workload::expected_sum(&keys);

    let mut group = c.benchmark_group("hash_map_u32");
    // One element is one insert and one lookup.
    group.throughput(Throughput::Elements(COUNT as u64));

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

criterion_group!(benches, insert_then_look_up);
criterion_main!(benches);
