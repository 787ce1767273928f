//! Issue 8's benchmark: frames alternating between a small and a 10x larger
//! workload, reset each frame, in arenas that grow: this crate (`Growth`),
//! bumpalo and bump-scope. Reports time per pair of frames, and, before the
//! timings, the global-allocator calls per frame once warm. See
//! `workloads/growth.rs`.

use std::sync::atomic::Ordering;

use arena_memory::{Arena, Growth};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "workloads/growth.rs"]
mod workload;

use workload::{LARGE, SMALL, SMALL_BYTES};

#[path = "workloads/counting.rs"]
mod counting;

use counting::{Counting, CALLS};

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Global-allocator calls in the first 10 pairs of frames (the arena starts
/// sized for the small frame), and per frame over the 100 pairs after them.
fn heap_calls(mut pair: impl FnMut()) -> (usize, f64) {
    let start = CALLS.load(Ordering::Relaxed);
    for _ in 0..10 {
        pair();
    }
    let warm = CALLS.load(Ordering::Relaxed);
    for _ in 0..100 {
        pair();
    }
    let end = CALLS.load(Ordering::Relaxed);
    (warm - start, (end - warm) as f64 / 200.0)
}

fn growth(c: &mut Criterion) {
    let mut ours = Arena::builder()
        .growth(Growth::UNLIMITED)
        .try_with_capacity(SMALL_BYTES)
        .expect("an arena");
    let mut bumpalo = bumpalo::Bump::with_capacity(SMALL_BYTES);
    let mut bump_scope: bump_scope::Bump = bump_scope::Bump::with_size(SMALL_BYTES);

    eprintln!(
        "growth: global-allocator calls, small and 10x frames alternating \
         (first 10 pairs; per frame after them):"
    );
    let (warm_up, steady) = heap_calls(|| {
        workload::arena(&mut ours, SMALL);
        workload::arena(&mut ours, LARGE);
    });
    eprintln!("  arena_memory {warm_up:4}  {steady:.2}");
    let (warm_up, steady) = heap_calls(|| {
        workload::bumpalo(&mut bumpalo, SMALL);
        workload::bumpalo(&mut bumpalo, LARGE);
    });
    eprintln!("  bumpalo      {warm_up:4}  {steady:.2}");
    let (warm_up, steady) = heap_calls(|| {
        workload::bump_scope(&mut bump_scope, SMALL);
        workload::bump_scope(&mut bump_scope, LARGE);
    });
    eprintln!("  bump_scope   {warm_up:4}  {steady:.2}");

    let mut group = c.benchmark_group("growth_small_then_10x");
    group.throughput(Throughput::Elements(2));
    group.bench_function("arena_memory", |b| {
        b.iter(|| {
            workload::arena(&mut ours, SMALL);
            workload::arena(&mut ours, LARGE);
        })
    });
    group.bench_function("bumpalo", |b| {
        b.iter(|| {
            workload::bumpalo(&mut bumpalo, SMALL);
            workload::bumpalo(&mut bumpalo, LARGE);
        })
    });
    group.bench_function("bump_scope", |b| {
        b.iter(|| {
            workload::bump_scope(&mut bump_scope, SMALL);
            workload::bump_scope(&mut bump_scope, LARGE);
        })
    });
    group.finish();
}

criterion_group!(benches, growth);
criterion_main!(benches);
