//! Paired timing: each implementation of a workload runs once per round, in
//! turn, round after round, and each round's time is divided by the reference
//! implementation's time in the same round. On a shared VM whose speed drifts
//! by tens of percent between one second and the next (criterion's groups run
//! one implementation for seconds, then the next, so the drift lands between
//! them), the ratio of two runs a few milliseconds apart is what stays
//! stable. Reported: the median time of each implementation and the median
//! and quartiles of its per-round ratio to the reference.
//!
//! ```sh
//! cargo run --release -p arena-memory-benches --bin paired            # every workload
//! cargo run --release -p arena-memory-benches --bin paired -- strings # names containing "strings"
//! ```
//!
//! Workloads: `strings_push_str`, `strings_format` (reference: bump-scope),
//! `hash_map_u32` (reference: hashbrown with the global allocator), `frame`
//! (reference: the no-allocator floor), `parallel_2_threads` (workload 7,
//! reference: this crate's split on 2 threads) and `parallel_cpu_control`
//! (pure computation on 2 threads and on 1); the last two need both cores
//! idle.

use std::hint::black_box;
use std::time::Instant;

use arena_memory::Arena;

#[path = "workloads/frame.rs"]
mod frame;
#[path = "workloads/hash_map.rs"]
#[allow(
    dead_code,
    reason = "the hasher variants are criterion's second group, not a target"
)]
mod hash_map;
#[path = "workloads/parallel.rs"]
mod parallel;
#[path = "workloads/strings.rs"]
mod strings;

/// Rounds per workload (each runs every implementation once).
const ROUNDS: usize = 1001;
/// Untimed rounds first, to fault in the blocks and warm the caches.
const WARM_UP: usize = 20;

/// One implementation: its name and one run of the workload.
type Run<'a> = (&'static str, Box<dyn FnMut() + 'a>);

/// Runs `runs` in turn for [`ROUNDS`] rounds and prints each one's median time
/// and its per-round ratio to `runs[reference]`.
fn paired(workload: &str, reference: usize, mut runs: Vec<Run<'_>>) {
    for _ in 0..WARM_UP {
        for (_, run) in &mut runs {
            run();
        }
    }
    let mut times = vec![Vec::with_capacity(ROUNDS); runs.len()];
    for round in 0..ROUNDS {
        // Rotate the order each round, so no implementation always runs
        // right after the same other one.
        for k in 0..runs.len() {
            let i = (round + k) % runs.len();
            let start = Instant::now();
            (runs[i].1)();
            times[i].push(start.elapsed().as_secs_f64());
        }
    }
    println!(
        "\n{workload} ({ROUNDS} rounds; ratio = this / {} in the same round)",
        runs[reference].0
    );
    println!("| implementation | median time | median ratio | quartiles of the ratio |");
    println!("|---|---:|---:|---:|");
    for (i, (name, _)) in runs.iter().enumerate() {
        let mut ratios: Vec<f64> = times[i]
            .iter()
            .zip(&times[reference])
            .map(|(t, r)| t / r)
            .collect();
        let (q1, median, q3) = quartiles(&mut ratios);
        let time = quartiles(&mut times[i].clone()).1;
        println!(
            "| {name} | {} | {median:.3} | {q1:.3} to {q3:.3} |",
            show(time)
        );
    }
}

/// The first quartile, the median and the third quartile of `v`.
fn quartiles(v: &mut [f64]) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    let at = |q: usize| v[(v.len() - 1) * q / 4];
    (at(1), at(2), at(3))
}

fn show(seconds: f64) -> String {
    if seconds >= 1e-3 {
        format!("{:.3} ms", seconds * 1e3)
    } else {
        format!("{:.1} µs", seconds * 1e6)
    }
}

