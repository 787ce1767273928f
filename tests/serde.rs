//! The `serde` feature: round trips through serde_json, arena exhaustion as a
//! deserialization error, and the cap on what a size hint reserves.
#![cfg(feature = "serde")]

use arena_memory::{Arena, ArenaHashMap, ArenaStr, ArenaVec, Growth};
use serde::de::value::{Error as ValueError, MapDeserializer, SeqDeserializer};
use serde::de::DeserializeSeed;

fn from_json<'a, S>(seed: S, json: &'a str) -> Result<S::Value, serde_json::Error>
where
    S: DeserializeSeed<'a>,
{
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let value = seed.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

#[test]
fn vec_round_trips_through_json() {
    let arena = Arena::with_capacity(4096);
    let points = ArenaVec::from_slice_in(&[(1.5f32, -2i16), (0.0, 7), (3.25, i16::MIN)], &arena);
    let json = serde_json::to_string(&points).unwrap();
    assert_eq!(json, "[[1.5,-2],[0.0,7],[3.25,-32768]]");

    let back = from_json(ArenaVec::<(f32, i16)>::deserialize_in(&arena), &json).unwrap();
    assert_eq!(back, points);
    assert!(arena.contains(back.as_ptr().cast()));

    let empty = from_json(ArenaVec::<u8>::deserialize_in(&arena), "[]").unwrap();
    assert!(empty.is_empty());
    assert_eq!(serde_json::to_string(&empty).unwrap(), "[]");
}

#[test]
fn vec_of_borrowed_strs_borrows_from_the_input() {
    let arena = Arena::with_capacity(4096);
    let json = String::from(r#"["ab","cd"]"#);
    let words = from_json(ArenaVec::<&str>::deserialize_in(&arena), &json).unwrap();
    assert_eq!(words, ["ab", "cd"]);
}

#[test]
fn vec_rejects_what_is_not_a_sequence() {
    let arena = Arena::with_capacity(4096);
    let err = from_json(ArenaVec::<u8>::deserialize_in(&arena), "{}").unwrap_err();
    assert!(err.to_string().contains("expected a sequence"), "{err}");
    let err = from_json(ArenaVec::<u8>::deserialize_in(&arena), "[1, 300]").unwrap_err();
    assert!(err.is_data(), "{err}");
}

#[test]
fn hash_map_rejects_what_is_not_a_map() {
    let arena = Arena::with_capacity(4096);
    let seed = ArenaHashMap::<u8, u8>::deserialize_in(&arena);
    let err = from_json(seed, "[]").unwrap_err();
    assert!(err.to_string().contains("expected a map"), "{err}");
}

#[test]
fn seeds_debug_as_what_they_are() {
    let arena = Arena::with_capacity(4096);
    let vec_seed = format!("{:?}", ArenaVec::<u8>::deserialize_in(&arena));
    assert!(vec_seed.starts_with("ArenaVecSeed { arena: "), "{vec_seed}");
    let map_seed = format!("{:?}", ArenaHashMap::<u8, u8>::deserialize_in(&arena));
    assert!(
        map_seed.starts_with("ArenaHashMapSeed { arena: "),
        "{map_seed}"
    );
}

#[test]
fn str_round_trips_through_json() {
    let arena = Arena::with_capacity(4096);
    let text = ArenaStr::from_str_in("héllo \"quoted\"\n\u{1F600}", &arena);
    let json = serde_json::to_string(&text).unwrap();
    assert_eq!(json, r#""héllo \"quoted\"\n😀""#);

    let back = from_json(ArenaStr::deserialize_in(&arena), &json).unwrap();
    assert_eq!(back, text);
    assert!(arena.contains(back.as_ptr()));

    let err = from_json(ArenaStr::deserialize_in(&arena), "12").unwrap_err();
    assert!(err.to_string().contains("expected a string"), "{err}");
}

#[test]
fn str_accepts_utf8_bytes_and_rejects_others() {
    use serde::de::value::BytesDeserializer;

    let arena = Arena::with_capacity(4096);
    let seed = ArenaStr::deserialize_in(&arena);
    let text = seed
        .deserialize(BytesDeserializer::<ValueError>::new("añb".as_bytes()))
        .unwrap();
    assert_eq!(text, "añb");
    let err = seed
        .deserialize(BytesDeserializer::<ValueError>::new(&[0xff, 0x61]))
        .unwrap_err();
    assert!(err.to_string().contains("expected a string"), "{err}");
}

#[test]
fn hash_map_round_trips_through_json() {
    let arena = Arena::with_capacity(8192);
    let sizes = ArenaHashMap::from_iter_in(
        [
            (1u32, (10.0f32, 20.0f32)),
            (2, (0.5, 1.5)),
            (40, (0.0, -1.0)),
        ],
        &arena,
    );
    let json = serde_json::to_string(&sizes).unwrap();
    let as_std: std::collections::HashMap<String, (f32, f32)> =
        serde_json::from_str(&json).unwrap();
    assert_eq!(as_std.len(), 3);
    assert_eq!(as_std["40"], (0.0, -1.0));

    let back = from_json(
        ArenaHashMap::<u32, (f32, f32)>::deserialize_in(&arena),
        &json,
    )
    .unwrap();
    assert_eq!(back.len(), sizes.len());
    for (key, value) in sizes.iter() {
        assert_eq!(back.get(key), Some(value));
    }
}

#[test]
fn hash_map_keeps_the_last_value_of_a_repeated_key() {
    let arena = Arena::with_capacity(4096);
    let map = from_json(
        ArenaHashMap::<char, i32>::deserialize_in(&arena),
        r#"{"a": 1, "b": 2, "a": 3}"#,
    )
    .unwrap();
    assert_eq!(map.len(), 2);
    assert_eq!(map.get(&'a'), Some(&3));
    assert_eq!(map.get(&'b'), Some(&2));
}

#[test]
fn an_arena_too_small_for_a_vec_is_an_error_and_a_reset_takes_it_all_back() {
    let arena = Arena::with_capacity(256);
    arena.alloc(7u64);
    let used_before = arena.used();
    let json = serde_json::to_string(&(0..100u64).collect::<Vec<_>>()).unwrap();
    {
        let mut frame = arena.ephemeral();
        let err = from_json(ArenaVec::<u64>::deserialize_in(&frame), &json).unwrap_err();
        assert!(err.is_data(), "{err}");
        let message = err.to_string();
        assert!(
            message.starts_with("collection is full")
                || message.starts_with("arena capacity exceeded"),
            "{message}"
        );
        assert!(frame.used() <= frame.capacity());
        frame.reset();
        assert_eq!(frame.used(), 0);
        let fits = from_json(ArenaVec::<u64>::deserialize_in(&frame), "[1, 2, 3]").unwrap();
        assert_eq!(fits, [1, 2, 3]);
    }
    assert_eq!(arena.used(), used_before);
}

#[test]
fn an_arena_too_small_for_a_str_is_an_error_that_allocates_nothing() {
    let arena = Arena::with_capacity(64);
    arena.alloc(1u8);
    let used_before = arena.used();
    let json = serde_json::to_string(&"x".repeat(1000)).unwrap();
    let err = from_json(ArenaStr::deserialize_in(&arena), &json).unwrap_err();
    assert!(
        err.to_string().starts_with("arena capacity exceeded"),
        "{err}"
    );
    assert_eq!(arena.used(), used_before);
}

#[test]
fn an_arena_too_small_for_a_hash_map_is_an_error() {
    let arena = Arena::with_capacity(512);
    let entries: std::collections::HashMap<u32, u64> =
        (0..200).map(|i| (i, u64::from(i))).collect();
    let json = serde_json::to_string(&entries).unwrap();
    let err = from_json(ArenaHashMap::<u32, u64>::deserialize_in(&arena), &json).unwrap_err();
    assert!(err.is_data(), "{err}");
    assert!(arena.used() <= arena.capacity());
}

/// Yields `items` but claims (as an exact size hint) to hold `claimed`, as a
/// hostile length prefix in a binary format would.
struct LyingLength<I> {
    items: I,
    claimed: usize,
}

impl<I: Iterator> Iterator for LyingLength<I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        self.items.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.claimed, Some(self.claimed))
    }
}

