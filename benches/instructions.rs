//! Runs one workload for one implementation, once warm, inside a function named
//! `measured`, for `valgrind --tool=callgrind --toggle-collect='*measured*'`.
//!
//! ```text
//! instructions <workload> <peer>
//! instructions --list
//! ```
//!
//! The workloads are those of the criterion benches (`benches/workloads/`). It
//! prints the number of operations in one round and the global-allocator calls
//! made inside `measured`; `benches/instructions.sh` runs every pair under
//! callgrind and prints instructions per operation.
//!
//! `hash_map_u32_variants` is not a target: it evaluates a multiply-rotate
//! hasher and hashbrown's `entry` insert path (see `workloads/hash_map.rs`).

use std::hint::black_box;
use std::process::ExitCode;
use std::sync::atomic::Ordering;

use arena_memory::Arena;

#[path = "workloads/alloc.rs"]
mod alloc_16b;
#[path = "workloads/frame.rs"]
mod frame;
#[path = "workloads/hash_map.rs"]
mod hash_map;
#[path = "workloads/reset.rs"]
mod reset;
#[path = "workloads/strings.rs"]
mod strings;
#[path = "workloads/vec.rs"]
mod vec;

#[path = "workloads/counting.rs"]
mod counting;

use counting::{Counting, CALLS};

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The only code callgrind counts: `round`, once.
#[inline(never)]
fn measured(round: &mut dyn FnMut()) {
    round();
}

/// Runs `round` once to warm up, then once inside `measured`; prints the
/// operations per round and the global-allocator calls of the measured round.
fn run(ops: usize, mut round: impl FnMut()) {
    round();
    let before = CALLS.load(Ordering::Relaxed);
    measured(&mut round);
    let calls = CALLS.load(Ordering::Relaxed) - before;
    println!("ops={ops} allocator_calls={calls}");
}

/// Fills, then resets inside `measured`.
fn run_reset<S>(state: &mut S, fill: impl Fn(&mut S), reset: impl Fn(&mut S)) {
    fill(state);
    reset(state);
    fill(state);
    let before = CALLS.load(Ordering::Relaxed);
    measured(&mut || reset(state));
    let calls = CALLS.load(Ordering::Relaxed) - before;
    println!("ops=1 allocator_calls={calls}");
}

