//! Steady state: after a few warm-up frames, a frame loop over the collections'
//! common paths makes no heap allocation at all, and the arena's `peak()` stops
//! growing.
//!
//! A counting global allocator counts, per thread, the allocations made while
//! that thread's counting window is open, so the tests of this binary, which
//! run in parallel, do not see each other's allocations.
//!
//! Per frame: a persistent `ArenaVec` (with capacity) is refilled, a persistent
//! `ArenaHashMap` is churned at full load (one key out, one in, every value
//! updated), a frame `ArenaVec` grows from empty, an `ArenaStr` is built with
//! `format_in!` and `write!`, then the frame is reset.
//!
//! The UI-layout demo's engine (`examples/ui_layout*`, being written on
//! another branch, with `tests/ui_layout_steady_state.rs`) is not here yet:
//! it joins this loop when it lands.

use std::fmt::Write as _;

use arena_memory::{format_in, Arena, ArenaHashMap, ArenaStr, ArenaVec};

#[path = "common/counting.rs"]
mod counting;

use counting::allocations_in;

const MAP_CAPACITY: u32 = 64;
const ROWS: usize = 256;

/// The persistent state a frame reads and updates.
struct Persistent<'a> {
    rows: ArenaVec<'a, u32>,
    totals: ArenaHashMap<'a, u32, u64>,
    /// The smallest key in `totals`: the next one to go out.
    oldest: u32,
}

/// One frame's work on the collections' common paths.
fn frame(index: u32, state: &mut Persistent<'_>, frame: &Arena<'_>) -> usize {
    // The persistent vector is refilled within its capacity.
    state.rows.clear();
    for row in 0..ROWS as u32 {
        state.rows.try_push(row ^ index).unwrap();
    }
    // The persistent map stays at full load: one key out, one new key in,
    // every value updated in place.
    assert_eq!(state.totals.len(), state.totals.capacity());
    assert!(state.totals.remove(&state.oldest).is_some());
    let newest = state.oldest + state.totals.capacity() as u32;
    state.oldest += 1;
    assert_eq!(state.totals.try_insert(newest, 0), Ok(None));
    for value in state.totals.values_mut() {
        *value += u64::from(index);
    }
    assert_eq!(
        state.totals.try_insert(newest, 1),
        Ok(Some(u64::from(index)))
    );

    // Ephemeral: a vector grown from empty, strings built by formatting.
    let mut visible = ArenaVec::new_in(frame);
    for &row in state.rows.iter().filter(|&&row| row % 3 == 0) {
        visible.try_push(row).unwrap();
    }
    let title = format_in!(
        frame,
        "frame {index:04}: {} rows, {:.2} avg",
        visible.len(),
        1.5
    );
    let mut label = ArenaStr::with_capacity_in(16, frame);
    write!(label, "#{index:04x}").unwrap();
    label.try_push_str(" / ").unwrap();
    label.try_push_str(&title).unwrap();
    let words: ArenaVec<'_, &str> = ArenaVec::from_iter_in(label.split(' '), frame);
    let total: usize = visible.len() + words.len() + label.len();
    assert!(label.starts_with('#'));
    total
}

#[test]
fn frames_make_no_heap_allocation_after_warm_up_and_peak_stops_growing() {
    let (warm_up, frames) = if cfg!(miri) { (3, 12) } else { (10, 1_000) };

    let arena = Arena::with_capacity(64 * 1024);
    let mut state = Persistent {
        rows: ArenaVec::with_capacity_in(ROWS, &arena),
        totals: ArenaHashMap::try_with_capacity_in(MAP_CAPACITY as usize, &arena).unwrap(),
        oldest: 0,
    };
    // At full load: as many keys as the map's capacity (at least the 64 asked).
    let full = state.totals.capacity() as u32;
    for key in 0..full {
        state.totals.insert(key, 0);
    }
    let persistent_used = arena.used();
    let mut scratch = arena.ephemeral();

    for index in 0..warm_up {
        frame(index, &mut state, &scratch);
        scratch.reset();
    }
    let peak_after_warm_up = scratch.peak();
    assert!(peak_after_warm_up > 0);

    let (allocations, checksum) = allocations_in(|| {
        let mut checksum = 0usize;
        for index in warm_up..warm_up + frames {
            checksum = checksum.wrapping_add(frame(index, &mut state, &scratch));
            scratch.reset();
            assert_eq!(scratch.peak(), peak_after_warm_up, "frame {index}");
        }
        checksum
    });
    assert!(checksum > 0);
    assert_eq!(allocations, 0, "heap allocations in {frames} steady frames");

    // The persistent region did not move either.
    assert_eq!(scratch.used(), 0);
    drop(scratch);
    assert_eq!(arena.used(), persistent_used);
    assert_eq!(state.rows.len(), ROWS);
    assert_eq!(state.totals.len(), full as usize);
    let newest = warm_up + frames - 1 + full;
    assert_eq!(state.totals.get(&newest), Some(&1));
}

/// The counter counts: a `Vec` allocation inside the window is seen, so the
/// zero above is not a counter that never moves.
#[test]
fn the_counting_allocator_sees_heap_allocations() {
    let (allocations, v) = allocations_in(|| {
        let mut v = Vec::with_capacity(4);
        v.push(1u8);
        v
    });
    assert_eq!(v, [1]);
    assert_eq!(allocations, 1);
}