/// A growing arena would take a chunk for any reservation, so it shows what a
/// size hint reserved.
fn growing_arena() -> Arena<'static> {
    Arena::builder()
        .growth(Growth::up_to(1 << 30))
        .with_capacity(1024)
}

#[test]
fn a_huge_sequence_length_hint_reserves_only_a_little() {
    let arena = growing_arena();
    let claimed = 1 << 24; // 128 MiB of u64
    let elements = LyingLength {
        items: [1u64, 2, 3].into_iter(),
        claimed,
    };
    let vec = ArenaVec::<u64>::deserialize_in(&arena)
        .deserialize(SeqDeserializer::<_, ValueError>::new(elements))
        .unwrap();
    assert_eq!(vec, [1, 2, 3]);
    assert!(vec.capacity() <= 4096, "reserved {}", vec.capacity());
    assert!(
        arena.capacity() < 1 << 20,
        "arena grew to {}",
        arena.capacity()
    );
}

#[test]
fn a_huge_sequence_length_hint_in_a_small_fixed_arena_still_deserializes() {
    let arena = Arena::with_capacity(128);
    let elements = LyingLength {
        items: [1u32, 2, 3].into_iter(),
        claimed: usize::MAX,
    };
    let vec = ArenaVec::<u32>::deserialize_in(&arena)
        .deserialize(SeqDeserializer::<_, ValueError>::new(elements))
        .unwrap();
    assert_eq!(vec, [1, 2, 3]);
}

#[test]
fn an_honest_sequence_length_hint_reserves_up_front() {
    let arena = Arena::with_capacity(4096);
    let vec = ArenaVec::<u32>::deserialize_in(&arena)
        .deserialize(SeqDeserializer::<_, ValueError>::new(0..100u32))
        .unwrap();
    assert_eq!(vec.len(), 100);
    assert_eq!(vec.capacity(), 100);
}

#[test]
fn a_huge_map_length_hint_reserves_only_a_little() {
    let arena = growing_arena();
    let entries = LyingLength {
        items: [(1u32, 10u64), (2, 20)].into_iter(),
        claimed: 1 << 20, // tens of MiB of table, within the growth limit
    };
    let map = ArenaHashMap::<u32, u64>::deserialize_in(&arena)
        .deserialize(MapDeserializer::<_, ValueError>::new(entries))
        .unwrap();
    assert_eq!(map.len(), 2);
    assert_eq!(map.get(&2), Some(&20));
    assert!(map.capacity() <= 4096, "reserved {}", map.capacity());
    assert!(
        arena.capacity() < 1 << 20,
        "arena grew to {}",
        arena.capacity()
    );
}
