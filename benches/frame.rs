//! Workload 6: one UI frame (2,000 elements of 64 bytes, 2,000 labels of about
//! 15 bytes, a children index vector, then reset), for this crate (in the
//! ephemeral child of a persistent arena), bumpalo, bump-scope and std with
//! reused containers, and the floor: the same frame with no allocator. See `workloads/frame.rs`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "workloads/frame.rs"]
mod workload;

use arena_memory::Arena;
use workload::{Floor, StdFrame, ARENA_BYTES};

fn frame(c: &mut Criterion) {
    let labels = workload::labels();

    let mut group = c.benchmark_group("frame");
    group.throughput(Throughput::Elements(1));

    let persistent = Arena::try_with_capacity(ARENA_BYTES).expect("the arena's block");
    let mut frame = persistent.try_ephemeral().expect("the frame region");
    group.bench_function("arena_memory", |b| {
        b.iter(|| workload::arena(&labels, &mut frame))
    });
    drop(frame);

    let mut bump = bumpalo::Bump::with_capacity(ARENA_BYTES);
    group.bench_function("bumpalo", |b| {
        b.iter(|| workload::bumpalo(&labels, &mut bump))
    });

    let mut bump: bump_scope::Bump = bump_scope::Bump::with_size(ARENA_BYTES);
    group.bench_function("bump_scope", |b| {
        b.iter(|| workload::bump_scope(&labels, &mut bump))
    });

    let mut reused = StdFrame::default();
    group.bench_function("std_reused", |b| {
        b.iter(|| workload::std_reused(&labels, &mut reused))
    });

    let mut floor = Floor::new(&labels);
    group.bench_function("floor", |b| b.iter(|| workload::floor(&labels, &mut floor)));

    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