/// Every workload and the peers it has.
const PAIRS: &[(&str, &[&str])] = &[
    (
        "alloc_16B",
        &[
            "arena_memory",
            "arena_memory_worker",
            "bumpalo",
            "bump_scope",
            "std_box",
        ],
    ),
    (
        "vec_push_with_capacity",
        &[
            "arena_memory",
            "bumpalo",
            "bump_scope",
            "bump_scope_mut",
            "std",
        ],
    ),
    (
        "vec_push_growing",
        &[
            "arena_memory",
            "bumpalo",
            "bump_scope",
            "bump_scope_mut",
            "std",
        ],
    ),
    (
        "strings_push_str",
        &["arena_memory", "bumpalo", "bump_scope", "std"],
    ),
    (
        "strings_format",
        &["arena_memory", "bumpalo", "bump_scope", "std"],
    ),
    (
        "hash_map_u32",
        &[
            "arena_memory",
            "bumpalo_hashbrown",
            "bump_scope_hashbrown",
            "std_hashbrown",
            "std_hash_map_siphash",
        ],
    ),
    (
        "hash_map_u32_variants",
        &[
            "arena_memory_foldhash",
            "arena_memory_mulrot",
            "std_hashbrown_foldhash",
            "std_hashbrown_mulrot",
            "std_hashbrown_foldhash_entry",
        ],
    ),
    (
        "frame",
        &[
            "arena_memory",
            "bumpalo",
            "bump_scope",
            "std_reused",
            "floor",
        ],
    ),
    (
        "reset_1MiB",
        &[
            "arena_memory",
            "arena_memory_after_split",
            "bumpalo",
            "bump_scope",
            "std_vec_clear",
        ],
    ),
    (
        "reset_256MiB",
        &["arena_memory", "bumpalo", "bump_scope", "std_vec_clear"],
    ),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--list") {
        for (workload, peers) in PAIRS {
            for peer in *peers {
                println!("{workload} {peer}");
            }
        }
        return ExitCode::SUCCESS;
    }
    let [workload, peer] = args.as_slice() else {
        eprintln!("usage: instructions <workload> <peer> | --list");
        return ExitCode::FAILURE;
    };
    match (workload.as_str(), peer.as_str()) {
        ("alloc_16B", "arena_memory") => {
            let mut arena = Arena::try_with_capacity(alloc_16b::ARENA_BYTES).expect("block");
            run(alloc_16b::COUNT, || alloc_16b::arena(&mut arena));
        }
        ("alloc_16B", "arena_memory_worker") => {
            let mut frame = Arena::try_with_capacity(alloc_16b::WORKER_ARENA_BYTES).expect("block");
            run(alloc_16b::COUNT, || alloc_16b::arena_worker(&mut frame));
        }
        ("alloc_16B", "bumpalo") => {
            let mut bump = bumpalo::Bump::with_capacity(alloc_16b::ARENA_BYTES);
            run(alloc_16b::COUNT, || alloc_16b::bumpalo(&mut bump));
        }
        ("alloc_16B", "bump_scope") => {
            let mut bump: bump_scope::Bump = bump_scope::Bump::with_size(alloc_16b::ARENA_BYTES);
            run(alloc_16b::COUNT, || alloc_16b::bump_scope(&mut bump));
        }
        ("alloc_16B", "std_box") => {
            let mut kept = Vec::with_capacity(alloc_16b::COUNT);
            run(alloc_16b::COUNT, || alloc_16b::std_box(&mut kept));
        }
        ("vec_push_with_capacity" | "vec_push_growing", peer) => {
            let with_capacity = workload == "vec_push_with_capacity";
            let mut bumpalo = bumpalo::Bump::with_capacity(vec::ARENA_BYTES);
            let mut bump_scope: bump_scope::Bump = bump_scope::Bump::with_size(vec::ARENA_BYTES);
            let mut arena = Arena::try_with_capacity(vec::ARENA_BYTES).expect("block");
            match peer {
                "arena_memory" => run(vec::COUNT, || vec::arena(&mut arena, with_capacity)),
                "bumpalo" => run(vec::COUNT, || vec::bumpalo(&mut bumpalo, with_capacity)),
                "bump_scope" => run(vec::COUNT, || {
                    vec::bump_scope(&mut bump_scope, with_capacity)
                }),
                "bump_scope_mut" => run(vec::COUNT, || {
                    vec::bump_scope_mut(&mut bump_scope, with_capacity)
                }),
                "std" => run(vec::COUNT, || vec::std_vec(with_capacity)),
                _ => return unknown(workload, peer),
            }
        }
        ("strings_push_str" | "strings_format", peer) => {
            let src = strings::Sources::new();
            let mut arena = Arena::try_with_capacity(strings::ARENA_BYTES).expect("block");
            let mut bumpalo = bumpalo::Bump::with_capacity(strings::ARENA_BYTES);
            let mut bump_scope: bump_scope::Bump =
                bump_scope::Bump::with_size(strings::ARENA_BYTES);
            let mut kept = Vec::with_capacity(strings::COUNT);
            let n = strings::COUNT;
            match (workload.as_str(), peer) {
                ("strings_push_str", "arena_memory") => {
                    run(n, || strings::arena_push_str(&src, &mut arena))
                }
                ("strings_push_str", "bumpalo") => {
                    run(n, || strings::bumpalo_push_str(&src, &mut bumpalo))
                }
                ("strings_push_str", "bump_scope") => {
                    run(n, || strings::bump_scope_push_str(&src, &mut bump_scope))
                }
                ("strings_push_str", "std") => run(n, || strings::std_push_str(&src, &mut kept)),
                ("strings_format", "arena_memory") => {
                    run(n, || strings::arena_format(&src, &mut arena))
                }
                ("strings_format", "bumpalo") => {
                    run(n, || strings::bumpalo_format(&src, &mut bumpalo))
                }
                ("strings_format", "bump_scope") => {
                    run(n, || strings::bump_scope_format(&src, &mut bump_scope))
                }
                ("strings_format", "std") => run(n, || strings::std_format(&src, &mut kept)),
                _ => return unknown(workload, peer),
            }
        }
        ("hash_map_u32" | "hash_map_u32_variants", peer) => {
            let keys = hash_map::keys();
            let expected = hash_map::expected_sum(&keys);
            let mut arena = Arena::try_with_capacity(hash_map::ARENA_BYTES).expect("block");
            let mut bumpalo = bumpalo::Bump::with_capacity(hash_map::ARENA_BYTES);
            let mut bump_scope: bump_scope::Bump =
                bump_scope::Bump::with_size(hash_map::ARENA_BYTES);
            let mut round: Box<dyn FnMut() -> u64> = match peer {
                "arena_memory" | "arena_memory_foldhash" => {
                    Box::new(|| hash_map::arena(&keys, &mut arena))
                }
                "arena_memory_mulrot" => Box::new(|| hash_map::arena_mulrot(&keys, &mut arena)),
                "bumpalo_hashbrown" => Box::new(|| hash_map::bumpalo(&keys, &mut bumpalo)),
                "bump_scope_hashbrown" => Box::new(|| hash_map::bump_scope(&keys, &mut bump_scope)),
                "std_hashbrown" | "std_hashbrown_foldhash" => {
                    Box::new(|| hash_map::hashbrown_global(&keys))
                }
                "std_hashbrown_mulrot" => Box::new(|| hash_map::hashbrown_global_mulrot(&keys)),
                "std_hashbrown_foldhash_entry" => {
                    Box::new(|| hash_map::hashbrown_global_entry(&keys))
                }
                "std_hash_map_siphash" => Box::new(|| hash_map::std_hash_map(&keys)),
                _ => return unknown(workload, peer),
            };
            run(hash_map::COUNT, || assert_eq!(round(), expected));
        }
        ("frame", peer) => {
            let labels = frame::labels();
            match peer {
                "arena_memory" => {
                    let persistent = Arena::try_with_capacity(frame::ARENA_BYTES).expect("block");
                    let mut ephemeral = persistent.try_ephemeral().expect("frame region");
                    run(1, || frame::arena(&labels, &mut ephemeral));
                }
                "bumpalo" => {
                    let mut bump = bumpalo::Bump::with_capacity(frame::ARENA_BYTES);
                    run(1, || frame::bumpalo(&labels, &mut bump));
                }
                "bump_scope" => {
                    let mut bump: bump_scope::Bump =
                        bump_scope::Bump::with_size(frame::ARENA_BYTES);
                    run(1, || frame::bump_scope(&labels, &mut bump));
                }
                "std_reused" => {
                    let mut reused = frame::StdFrame::default();
                    run(1, || frame::std_reused(&labels, &mut reused));
                }
                "floor" => {
                    let mut arrays = frame::Floor::new(&labels);
                    run(1, || frame::floor(&labels, &mut arrays));
                }
                _ => return unknown(workload, peer),
            }
        }
        ("reset_1MiB" | "reset_256MiB", peer) => {
            let bytes = if workload == "reset_1MiB" {
                reset::SMALL
            } else {
                reset::LARGE
            };
            match peer {
                "arena_memory" => run_reset(
                    &mut reset::presized_arena(bytes),
                    |a| reset::fill_arena(a, bytes),
                    reset::reset_arena,
                ),
                "arena_memory_after_split" => run_reset(
                    &mut reset::presized_arena(bytes),
                    |a| fill_through_workers(a, bytes),
                    reset::reset_arena,
                ),
                "bumpalo" => run_reset(
                    &mut reset::presized_bumpalo(bytes),
                    |a| reset::fill_bumpalo(a, bytes),
                    reset::reset_bumpalo,
                ),
                "bump_scope" => run_reset(
                    &mut reset::presized_bump_scope(bytes),
                    |a| reset::fill_bump_scope(a, bytes),
                    reset::reset_bump_scope,
                ),
                "std_vec_clear" => run_reset(
                    &mut reset::presized_std(bytes),
                    |v| reset::fill_std(v, bytes),
                    reset::reset_std,
                ),
                _ => return unknown(workload, peer),
            }
        }
        _ => return unknown(workload, peer),
    }
    black_box(());
    ExitCode::SUCCESS
}

/// Fills most of `frame` through 2 workers of a split, in 64-byte pieces: the
/// busy worker takes many pool chunks, which the frame's reset (measured) then
/// takes back in O(1), whatever their number.
fn fill_through_workers(frame: &Arena<'_>, bytes: usize) {
    let workers = frame.split(2);
    let mut taken = 0;
    while taken < bytes * 8 / 10 && workers[0].try_alloc_slice_uninit::<u8>(64).is_ok() {
        taken += 64;
    }
    assert!(taken >= bytes * 8 / 10, "the workers filled the frame");
}

fn unknown(workload: &str, peer: &str) -> ExitCode {
    eprintln!("unknown workload/peer: {workload} {peer} (see --list)");
    ExitCode::FAILURE
}
