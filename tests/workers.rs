//! Parallel frames: `Arena::split` into worker arenas, used from scoped
//! threads (and rayon), results read after the join.
//!
//! The model check: every allocation a worker makes is recorded with its
//! byte range and the bytes written into it; after the join no two live
//! allocations overlap and every byte is as written. Sizes are small under
//! Miri, which runs these threads with its data-race detector and several
//! schedules (`-Zmiri-many-seeds`).

use std::alloc::Layout;
use std::fmt::Write as _;
use std::mem;

use arena_memory::{format_in, Arena, ArenaError, ArenaHashMap, ArenaStr, ArenaVec, Growth};

#[path = "common/counting.rs"]
mod counting;

use counting::allocations_in;

/// A small deterministic generator (xorshift), one per thread.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> usize {
        (self.next() % n) as usize
    }
}

/// One allocation as the model sees it: the bytes handed out, the byte they
/// were filled with.
struct Record<'w> {
    bytes: &'w [u8],
    fill: u8,
}

/// A worker's share of a model run: random allocations (raw bytes at random
/// alignments, a vector grown by pushes, a formatted string), each filled with
/// its own byte, until `steps` are done or the worker fails. Every failure
/// must be `CapacityExceeded` with `requested > remaining`.
fn random_work<'w>(worker: &'w Arena<'_>, seed: u64, steps: usize) -> (Vec<Record<'w>>, usize) {
    let mut rng = Rng(seed | 1);
    let mut records = Vec::new();
    let mut failures = 0;
    for step in 0..steps {
        // ASCII, so that a string of it is one byte per char.
        let fill = b'!' + ((seed as usize * 31 + step) % 90) as u8;
        match rng.below(3) {
            0 => {
                let size = 1 + rng.below(200);
                let align = 1 << rng.below(7);
                let layout = Layout::from_size_align(size, align).unwrap();
                match worker.try_alloc_layout(layout) {
                    Ok(ptr) => {
                        assert_eq!(ptr.as_ptr() as usize % align, 0);
                        // SAFETY: `ptr` is `size` fresh bytes of the worker,
                        // valid while it is borrowed for `'w`.
                        let bytes = unsafe {
                            std::ptr::write_bytes(ptr.as_ptr(), fill, size);
                            std::slice::from_raw_parts(ptr.as_ptr(), size)
                        };
                        records.push(Record { bytes, fill });
                    }
                    Err(err) => {
                        check_exceeded(err);
                        failures += 1;
                    }
                }
            }
            1 => {
                let mut v = ArenaVec::new_in(worker);
                let n = 1 + rng.below(100);
                let mut ok = true;
                for _ in 0..n {
                    if let Err(err) = v.try_push(fill) {
                        assert!(matches!(
                            err,
                            ArenaError::CapacityExceeded { .. } | ArenaError::CollectionFull { .. }
                        ));
                        ok = false;
                        break;
                    }
                }
                if !ok {
                    failures += 1;
                }
                let bytes: &'w [u8] = v.into_slice();
                if !bytes.is_empty() {
                    records.push(Record { bytes, fill });
                }
            }
            _ => {
                let text: String = std::iter::repeat_n(fill as char, 1 + rng.below(60)).collect();
                match ArenaStr::try_from_str_in(&text, worker) {
                    Ok(s) => {
                        let s: &'w str = s.into_str();
                        assert_eq!(s, text);
                        records.push(Record {
                            bytes: s.as_bytes(),
                            fill,
                        });
                    }
                    Err(err) => {
                        check_exceeded(err);
                        failures += 1;
                    }
                }
            }
        }
    }
    (records, failures)
}

/// A worker's failure names the request and what remains, which is less.
fn check_exceeded(err: ArenaError) {
    match err {
        ArenaError::CapacityExceeded {
            requested,
            remaining,
        } => assert!(requested > remaining, "{err}"),
        other => panic!("unexpected error {other}"),
    }
}

