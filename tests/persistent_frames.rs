//! Clay's frame loop: a persistent map and a persistent vector, made before
//! `ephemeral()`, keep their contents through many frames of ephemeral
//! allocation and reset, while the map is updated every frame at full load.

use std::collections::HashMap;

use arena_memory::{format_in, Arena, ArenaError, ArenaHashMap, ArenaStr, ArenaVec};

/// Frames to run: 1,000 natively; 50 under Miri, which is slow, and for which
/// 50 frames already cover every path (fill, churn at full load, reset).
const FRAMES: u32 = if cfg!(miri) { 50 } else { 1000 };

#[test]
fn persistent_collections_survive_a_thousand_frames() {
    let arena = Arena::with_capacity(64 * 1024);

    // Persistent region: element id -> (state), and a fixed-capacity array.
    let mut states = ArenaHashMap::<u32, (u32, f32)>::with_capacity_in(64, &arena).unwrap();
    let mut history = ArenaVec::<u32>::with_capacity_in(32, &arena).unwrap();
    let capacity = states.capacity();
    let table_bytes = arena.used();

    let mut model_states: HashMap<u32, (u32, f32)> = HashMap::new();
    let mut model_history: Vec<u32> = Vec::new();
    // Fill the map to full load before the first frame.
    for id in 0..capacity as u32 {
        states.insert(id, (0, 0.0));
        model_states.insert(id, (0, 0.0));
    }
    let mut next_id = capacity as u32;

    let mut frame = arena.ephemeral();
    for n in 0..FRAMES {
        // Ephemeral work: a vector, a string and raw allocations, thrown away
        // at the reset.
        let mut commands = ArenaVec::<u64>::new_in(&frame);
        for i in 0..(20 + n % 50) {
            commands.push(u64::from(i) * u64::from(n));
        }
        let label = format_in!(&frame, "frame {n}: {} commands", commands.len()).unwrap();
        assert!(label.starts_with("frame "));
        let scratch = frame.alloc_slice_fill(100 + (n % 7) as usize * 50, n as u8);
        assert!(scratch.iter().all(|&b| b == n as u8));
        let mut text = ArenaStr::new_in(&frame);
        text.push_str(&label);

        // The persistent map at full load: a new key is refused...
        assert_eq!(
            states.try_insert(u32::MAX, (0, 0.0)),
            Err(ArenaError::CollectionFull { capacity })
        );
        // ...existing values are updated...
        let touched = (n * 7) % next_id;
        if let Some(state) = states.get_mut(&touched) {
            state.0 += 1;
            state.1 += 0.5;
        }
        if let Some(state) = model_states.get_mut(&touched) {
            state.0 += 1;
            state.1 += 0.5;
        }
        // ...and some elements leave while as many new ones arrive.
        let leaving: Vec<u32> = model_states
            .keys()
            .copied()
            .filter(|id| id % 5 == n % 5)
            .take(3)
            .collect();
        for id in &leaving {
            assert_eq!(states.remove(id), model_states.remove(id));
        }
        for _ in 0..leaving.len() {
            states.insert(next_id, (n, n as f32));
            model_states.insert(next_id, (n, n as f32));
            next_id += 1;
        }
        assert_eq!(states.len(), capacity);

        // The persistent vector: Clay's fixed-capacity array, swap-removing
        // when full.
        if history.len() == history.capacity() {
            let oldest = (n as usize) % history.len();
            assert_eq!(
                history.swap_remove(oldest),
                model_history.swap_remove(oldest)
            );
        }
        history.push(n);
        model_history.push(n);
        assert_eq!(
            history.try_reserve(history.capacity()),
            Err(ArenaError::Sealed)
        );

        assert_eq!(history, model_history.as_slice());
        frame.reset();
    }
    drop(frame);

    assert_eq!(states.len(), model_states.len());
    for (id, state) in &model_states {
        assert_eq!(states.get(id), Some(state));
    }
    assert_eq!(history, model_history.as_slice());
    assert_eq!(history.capacity(), 32);
    assert_eq!(states.capacity(), capacity);
    // Nothing persistent was allocated during the frames.
    assert_eq!(arena.used(), table_bytes);
    assert!(arena.peak() > table_bytes);
}
