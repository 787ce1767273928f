//! Workload 5: reset after filling 1 MiB and after filling 256 MiB, for this
//! crate, bumpalo, bump-scope and std (`Vec::clear`). Only the reset is timed.
//! See `workloads/reset.rs`.

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};

#[path = "workloads/reset.rs"]
mod workload;

use std::hint::black_box;

use workload::{LARGE, SMALL};

/// The block size of the fill in the *after growth* setting.
const BLOCK: usize = 64 << 10;

/// A bumpalo `Bump` at its default size, grown by writing `bytes` in blocks.
fn grown_bumpalo(bytes: usize) -> bumpalo::Bump {
    let bump = bumpalo::Bump::new();
    for _ in 0..bytes / BLOCK {
        black_box(bump.alloc_slice_fill_copy(BLOCK, 1u8));
    }
    bump
}

/// A bump-scope `Bump` at its default size, grown by writing `bytes` in blocks.
fn grown_bump_scope(bytes: usize) -> bump_scope::Bump {
    let bump: bump_scope::Bump = bump_scope::Bump::new();
    for _ in 0..bytes / BLOCK {
        black_box(bump.alloc_slice_fill(BLOCK, 1u8).into_mut());
    }
    bump
}

/// Times `reset` after `fill`, `iters` times; the fill is not timed.
fn time_resets<S>(
    iters: u64,
    state: &mut S,
    mut fill: impl FnMut(&mut S),
    mut reset: impl FnMut(&mut S),
) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        fill(state);
        let start = Instant::now();
        reset(state);
        total += start.elapsed();
    }
    total
}

fn reset_presized(c: &mut Criterion) {
    for (name, bytes) in [("reset_1MiB", SMALL), ("reset_256MiB", LARGE)] {
        let mut group = c.benchmark_group(name);

        let mut arena = workload::presized_arena(bytes);
        group.bench_function("arena_memory", |b| {
            b.iter_custom(|iters| {
                time_resets(
                    iters,
                    &mut arena,
                    |a| workload::fill_arena(a, bytes),
                    workload::reset_arena,
                )
            })
        });
        drop(arena);

        let mut bump = workload::presized_bumpalo(bytes);
        let footprint = bump.allocated_bytes();
        workload::fill_bumpalo(&bump, bytes);
        assert_eq!(
            bump.allocated_bytes(),
            footprint,
            "the fill needs no new chunk"
        );
        group.bench_function("bumpalo", |b| {
            b.iter_custom(|iters| {
                time_resets(
                    iters,
                    &mut bump,
                    |a| workload::fill_bumpalo(a, bytes),
                    workload::reset_bumpalo,
                )
            })
        });
        drop(bump);

        let mut bump = workload::presized_bump_scope(bytes);
        workload::fill_bump_scope(&bump, bytes);
        assert_eq!(bump.stats().count(), 1, "the fill needs no new chunk");
        group.bench_function("bump_scope", |b| {
            b.iter_custom(|iters| {
                time_resets(
                    iters,
                    &mut bump,
                    |a| workload::fill_bump_scope(a, bytes),
                    workload::reset_bump_scope,
                )
            })
        });
        drop(bump);

        let mut v = workload::presized_std(bytes);
        group.bench_function("std_vec_clear", |b| {
            b.iter_custom(|iters| {
                time_resets(
                    iters,
                    &mut v,
                    |v| workload::fill_std(v, bytes),
                    workload::reset_std,
                )
            })
        });
        drop(v);

        group.finish();
    }
}

/// The first reset of an arena that grew from its default size. Each
/// iteration makes and fills a new arena (hundreds of milliseconds for 256 MiB),
/// so this group runs few iterations, whatever the command line says.
fn reset_after_growth(c: &mut Criterion) {
    for (name, bytes) in [
        ("reset_after_growth_1MiB", SMALL),
        ("reset_after_growth_256MiB", LARGE),
    ] {
        let mut group = c.benchmark_group(name);
        group
            .sampling_mode(SamplingMode::Flat)
            .sample_size(10)
            .warm_up_time(Duration::from_millis(10))
            .measurement_time(Duration::from_millis(10));

        group.bench_function("bumpalo", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let mut bump = grown_bumpalo(bytes);
                    let start = Instant::now();
                    workload::reset_bumpalo(&mut bump);
                    total += start.elapsed();
                }
                total
            })
        });

        group.bench_function("bump_scope", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let mut bump = grown_bump_scope(bytes);
                    let start = Instant::now();
                    workload::reset_bump_scope(&mut bump);
                    total += start.elapsed();
                }
                total
            })
        });

        group.finish();
    }
}

criterion_group!(benches, reset_presized, reset_after_growth);
criterion_main!(benches);
