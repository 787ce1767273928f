//! Workload 3: build 10,000 short strings (8 to 32 bytes) by `push_str` and by
//! formatting, for this crate, bumpalo, bump-scope and std. See `workloads/strings.rs`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "workloads/strings.rs"]
mod workload;

use arena_memory::Arena;
use workload::{Sources, ARENA_BYTES, COUNT};

fn short_strings(c: &mut Criterion) {
    let src = Sources::new();

    let mut group = c.benchmark_group("strings_push_str");
    group.throughput(Throughput::Elements(COUNT as u64));
    let mut arena = Arena::try_with_capacity(ARENA_BYTES).expect("the arena's block");
    group.bench_function("arena_memory", |b| {
        b.iter(|| workload::arena_push_str(&src, &mut arena))
    });
    let mut bump = bumpalo::Bump::with_capacity(ARENA_BYTES);
    group.bench_function("bumpalo", |b| {
        b.iter(|| workload::bumpalo_push_str(&src, &mut bump))
    });
    let mut bump: bump_scope::Bump = bump_scope::Bump::with_size(ARENA_BYTES);
    group.bench_function("bump_scope", |b| {
        b.iter(|| workload::bump_scope_push_str(&src, &mut bump))
    });
    let mut kept = Vec::with_capacity(COUNT);
    group.bench_function("std", |b| {
        b.iter(|| workload::std_push_str(&src, &mut kept))
    });
    group.finish();

    let mut group = c.benchmark_group("strings_format");
    group.throughput(Throughput::Elements(COUNT as u64));
    let mut arena = Arena::try_with_capacity(ARENA_BYTES).expect("the arena's block");
    group.bench_function("arena_memory", |b| {
        b.iter(|| workload::arena_format(&src, &mut arena))
    });
    let mut bump = bumpalo::Bump::with_capacity(ARENA_BYTES);
    group.bench_function("bumpalo", |b| {
        b.iter(|| workload::bumpalo_format(&src, &mut bump))
    });
    let mut bump: bump_scope::Bump = bump_scope::Bump::with_size(ARENA_BYTES);
    group.bench_function("bump_scope", |b| {
        b.iter(|| workload::bump_scope_format(&src, &mut bump))
    });
    let mut kept = Vec::with_capacity(COUNT);
    group.bench_function("std", |b| b.iter(|| workload::std_format(&src, &mut kept)));
    group.finish();
}

criterion_group!(benches, short_strings);
criterion_main!(benches);