fn main() {
    let filter = std::env::args().nth(1).unwrap_or_default();
    let wanted = |name: &str| name.contains(filter.as_str());

    let src = strings::Sources::new();
    if wanted("strings_push_str") {
        let mut arena = Arena::try_with_capacity(strings::ARENA_BYTES).expect("the arena's block");
        let mut bumpalo = bumpalo::Bump::with_capacity(strings::ARENA_BYTES);
        let mut bump_scope: bump_scope::Bump = bump_scope::Bump::with_size(strings::ARENA_BYTES);
        let mut kept = Vec::with_capacity(strings::COUNT);
        paired(
            "strings_push_str",
            0,
            vec![
                (
                    "bump_scope",
                    Box::new(|| strings::bump_scope_push_str(&src, &mut bump_scope)),
                ),
                (
                    "arena_memory",
                    Box::new(|| strings::arena_push_str(&src, &mut arena)),
                ),
                (
                    "bumpalo",
                    Box::new(|| strings::bumpalo_push_str(&src, &mut bumpalo)),
                ),
                ("std", Box::new(|| strings::std_push_str(&src, &mut kept))),
            ],
        );
    }
    if wanted("strings_format") {
        let mut arena = Arena::try_with_capacity(strings::ARENA_BYTES).expect("the arena's block");
        let mut bumpalo = bumpalo::Bump::with_capacity(strings::ARENA_BYTES);
        let mut bump_scope: bump_scope::Bump = bump_scope::Bump::with_size(strings::ARENA_BYTES);
        let mut kept = Vec::with_capacity(strings::COUNT);
        paired(
            "strings_format",
            0,
            vec![
                (
                    "bump_scope",
                    Box::new(|| strings::bump_scope_format(&src, &mut bump_scope)),
                ),
                (
                    "arena_memory",
                    Box::new(|| strings::arena_format(&src, &mut arena)),
                ),
                (
                    "bumpalo",
                    Box::new(|| strings::bumpalo_format(&src, &mut bumpalo)),
                ),
                ("std", Box::new(|| strings::std_format(&src, &mut kept))),
            ],
        );
    }
    if wanted("hash_map_u32") {
        let keys = hash_map::keys();
        let expected = hash_map::expected_sum(&keys);
        let mut arena = Arena::try_with_capacity(hash_map::ARENA_BYTES).expect("the arena's block");
        let mut bumpalo = bumpalo::Bump::with_capacity(hash_map::ARENA_BYTES);
        let mut bump_scope: bump_scope::Bump = bump_scope::Bump::with_size(hash_map::ARENA_BYTES);
        paired(
            "hash_map_u32",
            0,
            vec![
                (
                    "std_hashbrown",
                    Box::new(|| {
                        assert_eq!(black_box(hash_map::hashbrown_global(&keys)), expected);
                    }),
                ),
                (
                    "arena_memory",
                    Box::new(|| {
                        assert_eq!(black_box(hash_map::arena(&keys, &mut arena)), expected);
                    }),
                ),
                (
                    "bumpalo_hashbrown",
                    Box::new(|| {
                        assert_eq!(black_box(hash_map::bumpalo(&keys, &mut bumpalo)), expected);
                    }),
                ),
                (
                    "bump_scope_hashbrown",
                    Box::new(|| {
                        assert_eq!(
                            black_box(hash_map::bump_scope(&keys, &mut bump_scope)),
                            expected
                        );
                    }),
                ),
            ],
        );
    }
    if wanted("parallel_2_threads") {
        let words = parallel::words();
        let expected = parallel::expected(&words);
        let mut frame = Arena::try_with_capacity(parallel::ARENA_BYTES).expect("the frame's block");
        let mut single =
            Arena::try_with_capacity(parallel::ARENA_BYTES).expect("the frame's block");
        let mut arenas: Vec<Arena<'static>> = (0..parallel::THREADS)
            .map(|_| {
                Arena::try_with_capacity(parallel::ARENA_BYTES / parallel::THREADS)
                    .expect("a thread's block")
            })
            .collect();
        let mut herd = bumpalo_herd::Herd::new();
        let mut blink = blink_alloc::SyncBlinkAlloc::new();
        paired(
            "parallel_2_threads",
            0,
            vec![
                (
                    "arena_memory",
                    Box::new(|| {
                        assert_eq!(parallel::arena(&mut frame, &words), expected);
                    }),
                ),
                (
                    "arena_memory_independent_arenas",
                    Box::new(|| {
                        assert_eq!(parallel::arena_independent(&mut arenas, &words), expected);
                    }),
                ),
                (
                    "blink_alloc_sync",
                    Box::new(|| {
                        assert_eq!(parallel::blink(&mut blink, &words), expected);
                    }),
                ),
                (
                    "bumpalo_herd",
                    Box::new(|| {
                        assert_eq!(parallel::bumpalo_herd(&mut herd, &words), expected);
                    }),
                ),
                (
                    "arena_memory_1_thread",
                    Box::new(|| {
                        assert_eq!(parallel::arena_single(&mut single, &words), expected);
                    }),
                ),
                (
                    "std_global",
                    Box::new(|| {
                        assert_eq!(parallel::std_global(&words), expected);
                    }),
                ),
            ],
        );
    }
    if wanted("parallel_cpu_control") {
        paired(
            "parallel_cpu_control",
            0,
            vec![
                (
                    "spin_2_threads",
                    Box::new(|| {
                        black_box(parallel::spin_frame(parallel::THREADS));
                    }),
                ),
                (
                    "spin_1_thread",
                    Box::new(|| {
                        black_box(parallel::spin_frame(1));
                    }),
                ),
            ],
        );
    }
    if wanted("frame") {
        let labels = frame::labels();
        let persistent = Arena::try_with_capacity(frame::ARENA_BYTES).expect("the arena's block");
        let mut ephemeral = persistent.try_ephemeral().expect("the frame region");
        let mut bumpalo = bumpalo::Bump::with_capacity(frame::ARENA_BYTES);
        let mut bump_scope: bump_scope::Bump = bump_scope::Bump::with_size(frame::ARENA_BYTES);
        let mut reused = frame::StdFrame::default();
        let mut floor = frame::Floor::new(&labels);
        paired(
            "frame",
            0,
            vec![
                ("floor", Box::new(|| frame::floor(&labels, &mut floor))),
                (
                    "arena_memory",
                    Box::new(|| frame::arena(&labels, &mut ephemeral)),
                ),
                (
                    "bumpalo",
                    Box::new(|| frame::bumpalo(&labels, &mut bumpalo)),
                ),
                (
                    "bump_scope",
                    Box::new(|| frame::bump_scope(&labels, &mut bump_scope)),
                ),
                (
                    "std_reused",
                    Box::new(|| frame::std_reused(&labels, &mut reused)),
                ),
            ],
        );
    }
}
