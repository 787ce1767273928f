//! Operation streams over a fixed-capacity `ArenaHashMap<u16, u32>` checked
//! against `std::collections::HashMap` after every step.
//!
//! Keys are `u16` so that collisions, tombstones and full-load churn are
//! common. Inserts below capacity and removals never allocate (the arena's
//! figures do not move); an insert of a new key at capacity is
//! `CollectionFull { capacity }` and changes nothing; `try_reserve` grows the
//! table or fails and changes nothing. A frame arena seals the parent, and its
//! allocations must never show up in the map.
#![no_main]

use std::collections::HashMap;

use arbitrary::Arbitrary;
use arena_memory::{Arena, ArenaError, ArenaHashMap};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Op {
    Insert(u16, u32),
    Remove(u16),
    Get(u16),
    GetMut(u16, u32),
    Retain(u8),
    Clear,
    Reserve(u64),
    IterSum,
    OpenFrame,
    FrameAlloc(u8),
    CloseFrame,
}

#[derive(Arbitrary, Debug)]
struct Input {
    arena_capacity: u16,
    map_capacity: u8,
    key_mask: u16,
    ops: Vec<Op>,
}

#[path = "common.rs"]
mod common;

use common::{assert_explained, figures};

fuzz_target!(|input: Input| {
    let arena = Arena::with_capacity(256 + input.arena_capacity as usize % 8192);
    let Ok(mut map) =
        ArenaHashMap::<u16, u32>::with_capacity_in(input.map_capacity as usize, &arena)
    else {
        return;
    };
    // Fewer distinct keys make full-load churn likely.
    let key_mask = input.key_mask | 0x7;
    let mut model: HashMap<u16, u32> = HashMap::new();
    let mut frame: Option<Arena<'_>> = None;

    for &op in &input.ops {
        let before = figures(&arena);
        let capacity = map.capacity();
        match op {
            Op::Insert(k, v) => {
                let k = k & key_mask;
                let result = map.try_insert(k, v);
                if model.contains_key(&k) || model.len() < capacity {
                    assert_eq!(result, Ok(model.insert(k, v)));
                } else {
                    assert_eq!(result, Err(ArenaError::CollectionFull { capacity }));
                }
                // Inserting never allocates: the table has its room.
                assert_eq!(figures(&arena), before);
            }
            Op::Remove(k) => {
                let k = k & key_mask;
                assert_eq!(map.remove(&k), model.remove(&k));
                assert_eq!(figures(&arena), before);
            }
            Op::Get(k) => {
                let k = k & key_mask;
                assert_eq!(map.get(&k), model.get(&k));
                assert_eq!(map.contains_key(&k), model.contains_key(&k));
            }
            Op::GetMut(k, v) => {
                let k = k & key_mask;
                match (map.get_mut(&k), model.get_mut(&k)) {
                    (Some(a), Some(b)) => {
                        *a = v;
                        *b = v;
                    }
                    (None, None) => {}
                    (a, b) => panic!("get_mut disagrees: {a:?} vs {b:?}"),
                }
            }
            Op::Retain(m) => {
                let m = m as u32 % 4 + 2;
                map.retain(|_, v| *v % m != 0);
                model.retain(|_, v| *v % m != 0);
                assert_eq!(figures(&arena), before);
            }
            Op::Clear => {
                map.clear();
                model.clear();
                assert_eq!(map.capacity(), capacity);
            }
            Op::Reserve(n) => {
                let n = n as usize;
                match map.try_reserve(n) {
                    Ok(()) => assert!(map.capacity() >= model.len() + n),
                    Err(err) => {
                        assert_eq!(figures(&arena), before, "{err:?}");
                        assert_eq!(map.capacity(), capacity);
                        assert_explained(err, frame.is_some(), &op);
                        // Only absurd requests overflow the table's size math.
                        if err == ArenaError::SizeOverflow {
                            assert!(model.len().checked_add(n).is_none_or(|t| t > 1 << 40));
                        }
                    }
                }
            }
            Op::IterSum => {
                let got: u64 = map.iter().map(|(&k, &v)| k as u64 * v as u64).sum();
                let want: u64 = model.iter().map(|(&k, &v)| k as u64 * v as u64).sum();
                assert_eq!(got, want);
                assert_eq!(map.keys().count(), model.len());
                assert_eq!(map.values().count(), model.len());
            }
            Op::OpenFrame => {
                if frame.is_none() {
                    frame = Some(arena.ephemeral());
                }
            }
            Op::FrameAlloc(n) => {
                if let Some(frame) = frame.as_mut() {
                    if frame
                        .try_alloc_slice_fill(n as usize * 4, 0xDEAD_BEEFu32)
                        .is_err()
                    {
                        frame.reset();
                    }
                }
            }
            Op::CloseFrame => frame = None,
        }
        assert_eq!(map.len(), model.len());
        assert!(map.len() <= map.capacity());
    }
    for (k, v) in &model {
        assert_eq!(map.get(k), Some(v));
    }
});
