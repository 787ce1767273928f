//! Workload 7 (issue 15): a parallel frame on 2 scoped threads, for this
//! crate (`Arena::split`), bumpalo-herd, blink-alloc (`SyncBlinkAlloc` with a
//! local view per thread) and the global allocator; and this crate's same
//! work on one thread, for the throughput ratio. See `workloads/parallel.rs`.

use std::hint::black_box;
use std::time::{Duration, Instant};

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

    let mut arenas: Vec<Arena<'static>> = (0..THREADS)
        .map(|_| Arena::try_with_capacity(ARENA_BYTES / THREADS).expect("a thread's block"))
        .collect();
    assert_eq!(workload::arena_independent(&mut arenas, &words), expected);
    group.bench_function("arena_memory_independent_arenas", |b| {
        b.iter(|| workload::arena_independent(&mut arenas, &words))
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

    // The same frames, timed from before the split (or the first item) to
    // the join (or the last item): the allocation-bound part without the
    // main thread's serial read, which `iter_custom` leaves out of the time
    // (the read and the reset still run, untimed).
    let mut group = c.benchmark_group("parallel_2_threads_until_join");
    group.throughput(Throughput::Elements((THREADS * ITEMS) as u64));
    group.bench_function("arena_memory", |b| {
        b.iter_custom(|iters| {
            let mut timed = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let mut workers = frame.split(THREADS);
                workload::items_on_threads(&mut workers, &words, |parts| {
                    timed += start.elapsed();
                    black_box(workload::checksum(parts));
                });
                drop(workers);
                frame.reset();
            }
            timed
        })
    });
    group.bench_function("arena_memory_independent_arenas", |b| {
        b.iter_custom(|iters| {
            let mut timed = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                workload::items_on_threads(&mut arenas, &words, |parts| {
                    timed += start.elapsed();
                    black_box(workload::checksum(parts));
                });
                for arena in &mut arenas {
                    arena.reset();
                }
            }
            timed
        })
    });
    group.bench_function("arena_memory_1_thread", |b| {
        b.iter_custom(|iters| {
            let mut timed = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let items = workload::arena_items(&frame, &words, 0, THREADS * ITEMS);
                timed += start.elapsed();
                black_box(workload::checksum(&[items]));
                frame.reset();
            }
            timed
        })
    });
    group.finish();

    // The control: how much a second core gives this machine on pure
    // computation (no memory traffic), the same item count, 2 threads and 1.
    let mut group = c.benchmark_group("parallel_cpu_control");
    group.throughput(Throughput::Elements((THREADS * ITEMS) as u64));
    group.bench_function("spin_2_threads", |b| {
        b.iter(|| workload::spin_frame(THREADS))
    });
    group.bench_function("spin_1_thread", |b| b.iter(|| workload::spin_frame(1)));
    group.finish();
}

criterion_group!(benches, parallel);
criterion_main!(benches);