/// No two records overlap, and every byte is as written.
fn check_model(records: &[&Record<'_>]) {
    let mut ranges: Vec<(usize, usize, u8)> = records
        .iter()
        .map(|r| {
            let start = r.bytes.as_ptr() as usize;
            (start, start + r.bytes.len(), r.fill)
        })
        .collect();
    ranges.sort_unstable();
    for pair in ranges.windows(2) {
        assert!(
            pair[0].1 <= pair[1].0,
            "allocations overlap: {:x?} and {:x?}",
            pair[0],
            pair[1]
        );
    }
    for r in records {
        assert!(
            r.bytes.iter().all(|&b| b == r.fill),
            "a byte was overwritten"
        );
    }
}

fn frame_bytes(normal: usize, miri: usize) -> usize {
    if cfg!(miri) {
        miri
    } else {
        normal
    }
}

#[test]
fn results_of_every_worker_are_intact_and_disjoint_after_the_join() {
    let steps = if cfg!(miri) { 12 } else { 2_000 };
    let rounds = if cfg!(miri) { 2 } else { 3 };
    // Small enough that the pool runs out in some runs: the failures are
    // checked too.
    for (frame_size, workers_n) in [(frame_bytes(256 * 1024, 8 * 1024), 2), (16 * 1024, 3)] {
        let arena = Arena::with_capacity(frame_size);
        let persistent = arena.alloc_str("persistent");
        // The frame is an ephemeral child, as in a program's frame loop.
        let mut frame = arena.ephemeral();
        for round in 0..rounds {
            let mut workers = frame.split(workers_n);
            let results: Vec<(Vec<Record<'_>>, usize)> = std::thread::scope(|s| {
                let handles: Vec<_> = workers
                    .iter_mut()
                    .enumerate()
                    .map(|(i, worker)| {
                        let seed = round * 1000 + i as u64 + 7;
                        s.spawn(move || random_work(worker, seed, steps))
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap()).collect()
            });
            let all: Vec<&Record<'_>> = results.iter().flat_map(|(r, _)| r).collect();
            assert!(!all.is_empty());
            let failures: usize = results.iter().map(|(_, f)| f).sum();
            if frame_size == 16 * 1024 && !cfg!(miri) {
                assert!(failures > 0, "the small frame was meant to run out");
            }
            check_model(&all);
            drop(results);
            drop(workers);
            assert!(!frame.is_sealed());
            frame.reset();
        }
        drop(frame);
        assert_eq!(persistent, "persistent");
    }
}

#[test]
fn one_worker_can_take_ninety_percent_of_the_frame() {
    let frame = Arena::with_capacity(frame_bytes(1 << 20, 64 * 1024));
    let target = frame.capacity() * 9 / 10;
    let piece = if cfg!(miri) { 512 } else { 64 };
    let mut workers = frame.split(2);
    let (taken, other) = std::thread::scope(|s| {
        let [busy, idle] = &mut workers[..] else {
            unreachable!()
        };
        let busy = s.spawn(move || {
            let mut taken = Vec::new();
            let mut total = 0;
            while total < target {
                let bytes: &[u8] = busy.try_alloc_slice_fill(piece, 0xAB).unwrap();
                total += bytes.len();
                taken.push(bytes);
            }
            taken
        });
        let idle = s.spawn(move || &*idle.alloc_str("idle"));
        (busy.join().unwrap(), idle.join().unwrap())
    });
    assert!(taken.len() * piece >= target);
    assert!(taken.iter().all(|b| b.iter().all(|&x| x == 0xAB)));
    assert_eq!(other, "idle");
    drop(workers);
    assert!(frame.used() >= target);
    assert!(frame.used() <= frame.capacity());
}

#[test]
fn exhaustion_is_an_error_with_its_numbers_and_other_workers_go_on() {
    let mut frame = Arena::with_capacity(16 * 1024);
    let capacity = frame.capacity();
    let mut workers = frame.split(2);
    let [greedy, other] = &mut workers[..] else {
        unreachable!()
    };
    // Far more than the frame: the error names the request and the pool.
    let err = greedy.try_alloc_bytes(1 << 20).unwrap_err();
    let ArenaError::CapacityExceeded {
        requested,
        remaining,
    } = err
    else {
        panic!("{err}")
    };
    assert_eq!(requested, 1 << 20);
    assert!(remaining > capacity / 2 && remaining < capacity, "{err}");
    // Nothing was taken by the failed request.
    assert_eq!(greedy.try_alloc_bytes(1 << 20).unwrap_err(), err);

    // Take everything, then fail with numbers that explain it.
    let err = loop {
        match greedy.try_alloc_bytes(256) {
            Ok(bytes) => bytes.fill(1),
            Err(err) => break err,
        }
    };
    match err {
        ArenaError::CapacityExceeded {
            requested: 256,
            remaining,
        } => assert!(remaining < 256),
        other => panic!("{other}"),
    }
    // The other worker still works within what it holds, on its thread.
    let label = std::thread::scope(|s| {
        s.spawn(move || &*other.alloc_str("still working"))
            .join()
            .unwrap()
    });
    assert_eq!(label, "still working");
    // And the greedy one for what fits what remains.
    assert!(greedy.try_alloc(1u8).is_ok() || greedy.try_alloc_bytes(256).is_err());
    drop(workers);
    assert!(frame.used() <= capacity);
    assert!(frame.used() > capacity - 2 * 1024);
    frame.reset();
    assert_eq!(frame.used(), 0);
}

#[test]
fn figures_after_drop_count_every_chunk_and_the_next_allocation_comes_after() {
    let mut frame = Arena::with_capacity(frame_bytes(256 * 1024, 32 * 1024));
    frame.alloc_bytes(100);
    let before = frame.used();
    let rounds = if cfg!(miri) { 16 } else { 1_000 };
    let mut workers = frame.split(2);
    let highest: Vec<(usize, usize)> = std::thread::scope(|s| {
        let handles: Vec<_> = workers
            .iter_mut()
            .map(|worker| {
                s.spawn(move || {
                    let mut bytes = 0;
                    let mut highest = 0;
                    for i in 0..rounds {
                        let v = worker.alloc_slice_fill(16, i as u8);
                        bytes += 16;
                        highest = highest.max(v.as_ptr_range().end as usize);
                    }
                    (bytes, highest)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    drop(workers);
    assert!(!frame.is_sealed());
    let worker_bytes: usize = highest.iter().map(|(b, _)| b).sum();
    let used = frame.used();
    assert!(
        used >= before + worker_bytes,
        "{used} < {before} + {worker_bytes}"
    );
    assert!(used <= frame.capacity());
    assert_eq!(frame.peak(), used);
    // The frame's next allocation lies past every byte a worker had.
    let next = frame.alloc(7u8) as *mut u8 as usize;
    assert!(highest.iter().all(|&(_, end)| next >= end));
    // The reset reclaims all of it, however many chunks there were.
    let peak = frame.peak();
    frame.reset();
    assert_eq!(frame.used(), 0);
    assert_eq!(frame.peak(), peak);
    assert_eq!(frame.remaining(), frame.capacity());
}

/// The reset after a split does not depend on the number of chunks the
/// workers took: it moves the bump pointer back, whatever they were. A frame
/// after many chunks and a frame after one end in the same state, and the
/// next split gets the whole frame again.
#[test]
fn reset_after_a_split_is_the_same_for_one_chunk_and_many() {
    let size = frame_bytes(256 * 1024, 32 * 1024);
    let mut few = Arena::with_capacity(size);
    let mut many = Arena::with_capacity(size);
    {
        let workers = few.split(2);
        workers[0].alloc(1u8);
    }
    {
        let workers = many.split(2);
        // Many refills: allocations larger than each chunk before them.
        let mut n = 0;
        while workers[0].try_alloc_bytes(512).is_ok() {
            n += 1;
        }
        assert!(n > 10);
    }
    assert!(many.used() > few.used());
    few.reset();
    many.reset();
    for frame in [&few, &many] {
        assert_eq!(frame.used(), 0);
        assert_eq!(frame.remaining(), frame.capacity());
        let workers = frame.split(2);
        let mut n = 0;
        while workers[1].try_alloc_bytes(512).is_ok() {
            n += 1;
        }
        assert!(n * 512 > size * 8 / 10);
    }
}

#[test]
fn steady_parallel_frames_make_no_heap_allocation() {
    let (warm_up, frames) = if cfg!(miri) { (1, 2) } else { (5, 200) };
    let pushes = if cfg!(miri) { 20 } else { 100 };
    let mut frame = Arena::with_capacity(64 * 1024);
    let run = |frame: &mut Arena<'_>| -> usize {
        let frame_ref: &Arena<'_> = frame;
        let (main_calls, mut workers) = allocations_in(|| frame_ref.split(2));
        let calls: Vec<usize> = std::thread::scope(|s| {
            let handles: Vec<_> = workers
                .iter_mut()
                .enumerate()
                .map(|(i, worker)| {
                    s.spawn(move || {
                        // Counted on this thread, around the work only (not the
                        // spawn, which is the caller's).
                        allocations_in(|| {
                            let mut v = ArenaVec::new_in(worker);
                            for k in 0..pushes {
                                v.push(k * i as u32);
                            }
                            let mut s = ArenaStr::new_in(worker);
                            write!(s, "worker {i}: {}", v.len()).unwrap();
                            let mut map = ArenaHashMap::new_in(worker);
                            map.insert(i, v.len());
                            assert!(s.starts_with("worker "));
                        })
                        .0
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let (drop_calls, ()) = allocations_in(|| drop(workers));
        let (reset_calls, ()) = allocations_in(|| frame.reset());
        main_calls + drop_calls + reset_calls + calls.iter().sum::<usize>()
    };
    for _ in 0..warm_up {
        run(&mut frame);
    }
    let peak = frame.peak();
    for index in 0..frames {
        assert_eq!(run(&mut frame), 0, "heap calls in parallel frame {index}");
    }
    assert_eq!(frame.peak(), peak);
    // The counter counts on a worker's thread too.
    let mut workers = frame.split(1);
    let seen = std::thread::scope(|s| {
        let worker = &mut workers[0];
        s.spawn(move || allocations_in(|| drop(std::hint::black_box(vec![worker.alloc(1u8)]))).0)
            .join()
            .unwrap()
    });
    assert_eq!(seen, 1);
}

#[test]
fn every_collection_and_allocation_works_on_a_worker() {
    let frame = Arena::with_capacity(64 * 1024);
    let mut workers = frame.split(2);
    let (nums, text, squares, scratch_len) = std::thread::scope(|s| {
        let [a, b] = &mut workers[..] else {
            unreachable!()
        };
        let first = s.spawn(move || {
            let nums = ArenaVec::from_iter_in(0..50u32, a).into_slice();
            let mut map: ArenaHashMap<'_, u32, u32> = ArenaHashMap::new_in(a);
            for &n in nums.iter() {
                map.insert(n, n * n);
            }
            let squares = a.alloc_slice_fill_with(5, |i| map[&(i as u32)]);
            (&*nums, &*squares)
        });
        let second = s.spawn(move || {
            let text = format_in!(b, "{}-{}", "left", 42).into_str();
            let zeroed = b.alloc_slice_zeroed::<u64>(8);
            assert!(zeroed.iter().all(|&z| z == 0));
            let one = b.alloc((1u8, 2u32));
            assert_eq!(*one, (1, 2));
            // A worker has children like any arena.
            let scratch_len = {
                let mut scratch = b.ephemeral();
                let len = ArenaVec::from_iter_in(0..10u8, &scratch).len();
                scratch.reset();
                len
            };
            (text, scratch_len)
        });
        let (nums, squares) = first.join().unwrap();
        let (text, scratch_len) = second.join().unwrap();
        (nums, text, squares, scratch_len)
    });
    assert_eq!(nums.len(), 50);
    assert_eq!(nums[49], 49);
    assert_eq!(squares, &[0, 1, 4, 9, 16]);
    assert_eq!(text, "left-42");
    assert_eq!(scratch_len, 10);
}

#[test]
fn a_worker_that_resets_itself_stays_sound() {
    let frame = Arena::with_capacity(frame_bytes(64 * 1024, 16 * 1024));
    let mut workers = frame.split(2);
    std::thread::scope(|s| {
        for (i, worker) in workers.iter_mut().enumerate() {
            s.spawn(move || {
                let (rounds, steps) = if cfg!(miri) { (2, 10) } else { (3, 30) };
                for round in 0..rounds {
                    let (records, _) = random_work(worker, 11 + i as u64 + round * 3, steps);
                    check_model(&records.iter().collect::<Vec<_>>());
                    drop(records);
                    worker.reset();
                    assert_eq!(worker.used(), 0);
                }
            });
        }
    });
    drop(workers);
    assert!(!frame.is_sealed());
}

#[test]
fn growing_frames_give_growing_workers() {
    let frame = Arena::builder()
        .growth(Growth::UNLIMITED)
        .try_with_capacity(4096)
        .unwrap();
    let mut workers = frame.split(2);
    assert_eq!(workers[0].growth(), Growth::UNLIMITED);
    let lens = std::thread::scope(|s| {
        let handles: Vec<_> = workers
            .iter_mut()
            .map(|w| s.spawn(move || w.alloc_slice_fill(10_000, 3u8).len()))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .collect::<Vec<_>>()
    });
    assert_eq!(lens, [10_000, 10_000]);
    assert!(workers.iter().all(|w| w.overflow_chunks() >= 1));
    // A fixed frame's workers fail instead.
    drop(workers);
    let fixed = Arena::with_capacity(4096);
    let workers = fixed.split(2);
    assert!(matches!(
        workers[0].try_alloc_bytes(10_000),
        Err(ArenaError::CapacityExceeded {
            requested: 10_000,
            ..
        })
    ));
}

#[test]
fn split_errors() {
    let frame = Arena::with_capacity(4096);
    assert_eq!(
        frame.try_split(0).unwrap_err(),
        ArenaError::InvalidWorkerCount { count: 0 }
    );
    assert_eq!(
        ArenaError::InvalidWorkerCount { count: 0 }.to_string(),
        "invalid worker count 0: split a frame into at least one worker"
    );
    {
        let _workers = frame.split(2);
        assert!(frame.is_sealed());
        assert_eq!(frame.try_split(2).unwrap_err(), ArenaError::Sealed);
        assert_eq!(frame.try_alloc(1u8), Err(ArenaError::Sealed));
        assert_eq!(frame.try_ephemeral().unwrap_err(), ArenaError::Sealed);
    }
    {
        let _child = frame.ephemeral();
        assert_eq!(frame.try_split(2).unwrap_err(), ArenaError::Sealed);
    }
    // No room for the worker structs.
    let tiny = Arena::with_capacity(64);
    assert!(matches!(
        tiny.try_split(4),
        Err(ArenaError::CapacityExceeded { .. })
    ));
    assert!(!tiny.is_sealed());
    assert_eq!(tiny.used(), 0);
    // One worker is a split too.
    let one = frame.split(1);
    assert_eq!(one.len(), 1);
}

#[test]
#[should_panic(expected = "invalid worker count 0")]
fn split_of_zero_panics_with_the_message() {
    let frame = Arena::with_capacity(4096);
    let _ = frame.split(0);
}

/// Fills what `worker` holds now, so that its next allocation takes a chunk.
fn fill(worker: &Arena<'_>) {
    let left = worker.remaining();
    worker.alloc_bytes(left).fill(7);
    assert_eq!(worker.remaining(), 0);
}

#[test]
fn every_worker_starts_on_a_slice_of_its_own_and_refills_take_doubling_chunks() {
    let frame = Arena::with_capacity(1 << 20);
    // How far the workers' bump pointers reach when nobody allocates.
    let untouched = {
        drop(frame.split(3));
        frame.used()
    };
    let mut frame = frame;
    frame.reset();
    let workers = frame.split(3);
    // Each worker starts with room of its own (1/16 of the pool, split
    // three ways, in whole cache lines): filling it takes nothing more.
    let slice = workers[0].remaining();
    assert!(slice >= 64 && slice % 64 == 0, "{slice}");
    for worker in workers.iter() {
        assert_eq!(worker.remaining(), slice);
        assert_eq!(worker.capacity(), slice);
        fill(worker);
    }
    // Refills: each chunk doubles the worker's last one (the first doubles
    // its start slice), as long as the pool has room for that.
    let worker = &workers[1];
    let mut last = slice;
    for _ in 0..3 {
        worker.alloc_bytes(8).fill(1);
        let chunk = worker.remaining() + 8;
        assert!(
            chunk >= 2 * last && chunk < 2 * last + 64,
            "{chunk} after {last}"
        );
        fill(worker);
        last = chunk;
    }
    drop(workers);
    // Filling the start slices moved nothing: only the refills count on top.
    assert_eq!(
        frame.used(),
        untouched + (2 * slice + 4 * slice + 8 * slice)
    );
}

#[test]
fn the_start_slices_are_a_sixteenth_of_the_pool_in_whole_cache_lines() {
    // A fresh frame starts on a cache line; the worker structs come first,
    // the pool (what follows them) starts at the next cache line.
    let structs = mem::size_of::<Arena<'_>>();
    for n in [1usize, 2, 3] {
        for extra in (0..40).map(|k| k * 24) {
            let frame = Arena::with_capacity(4096 + extra);
            let end = frame.capacity();
            let pool_start = (n * structs).next_multiple_of(64).min(end);
            let expected = ((end - pool_start) / 16 / n) & !63;
            let workers = frame.split(n);
            for worker in workers.iter() {
                assert_eq!(worker.remaining(), expected, "n {n}, capacity {end}");
            }
        }
    }
    // A frame with no room after the structs gives workers that start empty.
    let frame = Arena::with_capacity(structs);
    let workers = frame.split(1);
    assert_eq!(workers[0].remaining(), 0);
}

#[test]
fn a_pool_exhausted_at_a_large_alignment_names_exactly_what_still_fits() {
    let mut frame = Arena::with_capacity(64 * 1024);
    for skew in [0usize, 8, 200] {
        frame.alloc_bytes(skew);
        let workers = frame.split(2);
        let worker = &workers[0];
        let huge = Layout::from_size_align(1 << 20, 4096).unwrap();
        let Err(ArenaError::CapacityExceeded { remaining, .. }) = worker.try_alloc_layout(huge)
        else {
            panic!("1 MiB fits a 64 KiB frame")
        };
        // What the error names as remaining at this alignment fits, and
        // one byte more does not.
        let fits = Layout::from_size_align(remaining, 4096).unwrap();
        let over = Layout::from_size_align(remaining + 1, 4096).unwrap();
        assert!(worker.try_alloc_layout(over).is_err(), "skew {skew}");
        let block = worker.try_alloc_layout(fits).expect("what the error named");
        assert_eq!(block.as_ptr().cast::<u8>().addr() % 4096, 0);
        drop(workers);
        frame.reset();
    }
}

#[test]
fn workers_debug_as_the_list_of_their_arenas() {
    let frame = Arena::with_capacity(16 * 1024);
    let workers = frame.split(3);
    workers[1].alloc_bytes(100);
    let text = format!("{workers:?}");
    assert_eq!(text, format!("{:?}", &workers[..]));
    assert!(
        text.starts_with("[Arena {") && text.ends_with("}]"),
        "{text}"
    );
    assert_eq!(text.matches("Arena {").count(), 3, "{text}");
    assert_eq!(text.matches("used: 100,").count(), 1, "{text}");
}

#[test]
fn leaked_workers_leave_the_frame_sealed_until_its_reset() {
    let mut frame = Arena::with_capacity(4096);
    let workers = frame.split(2);
    workers[0].alloc(1u32);
    mem::forget(workers);
    assert!(frame.is_sealed());
    assert_eq!(frame.try_alloc(1u8), Err(ArenaError::Sealed));
    frame.reset();
    assert!(!frame.is_sealed());
    assert_eq!(*frame.alloc(5u8), 5);
    let workers = frame.split(2);
    assert_eq!(*workers[1].alloc(6u8), 6);
}

#[test]
fn a_worker_moved_out_keeps_the_frame_sealed_until_it_is_dropped() {
    let frame = Arena::with_capacity(8192);
    let mut workers = frame.split(2);
    let kept = mem::replace(&mut workers[0], Arena::with_capacity(64));
    let x = kept.alloc(9u64);
    drop(workers); // drops the arena swapped in, and worker 1
    assert!(frame.is_sealed());
    assert_eq!(frame.try_alloc(1u8), Err(ArenaError::Sealed));
    assert_eq!(*x, 9);
    drop(kept);
    assert!(!frame.is_sealed());
    assert!(frame.try_alloc(1u8).is_ok());
}

#[test]
#[cfg_attr(
    miri,
    ignore = "rayon's thread pool is slow under Miri; the scoped-thread tests cover the same paths"
)]
fn rayon_par_iter_mut_zip_jobs() {
    use rayon::prelude::*;
    let mut frame = Arena::with_capacity(256 * 1024);
    for _ in 0..3 {
        let mut workers = frame.split(4);
        let jobs: Vec<u32> = vec![10, 20, 30, 40];
        let results: Vec<&[u32]> = workers
            .par_iter_mut()
            .zip(jobs)
            .map(|(worker, job)| &*ArenaVec::from_iter_in(0..job, worker).into_slice())
            .collect();
        assert_eq!(
            results.iter().map(|r| r.len()).collect::<Vec<_>>(),
            [10, 20, 30, 40]
        );
        assert_eq!(results[3][39], 39);
        drop(workers);
        frame.reset();
    }
}
