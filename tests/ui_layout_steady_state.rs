//! The demo's layout engine (`examples/ui_layout/engine.rs`, included here
//! as it is) runs its frames without a single heap allocation once warm, the
//! frame arena's peak stops growing, and the persistent maps keep what the
//! last frame recorded.
//!
//! This binary holds one test, so that no other test allocates while the
//! counting allocator's window is open (cargo runs tests in threads).

use std::sync::atomic::Ordering;

use arena_memory::{Arena, ArenaError};

#[path = "../examples/ui_layout/dashboard.rs"]
mod dashboard;
#[path = "../examples/ui_layout/engine.rs"]
#[expect(
    dead_code,
    reason = "the test drives the engine; the report helpers are the example's"
)]
mod engine;

use engine::{id, Capacities, Engine, Rect};

#[path = "../examples/ui_layout/counting.rs"]
mod counting;

use counting::{Counting, ALLOCATIONS};

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Frames to run. Under Miri, which is slow, a few frames of a small
/// dashboard still go through every path of a frame.
const FRAMES: u32 = if cfg!(miri) { 5 } else { 200 };
/// Frames before the steady state.
const WARM_UP: u32 = if cfg!(miri) { 2 } else { 20 };
/// Elements per frame: the demo's default natively (393 feed rows), 5 rows
/// under Miri.
const ELEMENTS: usize = if cfg!(miri) { 60 } else { 2000 };

#[test]
fn steady_state_frames_make_no_heap_allocation() -> Result<(), ArenaError> {
    let rows = dashboard::rows_for(ELEMENTS);
    let elements = dashboard::elements_for(rows);
    let arena = Arena::try_with_capacity(1024 + elements * 1024)?;
    // The counter is live: the arena's block came from the global allocator.
    assert!(ALLOCATIONS.load(Ordering::Relaxed) > 0);
    let mut engine = Engine::new_in(Capacities::for_elements(elements), &arena)?;
    let persistent = arena.used();
    let mut frame = arena.try_ephemeral()?;

    let mut steady_allocations = 0;
    let mut peak_after_warm_up = 0;
    let mut feed_bounds = None;
    let mut unrecorded = 0;
    for n in 0..FRAMES {
        let before = ALLOCATIONS.load(Ordering::Relaxed);
        let mut ui = engine.begin_frame(&frame, dashboard::input_for(n))?;
        dashboard::declare(&mut ui, n, rows)?;
        let laid_out = ui.end_frame()?;
        assert_eq!(laid_out.elements.len(), elements);
        if n + 1 == FRAMES {
            // Every element's box is in the persistent map as laid out.
            for element in laid_out.elements.iter() {
                if engine.bounds_of(element.id) != Some(element.bounds) {
                    unrecorded += 1;
                }
            }
            feed_bounds = laid_out
                .elements
                .iter()
                .find(|element| element.id == id("feed"))
                .map(|element| element.bounds);
        }
        frame.reset();
        let after = ALLOCATIONS.load(Ordering::Relaxed);
        if n >= WARM_UP {
            steady_allocations += after - before;
        }
        if n + 1 == WARM_UP {
            peak_after_warm_up = frame.peak();
        }
    }

    assert_eq!(
        steady_allocations, 0,
        "heap allocations in frames {WARM_UP}..{FRAMES}"
    );
    assert!(peak_after_warm_up > 0);
    assert_eq!(
        frame.peak(),
        peak_after_warm_up,
        "the frame arena's peak grew after the warm-up"
    );
    assert_eq!(unrecorded, 0, "elements whose last box is not in the map");
    drop(frame);

    // The persistent region is untouched by the frames, and its maps still
    // answer after the frame arena is gone.
    assert_eq!(arena.used(), persistent);
    let feed = feed_bounds.expect("the feed was declared");
    assert_eq!(engine.bounds_of(id("feed")), Some(feed));
    assert_eq!(
        engine.bounds_of(id("root")),
        Some(Rect {
            x: 0.0,
            y: 0.0,
            width: dashboard::VIEWPORT.width,
            height: dashboard::VIEWPORT.height,
        })
    );

    let stats = engine.stats();
    assert_eq!(stats.frames, u64::from(FRAMES));
    assert!(stats.text_hits > 0, "repeated text is found in the cache");
    if !cfg!(miri) {
        // 200 frames fill the text cache: the stale-entry sweep ran, inside
        // the window where nothing may allocate.
        assert!(stats.sweeps > 0 && stats.text_evicted > 0, "{stats:?}");
    }
    Ok(())
}
