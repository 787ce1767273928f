//! Workload 7 (issue 15): a parallel frame on 2 scoped threads, for this
//! crate (`Arena::split`), bumpalo-herd, blink-alloc (`SyncBlinkAlloc` with a
//! local view per thread) and the global allocator; and this crate's same
//! work on one thread, for the throughput ratio. See `workloads/parallel.rs`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "workloads/parallel.rs"]
mod workload;

use arena_memory::Arena;
use workload::{ARENA_BYTES, ITEMS, THREADS};

fn parallel(c: &mut Criterion) {
    let words = workload::words();
    let expected = workload::expected(&words);

    let mut group = c.benchmark_group("parallel_2_threads");
    group.throughput(Throughput::Elements((THREADS * ITEMS) as u64));

    let mut frame = Arena::try_with_capacity(ARENA_BYTES).expect("the frame's block");
    assert_eq!(workload::arena(&mut frame, &words), expected);
    group.bench_function("arena_memory", |b| {
        b.iter(|| workload::arena(&mut frame, &words))
    });
    assert_eq!(workload::arena_single(&mut frame, &words), expected);
    group.bench_function("arena_memory_1_thread", |b| {
        b.iter(|| workload::arena_single(&mut frame, &words))
    });

    let mut herd = bumpalo_herd::Herd::new();
    assert_eq!(workload::bumpalo_herd(&mut herd, &words), expected);
    group.bench_function("bumpalo_herd", |b| {
        b.iter(|| workload::bumpalo_herd(&mut herd, &words))
    });

    let mut blink = blink_alloc::SyncBlinkAlloc::new();
    assert_eq!(workload::blink(&mut blink, &words), expected);
    group.bench_function("blink_alloc_sync", |b| {
        b.iter(|| workload::blink(&mut blink, &words))
    });

    assert_eq!(workload::std_global(&words), expected);
    group.bench_function("std_global", |b| b.iter(|| workload::std_global(&words)));

    group.finish();
}

criterion_group!(benches, parallel);
criterion_main!(benches);
