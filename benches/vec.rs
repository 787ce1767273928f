//! Workload 2: push 1,000,000 `u32` into a vector, with the capacity up front and
//! growing from empty, for this crate, bumpalo, bump-scope and std. See `workloads/vec.rs`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "workloads/vec.rs"]
mod workload;

use arena_memory::Arena;
use workload::{ARENA_BYTES, COUNT};

fn push_u32(c: &mut Criterion) {
    for (name, with_capacity) in [
        ("vec_push_with_capacity", true),
        ("vec_push_growing", false),
    ] {
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Elements(COUNT as u64));

        let mut arena = Arena::try_with_capacity(ARENA_BYTES).expect("the arena's block");
        group.bench_function("arena_memory", |b| {
            b.iter(|| workload::arena(&mut arena, with_capacity))
        });

        let mut bump = bumpalo::Bump::with_capacity(ARENA_BYTES);
        group.bench_function("bumpalo", |b| {
            b.iter(|| workload::bumpalo(&mut bump, with_capacity))
        });

        let mut bump: bump_scope::Bump = bump_scope::Bump::with_size(ARENA_BYTES);
        group.bench_function("bump_scope", |b| {
            b.iter(|| workload::bump_scope(&mut bump, with_capacity))
        });
        group.bench_function("bump_scope_mut", |b| {
            b.iter(|| workload::bump_scope_mut(&mut bump, with_capacity))
        });

        group.bench_function("std", |b| b.iter(|| workload::std_vec(with_capacity)));

        group.finish();
    }
}

criterion_group!(benches, push_u32);
criterion_main!(benches);
