//! Workload 1: allocate 1,000,000 16-byte structs into a warm arena, for this
//! crate, bumpalo, bump-scope and std (`Box`). See `workloads/alloc.rs`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "workloads/alloc.rs"]
mod workload;

use arena_memory::Arena;
use workload::{ARENA_BYTES, COUNT, WORKER_ARENA_BYTES};

fn alloc_16_bytes(c: &mut Criterion) {
    let mut group = c.benchmark_group("alloc_16B");
    group.throughput(Throughput::Elements(COUNT as u64));

    let mut arena = Arena::try_with_capacity(ARENA_BYTES).expect("the arena's block");
    group.bench_function("arena_memory", |b| b.iter(|| workload::arena(&mut arena)));

    let mut frame = Arena::try_with_capacity(WORKER_ARENA_BYTES).expect("the frame's block");
    group.bench_function("arena_memory_worker", |b| {
        b.iter(|| workload::arena_worker(&mut frame))
    });

    let mut bump = bumpalo::Bump::with_capacity(ARENA_BYTES);
    group.bench_function("bumpalo", |b| b.iter(|| workload::bumpalo(&mut bump)));

    let mut bump: bump_scope::Bump = bump_scope::Bump::with_size(ARENA_BYTES);
    group.bench_function("bump_scope", |b| b.iter(|| workload::bump_scope(&mut bump)));

    let mut kept = Vec::with_capacity(COUNT);
    group.bench_function("std_box", |b| b.iter(|| workload::std_box(&mut kept)));

    group.finish();
}

criterion_group!(benches, alloc_16_bytes);
criterion_main!(benches);
